/**
 * What the generated locale modules need from @lit/localize: the `str` tag, which only wraps a
 * template's parts in an object the runtime reads. The build points those modules here (see
 * scripts/locale-str.mjs), so a lazily loaded locale does not share a chunk with the main bundle.
 */
export const str = (strings: TemplateStringsArray, ...values: unknown[]) => ({
  strTag: true as const,
  strings,
  values,
});
