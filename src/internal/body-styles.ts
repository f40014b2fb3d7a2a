import type { CSSResult, LitElement } from 'lit';

/**
 * Adopts the styles that came with an element's lazy body (the timeline's, the session list's) before
 * the update that first draws the body, so it never shows unstyled: after the element's own styles
 * and before those loaded on first use (a theme's colours, the bilingual layouts), the order they had
 * when they were the element's own. They join the class's `elementStyles`, so an element made later
 * starts with them, and ImhElement's `adopt` keeps them whenever it adopts its styles again.
 */
export function adoptBodyStyles(element: LitElement & { adopt(): void }, styles: CSSResult): void {
  const own = (element.constructor as typeof LitElement).elementStyles;
  if (!own.includes(styles)) own.push(styles);
  element.adopt();
}
