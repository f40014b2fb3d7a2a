/**
 * The timeline's date form: "I am expecting a baby" or "My baby is born", the date, "Remember on
 * this device". It holds the dates the parent entered (or kept), checks them, and after the parent
 * asks for their plan brings the summary into view and focuses it (the date field after an error).
 */
import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import { both } from '../../internal/feed-text.js';
import type { Translator } from '../../internal/localize.js';
import { check, forget, recall, remember, validDate, type Dates, type Refusal } from './personal.js';

/** The buttons' and the error's words, made with the summary's (journey-view.ts). */
export interface FormWords {
  useAsDue: unknown;
  futureBirth: unknown;
}

export class DateForm implements ReactiveController {
  /** Dates the parent entered or kept on this device. */
  entered?: Dates;
  kind: 'due' | 'birth' = 'birth';
  /** What is wrong with the entered date: none, not a date, a date of birth after today, a due date too far off. */
  invalid?: Refusal;
  /**
   * Whether dates are kept on this device (the "Remember on this device" box), once read: read
   * before the form first draws, not in its render (reading forgets an unreadable entry).
   */
  private kept?: boolean;
  /** The parent asked to keep the dates and this device would not (storage full or refused): said under the box. */
  private unkept = false;

  /** After the parent asks for their plan: bring its summary into view and focus it. */
  private scrollToSummary = false;
  /** After an error or "Enter the date of birth": focus the date field. */
  private focusDate = false;

  /** The kept dates, read while the day that decides was not known yet: checked again once it is. */
  private provisional?: Dates;

  constructor(
    private readonly host: ReactiveElement,
    /** Today, as a day number (the feed's time zone, or the host's `now`). */
    private readonly today: () => number,
    /** Whether that is the day that decides: the feed's time zone known (no feed still loading). */
    private readonly known: () => boolean,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.read();
  }

  hostUpdate(): void {
    this.read();
  }

  /**
   * Reads the dates kept on this device, once, before the form first draws. Until the feed's time
   * zone is known, "today" (London's) may be a day off the feed's either way, and whether a due date is
   * too far ahead can depend on that day: so only what would be refused whichever day it is (checked
   * against the latest) is forgotten then; what is given back is checked again once the day is known.
   */
  private read() {
    const known = this.known();
    if (this.kept === undefined) {
      const kept = recall(this.today() + (known ? 0 : 1));
      this.kept = !!kept;
      this.entered ??= kept;
      if (this.entered) this.kind = this.entered.kind;
      if (!known) this.provisional = kept;
    } else if (this.provisional && known) {
      if (!recall(this.today())) {
        this.kept = false;
        if (this.entered == this.provisional) this.entered = undefined;
      }
      this.provisional = undefined;
    }
  }

  private field = (name: string) => this.host.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`);

  private choose = (e: Event) => {
    this.kind = (e.target as HTMLInputElement).value as 'due' | 'birth';
    this.host.requestUpdate();
  };

  private submit = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    // A date of birth after today is a mistake or a due date: say so at the field, keep nothing.
    const dates = check(data.get('kind') == 'due' ? 'due' : 'birth', data.get('date'), this.today());
    this.invalid = typeof dates == 'string' ? dates : undefined;
    if (typeof dates == 'string') this.focusDate = true;
    else this.show(dates, !!data.get('remember'));
    this.host.requestUpdate();
  };

  /** Shows the plan for these dates (kept on this device when asked), and brings it into view. */
  private show(dates: Dates, keep: boolean) {
    this.invalid = undefined;
    this.kind = dates.kind;
    this.entered = dates;
    // What the parent gives now is not checked again when the feed comes (only what was read back is).
    this.provisional = undefined;
    // Kept when asked and this device keeps them; otherwise nothing kept before may come back (a
    // wrong date on the next visit): removing works even when storage is full.
    this.kept = keep && remember(dates);
    if (!this.kept) forget();
    this.unkept = keep && !this.kept;
    // The box shows what is kept: the binding alone leaves a box the parent ticked as it is.
    const box = this.field('remember');
    if (box) box.checked = this.kept;
    this.scrollToSummary = true;
  }

  /** "Use it as my due date": the date entered (or kept) as a date of birth, as a due date. */
  useAsDue = () => {
    const date = validDate(this.field('date')?.value) ?? this.entered?.date;
    const keep = !!this.field('remember')?.checked;
    // As a due date it must be one the form takes (not more than 42 weeks ahead).
    const dates = date && check('due', date, this.today());
    if (typeof dates == 'object') this.show(dates, keep);
    else if (dates) {
      this.kind = 'due';
      this.invalid = dates;
      this.focusDate = true;
    }
    this.host.requestUpdate();
  };

  /** "Enter the date of birth": the form asks for one, and the date field takes focus. */
  askBirth = () => {
    this.kind = 'birth';
    const input = this.field('date');
    if (input) input.value = '';
    this.focusDate = true;
    this.host.requestUpdate();
  };

  private forgetDates = () => {
    forget();
    this.entered = this.provisional = undefined;
    this.kept = this.unkept = false;
    this.host.renderRoot.querySelector<HTMLFormElement>('form')?.reset();
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    const root = this.host.renderRoot;
    const target = this.scrollToSummary
      ? root.querySelector<HTMLElement>('[part=summary]')
      : this.focusDate
        ? this.field('date')
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
      void this.host.updateComplete.then(() =>
        requestAnimationFrame(() => {
          const { top } = target.getBoundingClientRect();
          if (top < -1 || top > 40) target.scrollIntoView({ block: 'start' });
        }),
      );
  }

  render(t: Translator, words: FormWords) {
    const e = this.entered;
    const kind = this.kind;
    const invalid = this.invalid ? 'true' : 'false';
    return html`<form part="form" class="personal" @submit=${this.submit} novalidate>
      <fieldset>
        <legend>${both(t, (t) =>
          t.msg('See where you are in the 1001 days', {
            id: 'timeline.form.legend',
            desc: 'Legend of the personal dates form',
          }),
        )}</legend>
        <div class="choices" @change=${this.choose}>
          <label><input type="radio" name="kind" value="due" .checked=${kind == 'due'} /> ${both(t, (t) =>
            t.msg('I am expecting a baby', { id: 'timeline.form.due', desc: 'Choice: enter a due date' }),
          )}</label>
          <label><input type="radio" name="kind" value="birth" .checked=${kind == 'birth'} /> ${both(t, (t) =>
            t.msg('My baby is born', { id: 'timeline.form.birth', desc: 'Choice: enter a date of birth' }),
          )}</label>
        </div>
        <label class="date"
          >${
            kind == 'due'
              ? both(t, (t) => t.msg('Due date', { id: 'timeline.form.due-date', desc: 'Label of the date field' }))
              : both(t, (t) =>
                  t.msg("Baby's date of birth", { id: 'timeline.form.birth-date', desc: 'Label of the date field' }),
                )
          }
          <input type="date" name="date" required .value=${e?.date ?? ''} aria-invalid=${invalid}
            aria-describedby="date-error privacy" />
        </label>
        <p id="date-error" class="error" ?hidden=${!this.invalid}>${
          this.invalid == 'future-birth'
            ? words.futureBirth
            : this.invalid == 'far-due'
              ? both(t, (t) =>
                  t.msg('This due date is more than 42 weeks from today. Check the date and the year.', {
                    id: 'timeline.form.far-due',
                    desc: 'Error: a due date over 42 weeks away (most likely a mistyped year, or a date of birth)',
                  }),
                )
              : both(t, (t) =>
                  t.msg('Enter a date, for example 15 March 2027.', {
                    id: 'timeline.form.invalid',
                    desc: 'Error when the date field is empty or not a date',
                  }),
                )
        }</p>
        ${
          this.invalid == 'future-birth'
            ? html`<div class="buttons">
                <button part="button" class="secondary" type="button" @click=${this.useAsDue}>${words.useAsDue}</button>
              </div>`
            : nothing
        }
        <label class="remember"><input type="checkbox" name="remember" .checked=${!!this.kept} /> ${both(t, (t) =>
          t.msg('Remember on this device', {
            id: 'timeline.form.remember',
            desc: 'Checkbox: keep the date in this browser',
          }),
        )}</label>
        <p class="hint" role="status">${
          this.unkept
            ? both(t, (t) =>
                t.msg('Your date could not be remembered on this device.', {
                  id: 'timeline.form.not-kept',
                  desc: 'Under "Remember on this device": the browser would not keep the date; the plan still shows',
                }),
              )
            : nothing
        }</p>
        <p id="privacy" class="hint">${both(t, (t) =>
          t.msg('Worked out on this device: your date is not sent anywhere.', {
            id: 'timeline.form.privacy',
            desc: 'Privacy note under the date field',
          }),
        )}</p>
        <div class="buttons">
          <button part="button" type="submit">${both(t, (t) =>
            t.msg('Show my 1001 days', {
              id: 'timeline.form.submit',
              desc: 'Button that shows where the family is',
            }),
          )}</button>
          ${
            e
              ? html`<button part="button" class="secondary" type="button" @click=${this.forgetDates}>${both(t, (t) =>
                  t.msg('Forget my date', {
                    id: 'timeline.form.forget',
                    desc: 'Button that clears the entered and kept date',
                  }),
                )}</button>`
              : nothing
          }
        </div>
      </fieldset>
    </form>`;
  }
}
