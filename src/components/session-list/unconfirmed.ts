/**
 * "Dates not yet confirmed": a series that runs in term time only (or not on bank holidays) has no
 * invented dates after the feed's last known term; the list says so, naming the sessions, once per
 * reason and date.
 */
import { html, nothing } from 'lit';
import type { Feed } from '../../feed/types.js';
import { both, feedString } from '../../internal/feed-text.js';
import { formatDay, formatList } from '../../internal/format.js';
import { str, type Translator } from '../../internal/localize.js';
import { parseDay } from '../../schedule/civil.js';
import type { UnconfirmedDates } from '../../schedule/closures.js';

const sentence = (u: UnconfirmedDates, names: string, t: Translator) => {
  if (!u.knownUntil)
    return t.msg(str`${names}: dates are not confirmed yet.`, {
      id: 'session-list.unconfirmed',
      desc: 'Sessions with no dates to show yet (no term dates or bank holidays in the feed); placeholder: names',
    });
  const date = formatDay(parseDay(u.knownUntil), t.locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return u.reason == 'term-dates'
    ? t.msg(
        // eslint-disable-next-line max-len
        str`${names}: dates after ${date} are not confirmed yet. More dates will be added when next year’s term dates are published.`,
        {
          id: 'session-list.unconfirmed.terms',
          desc: 'Sessions in school term time only, after the last known term; placeholders: names, a date',
        },
      )
    : t.msg(
        // eslint-disable-next-line max-len
        str`${names}: dates after ${date} are not confirmed yet. More dates will be added when the next bank holidays are announced.`,
        {
          id: 'session-list.unconfirmed.bank-holidays',
          desc: 'Sessions not on bank holidays, after the list of bank holidays ends; placeholders: names, a date',
        },
      );
};

/**
 * One note per reason and last known date, naming the sessions it is about; on a bilingual list in
 * both languages, each naming the sessions as the feed does in that language.
 */
export function unconfirmedNotes(unconfirmed: UnconfirmedDates[], feed: Feed, t: Translator) {
  if (!unconfirmed.length) return nothing;
  const groups = new Map<string, UnconfirmedDates[]>();
  for (const u of unconfirmed) {
    const key = `${u.reason} ${u.knownUntil ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  return [...groups.values()].map((g) => {
    const names = ({ locale }: Translator) =>
      formatList([...new Set(g.map((u) => feedString(u.session.name, locale, feed.language)))], locale);
    return html`<p part="unconfirmed" class="notice unconfirmed">${both(t, (t) => sentence(g[0], names(t), t))}</p>`;
  });
}
