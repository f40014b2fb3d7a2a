import {
  html,
  noChange,
  nothing,
  unsafeCSS,
  type CSSResult,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { SESSION_PARTS } from '../../feed/session-parts.js';
import type { Feed, Place, Session } from '../../feed/types.js';
import { ImhSessionSelectEvent } from '../../events/session-select.js';
import { ImhElement } from '../../internal/imh-element.js';
import { formatDay, formatUnit } from '../../internal/format.js';
import { lazy } from '../../internal/lazy.js';
import { str, type Translator } from '../../internal/localize.js';
import { both } from '../../internal/feed-text.js';
import { adoptBodyStyles } from '../../internal/body-styles.js';
import { messagesOf } from '../../localization.js';
import { COMPLETE, ERROR, PENDING, Task } from '../../internal/task.js';
import { parseNow } from '../../internal/now.js';
import { wallClock } from '../../schedule/civil.js';
import { sliced } from '../../feed/slices.js';
import type { SessionOccurrence, UpcomingOptions } from '../../schedule/occurrences.js';
import { unconfirmedDates, type UnconfirmedDates } from '../../schedule/closures.js';
import { loadDates, type Dates } from '../../internal/dates.js';
import { heading } from '../../internal/heading.js';
import { matches, type Filters } from './filters.js';
import type { ItemContext, Kit } from './session-list-body.js';
import { safeUrl } from '../../feed/url.js';
import { audienceLabel, freeLabel } from '../../internal/labels.js';
import { familySheet } from '../../internal/family-sheet-button.js';
import { controlStyles } from '../../styles/controls.js';

/**
 * The list's body (each session drawn, with the list's own styles), one chunk loaded when a list first
 * updates, beside its feed and the schedule engine's chunk (`internal/dates.ts`): a page without a session
 * list never downloads it. A lazy chunk imports only from the main bundle, so a chunk that failed to load
 * can be loaded again (`lazy.ts`; Firefox keeps a failed file's record, and a chunk that another chunk
 * imports is asked for at its one address): the engine is given, not imported.
 */
const loadBody = lazy('the session list', 'session-list-body.js', () => import('./session-list-body.js'));
/** What the body draws with that other elements share in this bundle (see `Kit`). */
const kit: Kit = { heading, safeUrl, audienceLabel, freeLabel };
/** The body once here, with its styles as one style sheet, for every session list on the page. */
let loaded: Body | undefined;
/** The schedule engine once here (loaded beside the body: see the body's task), for every session list on the page. */
let engine: Dates | undefined;
const loadControls = lazy('the filter controls', 'filter-controls.js', () => import('./filter-controls.js'));
const loadNotes = lazy('the term dates notes', 'unconfirmed.js', () => import('./unconfirmed.js'));
const loadIcs = lazy('the calendar export', 'session-ics.js', () => import('./session-ics.js'));

/** What the list shows for a feed, time, window and filters. */
interface Upcoming {
  feed: Feed;
  occurrences: SessionOccurrence[];
  places: Map<string, Place>;
  /** Today, in the feed's time zone. */
  today: number;
  /** Term-time and bank-holiday series whose dates in the window are not known yet. */
  unconfirmed: UnconfirmedDates[];
  /** The window's length in days, and the sessions the page's attributes and choices leave (see `found`). */
  days: number;
  sessions: Session[];
  /**
   * The page's own sessions (its attributes', whatever is chosen), and their dates in the window as the feed,
   * day and sessions were last worked out (some may have ended since): none, and no choice would find one.
   */
  mine: Session[];
  dated: SessionOccurrence[];
}

/** The list's body: its code and its styles. */
interface Body {
  sessionItem: typeof import('./session-list-body.js').sessionItem;
  styles: CSSResult;
}

/**
 * What the list shows before the dates are worked out: the sessions its filters leave, the page's own, and
 * those whose dates in the window are not known yet (from the feed's calendars, in the main bundle).
 */
interface Selection {
  feed: Feed;
  days: number;
  today: number;
  sessions: Session[];
  mine: Session[];
  unconfirmed: UnconfirmedDates[];
  options: UpcomingOptions;
}

/**
 * @summary Upcoming sessions for parents and babies from the feed, soonest first, grouped by day.
 * @tag imh-session-list
 *
 * @slot - Fallback content (such as a link to the sessions page): shown before the script loads,
 *   when the feed or the list's own code cannot be loaded, and under the "no sessions" message.
 *
 * @fires {ImhFeedLoadEvent} imh-feed-load - The feed was loaded and validated (detail: feed, issues, url, stale).
 * @fires {ImhFeedErrorEvent} imh-feed-error - The feed could not be fetched, parsed or validated
 *   (detail: error, stale).
 * @fires {ImhLoadErrorEvent} imh-load-error - A file it loads on first use (messages, code) could not be loaded.
 * @fires {ImhSessionSelectEvent} imh-session-select - A session's link was activated; cancelable, so an app
 *   can route instead.
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The filter controls (with the `filters` attribute).
 * @csspart count - With `filters`: the number of sessions found ("12 sessions found").
 * @csspart day - One day's group of sessions.
 * @csspart day-heading - The heading of a day ("Today", "Tomorrow", "Wednesday 25 November").
 * @csspart item - One session occurrence.
 * @csspart item-title - The session's name.
 * @csspart badge - A badge: cancelled, changed, online.
 * @csspart link - Any link.
 * @csspart button - Any button.
 * @csspart details - An expandable section (description, add to calendar).
 * @csspart status - The loading placeholder, error or stale-copy message.
 * @csspart notice - A message in the status area.
 * @csspart empty - The "no sessions" message.
 * @csspart unconfirmed - A note that a term-time (or not-on-bank-holidays) series has no confirmed dates
 *   yet after the feed's last known term: "More dates will be added when next year's term dates are published".
 * @csspart attribution - The credit (linked to its licence) for imported data whose source asks for one.
 * @csspart fallback - The wrapper of the fallback slot.
 *
 * @attr {boolean} family-sheet - For practitioners: a "Print for a family" button, which opens a dialog to
 *   choose sessions (those shown, at first) and the family's language, and prints an A4 sheet in that
 *   language with their next dates, places, how to book and a QR code that opens this page. Its code loads
 *   on first use. Read when the list renders (no property, to keep every page's download small).
 *
 * @cssprop [--imh-color-text=#212b32] - Text colour.
 * @cssprop [--imh-color-text-secondary=#4c6272] - Secondary text (times, patterns, labels).
 * @cssprop [--imh-color-surface=#ffffff] - Background of each session.
 * @cssprop [--imh-color-border=#d8dde0] - Borders and dividers.
 * @cssprop [--imh-color-link=#005eb8] - Links.
 * @cssprop [--imh-color-focus=#ffeb3b] - Focus highlight.
 * @cssprop [--imh-color-focus-text=#212b32] - Text on the focus highlight.
 * @cssprop [--imh-color-cancelled=#d5281b] - The "Cancelled" badge and border.
 * @cssprop [--imh-color-button=#007f3b] - Buttons.
 * @cssprop [--imh-space=1rem] - Space between sessions.
 * @cssprop [--imh-radius=4px] - Corner radius.
 */
export class ImhSessionList extends ImhElement {
  protected static override feedParts = SESSION_PARTS;
  // Its own styles come with its body (`adoptBodyStyles()`).
  static override styles = [...ImhElement.styles, controlStyles];
  /** Its reactive properties, described below (see `ImhElement.properties`); `attribute: false` is state. */
  static override properties: PropertyDeclarations = {
    shown: { attribute: false },
    chosen: { attribute: false },
    now: {},
    limit: { type: Number },
    days: { type: Number },
    category: {},
    place: {},
    audience: {},
    ageMonths: { attribute: 'age-months', type: Number },
    layout: { reflect: true },
    filters: { type: Boolean, reflect: true },
  };

  /**
   * The days looked at: `days` in whole days (7.5 is 7), from 1 to a year. A window of decades held the
   * page (100 daily series with `days="100000000"`: 64 s in one task, expanding every date until 2099).
   */
  private get span(): number {
    return Math.min(366, Math.max(1, Math.floor(this.days || 28)));
  }

  /** How many occurrences to show after "Show more" (none pressed: `limit`). */
  private shown?: number;
  private chosen: Filters = {};

  /**
   * The moment the list is computed from: YYYY-MM-DD or YYYY-MM-DDTHH:MM (for previews and print). Default:
   * now, also for a value that is not a date (with one console line per value per page).
   */
  now?: string;
  /**
   * How many occurrences to show before a "Show more" button. A long list is drawn a few sessions a frame; over
   * 50, the browser lays out and paints only the days near the screen (each other day keeps the height it last had),
   * and each frame draws more, up to forty, as the list grows.
   */
  limit = 10;
  /** How many days ahead to look, counting today: whole days from 1 to 366 (a year; more is taken as 366). */
  days = 28;
  /** Only these session categories (comma-separated ids, like "baby-massage,stay-and-play"). */
  category?: string;
  /** Only sessions at these places (comma-separated place ids). */
  place?: string;
  /** Only sessions for this audience (parents, mums, dads, co-parents, carers, pregnant, families, practitioners). */
  audience?: string;
  /** Only sessions suitable for a baby of this many months; a negative number is weeks of pregnancy. */
  ageMonths?: number;
  /**
   * `compact` for narrow sidebars: each session shows its name, time and place, with the rest (who it
   * is for, cost, booking, facilities, description, add to calendar) behind a "Details and booking"
   * disclosure. Without it the layout still tightens at narrow widths of the element's own.
   */
  layout?: 'compact';
  /**
   * Show filter controls: a search (names, descriptions, places; ignoring case and accents), "When"
   * (today, tomorrow, this week, next week), type of session, place and age, with the number of
   * sessions found (announced politely as it changes) and "Clear filters" once something is chosen.
   */
  filters?: boolean;

  /** Someone opened "Add to calendar": load the calendar export (at the update `calendarOpen` asks for). */
  private calendarWanted?: boolean;
  /**
   * The sessions whose "Add to calendar" is open (see `menuKey`). Only the day one is listed under is drawn
   * again when it opens or closes (`again`), and each open one's when the calendar code's state changes, not
   * the whole list (which, thousands of sessions long, took hundreds of milliseconds at the first "Add to
   * calendar").
   */
  private menus?: Map<string, SessionOccurrence>;
  private calendarState?: unknown;

  /**
   * The list's body, asked for at its first update beside its feed. If it cannot be loaded: the
   * fallback content, imh-load-error naming the file, and Try again.
   */
  private body!: Task<readonly [], Body>;

  /** The sessions for the feed, time, window and filters, and those whose dates are not known yet: at once. */
  private selection!: Task<
    readonly [
      Feed | undefined,
      number,
      number,
      string | undefined,
      string | undefined,
      string | undefined,
      number | undefined,
    ],
    Selection | undefined
  >;

  /**
   * Their occurrences, once the schedule engine is here: at once, or across several tasks for a long feed.
   * Worked out while the body may still be coming.
   */
  private upcoming!: Task<readonly [Selection | undefined, Dates | undefined], Upcoming | undefined>;

  /**
   * The "dates not yet confirmed" notes' code, loaded only for a list that has one. The list waits
   * for it, so the note arrives with the sessions rather than moving them; if it cannot be loaded,
   * the list shows without it, with a notice and "Try again" where it would be.
   */
  private notes!: Task<readonly [boolean], typeof import('./unconfirmed.js') | undefined>;

  /** The filter controls, loaded when the `filters` attribute is set (the task made then: see `willUpdate`). */
  private controls?: ReturnType<ImhSessionList['makeControls']>;
  private makeControls() {
    return this.retry(
      new Task(this, { args: () => [this.filters] as const, task: ([on]) => (on ? loadControls() : undefined) }),
    );
  }

  /** The calendar export, loaded the first time someone opens "Add to calendar". */
  private ics!: Task<readonly [boolean | undefined], typeof import('./session-ics.js') | undefined>;

  /** Makes the list's tasks, at its first update (see `ImhElement.setUp`). */
  protected override setUp(): void {
    super.setUp();
    this.body = this.need(
      new Task(this, {
        args: () => [] as const,
        // Once here, at once: a list made later draws its sessions in its first update, with no placeholder.
        // The engine is asked for beside the body, and the dates are worked out as soon as it is here (`upcoming`);
        // the list waits for both, and says the body's failure if both fail.
        task: (_, { signal }) => {
          if (loaded) return loaded;
          const dates = loadDates().then((m) => {
            engine ??= m;
            // Not for a list that has left the page meanwhile: it loads again when it comes back.
            if (!signal.aborted) this.requestUpdate();
          });
          dates.catch(() => {}); // said after the body's failure, if both fail
          return loadBody().then(({ sessionItem, styles }) =>
            dates.then(() => (loaded ??= { sessionItem, styles: unsafeCSS(styles) })),
          );
        },
      }),
    );
    this.selection = new Task(this, {
      args: () =>
        [
          this.feedResult?.feed,
          Math.floor(this.instant.getTime() / 60_000),
          this.span,
          this.chosen.category ?? this.category,
          this.chosen.place ?? this.place,
          this.audience,
          this.chosen.ageMonths ?? this.ageMonths,
        ] as const,
      task: ([feed, , days, category, place, audience, ageMonths]): Selection | undefined => {
        if (!feed) return undefined;
        const now = this.instant;
        const filters: Filters = { category, place, audience, ageMonths };
        const sessions = (feed.sessions ?? []).filter((s) => matches(s, filters));
        // The page's own sessions (its attributes' alone): whether they have dates (see `Upcoming.dated`).
        const mine = (feed.sessions ?? []).filter((s) => matches(s, this));
        // School terms and bank holidays are held once in the feed and apply to the sessions that name them.
        const options = {
          now,
          days,
          timeZone: feed.timeZone,
          termDates: feed.termDates,
          bankHolidays: feed.bankHolidays,
        };
        const unconfirmed = sessions
          .filter((s) => s.schedule.termTimeOnly || s.schedule.notOnBankHolidays)
          .map((s) => unconfirmedDates(s, options))
          .filter((u) => !!u);
        const today = wallClock(now, feed.timeZone).day;
        return { feed, days, today, sessions, mine, unconfirmed, options };
      },
    });
    this.upcoming = new Task(this, {
      args: () => [this.selection.value, engine] as const,
      task: ([selection, dates]): Upcoming | Promise<Upcoming> | undefined => {
        if (!selection || !dates) return undefined;
        const { occurrencesInSlices } = dates;
        const { feed, days, today, sessions, mine, unconfirmed, options } = selection;
        const last = this.upcoming.value;
        const same = <T>(a: T[], b: T[], eq = (x: T, y: T) => x === y) =>
          a.length == b.length && a.every((x, i) => eq(x, b[i]));
        // The same feed, day, window and own sessions as the last list: a minute later, or another choice.
        const kept = last?.feed == feed && last.today == today && last.days == days && same(last.mine, mine);
        const found = ([occurrences, dated]: SessionOccurrence[][]): Upcoming =>
          // A minute later with nothing ended (the same sessions, day and window, and dates): the same list, so a
          // list drawn in parts carries on where it was, not from its first part, and what was opened stays open.
          kept &&
          same(last.sessions, sessions) &&
          same(last.occurrences, occurrences, (p, o) => p.session == o.session && +p.start == +o.start)
            ? last
            : {
                feed,
                occurrences,
                places: new Map((feed.places ?? []).map((p) => [p.id, p])),
                today,
                days,
                sessions,
                unconfirmed,
                mine,
                dated,
              };
        const result = sliced(
          (function* () {
            const occurrences = yield* occurrencesInSlices(sessions, options);
            // The own sessions' dates (see `Upcoming.dated`): the list's where the choices leave the same sessions;
            // else the last list's, for the same feed, day, window and sessions; else worked out after the list's.
            return [
              occurrences,
              same(sessions, mine) ? occurrences : kept ? last.dated : yield* occurrencesInSlices(mine, options),
            ];
          })(),
        );
        return result instanceof Promise ? result.then(found) : found(result);
      },
    });
    this.notes = this.retry(
      new Task(this, {
        args: () => [!!this.selection.value?.unconfirmed.length] as const,
        task: ([some]) => (some ? loadNotes() : undefined),
      }),
    );
    this.ics = this.retry(
      new Task(this, { args: () => [this.calendarWanted] as const, task: ([on]) => (on ? loadIcs() : undefined) }),
    );
  }

  /**
   * The family sheet's dialog, opened (its code loaded on first use) each time "Print for a family" is
   * pressed: with the `family-sheet` attribute (the task made then: see `willUpdate`).
   */
  private sheet?: ReturnType<typeof familySheet>;

  /** Whether an update has had the body (its chunk here, its styles adopted). */
  private hadBody = false;
  /** Settles the wait for the body in `getUpdateComplete` when the list leaves the page. */
  private left?: () => void;
  /**
   * What the last render drew its days with, and how many sessions it drew under each day: a list drawn
   * in parts draws only the new ones again, not every session before them in every part (which made a
   * list of every date of 500 series take 11 times FullCalendar's time: issue 14). Forgotten at any
   * change of a property but `shown` ("Show more" draws only what it adds), and when anything the sessions
   * show differs (see `renderContent`); a day is forgotten alone when an "Add to calendar" in it opens or
   * closes (`again`).
   */
  private drewDays?: [drawnWith: unknown[], counts: Map<number, number>];

  /**
   * Also waits for the list's body (its chunk, then the update that first has it, and the parts that
   * update draws), so that, as before the body was a chunk of its own, `updateComplete` settles with
   * the sessions drawn for a feed at hand, or the error if the body could not be loaded.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const waiting = () => this.body && this.body.status != ERROR && !this.hadBody;
    while (this.isConnected && (waiting() || this.drawing)) {
      // A list that leaves the page stops loading its body (it goes on when it comes back): no waiting for ever.
      const gone = new Promise<void>((resolve) => (this.left = resolve));
      await Promise.race([this.body.taskComplete.catch(() => undefined), gone]);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.left?.();
  }

  /** The body's styles, adopted before the update that first draws the body, so it never shows unstyled. */
  protected override update(changed: PropertyValues): void {
    // Each open "Add to calendar" is drawn again when the calendar code's state changes (read here, after the
    // task has run: it may have started loading in this update).
    if (this.ics.status !== this.calendarState) {
      this.calendarState = this.ics.status;
      this.menus?.forEach((o) => this.again(o));
    }
    const styles = this.body.value?.styles;
    if (styles) {
      adoptBodyStyles(this, styles);
      this.hadBody = true;
    }
    super.update(changed);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('limit') || changed.has('category') || changed.has('place') || changed.has('ageMonths'))
      this.shown = 0;
    // Anything changed but how many are shown: all drawn again ("Show more" draws only the sessions it adds,
    // and opening "Add to calendar" only its day: `again`).
    if (changed.size > +(changed as PropertyValues).has('shown')) this.drewDays = undefined;
    // Made when first used, not in every list's constructor: a page that makes 200 lists at once
    // makes them in one task (issue 12).
    if (this.filters) this.controls ??= this.makeControls();
    if (this.hasAttribute('family-sheet')) this.sheet ??= this.retry(familySheet(this));
  }

  /** The instant the list is computed from. */
  private get instant(): Date {
    return parseNow(this.now, this.feedResult?.feed.timeZone ?? 'Europe/London');
  }

  private select(event: Event, o: SessionOccurrence) {
    const e = new ImhSessionSelectEvent({ session: o.session, occurrence: o });
    if (!this.dispatchEvent(e)) event.preventDefault();
  }

  /** Saves an .ics file for one date or the whole series. */
  private async calendar(o: SessionOccurrence, series: boolean) {
    // (Its buttons are drawn once "Add to calendar" is open, which asked for the code: `calendarOpen`.)
    if (this.ics.status == ERROR) this.ics.run();
    await this.updateComplete;
    // Failed to load: reported, with "Try again" in the calendar menu.
    (await this.ics.taskComplete.catch(() => undefined))?.saveIcs(o, series, {
      ...this.upcoming.value!,
      locale: this.locale,
    });
  }

  /**
   * Whether a session's "Add to calendar" is open; with `open`, it has opened or closed (the toggle event, also
   * when a render sets it): its day is drawn again at once (its menu there as the toggle event ends, not in a
   * later task, whatever else waits), and the calendar code loaded.
   */
  private calendarOpen(o: SessionOccurrence, open?: boolean) {
    const k = menuKey(o);
    const menus = (this.menus ??= new Map());
    if (open != null && open != menus.has(k)) {
      if (open) {
        menus.set(k, o);
        this.calendarWanted = true;
      } else menus.delete(k);
      this.again(o);
      this.requestUpdate();
      this.performUpdate();
    }
    return menus.has(k);
  }

  /** At the next render, the day a session is listed under is drawn again (the others stay as they were). */
  private again(o: SessionOccurrence) {
    this.drewDays?.[1].delete(Math.max(o.day, this.upcoming.value?.today ?? 0));
  }

  private showMore() {
    const first = this.shown || this.limit;
    this.shown = first + this.limit;
    // Move focus to the first newly shown session, so keyboard users carry on from there.
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-index="${first}"]`)?.focus());
  }

  private onFilter(f: Filters) {
    this.chosen = f;
    this.shown = 0;
  }

  /** The filter controls once loaded, or a notice with "Try again" if they could not be. */
  private renderControls(feed: Feed, counts: { total: number; today: number; days: number }) {
    return this.controls?.render({
      complete: (m) => m?.filterControls(feed, this.chosen, this.t, (f) => this.onFilter(f), counts, this),
      error: () => this.renderError(),
    });
  }

  protected override renderContent() {
    const { t } = this;
    // While loading, keep about the room the first sessions will take (about 22rem each).
    const reserve = `${Math.min(Math.max(this.limit || 10, 1), 10) * 22}rem`;
    // A long feed is worked on in slices: the last list stays while a new one is worked out.
    const upcoming =
      this.feedResult && this.upcoming.value?.feed == this.feedResult.feed ? this.upcoming.value : undefined;
    const body = this.body.value;
    // The notes' first load holds the list back (a retry after a failure does not). Working on a loaded
    // feed, the list is busy; if its body could not be loaded, in error (the status says so).
    if (!upcoming || !body || (upcoming.unconfirmed.length && this.notes.status == PENDING && !this.notes.error)) {
      const busy = !!this.feedResult && this.body.status != ERROR;
      return html`<div part="base" class="base">${this.renderFeedStatus(false, busy, reserve)}</div>`;
    }
    const { feed, occurrences, places, today, unconfirmed } = upcoming;
    const days = this.span;
    const controls = this.filters && this.controls?.status == COMPLETE ? this.controls.value : undefined;
    // The "When" choice and the search narrow the expanded dates (in the filters' lazy code).
    const shownDates = controls
      ? controls.narrow(occurrences, this.chosen, feed, places, this.locale, today, t.also?.locale)
      : occurrences;
    const total = shownDates.length;
    const wanted = Math.max(1, this.shown || this.limit || 10);
    // A long list is drawn a few sessions an update (see `inParts`): the same list grows, another starts again.
    const long = wanted > 50;
    const from = [upcoming, this.chosen, this.layout, t.locale, t.also?.locale];
    const visible = this.inParts(from, shownDates, wanted, long);
    const ics = this.ics.status == COMPLETE ? this.ics.value : undefined;
    const context: ItemContext = {
      t,
      feed,
      places,
      level: this.level + 1,
      kit,
      compact: this.layout == 'compact',
      select: (e, o) => this.select(e, o),
      calendar: (o, series) => void this.calendar(o, series),
      calendarOpen: (o, open) => this.calendarOpen(o, open),
      calendarError: this.ics.status == ERROR ? this.renderError() : undefined,
      calendarLinks: (o) => ics?.calendarLinks(o, { ...upcoming, locale: this.locale }),
      share: this.shareButton,
    };
    const groups = new Map<number, [SessionOccurrence, number][]>();
    visible.forEach((o, i) => {
      const day = Math.max(o.day, today); // a multi-day event under way is listed under today
      const group = groups.get(day);
      if (group) group.push([o, i]);
      else groups.set(day, [[o, i]]);
    });
    // The days and sessions the last render drew stay as they are when this one draws the same list with
    // the same everything else, only longer (`inParts`: its days come in the same order, each with the same
    // first sessions), and they are still there (no placeholder or error was drawn in between).
    const extras = this.extras.value;
    const drawnWith = [
      upcoming,
      body,
      this.chosen,
      t.locale,
      messagesOf(t.locale),
      t.also?.locale,
      this.level,
      extras,
      extras?.shareState(this),
    ];
    const [last, had] = this.drewDays ?? [];
    const drawn =
      had && last!.every((v, i) => v === drawnWith[i]) && this.renderRoot.querySelector('.day') ? had : new Map();
    // What this render draws, kept once it is all made (a render that throws halfway leaves the last one's).
    const counts = new Map<number, number>();
    const out = html`<div part="base" class="base ${long ? 'long' : ''}">
      ${this.filters ? this.renderControls(feed, { total, today, days }) : nothing}
      ${this.sheet?.button(
        t,
        () => ({ ...upcoming, occurrences: shownDates, shown: visible.length }),
        () => this.renderError(),
      )}
      ${this.renderFeedStatus(!total)}
      ${
        total
          ? [...groups].map(([day, items]) => {
              // (A day with fewer sessions than drawn, which a longer list never has, is drawn again whole.)
              const had = drawn.get(day) ?? 0;
              const before = had > items.length ? 0 : had;
              counts.set(day, items.length);
              return before == items.length
                ? noChange
                : html`<section part="day" class="day">
                    ${heading(
                      this.level,
                      both(t, (t) => dayName(day, today, t)),
                      'day-heading',
                    )}
                    <ul class="items">${items.map(([o, i], n) =>
                      n < before ? noChange : body.sessionItem(o, context, i),
                    )}</ul>
                  </section>`;
            })
          : html`<p part="empty" class="empty">
            ${
              // "No sessions match these choices" only where the page's own sessions have dates in the window.
              (controls && upcoming.dated.some((o) => o.end > this.instant) && controls.noMatch(this.chosen, t)) ||
              both(t, (t) =>
                t.msg(str`There are no sessions in the next ${formatUnit(days, 'day', t.locale)}.`, {
                  id: 'session-list.empty',
                  desc: 'Shown when the feed has no upcoming sessions; the placeholder is a period like "28 days"',
                }),
              )
            }
          </p>`
      }
      ${
        wanted < total
          ? html`<button part="button" class="more" type="button" @click=${() => this.showMore()}>
            ${both(t, (t) =>
              t.msg('Show more sessions', {
                id: 'session-list.show-more',
                desc: 'Button that shows the next sessions in the list',
              }),
            )}
          </button>`
          : nothing
      }
      ${this.notes.render({
        complete: (notes): unknown => notes?.unconfirmedNotes(unconfirmed, feed, t),
        error: () => this.renderError(),
      })}
      ${this.credit(
        feed,
        visible.flatMap((o) => [o.session, o.place ? places.get(o.place) : undefined]),
      )}
    </div>`;
    this.drewDays = [drawnWith, counts];
    return out;
  }
}

/** Which session and date an "Add to calendar" is for: the same when the list is worked out again. */
const menuKey = (o: SessionOccurrence) => `${o.session.id} ${+o.start}`;

/** "Today", "Tomorrow", or "Wednesday 25 November". */
function dayName(day: number, today: number, t: Translator) {
  if (day == today) return t.msg('Today', { id: 'session-list.today', desc: "Heading for today's sessions" });
  if (day == today + 1)
    return t.msg('Tomorrow', { id: 'session-list.tomorrow', desc: "Heading for tomorrow's sessions" });
  return formatDay(day, t.locale);
}
