import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * A real heading element at `level` (clamped to 1–6), so hosts can fit the element into their own
 * outline with a `heading-level` attribute.
 */
export function heading(level: number, content: unknown, part: string, id?: string): TemplateResult {
  switch (Math.min(6, Math.max(1, Math.round(level) || 2))) {
    case 1:
      return html`<h1 part=${part} id=${ifDefined(id)}>${content}</h1>`;
    case 2:
      return html`<h2 part=${part} id=${ifDefined(id)}>${content}</h2>`;
    case 3:
      return html`<h3 part=${part} id=${ifDefined(id)}>${content}</h3>`;
    case 4:
      return html`<h4 part=${part} id=${ifDefined(id)}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} id=${ifDefined(id)}>${content}</h5>`;
    default:
      return html`<h6 part=${part} id=${ifDefined(id)}>${content}</h6>`;
  }
}

/**
 * The heading level that fits an element into the page's outline: one below the nearest heading
 * before it in its document (or shadow root), so under the editor's own "What's on" (an h2) the
 * element's headings are h3s, not siblings of it; 2 where nothing comes before it.
 */
export function outlineLevel(host: Element): number {
  let level = 1;
  for (const h of (host.getRootNode() as ParentNode).querySelectorAll('h1,h2,h3,h4,h5,h6,[role=heading][aria-level]')) {
    if (!(h.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING)) break;
    if (!h.contains(host)) level = Number(h.getAttribute('aria-level') || h.localName[1]) || level;
  }
  return Math.min(6, level + 1);
}
