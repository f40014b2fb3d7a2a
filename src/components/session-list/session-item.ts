/** One occurrence in <imh-session-list>: what, when, where, for whom, cost, booking, and more. */
import { html, nothing } from 'lit';
import type { safeUrl } from '../../feed/url.js';
import type { Feed, Place } from '../../feed/types.js';
import type { audienceLabel, freeLabel } from '../../internal/labels.js';
import {
  both,
  breakable,
  feedString,
  feedText,
  inLanguage,
  isolate,
  named,
  textDirection,
} from '../../internal/feed-text.js';
import { formatAge, formatDay, formatList, formatTimeRange, numberFormat } from '../../internal/format.js';
import type { heading } from '../../internal/heading.js';
import { str, type Translator } from '../../internal/localize.js';
import type { SessionOccurrence } from '../../schedule/occurrences.js';
import { describePattern } from './pattern.js';

/** A place's facility in words: only the session list names one, so not in `labels.ts` (every element's). */
const facilityLabel = (t: Translator, f: string): string =>
  (
    ({
      'step-free': () => t.msg('Step-free access', { id: 'facility.step-free', desc: 'A facility at a place' }),
      'baby-changing': () => t.msg('Baby changing', { id: 'facility.baby-changing', desc: 'A facility at a place' }),
      'buggy-parking': () =>
        t.msg('Buggy parking', {
          id: 'facility.buggy-parking',
          desc: 'A facility at a place: space to leave pushchairs',
        }),
      'car-parking': () => t.msg('Car parking', { id: 'facility.car-parking', desc: 'A facility at a place' }),
      'accessible-toilet': () =>
        t.msg('Accessible toilet', { id: 'facility.accessible-toilet', desc: 'A facility at a place' }),
      'breastfeeding-space': () =>
        t.msg('Breastfeeding space', { id: 'facility.breastfeeding-space', desc: 'A facility at a place' }),
      'hearing-loop': () =>
        t.msg('Hearing loop', {
          id: 'facility.hearing-loop',
          desc: 'A facility at a place: an induction loop for hearing aids',
        }),
      refreshments: () =>
        t.msg('Refreshments', { id: 'facility.refreshments', desc: 'A facility at a place: drinks and snacks' }),
    }) as Record<string, () => string>
  )[f]?.() ?? f;

export interface ItemContext {
  /** The element's translator (and its locale). */
  t: Translator;
  feed: Feed;
  places: Map<string, Place>;
  level: number;
  /** What the session is drawn with that other elements share (see `Kit`). */
  kit: Kit;
  /** `layout="compact"`: the details behind one disclosure. */
  compact?: boolean;
  select: (event: Event, o: SessionOccurrence) => void;
  calendar: (o: SessionOccurrence, series: boolean) => void;
  /**
   * Whether this session's "Add to calendar" is open (only an open one has its menu drawn); with `open`, called
   * as it opens or closes: the list draws the session's day again, and loads the calendar code.
   */
  calendarOpen: (o: SessionOccurrence, open?: boolean) => boolean;
  /** What to show in the calendar menu when the calendar code could not be loaded. */
  calendarError?: unknown;
  /** Google and Outlook links, once the calendar code is loaded. */
  calendarLinks: (o: SessionOccurrence) => { google: string; outlook: string } | undefined;
  /** The Share button (the `share` attribute), or nothing. */
  share: (s: SessionOccurrence['session']) => unknown;
}

/**
 * What a session is drawn with that the main bundle's elements share, given by the element rather
 * than imported, as the timeline's body is given its `Kit`: when the list's body chunk imported
 * `heading`, Rolldown moved the localisation code out of dist/imh-widgets.js into a chunk of its own
 * (the script-tag bundle must be one file), and when it imported the labels and `safeUrl`, the
 * autoloader's support card page took two more files, a round trip deeper. `node scripts/size.mjs`
 * says both: check it after adding an import to the body.
 */
export interface Kit {
  heading: typeof heading;
  safeUrl: typeof safeUrl;
  audienceLabel: typeof audienceLabel;
  freeLabel: typeof freeLabel;
}

/** "Free", "£1.50", with the feed's note. */
const cost = (o: SessionOccurrence, c: ItemContext) => {
  const { t } = c;
  const { freeLabel } = c.kit;
  const k = o.session.cost;
  if (!k) return nothing;
  const price =
    k.free || k.amount === 0
      ? both(t, freeLabel)
      : k.amount != null
        ? numberFormat(t.locale, { style: 'currency', currency: k.currency ?? 'GBP' }).format(k.amount)
        : '';
  const label = both(t, (t) => t.msg('Cost', { id: 'session.cost', desc: 'Label for what a session costs' }));
  const note = feedText(k.note, t.locale, c.feed.language, t.also?.locale);
  return html`<div><dt>${label}</dt> <dd>${price}${price && k.note ? ' · ' : ''}${note}</dd></div>`;
};

/** "0 to 12 months", "6 months to 3 years", "0 to 5 years", "From pregnancy to 6 months" (ages from 2 in years). */
const ages = (o: SessionOccurrence, t: Translator) => {
  const { locale } = t;
  const a = o.session.ageRange;
  if (!a) return '';
  const to = a.toMonths;
  const from = a.fromMonths;
  if (a.pregnancy && to != null)
    return t.msg(str`From pregnancy to ${formatAge(to, locale)}`, {
      id: 'session.age.pregnancy-to',
      desc: 'Who a session suits; the placeholder is an age like "12 months" or "2 years"',
    });
  if (a.pregnancy) return t.msg('During pregnancy', { id: 'session.age.pregnancy', desc: 'Who a session suits' });
  if (from != null && to != null) {
    // Both ends in one unit say it once ("0 to 12 months", "1 to 5 years"), else each its own ("6 months to 3 years").
    const toYears = to >= 24 && !(to % 12);
    const years = toYears && !(from % 12);
    const start = years || !toYears ? numberFormat(locale).format(years ? from / 12 : from) : formatAge(from, locale);
    return t.msg(str`${start} to ${formatAge(to, locale)}`, {
      id: 'session.age.range',
      desc: 'The ages a session suits; e.g. "0 to 12 months", "1 to 5 years", "6 months to 3 years"',
    });
  }
  if (to != null)
    return t.msg(str`Up to ${formatAge(to, locale)}`, {
      id: 'session.age.to',
      desc: 'The ages a session suits; the placeholder is an age like "12 months" or "2 years"',
    });
  if (from != null)
    return t.msg(str`From ${formatAge(from, locale)}`, {
      id: 'session.age.from',
      desc: 'The ages a session suits; the placeholder is an age like "6 months" or "2 years"',
    });
  return '';
};

const postcode = (v: string) => html`<bdi class="postcode" dir="ltr">${v}</bdi>`;

const mapUrl = (p: Place) =>
  p.geo
    ? `https://www.openstreetmap.org/?mlat=${p.geo.lat}&mlon=${p.geo.lng}#map=17/${p.geo.lat}/${p.geo.lng}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(Object.values(p.address ?? {}).join(', '))}`;

const statusBadge = (o: SessionOccurrence, c: ItemContext) => {
  const { t } = c;
  if (o.status == 'scheduled' && !o.note) return nothing;
  const label = both(t, (t) =>
    o.status == 'cancelled'
      ? t.msg('Cancelled', { id: 'session.cancelled', desc: 'Badge on a session date that will not happen' })
      : o.status == 'changed'
        ? t.msg('Changed', { id: 'session.changed', desc: 'Badge on a session date whose time or place has changed' })
        : t.msg('Note', { id: 'session.note', desc: 'Badge before a note about one session date' }),
  );
  const note = feedText(o.note, t.locale, c.feed.language, t.also?.locale);
  return html`<p class="status"><strong part="badge" class="badge ${o.status}">${label}</strong> ${
    o.note ? html`<span class="note">${note}</span>` : nothing
  }</p>`;
};

export function sessionItem(o: SessionOccurrence, c: ItemContext, index: number) {
  const s = o.session;
  const { t } = c;
  const { locale } = t;
  const lang = c.feed.language;
  const text = (value: typeof s.name | undefined) => feedText(value, locale, lang, t.also?.locale);
  const url = c.kit.safeUrl(s.url);
  const name = text(s.name);
  const cancelled = o.status == 'cancelled';
  const place = o.place ? c.places.get(o.place) : undefined;
  // The address is written in the feed's language; its postcode reads left to right wherever it is, and as one.
  const lines = Object.entries(place?.address ?? {}).filter(([, v]) => v) as [string, string][];
  const address = lines.map(
    ([k, v], i) => html`${i ? ', ' : ''}${k == 'postcode' ? postcode(v) : inLanguage(v, lang, locale)}`,
  );
  const pattern = describePattern(s.schedule, t);
  const day = (d: number) => formatDay(d, locale, { day: 'numeric', month: 'long' });
  const allDay = (t: Translator) =>
    t.msg('All day', { id: 'session.all-day', desc: 'When a session has no start time' });
  const when = o.startTime
    ? formatTimeRange(o.start, o.endTime ? o.end : undefined, locale, o.timeZone)
    : o.days > 1
      ? `${day(o.day)} – ${day(o.day + o.days - 1)}`
      : allDay(t);
  const titleId = `s${index}`;
  const more = cancelled ? nothing : details(o, c, place, pattern, titleId);
  const title = url ? html`<a part="link" href=${url} @click=${(e: Event) => c.select(e, o)}>${name}</a>` : name;
  const series =
    !cancelled && (pattern || s.schedule.note)
      ? html`<span class="pattern">${pattern ? html` · ${both(t, (t) => describePattern(s.schedule, t))}` : nothing}${
          s.schedule.note ? html` · ${text(s.schedule.note)}` : nothing
        }</span>`
      : nothing;
  const where =
    place && !cancelled
      ? html`<p class="where">${text(place.name)}${
          lines.length ? html`, <span class="address">${address}</span>` : nothing
        } <a part="link" class="map" href=${mapUrl(place)} rel="noopener" target="_blank">${named(
          t,
          (t) => t.msg('Map', { id: 'session.map', desc: 'Link that opens the address on a map site' }),
          (t) =>
            t.msg(str`: ${feedString(place.name, t.locale, lang)} (opens in a new tab)`, {
              id: 'session.map-label',
              desc: 'Hidden text after "Map" for screen readers; the placeholder is a place name',
            }),
        )}</a></p>`
      : nothing;
  const summary = both(t, (t) =>
    t.msg('Details and booking', {
      id: 'session.more',
      desc: 'Compact layout: opens who a session is for, cost, booking, facilities, description, "Add to calendar"',
    }),
  );
  // The time is isolated in its own direction: a range with no letters ("10:00–11:00") reads left to
  // right in a right-to-left sentence; one with month names keeps its language's order. Blocks are apart
  // by one space (their words apart in its text), not lines of indent: a list may have thousands (issue 14).
  return html`<li part="item" class="item ${o.status}" aria-labelledby=${titleId} tabindex="-1" data-index=${index}
    >${c.kit.heading(c.level, title, 'item-title', titleId)} ${statusBadge(o, c)} <p class="when"
      ><time datetime=${o.startTime ? `${o.date}T${o.startTime}` : o.date} dir=${textDirection(when) ?? 'ltr'}
        >${o.startTime || o.days > 1 ? when : both(t, allDay)}</time
      >${usualTime(o, c)}${series}</p
    > ${where} ${
      c.compact && more != nothing
        ? html`<details part="details" class="more"><summary>${summary}</summary> ${more}</details>`
        : more
    } ${c.share(o.session)}</li>`;
}

/** Where (online), who, cost, booking, facilities, the description and "Add to calendar": not for a cancelled date. */
function details(
  o: SessionOccurrence,
  c: ItemContext,
  place: Place | undefined,
  pattern: string | undefined,
  titleId: string,
) {
  const s = o.session;
  const { online, booking } = s;
  const { t } = c;
  const { locale } = t;
  const text = (value: typeof s.name | undefined) => feedText(value, locale, c.feed.language, t.also?.locale);
  const { safeUrl, audienceLabel } = c.kit;
  const onlineUrl = safeUrl(online?.url);
  const bookUrl = safeUrl(booking?.url);
  // "Parents and carers · 0 to 12 months", in each language.
  const forWhom = (t: Translator) => {
    const who = formatList(
      (s.audience ?? []).map((a) => audienceLabel(t, a)),
      t.locale,
    );
    const age = ages(o, t);
    return `${who}${who && age ? ' · ' : ''}${age}`;
  };
  const fact = (label: (t: Translator) => string, value: unknown) =>
    html`<div><dt>${both(t, label)}</dt> <dd>${value}</dd></div>`;
  const join = both(t, (t) => t.msg('How to join', { id: 'session.join', desc: 'Link to join an online session' }));
  const book = booking
    ? html`${both(t, (t) =>
        booking.required
          ? t.msg('Booking required', { id: 'session.booking-required', desc: 'A session you must book' })
          : t.msg('Drop in, no need to book', { id: 'session.drop-in', desc: 'A session you can just turn up to' }),
      )}${
        bookUrl
          ? html` · <a part="link" href=${bookUrl}
              >${both(t, (t) => t.msg('Book online', { id: 'session.book-online', desc: 'Link to a booking page' }))}</a
            >`
          : nothing
      }${
        booking.phone
          ? html` · <a part="link" dir="ltr" href=${`tel:${booking.phone.replace(/[^\d+]/g, '')}`}>${booking.phone}</a>`
          : nothing
      }${
        booking.email
          ? html` · <a part="link" class="email" dir="ltr" href=${`mailto:${booking.email}`}
              >${breakable(booking.email)}</a
            >`
          : nothing
      }${booking.note ? html` · ${text(booking.note)}` : nothing}`
    : '';
  const description = html`<p>${text(s.description)}</p>`;
  const about = both(t, (t) =>
    t.msg('About this session', { id: 'session.about', desc: 'Opens the description of a session' }),
  );
  return html`${
    online
      ? html`<p class="where"><strong part="badge" class="badge online">${both(t, (t) =>
          t.msg('Online', { id: 'session.online', desc: 'Badge on a session held online' }),
        )}</strong> ${onlineUrl ? html`<a part="link" href=${onlineUrl}>${join}</a>` : nothing} ${text(
          online.note,
        )}</p>`
      : nothing
  } <dl class="facts">${
    forWhom(t)
      ? fact((t) => t.msg('For', { id: 'session.for', desc: 'Label for who a session is for' }), both(t, forWhom))
      : nothing
  } ${cost(o, c)} ${
    booking
      ? fact((t) => t.msg('Booking', { id: 'session.booking', desc: 'Label for how to book a session' }), book)
      : nothing
  } ${
    place?.facilities?.length
      ? fact(
          (t) => t.msg('Facilities', { id: 'session.facilities', desc: 'Label for what a place offers' }),
          both(t, (t) =>
            formatList(
              place.facilities!.map((f) => facilityLabel(t, f)),
              t.locale,
            ),
          ),
        )
      : nothing
  }</dl> ${
    s.description
      ? c.compact
        ? description
        : html`<details part="details"><summary>${about}</summary> ${description}</details>`
      : nothing
  } ${calendarDetails(o, c, pattern, titleId)}`;
}

/** For a date moved to another time: the usual time struck through, read as "was 10:00–11:00". */
function usualTime(o: SessionOccurrence, c: ItemContext) {
  const { startTime, endTime } = o.session.schedule;
  if (o.status != 'changed' || !startTime || !o.startTime || (startTime == o.startTime && endTime == o.endTime))
    return nothing;
  const { t } = c;
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  // The usual times on this date: the new start moved by the difference in wall-clock minutes.
  const at = (hhmm: string) => new Date(o.start.getTime() + (minutes(hhmm) - minutes(o.startTime!)) * 60_000);
  const usual = formatTimeRange(at(startTime), endTime ? at(endTime) : undefined, t.locale, o.timeZone);
  const was = t.msg(str`(was ${isolate(usual, t.locale)})`, {
    id: 'session.was',
    desc: 'Hidden text after the new time of a changed date; the placeholder is the usual time, like "10:00–11:00"',
  });
  return html` <span class="was"
    ><s aria-hidden="true" dir=${textDirection(usual) ?? 'ltr'}>${usual}</s
    ><span class="visually-hidden">${was}</span></span
  >`;
}

/**
 * "Add to calendar": download this date or every date as a calendar file (said in words parents use,
 * with a line saying what the file is for, which also describes both buttons), Google, Outlook. Its menu
 * is drawn only while it is open (a list of every date has thousands closed: issue 14); the list keeps
 * which are open, by session and date, so one stays open with its session when the list is drawn again.
 */
function calendarDetails(o: SessionOccurrence, c: ItemContext, pattern: string | undefined, id: string) {
  const { t } = c;
  const open = c.calendarOpen(o);
  const add = both(t, (t) =>
    t.msg('Add to calendar', {
      id: 'session.add-to-calendar',
      desc: 'Opens the ways to save a session to a calendar',
    }),
  );
  const toggle = (e: Event) => c.calendarOpen(o, (e.target as HTMLDetailsElement).open);
  return html`<details part="details" class="calendar" .open=${open} @toggle=${toggle}><summary>${add}</summary> ${
    open ? calendarMenu(o, c, pattern, id) : nothing
  }</details>`;
}

/** What "Add to calendar" offers, once open. */
function calendarMenu(o: SessionOccurrence, c: ItemContext, pattern: string | undefined, id: string) {
  const { t } = c;
  const links = c.calendarLinks(o);
  const hint = `${id}-file`;
  const download = (series: boolean, words: unknown) => {
    const save = () => c.calendar(o, series);
    return html`<li><button part="button" type="button" aria-describedby=${hint} @click=${save}>${words}</button></li>`;
  };
  const link = (href: string, words: unknown) =>
    html`<li><a part="link" href=${href} target="_blank" rel="noopener">${words}</a></li>`;
  // Each in both languages on a bilingual list.
  const file = both(t, (t) =>
    t.msg('A calendar file, for Apple Calendar and other calendar apps.', {
      id: 'session.ics-hint',
      desc: 'Under "Add to calendar", says what the two download buttons save: an .ics calendar file',
    }),
  );
  const one = both(t, (t) =>
    t.msg('Download this date', { id: 'session.ics-one', desc: 'Downloads a calendar file for one date' }),
  );
  const every = both(t, (t) =>
    t.msg('Download every date', {
      id: 'session.ics-series',
      desc: 'Downloads a calendar file for the whole series',
    }),
  );
  const google = both(t, (t) =>
    t.msg('Google Calendar', {
      id: 'session.google',
      desc: 'Link that adds the session to Google Calendar',
    }),
  );
  const outlook = both(t, (t) =>
    t.msg('Outlook', { id: 'session.outlook', desc: 'Link that adds the session to Outlook.com' }),
  );
  return html`${c.calendarError ?? nothing}<p id=${hint}>${file}</p> <ul>${download(false, one)} ${
    pattern ? download(true, every) : nothing
  } ${links ? html`${link(links.google, google)} ${link(links.outlook, outlook)}` : nothing}</ul>`;
}
