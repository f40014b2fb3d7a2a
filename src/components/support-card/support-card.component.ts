import { html, type PropertyDeclarations, type PropertyValues } from 'lit';
import { SERVICE_PARTS } from '../../feed/service-parts.js';
import { FeedError } from '../../feed/errors.js';
import type { Service } from '../../feed/types.js';
import { ImhFeedErrorEvent } from '../../events/feed-error.js';
import { ImhElement } from '../../internal/imh-element.js';
import { cardStyles } from './service-card.styles.js';
import { serviceCard, type CardContext } from './service-card.js';
import { parseNow } from '../../internal/now.js';

/**
 * @summary A support service or resource: how to reach it, who it is for, and how urgent.
 * @tag imh-support-card
 *
 * @slot - With `service`: fallback content (such as a plain link), shown before the script loads, if
 *   the feed fails and if the feed has no such service. Without `service` (an editor's own card): the card's text.
 * @slot fallback - Content shown only when the card cannot show its own: before the script loads, if it
 *   never does, or if the feed fails. For an editor's card, write its name, number and link out here, so a
 *   visitor without JavaScript still gets them.
 *
 * @fires {ImhSupportActionEvent} imh-support-action - A contact action (call, text, email, website, app) was used.
 * @fires {ImhFeedLoadEvent} imh-feed-load - The feed was loaded and validated.
 * @fires {ImhFeedErrorEvent} imh-feed-error - The feed could not be loaded, or has no service with this id
 *   (visitors then see the fallback content; the reason also goes to the console as a warning).
 * @fires {ImhLoadErrorEvent} imh-load-error - A file it loads on first use (messages, code) could not be loaded.
 *
 * @csspart card - The card.
 * @csspart heading - The service's name.
 * @csspart badge - The visible "Urgent" or "Emergency" label.
 * @csspart link - Any link.
 * @csspart action - A contact action link (call, text, email, website, app).
 * @csspart attribution - The credit (linked to its licence) for imported data whose source asks for one.
 * @csspart status - The loading placeholder, error or stale-copy message.
 * @csspart button - The "Try again" button.
 *
 * @cssprop [--imh-color-routine=#005eb8] - The band of a routine card.
 * @cssprop [--imh-color-urgent=#d5281b] - The band of an urgent card.
 * @cssprop [--imh-color-emergency=#d5281b] - The band of an emergency card.
 * @cssprop [--imh-color-emergency-surface=#212b32] - The body of an emergency card.
 * @cssprop [--imh-color-text=#212b32] - Text colour.
 * @cssprop [--imh-color-link=#005eb8] - Links.
 * @cssprop [--imh-color-focus=#ffeb3b] - Focus highlight.
 * @cssprop [--imh-radius=4px] - Corner radius.
 */
export class ImhSupportCard extends ImhElement {
  protected static override feedParts = SERVICE_PARTS;
  static override styles = [...ImhElement.styles, cardStyles];
  /** Its reactive properties, described below (see `ImhElement.properties`). */
  static override properties: PropertyDeclarations = {
    service: { reflect: true },
    name: {},
    link: {},
    phone: {},
    urgency: {},
    layout: { reflect: true },
    now: {},
  };

  /** The id of a service in the feed. Without it, the card shows what the editor wrote. */
  service?: string;
  /** An editor's card: the service's name. */
  name?: string;
  /** An editor's card: the service's web address. */
  link?: string;
  /** An editor's card: the phone number (a value with no digit in it makes no call link). */
  phone?: string;
  // No initial value: one would run Lit's setter in every card's constructor, and a page's cards are
  // all made in one task (issue 12).
  /**
   * An editor's card: `routine` (the default), `urgent` or `emergency`, in any case; any other value is
   * `routine`.
   */
  urgency?: 'routine' | 'urgent' | 'emergency';
  /** `compact` for narrow sidebars (the card also adapts to its own width). */
  layout?: 'compact';
  /**
   * Show opening hours as at this date-time, YYYY-MM-DDTHH:MM (for previews and print). Default: now, updated
   * live, also for a value that is not a date (with one console line per value per page).
   */
  now?: string;

  /** The missing service id already reported. */
  private missing?: string;

  constructor() {
    super();
    this.everyMinute();
  }

  protected override feedMode() {
    return this.service ? 'required' : 'none';
  }

  private context(timeZone: string, feedLanguage: string): CardContext {
    return {
      t: this.t,
      feedLanguage,
      timeZone,
      level: this.level,
      now: parseNow(this.now, timeZone),
      host: this,
    };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A service id the feed does not have is the editor's mistake: say so once, with the id.
    const feed = this.feedResult?.feed;
    if (feed && this.service && !feed.services?.some((s) => s.id == this.service) && this.missing != this.service) {
      this.missing = this.service;
      const error = new FeedError(
        `The feed has no service with the id "${this.service}". ` +
          "Check the service attribute against the ids in the feed's services.",
        this.feedResult?.url,
      );
      this.dispatchEvent(new ImhFeedErrorEvent({ error, stale: false }));
      // Visitors see the page's fallback content; the editor finds the reason here and in the event.
      console.warn(`<imh-support-card>: ${error.message}`);
    }
  }

  protected override renderContent() {
    if (!this.service) {
      // As HTML reads an enumerated attribute: in any case; a value it does not know is the default
      // (never an emergency the editor did not write).
      const urgency = this.urgency?.toLowerCase();
      const s = {
        id: '',
        name: this.name ?? '',
        urgency: urgency == 'urgent' || urgency == 'emergency' ? urgency : 'routine',
        // A number with no digit ("call us") would be a link that calls nothing.
        contact: { url: this.link, phones: /\d/.test(this.phone!) ? [{ number: this.phone }] : [] },
      } as unknown as Service;
      // Children with slot="fallback" (the name, number and link written out) show only without the script.
      return html`${serviceCard(
        s,
        this.context('Europe/London', this.locale),
        html`<div class="summary"><slot></slot></div>`,
      )}
        <slot name="fallback" hidden></slot>`;
    }
    const feed = this.feedResult?.feed;
    const service = feed?.services?.find((s) => s.id == this.service);
    // A service the feed lacks is the editor's mistake, not news for visitors: they get the
    // page's fallback content, as if the feed had failed (the editor gets the event and a warning).
    if (!feed || !service) return this.renderFeedStatus(!!feed);
    const status = this.renderFeedStatus();
    const card = serviceCard(service, { ...this.context(feed.timeZone, feed.language), share: this.shareButton });
    return html`${status}${card}${this.credit(feed, [service])}`;
  }
}
