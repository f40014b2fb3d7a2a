/**
 * The timeline's body: the date form, the summary, the stages and the credit, drawn from the
 * element's state. A lazy chunk of its own, loaded by the element beside the built-in stages and its
 * feed, so a page without a timeline never downloads it; the element keeps its properties and
 * loading, error and fallback states in the main bundle (its styles for the body are a chunk loaded
 * beside this one).
 */
import { html, nothing } from 'lit';
import type { Feed, TimelineStage } from '../../feed/types.js';
import type { heading } from '../../internal/heading.js';
import type { Dates } from '../../internal/dates.js';
import type { serviceCard } from '../support-card/service-card.js';
import type { Sourced } from '../../internal/attribution.js';
import { both } from '../../internal/feed-text.js';
import { Translator } from '../../internal/localize.js';
import { parseDay } from '../../schedule/civil.js';
import { DateForm } from './date-form.js';
import type * as BuiltIn from './default-timeline.js';
import type { ImhFirst1001DaysTimeline } from './first-1001-days-timeline.component.js';
import type { Status } from '../../internal/imh-element.js';
import { validDate } from './personal.js';
import { badDate } from '../../internal/bad-date.js';
import { stage, type StageContext } from './stage.js';

/** What the element gives its body at each render (its protected state). */
export interface Shell {
  /** The element's translator (with `also` on a bilingual element). */
  t: Translator;
  /** The level of the element's own headings. */
  level: number;
  feed?: Feed;
  /** The built-in stages' chunk. */
  builtIn: typeof BuiltIn;
  /** The element's status region (loading announced, a feed error, the stale-copy notice), above the content. */
  status: unknown;
  /** What it draws with that other elements share (see `Kit`). */
  kit: Kit;
}

/**
 * What the body draws with that other elements share in the main bundle: the support card, the
 * credit for imported data, a heading; and the schedule engine, a chunk of its own that the element
 * loads beside this one (`internal/dates.ts`). Given by the element, not imported, as today's date and
 * the support action's event are: when this chunk imported a module that only the main bundle and it
 * import, Rolldown 1.2 moved the localisation code out of dist/imh-widgets.js into a chunk of its
 * own (the script-tag bundle must be one file: `node scripts/size.mjs` says so), and the autoloader's
 * support card page took two more files. Check both after adding an import here.
 */
export interface Kit {
  card: typeof serviceCard;
  /** The credit line for imported data shown (the element's `credit`). */
  attribution: (feed: Feed, items: Iterable<Sourced>, t: Translator) => unknown;
  heading: typeof heading;
  /** The schedule engine's next sessions (its chunk, loaded beside this one: see `internal/dates.ts`). */
  upcoming: Dates['upcomingOccurrences'];
}

/** One timeline's body: the stages opened and closed, the parent's dates, and the render. */
export class TimelineBody {
  /** The stages opened (by id), and the current one closed (by `-` and its id). */
  private open = new Set<string>();
  /** The built-in stages in the element's language(s), and which (made again when they change). */
  private made?: [languages: string, stages: TimelineStage[]];
  /**
   * The built-in stages as written, in the source language (English, which has no translation packs):
   * `mergeStages` recognises by them a feed's text that is the built-in English word for word.
   */
  private written?: TimelineStage[];
  /** The parent's own dates, and the form that asks for them. */
  private readonly form: DateForm;

  constructor(
    private readonly host: ImhFirst1001DaysTimeline,
    /** Today in the feed's time zone (or the host's `now`): the instant, and its day number. */
    private readonly today: () => { instant: Date; day: number },
  ) {
    // Whether today is the day that decides: the element's `status` (protected, read here rather than
    // given, which would add to the main bundle) is "loading" while its feed, with its time zone, comes.
    const known = () => (host as unknown as { status: Status }).status != 'loading';
    this.form = new DateForm(host, () => today().day, known);
  }

  private get dates(): { due?: number; birth?: number } {
    const { birthDate, dueDate } = this.host;
    // A date the page set that cannot be read is ignored, and the editor told once (`badDate`).
    if (birthDate?.trim() && !validDate(birthDate)) badDate('birth-date', birthDate.trim());
    if (dueDate?.trim() && !validDate(dueDate)) badDate('due-date', dueDate.trim());
    const given = validDate(birthDate) || validDate(dueDate);
    if (given) {
      const birth = validDate(birthDate);
      const due = validDate(dueDate);
      return { birth: birth ? parseDay(birth) : undefined, due: due ? parseDay(due) : undefined };
    }
    const e = this.form.entered;
    return e ? { [e.kind]: parseDay(e.date) } : {};
  }

  private toggle(id: string) {
    const open = new Set(this.open);
    if (!open.delete(id)) open.add(id);
    this.show(open);
  }

  /** Opens every stage, or closes every stage when all are open (the current one is open unless closed). */
  private toggleAll(stages: TimelineStage[], current: number, allOpen: boolean) {
    const id = stages[current]?.id;
    this.show(new Set(allOpen ? (id ? [`-${id}`] : []) : stages.filter((_, i) => i != current).map((s) => s.id)));
  }

  private show(open: Set<string>) {
    this.open = open;
    this.host.requestUpdate();
  }

  private isOpen(s: TimelineStage, current: boolean) {
    return current ? !this.open.has(`-${s.id}`) : this.open.has(s.id);
  }

  render({ t, level, feed, builtIn: module, status, kit }: Shell) {
    const { form, host } = this;
    const languages = `${t.locale} ${t.also?.locale}`;
    if (this.made?.[0] != languages) this.made = [languages, module.builtInStages(t)];
    const builtIn = this.made[1];
    const { instant: nowInstant, day: today } = this.today();
    const { journey, pointDays, mergeStages, currentStage, placing, summary, labels, futureBirthText } = module;
    const lang = feed?.language ?? 'en-GB';
    this.written ??= module.defaultStages(new Translator());
    const stages = mergeStages(builtIn, feed?.timeline, this.written, lang);
    const dates = this.dates;
    const j = journey(today, dates);
    const birth = dates.birth ?? dates.due ?? today;
    const hostSet = !!(validDate(host.birthDate) || validDate(host.dueDate));
    const place = j && placing(j, dates.birth !== undefined);
    // Only a placed date has a current stage and stages already passed.
    const placed = place == 'placed';
    const current = placed ? currentStage(stages, j!.sinceBirth, birth) : -1;
    const say = (word: keyof ReturnType<typeof labels>) => both(t, (t) => labels(t)[word]);
    const allOpen = stages.every((s, i) => this.isOpen(s, i == current));
    const action =
      hostSet || !place || placed
        ? undefined
        : html`<button part="button" class="secondary" type="button"
            @click=${place == 'future-birth' ? form.useAsDue : form.askBirth}>
            ${say(place == 'future-birth' ? 'useAsDue' : 'enterBirth')}
          </button>`;
    const c: StageContext = {
      t,
      level,
      feed,
      birth,
      placed,
      now: nowInstant,
      builtIn: module,
      isOpen: (s, current) => this.isOpen(s, current),
      toggle: (key) => this.toggle(key),
      host,
      shown: [],
      kit,
    };
    // The built-in stages show while a local feed loads: loading is announced, with no skeleton.
    return html`${status}
      <p class="intro">${both(t, (t) =>
        t.msg(
          // eslint-disable-next-line max-len -- a message is one literal, whole, for lit-localize
          "The first 1001 days, from pregnancy to your baby's second birthday, shape how your baby's brain grows and how they learn to feel safe and loved.",
          { id: 'timeline.intro', desc: 'The opening sentence of the timeline' },
        ),
      )}</p>
      ${hostSet ? nothing : form.render(t, { useAsDue: say('useAsDue'), futureBirth: both(t, futureBirthText) })}
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
      ${feed ? kit.attribution(feed, c.shown, t) : nothing}`;
  }
}
