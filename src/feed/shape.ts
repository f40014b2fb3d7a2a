/**
 * A very small schema kit: the feed's shape is written once with these constructors
 * (`schema.ts`), and from that one description come
 *   - the TypeScript types (`Infer<typeof node>`, see `types.ts`),
 *   - the runtime validation (`check()` below, used by `validate.ts`), and
 *   - the published JSON Schema (`json-schema.ts`, run at build time only).
 *
 * Why not a validation library: the shared core (Lit, the localisation runtime, the loader and
 * validation) has an 8 KiB min+brotli budget and Lit alone takes about 6 KiB of it. Valibot, the
 * smallest well-kept candidate, needs one imported function per rule and a custom message per
 * rule to produce editor-friendly sentences, and its arrays fail as a whole where the feed must
 * keep every good item. This interpreter is about 1 KiB and produces exactly the report we need.
 * The JSON Schema it generates is checked against a real JSON Schema validator (Ajv) in tests.
 *
 * Nodes are plain data; nothing here touches the DOM.
 */
import { safeUrl } from './url.js';

/** One problem found in a feed, with where it is and what to do about it. */
export interface FeedIssue {
  /** Where the problem is, in JavaScript notation: `sessions[3].schedule.byDay[0]`. */
  path: string;
  /** A sentence an editor can act on. */
  message: string;
  /**
   * `error`: the item holding the problem was skipped.
   * `warning`: only the faulty value was ignored; the item is shown without it.
   */
  severity: 'error' | 'warning';
}

declare const TYPE: unique symbol;
/** A node describing values of type `T`. `T` exists only for inference. */
export interface Node<T = unknown> {
  /** kind */
  k: 'str' | 'num' | 'bool' | 'enum' | 'text' | 'link' | 'arr' | 'obj' | 'list' | 'lax' | 'ref';
  /** Description, for the JSON Schema and for people reading the schema. */
  d?: string;
  [TYPE]?: T;
}
export interface StrNode extends Node<string> {
  k: 'str';
  /** Pattern the whole string must match. */
  re?: RegExp;
  /** Further test (a real calendar date, a known time zone). */
  ok?: (value: string) => boolean;
  /** What the value is, for messages: "a date". */
  what?: string;
  /** How to write it, for messages: "write it as YYYY-MM-DD". */
  hint?: string;
  /** JSON Schema `format`, when one applies. */
  format?: string;
}
export interface NumNode extends Node<number> {
  k: 'num';
  min?: number;
  max?: number;
  int?: boolean;
}
export interface EnumNode<T extends string = string> extends Node<T> {
  k: 'enum';
  values: readonly T[];
  /** Singular noun for messages: "a day". */
  what: string;
}
export interface ArrNode<T = unknown> extends Node<T[]> {
  k: 'arr' | 'list';
  of: Node<T>;
  min?: number;
}
export interface LaxNode<T = unknown> extends Node<T | undefined> {
  k: 'lax';
  of: Node<T>;
}
export interface RefNode extends Node<string> {
  k: 'ref';
  /** Name of the top-level list whose ids this refers to. */
  to: string;
}
export interface Field<T = unknown> {
  node: Node<T>;
  optional: boolean;
  /** Value used when the field is absent (and when a lax field is dropped). */
  def?: T;
}
/** A field with a default value: present in every validated item. */
export interface DefaultedField<T = unknown> extends Field<T> {
  def: T;
}
export type Shape = Record<string, Node | Field>;
type FieldOf<S, K extends keyof S> =
  S[K] extends Field<infer T> ? Exclude<T, undefined> : S[K] extends Node<infer T> ? T : never;
type OptionalKeys<S> = {
  [K in keyof S]: S[K] extends DefaultedField ? never : S[K] extends Field ? K : never;
}[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjOf<S extends Shape> = Simplify<
  { -readonly [K in Exclude<keyof S, OptionalKeys<S>>]: FieldOf<S, K> } & {
    -readonly [K in OptionalKeys<S>]?: FieldOf<S, K>;
  }
>;
export interface ObjNode<T = unknown> extends Node<T> {
  k: 'obj';
  shape: Shape;
  /** The shape's fields, normalised once (a cache filled on first use). */
  fields?: [string, Field][];
  /** Checks across fields, run when every field is valid. */
  refine?: (value: T, report: (path: string, message: string) => void) => void;
}
export type Infer<N> = N extends Node<infer T> ? T : never;

/** Text in the feed's language, or a map of translations keyed by language tag. */
export type Text = string | { [lang: string]: string };

// ---------------------------------------------------------------------------------------------
// Constructors

/**
 * Marks a description: kept for the JSON Schema and for readers of `schema.ts`, and replaced with
 * `undefined` in browser bundles by the build (see `vite.config.ts`), where nothing reads it.
 */
export const doc = (text: string): string | undefined => text;

export const str = (o: Omit<StrNode, 'k'> = {}): StrNode => ({ k: 'str', ...o });
export const num = (o: Omit<NumNode, 'k'> = {}): NumNode => ({ k: 'num', ...o });
export const bool = (d?: string): Node<boolean> => ({ k: 'bool', d });
export const oneOf = <const T extends string>(values: readonly T[], what: string, d?: string): EnumNode<T> => ({
  k: 'enum',
  values,
  what,
  d,
});
/** Plain text, or a map of translations: `{ "en": "Baby massage", "cy": "Tylino babanod" }`. */
export const text = (d?: string): Node<Text> => ({ k: 'text', d });
/** An absolute `https:`, `http:`, `tel:` or `mailto:` address. */
export const link = (d?: string): Node<string> => ({ k: 'link', d });
export const arr = <T>(of: Node<T>, min?: number, d?: string): ArrNode<T> => ({ k: 'arr', of, min, d });
/** A top-level collection: each bad item is skipped and reported; the good ones are kept. */
export const list = <T>(of: Node<T>, d?: string): ArrNode<T> => ({ k: 'list', of, d });
/** A value that is ignored (with a warning) rather than failing the item that holds it. */
export const lax = <T>(of: Node<T>): LaxNode<T> => ({ k: 'lax', of });
/** The id of an entry in the top-level list `to`; an unknown id is a warning and is ignored. */
export const ref = (to: string, d?: string): RefNode => ({ k: 'ref', to, d });
export function opt<T>(node: Node<T>): Field<T>;
export function opt<T>(node: Node<T>, def: Exclude<T, undefined>): DefaultedField<T>;
export function opt<T>(node: Node<T>, def?: T): Field<T> {
  return def === undefined ? { node, optional: true } : { node, optional: true, def };
}
export const obj = <S extends Shape>(
  shape: S,
  refine?: ObjNode<ObjOf<S>>['refine'],
  d?: string,
): ObjNode<ObjOf<S>> => ({ k: 'obj', shape, refine, d });

export const fieldOf = (f: Node | Field): Field => ('node' in f ? (f as Field) : { node: f as Node, optional: false });

// ---------------------------------------------------------------------------------------------
// Messages

/** "a, b or c" */
export const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/** A value as an editor would recognise it in their file, shortened. */
export const quote = (value: unknown): string => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const kindOf = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : typeof v === 'string'
          ? 'text'
          : `a ${typeof v}`;

const expected: Record<string, string> = {
  str: 'text',
  text: 'text, or a map of translations like { "en": "…", "cy": "…" }',
  link: 'a web, phone or email address',
  num: 'a number',
  bool: 'true or false',
  arr: 'a list ([ … ])',
  list: 'a list ([ … ])',
  obj: 'an object ({ … })',
  ref: 'an id',
};

// ---------------------------------------------------------------------------------------------
// The interpreter

/** Marks a value that failed. */
export const BAD: unique symbol = Symbol('bad');
/** Language tags (BCP 47, loosely): en, en-GB, pa-Guru, zh-Hant-TW. */
export const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Ids: lower-case letters, digits, hyphens and underscores. */
export const ID_RE = /^[a-z0-9][a-z0-9_-]*$/;

/** See `url.ts`: every link reaches the DOM through it. */
export { safeUrl };

/** A reference to resolve once every list is read. */
export interface PendingRef {
  to: string;
  id: string;
  path: string;
  /** Removes the reference from the item that holds it. */
  drop: () => void;
}
export interface Ctx {
  issues: FeedIssue[];
  refs: PendingRef[];
}

const join = (path: string, key: string | number) =>
  typeof key == 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/** Is `path` the same as, or inside, `prefix`? */
const under = (path: string, prefix: string) =>
  path == prefix || path.startsWith(prefix + '.') || path.startsWith(prefix + '[');
/** Forgets the references found inside a value that was dropped. */
const forget = (ctx: Ctx, prefix: string) => {
  ctx.refs = ctx.refs.filter((r) => !under(r.path, prefix));
};
/** Lets the reference just read at `path`, if any, remove itself from its holder. */
const bindDrop = (ctx: Ctx, path: string, drop: () => void) => {
  const last = ctx.refs[ctx.refs.length - 1];
  if (last && last.path == path) last.drop = drop;
};

/**
 * Checks the items of an array or list, yielding between items so a long top-level list can be
 * read across several tasks. In a list each bad item is skipped (and a repeated id is an error);
 * in a plain array one bad item fails the whole array.
 */
export function* checkItems(node: ArrNode, value: unknown[], path: string, ctx: Ctx): Generator<void, unknown> {
  const out: unknown[] = [];
  const ids = new Map<unknown, string>();
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const p = join(path, i);
    let got = check(node.of, value[i], p, ctx);
    const itemId = node.k == 'list' && got !== BAD && (got as { id?: unknown }).id;
    if (itemId && ids.has(itemId)) {
      ctx.issues.push({
        path: join(p, 'id'),
        message: `${quote(itemId)} is already the id of ${ids.get(itemId)}; ids must be unique, so this entry was skipped`,
        severity: 'error',
      });
      got = BAD;
    } else if (itemId) ids.set(itemId, p);
    if (got === BAD) {
      if (node.k == 'list') forget(ctx, p);
      else ok = false;
    } else if (got !== undefined) {
      out.push(got);
      bindDrop(ctx, p, () => out.splice(out.indexOf(got), 1));
    }
    if (node.k == 'list' && i % 25 == 24) yield;
  }
  if (!ok) return BAD;
  if (node.min && out.length < node.min) {
    ctx.issues.push({
      path,
      message: `needs at least ${node.min} ${node.min == 1 ? 'entry' : 'entries'}`,
      severity: 'error',
    });
    return BAD;
  }
  return out;
}

const drainList = (node: ArrNode, value: unknown[], path: string, ctx: Ctx): unknown => {
  const work = checkItems(node, value, path, ctx);
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
  }
};

/**
 * Checks `value` against `node`. Returns the cleaned value (unknown fields removed, defaults
 * applied), `undefined` for a lax value that was ignored, or `BAD` after adding an issue for
 * every problem found.
 */
export function check(node: Node, value: unknown, path: string, ctx: Ctx): unknown {
  const fail = (message: string) => {
    ctx.issues.push({ path, message, severity: 'error' });
    return BAD;
  };
  const wrongType = () => fail(`should be ${expected[node.k]}, not ${kindOf(value)}`);
  switch (node.k) {
    case 'str':
    case 'ref': {
      if (typeof value != 'string') return wrongType();
      const n = node as Omit<StrNode, 'k'> & Partial<Omit<RefNode, 'k'>>;
      const v = value.trim();
      if (!v) return fail('is empty');
      if (node.k == 'ref') {
        if (!ID_RE.test(v)) return fail(`${quote(v)} is not an id; ids use lower-case letters, digits and hyphens`);
        ctx.refs.push({ to: n.to!, id: v, path, drop: () => {} });
        return v;
      }
      if ((n.re && !n.re.test(v)) || (n.ok && !n.ok(v))) {
        return fail(`${quote(value)} is not ${n.what ?? 'allowed here'}${n.hint ? `; ${n.hint}` : ''}`);
      }
      return v;
    }
    case 'num': {
      const n = node as NumNode;
      if (typeof value != 'number' || !isFinite(value)) return wrongType();
      if (n.int && !Number.isInteger(value)) return fail(`${value} should be a whole number`);
      if (n.min != null && value < n.min) return fail(`${value} is too small; use ${n.min} or more`);
      if (n.max != null && value > n.max) return fail(`${value} is too large; use ${n.max} or less`);
      return value;
    }
    case 'bool':
      return typeof value == 'boolean' ? value : wrongType();
    case 'enum': {
      const n = node as EnumNode;
      if (typeof value == 'string' && n.values.includes(value.trim())) return value.trim();
      return fail(`${quote(value)} is not ${n.what}; use ${orList(n.values as string[])}`);
    }
    case 'text': {
      if (typeof value == 'string') return value.trim() ? value.trim() : fail('is empty');
      if (!value || typeof value != 'object' || Array.isArray(value)) return wrongType();
      const out: Record<string, string> = {};
      let ok = true;
      for (const [lang, t] of Object.entries(value)) {
        const p = join(path, lang);
        const problem = !LANG_RE.test(lang)
          ? `${quote(lang)} is not a language code; use codes like en, cy, ur or pa-Guru`
          : typeof t != 'string'
            ? `should be text, not ${kindOf(t)}`
            : !t.trim()
              ? 'is empty'
              : '';
        if (problem) {
          ok = false;
          ctx.issues.push({ path: p, message: problem, severity: 'error' });
        } else out[lang] = (t as string).trim();
      }
      if (!ok) return BAD;
      return Object.keys(out).length ? out : fail('has no translations; give at least one, like { "en": "…" }');
    }
    case 'link':
      if (typeof value != 'string') return wrongType();
      return (
        safeUrl(value) ??
        fail(`${quote(value)} is not a full, safe address; links must start with https://, http://, tel: or mailto:`)
      );
    case 'arr':
    case 'list': {
      if (!Array.isArray(value)) return wrongType();
      return drainList(node as ArrNode, value, path, ctx);
    }
    case 'lax': {
      const inner: Ctx = { issues: [], refs: ctx.refs };
      const got = check((node as LaxNode).of, value, path, inner);
      ctx.refs = inner.refs;
      if (got !== BAD) {
        ctx.issues.push(...inner.issues);
        return got;
      }
      for (const issue of inner.issues) {
        ctx.issues.push(
          issue.severity == 'error' ? { ...issue, message: `${issue.message} (ignored)`, severity: 'warning' } : issue,
        );
      }
      forget(ctx, path);
      return undefined;
    }
    case 'obj': {
      if (!value || typeof value != 'object' || Array.isArray(value)) return wrongType();
      const n = node as ObjNode;
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, { node: fnode, optional, def }] of (n.fields ??= Object.entries(n.shape).map(([k, f]) => [
        k,
        fieldOf(f),
      ]))) {
        const raw = (value as Record<string, unknown>)[key];
        const p = join(path, key);
        const got = raw == null ? undefined : check(fnode, raw, p, ctx);
        if (got === BAD) ok = false;
        else if (got !== undefined) {
          out[key] = got;
          bindDrop(ctx, p, () => delete out[key]);
        } else if (def !== undefined) out[key] = def;
        else if (raw == null && !optional) {
          ok = false;
          ctx.issues.push({ path: p, message: 'is missing; it is required', severity: 'error' });
        }
      }
      if (ok && n.refine) {
        n.refine(out, (sub, message) => {
          ok = false;
          ctx.issues.push({ path: sub ? join(path, sub) : path, message, severity: 'error' });
        });
      }
      return ok ? out : BAD;
    }
  }
}
