/**
 * The opt-in filter controls of <imh-session-list> (the `filters` attribute), loaded only by pages
 * that ask for them: category, place, age, when ("This week", "Next week"), a text search, the
 * visible result count (said once, after a change, by a visually hidden status) and "Clear filters".
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Feed, Place, Session } from '../../feed/types.js';
import { both, shownString } from '../../internal/feed-text.js';
import { pickText } from '../../feed/text.js';
import { fold } from '../../internal/fold.js';
import { plural } from '../../internal/format.js';
import { anyLabel } from '../../internal/labels.js';
import { str, type Translator } from '../../internal/localize.js';
import { weekday, type DayNumber } from '../../schedule/civil.js';
import type { SessionOccurrence } from '../../schedule/occurrences.js';
import { categoryName } from './categories.js';
import { matches, type Filters } from './filters.js';

/** How long the search waits after the last key press before it filters (and announces the count). */
const DEBOUNCE_MS = 300;

/** Age choices: the value is a representative age in months (pregnancy as weeks, negative). */
const ages = (t: Translator) => [
  ['-20', t.msg('Pregnancy', { id: 'filters.age.pregnancy', desc: 'An age filter choice: sessions for pregnancy' })],
  ['3', t.msg('Under 6 months', { id: 'filters.age.0-6', desc: 'An age filter choice for babies' })],
  ['9', t.msg('6 to 12 months', { id: 'filters.age.6-12', desc: 'An age filter choice for babies' })],
  ['18', t.msg('1 to 2 years', { id: 'filters.age.12-24', desc: 'An age filter choice for toddlers' })],
];

/** The "When" choices and the days each covers (weeks run Monday to Sunday), from today. */
const periods: Record<string, (today: DayNumber) => [DayNumber, DayNumber]> = {
  today: (d) => [d, d],
  tomorrow: (d) => [d + 1, d + 1],
  'this-week': (d) => [d, d + 6 - weekday(d)],
  'next-week': (d) => [d + 7 - weekday(d), d + 13 - weekday(d)],
};

const periodLabels = (t: Translator): Record<string, string> => ({
  today: t.msg('Today', { id: 'filters.when.today', desc: 'A "When" filter choice: sessions today' }),
  tomorrow: t.msg('Tomorrow', { id: 'filters.when.tomorrow', desc: 'A "When" filter choice: sessions tomorrow' }),
  'this-week': t.msg('This week', {
    id: 'filters.when.this-week',
    desc: 'A "When" filter choice: sessions from today to Sunday',
  }),
  'next-week': t.msg('Next week', {
    id: 'filters.when.next-week',
    desc: 'A "When" filter choice: sessions from next Monday to next Sunday',
  }),
});

/** Is any of the parent's own choices set (so "Clear filters" shows)? */
export const isFiltered = (f: Filters) => !!(f.category || f.place || f.ageMonths != null || f.when || f.q?.trim());

/** The message when the parent's choices leave no sessions (undefined when nothing is chosen). */
export const noMatch = (f: Filters, t: Translator) =>
  isFiltered(f)
    ? both(t, (t) =>
        t.msg('No sessions match these choices. Try fewer filters.', {
          id: 'session-list.empty-filtered',
          desc: 'Shown when filters leave no sessions',
        }),
      )
    : undefined;

/**
 * The searchable text (as shown: in the element's language and, on a bilingual list, its second),
 * folded once per pair of languages: a session's name and description, and a place's name and
 * address, each cached on its own, since a changed date may be at another place than the session's.
 */
const searchText = new WeakMap<Session | Place, [string, string]>();

function folded(of: Session | Place, key: string, parts: () => (string | undefined)[], locale: string) {
  const cached = searchText.get(of);
  if (cached?.[0] == key) return cached[1];
  const text = fold(parts().join(' '), locale);
  searchText.set(of, [key, text]);
  return text;
}

function haystack(s: Session, place: Place | undefined, feed: Feed, locale: string, also = '') {
  const key = locale + ' ' + also;
  const shown = (value: Session['name'] | undefined) => shownString(value, locale, feed.language, also);
  const text = folded(s, key, () => [shown(s.name), shown(s.description)], locale);
  return place
    ? text + ' ' + folded(place, key, () => [shown(place.name), ...Object.values(place.address ?? {})], locale)
    : text;
}

/**
 * The occurrences the "When" choice and the search leave (the category, place and age choices
 * are applied before the schedule is expanded). Every word searched for must appear, ignoring
 * case and accents, in the session's name, description, place or address as the element shows them
 * (in either language on a bilingual list: `also` is its second).
 */
export function narrow(
  occurrences: SessionOccurrence[],
  f: Filters,
  feed: Feed,
  places: Map<string, Place>,
  locale: string,
  today: DayNumber,
  also?: string,
): SessionOccurrence[] {
  const words = f.q ? fold(f.q, locale).split(/\s+/).filter(Boolean) : [];
  const period = f.when ? periods[f.when]?.(today) : undefined;
  if (!words.length && !period) return occurrences;
  return occurrences.filter((o) => {
    if (period && (o.day > period[1] || o.day + Math.max(1, o.days) - 1 < period[0])) return false;
    if (!words.length) return true;
    const text = haystack(o.session, places.get(o.place ?? o.session.place ?? ''), feed, locale, also);
    return words.every((w) => text.includes(w));
  });
}

/** One choice of a select, with its language where it is not the element's (a feed's place name). */
const option = (value: string, label: string, selected: boolean, lang?: string) =>
  html`<option value=${value} ?selected=${selected} lang=${ifDefined(lang)}>${label}</option>`;

/** Each list's filter choices as the list first showed them: the count is announced once they change. */
const initial = new WeakMap<object, Filters>();

/** Pending searches, one per form: the search filters when typing pauses. */
const timers = new WeakMap<HTMLFormElement, ReturnType<typeof setTimeout>>();

/**
 * The filter form. `base` is what the page's attributes already choose (audience, category, place,
 * age): the choices offered are among those sessions only, so a parents' page offers no
 * practitioners' training.
 *
 * On a bilingual list (`t.also`) every label, the count and "Clear filters" are in both languages,
 * each part in its own `lang`. A `<select>`'s options can hold only plain text, one language (a span
 * with its own `lang` cannot go in an option), so the choices are in the first language only, as
 * the rest of the element speaks it ("Heddiw", not "Heddiw / Today" read all in a Welsh voice); a
 * feed's place or category name the feed has only in another language carries that `lang`, and a
 * category known only by its id, put in words, `lang="en"`. The label above
 * says in both what the choices are.
 *
 * The count is visible in both languages; the one live region, visually hidden, says it once in
 * the first language when the visitor's choices change (a live region's text is read in one voice,
 * and two would speak twice).
 */
export function filterControls(
  feed: Feed,
  chosen: Filters,
  t: Translator,
  change: (f: Filters) => void,
  { total, today, days }: { total: number; today: DayNumber; days: number },
  base: Filters = {},
) {
  const { locale } = t;
  // A feed's place or category name in another language than the element's carries its `lang`:
  // another primary subtag (`rom` is not `ro`; `ro-MD` and `RO` are).
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  const other = (lang?: string) => (lang && primary(lang) != primary(locale) ? lang : undefined);
  const sessions = (feed.sessions ?? []).filter((s) => matches(s, base));
  // Each category by its own name (the feed's, a built-in one, or its id in words): never a session's.
  const categories = new Map<string, [string, string]>();
  for (const s of sessions)
    if (s.category && !categories.has(s.category)) categories.set(s.category, categoryName(feed, s.category!, t));
  const usedPlaces = new Set(sessions.map((s) => s.place));
  const places = (feed.places ?? []).filter((p) => usedPlaces.has(p.id));
  const read = (form: HTMLFormElement): Filters => {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const age = field('age');
    return {
      category: field('category') || undefined,
      place: field('place') || undefined,
      ageMonths: age ? Number(age) : undefined,
      when: field('when') || undefined,
      q: field('q').trim() || undefined,
    };
  };
  const now = (form: HTMLFormElement) => {
    clearTimeout(timers.get(form));
    change(read(form));
  };
  const onInput = (e: Event) => {
    const form = e.currentTarget as HTMLFormElement;
    if ((e.target as HTMLElement).localName != 'input') return; // selects apply on change
    clearTimeout(timers.get(form));
    timers.set(
      form,
      setTimeout(() => form.isConnected && change(read(form)), DEBOUNCE_MS),
    );
  };
  const clear = (e: Event) => {
    const form = (e.currentTarget as HTMLButtonElement).form!;
    clearTimeout(timers.get(form));
    for (const field of form.elements)
      if (field instanceof HTMLSelectElement) field.selectedIndex = 0;
      else if (field instanceof HTMLInputElement) field.value = '';
    change({});
    // The button goes away with the filters: carry on from the search box, the first control.
    (form.elements.namedItem('q') as HTMLInputElement).focus();
  };
  const any = html`<option value="">${anyLabel(t)}</option>`;
  if (!initial.has(base)) initial.set(base, chosen);
  // Only the periods the list looks far enough ahead to fill.
  const whens = Object.keys(periods).filter((k) => periods[k](today)[0] < today + days);
  const onChange = (e: Event) => now(e.currentTarget as HTMLFormElement);
  return html`<form part="filters" class="filters" role="search" @input=${onInput} @change=${onChange}
    @submit=${(e: Event) => {
      e.preventDefault();
      now(e.currentTarget as HTMLFormElement);
    }}>
    <label>${both(t, (t) => t.msg('Search', { id: 'support-list.search', desc: 'Label of the text search box' }))}
      <input type="search" name="q" value=${chosen.q ?? ''} autocomplete="off" />
    </label>
    <label>${both(t, (t) =>
      t.msg('When', { id: 'filters.when', desc: 'Label of the date filter: today, tomorrow, this week…' }),
    )}
      <select name="when">
        ${any}
        ${whens.map((k) => option(k, periodLabels(t)[k], chosen.when == k))}
      </select>
    </label>
    <label>${both(t, (t) => t.msg('Type of session', { id: 'filters.category', desc: 'Label of the category filter' }))}
      <select name="category">
        ${any}
        ${[...categories]
          .sort((a, b) => a[1][0].localeCompare(b[1][0], locale))
          .map(([id, [name, lang]]) => option(id, name, chosen.category == id, other(lang)))}
      </select>
    </label>
    <label>${both(t, (t) => t.msg('Place', { id: 'filters.place', desc: 'Label of the place filter' }))}
      <select name="place">
        ${any}
        ${places.map((p) => {
          const name = pickText(p.name, locale, feed.language);
          return option(p.id, name?.text ?? '', chosen.place == p.id, other(name?.lang));
        })}
      </select>
    </label>
    <label>${both(t, (t) =>
      t.msg("Suitable for my baby's age", { id: 'filters.age', desc: 'Label of the age filter' }),
    )}
      <select name="age">
        ${any}
        ${ages(t).map(([v, label]) => option(v, label, String(chosen.ageMonths) == v))}
      </select>
    </label>
    <div class="results">
      <p part="count" class="count">${both(t, (t) => sessionsFound(total, t))}</p>
      <p class="visually-hidden" role="status">${initial.get(base) == chosen ? '' : sessionsFound(total, t)}</p>
      ${
        isFiltered(chosen)
          ? html`<button part="button" class="clear" type="button" @click=${clear}>
            ${both(t, (t) =>
              t.msg('Clear filters', { id: 'filters.clear', desc: 'Button that removes every filter and the search' }),
            )}
          </button>`
          : nothing
      }
    </div>
  </form>`;
}

/** "3 sessions found": the result count (shown, and said by the hidden status after a change), in plural forms. */
export const sessionsFound = (total: number, t: Translator) =>
  plural(total, t.locale, {
    zero: (n) =>
      t.msg(str`${n} sessions found`, {
        id: 'session-list.count.zero',
        desc: 'Announced after filtering; plural category "zero"',
      }),
    one: (n) =>
      t.msg(str`${n} session found`, {
        id: 'session-list.count.one',
        desc: 'Announced after filtering; plural category "one"',
      }),
    two: (n) =>
      t.msg(str`${n} sessions found`, {
        id: 'session-list.count.two',
        desc: 'Announced after filtering; plural category "two"',
      }),
    few: (n) =>
      t.msg(str`${n} sessions found`, {
        id: 'session-list.count.few',
        desc: 'Announced after filtering; plural category "few"',
      }),
    many: (n) =>
      t.msg(str`${n} sessions found`, {
        id: 'session-list.count.many',
        desc: 'Announced after filtering; plural category "many"',
      }),
    other: (n) =>
      t.msg(str`${n} sessions found`, {
        id: 'session-list.count.other',
        desc: 'Announced after filtering; plural category "other"',
      }),
  });
