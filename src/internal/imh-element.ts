import {
  html,
  LitElement,
  nothing,
  unsafeCSS,
  type CSSResult,
  type PropertyDeclarations,
  type PropertyValues,
} from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedError, isAbort } from '../feed/errors.js';
import { loadedFeed, loadFeed, readFeedData, unusableAddress, type FeedResult } from '../feed/load.js';
import { HEAD_PARTS, type FeedParts } from '../feed/parts.js';
import { arrive, turn } from '../feed/slices.js';
import { safeUrl } from '../feed/url.js';
import type { FeedRead } from '../feed/read.js';
import type { Feed, Service, Session } from '../feed/types.js';
import { ImhFeedErrorEvent } from '../events/feed-error.js';
import { ImhFeedLoadEvent } from '../events/feed-load.js';
import { ImhLoadError, loadFailed } from '../events/load-error.js';
import {
  directionOf,
  hasMessages,
  isLoaded,
  loadLocale,
  localeOf,
  onLanguageChange,
  packLoading,
  secondLocale,
  type LocalePart,
} from '../localization.js';
import { sourceLocale } from '../generated/locale-codes.js';
import { hostStyles } from '../styles/host.js';
import { themed } from '../styles/themes.js';
import { formatAgo } from './format.js';
import { outlineLevel } from './heading.js';
import type { Sourced } from './attribution.js';
import { HeightKeeper, placeholderIn } from './kept-height.js';
import { lazy } from './lazy.js';
import { str, Translator } from './localize.js';
import { Reach } from './reach.js';
import { drawn as paced, drawNext } from './pace.js';
import { COMPLETE, ERROR, INITIAL, PENDING, Task, type TaskStatus } from './task.js';

const REACH: LocalePart[] = ['reach'];

/** The page-level feed address: `<meta name="imh-feed" content="URL">`. */
export const metaFeed = (): string | undefined =>
  document.querySelector<HTMLMetaElement>('meta[name="imh-feed"]')?.content.trim() || undefined;

/** A feed as the elements hold it: validated, with where it came from when it was fetched. */
export type LoadedFeed = FeedRead & Partial<Pick<FeedResult, 'url' | 'stale' | 'saving'>>;

/** What the element needs of a task to report and retry it. */
interface Retryable {
  readonly status: TaskStatus;
  readonly error?: unknown;
  run(): void;
}

/** The ready themes' colours (`styles/palettes.ts`), loaded with the first element whose `theme` names one. */
const palettes = lazy('the theme colours', 'palettes', () => import('../styles/palettes.js'));

/** Style sheets made from text loaded on first use, one per text for the whole page. */
const sheets = new Map<string, CSSResult>();
const sheet = (text: string) => sheets.get(text) ?? sheets.set(text, unsafeCSS(text)).get(text)!;

/** The bilingual layouts (`bilingual.ts`), loaded with the first bilingual element. */
const bilingualCode = lazy('the bilingual layouts', 'bilingual', () => import('./bilingual.js'));

/** Data freshness and sharing (`reach/fresh-share.ts`), loaded with the first element that asks for one. */
const extras = lazy('the freshness and share code', 'fresh-share', () => import('../reach/fresh-share.js'));
const credits = lazy('the credit for imported data', 'attribution', () => import('./attribution.js'));

/** The elements on the page, for the one pair of print listeners they share. */
const connected = new Set<ImhElement>();
/** A language changed (a `lang` on the page, or `setLocale`): the elements on the page render again. */
const relang = () => {
  for (const el of connected) el.requestUpdate();
};
/** The closed details opened for printing (their content does not print closed). */
const opened: HTMLDetailsElement[] = [];

let minute: ReturnType<typeof setTimeout> | undefined;
/** At the start of every minute, renders the live elements again: one timer for the page, while it has elements. */
const tick = () => {
  minute = connected.size
    ? setTimeout(
        () => {
          for (const el of connected) if (el.live) el.requestUpdate();
          tick();
        },
        60_000 - (Date.now() % 60_000) + 50,
      )
    : undefined;
};

/** Where an element is on the way from its inputs to its content. */
export type Status = 'idle' | 'loading' | 'ready' | 'error';

/**
 * What every imh element shares: the way from a feed address to its content, its own language,
 * and its loading, error and stale states.
 *
 * The way is a few `Task`s (`internal/task.ts`), each one step, rerun when its inputs change: the
 * element's language's messages; the feed (from `data`, the `feed` attribute or the page's
 * `imh-feed` meta tag); and whatever an element works out from the feed (the session list's
 * occurrences) or loads on first use (filters, calendar export). `status` sums them up for the
 * render, which only reads state. Updates take turns with every other element's work on the page
 * (`feed/slices.ts`), so any number of elements never make a long task.
 *
 * The element renders in the language of its `lang` or its ancestors' (see `localization.ts`),
 * shows a placeholder until that language's messages are loaded (never English first), and
 * renders again when a `lang` changes. Subclasses implement `renderContent()` with `feedResult`.
 *
 * The element inherits the page's font; colours, spacing and corners come from these custom
 * properties (set them on the element or any ancestor), or from a ready `theme`.
 * @cssprop [--imh-color-text=#212b32] - Text.
 * @cssprop [--imh-color-text-secondary=#4c6272] - Secondary text (dates checked, notes).
 * @cssprop [--imh-color-surface=#ffffff] - Card and control backgrounds.
 * @cssprop [--imh-color-border=#d8dde0] - Card borders and dividers (decorative).
 * @cssprop [--imh-color-link=#005eb8] - Links and secondary buttons.
 * @cssprop [--imh-color-focus=#ffeb3b] - The focus highlight.
 * @cssprop [--imh-color-focus-text=#212b32] - Text on the focus highlight, and its underline.
 * @cssprop [--imh-color-button=#007f3b] - Buttons.
 * @cssprop [--imh-color-button-text=#ffffff] - Text on buttons.
 * @cssprop [--imh-space=1rem] - The basic gap between pieces.
 * @cssprop [--imh-radius=4px] - Corner radius of cards, buttons and controls.
 * @cssprop [--imh-placeholder-height=12rem] - Room kept while the feed loads.
 * @cssprop [--imh-line-height-nastaliq=2] - Line height of Urdu and Shahmukhi Punjabi text (Nastaliq needs room).
 * @attr {'stacked' | 'columns'} bilingual-layout - On a bilingual element (`bilingual`), where the second
 *   language sits: after a slash when absent; `stacked`, on a smaller line below the first; `columns`, in a
 *   column beside it (below it where there is no room for two); any other value is the default, with one console
 *   line per value per page naming the layouts. Styles only, so no property.
 * @fires {ImhReviewDueEvent} imh-review-due - With `review-after`: the feed has services not reviewed within that
 *   period (for editors; the console says the same once per feed per page).
 * @csspart last-checked - With `last-checked`: the line saying when the information was last updated.
 * @csspart share - With `share`: each Share button (also part `button`).
 * @csspart share-note - With `share`: "Link copied" beside the button, or the link to copy by hand.
 * @csspart status - The loading placeholder, error or stale-copy notice (a polite live region).
 * @csspart notice - The error or stale-copy message.
 * @csspart fallback - The page's own content, shown if the feed cannot be loaded.
 */
export class ImhElement extends LitElement {
  static override styles = [hostStyles];

  /**
   * The reactive properties below, declared in Lit's static `properties`, not with decorators: their helpers
   * (and TypeScript's `__decorate`) would be in every page's download. A subclass lists its own the same
   * way; `attribute: false` is internal state (what `@state()` declares). custom-elements.json reads
   * the attributes from here and the descriptions from each field's comment.
   */
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    theme: { reflect: true },
    feed: { reflect: true },
    data: { attribute: false, hasChanged: () => true },
    jsonld: { type: Boolean },
    bilingual: { reflect: true },
    lastChecked: { attribute: 'last-checked', type: Boolean },
    reviewAfter: { attribute: 'review-after' },
    share: { type: Boolean },
  };

  /**
   * The level of the element's own headings (what sits under them is one level below). By default
   * one below the nearest heading before the element on the page, so it fits the page's outline
   * (2 where there is none); set it to choose.
   */
  headingLevel?: number;

  /** The heading level in use: `headingLevel`, else the one the page's outline gives (worked out each update). */
  protected level!: number;

  /** Which parts of a locale's messages the element needs besides the interface's (see `localization.ts`). */
  protected static localeParts: readonly LocalePart[] = ['ui'];

  /**
   * What the element reads of the feed (`SESSION_PARTS`, `SERVICE_PARTS`, `ALL_PARTS`; see
   * `feed/parts.ts`): only those parts are validated, and only their schemas are in its bundle.
   * The feed's own fields only, by default.
   */
  protected static feedParts: FeedParts = HEAD_PARTS;

  /**
   * A ready theme: `nhs` (the default colours), `govuk` or `charity`; `dark` for light text on a
   * padded dark surface; or `auto`, dark only where the page is (the `color-scheme` the element
   * inherits: `dark`, or `light dark` on a device that prefers dark), combinable with a light theme
   * (`govuk auto`). Themes only set the `--imh-*` custom properties, so a page's own values on the
   * element still win.
   */
  theme?: string;

  /**
   * Address of the shared JSON feed. When absent, the page's
   * `<meta name="imh-feed" content="…">` is used, so a page names its feed once.
   */
  feed?: string;

  /**
   * The feed's data, given directly instead of a URL (an app that already holds it, a story,
   * a test). It is validated like a fetched feed, and takes precedence over `feed`. Assigning it
   * reads it again, also the same object changed in place (`el.data = el.data`, or
   * `el.requestUpdate('data')`).
   */
  data?: unknown;

  /**
   * Adds schema.org data (JSON-LD) for the items the element lists to the page's `<head>`, for
   * search engines (session list, support card and support list; off by default). Under Trusted
   * Types the page must allow the policy `imh-jsonld` (see README, "Search engines").
   *
   * Like the other boolean properties, it has no initial value (off until set): a field's initial
   * value runs Lit's setter in every element's constructor (about 7 µs each in a page's first
   * elements, where the browser has not yet compiled the code), and a page that makes 200 elements
   * at once makes them all in one task (issue 12).
   */
  jsonld?: boolean;

  /**
   * A second language to show beside the element's own (`lang`): `bilingual="en"` on a Welsh
   * element shows Welsh first, then English, as Welsh public bodies publish. Headings, labels and
   * buttons show both; feed text shows both where the feed has both, once where it has one. Each
   * part carries its language, so screen readers switch voices. With `bilingual-layout`: the second
   * language after a slash (by default), `stacked` on a smaller line below, or `columns` side by
   * side (stacked where there is no room). Its messages load like any language's, or come from a
   * translation pack (`bilingual="so"` with a pack for Somali); if they cannot load, the element shows
   * its own language only (with imh-load-error). A language we do not ship and no pack brings is
   * never shown as English: the element shows its own language only, and the page gets one console
   * line and an `imh-translation-pack` event on `document` (`used: false`) saying so. A value that is not
   * a language tag (`cy_GB`) gets one console line saying how to write it (`cy-GB`), and no pack is looked for.
   */
  bilingual?: string;

  /**
   * Shows when the information was last updated (the feed's `updated`), under the content: "today",
   * "3 days ago" within a week, else the date, in the element's language and the feed's time zone
   * (part `last-checked`). A support card also says when its service was checked (`reviewed`).
   */
  lastChecked?: boolean;

  /**
   * For editors: warns when the feed's services were not reviewed (their `reviewed` date) within this
   * period, once per feed per page in the console, naming them and how long ago, and with an
   * `imh-review-due` event on the element. Bare (`review-after`) is 12 months; else a number and a unit,
   * `6 months`, `1 year`, `8 weeks`, `90 days`, or ISO 8601 (`P6M`). Visitors see nothing; without the
   * attribute nothing is checked. On elements that read services (support card, support list, timeline).
   */
  reviewAfter?: string;

  /**
   * A Share button for each session (session list) or service (support card and list): the browser's
   * share sheet where it has one, else the link is copied ("Link copied"), else shown to copy. The link
   * is the page's address with `#imh-session-<id>` or `#imh-service-<id>`; an element with `share` that
   * shows that item scrolls to it and moves focus to it when the page opens at that link.
   */
  share?: boolean;

  /**
   * The element's translator, in the element's language: every message it shows or announces is
   * `this.t.msg(…)` (helpers take `t` as a parameter), wherever and whenever it is made.
   */
  protected readonly t = new Translator();
  /** Counts changes of `data` and reloads: the feed task's version of its input. */
  private version = 0;
  /** The tasks whose failures are reported and retried (`reload()`): all but the derived ones. */
  private readonly retried: Retryable[] = [];
  /** The tasks the content cannot show without (besides the language and the feed). */
  private readonly needed: Retryable[] = [];
  /** Outcomes already announced with an event (each run's result or error once). */
  private announced!: WeakSet<object>;

  /** The element's language's messages, loaded before it shows text (made in `setUp`, as the tasks below). */
  private language!: Task<readonly [string], string>;

  /**
   * The second language's locale once its messages are here, on a bilingual element: one we ship or
   * a translation pack's (a failure, or a language with neither, leaves the element in one language).
   * The first language waits for one we ship (its words come as the first's do), never for a pack
   * (another server, which may be slow or hang): the element shows its own language, and adds the
   * second when the pack arrives.
   */
  private second!: Task<readonly [string | undefined], string | undefined>;
  /** Whether the second language waits for a translation pack (the first shows meanwhile). */
  private packFirst?: boolean;

  /**
   * A ready theme's colours, in the element's styles before its content shows. If they cannot be
   * loaded, the content shows in the default colours, with imh-load-error; `reload()` tries again.
   */
  private palette!: Task<readonly [boolean], void>;
  private paletted?: boolean;

  /**
   * Styles loaded on first use (a theme's colours, the bilingual layouts) or with code loaded later
   * (the share button's, the family sheet's dialog), after the element's own.
   */
  private added?: Set<CSSResult | CSSStyleSheet>;

  /** The document and the number of style sheets adopted last (see `adopt`). */
  private styled?: [Document, number];

  /**
   * Adopts the element's styles (and `styles`, loaded later): its own and a lazy body's (both in
   * `elementStyles`), then those loaded later; nothing when they and the document are as they were
   * (a lazy body, or the share button's code, asks at every update). A shadow root can adopt only
   * style sheets made in its own document, so in another (a same-origin frame the host page moved
   * the element into: rare) it adopts copies made there; on its way back, the originals. In a
   * document with no window (DOMParser's, a template's), where nothing shows, nothing is adopted.
   * @internal
   */
  adopt(styles?: CSSResult | CSSStyleSheet): void {
    if (styles) (this.added ??= new Set()).add(styles);
    const root = this.renderRoot as ShadowRoot;
    const doc = root.ownerDocument;
    const all = [...(this.constructor as typeof ImhElement).elementStyles, ...(this.added ?? [])];
    if ((this.styled?.[0] == doc && this.styled[1] == all.length) || !doc.defaultView) return;
    this.styled = [doc, all.length];
    root.adoptedStyleSheets = all.map((s) => {
      const own = (s as CSSResult).styleSheet ?? (s as CSSStyleSheet);
      if (doc == document) return own;
      const copy = new doc.defaultView!.CSSStyleSheet();
      copy.replaceSync([...own.cssRules].map((r) => r.cssText).join(''));
      return copy;
    });
  }

  /**
   * Moved into another document: its styles are made again there (`adopt`). Firefox (140 ESR) gives an
   * element moved into another window's document that window's `HTMLElement.prototype`, so it has none of
   * its methods and would neither draw nor update again: it gets its own back here, from the registry that
   * defined it. (Its `disconnectedCallback` has run before, with the other prototype: it and the
   * controllers' `hostDisconnected` call no method of the element's own.)
   */
  adoptedCallback(): void {
    if (!(this instanceof ImhElement)) {
      const own = customElements.get((this as HTMLElement).localName);
      if (own) Object.setPrototypeOf(this, own.prototype);
    }
    if (this.feedTask) this.adopt();
  }

  /** The freshness and share code with the messages it says, for an element with one of those attributes. */
  protected extras!: Task<
    readonly [string | false, string | undefined],
    typeof import('../reach/fresh-share.js') | undefined
  >;

  /** The Share button for a session or service (`share`), once its code is here (else nothing). */
  protected shareButton!: (item: Session | Service) => unknown;

  /** The credit line's code (`attribution.ts`), for a feed whose sources ask for credit (see `credit`). */
  private credits!: Task<readonly [boolean], typeof import('./attribution.js') | undefined>;

  /** The feed, validated (from `data`, the `feed` attribute or the meta tag). */
  protected feedTask!: Task<
    readonly [ReturnType<ImhElement['feedMode']>, unknown, number, string | undefined],
    LoadedFeed | undefined
  >;

  constructor() {
    super();
    // The page's time creating elements counts as this task's slice (see slices.ts).
    arrive();
  }

  /**
   * Makes the element's tasks and controllers, at its first update (in turn with the page's other
   * work: see `scheduleUpdate`), not in its constructor: a page's parse, or `define()`, runs every
   * element's constructor in one task, so what a constructor does is paid as many times as the page
   * has elements, all at once (issue 12). An element adds its own after `super.setUp()`.
   */
  protected setUp(): void {
    const { localeParts, feedParts } = this.constructor as typeof ImhElement;
    this.adopt();
    this.announced = new WeakSet();
    this.language = this.retry(
      new Task(this, {
        args: () => [localeOf(this)] as const,
        task: ([locale]) => {
          const words = (l: string) => (isLoaded(l, localeParts) ? l : loadLocale(l, localeParts).then(() => l));
          // A translation pack the page names, or one for a language we do not ship (see packs.ts),
          // comes first: it may make the element's language one it can speak.
          // If the packs' code cannot be loaded: our own words, and the error (imh-load-error; reload()).
          const pack = packLoading(this);
          return pack
            ? pack.then(
                () => words(localeOf(this)),
                async (e: unknown) => {
                  await words(locale);
                  throw e;
                },
              )
            : words(locale);
        },
      }),
    );
    this.second = this.retry(
      new Task(this, {
        args: () => [this.bilingual?.trim()] as const,
        task: ([tag]) => {
          this.packFirst = !!tag && !!packLoading(document.documentElement, tag);
          return (
            tag &&
            Promise.all([secondLocale(tag, localeParts), bilingualCode()]).then(
              ([locale, { bilingualCss, checkLayout }]) => {
                checkLayout(this.getAttribute('bilingual-layout'));
                this.adopt(sheet(bilingualCss));
                return locale;
              },
            )
          );
        },
      }),
    );
    this.palette = this.retry(
      new Task(this, {
        args: () => [themed(this.theme)] as const,
        task: ([needed]) =>
          needed && !this.paletted
            ? palettes().then(({ themeCss }) => {
                this.adopt(sheet(themeCss));
                this.paletted = true;
              })
            : undefined,
      }),
    );
    this.extras = this.retry(
      new Task(this, {
        args: () =>
          [(this.lastChecked || this.share || this.reviewAfter != null) && this.speaking, this.t.also?.locale] as const,
        task: ([locale, also]) =>
          locale
            ? Promise.all([extras(), loadLocale(locale, REACH), also && loadLocale(also, REACH)]).then(([m]) => m)
            : undefined,
      }),
    );
    this.feedTask = this.retry(
      new Task(this, {
        args: () => [this.feedMode(), this.data, this.version, this.feed?.trim() || metaFeed()] as const,
        task: ([mode, data, , address], { signal }): LoadedFeed | undefined | Promise<LoadedFeed> => {
          if (mode == 'none' || (data == null && !address && mode == 'optional')) return undefined;
          const parts = feedParts;
          const read =
            data != null
              ? readFeedData(data, { parts })
              : !address
                ? unusableAddress()
                : (loadedFeed(address, parts) ?? loadFeed(address, { signal, parts }));
          // A fresh object per run, so each load is announced once.
          return read instanceof Promise ? read.then((r) => ({ ...r })) : { ...read };
        },
      }),
    );
    // After the feed's task, so that a feed read at once (`data`) is seen in the same update. The feed is
    // not given to the render (`feedResult`) before this code is here: imported data never shows without
    // the credit its licence asks for, and nothing moves when the credit comes. If it cannot load, the
    // element shows its error, with "Try again", as when the feed cannot.
    this.credits = this.need(
      new Task(this, {
        args: () => [!!this.feedTask.value?.feed.sources?.some((s) => s.attribution || safeUrl(s.licence))] as const,
        task: ([asked]) => (asked ? credits() : undefined),
      }),
    );
    this.shareButton = (item) => this.extras.value?.shareButton(this, this.t, item, this.feedResult!.feed.language);
    // The opt-in features loaded on first use (JSON-LD).
    new Reach(this, () => ({ feed: this.feedResult?.feed, locale: this.t.locale }));
    // Keeps the loading placeholder at the height the content took last time, and that room while
    // a long list is drawn. Not before the "last checked" line or Share buttons are drawn, when asked for.
    new HeightKeeper(
      this,
      () => this.status == 'ready' && this.extras.status != PENDING && !placeholderIn(this.renderRoot),
      () => this.holding || this.drawing,
    );
  }

  /**
   * The shadow root (open, as Lit's), without its styles: they are adopted at the first update
   * (`setUp`), when there is first something to style, not in the task every element arrives in.
   */
  protected override createRenderRoot(): ShadowRoot {
    return this.attachShadow({ mode: 'open' });
  }

  /** The first update makes the element's tasks and controllers (`setUp`) before Lit's runs them. */
  protected override performUpdate(): void {
    if (!this.feedTask) this.setUp();
    super.performUpdate();
  }

  /**
   * Set by a render that drew only part of a long list (`inParts`): the element updates again until it
   * is all there, and the kept height's room is held meanwhile. (These fields have no initial value
   * where none will do: an initial value is set in every element's constructor, and a page's elements
   * are all made in one task: issue 12.)
   */
  protected drawing?: boolean;
  /**
   * Set by a render that shows its content before all of it is here (the timeline's stages while its
   * feed loads): the kept height's room is held, as while a list is drawn, but nothing is drawn again
   * until what it waits for comes (its task's update), not every frame meanwhile. `updateComplete`
   * settles once that is drawn.
   */
  protected holding?: boolean;
  /** What the last render drew a list from, and how many of its items; how many of those were new. */
  private drew?: [from: unknown[], count: number];
  private grown!: number;
  /** Set while a frame callback is queued to ask for a list's next part (`updated`): one at a time. */
  private partQueued?: boolean;
  /** Set by that callback: the update it asks for goes on drawing a list (see `updated`). */
  private framed?: boolean;

  /**
   * The items of a long list that this render draws (the session list's sessions, the support list's
   * services): those the last render drew from the same `from` (its list, filters, languages), and as
   * many more as fit in a slice of the page's time (`pace.ts`), up to `wanted`. The rest come in later
   * updates, after a frame each and in turn with other work (`feed/slices.ts`); `updateComplete`
   * settles once all are there. A different `from` starts again. While a part waits for its frame, any
   * other update (the minute, a task that settled) draws the same items, none more. A `long` list (the
   * browser lays out only its items near the screen) draws longer parts as it grows (`drawNext`).
   */
  protected inParts<T>(from: unknown[], items: readonly T[], wanted = items.length, long?: boolean): readonly T[] {
    const [last, before] = this.drew ?? [[], 0];
    const had = from.every((v, i) => v === last[i]) ? before : 0;
    const count = Math.min(wanted, had + (had && this.partQueued ? 0 : drawNext(long ? had : 0)));
    const drawn = items.slice(0, count);
    this.drew = [from, count];
    this.drawing = count < Math.min(wanted, items.length);
    this.grown = drawn.length - had;
    return drawn;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    // Looked at again after each frame: by then a list drawn in parts has asked for its next part, or will
    // after the next frame (see `updated`, whose frame callback comes first), and one holding may have what it
    // waits for.
    while ((this.holding || this.drawing) && this.isConnected) {
      await new Promise(requestAnimationFrame);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * Before printing, a list still drawn in parts draws the rest at once, so the page prints it whole,
   * and every element's closed details open (not "Add to calendar", not printed); after, they close.
   */
  private static print(e: Event) {
    for (const d of opened.splice(0)) d.open = false;
    if (e.type == 'beforeprint')
      for (const el of connected) {
        // As if it had drawn every item: its next render draws them all (`inParts`), and a list drawn
        // later comes in parts again, whether or not the browser says printing is over (afterprint).
        if (el.drawing) {
          el.drew![1] = Infinity;
          el.requestUpdate();
          el.performUpdate();
        }
        for (const d of el.renderRoot.querySelectorAll<HTMLDetailsElement>('details:not([open],.calendar)')) {
          d.open = true;
          opened.push(d);
        }
      }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page with a list part-drawn: draws on.
    if (this.drawing) this.requestUpdate();
    // One pair of print listeners and one language listener for every element on the page (two hundred
    // elements add none of their own; a listener added again is the same one, added once).
    if (!connected.size) {
      for (const type of ['beforeprint', 'afterprint']) addEventListener(type, ImhElement.print);
      onLanguageChange(relang);
    }
    connected.add(this);
    if (!minute) tick();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  /**
   * Renders the element again at the start of every minute while it is on the page, for live text
   * such as "Open now, closes at 17:00" (its constructor calls it). One timer serves every element:
   * two hundred cards do not set and clear two hundred (issue 12).
   */
  protected everyMinute(): void {
    this.live = true;
  }
  /**
   * Set by `everyMinute`: a field, not a set of the live elements (adding to a `WeakSet` cost about 2 µs an
   * element, in the task a page's elements all arrive in).
   * @internal
   */
  live?: boolean;

  /**
   * The credit line for the imported items shown whose sources ask for one (`attribution.ts`). Its code
   * is loaded only for a feed with such sources, and the content waits for it.
   */
  protected credit(feed: Feed, items: Iterable<Sourced>): unknown {
    return this.credits.value?.attribution(feed, items, this.t, safeUrl) ?? nothing;
  }

  /** Loads the feed again (after an error, or to pick up changes), and whatever else failed to load. */
  reload(): void {
    this.version++;
    this.retryFailed();
  }

  /** Loads again what failed to load (a language's messages, a file loaded on first use). */
  protected retryFailed(): void {
    for (const task of this.retried) if (task.status == ERROR) task.run();
    this.requestUpdate();
  }

  /**
   * Whether the element needs a feed: `required` by default; `optional` for elements with
   * built-in content; `none` while it shows only what the page wrote.
   */
  protected feedMode(): 'required' | 'optional' | 'none' {
    return 'required';
  }

  /** The feed and its issues, once ready (also when showing a stale copy). */
  protected get feedResult(): LoadedFeed | undefined {
    // Not before the credit's code, where the feed asks for credit: see `credit`.
    return this.feedTask?.status == COMPLETE && this.credits.status == COMPLETE ? this.feedTask.value : undefined;
  }

  /**
   * Where the element is, for the render: `loading` until its language and its feed are ready,
   * `error` when the feed failed (at once, even while a file its content needs is still coming) or
   * such a file failed (a language that failed to load shows English instead), `idle` with no feed
   * to show, else `ready`.
   */
  protected get status(): Status {
    if (!this.hasWords || this.palette.status == PENDING) return 'loading';
    const feed = this.feedTask;
    // A failed feed is said at once, not once the element's own code has come (but see the timeline's renderContent).
    if (feed.status == ERROR) return 'error';
    const tasks = [feed, ...this.needed];
    if (tasks.some((t) => t.status == PENDING || t.status == INITIAL)) return 'loading';
    if (tasks.some((t) => t.status == ERROR)) return 'error';
    return feed.value ? 'ready' : 'idle';
  }

  /** The locale the element speaks (resolved from `lang`; see `localization.ts`). */
  protected get locale(): string {
    return this.t.locale;
  }

  /** Takes part in the page's turns: an update waits while other work has used this task's time. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return turn(() => super.scheduleUpdate());
  }

  /**
   * The locale the element renders in: its language once its messages are ready (the previous
   * language while a new one loads; English if one fails to load). A task that makes text reads it
   * (an element's own tasks run after the language's).
   */
  protected get speaking(): string {
    const { status, value } = this.language;
    const locale = localeOf(this);
    // Its messages may be here when only the date formatters failed: then the browser's Intl formats.
    if (status == ERROR)
      return hasMessages(locale, (this.constructor as typeof ImhElement).localeParts) ? locale : sourceLocale;
    return value ?? sourceLocale;
  }

  /** Whether a language's messages are here to speak (the last language's, while another loads). */
  private get hasWords(): boolean {
    return (
      (this.language.value !== undefined || this.language.status == ERROR) &&
      (this.second.status != PENDING || !!this.packFirst)
    );
  }

  protected override update(changed: PropertyValues): void {
    const { t, second, bilingual } = this;
    t.locale = this.speaking;
    const also = second.status == COMPLETE && bilingual && second.value;
    t.also = also && also.split('-')[0] != t.locale.split('-')[0] ? new Translator(also) : undefined;
    this.grown = 0;
    const start = performance.now();
    super.update(changed);
    // How long drawing a list's new items took (rendered and put on the page), for the next part's size.
    paced(performance.now() - start, this.grown);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('data')) this.version++;
    this.level = this.headingLevel || outlineLevel(this);
  }

  /** Announces each outcome once, after it shows: imh-feed-load, imh-feed-error, imh-load-error. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // A list's next part in a frame's callbacks, before that frame is laid out (an update that fits in this
    // task's slice would otherwise run at once, and one frame would lay out several parts); on the page only.
    // One frame callback at a time: other updates meanwhile (the minute, a task) ask for none of their own.
    // A part that the last part's frame callback did not ask for (a list's first, the first after "Show more"),
    // drawn in a task as a rule, is laid out in the next frame: the part after it comes in the frame after that,
    // so it shows alone and sooner. (One asked for by the callback but whose turn came in a later task, on a
    // busy page, is laid out with the next, as every part was before.)
    const framed = this.framed;
    this.framed = false;
    if (this.drawing && this.isConnected && !this.partQueued) {
      this.partQueued = true;
      const next = () => {
        this.partQueued = false;
        this.framed = true;
        this.requestUpdate();
      };
      requestAnimationFrame(framed ? next : () => requestAnimationFrame(next));
    }
    const feed = this.feedTask;
    this.extras.value?.updated(this, this.feedResult?.feed, this.feedResult?.url);
    const once = (outcome: unknown, ...events: (() => Event | false | undefined)[]) => {
      if (!outcome || typeof outcome != 'object' || this.announced.has(outcome)) return;
      this.announced.add(outcome);
      for (const event of events) {
        const e = event();
        if (e) this.dispatchEvent(e);
      }
    };
    if (feed.status == COMPLETE && feed.value) {
      const { feed: data, issues, url, stale, missing, saving } = feed.value;
      once(
        feed.value,
        () => new ImhFeedLoadEvent({ feed: data, issues, url, stale }),
        () => stale && new ImhFeedErrorEvent({ error: stale.error, stale: true }),
        () => missing && loadFailed(missing),
        // The failed load's own files that were missing (its sentences, with a copy shown).
        ...(stale?.error.missing ?? []).map((m) => () => loadFailed(m)),
        // The saved-copy code, loaded after the feed shows: its failure is said once it is known.
        () => void saving?.catch((e: unknown) => e instanceof ImhLoadError && this.dispatchEvent(loadFailed(e))),
      );
    }
    if (feed.status == ERROR && !isAbort(feed.error) && !(feed.error instanceof ImhLoadError)) {
      const e = feed.error;
      once(
        e,
        () => new ImhFeedErrorEvent({ error: e instanceof FeedError ? e : new FeedError(String(e)), stale: false }),
        ...((e instanceof FeedError && e.missing) || []).map((m) => () => loadFailed(m)),
      );
    }
    for (const task of this.retried) {
      if (task.status == ERROR && task.error instanceof ImhLoadError) {
        const error = task.error;
        once(error, () => loadFailed(error));
      }
    }
  }

  /** Registers a task whose failure is announced and retried by `reload()` ("Try again"). */
  protected retry<T extends Retryable>(task: T): T {
    this.retried.push(task);
    return task;
  }

  /** Registers a task the content needs: the element is loading while it runs, in error if it fails. */
  protected need<T extends Retryable>(task: T): T {
    this.needed.push(task);
    return this.retry(task);
  }

  /**
   * The element's content. Wrapped in an element that carries its language, and its direction
   * unless the page set `dir` on the element itself, and is the container its layouts query.
   * Before it, an empty `.fill` gives the element its width in shrink-to-fit boxes (see host.ts).
   */
  protected renderContent(): unknown {
    return nothing;
  }

  override render() {
    // Set again by `inParts()` while a list is drawn in parts, or by a content that holds (not for a placeholder).
    this.drawing = this.holding = false;
    const dir = this.hasAttribute('dir') ? undefined : directionOf(this.t.locale);
    // Nothing but the placeholder until the element has words to say it in, and its theme's colours.
    const content = this.hasWords && this.palette.status != PENDING ? this.renderContent() : this.renderFeedStatus();
    const feed = this.status == 'ready' && this.feedResult?.feed;
    return html`<div class="fill"></div>
      <div class="root" lang=${this.t.locale} dir=${ifDefined(dir)}>${content}${
        feed ? this.extras.value?.footer(this, this.t, feed) : nothing
      }</div>`;
  }

  /**
   * The loading placeholder, the error message with the fallback slot, or the stale-copy notice.
   * The default slot is always in the DOM and only hidden, so editors' fallback content is never lost;
   * it shows on error, and also when `showFallback` (an element's empty state). `busy` shows the
   * placeholder while the element still works on a loaded feed (a long one is read in slices).
   * Where the placeholder stands in for all the content, it keeps the height the content took last
   * time (same page, attributes and width; see `kept-height.ts`), else `reserve`, the element's
   * estimate, else 12rem, so the page moves as little as possible when the content arrives.
   * `reserve: false` means content already shows: loading is only announced, with no skeleton that
   * would leave a gap and then close it.
   */
  protected renderFeedStatus(showFallback = false, busy = false, reserve?: string | false) {
    const { t } = this;
    const status = busy ? 'loading' : this.status;
    const stale = this.feedResult?.stale;
    const placeholder = status == 'loading' && reserve !== false;
    // Until the language's messages are here, the placeholder says nothing rather than say it in English.
    const speaking = this.hasWords;
    const staleNotice = (stale: { savedAt: Date }) =>
      t.msg(str`This is a copy saved ${this.formatAge(stale.savedAt)}; the latest information could not be loaded.`, {
        id: 'feed.stale',
        desc: 'Shown above a saved copy of the feed. The placeholder is a relative time like "3 days ago".',
      });
    return html`
      <div part="status" role="status" class=${placeholder ? 'placeholder' : ''}
        data-reserve=${(placeholder && reserve) || nothing}>
        ${
          status == 'loading'
            ? speaking
              ? html`<span class="visually-hidden">${t.msg('Loading…', {
                  id: 'feed.loading',
                  desc: 'Shown while the feed loads',
                })}</span>`
              : nothing
            : status == 'error'
              ? this.renderError()
              : stale
                ? html`<p class="notice" part="notice">
                  ${staleNotice(stale)}
                </p>`
                : nothing
        }
      </div>
      <div part="fallback"
        ?hidden=${status != 'error' && !showFallback}><slot></slot><slot name="fallback"></slot></div>
    `;
  }

  /** "This information could not be loaded just now. [Try again]", for the feed or a piece of the element. */
  protected renderError(retry = () => (this.feedTask.status == ERROR ? this.reload() : this.retryFailed())) {
    const { t } = this;
    return html`<p class="notice" part="notice">
      ${t.msg('This information could not be loaded just now.', {
        id: 'feed.error',
        desc: 'Shown to visitors when the feed cannot be loaded',
      })}
      <button type="button" part="button" @click=${retry}>
        ${t.msg('Try again', { id: 'feed.retry', desc: 'Button that loads the feed again' })}
      </button>
    </p>`;
  }

  /** "3 days ago", in the element's locale. */
  protected formatAge(when: Date): string {
    const seconds = (when.getTime() - Date.now()) / 1000;
    const away = Math.abs(seconds);
    const [unit, size] =
      away >= 86400 ? (['day', 86400] as const) : away >= 3600 ? (['hour', 3600] as const) : (['minute', 60] as const);
    return formatAgo(Math.round(seconds / size), unit, this.locale);
  }
}
