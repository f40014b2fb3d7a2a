import { unsafeCSS, type CSSResult } from 'lit';

/**
 * The elements' style sheets from a css`` template without values. Named `css`, as Lit's tag is, so
 * the builds minify its text as they do Lit's (scripts/strip-docs.mjs), without Lit's tag and the
 * checks it makes of values our styles never have.
 */
export const css = ([text]: TemplateStringsArray): CSSResult => unsafeCSS(text);
