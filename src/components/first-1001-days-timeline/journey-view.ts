/**
 * Where a family is in the 1001 days, in words: the summary above the stages and the messages for
 * dates that cannot be placed (a date of birth in the future, a due date long past). Loaded with
 * the built-in stages (default-timeline.ts re-exports it), so none of it is in the main bundle.
 */
import { html, nothing } from 'lit';
import type { TimelineStage } from '../../feed/types.js';
import { both, feedText } from '../../internal/feed-text.js';
import { formatAge, formatDay, formatUnit, numberFormat, plural } from '../../internal/format.js';
import { str, type Translator } from '../../internal/localize.js';
import { pointDays, TOTAL_DAYS, type Journey } from '../../schedule/journey.js';

/** Days past a due date after which a baby has almost certainly been born (42 weeks of pregnancy). */
export const OVERDUE_LIMIT = 14;

/** What the dates say, before anything is drawn. */
export type Placing =
  /** A date of birth after today: not a pregnancy, a mistake or a due date. */
  | 'future-birth'
  /** A due date more than OVERDUE_LIMIT days ago, with no date of birth. */
  | 'born-by-now'
  /** A day inside or outside the 1001 days. */
  | 'placed';

export const placing = (j: Journey, birthGiven: boolean): Placing =>
  birthGiven && !j.born ? 'future-birth' : (j.overdue ?? 0) > OVERDUE_LIMIT ? 'born-by-now' : 'placed';

/** The sentence for a date of birth after today, at the date field or in the summary. */
export const futureBirthText = (t: Translator) =>
  t.msg('This date of birth is in the future. If your baby is not born yet, use it as your due date.', {
    id: 'timeline.future-birth',
    desc: 'A date of birth after today was entered; a button "Use it as my due date" follows',
  });

/** Labels of the timeline's buttons and marks, made here so their text is not in the main bundle. */
export const labels = (t: Translator) => ({
  useAsDue: t.msg('Use it as my due date', {
    id: 'timeline.use-as-due',
    desc: 'Button after "This date of birth is in the future": shows the plan with the date as a due date',
  }),
  enterBirth: t.msg('Enter the date of birth', {
    id: 'timeline.enter-birth',
    desc: 'Button after a due date long past: moves to the date of birth field',
  }),
  showAll: t.msg('Show all stages', { id: 'timeline.show-all', desc: 'Button that opens every stage' }),
  hideAll: t.msg('Hide all stages', { id: 'timeline.hide-all', desc: 'Button that closes every stage' }),
  done: t.msg('Done', {
    id: 'timeline.done',
    desc: 'Marks a stage the family has already passed, beside its title (as "You are here" marks the current one)',
  }),
});

export interface SummaryContext {
  /** The element's translator (with `also`, on a bilingual element: the summary says both). */
  t: Translator;
  /** The feed's language, for feed text. */
  lang: string;
  j: Journey;
  placing: Placing;
  stages: TimelineStage[];
  /** The date of birth, or the due date when not born: day number. */
  birth: number;
  /** The button the message offers ("Use it as my due date"…), when the form is shown. */
  action?: unknown;
}

/** "Day 412 of 1001 — your baby is 13 months old", the notes, and the next check. */
export function summary({ t, lang, j, placing, stages, birth, action }: SummaryContext) {
  const long = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  /** Where the family is, in one translator's language. */
  const where = (t: Translator) => {
    const locale = t.locale;
    const n = (v: number) => numberFormat(locale).format(v);
    const unit = (v: number, u: 'week' | 'month' | 'year' | 'day') => formatUnit(v, u, locale);
    if (placing == 'future-birth') return futureBirthText(t);
    if (placing == 'born-by-now')
      return t.msg(
        // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
        str`The due date was ${formatDay(birth, locale, long)}, more than two weeks ago, so your baby has most likely been born. Enter the date of birth to see where you are now.`,
        {
          id: 'timeline.born-by-now',
          desc: 'A due date long past (no date of birth given); the placeholder is a date like "4 December 2024"',
        },
      );
    if (j.day < 1)
      return t.msg('This date is before the 1001 days begin. Check the date.', {
        id: 'timeline.before',
        desc: 'The entered date is far in the future',
      });
    if (j.day > TOTAL_DAYS)
      return t.msg(
        // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
        'Your child is past their second birthday: the 1001 days are complete. The stages below are still here to look back on.',
        { id: 'timeline.after', desc: 'The child is older than two' },
      );
    const day = t.msg(str`Day ${n(j.day)} of ${n(TOTAL_DAYS)}`, {
      id: 'timeline.day',
      desc: 'Where the family is; the placeholders are numbers (the day, and 1001) written as the language writes them',
    });
    const age = j.born
      ? j.age!.months >= 1
        ? t.msg(str`your baby is ${formatAge(j.age!.months, locale)} old`, {
            id: 'timeline.age-months',
            desc: 'After "Day 412 of 1001 —"; the placeholder is like "4 months" or "2 years"',
          })
        : t.msg(
            str`your baby is ${unit(j.age!.weeks ? j.age!.weeks : j.sinceBirth, j.age!.weeks ? 'week' : 'day')} old`,
            {
              id: 'timeline.age-weeks',
              desc: 'After "Day 280 of 1001 —"; the placeholder is like "2 weeks" or "3 days"',
            },
          )
      : t.msg(str`you are ${unit(Math.max(0, j.weeksPregnant!), 'week')} pregnant`, {
          id: 'timeline.pregnant',
          desc: 'After "Day 120 of 1001 —"; the placeholder is like "19 weeks"',
        });
    return t.msg(str`${day} — ${age}`, {
      id: 'timeline.where',
      desc: 'Day count, a dash, then age or weeks of pregnancy',
    });
  };
  const notes: ((t: Translator) => string)[] = [];
  if (placing == 'placed') {
    if (j.overdue)
      notes.push((t) =>
        t.msg(
          // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
          str`Your baby was due ${formatUnit(j.overdue!, 'day', t.locale)} ago. Once your baby is born, enter the date of birth.`,
          { id: 'timeline.overdue', desc: 'A due date in the past' },
        ),
      );
    if (j.premature)
      notes.push((t) =>
        t.msg('Your baby was born early. Checks follow their age from the date of birth.', {
          id: 'timeline.premature',
          desc: 'Premature birth note',
        }),
      );
  }
  // The next check from today, in any stage (none beside "Check the date", nor after the 1001 days).
  const next =
    placing == 'placed' && j.day >= 1 && j.day <= TOTAL_DAYS
      ? stages
          .flatMap((s) => (s.checks ?? []).map((c) => ({ c, at: c.at ? pointDays(c.at, birth) : undefined })))
          .filter((x) => x.at !== undefined && x.at >= j.sinceBirth)
          .sort((a, b) => a.at! - b.at!)[0]
      : undefined;
  const inDays = next && next.at! - j.sinceBirth;
  /** "Next check: 6 to 8 week check · in 3 days (4 January 2027)", in one translator's language. */
  const nextLine = (t: Translator) =>
    html`${t.msg('Next check:', { id: 'timeline.next', desc: 'Label before the next check due' })}
    ${feedText(next!.c.name, t.locale, lang)} ·
    ${inDays == 0 ? t.msg('due now', { id: 'timeline.due-now', desc: 'A check due today' }) : inDaysText(inDays!, t)}
    (${formatDay(birth + next!.at!, t.locale, long)})`;
  // Focused (tabindex -1) and scrolled to when the parent asks for their plan.
  return html`<div part="summary" class="journey" role="status" tabindex="-1">
    <p class="where"><strong>${both(t, where)}</strong></p>
    ${notes.map((note) => html`<p>${both(t, note)}</p>`)}
    ${next ? html`<p class="next">${both(t, nextLine)}</p>` : nothing}
    ${action ?? nothing}
  </div>`;
}

/** "in 3 days", when a check is due, in the locale's plural forms. */
export const inDaysText = (days: number, t: Translator) =>
  plural(days, t.locale, {
    zero: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.zero', desc: 'When a check is due; plural category "zero"' }),
    one: (n) =>
      t.msg(str`in ${n} day`, { id: 'timeline.in-days.one', desc: 'When a check is due; plural category "one"' }),
    two: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.two', desc: 'When a check is due; plural category "two"' }),
    few: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.few', desc: 'When a check is due; plural category "few"' }),
    many: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.many', desc: 'When a check is due; plural category "many"' }),
    other: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.other', desc: 'When a check is due; plural category "other"' }),
  });
