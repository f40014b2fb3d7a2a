import type { CSSResult, LitElement } from 'lit';

/**
 * Adopts the styles that came with an element's lazy body (the timeline's, the session list's) before
 * the update that first draws the body, so it never shows unstyled: after the element's own styles
 * and before those loaded on first use (a theme's colours, the bilingual layouts), the order they had
 * when they were the element's own. They join the class's `elementStyles`, so an element made later
 * starts with them, and ImhElement keeps them when it adopts its styles again (a theme's colours).
 */
export function adoptBodyStyles(element: LitElement, styles: CSSResult): void {
  const own = (element.constructor as typeof LitElement).elementStyles;
  if (!own.includes(styles)) own.push(styles);
  const root = element.renderRoot as ShadowRoot;
  const sheets = root.adoptedStyleSheets;
  const sheet = styles.styleSheet!;
  const n = own.length - 1;
  if (!sheets.includes(sheet)) root.adoptedStyleSheets = [...sheets.slice(0, n), sheet, ...sheets.slice(n)];
}
