/**
 * A QR code as an SVG built with a Lit template (no markup from a string: safe under Trusted Types):
 * a chunk of its own with the QR encoder (lean-qr's nano build, MIT), loaded only when a family
 * sheet is printed.
 */
import type { html as litHtml } from 'lit';
import { correction, generate } from 'lean-qr/nano';

/**
 * The QR code for `text` (medium error correction: a sheet folded or a little smudged still scans),
 * black on white with the four-module quiet zone readers need, as one path of module runs.
 * `label` is its accessible name; `html` is Lit's, from the element (this chunk does not import Lit).
 */
export function qrCode(html: typeof litHtml, text: string, label: string) {
  const code = generate(text, { minCorrectionLevel: correction.M });
  const { size } = code;
  let d = '';
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!code.get(x, y)) continue;
      let run = 1;
      while (code.get(x + run, y)) run++;
      d += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  }
  const box = size + 8;
  return html`<svg class="qr-code" viewBox="-4 -4 ${box} ${box}" role="img" aria-label=${label}
    shape-rendering="crispEdges"><rect x="-4" y="-4" width=${box} height=${box} fill="#fff"></rect
    ><path d=${d} fill="#000"></path></svg>`;
}
