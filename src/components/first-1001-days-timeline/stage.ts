/**
 * One stage of the timeline: its heading (a button that opens it, "You are here" or "Done" beside
 * the title), its dates for this family, and, open, its summary, messages, checks, what to do if
 * worried, the sessions coming up and the services that fit.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Feed, TimelineStage } from '../../feed/types.js';
import type { Sourced } from '../../internal/attribution.js';
import { both, feedText } from '../../internal/feed-text.js';
import { dateFormat, dayDate, formatDay, ownOf } from '../../internal/format.js';
import type { Translator } from '../../internal/localize.js';
import type { CardContext } from '../support-card/service-card.js';
import type * as BuiltIn from './default-timeline.js';
import { sessionsList, stageSessions } from './stage-sessions.js';
import type { Kit } from './timeline-body.js';

/**
 * "27 Nov – 3 Dec 2026", "4–17 Dec 2026": two civil dates as a range, as CLDR writes one (day, short month,
 * year). Here, not in `format.ts`, because only the timeline says one: pages without one do not download it.
 */
export const formatDayRange = (from: number, to: number, locale: string) => {
  const own = ownOf(locale);
  const options = { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' } as const;
  if (to <= from) return formatDay(from, locale, options);
  return own ? own.days(from, to) : dateFormat(locale, options).formatRange(dayDate(from), dayDate(to));
};

export interface StageContext {
  t: Translator;
  level: number;
  feed?: Feed;
  /** The date of birth, or the due date when not born: day number. */
  birth: number;
  /** Whether the family's dates are placed (then each stage shows its dates). */
  placed: boolean;
  now: Date;
  /** The built-in timeline's chunk: where a stage starts and ends. */
  builtIn: typeof BuiltIn;
  /** Whether a stage is open (the current one unless closed). */
  isOpen(s: TimelineStage, current: boolean): boolean;
  /** Opens or closes a stage by its key. */
  toggle(key: string): void;
  /** The element, which fires imh-support-action for a service card's contact action. */
  host: CardContext['host'];
  /** What it draws with that other elements share (the support card, headings). */
  kit: Kit;
  /** The sessions, places and services the open stages show, for the credit their sources ask for. */
  shown: Sourced[];
}

/** A stage, `current` or passed (`done`: the "Done" mark). */
export function stage(s: TimelineStage, current: boolean, done: unknown, c: StageContext) {
  const { t, feed, birth, now, shown } = c;
  const { pointDays } = c.builtIn;
  const locale = t.locale;
  const lang = feed?.language ?? 'en-GB';
  /** Feed text (or a built-in stage's) in both languages where it has both. */
  const text = (value: TimelineStage['title'] | undefined) => feedText(value, locale, lang, t.also?.locale);
  const open = c.isOpen(s, current);
  const key = current ? `-${s.id}` : s.id;
  const services = (s.services ?? []).map((id) => feed?.services?.find((x) => x.id == id)).filter((x) => !!x);
  const sessions = open && feed ? stageSessions(s, feed, now, c.kit.upcoming) : [];
  if (open)
    shown.push(...services, ...sessions.flatMap((o) => [o.session, feed!.places?.find((p) => p.id == o.place)]));
  const span = c.placed
    ? html`<span class="dates">${both(t, (t) =>
        formatDayRange(birth + pointDays(s.from, birth), birth + pointDays(s.to, birth) - 1, t.locale),
      )}</span>`
    : nothing;
  const context: CardContext = {
    t,
    feedLanguage: lang,
    timeZone: feed?.timeZone ?? 'Europe/London',
    level: Math.min(6, c.level + 1),
    now,
    compact: true,
    host: c.host,
  };
  const here = current
    ? html`<span class="here"> ${both(t, (t) =>
        t.msg('You are here', {
          id: 'timeline.here',
          desc: 'Marks the current stage',
        }),
      )}</span>`
    : nothing;
  const doneMark = done
    ? html`<span class="here done-mark"> <span aria-hidden="true">✓</span> ${done}</span>`
    : nothing;
  // `open`: in the wide layout an open stage takes a whole row of the strip (a class, not :has(): old phones).
  const state = `${current ? 'current' : done ? 'done' : ''}${open ? ' open' : ''}`;
  const toggle = () => c.toggle(key);
  return html`<li part="stage" class="stage ${state}" aria-current=${ifDefined(current ? 'step' : undefined)}>
    ${c.kit.heading(
      c.level,
      html`<button part="button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="stage-${s.id}"
        @click=${toggle}>
        ${text(s.title)}${here}${doneMark}
      </button>`,
      'stage-heading',
    )}
    ${span}
    <div class="content" id=${`stage-${s.id}`} ?hidden=${!open}>
      ${s.summary ? html`<p class="stage-summary">${text(s.summary)}</p>` : nothing}
      ${
        s.messages?.length
          ? html`<ul class="messages">${s.messages.map((m) => html`<li>${text(m)}</li>`)}</ul>`
          : nothing
      }
      ${
        s.checks?.length
          ? html`<p class="label">${both(t, (t) =>
              t.msg('Checks', { id: 'timeline.checks', desc: 'Label above the health checks of a stage' }),
            )}</p>
            <ul class="checks">${s.checks.map(
              (c) => html`<li>${text(c.name)}${c.note ? html` · ${text(c.note)}` : nothing}</li>`,
            )}</ul>`
          : nothing
      }
      ${
        s.ifWorried
          ? html`<p class="worried"><strong>${both(t, (t) =>
              t.msg('If you are worried:', { id: 'timeline.worried', desc: 'Label before what to do if worried' }),
            )}</strong> ${text(s.ifWorried)}</p>`
          : nothing
      }
      ${sessionsList(sessions, feed!, t, locale, lang)}
      ${
        services.length
          ? html`<ul class="services">${services.map((x) => html`<li>${c.kit.card(x, context)}</li>`)}</ul>`
          : nothing
      }
    </div>
  </li>`;
}
