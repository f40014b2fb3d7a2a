import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { ALL_PARTS } from '../../feed/all-parts.js';
import { property, state } from 'lit/decorators.js';
import type { Feed, TimelineStage } from '../../feed/types.js';
import { ImhSupportActionEvent } from '../../events/support-action.js';
import { ImhElement } from '../../internal/imh-element.js';
import { both, feedText } from '../../internal/feed-text.js';
import { formatDayRange } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { parseNow } from '../../internal/now.js';
import { lazy } from '../../internal/lazy.js';
import { Translator } from '../../internal/localize.js';
import { Task } from '../../internal/task.js';
import { parseDay, wallClock } from '../../schedule/civil.js';
import { journey, pointDays } from '../../schedule/journey.js';
import { attribution, type Sourced } from '../../internal/attribution.js';
import { cardStyles } from '../support-card/service-card.styles.js';
import { serviceCard, type CardContext } from '../support-card/service-card.js';
import { forget, recall, remember, validDate, type Dates } from './personal.js';
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

  /** Dates the parent entered or kept on this device. */
  @state() private entered?: Dates;
  @state() private kind: 'due' | 'birth' = 'birth';
  /** What is wrong with the entered date: none, not a date, or a date of birth after today. */
  @state() private invalid?: 'date' | 'future-birth';
  @state() private open = new Set<string>();

  /** A due date (YYYY-MM-DD), set by the host page (a practitioner page, a preview, a printed plan). */
  @property({ attribute: 'due-date' }) dueDate?: string;
  /** A baby's date of birth (YYYY-MM-DD), set by the host page. */
  @property({ attribute: 'birth-date' }) birthDate?: string;
  /** The date the plan is computed for (YYYY-MM-DD or a date-time). Default: today. */
  @property() now?: string;

  /** After the parent asks for their plan: bring its summary into view and focus it. */
  private scrollToSummary = false;
  /** After an error or "Enter the date of birth": focus the date field. */
  private focusDate = false;

  /** The built-in stages' module, loaded on first use (their text is not in the main bundle). */
  private readonly builtIn = this.need(new Task(this, { args: () => [] as const, task: () => loadBuiltIn() }));

  /** The built-in stages in the element's language (made again when the language changes). */
  private readonly defaults = new Task(this, {
    args: () => [this.builtIn.value, this.speaking] as const,
    task: ([module, locale]) => module?.defaultStages(new Translator(locale)),
  });

  protected override feedMode() {
    return 'optional' as const;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.entered ??= recall();
    if (this.entered) this.kind = this.entered.kind;
  }

  private get dates(): { due?: number; birth?: number } {
    const given = validDate(this.birthDate) || validDate(this.dueDate);
    if (given) {
      const birth = validDate(this.birthDate);
      const due = validDate(this.dueDate);
      return { birth: birth ? parseDay(birth) : undefined, due: due ? parseDay(due) : undefined };
    }
    const e = this.entered;
    return e ? { [e.kind]: parseDay(e.date) } : {};
  }

  /** Today in the feed's time zone (or the host's `now`), as a day number. */
  private today(): { instant: Date; day: number } {
    const timeZone = this.feedResult?.feed.timeZone ?? 'Europe/London';
    const instant = parseNow(this.now, timeZone);
    return { instant, day: wallClock(instant, timeZone).day };
  }

  private choose(e: Event) {
    this.kind = (e.target as HTMLInputElement).value as 'due' | 'birth';
  }

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const date = validDate(String(data.get('date') ?? ''));
    const kind = data.get('kind') == 'due' ? 'due' : 'birth';
    // A date of birth after today is a mistake or a due date: say so at the field, keep nothing.
    this.invalid = !date ? 'date' : kind == 'birth' && parseDay(date) > this.today().day ? 'future-birth' : undefined;
    if (this.invalid) this.focusDate = true;
    else this.show({ kind, date: date! }, !!data.get('remember'));
  }

  /** Shows the plan for these dates (kept on this device when asked), and brings it into view. */
  private show(dates: Dates, keep: boolean) {
    this.invalid = undefined;
    this.kind = dates.kind;
    this.entered = dates;
    if (keep) remember(dates);
    this.scrollToSummary = true;
  }

  /** "Use it as my due date": the date entered (or kept) as a date of birth, as a due date. */
  private useAsDue() {
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=date]');
    const date = validDate(input?.value) ?? this.entered?.date;
    const keep = !!this.renderRoot.querySelector<HTMLInputElement>('input[name=remember]')?.checked;
    if (date) this.show({ kind: 'due', date }, keep);
  }

  /** "Enter the date of birth": the form asks for one, and the date field takes focus. */
  private askBirth() {
    this.kind = 'birth';
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=date]');
    if (input) input.value = '';
    this.focusDate = true;
  }

  private forgetDates() {
    forget();
    this.entered = undefined;
    this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.scrollToSummary
      ? this.renderRoot.querySelector<HTMLElement>('[part=summary]')
      : this.focusDate
        ? this.renderRoot.querySelector<HTMLElement>('input[name=date]')
        : null;
    this.scrollToSummary = this.focusDate = false;
    if (!target) return;
    // The summary ("Day 168 of 1001…") is what the parent asked for: its top at the top of the
    // screen (the current stage follows it), focused so reading continues there. No animation when
    // the visitor prefers reduced motion.
    target.focus({ preventScroll: true });
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    // What renders after this update can move the target: once it has, bring the target back up.
    if (!smooth)
      void this.updateComplete.then(() =>
        requestAnimationFrame(() => {
          const { top } = target.getBoundingClientRect();
          if (top < -1 || top > 40) target.scrollIntoView({ block: 'start' });
        }),
      );
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
    const { t } = this;
    const builtIn = this.defaults.value;
    if (!builtIn) return this.renderFeedStatus();
    const feed = this.feedResult?.feed;
    const { instant: nowInstant, day: today } = this.today();
    const stages = mergeStages(builtIn, feed?.timeline);
    const dates = this.dates;
    const j = journey(today, dates);
    const birth = dates.birth ?? dates.due ?? today;
    const hostSet = !!(validDate(this.birthDate) || validDate(this.dueDate));
    const { labels, placing, summary } = this.builtIn.value!;
    const place = j && placing(j, dates.birth !== undefined);
    // Only a placed date has a current stage and stages already passed.
    const placed = place == 'placed';
    const current = placed ? currentStage(stages, j!.sinceBirth, birth) : -1;
    const words = labels(t);
    const allOpen = stages.every((s, i) => this.isOpen(s, i == current));
    const lang = feed?.language ?? 'en-GB';
    const action =
      hostSet || !place || placed
        ? undefined
        : html`<button part="button" class="secondary" type="button"
            @click=${place == 'future-birth' ? this.useAsDue : this.askBirth}>
            ${place == 'future-birth' ? words.useAsDue : words.enterBirth}
          </button>`;
    // The sessions, places and services the open stages show, for the credit their sources ask for.
    const shown: Sourced[] = [];
    // The built-in stages show while a local feed loads: loading is announced, with no skeleton.
    return html`${this.renderFeedStatus(false, false, false)}
      <p class="intro">${t.msg(
        // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
        "The first 1001 days, from pregnancy to your baby's second birthday, shape how your baby's brain grows and how they learn to feel safe and loved.",
        { id: 'timeline.intro', desc: 'The opening sentence of the timeline' },
      )}</p>
      ${hostSet ? nothing : this.renderForm()}
      ${j ? summary({ t, locale: this.locale, lang, j, placing: place!, stages, birth, action }) : nothing}
      <button part="button show-all" class="secondary show-all" type="button"
        aria-expanded=${allOpen ? 'true' : 'false'} @click=${() => this.toggleAll(stages, current, allOpen)}>
        ${allOpen ? words.hideAll : words.showAll}
      </button>
      <ol part="stages" class="stages">
        ${stages.map((s, i) =>
          this.renderStage(
            s,
            i == current,
            placed && pointDays(s.to, birth) <= j!.sinceBirth ? words.done : undefined,
            feed,
            birth,
            placed ? dates : undefined,
            nowInstant,
            shown,
          ),
        )}
      </ol>
      ${feed ? attribution(feed, shown, this.t) : nothing}`;
  }

  private renderForm() {
    const { t } = this;
    const e = this.entered;
    const kind = this.kind;
    const invalid = this.invalid ? 'true' : 'false';
    return html`<form part="form" class="personal" @submit=${this.submit} novalidate>
      <fieldset>
        <legend>${t.msg('See where you are in the 1001 days', {
          id: 'timeline.form.legend',
          desc: 'Legend of the personal dates form',
        })}</legend>
        <div class="choices" @change=${this.choose}>
          <label><input type="radio" name="kind" value="due" .checked=${kind == 'due'} /> ${t.msg(
            'I am expecting a baby',
            { id: 'timeline.form.due', desc: 'Choice: enter a due date' },
          )}</label>
          <label><input type="radio" name="kind" value="birth" .checked=${kind == 'birth'} /> ${t.msg(
            'My baby is born',
            { id: 'timeline.form.birth', desc: 'Choice: enter a date of birth' },
          )}</label>
        </div>
        <label class="date"
          >${
            kind == 'due'
              ? t.msg('Due date', { id: 'timeline.form.due-date', desc: 'Label of the date field' })
              : t.msg("Baby's date of birth", { id: 'timeline.form.birth-date', desc: 'Label of the date field' })
          }
          <input type="date" name="date" required .value=${e?.date ?? ''} aria-invalid=${invalid}
            aria-describedby="date-error privacy" />
        </label>
        <p id="date-error" class="error" ?hidden=${!this.invalid}>${
          this.invalid == 'future-birth'
            ? this.builtIn.value!.futureBirthText(t)
            : t.msg('Enter a date, for example 15 March 2027.', {
                id: 'timeline.form.invalid',
                desc: 'Error when the date field is empty or not a date',
              })
        }</p>
        ${
          this.invalid == 'future-birth'
            ? html`<div class="buttons">
                <button part="button" class="secondary" type="button" @click=${this.useAsDue}>${
                  this.builtIn.value!.labels(t).useAsDue
                }</button>
              </div>`
            : nothing
        }
        <label class="remember"><input type="checkbox" name="remember" .checked=${!!recall()} /> ${t.msg(
          'Remember on this device',
          { id: 'timeline.form.remember', desc: 'Checkbox: keep the date in this browser' },
        )}</label>
        <p id="privacy" class="hint">${t.msg('Worked out on this device: your date is not sent anywhere.', {
          id: 'timeline.form.privacy',
          desc: 'Privacy note under the date field',
        })}</p>
        <div class="buttons">
          <button part="button" type="submit">${t.msg('Show my 1001 days', {
            id: 'timeline.form.submit',
            desc: 'Button that shows where the family is',
          })}</button>
          ${
            e
              ? html`<button part="button" class="secondary" type="button" @click=${this.forgetDates}>${t.msg(
                  'Forget my date',
                  { id: 'timeline.form.forget', desc: 'Button that clears the entered and kept date' },
                )}</button>`
              : nothing
          }
        </div>
      </fieldset>
    </form>`;
  }

  private renderStage(
    s: TimelineStage,
    current: boolean,
    /** "Done", for a stage the family has passed. */
    done: string | undefined,
    feed: Feed | undefined,
    birth: number,
    dates: object | undefined,
    now: Date,
    shown: Sourced[],
  ) {
    const { t } = this;
    const locale = this.locale;
    const lang = feed?.language ?? 'en-GB';
    const open = this.isOpen(s, current);
    const key = current ? `-${s.id}` : s.id;
    const services = (s.services ?? []).map((id) => feed?.services?.find((x) => x.id == id)).filter((x) => !!x);
    const sessions = open && feed ? this.builtIn.value!.stageSessions(s, feed, now) : [];
    if (open)
      shown.push(...services, ...sessions.flatMap((o) => [o.session, feed!.places?.find((p) => p.id == o.place)]));
    const span = dates
      ? html`<span class="dates">${formatDayRange(
          birth + pointDays(s.from, birth),
          birth + pointDays(s.to, birth) - 1,
          locale,
        )}</span>`
      : nothing;
    const context: CardContext = {
      t,
      locale,
      feedLanguage: lang,
      timeZone: feed?.timeZone ?? 'Europe/London',
      level: Math.min(6, this.level + 1),
      now,
      compact: true,
      action: (svc, action) => this.dispatchEvent(new ImhSupportActionEvent({ service: svc.id, action })),
    };
    const here = current
      ? html`<span class="here"> ${both(t, (t) =>
          t.msg('You are here', {
            id: 'timeline.here',
            desc: 'Marks the current stage',
          }),
        )}</span>`
      : nothing;
    const doneMark = done
      ? html`<span class="here done-mark"> <span aria-hidden="true">✓</span> ${done}</span>`
      : nothing;
    const state = current ? 'current' : done ? 'done' : '';
    const toggle = () => this.toggle(key);
    return html`<li part="stage" class="stage ${state}" aria-current=${ifDefined(current ? 'step' : undefined)}>
      ${heading(
        this.level,
        html`<button part="button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="stage-${s.id}"
          @click=${toggle}>
          ${feedText(s.title, locale, lang, t.also?.locale)}${here}${doneMark}
        </button>`,
        'stage-heading',
      )}
      ${span}
      <div class="content" id=${`stage-${s.id}`} ?hidden=${!open}>
        ${s.summary ? html`<p class="stage-summary">${feedText(s.summary, locale, lang)}</p>` : nothing}
        ${
          s.messages?.length
            ? html`<ul class="messages">${s.messages.map((m) => html`<li>${feedText(m, locale, lang)}</li>`)}</ul>`
            : nothing
        }
        ${
          s.checks?.length
            ? html`<p class="label">${t.msg('Checks', {
                id: 'timeline.checks',
                desc: 'Label above the health checks of a stage',
              })}</p>
              <ul class="checks">${s.checks.map(
                (c) =>
                  html`<li>${feedText(c.name, locale, lang)}${
                    c.note ? html` · ${feedText(c.note, locale, lang)}` : nothing
                  }</li>`,
              )}</ul>`
            : nothing
        }
        ${
          s.ifWorried
            ? html`<p class="worried"><strong>${t.msg('If you are worried:', {
                id: 'timeline.worried',
                desc: 'Label before what to do if worried',
              })}</strong> ${feedText(s.ifWorried, locale, lang)}</p>`
            : nothing
        }
        ${this.builtIn.value!.sessionsList(sessions, feed!, t, locale, lang)}
        ${
          services.length
            ? html`<ul class="services">${services.map((x) => html`<li>${serviceCard(x, context)}</li>`)}</ul>`
            : nothing
        }
      </div>
    </li>`;
  }
}
