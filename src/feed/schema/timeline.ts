/**
 * The first 1001 days timeline's local stages. Part of the one schema (`../schema.ts`).
 */
import { arr, lax, list, num, obj, oneOf, opt, ref, text } from '../shape.js';
import { id } from './values.js';

/** A point in the 1001 days, relative to birth: negative weeks are pregnancy. */
export const point = obj(
  {
    week: opt(num({ min: -42, max: 160, int: true })),
    month: opt(num({ min: 0, max: 36, int: true })),
    day: opt(num({ min: -300, max: 1100, int: true })),
  },
  (p, report) => {
    const n = Number(p.week != null) + Number(p.month != null) + Number(p.day != null);
    if (n != 1) report('', 'point.one');
  },
);

export const stageSchema = obj({
  id: id(),
  from: point,
  to: point,
  title: text(),
  summary: opt(text()),
  messages: opt(arr(text())),
  checks: opt(arr(obj({ name: text(), at: opt(point), note: opt(text()) }))),
  ifWorried: opt(text()),
  services: opt(arr(lax(ref('services')))),
  sessionCategories: opt(arr(id())),
});

export const timelineField = opt(
  lax(
    obj({
      stages: list(stageSchema),
      // Absent, or written wrong (then ignored, with a warning, not the stages with it): extend, which adds
      // these stages to the built-in ones; replace shows only these.
      mode: opt(lax(oneOf(['replace', 'extend'] as const, 'a timeline mode'))),
    }),
  ),
);
