import {
  check,
  checkItems,
  fieldsOf,
  join,
  type ArrNode,
  type Ctx,
  type LaxNode,
  type Node,
  type ObjNode,
} from './shape.js';

/**
 * Reads a field of the feed as `check` does, but a part that is an object holding a list (the
 * timeline and its stages) has that list read first, in slices and under the cap on problems, as a
 * top-level list is (`checkItems`): `check` alone read a timeline's stages in one task, with every
 * problem listed (2,400,000 stages that were numbers held the page 1.5 s, and overflowed the stack
 * when their problems were gathered, so the whole feed was refused). `check` then meets an empty
 * list in its place. For the parts that read the timeline (`ALL_PARTS`), as `FeedParts.read`.
 */
export function* listsFirst(node: Node, value: unknown, path: string, ctx: Ctx): Generator<void, unknown> {
  const n = node.k == 'lax' ? (node as LaxNode).of : node;
  if (n.k != 'obj' || !value || typeof value != 'object' || Array.isArray(value)) return check(node, value, path, ctx);
  const from = ctx.findings.length;
  const rest: Record<string, unknown> = {};
  const lists: Record<string, unknown> = {};
  for (const [key, { node: field }] of fieldsOf(n as ObjNode)) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    const v = (value as Record<string, unknown>)[key];
    const list = field.k == 'list' && Array.isArray(v);
    if (list) lists[key] = yield* checkItems(field as ArrNode, v, join(path, key), ctx);
    rest[key] = list ? [] : v;
  }
  const got = check(node, rest, path, ctx);
  if (got === undefined) {
    // Ignored as a whole (a timeline whose mode is unknown): what its lists' problems skipped is
    // ignored with it, as when `check` reads them.
    for (const f of ctx.findings.slice(from)) f.severity = 'warning';
    const more = ctx.more?.[path];
    if (more) [more.severity, more.more.ignored, more.more.items] = ['warning', more.more.problems, 0];
  }
  return got && typeof got == 'object' ? Object.assign(got, lists) : got;
}
