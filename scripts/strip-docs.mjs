// @ts-check
// A Vite plugin that drops text only tools read from browser bundles, on a real TypeScript parse
// (never a regular expression over the source):
// - the `desc` notes for translators in `….msg(text, { id, desc })` calls (lit-localize extracts
//   them from the source);
// - the schema's descriptions, `doc(…)` calls with `doc` imported from the feed's `shape.js` (the
//   JSON Schema generator reads them from the source), whatever their argument (a literal or a
//   concatenation);
// - whitespace and comments in Lit's css`` blocks, and the indentation in its html`` templates,
//   which the JavaScript minifier leaves as they are.
// Everything else in a file is left byte for byte. Unit tests: test/node/build/strip-docs.test.ts.
import ts from 'typescript';

/**
 * Whitespace and comments out of plain CSS (our styles have no strings; the markers standing for
 * `${…}` are kept as they are).
 * @param {string} css
 */
export const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

/**
 * The indentation out of a Lit html`` template's text: each run of whitespace that holds line
 * breaks becomes those line breaks alone, which HTML renders as it renders the run (our templates
 * hold no <pre>, <textarea> or `white-space: pre` content, and no attribute value whose line breaks
 * matter: test/node/build/strip-docs.test.ts checks). Every line keeps its number, so the source
 * maps (which this step does not rewrite) still point at the right line. Whitespace within a line
 * is kept as it is, so text between inline elements keeps its spaces.
 * @param {string} text
 */
export const collapseLines = (text) => text.replace(/[ \t\r\n]*\n[ \t\r\n]*/g, (run) => run.replace(/[^\n]/g, ''));

/** @typedef {[start: number, end: number, text: string]} Edit */

/**
 * Names bound to the schema's `doc` by the file's imports from a `shape.js` module.
 * @param {ts.SourceFile} file
 */
const docNames = (file) => {
  /** @type {Set<string>} */
  const names = new Set();
  for (const s of file.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    if (!/(^|\/)shape\.js$/.test(s.moduleSpecifier.text)) continue;
    const bindings = s.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const el of bindings.elements) if ((el.propertyName ?? el.name).text == 'doc') names.add(el.name.text);
  }
  return names;
};

/**
 * The source with translators' notes, schema descriptions, CSS whitespace and template indentation
 * removed, or undefined when there is nothing to remove.
 * @param {string} code TypeScript source
 * @param {string} fileName for the parser (its extension says TS or TSX)
 * @returns {string | undefined}
 */
export function stripSource(code, fileName = 'file.ts') {
  // Most files have none of the four: they are not parsed at all.
  if (!['desc', 'doc', 'css`', 'html`'].some((word) => code.includes(word))) return undefined;
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const docs = docNames(file);
  /** @type {Edit[]} */
  const edits = [];
  /** @param {ts.Node} node */
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && docs.has(callee.text)) {
        edits.push([node.getStart(file), node.end, 'undefined']);
        return;
      }
      const options = node.arguments[1];
      if (ts.isPropertyAccessExpression(callee) && callee.name.text == 'msg' && options) {
        if (ts.isObjectLiteralExpression(options)) dropDesc(options, file, edits);
      }
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text == 'css') {
      minifyTemplate(node.template, code, file, edits, minifyCss);
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text == 'html') {
      minifyTemplate(node.template, code, file, edits, collapseLines);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!edits.length) return undefined;
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/**
 * Removes `desc: …` from a msg() call's options, with the comma before it.
 * @param {ts.ObjectLiteralExpression} options
 * @param {ts.SourceFile} file
 * @param {Edit[]} edits
 */
function dropDesc(options, file, edits) {
  const props = options.properties;
  props.forEach((p, i) => {
    if (!ts.isPropertyAssignment(p)) return;
    const name = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
    if (name != 'desc') return;
    if (i > 0) edits.push([props[i - 1].end, p.end, '']);
    else edits.push([p.getStart(file), i + 1 < props.length ? props[i + 1].getStart(file) : p.end, '']);
  });
}

/**
 * Minifies a css`` or html`` template's text as one piece, each `${…}` standing in as a marker, then
 * puts each piece of text back in its place between the expressions.
 * @param {ts.TemplateLiteral} template
 * @param {string} code
 * @param {ts.SourceFile} file
 * @param {Edit[]} edits
 * @param {(text: string) => string} minify `minifyCss` or `collapseLines`
 */
function minifyTemplate(template, code, file, edits, minify) {
  /** @type {[number, number][]} the ranges of the text pieces, without their delimiters */
  const ranges = ts.isNoSubstitutionTemplateLiteral(template)
    ? [[template.getStart(file) + 1, template.end - 1]]
    : [
        [template.head.getStart(file) + 1, template.head.end - 2],
        ...template.templateSpans.map(
          (s) =>
            /** @type {[number, number]} */ ([
              s.literal.getStart(file) + 1,
              s.literal.end - (ts.isTemplateTail(s.literal) ? 1 : 2),
            ]),
        ),
      ];
  const marked = ranges.map(([a, b]) => code.slice(a, b)).join('\u0000');
  const pieces = minify(marked).split('\u0000');
  if (pieces.length != ranges.length) return; // a marker lost: leave the block as it is
  ranges.forEach(([a, b], i) => edits.push([a, b, pieces[i]]));
}

/** @returns {import('vite').Plugin} */
export const stripDocs = () => ({
  name: 'imh-strip-docs',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/.*\.ts$/.test(id)) return;
    const out = stripSource(code, id);
    return out === undefined ? undefined : { code: out, map: null };
  },
});
