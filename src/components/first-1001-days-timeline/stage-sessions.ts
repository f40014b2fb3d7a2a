/**
 * A stage's "Sessions coming up": the next three in the stage's session categories over the next four
 * weeks, not cancelled. The timeline is for families, so its sessions pass the session list's own
 * filter (`matches`, with no audience chosen): sessions only for practitioners (training) are left out.
 * In the timeline's body chunk (timeline-body.ts), so none of it is in the main bundle; the schedule engine
 * is its own chunk (`internal/dates.ts`), loaded beside the body.
 */
import { html, nothing } from 'lit';
import type { Feed, Text, TimelineStage } from '../../feed/types.js';
import { both, feedText, textDirection } from '../../internal/feed-text.js';
import { formatDay, formatTimeRange } from '../../internal/format.js';
import { str, type Translator } from '../../internal/localize.js';
import type { Dates } from '../../internal/dates.js';
import { matches } from '../session-list/filters.js';

/** The stage's next sessions, worked out by the schedule engine's `upcomingOccurrences` (given: see `Kit`). */
export const stageSessions = (
  s: TimelineStage,
  feed: Feed,
  now: Date,
  upcomingOccurrences: Dates['upcomingOccurrences'],
) =>
  feed.sessions && s.sessionCategories?.length
    ? upcomingOccurrences(
        feed.sessions.filter((x) => matches(x, { category: s.sessionCategories!.join() })),
        { now, days: 28, timeZone: feed.timeZone, termDates: feed.termDates, bankHolidays: feed.bankHolidays },
      )
        .filter((o) => o.status != 'cancelled')
        .slice(0, 3)
    : [];

/** Stand-ins for the day and the time in the message that joins them, replaced by the markup. */
const DAY = '\ue000';
const TIME = '\ue001';

/**
 * The list under "Sessions coming up": each session's name, day, time and place. The day and time
 * are joined as the language joins them (a message: "Monday 23 November, 10:00–11:00", Urdu and
 * Arabic with their own comma "،"). The time is isolated in its own direction, as in the session
 * list: a range with no letters ("10:00–11:00") reads left to right in a right-to-left language, and
 * one with the language's own letters keeps the language's order. On a bilingual element the label
 * and the day and time are in both languages (each language's phrase whole), and names in both where
 * the feed has both.
 */
export const sessionsList = (
  sessions: ReturnType<typeof stageSessions>,
  feed: Feed,
  t: Translator,
  locale: string,
  lang: string,
) =>
  sessions.length
    ? html`<p class="label">
          ${both(t, (t) =>
            t.msg('Sessions coming up', { id: 'timeline.sessions', desc: 'Label above the next matching sessions' }),
          )}
        </p>
        <ul class="sessions">
          ${sessions.map((o) => {
            const text = (value: Text) => feedText(value, locale, lang, t.also?.locale);
            const place = feed.places?.find((p) => p.id == o.place);
            // Each language's day and time as one phrase: on a bilingual element "Dydd Llun 23 Tachwedd,
            // 10:00–11:00" then "Monday 23 November, 10:00–11:00" (stacked, the time stays on its own line).
            const when = both(t, (t) => {
              const day = formatDay(o.day, t.locale);
              const time = o.startTime && formatTimeRange(o.start, o.endTime ? o.end : undefined, t.locale, o.timeZone);
              return time
                ? t
                    .msg(str`${DAY}, ${TIME}`, {
                      id: 'timeline.session-when',
                      desc: 'A session\'s day (like "Monday 23 November"), then its time (like "10:00–11:00")',
                    })
                    .split(/([\ue000\ue001])/)
                    .map((part) =>
                      part == DAY
                        ? day
                        : part == TIME
                          ? html`<time datetime=${`${o.date}T${o.startTime}`} dir=${textDirection(time) ?? 'ltr'}
                              >${time}</time
                            >`
                          : part,
                    )
                : day;
            });
            return html`<li>
              ${text(o.session.name)} · ${when}${place ? html` · ${text(place.name)}` : nothing}
            </li>`;
          })}
        </ul>`
    : nothing;
