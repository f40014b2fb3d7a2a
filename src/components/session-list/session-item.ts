/** One occurrence in <imh-session-list>: what, when, where, for whom, cost, booking, and more. */
import { html, nothing } from 'lit';
import { safeUrl } from '../../feed/url.js';
import type { Feed, Place } from '../../feed/types.js';
import { audienceLabel, facilityLabel, freeLabel } from '../../internal/labels.js';
import { feedString, feedText, inLanguage, isolate, textDirection } from '../../internal/feed-text.js';
import { formatDay, formatList, formatTimeRange, formatUnit, numberFormat } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { str, type Translator } from '../../internal/localize.js';
import type { SessionOccurrence } from '../../schedule/occurrences.js';
import { describePattern } from './pattern.js';

export interface ItemContext {
  /** The element's translator (and its locale). */
  t: Translator;
  feed: Feed;
  places: Map<string, Place>;
  level: number;
  /** `layout="compact"`: the details behind one disclosure. */
  compact?: boolean;
  select: (event: Event, o: SessionOccurrence) => void;
  calendar: (o: SessionOccurrence, series: boolean) => void;
  /** Called when "Add to calendar" opens, to load the calendar code. */
  openCalendar: () => void;
  /** What to show in the calendar menu when the calendar code could not be loaded. */
  calendarError?: unknown;
  /** Google and Outlook links, once the calendar code is loaded. */
  calendarLinks: (o: SessionOccurrence) => { google: string; outlook: string } | undefined;
}

/** "Free", "£1.50", with the feed's note. */
const cost = (o: SessionOccurrence, c: ItemContext) => {
  const { t } = c;
  const k = o.session.cost;
  if (!k) return nothing;
  const price =
    k.free || k.amount === 0
      ? freeLabel(t)
      : k.amount != null
        ? numberFormat(t.locale, { style: 'currency', currency: k.currency ?? 'GBP' }).format(k.amount)
        : '';
  return html`<div><dt>${t.msg('Cost', { id: 'session.cost', desc: 'Label for what a session costs' })}</dt>
    <dd>${price}${price && k.note ? ' · ' : ''}${feedText(k.note, t.locale, c.feed.language)}</dd></div>`;
};

/** "Babies 0–12 months", "Pregnancy to 6 months" */
const ages = (o: SessionOccurrence, t: Translator) => {
  const { locale } = t;
  const a = o.session.ageRange;
  if (!a) return '';
  const months = (n: number) => formatUnit(n, 'month', locale);
  const to = a.toMonths;
  const from = a.fromMonths;
  if (a.pregnancy && to != null)
    return t.msg(str`From pregnancy to ${months(to)}`, {
      id: 'session.age.pregnancy-to',
      desc: 'Who a session suits; the placeholder is an age like "12 months"',
    });
  if (a.pregnancy) return t.msg('During pregnancy', { id: 'session.age.pregnancy', desc: 'Who a session suits' });
  if (from != null && to != null)
    return t.msg(str`Babies ${numberFormat(locale).format(from)} to ${months(to)}`, {
      id: 'session.age.range',
      desc: 'Who a session suits; e.g. "Babies 0 to 12 months"',
    });
  if (to != null)
    return t.msg(str`Babies up to ${months(to)}`, {
      id: 'session.age.to',
      desc: 'Who a session suits; the placeholder is an age like "12 months"',
    });
  if (from != null)
    return t.msg(str`Children from ${months(from)}`, {
      id: 'session.age.from',
      desc: 'Who a session suits; the placeholder is an age like "6 months"',
    });
  return '';
};

const mapUrl = (p: Place) =>
  p.geo
    ? `https://www.openstreetmap.org/?mlat=${p.geo.lat}&mlon=${p.geo.lng}#map=17/${p.geo.lat}/${p.geo.lng}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(Object.values(p.address ?? {}).join(', '))}`;

const statusBadge = (o: SessionOccurrence, c: ItemContext) => {
  const { t } = c;
  if (o.status == 'scheduled' && !o.note) return nothing;
  const label =
    o.status == 'cancelled'
      ? t.msg('Cancelled', { id: 'session.cancelled', desc: 'Badge on a session date that will not happen' })
      : o.status == 'changed'
        ? t.msg('Changed', { id: 'session.changed', desc: 'Badge on a session date whose time or place has changed' })
        : t.msg('Note', { id: 'session.note', desc: 'Badge before a note about one session date' });
  return html`<p class="status"><strong part="badge" class="badge ${o.status}">${label}</strong>
    ${o.note ? html`<span class="note">${feedText(o.note, t.locale, c.feed.language)}</span>` : nothing}</p>`;
};

export function sessionItem(o: SessionOccurrence, c: ItemContext, index: number) {
  const s = o.session;
  const { t } = c;
  const { locale } = t;
  const lang = c.feed.language;
  const url = safeUrl(s.url);
  const name = feedText(s.name, locale, lang);
  const place = o.place ? c.places.get(o.place) : undefined;
  // The address is written in the feed's language; its postcode reads left to right wherever it is.
  const lines = Object.entries(place?.address ?? {}).filter(([, v]) => v) as [string, string][];
  const address = lines.length
    ? lines.map(
        ([k, v], i) =>
          html`${i ? ', ' : ''}${k == 'postcode' ? html`<bdi dir="ltr">${v}</bdi>` : inLanguage(v, lang, locale)}`,
      )
    : undefined;
  const pattern = describePattern(s.schedule, t);
  const when = o.startTime
    ? formatTimeRange(o.start, o.endTime ? o.end : undefined, locale, o.timeZone)
    : o.days > 1
      ? `${formatDay(o.day, locale, { day: 'numeric', month: 'long' })} – ${formatDay(o.day + o.days - 1, locale, { day: 'numeric', month: 'long' })}`
      : t.msg('All day', { id: 'session.all-day', desc: 'When a session has no start time' });

  const who = [...(s.audience ?? []).map((a) => audienceLabel(t, a))];
  const age = ages(o, t);
  const booking = s.booking;
  const bookUrl = safeUrl(booking?.url);
  const titleId = `s${index}`;
  const online = s.online;
  const onlineUrl = safeUrl(online?.url);
  const more =
    o.status == 'cancelled'
      ? nothing
      : details(o, c, { place, online, onlineUrl, pattern, who, age, booking, bookUrl });
  return html`<li part="item" class="item ${o.status}" aria-labelledby=${titleId} tabindex="-1" data-index=${index}>
    ${heading(
      c.level,
      url ? html`<a part="link" href=${url} @click=${(e: Event) => c.select(e, o)}>${name}</a>` : name,
      'item-title',
      titleId,
    )}
    ${statusBadge(o, c)}
    <p class="when">
      <!-- Isolated in its own direction: a time range with no letters ("10:00–11:00") reads left to right
        in a right-to-left sentence; one with month names keeps its language's order. -->
      <time datetime=${o.startTime ? `${o.date}T${o.startTime}` : o.date} dir=${textDirection(when) ?? 'ltr'}>${when}</time>${usualTime(o, c)}${
        o.status != 'cancelled' && (pattern || s.schedule.note)
          ? html`<span class="pattern">${pattern ? html` · ${pattern}` : nothing}${s.schedule.note ? html` · ${feedText(s.schedule.note, locale, lang)}` : nothing}</span>`
          : nothing
      }
    </p>
    ${
      place && o.status != 'cancelled'
        ? html`<p class="where">
          ${feedText(place.name, locale, lang)}${address ? html`, <span class="address">${address}</span>` : nothing}
          <a part="link" class="map" href=${mapUrl(place)} rel="noopener" target="_blank"
            >${t.msg('Map', { id: 'session.map', desc: 'Link that opens the address on a map site' })}<span class="visually-hidden">
              ${t.msg(str`: ${feedString(place.name, locale, lang)} (opens in a new tab)`, { id: 'session.map-label', desc: 'Hidden text after "Map" for screen readers; the placeholder is a place name' })}</span
            ></a>
        </p>`
        : nothing
    }
    ${
      c.compact && more != nothing
        ? html`<details part="details" class="more">
          <summary>${t.msg('Details and booking', { id: 'session.more', desc: 'In the compact layout, opens who a session is for, its cost, booking, facilities, description and "Add to calendar"' })}</summary>
          ${more}
        </details>`
        : more
    }
  </li>`;
}

/** Where (online), who, cost, booking, facilities, the description and "Add to calendar": not for a cancelled date. */
function details(
  o: SessionOccurrence,
  c: ItemContext,
  {
    place,
    online,
    onlineUrl,
    pattern,
    who,
    age,
    booking,
    bookUrl,
  }: {
    place?: Place;
    online: SessionOccurrence['session']['online'];
    onlineUrl?: string;
    pattern?: string;
    who: string[];
    age: string;
    booking: SessionOccurrence['session']['booking'];
    bookUrl?: string;
  },
) {
  const s = o.session;
  const { t } = c;
  const { locale } = t;
  const lang = c.feed.language;
  return html`
    ${
      online
        ? html`<p class="where">
          <strong part="badge" class="badge online">${t.msg('Online', { id: 'session.online', desc: 'Badge on a session held online' })}</strong>
          ${onlineUrl ? html`<a part="link" href=${onlineUrl}>${t.msg('How to join', { id: 'session.join', desc: 'Link to join an online session' })}</a>` : nothing}
          ${feedText(online.note, locale, lang)}
        </p>`
        : nothing
    }
    <dl class="facts">
      ${
        who.length || age
          ? html`<div><dt>${t.msg('For', { id: 'session.for', desc: 'Label for who a session is for' })}</dt>
            <dd>${formatList(who, locale)}${who.length && age ? ' · ' : ''}${age}</dd></div>`
          : nothing
      }
      ${cost(o, c)}
      ${
        booking
          ? html`<div><dt>${t.msg('Booking', { id: 'session.booking', desc: 'Label for how to book a session' })}</dt>
            <dd>
              ${
                booking.required
                  ? t.msg('Booking required', { id: 'session.booking-required', desc: 'A session you must book' })
                  : t.msg('Drop in, no need to book', {
                      id: 'session.drop-in',
                      desc: 'A session you can just turn up to',
                    })
              }
              ${bookUrl ? html` · <a part="link" href=${bookUrl}>${t.msg('Book online', { id: 'session.book-online', desc: 'Link to a booking page' })}</a>` : nothing}
              ${booking.phone ? html` · <a part="link" dir="ltr" href=${`tel:${booking.phone.replace(/[^\d+]/g, '')}`}>${booking.phone}</a>` : nothing}
              ${booking.email ? html` · <a part="link" class="email" dir="ltr" href=${`mailto:${booking.email}`}>${booking.email}</a>` : nothing}
              ${booking.note ? html` · ${feedText(booking.note, locale, lang)}` : nothing}
            </dd></div>`
          : nothing
      }
      ${
        place?.facilities?.length
          ? html`<div><dt>${t.msg('Facilities', { id: 'session.facilities', desc: 'Label for what a place offers' })}</dt>
            <dd>${formatList(
              place.facilities.map((f) => facilityLabel(t, f)),
              locale,
            )}</dd></div>`
          : nothing
      }
    </dl>
    ${
      s.description
        ? c.compact
          ? html`<p>${feedText(s.description, locale, lang)}</p>`
          : html`<details part="details">
          <summary>${t.msg('About this session', { id: 'session.about', desc: 'Opens the description of a session' })}</summary>
          <p>${feedText(s.description, locale, lang)}</p>
        </details>`
        : nothing
    }
    ${calendarDetails(o, c, pattern)}`;
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
  const was = isolate(usual, t.locale);
  return html` <span class="was"
    ><s aria-hidden="true" dir=${textDirection(usual) ?? 'ltr'}>${usual}</s
    ><span class="visually-hidden">${t.msg(str`(was ${was})`, { id: 'session.was', desc: 'Hidden text after the new time of a changed date; the placeholder is the usual time, like "10:00–11:00"' })}</span></span
  >`;
}

function calendarDetails(o: SessionOccurrence, c: ItemContext, pattern: string | undefined) {
  const { t } = c;
  const links = c.calendarLinks(o);
  return html`<details part="details" class="calendar" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && c.openCalendar()}>
          <summary>${t.msg('Add to calendar', { id: 'session.add-to-calendar', desc: 'Opens the ways to save a session to a calendar' })}</summary>
          ${c.calendarError ?? nothing}
          <ul>
            <li><button part="button" type="button" @click=${() => c.calendar(o, false)}>${t.msg('This date (.ics file)', { id: 'session.ics-one', desc: 'Downloads a calendar file for one date' })}</button></li>
            ${
              pattern
                ? html`<li><button part="button" type="button" @click=${() => c.calendar(o, true)}>${t.msg('Every date (.ics file)', { id: 'session.ics-series', desc: 'Downloads a calendar file for the whole series' })}</button></li>`
                : nothing
            }
            ${
              links
                ? html`<li><a part="link" href=${links.google} target="_blank" rel="noopener">${t.msg('Google Calendar', { id: 'session.google', desc: 'Link that adds the session to Google Calendar' })}</a></li>
                  <li><a part="link" href=${links.outlook} target="_blank" rel="noopener">${t.msg('Outlook', { id: 'session.outlook', desc: 'Link that adds the session to Outlook.com' })}</a></li>`
                : nothing
            }
          </ul>
        </details>`;
}
