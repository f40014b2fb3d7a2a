/** The timeline's stages: the built-in ones, a feed's, and where a family is in them. No DOM. */
import type { Feed, TimelineStage } from '../../feed/types.js';
import { pointDays } from '../../schedule/journey.js';

/** A reference birth date for ordering stages when the family's is not known (any date will do). */
const REFERENCE = 20_000;

/**
 * The feed's timeline over the built-in one: `replace` uses only the feed's stages; `extend` (the
 * default) lets a feed stage with a built-in id override its wording and timings, adds its
 * messages, services and session categories, and inserts stages with new ids in time order.
 */
export function mergeStages(defaults: TimelineStage[], timeline: Feed['timeline']): TimelineStage[] {
  let stages = defaults;
  if (timeline?.mode == 'replace') stages = timeline.stages;
  else if (timeline) {
    const byId = new Map(defaults.map((s) => [s.id, s]));
    for (const local of timeline.stages) {
      const base = byId.get(local.id);
      const join = <T>(a?: T[], b?: T[]) => (a || b ? [...new Set([...(a ?? []), ...(b ?? [])])] : undefined);
      byId.set(
        local.id,
        base
          ? {
              ...base,
              ...local,
              messages: join(base.messages, local.messages),
              checks: local.checks ?? base.checks,
              services: join(base.services, local.services),
              sessionCategories: join(base.sessionCategories, local.sessionCategories),
            }
          : local,
      );
    }
    stages = [...byId.values()];
  }
  return [...stages].sort((a, b) => pointDays(a.from, REFERENCE) - pointDays(b.from, REFERENCE));
}

/** The index of the stage holding `sinceBirth` days (from its start, up to but not including its end). */
export const currentStage = (stages: TimelineStage[], sinceBirth: number, birth: number): number =>
  stages.findIndex((s) => pointDays(s.from, birth) <= sinceBirth && sinceBirth < pointDays(s.to, birth));
