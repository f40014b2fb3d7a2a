import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { css } from '../../styles/css.js';
import { SERVICE_PARTS } from '../../feed/service-parts.js';
import type { Service } from '../../feed/types.js';
import { ImhElement } from '../../internal/imh-element.js';
import { suits } from '../../internal/audience.js';
import { both, shownString } from '../../internal/feed-text.js';
import { fold } from '../../internal/fold.js';
import { plural } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { anyLabel, audienceLabel, kindLabel, stageLabel } from '../../internal/labels.js';
import { str, type Translator } from '../../internal/localize.js';
import { parseNow } from '../../internal/now.js';
import { AUDIENCES, KINDS, STAGES } from '../../feed/vocabulary.js';
import { cardStyles } from '../support-card/service-card.styles.js';
import { controlStyles } from '../../styles/controls.js';
import { serviceCard, type CardContext } from '../support-card/service-card.js';
import { familySheet } from '../../internal/family-sheet-button.js';
import { wallClock } from '../../schedule/civil.js';

/**
 * @summary A directory of support services from the feed, with urgent help always at the top.
 * @tag imh-support-list
 *
 * A long directory (a whole council's, hundreds of services) is drawn a few services at a time, one
 * part a frame, so the page never waits for all of it; `updateComplete` settles once all are there.
 *
 * @slot - Fallback content (such as a link to the support page), shown before the script loads and if the feed fails.
 *
 * @fires {ImhSupportActionEvent} imh-support-action - A contact action on one of the cards was used.
 * @fires {ImhFeedLoadEvent} imh-feed-load - The feed was loaded and validated.
 * @fires {ImhFeedErrorEvent} imh-feed-error - The feed could not be fetched, parsed or validated.
 * @fires {ImhLoadErrorEvent} imh-load-error - A file it loads on first use (messages, code) could not be loaded.
 *
 * @csspart urgent - The "Need help now?" section with emergency and urgent services.
 * @csspart filters - The filter and search controls.
 * @csspart list - The list of services.
 * @csspart item - One service in the list.
 * @csspart card - A service card.
 * @csspart heading - A heading (section or service name).
 * @csspart badge - The "Urgent" or "Emergency" label on a card.
 * @csspart link - Any link.
 * @csspart action - A contact action link.
 * @csspart empty - The message when no services show ("No services match", "No services are listed here yet").
 * @csspart attribution - The credit (linked to its licence) for imported data whose source asks for one.
 * @csspart status - The loading placeholder, error or stale-copy message.
 * @csspart button - A button: "Print for a family" (with `family-sheet`), "Try again".
 *
 * @attr {boolean} family-sheet - For practitioners: a "Print for a family" button, which opens a dialog to
 *   choose services (urgent help and those shown, at first; then the feed's others) and the family's
 *   language, and prints an A4 sheet in that language with each service's urgency in words, its phone
 *   numbers large, the date printed and a QR code that opens this page. Its code loads on first use (if it
 *   cannot be loaded: imh-load-error and "Try again"). Read when the list renders (no property, to keep
 *   every page's download small).
 *
 * @cssprop [--imh-color-routine=#005eb8] - The band of a routine card.
 * @cssprop [--imh-color-urgent=#d5281b] - The band of an urgent card.
 * @cssprop [--imh-color-emergency-surface=#212b32] - The body of an emergency card.
 * @cssprop [--imh-space=1rem] - Space between cards.
 */
export class ImhSupportList extends ImhElement {
  protected static override feedParts = SERVICE_PARTS;
  static override styles = [
    ...ImhElement.styles,
    cardStyles,
    controlStyles,
    css`
      .urgent-help {
        margin-block-end: calc(var(--_gap) * 1.5);
      }
      .skip {
        display: inline-block;
        margin-block-end: 0.5rem;
      }
      .skip:not(:focus) {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      ul.cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--_gap);
      }
    `,
  ];
  /** Its reactive properties, described below (see `ImhElement.properties`); `attribute: false` is state. */
  static override properties: PropertyDeclarations = {
    chosen: { attribute: false },
    said: { attribute: false },
    stage: {},
    audience: {},
    kind: {},
    noControls: { attribute: 'no-controls', type: Boolean },
    layout: { reflect: true },
    now: {},
  };

  /**
   * The reader's own choices, by control: the search (`q`), and each filter whose select the reader changed
   * (`stage`, `audience`, `kind`; "Any" is '', a choice of its own). A filter not chosen is its attribute's.
   */
  private chosen: { q: string; stage?: string; audience?: string; kind?: string } = { q: '' };
  /**
   * The choices whose number of results is announced: set 300 ms after the visitor changed a filter
   * or the search, and said only if nothing changed since (as the session list's search waits), so
   * typing a word is announced once, not once per key.
   */
  private said?: object;

  /**
   * Only services for this stage: `pregnancy`, `0-12m` or `12-24m`. This and the two below preset the filters,
   * until the reader chooses another in that filter; a value not listed applies as written (and shows so).
   */
  stage?: string;
  /** Only services for this audience: `mums`, `dads`, `co-parents`, `practitioners`… */
  audience?: string;
  /** Only this kind of service: `app`, `helpline`, `service`, `group` or `website`. */
  kind?: string;
  /** Hide the filter and search controls (the attributes above still apply). */
  noControls?: boolean;
  /** `compact` for narrow sidebars. */
  layout?: 'compact';
  /**
   * Show opening hours as at this date-time, YYYY-MM-DDTHH:MM (for previews and print). Default: now, updated
   * live, also for a value that is not a date (with one console line per value per page).
   */
  now?: string;

  /**
   * "Print for a family" (`family-sheet`): the sheet's code, loaded and its dialog opened at each press
   * (the task made when the attribute is first seen, not in every element's constructor: issue 12).
   */
  private sheet?: ReturnType<typeof familySheet>;

  constructor() {
    super();
    this.everyMinute();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasAttribute('family-sheet')) this.sheet ??= this.retry(familySheet(this));
  }

  private passes(s: Service, locale: string, language: string): boolean {
    const { stage = this.stage, audience = this.audience, kind = this.kind } = this.chosen;
    if (kind && s.kind != kind) return false;
    if (stage && s.stages?.length && !s.stages.includes(stage as never)) return false;
    if (audience && !suits(s.audience, [audience])) return false;
    const q = fold(this.chosen.q.trim());
    if (!q) return true;
    // Only words the reader can see find a service (a card shows no description): in the list's language
    // (or the feed's where it has no translation) and, on a bilingual list, in the second where the feed has it.
    const text = [s.name, s.summary, s.eligibility]
      .map((v) => shownString(v, locale, language, this.t.also?.locale))
      .join(' ');
    return fold(text).includes(q);
  }

  /** The skip link: fragments do not reach into a shadow root, so move focus to the search by hand. */
  private skip(e: Event) {
    e.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>('[part=filters] input, #all-heading');
    if (!target) return;
    if (target.localName != 'input') target.tabIndex = -1;
    target.focus();
    target.scrollIntoView({ block: 'start' });
  }

  /**
   * Only the control used is read: a word typed leaves every filter as it is, the attribute's preset too
   * (before, the form was read whole, and a preset its select could not show became "Any").
   */
  private onChange(e: Event) {
    const { name, value } = e.target as HTMLInputElement;
    // Leaving the search box (or Enter) fires a change for what its input events already did (and a select
    // fires input, then change): the count was said, and is not said again.
    if (value == this.chosen[name as 'q']) return;
    const chosen = (this.chosen = { ...this.chosen, [name]: value });
    setTimeout(() => (this.said = chosen), 300);
  }

  /**
   * A filter: its choice ("Any" too), else its attribute's (`stage`, `audience`, `kind`), is selected. A
   * preset the feed's vocabulary lacks (`kind="hotline"`) still applies, as the page asked (it finds
   * nothing the feed could have, or only what does not say), so it is a choice too, last: as written and in
   * quotes, so it never reads as one of the feed's (`kind="helplines"` was a second "Helplines", `kind="any"` a
   * second "Any"). The select shows what applies, and the reader can leave it and come back.
   */
  private select(
    name: 'stage' | 'audience' | 'kind',
    label: (t: Translator) => string,
    values: readonly string[],
    toLabel: (t: Translator, v: string) => string,
  ) {
    const { t } = this;
    const current = this.chosen[name] ?? this[name];
    const preset = this[name];
    // A choice is a label, so it starts with a capital ("Parents", "Babies under 1") where its script has
    // them; on a bilingual list in the first language only, as the label is in both (see the session
    // list's filters: an option cannot hold two languages). The page's own value is not a label: as written.
    const option = (v: string, text: string) => html`<option value=${v} ?selected=${current == v}>${text}</option>`;
    return html`<label>${both(t, label)}
      <select name=${name}>
        <option value="">${anyLabel(t)}</option>
        ${values.map((v) =>
          option(
            v,
            toLabel(t, v).replace(/^./, (c) => c.toLocaleUpperCase(this.locale)),
          ),
        )}
        ${
          preset && !values.includes(preset)
            ? option(
                preset,
                t.msg(str`“${preset}”`, {
                  id: 'support-list.as-written',
                  desc: "A filter's choice that the page set and the feed lacks, as the page wrote it, in quotes",
                }),
              )
            : nothing
        }
      </select>
    </label>`;
  }

  protected override renderContent() {
    const result = this.feedResult;
    if (!result) return this.renderFeedStatus();
    const { feed } = result;
    const { t } = this;
    const locale = this.locale;
    const context: CardContext = {
      t,
      feedLanguage: feed.language,
      timeZone: feed.timeZone,
      level: this.level + 1,
      now: parseNow(this.now, feed.timeZone),
      host: this,
      share: this.shareButton,
    };
    const services = feed.services ?? [];
    const urgent = services
      .filter((s) => s.urgency != 'routine')
      .sort((a, b) => +(b.urgency == 'emergency') - +(a.urgency == 'emergency'));
    const shown = services.filter((s) => s.urgency == 'routine' && this.passes(s, locale, feed.language));
    const n = shown.length;
    // What the list shows: whose sources the credit names, and the services chosen at first on a family's sheet.
    const listed = [...urgent, ...shown];
    // The list's one live region (visually hidden) says the count once, in the first language, after the
    // visitor filters or searches; the visible "no services match" is in both and not announced again.
    const announce = this.said == this.chosen ? servicesFound(n, t) : '';
    // Urgent help comes first, each card leading with its call and kept short (no For/Stage/Cost
    // rows), with a skip link past it to the search and the directory.
    const urgentContext = { ...context, compact: true };
    return html`${this.sheet?.button(
      t,
      // The dialog offers the feed's other services after these.
      () => ({ feed, services: listed, today: wallClock(context.now, feed.timeZone).day }),
      () => this.renderError(),
    )}${this.renderFeedStatus(!services.length)}
      ${
        urgent.length
          ? html`<section part="urgent" class="urgent-help" aria-labelledby="urgent-heading">
            <a part="link" class="skip" href="#all-heading" @click=${this.skip}>${both(t, (t) =>
              t.msg('Skip to search and all services', {
                id: 'support-list.skip',
                desc: 'Link at the top of the urgent services that moves past them to the search and the directory',
              }),
            )}</a>
            ${heading(
              this.level,
              both(t, (t) =>
                t.msg('Need help now?', {
                  id: 'support-list.urgent',
                  desc: 'Heading above emergency and urgent services',
                }),
              ),
              'heading',
              'urgent-heading',
            )}
            <ul class="cards">${urgent.map((s) => html`<li part="item">${serviceCard(s, urgentContext)}</li>`)}</ul>
          </section>`
          : nothing
      }
      ${
        this.noControls
          ? nothing
          : html`<form part="filters" class="filters" role="search" @input=${this.onChange} @change=${this.onChange}
              @submit=${(e: Event) => e.preventDefault()}>
            <label>${both(t, (t) =>
              t.msg('Search', { id: 'support-list.search', desc: 'Label of the text search box' }),
            )}
              <input type="search" name="q" .value=${this.chosen.q} autocomplete="off" />
            </label>
            ${this.select(
              'stage',
              (t) =>
                t.msg('Stage', { id: 'support-list.stage', desc: "Label of the stage filter (pregnancy, baby's age)" }),
              STAGES,
              stageLabel,
            )}
            ${this.select(
              'audience',
              (t) => t.msg('For', { id: 'support-list.audience', desc: 'Label of the audience filter' }),
              AUDIENCES,
              audienceLabel,
            )}
            ${this.select(
              'kind',
              (t) =>
                t.msg('Type of support', {
                  id: 'support-list.kind',
                  desc: 'Label of the filter by type of support: apps, helplines, services, groups, websites',
                }),
              KINDS,
              kindLabel,
            )}
          </form>`
      }
      <p class="visually-hidden" role="status">${announce}</p>
      <section aria-labelledby="all-heading">
        ${heading(
          this.level,
          both(t, (t) =>
            t.msg('Support and services', { id: 'support-list.all', desc: 'Heading above the directory of services' }),
          ),
          'heading',
          'all-heading',
        )}
        ${
          n
            ? html`<ul part="list" class="cards">${this.inParts(
                [feed, this.chosen, this.layout, locale, t.also?.locale],
                shown,
              ).map((s) => html`<li part="item">${serviceCard(s, context)}</li>`)}</ul>`
            : html`<p part="empty">${both(t, (t) =>
                // "No services match. Try other choices" only where other choices would find some: the reader
                // has the controls (each choice can be changed, presets too) and the feed has routine services.
                !this.noControls && urgent.length < services.length
                  ? t.msg('No services match. Try other choices or fewer words.', {
                      id: 'support-list.empty',
                      desc: 'Shown when filters or search match nothing',
                    })
                  : t.msg('No services are listed here yet.', {
                      id: 'support-list.none',
                      desc: "Shown when the list has no services, not because of the reader's search or filters",
                    }),
              )}</p>`
        }
      </section>
      ${this.credit(feed, listed)}`;
  }
}

/** "3 services found", announced after filtering, in the locale's plural forms. */
export const servicesFound = (total: number, t: Translator) =>
  plural(total, t.locale, {
    zero: (n) =>
      t.msg(str`${n} services found`, {
        id: 'support-list.count.zero',
        desc: 'Announced after filtering; plural category "zero"',
      }),
    one: (n) =>
      t.msg(str`${n} service found`, {
        id: 'support-list.count.one',
        desc: 'Announced after filtering; plural category "one"',
      }),
    two: (n) =>
      t.msg(str`${n} services found`, {
        id: 'support-list.count.two',
        desc: 'Announced after filtering; plural category "two"',
      }),
    few: (n) =>
      t.msg(str`${n} services found`, {
        id: 'support-list.count.few',
        desc: 'Announced after filtering; plural category "few"',
      }),
    many: (n) =>
      t.msg(str`${n} services found`, {
        id: 'support-list.count.many',
        desc: 'Announced after filtering; plural category "many"',
      }),
    other: (n) =>
      t.msg(str`${n} services found`, {
        id: 'support-list.count.other',
        desc: 'Announced after filtering; plural category "other"',
      }),
  });
