// One benchmark run, in the page: the element, or a hand-written vanilla baseline that renders the
// same occurrences with plain DOM calls from the same validated feed and schedule expansion.
import '../dist/imh-widgets.js';
import { validateFeed } from '../dist/feed.js';
import { upcomingOccurrences } from '../dist/schedule.js';
import { makeFeed } from './generate.js';

const params = new URLSearchParams(location.search);
const n = Number(params.get('n') ?? 500);
const variant = params.get('variant') ?? 'element';
// `all`: every occurrence in the 8 weeks (issue 14: "with every occurrence rendered, the list should also
// beat FullCalendar's list view on the same events"); else the first 50.
const ALL = params.get('all') != null;
const LIMIT = ALL ? 1_000_000 : 50;
const DAYS = 56;
const NOW = '2026-11-23T08:00';

const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
  type: 'longtask',
  buffered: true,
});
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// The same content the element shows for each occurrence (name, time and pattern, place and
// address with a map link, who it is for, cost, booking, facilities, the description and the
// calendar disclosure), written with plain DOM calls, with comparable styles.
const css = `.b-list{list-style:none;margin:0;padding:0;display:grid;gap:1rem;container-type:inline-size}
.b-item{border:1px solid #d8dde0;border-inline-start:4px solid #005eb8;border-radius:4px;padding:.75rem 1rem}
.b-item h3{font-size:1.125em;margin:0 0 .25rem}.b-item p{margin:0 0 .375rem}.b-when{font-weight:600}
.b-facts{margin:.5rem 0;display:grid;grid-template-columns:max-content 1fr;gap:.125rem .75rem}
.b-facts div{display:contents}
.b-facts dt{font-weight:600;color:#4c6272}.b-facts dd{margin:0}summary{color:#005eb8;text-decoration:underline}
.b-badge{border:2px solid currentColor;border-radius:4px;font-weight:700;padding:0 .375rem;color:#d5281b}`;
function baseline(raw) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const { feed } = validateFeed(raw);
  const places = new Map(feed.places.map((p) => [p.id, p]));
  const now = new Date('2026-11-23T08:00:00Z');
  const list = upcomingOccurrences(feed.sessions, { now, days: DAYS, timeZone: feed.timeZone }).slice(0, LIMIT);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: feed.timeZone });
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const lists = new Intl.ListFormat('en-GB');
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const fact = (dl, label, value) => {
    const div = el('div');
    div.append(el('dt', label), el('dd', value));
    dl.append(div);
  };
  const ul = el('ul', null, 'b-list');
  for (const o of list) {
    const s = o.session;
    const li = el('li', null, 'b-item');
    li.append(el('h3', typeof s.name == 'string' ? s.name : s.name.en));
    if (o.status == 'cancelled') {
      const p = el('p');
      p.append(el('strong', 'Cancelled', 'b-badge'), ` ${o.note}`);
      li.append(p);
    }
    const when = el('p', null, 'b-when');
    const t = el('time', time.formatRange(o.start, o.end));
    t.setAttribute('datetime', `${o.date}T${o.startTime}`);
    const days = s.schedule.byDay
      ? lists.format(
          s.schedule.byDay.map((d) =>
            weekday.format(Date.UTC(2024, 0, 1 + ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'].indexOf(d.slice(-2)))),
          ),
        )
      : '';
    when.append(t, days ? ` · Every ${days}` : '');
    li.append(when);
    const place = places.get(o.place);
    const where = el('p', `${place.name}, ${Object.values(place.address).join(', ')} `);
    const map = el('a', 'Map');
    map.href = `https://www.openstreetmap.org/search?query=${encodeURIComponent(place.name)}`;
    where.append(map);
    li.append(where);
    const dl = el('dl', null, 'b-facts');
    fact(dl, 'For', `${lists.format(s.audience)} · Babies 0 to 24 months`);
    fact(dl, 'Cost', 'Free');
    fact(dl, 'Booking', s.booking.required ? 'Booking required' : 'Drop in, no need to book');
    fact(dl, 'Facilities', lists.format(place.facilities));
    li.append(dl);
    const about = el('details');
    about.append(el('summary', 'About this session'), el('p', s.description));
    const cal = el('details');
    cal.append(
      el('summary', 'Add to calendar'),
      el('button', 'This date (.ics file)'),
      el('button', 'Every date (.ics file)'),
    );
    li.append(about, cal);
    ul.append(li);
  }
  document.body.append(ul);
}

/**
 * FullCalendar's list view (fullcalendar 6, its standard bundle, loaded before the clock starts) on the
 * same occurrences: the same feed validated and expanded as the baseline does, each occurrence an event
 * with its name, start and end, a cancelled one with "Cancelled" before its name. The feed's times are in
 * Europe/London, which is UTC in these 8 weeks (Nov–Jan), so the events are given in UTC.
 */
async function fullCalendar(raw) {
  const { feed } = validateFeed(raw);
  const now = new Date('2026-11-23T08:00:00Z');
  const list = upcomingOccurrences(feed.sessions, { now, days: DAYS, timeZone: feed.timeZone }).slice(0, LIMIT);
  const name = (s) => (typeof s.name == 'string' ? s.name : s.name.en);
  const el = document.createElement('div');
  document.body.append(el);
  const calendar = new window.FullCalendar.Calendar(el, {
    timeZone: 'UTC',
    locale: 'en-gb',
    initialDate: '2026-11-23',
    initialView: 'weeks',
    views: { weeks: { type: 'list', duration: { days: DAYS } } },
    headerToolbar: false,
    height: 'auto',
    events: list.map((o, i) => ({
      id: String(i),
      title: o.status == 'cancelled' ? `Cancelled: ${name(o.session)}` : name(o.session),
      start: o.start,
      end: o.end,
    })),
  });
  calendar.render();
  return el.querySelectorAll('.fc-list-event').length;
}

if (variant == 'fullcalendar')
  await new Promise((resolve, reject) =>
    document.head.append(
      Object.assign(document.createElement('script'), {
        src: '../node_modules/fullcalendar/index.global.min.js',
        onload: resolve,
        onerror: reject,
      }),
    ),
  );

const raw = makeFeed(n);
await frame();
await frame();
longTasks.length = 0;
performance.mark('imh-bench-start');
const t0 = performance.now();
if (variant == 'element') {
  const el = document.createElement('imh-session-list');
  el.setAttribute('now', NOW);
  el.limit = LIMIT;
  el.days = DAYS;
  el.data = raw;
  // Rendered when the first session is in the shadow DOM (a long feed is worked on in slices).
  const shown = new Promise((resolve) => {
    const check = () => el.shadowRoot?.querySelector('[part=item]') && (observer.disconnect(), resolve());
    const observer = new MutationObserver(check);
    queueMicrotask(() => observer.observe(el.shadowRoot, { childList: true, subtree: true }));
  });
  document.body.append(el);
  await shown;
} else if (variant == 'fullcalendar') await fullCalendar(raw);
else baseline(raw);
const rendered = performance.now() - t0;
await frame();
const painted = performance.now() - t0;
// The whole list: the element draws a long one ten sessions an update, a frame each.
if (variant == 'element') {
  await document.querySelector('imh-session-list').updateComplete;
  await frame();
}
const complete = performance.now() - t0;
performance.mark('imh-bench-end');
await new Promise((r) => setTimeout(r, 50)); // let the long-task observer report
window.__result = {
  rendered,
  painted,
  complete,
  longestTask: Math.max(0, ...longTasks),
  heap: performance.memory?.usedJSHeapSize ?? 0,
  items:
    variant == 'element'
      ? document.querySelector('imh-session-list').shadowRoot.querySelectorAll('[part=item]').length
      : variant == 'fullcalendar'
        ? document.querySelectorAll('.fc-list-event').length
        : document.querySelectorAll('li').length,
};
