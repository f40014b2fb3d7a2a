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
