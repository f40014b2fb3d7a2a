/** The timeline's stages: the built-in ones, a feed's, and where a family is in them. No DOM. */
import { pickText } from '../../feed/text.js';
import type { Feed, Text, TimelineStage } from '../../feed/types.js';
import { pointDays } from '../../schedule/journey.js';

/** A reference birth date for ordering stages when the family's is not known (any date will do). */
const REFERENCE = 20_000;

const language = (tag: string) => tag.split('-')[0].toLowerCase();

/** A stage's texts, in one order: title, summary, what to do if worried, messages, the checks' names. */
const texts = (s: TimelineStage) => [
  s.title,
  s.summary,
  s.ifWorried,
  ...(s.messages ?? []),
  ...(s.checks ?? []).map((c) => c.name),
];

/**
 * A feed stage merged over a built-in one (`built`: in the element's languages; `source`: as written, in
 * English). A text whose English is word for word a text of the built-in stage, but which has no
 * translation into a language `built` is in, takes the built-in translation there, with its language,
 * rather than showing English. Text that differs stays the feed's own; the feed's translations win.
 */
const localise = (stage: TimelineStage, built: TimelineStage, source: TimelineStage, feedLanguage: string) => {
  const ours = texts(built);
  const translations = new Map(texts(source).map((text, i) => [text, ours[i]]));
  const fill = (value?: Text): Text | undefined => {
    const en = pickText(value, 'en', feedLanguage);
    const translated = en && language(en.lang) == 'en' && translations.get(en.text);
    const missing = Object.entries(typeof translated == 'object' ? translated : {}).filter(
      ([lang, text]) => text != en!.text && language(pickText(value, lang, feedLanguage)!.lang) != language(lang),
    );
    return missing.length
      ? { ...(typeof value == 'string' ? { [feedLanguage]: value } : value), ...Object.fromEntries(missing) }
      : value;
  };
  return {
    ...stage,
    title: fill(stage.title)!,
    summary: fill(stage.summary),
    ifWorried: fill(stage.ifWorried),
    messages: stage.messages?.map((m) => fill(m)!),
    checks: stage.checks?.map((c) => ({ ...c, name: fill(c.name)! })),
  };
};

/**
 * The feed's timeline over the built-in one: `replace` uses only the feed's stages; `extend` (the
 * default) lets a feed stage with a built-in id override its wording and timings, adds its
 * messages, services and session categories, and inserts stages with new ids in time order.
 * A text of an overriding stage that is, in English, a text of the built-in stage word for word
 * (`source`: the built-in stages as written), with no translation into the element's language, shows
 * the built-in translation (see `localise`); `feedLanguage` is the language of the feed's plain strings.
 */
export function mergeStages(
  defaults: TimelineStage[],
  timeline: Feed['timeline'],
  source: TimelineStage[] = [],
  feedLanguage = 'en-GB',
): TimelineStage[] {
  let stages = defaults;
  if (timeline?.mode == 'replace') stages = timeline.stages;
  else if (timeline) {
    const byId = new Map(defaults.map((s) => [s.id, s]));
    for (const local of timeline.stages) {
      const base = byId.get(local.id);
      const join = <T>(a?: T[], b?: T[]) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
      // The built-in stage as written (in English), for `localise`; `base` is it in the element's languages.
      const written = source.find((s) => s.id == local.id);
      const merged = base
        ? {
            ...base,
            ...local,
            messages: join(base.messages, local.messages),
            checks: local.checks ?? base.checks,
            services: join(base.services, local.services),
            sessionCategories: join(base.sessionCategories, local.sessionCategories),
          }
        : local;
      byId.set(local.id, base && written ? localise(merged, base, written, feedLanguage) : merged);
    }
    stages = [...byId.values()];
  }
  return [...stages].sort((a, b) => pointDays(a.from, REFERENCE) - pointDays(b.from, REFERENCE));
}

/** The index of the stage holding `sinceBirth` days (from its start, up to but not including its end). */
export const currentStage = (stages: TimelineStage[], sinceBirth: number, birth: number): number =>
  stages.findIndex((s) => pointDays(s.from, birth) <= sinceBirth && sinceBirth < pointDays(s.to, birth));
