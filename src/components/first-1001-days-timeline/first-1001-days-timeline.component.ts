import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Feed, TimelineStage } from '../../feed/types.js';
import { ImhSupportActionEvent } from '../../events/support-action.js';
import { ImhElement } from '../../internal/imh-element.js';
import { feedText } from '../../internal/feed-text.js';
import { formatDay, formatTimeRange, formatUnit, numberFormat, plural } from '../../internal/format.js';
import { heading } from '../../internal/heading.js';
import { parseNow } from '../../internal/now.js';
import { str, type Translator } from '../../internal/localize.js';
import { parseDay, wallClock } from '../../schedule/civil.js';
import { journey, pointDays, TOTAL_DAYS, type Journey } from '../../schedule/journey.js';
import { upcomingOccurrences } from '../../schedule/occurrences.js';
import { attribution, type Sourced } from '../../internal/attribution.js';
import { cardStyles } from '../support-card/service-card.styles.js';
import { serviceCard, type CardContext } from '../support-card/service-card.js';
import { forget, recall, remember, validDate, type Dates } from './personal.js';
import { currentStage, mergeStages } from './stages.js';
import { styles } from './first-1001-days-timeline.styles.js';
import { controlStyles } from '../../styles/controls.js';

/**
 * @summary The first 1001 days, from conception to age two: what matters at each stage, the checks
 *   due and the support that fits, and where this family is in them.
 * @tag imh-first-1001-days-timeline
 *
 * @slot - Fallback content, shown before the script loads.
 *
 * @fires {ImhFeedLoadEvent} imh-feed-load - A feed with a local timeline was loaded and validated.
 * @fires {ImhFeedErrorEvent} imh-feed-error - The feed could not be loaded (the built-in timeline still shows).
 * @fires {ImhSupportActionEvent} imh-support-action - A contact action on a service card was used.
 *
 * @csspart form - The due date or date of birth form.
 * @csspart summary - "Day 412 of 1001": where the family is, and the next check.
 * @csspart stages - The ordered list of stages.
 * @csspart stage - One stage; the current one has `aria-current="step"`.
 * @csspart stage-heading - A stage's heading.
 * @csspart button - A button (a stage's toggle, the form's buttons).
 * @csspart card - A service card inside a stage.
 * @csspart attribution - The credit (linked to its licence) for imported data shown (sessions, services) whose source asks for one.
 * @csspart link - Any link.
 *
 * @cssprop [--imh-color-current=#005eb8] - The marker of the current stage.
 * @cssprop [--imh-color-error=#d5281b] - The date form's error message and the border of the field in error.
 * @cssprop [--imh-color-border=#d8dde0] - Borders and the line between stages.
 * @cssprop [--imh-color-button=#007f3b] - Buttons.
 * @cssprop [--imh-space=1rem] - Space between stages.
 */
export class ImhFirst1001DaysTimeline extends ImhElement {
  static override styles = [...ImhElement.styles, cardStyles, controlStyles, styles];
  /** The timeline's own messages are a locale chunk of their own, loaded only where a timeline is. */
  protected static override localeParts = ['ui', 'timeline', 'stages'] as const;

  /** The built-in stages' module, loaded on first use (their text is not in the main bundle). */
  @state() private builtIn?: typeof import('./default-timeline.js');
  /** Dates the parent entered or kept on this device. */
  @state() private entered?: Dates;
  @state() private kind: 'due' | 'birth' = 'birth';
  @state() private invalid = false;
  @state() private open = new Set<string>();

  /** A due date (YYYY-MM-DD), set by the host page (a practitioner page, a preview, a printed plan). */
  @property({ attribute: 'due-date' }) dueDate?: string;
  /** A baby's date of birth (YYYY-MM-DD), set by the host page. */
  @property({ attribute: 'birth-date' }) birthDate?: string;
  /** The date the plan is computed for (YYYY-MM-DD or a date-time). Default: today. */
  @property() now?: string;
  /** The level of the stage headings (2 by default). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  private scrollToCurrent = false;

  protected override feedMode() {
    return 'optional' as const;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.entered ??= recall();
    if (!this.builtIn) void import('./default-timeline.js').then((m) => (this.builtIn = m));
  }

  private defaults?: { locale: string; stages: TimelineStage[] };
  /** The built-in stages in the element's language (made again when the language changes). */
  private builtInStages(): TimelineStage[] {
    if (this.defaults?.locale !== this.locale)
      this.defaults = { locale: this.locale, stages: this.builtIn!.defaultStages(this.t) };
    return this.defaults.stages;
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

  private submit(e: SubmitEvent) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const date = validDate(String(data.get('date') ?? ''));
    this.invalid = !date;
    if (!date) return;
    this.entered = { kind: data.get('kind') == 'due' ? 'due' : 'birth', date };
    if (data.get('remember')) remember(this.entered);
    this.scrollToCurrent = true;
  }

  private forgetDates() {
    forget();
    this.entered = undefined;
    this.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.scrollToCurrent) return;
    this.scrollToCurrent = false;
    const current = this.renderRoot.querySelector<HTMLElement>('[aria-current=step]');
    // No animation when the visitor prefers reduced motion.
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    current?.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'nearest' });
  }

  private toggle(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.open = open;
  }

  protected override renderContent() {
    const { t } = this;
    if (!this.builtIn) return this.renderFeedStatus(false, true);
    const feed = this.feedState.result?.feed;
    const timeZone = feed?.timeZone ?? 'Europe/London';
    const nowInstant = parseNow(this.now, timeZone);
    const today = wallClock(nowInstant, timeZone).day;
    const stages = mergeStages(this.builtInStages(), feed?.timeline);
    const dates = this.dates;
    const j = journey(today, dates);
    const birth = dates.birth ?? dates.due ?? today;
    const current = j ? currentStage(stages, j.sinceBirth, birth) : -1;
    const hostSet = !!(validDate(this.birthDate) || validDate(this.dueDate));
    // The sessions, places and services the open stages show, for the credit their sources ask for.
    const shown: Sourced[] = [];
    // The built-in stages show while a local feed loads: loading is announced, with no skeleton.
    return html`${this.renderFeedStatus(false, false, false)}
      <p class="intro">${t.msg("The first 1001 days, from pregnancy to your baby's second birthday, shape how your baby's brain grows and how they learn to feel safe and loved.", { id: 'timeline.intro', desc: 'The opening sentence of the timeline' })}</p>
      ${hostSet ? nothing : this.renderForm()}
      ${j ? this.renderSummary(j, stages, birth) : nothing}
      <ol part="stages" class="stages">
        ${stages.map((s, i) => this.renderStage(s, i == current, feed, birth, j ? dates : undefined, nowInstant, shown))}
      </ol>
      ${feed ? attribution(feed, shown, this.t) : nothing}`;
  }

  private renderForm() {
    const { t } = this;
    const e = this.entered;
    const kind = e?.kind ?? this.kind;
    return html`<form part="form" class="personal" @submit=${this.submit} novalidate>
      <fieldset>
        <legend>${t.msg('See where you are in the 1001 days', { id: 'timeline.form.legend', desc: 'Legend of the personal dates form' })}</legend>
        <div class="choices" @change=${(ev: Event) => (this.kind = (ev.target as HTMLInputElement).value as 'due' | 'birth')}>
          <label><input type="radio" name="kind" value="due" .checked=${kind == 'due'} /> ${t.msg('I am expecting a baby', { id: 'timeline.form.due', desc: 'Choice: enter a due date' })}</label>
          <label><input type="radio" name="kind" value="birth" .checked=${kind == 'birth'} /> ${t.msg('My baby is born', { id: 'timeline.form.birth', desc: 'Choice: enter a date of birth' })}</label>
        </div>
        <label class="date"
          >${kind == 'due' ? t.msg('Due date', { id: 'timeline.form.due-date', desc: 'Label of the date field' }) : t.msg("Baby's date of birth", { id: 'timeline.form.birth-date', desc: 'Label of the date field' })}
          <input type="date" name="date" required .value=${e?.date ?? ''} aria-invalid=${this.invalid ? 'true' : 'false'} aria-describedby="date-error privacy" />
        </label>
        <p id="date-error" class="error" ?hidden=${!this.invalid}>${t.msg('Enter a date, for example 15 March 2027.', { id: 'timeline.form.invalid', desc: 'Error when the date field is empty or not a date' })}</p>
        <label class="remember"><input type="checkbox" name="remember" .checked=${!!recall()} /> ${t.msg('Remember on this device', { id: 'timeline.form.remember', desc: 'Checkbox: keep the date in this browser' })}</label>
        <p id="privacy" class="hint">${t.msg('Worked out on this device: your date is not sent anywhere.', { id: 'timeline.form.privacy', desc: 'Privacy note under the date field' })}</p>
        <div class="buttons">
          <button part="button" type="submit">${t.msg('Show my 1001 days', { id: 'timeline.form.submit', desc: 'Button that shows where the family is' })}</button>
          ${e ? html`<button part="button" class="secondary" type="button" @click=${this.forgetDates}>${t.msg('Forget my date', { id: 'timeline.form.forget', desc: 'Button that clears the entered and kept date' })}</button>` : nothing}
        </div>
      </fieldset>
    </form>`;
  }

  private renderSummary(j: Journey, stages: TimelineStage[], birth: number) {
    const { t } = this;
    const locale = this.locale;
    const n = (v: number) => numberFormat(locale).format(v);
    const unit = (v: number, u: 'week' | 'month' | 'year' | 'day') => formatUnit(v, u, locale);
    let where: string;
    if (j.day < 1)
      where = t.msg('This date is before the 1001 days begin. Check the date.', {
        id: 'timeline.before',
        desc: 'The entered date is far in the future',
      });
    else if (j.day > TOTAL_DAYS)
      where = t.msg(
        'Your child is past their second birthday: the 1001 days are complete. The stages below are still here to look back on.',
        { id: 'timeline.after', desc: 'The child is older than two' },
      );
    else {
      const day = t.msg(str`Day ${n(j.day)} of 1001`, {
        id: 'timeline.day',
        desc: 'Where the family is; the placeholder is a number',
      });
      const age = j.born
        ? j.age!.months >= 1
          ? t.msg(str`your baby is ${unit(j.age!.months, 'month')} old`, {
              id: 'timeline.age-months',
              desc: 'After "Day 412 of 1001 —"; the placeholder is like "4 months"',
            })
          : t.msg(
              str`your baby is ${unit(j.age!.weeks ? j.age!.weeks : j.sinceBirth, j.age!.weeks ? 'week' : 'day')} old`,
              {
                id: 'timeline.age-weeks',
                desc: 'After "Day 280 of 1001 —"; the placeholder is like "2 weeks" or "3 days"',
              },
            )
        : t.msg(str`you are ${unit(Math.max(0, j.weeksPregnant!), 'week')} pregnant`, {
            id: 'timeline.pregnant',
            desc: 'After "Day 120 of 1001 —"; the placeholder is like "19 weeks"',
          });
      where = t.msg(str`${day} — ${age}`, {
        id: 'timeline.where',
        desc: 'Day count, a dash, then age or weeks of pregnancy',
      });
    }
    const notes = [];
    if (j.overdue)
      notes.push(
        t.msg(str`Your baby was due ${unit(j.overdue, 'day')} ago. Once your baby is born, enter the date of birth.`, {
          id: 'timeline.overdue',
          desc: 'A due date in the past',
        }),
      );
    if (j.premature)
      notes.push(
        t.msg('Your baby was born early. Checks follow their age from the date of birth.', {
          id: 'timeline.premature',
          desc: 'Premature birth note',
        }),
      );
    // The next check from today, in any stage.
    const next = stages
      .flatMap((s) => (s.checks ?? []).map((c) => ({ c, at: c.at ? pointDays(c.at, birth) : undefined })))
      .filter((x) => x.at !== undefined && x.at >= j.sinceBirth)
      .sort((a, b) => a.at! - b.at!)[0];
    const lang = this.feedState.result?.feed.language ?? 'en-GB';
    const inDays = next && next.at! - j.sinceBirth;
    return html`<div part="summary" class="journey" role="status">
      <p class="where"><strong>${where}</strong></p>
      ${notes.map((t) => html`<p>${t}</p>`)}
      ${
        next && j.day <= TOTAL_DAYS
          ? html`<p class="next">${t.msg('Next check:', { id: 'timeline.next', desc: 'Label before the next check due' })} ${feedText(next.c.name, locale, lang)} ·
            ${
              inDays == 0
                ? t.msg('due now', { id: 'timeline.due-now', desc: 'A check due today' })
                : inDaysText(inDays!, t)
            }
            (${formatDay(birth + next.at!, locale, { day: 'numeric', month: 'long', year: 'numeric' })})</p>`
          : nothing
      }
    </div>`;
  }

  private renderStage(
    s: TimelineStage,
    current: boolean,
    feed: Feed | undefined,
    birth: number,
    dates: object | undefined,
    now: Date,
    shown: Sourced[],
  ) {
    const { t } = this;
    const locale = this.locale;
    const lang = feed?.language ?? 'en-GB';
    const open = current ? !this.open.has(`-${s.id}`) : this.open.has(s.id);
    const key = current ? `-${s.id}` : s.id;
    const services = (s.services ?? []).map((id) => feed?.services?.find((x) => x.id == id)).filter((x) => !!x);
    const sessions =
      open && feed?.sessions && s.sessionCategories?.length
        ? upcomingOccurrences(
            feed.sessions.filter((x) => x.category && s.sessionCategories!.includes(x.category)),
            { now, days: 28, timeZone: feed.timeZone, termDates: feed.termDates, bankHolidays: feed.bankHolidays },
          )
            .filter((o) => o.status != 'cancelled')
            .slice(0, 3)
        : [];
    if (open)
      shown.push(...services, ...sessions.flatMap((o) => [o.session, feed!.places?.find((p) => p.id == o.place)]));
    const span = dates
      ? html`<span class="dates">${formatDay(birth + pointDays(s.from, birth), locale, { day: 'numeric', month: 'short', year: 'numeric' })} – ${formatDay(birth + pointDays(s.to, birth) - 1, locale, { day: 'numeric', month: 'short', year: 'numeric' })}</span>`
      : nothing;
    const context: CardContext = {
      t,
      locale,
      feedLanguage: lang,
      timeZone: feed?.timeZone ?? 'Europe/London',
      level: Math.min(6, this.headingLevel + 1),
      now,
      compact: true,
      action: (svc, action) => this.dispatchEvent(new ImhSupportActionEvent({ service: svc.id, action })),
    };
    return html`<li part="stage" class="stage ${current ? 'current' : ''}" aria-current=${current ? 'step' : nothing}>
      ${heading(
        this.headingLevel,
        html`<button part="button" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`stage-${s.id}`} @click=${() => this.toggle(key)}>
          ${feedText(s.title, locale, lang)}${current ? html`<span class="here"> ${t.msg('You are here', { id: 'timeline.here', desc: 'Marks the current stage' })}</span>` : nothing}
        </button>`,
        'stage-heading',
      )}
      ${span}
      <div class="content" id=${`stage-${s.id}`} ?hidden=${!open}>
        ${s.summary ? html`<p class="stage-summary">${feedText(s.summary, locale, lang)}</p>` : nothing}
        ${s.messages?.length ? html`<ul class="messages">${s.messages.map((m) => html`<li>${feedText(m, locale, lang)}</li>`)}</ul>` : nothing}
        ${
          s.checks?.length
            ? html`<p class="label">${t.msg('Checks', { id: 'timeline.checks', desc: 'Label above the health checks of a stage' })}</p>
              <ul class="checks">${s.checks.map((c) => html`<li>${feedText(c.name, locale, lang)}${c.note ? html` · ${feedText(c.note, locale, lang)}` : nothing}</li>`)}</ul>`
            : nothing
        }
        ${s.ifWorried ? html`<p class="worried"><strong>${t.msg('If you are worried:', { id: 'timeline.worried', desc: 'Label before what to do if worried' })}</strong> ${feedText(s.ifWorried, locale, lang)}</p>` : nothing}
        ${
          sessions.length
            ? html`<p class="label">${t.msg('Sessions coming up', { id: 'timeline.sessions', desc: 'Label above the next matching sessions' })}</p>
              <ul class="sessions">
                ${sessions.map((o) => {
                  const place = feed!.places?.find((p) => p.id == o.place);
                  return html`<li>${feedText(o.session.name, locale, lang)} · ${formatDay(o.day, locale)}${o.startTime ? html`, ${formatTimeRange(o.start, o.endTime ? o.end : undefined, locale, o.timeZone)}` : nothing}${place ? html` · ${feedText(place.name, locale, lang)}` : nothing}</li>`;
                })}
              </ul>`
            : nothing
        }
        ${services.length ? html`<ul class="services">${services.map((x) => html`<li>${serviceCard(x, context)}</li>`)}</ul>` : nothing}
      </div>
    </li>`;
  }
}

/** "in 3 days", when a check is due, in the locale's plural forms. */
export const inDaysText = (days: number, t: Translator) =>
  plural(days, t.locale, {
    zero: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.zero', desc: 'When a check is due; plural category "zero"' }),
    one: (n) =>
      t.msg(str`in ${n} day`, { id: 'timeline.in-days.one', desc: 'When a check is due; plural category "one"' }),
    two: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.two', desc: 'When a check is due; plural category "two"' }),
    few: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.few', desc: 'When a check is due; plural category "few"' }),
    many: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.many', desc: 'When a check is due; plural category "many"' }),
    other: (n) =>
      t.msg(str`in ${n} days`, { id: 'timeline.in-days.other', desc: 'When a check is due; plural category "other"' }),
  });
