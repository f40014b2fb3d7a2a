import { html, nothing } from 'lit';
import { ALL_PARTS } from '../../feed/all-parts.js';
import { property, state } from 'lit/decorators.js';
import type { TimelineStage } from '../../feed/types.js';
import { ImhSupportActionEvent } from '../../events/support-action.js';
import { ImhElement } from '../../internal/imh-element.js';
import { parseNow } from '../../internal/now.js';
import { lazy } from '../../internal/lazy.js';
import { Task } from '../../internal/task.js';
import { both } from '../../internal/feed-text.js';
import { parseDay, wallClock } from '../../schedule/civil.js';
import { journey, pointDays } from '../../schedule/journey.js';
import { attribution } from '../../internal/attribution.js';
import { cardStyles } from '../support-card/service-card.styles.js';
import { DateForm } from './date-form.js';
import { validDate } from './personal.js';
import { stage, type StageContext } from './stage.js';
import { currentStage, mergeStages } from './stages.js';
import { styles } from './first-1001-days-timeline.styles.js';
import { controlStyles } from '../../styles/controls.js';

const loadBuiltIn = lazy('the built-in timeline', 'default-timeline.js', () => import('./default-timeline.js'));

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
  static override styles = [...ImhElement.styles, cardStyles, controlStyles, styles];
  /** The timeline's own messages are a locale chunk of their own, loaded only where a timeline is. */
  protected static override localeParts = ['ui', 'timeline', 'stages'] as const;

  /** The stages opened (by id), and the current one closed (by `-` and its id). */
  @state() private open = new Set<string>();

  /** A due date (YYYY-MM-DD), set by the host page (a practitioner page, a preview, a printed plan). */
  @property({ attribute: 'due-date' }) dueDate?: string;
  /** A baby's date of birth (YYYY-MM-DD), set by the host page. */
  @property({ attribute: 'birth-date' }) birthDate?: string;
  /** The date the plan is computed for (YYYY-MM-DD or a date-time). Default: today. */
  @property() now?: string;

  /** The parent's own dates, and the form that asks for them. */
  private readonly form = new DateForm(this, () => this.today().day);

  /** The built-in stages' module, loaded on first use (their text is not in the main bundle). */
  private readonly builtIn = this.need(new Task(this, { args: () => [] as const, task: () => loadBuiltIn() }));

  /** The built-in stages in the element's language(s), and which (made again when they change). */
  private made?: [languages: string, stages: TimelineStage[]];

  protected override feedMode() {
    return 'optional' as const;
  }

  private get dates(): { due?: number; birth?: number } {
    const given = validDate(this.birthDate) || validDate(this.dueDate);
    if (given) {
      const birth = validDate(this.birthDate);
      const due = validDate(this.dueDate);
      return { birth: birth ? parseDay(birth) : undefined, due: due ? parseDay(due) : undefined };
    }
    const e = this.form.entered;
    return e ? { [e.kind]: parseDay(e.date) } : {};
  }

  /** Today in the feed's time zone (or the host's `now`), as a day number. */
  private today(): { instant: Date; day: number } {
    const timeZone = this.feedResult?.feed.timeZone ?? 'Europe/London';
    const instant = parseNow(this.now, timeZone);
    return { instant, day: wallClock(instant, timeZone).day };
  }

  private toggle(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  /** Opens every stage, or closes every stage when all are open (the current one is open unless closed). */
  private toggleAll(stages: TimelineStage[], current: number, allOpen: boolean) {
    const id = stages[current]?.id;
    this.open = new Set(allOpen ? (id ? [`-${id}`] : []) : stages.filter((_, i) => i != current).map((s) => s.id));
  }

  private isOpen(s: TimelineStage, current: boolean) {
    return current ? !this.open.has(`-${s.id}`) : this.open.has(s.id);
  }

  protected override renderContent() {
    const { t, form } = this;
    const module = this.builtIn.value;
    if (!module) return this.renderFeedStatus();
    const languages = `${t.locale} ${t.also?.locale}`;
    if (this.made?.[0] != languages) this.made = [languages, module.builtInStages(t)];
    const builtIn = this.made[1];
    const feed = this.feedResult?.feed;
    const { instant: nowInstant, day: today } = this.today();
    const stages = mergeStages(builtIn, feed?.timeline);
    const dates = this.dates;
    const j = journey(today, dates);
    const birth = dates.birth ?? dates.due ?? today;
    const hostSet = !!(validDate(this.birthDate) || validDate(this.dueDate));
    const { labels, placing, summary } = module;
    const place = j && placing(j, dates.birth !== undefined);
    // Only a placed date has a current stage and stages already passed.
    const placed = place == 'placed';
    const current = placed ? currentStage(stages, j!.sinceBirth, birth) : -1;
    const say = (word: keyof ReturnType<typeof labels>) => both(t, (t) => labels(t)[word]);
    const allOpen = stages.every((s, i) => this.isOpen(s, i == current));
    const lang = feed?.language ?? 'en-GB';
    const action =
      hostSet || !place || placed
        ? undefined
        : html`<button part="button" class="secondary" type="button"
            @click=${place == 'future-birth' ? form.useAsDue : form.askBirth}>
            ${say(place == 'future-birth' ? 'useAsDue' : 'enterBirth')}
          </button>`;
    const c: StageContext = {
      t,
      level: this.level,
      feed,
      birth,
      placed,
      now: nowInstant,
      builtIn: module,
      isOpen: (s, current) => this.isOpen(s, current),
      toggle: (key) => this.toggle(key),
      action: (svc, action) => this.dispatchEvent(new ImhSupportActionEvent({ service: svc.id, action })),
      shown: [],
    };
    // The built-in stages show while a local feed loads: loading is announced, with no skeleton.
    return html`${this.renderFeedStatus(false, false, false)}
      <p class="intro">${both(t, (t) =>
        t.msg(
          // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
          "The first 1001 days, from pregnancy to your baby's second birthday, shape how your baby's brain grows and how they learn to feel safe and loved.",
          { id: 'timeline.intro', desc: 'The opening sentence of the timeline' },
        ),
      )}</p>
      ${hostSet ? nothing : form.render(t, { useAsDue: say('useAsDue'), futureBirth: both(t, module.futureBirthText) })}
      ${j ? summary({ t, lang, j, placing: place!, stages, birth, action }) : nothing}
      <button part="button show-all" class="secondary show-all" type="button"
        aria-expanded=${allOpen ? 'true' : 'false'} @click=${() => this.toggleAll(stages, current, allOpen)}>
        ${say(allOpen ? 'hideAll' : 'showAll')}
      </button>
      <ol part="stages" class="stages">
        ${stages.map((s, i) =>
          stage(s, i == current, placed && pointDays(s.to, birth) <= j!.sinceBirth ? say('done') : undefined, c),
        )}
      </ol>
      ${feed ? attribution(feed, c.shown, this.t) : nothing}`;
  }
}
