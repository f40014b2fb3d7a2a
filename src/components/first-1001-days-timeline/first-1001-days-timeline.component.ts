import { ALL_PARTS } from '../../feed/all-parts.js';
import { unsafeCSS, type CSSResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ImhElement } from '../../internal/imh-element.js';
import { parseNow } from '../../internal/now.js';
import { wallClock } from '../../schedule/civil.js';
import { lazy } from '../../internal/lazy.js';
import { loadDates, type Dates } from '../../internal/dates.js';
import { adoptBodyStyles } from '../../internal/body-styles.js';
import { ERROR, Task } from '../../internal/task.js';
import { heading } from '../../internal/heading.js';
import { cardStyles } from '../support-card/service-card.styles.js';
import type { Kit, TimelineBody } from './timeline-body.js';
import { controlStyles } from '../../styles/controls.js';
// After the card's styles, so the chunk they share keeps its name in the autoloader build.
import { serviceCard } from '../support-card/service-card.js';

const loadBuiltIn = lazy('the built-in timeline', 'default-timeline.js', () => import('./default-timeline.js'));
const loadBody = lazy('the timeline', 'timeline-body.js', () => import('./timeline-body.js'));
/** The body's styles: the element shows none of them before its body (issue 14: not in every page's bundle). */
const loadStyles = lazy(
  'the timeline',
  'first-1001-days-timeline.styles.js',
  () => import('./first-1001-days-timeline.styles.js'),
);
/** The body's styles as one style sheet for every timeline on the page. */
let bodyStyles: CSSResult | undefined;
/** What the body draws with that other elements share in this bundle (see `Kit`). */
const kit: Omit<Kit, 'attribution' | 'upcoming'> = { card: serviceCard, heading };

/**
 * @summary The first 1001 days, from conception to age two: what matters at each stage, the checks
 *   due and the support that fits, and where this family is in them.
 * @tag imh-first-1001-days-timeline
 *
 * @slot - Fallback content, shown before the script loads.
 *
 * @fires {ImhFeedLoadEvent} imh-feed-load - A feed with a local timeline was loaded and validated.
 * @fires {ImhFeedErrorEvent} imh-feed-error - The feed could not be loaded (the built-in timeline still shows).
 * @fires {ImhLoadErrorEvent} imh-load-error - A file it loads on first use (messages, code) could not be loaded.
 * @fires {ImhSupportActionEvent} imh-support-action - A contact action on a service card was used.
 *
 * @csspart form - The due date or date of birth form.
 * @csspart summary - "Day 412 of 1001": where the family is, and the next check. Focused and scrolled into view
 *   when the parent asks for their plan.
 * @csspart stages - The ordered list of stages.
 * @csspart stage - One stage; the current one has `aria-current="step"`, the ones already passed the class `done`
 *   and a "Done" mark.
 * @csspart show-all - The button that opens (or closes) every stage.
 * @csspart stage-heading - A stage's heading.
 * @csspart button - A button (a stage's toggle, the form's buttons).
 * @csspart card - A service card inside a stage.
 * @csspart attribution - The credit (linked to its licence) for imported data shown (sessions, services) whose
 *   source asks for one.
 * @csspart link - Any link.
 *
 * @cssprop [--imh-color-current=#005eb8] - The marker of the current stage.
 * @cssprop [--imh-color-error=#d5281b] - The date form's error message and the border of the field in error.
 * @cssprop [--imh-color-border=#d8dde0] - Borders and the line between stages.
 * @cssprop [--imh-color-button=#007f3b] - Buttons.
 * @cssprop [--imh-space=1rem] - Space between stages.
 */
export class ImhFirst1001DaysTimeline extends ImhElement {
  protected static override feedParts = ALL_PARTS;
  // Its own styles come with its body (`adoptBodyStyles()`).
  static override styles = [...ImhElement.styles, cardStyles, controlStyles];
  /** The timeline's own messages are a locale chunk of their own, loaded only where a timeline is. */
  protected static override localeParts = ['ui', 'timeline', 'stages'] as const;
  /** Its reactive properties, described below (see `ImhElement.properties`). */
  static override properties: PropertyDeclarations = {
    dueDate: { attribute: 'due-date' },
    birthDate: { attribute: 'birth-date' },
    now: {},
  };

  /**
   * A due date (YYYY-MM-DD), set by the host page (a practitioner page, a preview, a printed plan). Any
   * other value is ignored, with one console line per value per page.
   */
  dueDate?: string;
  /** A baby's date of birth (YYYY-MM-DD), set by the host page; as `dueDate`, any other value is ignored and said. */
  birthDate?: string;
  /**
   * The date the plan is computed for (YYYY-MM-DD or YYYY-MM-DDTHH:MM). Default: today, also for a value
   * that is not a date (with one console line per value per page).
   */
  now?: string;

  /**
   * The built-in stages, the timeline's body (date form, summary, stages: timeline-body.ts), its styles
   * and the schedule engine (a stage's next sessions: `internal/dates.ts`), four chunks asked for at once
   * when the element first updates, beside its feed. If one cannot be loaded: the fallback content,
   * imh-load-error naming the file (the first in that order when more than one fails; another's on Try
   * again, if it is still missing), and Try again.
   */
  private chunks!: Task<
    readonly [],
    {
      builtIn: Awaited<ReturnType<typeof loadBuiltIn>>;
      TimelineBody: typeof TimelineBody;
      styles: CSSResult;
      dates: Dates;
    }
  >;

  /** Makes the timeline's task, at its first update (see `ImhElement.setUp`). */
  protected override setUp(): void {
    super.setUp();
    this.chunks = this.need(
      new Task(this, {
        args: () => [] as const,
        task: () => {
          const [body, styles, dates] = [loadBody(), loadStyles(), loadDates()];
          // Each waited for in turn, so the first in this order that failed is the one said.
          for (const file of [body, styles, dates]) file.catch(() => {});
          return loadBuiltIn().then(async (builtIn) => {
            const { TimelineBody } = await body;
            const css = (await styles).styles;
            return { builtIn, TimelineBody, styles: (bodyStyles ??= unsafeCSS(css)), dates: await dates };
          });
        },
      }),
    );
  }

  /** The body, made when its chunk is here (it keeps the stages opened and the parent's dates). */
  private body?: TimelineBody;

  /** The body's styles, adopted before the update that first draws the body, so it never shows unstyled. */
  protected override update(changed: PropertyValues): void {
    const styles = this.chunks.value?.styles;
    if (styles) adoptBodyStyles(this, styles);
    super.update(changed);
  }

  protected override feedMode() {
    return 'optional' as const;
  }

  /** Today in the feed's time zone (or the host's `now`): the instant, and its day number. */
  private today(): { instant: Date; day: number } {
    const timeZone = this.feedResult?.feed.timeZone ?? 'Europe/London';
    const instant = parseNow(this.now, timeZone);
    return { instant, day: wallClock(instant, timeZone).day };
  }

  protected override renderContent() {
    // The built-in stages show while the feed loads; its services and sessions come after. On a repeat
    // visit the room kept for the whole is held meanwhile, so nothing below moves twice (issue 12).
    const chunks = this.chunks.value;
    // Its built-in stages show without a feed: a feed that failed meanwhile waits for them, so the page moves once.
    this.holding = this.status == 'loading' || (!chunks && this.chunks.status != ERROR);
    if (!chunks) return this.renderFeedStatus(false, this.holding);
    this.body ??= new chunks.TimelineBody(this, () => this.today());
    return this.body.render({
      t: this.t,
      level: this.level,
      feed: this.feedResult?.feed,
      builtIn: chunks.builtIn,
      status: this.renderFeedStatus(false, false, false),
      kit: {
        ...kit,
        attribution: (feed, items) => this.credit(feed, items),
        upcoming: chunks.dates.upcomingOccurrences,
      },
    });
  }
}
