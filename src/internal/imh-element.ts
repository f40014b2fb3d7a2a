import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { property } from 'lit/decorators.js';
import {
  directionOf,
  isLoaded,
  loadLocale,
  localeOf,
  onLanguageChange,
  packLoading,
  type LocalePart,
} from '../localization.js';
import { hostStyles } from '../styles/host.js';
import { themeStyles } from '../styles/themes.js';
import { FeedController } from './feed-controller.js';
import { formatAgo } from './format.js';
import { keepHeight, keptHeight } from './kept-height.js';
import { str, Translator } from './localize.js';
import { Reach } from './reach.js';

/**
 * What every imh element shares: the feed (from `data`, the `feed` attribute or the page's
 * `imh-feed` meta tag), its loading, error and stale states, and its own language (see
 * `localization.ts`): it renders in the language of its `lang` or its ancestors', waits for that
 * language's messages before its first render, and renders again when a `lang` changes.
 * Subclasses implement `renderContent()` with `this.feedState.result`.
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
 * @csspart status - The loading placeholder, error or stale-copy notice (a polite live region).
 * @csspart notice - The error or stale-copy message.
 * @csspart fallback - The page's own content, shown if the feed cannot be loaded.
 */
export class ImhElement extends LitElement {
  static override styles = [hostStyles, themeStyles];

  /**
   * A ready theme: `nhs` (the default colours), `govuk` or `charity`; `dark` for light text on a
   * padded dark surface; or `auto`, dark only where the page is (the `color-scheme` the element
   * inherits: `dark`, or `light dark` on a device that prefers dark), combinable with a light theme
   * (`govuk auto`). Themes only set the `--imh-*` custom properties, so a page's own values on the
   * element still win.
   */
  @property({ reflect: true }) theme?: string;

  protected feedState = new FeedController(this, () => this.feedMode());

  /**
   * Address of the shared JSON feed. When absent, the page's
   * `<meta name="imh-feed" content="…">` is used, so a page names its feed once.
   */
  @property({ reflect: true }) feed?: string;

  /**
   * The feed's data, given directly instead of a URL (an app that already holds it, a story,
   * a test). It is validated like a fetched feed, and takes precedence over `feed`.
   */
  @property({ attribute: false }) data?: unknown;

  /**
   * Adds schema.org data (JSON-LD) for the items the element lists to the page's `<head>`, for
   * search engines (session list, support card and support list; off by default). Under Trusted
   * Types the page must allow the policy `imh-jsonld` (see README, "Search engines").
   */
  @property({ type: Boolean }) jsonld = false;

  /** Which parts of a locale's messages the element needs besides the interface's (see `localization.ts`). */
  protected static localeParts: readonly LocalePart[] = ['ui'];

  /**
   * The element's translator, in the element's language: every message it shows or announces is
   * `this.t.msg(…)` (helpers take `t` as a parameter), wherever and whenever it is made.
   */
  protected readonly t = new Translator();
  /** The opt-in features loaded on first use (JSON-LD). */
  protected readonly reach = new Reach(this, () => ({ feed: this.feedState.result?.feed, locale: this.t.locale }));
  private unlisten?: () => void;
  /** Whether the content's height was kept for the next visit (once per connection). */
  private heightKept = false;
  /** The height kept last visit, read once per connection (`null`: none). */
  private lastHeight?: number | null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unlisten = onLanguageChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unlisten?.();
    this.heightKept = false;
    this.lastHeight = undefined;
  }

  /** Once the content has replaced the placeholder, keeps its height for the next visit's placeholder. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.heightKept && this.feedState.status == 'ready' && !this.renderRoot.querySelector('.placeholder')) {
      this.heightKept = true;
      keepHeight(this);
    }
  }

  /** Holds the update until the element's language is loaded, so it never flashes English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    // A translation pack the page names, or one for a language we do not ship (see packs.ts).
    const pack = packLoading(this);
    if (pack) return pack.then(() => this.scheduleUpdate());
    const locale = localeOf(this);
    const parts = (this.constructor as typeof ImhElement).localeParts;
    if (isLoaded(locale, parts)) return super.scheduleUpdate();
    return loadLocale(locale, parts)
      .catch(() => undefined) // offline: render in English rather than not at all
      .then(() => super.scheduleUpdate());
  }

  /** Takes the element's language for this update (subclasses call super.willUpdate first). */
  protected override willUpdate(changed: PropertyValues): void {
    this.t.locale = localeOf(this);
    super.willUpdate(changed);
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
    const dir = this.hasAttribute('dir') ? undefined : directionOf(this.t.locale);
    return html`<div class="fill"></div>
      <div class="root" lang=${this.t.locale} dir=${dir ?? nothing}>${this.renderContent()}</div>`;
  }

  /**
   * Whether the element needs a feed: `required` by default; `optional` for elements with
   * built-in content; `none` while it shows only what the page wrote.
   */
  protected feedMode(): 'required' | 'optional' | 'none' {
    return 'required';
  }

  /** Loads the feed again (after an error, or to pick up changes). */
  reload(): void {
    this.feedState.reload();
  }

  /** The locale the element speaks (resolved from `lang`; see `localization.ts`). */
  protected get locale(): string {
    return this.t.locale;
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
   * would leave a gap and then close it. The height is set through the CSSOM, never as a `style`
   * attribute (which a strict `style-src` blocks; Lit's styleMap writes one on first render).
   */
  protected renderFeedStatus(showFallback = false, busy = false, reserve?: string | false) {
    const { result } = this.feedState;
    const { t } = this;
    const status = busy ? 'loading' : this.feedState.status;
    const stale = result?.stale;
    if (status == 'loading' && reserve !== false) {
      // Read once: a long feed renders this placeholder on every slice.
      if (this.lastHeight === undefined) this.lastHeight = keptHeight(this) ?? null;
      if (this.lastHeight) reserve = `${this.lastHeight}px`;
    }
    return html`
      <div part="status" role="status" class=${status == 'loading' && reserve !== false ? 'placeholder' : ''} ${ref((el) => el && ((el as HTMLElement).style.minBlockSize = status == 'loading' && reserve ? reserve : ''))}>
        ${
          status == 'loading'
            ? html`<span class="visually-hidden">${t.msg('Loading…', { id: 'feed.loading', desc: 'Shown while the feed loads' })}</span>`
            : status == 'error'
              ? html`<p class="notice" part="notice">
                ${t.msg('This information could not be loaded just now.', {
                  id: 'feed.error',
                  desc: 'Shown to visitors when the feed cannot be loaded',
                })}
                <button type="button" part="button" @click=${() => this.reload()}>
                  ${t.msg('Try again', { id: 'feed.retry', desc: 'Button that loads the feed again' })}
                </button>
              </p>`
              : stale
                ? html`<p class="notice" part="notice">
                  ${t.msg(
                    str`This is a copy saved ${this.formatAge(stale.savedAt)}; the latest information could not be loaded.`,
                    {
                      id: 'feed.stale',
                      desc: 'Shown above a saved copy of the feed. The placeholder is a relative time like "3 days ago".',
                    },
                  )}
                </p>`
                : nothing
        }
      </div>
      <div part="fallback" ?hidden=${status != 'error' && !showFallback}><slot></slot><slot name="fallback"></slot></div>
    `;
  }

  /** "3 days ago", in the element's locale. */
  protected formatAge(when: Date): string {
    const seconds = (when.getTime() - Date.now()) / 1000;
    const units: ['day' | 'hour' | 'minute', number][] = [
      ['day', 86400],
      ['hour', 3600],
      ['minute', 60],
    ];
    for (const [unit, size] of units) {
      if (Math.abs(seconds) >= size || unit == 'minute')
        return formatAgo(Math.round(seconds / size), unit, this.locale);
    }
    return '';
  }
}
