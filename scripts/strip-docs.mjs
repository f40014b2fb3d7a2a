// A Vite plugin that drops text only tools read from browser bundles: the `desc` notes for
// translators in msg() calls (lit-localize extracts them from the source) and the schema's doc()
// descriptions (the JSON Schema generator reads them from the source); and minifies the CSS in
// Lit's css`` blocks, which the JavaScript minifier leaves as it is.
const STRING = String.raw`'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|\`(?:\\.|[^\`\\$])*\``;
const DESC = new RegExp(String.raw`,\s*desc:\s*(?:${STRING})`, 'g');
const DOC = new RegExp(String.raw`\bdoc\(\s*(?:${STRING})\s*\)`, 'g');

/** Whitespace and comments out of plain CSS (no strings in our styles; `${name}` kept as is). */
export const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/** @returns {import('vite').Plugin} */
export const stripDocs = () => ({
  name: 'imh-strip-docs',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id)) return;
    const out = code
      .replace(DESC, '')
      .replace(DOC, 'undefined')
      // Lit's css`` blocks: drop comments and the whitespace CSS does not need.
      // An interpolated css`` (`${dark}`) is kept through the minifier as a marker.
      .replace(/\bcss`((?:[^`$]|\$\{\w+\})*)`/g, (_, body) => {
        const names = [];
        const marked = body.replace(/\$\{(\w+)\}/g, (_, name) => `__imh${names.push(name) - 1}__`);
        return `css\`${minifyCss(marked).replace(/__imh(\d+)__/g, (_, i) => `\${${names[i]}}`)}\``;
      });
    return out === code ? undefined : { code: out, map: null };
  },
});
