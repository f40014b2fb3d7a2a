/**
 * The opt-in filter controls of <imh-session-list> (the `filters` attribute), loaded only by pages
 * that ask for them.
 */
import { html } from 'lit';
import type { Feed } from '../../feed/types.js';
import { feedString } from '../../internal/feed-text.js';
import { anyLabel } from '../../internal/labels.js';
import type { Translator } from '../../internal/localize.js';
import type { Filters } from './filters.js';

/** Age choices: the value is a representative age in months (pregnancy as weeks, negative). */
const ages = (t: Translator) => [
  ['-20', t.msg('Pregnancy', { id: 'filters.age.pregnancy', desc: 'An age filter choice: sessions for pregnancy' })],
  ['3', t.msg('Under 6 months', { id: 'filters.age.0-6', desc: 'An age filter choice for babies' })],
  ['9', t.msg('6 to 12 months', { id: 'filters.age.6-12', desc: 'An age filter choice for babies' })],
  ['18', t.msg('1 to 2 years', { id: 'filters.age.12-24', desc: 'An age filter choice for toddlers' })],
];

export function filterControls(feed: Feed, chosen: Filters, t: Translator, change: (f: Filters) => void) {
  const { locale } = t;
  const sessions = feed.sessions ?? [];
  // A category has no name of its own: use the name of its first session ("Stay and Play").
  const categories = new Map<string, string>();
  for (const s of sessions)
    if (s.category && !categories.has(s.category))
      categories.set(s.category, feedString(s.name, locale, feed.language));
  const usedPlaces = new Set(sessions.map((s) => s.place));
  const places = (feed.places ?? []).filter((p) => usedPlaces.has(p.id));
  const onChange = (e: Event) => {
    const form = (e.currentTarget as HTMLFormElement).elements as unknown as Record<string, HTMLSelectElement>;
    const age = form.age.value;
    change({
      category: form.category.value || undefined,
      place: form.place.value || undefined,
      ageMonths: age ? Number(age) : undefined,
    });
  };
  const any = anyLabel(t);
  return html`<form part="filters" class="filters" @change=${onChange} @submit=${(e: Event) => e.preventDefault()}>
    <label>${t.msg('Type of session', { id: 'filters.category', desc: 'Label of the category filter' })}
      <select name="category">
        <option value="">${any}</option>
        ${[...categories]
          .sort((a, b) => a[1].localeCompare(b[1], locale))
          .map(([id, name]) => html`<option value=${id} ?selected=${chosen.category == id}>${name}</option>`)}
      </select>
    </label>
    <label>${t.msg('Place', { id: 'filters.place', desc: 'Label of the place filter' })}
      <select name="place">
        <option value="">${any}</option>
        ${places.map((p) => html`<option value=${p.id} ?selected=${chosen.place == p.id}>${feedString(p.name, locale, feed.language)}</option>`)}
      </select>
    </label>
    <label>${t.msg("Suitable for my baby's age", { id: 'filters.age', desc: 'Label of the age filter' })}
      <select name="age">
        <option value="">${any}</option>
        ${ages(t).map(([v, label]) => html`<option value=${v} ?selected=${String(chosen.ageMonths) == v}>${label}</option>`)}
      </select>
    </label>
  </form>`;
}
