/**
 * `msg()` for the built-in timeline text, a lazily loaded chunk that needs nothing else from the
 * main bundle. The script-tag build points that module's `@lit/localize` import here (see
 * scripts/locale-str.mjs) and `localization.ts` registers the real `msg` under a well-known
 * symbol, so the chunk stands alone and the bundle stays one file. In development and tests the
 * module imports @lit/localize itself.
 */
type Msg = (template: unknown, options?: unknown) => string;
export const msg: Msg = (template, options) =>
  (globalThis as unknown as Record<symbol, Msg>)[Symbol.for('imh-widgets.msg')](template, options);
