// The messages in a source file, found on a real parse (the TypeScript compiler's), without type
// information: every call `msg(…)` or `<anything>.msg(…)`. `lit-localize extract` finds calls by
// their type instead; test/node/messages.test.ts holds the two to the same set, so a message the
// extractor would miss (a translator reached some other way) fails a test rather than going
// untranslated, and the build's plugin (which also reads them this way) sees every message.
import ts from 'typescript';

/**
 * @typedef {object} FoundMessage
 * @property {string | undefined} id the `id` option (undefined when it is missing or not a plain string)
 * @property {ts.CallExpression} call
 * @property {ts.ObjectLiteralExpression | undefined} options the options object, when it is one
 * @property {string} where `file:line:column`, for messages
 */

/** Whether a call is a msg call, by its shape: `msg(…)` or `x.msg(…)`. */
export const isMsgCall = (/** @type {ts.Node} */ node) =>
  ts.isCallExpression(node) &&
  ((ts.isIdentifier(node.expression) && node.expression.text == 'msg') ||
    (ts.isPropertyAccessExpression(node.expression) && node.expression.name.text == 'msg'));

/** The string value of an options property (`id`, `desc`), if it is a plain string. */
export function optionOf(/** @type {ts.ObjectLiteralExpression} */ options, /** @type {string} */ name) {
  for (const p of options.properties) {
    if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) continue;
    if (p.name.text != name) continue;
    const v = p.initializer;
    return ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v) ? { value: v.text, property: p } : undefined;
  }
  return undefined;
}

/**
 * Every msg call in a file.
 * @param {string} code
 * @param {string} fileName
 * @returns {{ file: ts.SourceFile, messages: FoundMessage[], strays: string[] }} `strays`: every other use of a
 *   `msg` (passed on, aliased, cast), where neither this nor the extractor would see the message.
 */
export function findMessages(code, fileName) {
  const file = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  /** @type {FoundMessage[]} */
  const messages = [];
  /** @type {string[]} */
  const strays = [];
  const where = (/** @type {ts.Node} */ n) => {
    const { line, character } = file.getLineAndCharacterOfPosition(n.getStart());
    return `${fileName}:${line + 1}:${character + 1}`;
  };
  const visit = (/** @type {ts.Node} */ node) => {
    const named =
      (ts.isIdentifier(node) && node.text == 'msg' && !ts.isPropertyAccessExpression(node.parent)) ||
      (ts.isPropertyAccessExpression(node) && node.name.text == 'msg');
    // A name `msg` that is not called, nor declared (`msg: Msg = …`, an import, a type), is a stray.
    const declared =
      ts.isIdentifier(node) && (ts.isPropertyDeclaration(node.parent) || ts.isImportSpecifier(node.parent));
    if (named && !declared && !(ts.isCallExpression(node.parent) && node.parent.expression == node))
      strays.push(where(node));
    if (isMsgCall(node)) {
      const call = /** @type {ts.CallExpression} */ (node);
      const options =
        call.arguments[1] && ts.isObjectLiteralExpression(call.arguments[1]) ? call.arguments[1] : undefined;
      messages.push({ id: options && optionOf(options, 'id')?.value, call, options, where: where(call) });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { file, messages, strays };
}
