/**
 * A very small schema kit: the feed's shape is written once with these constructors
 * (`schema.ts`), and from that one description come
 *   - the TypeScript types (`Infer<typeof node>`, see `types.ts`),
 *   - the safety pass every page runs (`check()` below, through `safe.ts`): it keeps every good
 *     item, skips each bad one and records where and why in a few words of code, no sentences,
 *   - the editor's report (`explain.ts`), which turns those findings into sentences, loaded by a
 *     page only when the safety pass found something, and always by the checker and the CLI, and
 *   - the published JSON Schema (`json-schema.ts`, run at build time only).
 *
 * Why not a validation library: the feed must keep every good item of a list where libraries fail
 * the list as a whole, every message must be a sentence an editor can act on, and the code that
 * every page downloads must stay small; this interpreter is well under 1 KiB. The JSON Schema it
 * generates is held to the same verdicts as the interpreter by a differential test (Ajv).
 *
 * Every check here is linear in the size of the value, and every string has a length limit, so
 * no feed value can hold the page for long. Nodes are plain data; nothing here touches the DOM.
 */
import { EMAIL_RE, MAX_LINK, safeUrl } from './url.js';

/** See `url.ts`: every link reaches the DOM through `safeUrl`. */
export { EMAIL_RE, MAX_LINK, safeUrl };

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
  /** What kind of problem, for tools: `type`, `format`, `required`, `duplicate`, `rule`… (see `Code`). */
  code?: Code;
  /**
   * The item of a top-level list the problem is in, for people: its list, its position counting
   * from one, and its id and name as the feed wrote them (when it has them).
   */
  item?: { list: string; number: number; id?: string; name?: string; line?: number };
  /** The line of the problem in the feed's text (the editor tools set it, and the item's, from the text). */
  line?: number;
  /**
   * On the last issues only (code `more`, one for each part of the feed, its path the part's name; and
   * in the editor tools' reports, one for keys written twice past the first 1,000, with the path ''):
   * the problems found there past the first `MAX_ISSUES`, counted rather than reported one by one,
   * and how many items they skipped and values they ignored.
   */
  more?: More;
}

/** Problems past the first `MAX_ISSUES`: how many, the items they skipped, the values they ignored. */
export interface More {
  problems: number;
  items: number;
  ignored: number;
}

/**
 * What was wrong, in a word: the safety pass records these, and `explain.ts` turns them into
 * sentences. `beyond-schema` codes are rules the JSON Schema cannot state (see `json-schema.ts`).
 */
export type Code =
  | 'type'
  | 'empty'
  | 'invisible'
  | 'control'
  | 'long'
  | 'format'
  | 'enum'
  | 'number'
  | 'link'
  | 'required'
  | 'count'
  | 'deep'
  | 'lang'
  | 'duplicate'
  | 'unknown-ref'
  | 'rule'
  | 'duplicate-key'
  /** Reading the value threw: a getter or a Proxy in data a page gave (`value` is what it threw). */
  | 'read'
  /** The editor tools' own: a session the feed's calendars close on every date (`closedSessions`). */
  | 'closed'
  | 'more';

/** A problem as the safety pass records it: no sentence, only what `explain.ts` needs to write one. */
export interface Finding {
  path: string;
  code: Code;
  severity: 'error' | 'warning';
  /** The node whose check failed. */
  node?: Node;
  /** The value that failed (never serialised whole: see `preview`). */
  value?: unknown;
  /** More detail: the rule's key, the path of the first item with a repeated id, a list's name. */
  arg?: string;
  /** For code `more`: the problems counted, not recorded (see `spill`). */
  more?: More;
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
  /** Pattern the whole string must match (linear: no nested quantifiers). */
  re?: RegExp;
  /**
   * The pattern the JSON Schema publishes, when narrower than `re` because `ok` checks the rest with
   * its own sentence (a date's years).
   */
  schemaRe?: RegExp;
  /**
   * Further test (a real calendar date, a known time zone): true, or false, or the key of the
   * sentence that says what is wrong (see `explain.ts`).
   */
  ok?: (value: string) => boolean | string;
  /** What the value is, for messages ("a date"); its hint is in `explain.ts`. */
  what?: string;
  /** Longest value accepted, in characters (default `MAX_STR`). */
  max?: number;
  /** JSON Schema `format`, when one applies. */
  format?: string;
}
export interface NumNode extends Node<number> {
  k: 'num';
  min?: number;
  max?: number;
  int?: boolean;
  /** Exclusive maximum: the value must be below it. */
  lt?: number;
  /** Zero is not allowed (a day of the month counts 1, 2… from the start or -1 from the end). */
  nonzero?: boolean;
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
  /**
   * Checks across fields, run when every field is valid. `report(path, rule)` names the field and
   * the rule broken; the rule's sentence is in `explain.ts` (`RULES`).
   */
  refine?: (value: T, report: (path: string, rule: string) => void) => void;
}
export type Infer<N> = N extends Node<infer T> ? T : never;

/** Text in the feed's language, or a map of translations keyed by language tag. */
export type Text = string | { [lang: string]: string };

// ---------------------------------------------------------------------------------------------
// Limits a real feed never reaches; each has its own sentence when a feed does.

/** Longest plain string (an id, a street, a file name), in characters. */
export const MAX_STR = 500;
/** Longest text (a name, a description), in characters. */
export const MAX_TEXT = 20_000;
/** Most entries in a list inside an item (days, dates, phones) or inside the timeline (its stages). */
export const MAX_ENTRIES = 1_000;
/** Most translations of one text (a council serves a few dozen languages at most). */
export const MAX_LANGS = 100;
/** Deepest nesting of arrays and objects inside one item, counting the item itself as 1. */
export const MAX_DEPTH = 32;
/**
 * Most problems a check reports one by one: past them, each part's further problems are counted, and
 * one last issue a part says how many (`spill`). A real feed with more has one mistake made many
 * times (an import's column read wrongly), which the first thousand show; a feed of millions of bad
 * items would otherwise hold the page while each became an issue and a sentence.
 */
export const MAX_ISSUES = 1_000;

// ---------------------------------------------------------------------------------------------
// Constructors (marked free of side effects, so a bundle keeps only the nodes its elements read)

/**
 * Marks a description: kept for the JSON Schema and for readers of `schema.ts`, and replaced with
 * `undefined` in browser bundles by the build (see `vite.config.ts`), where nothing reads it.
 */
export const doc = (text: string): string | undefined => text;

/* @__NO_SIDE_EFFECTS__ */
export const str = (o: Omit<StrNode, 'k'> = {}): StrNode => ({ k: 'str', ...o });
/* @__NO_SIDE_EFFECTS__ */
export const num = (o: Omit<NumNode, 'k'> = {}): NumNode => ({ k: 'num', ...o });
/* @__NO_SIDE_EFFECTS__ */
export const bool = (d?: string): Node<boolean> => ({ k: 'bool', d });
/* @__NO_SIDE_EFFECTS__ */
export const oneOf = <const T extends string>(values: readonly T[], what: string, d?: string): EnumNode<T> => ({
  k: 'enum',
  values,
  what,
  d,
});
/** Plain text, or a map of translations: `{ "en": "Baby massage", "cy": "Tylino babanod" }`. */
/* @__NO_SIDE_EFFECTS__ */
export const text = (d?: string): Node<Text> => ({ k: 'text', d });
/** An absolute `https:`, `http:`, `tel:` or `mailto:` address. */
/* @__NO_SIDE_EFFECTS__ */
export const link = (d?: string): Node<string> => ({ k: 'link', d });
/* @__NO_SIDE_EFFECTS__ */
export const arr = <T>(of: Node<T>, min?: number, d?: string): ArrNode<T> => ({ k: 'arr', of, min, d });
/** A collection (a top-level list, the timeline's stages): each bad item is skipped and reported, the rest kept. */
/* @__NO_SIDE_EFFECTS__ */
export const list = <T>(of: Node<T>, d?: string): ArrNode<T> => ({ k: 'list', of, d });
/** A value that is ignored (with a warning) rather than failing the item that holds it. */
/* @__NO_SIDE_EFFECTS__ */
export const lax = <T>(of: Node<T>): LaxNode<T> => ({ k: 'lax', of });
/** The id of an entry in the top-level list `to`; an unknown id is a warning and is ignored. */
/* @__NO_SIDE_EFFECTS__ */
export const ref = (to: string, d?: string): RefNode => ({ k: 'ref', to, d });
export function opt<T>(node: Node<T>): Field<T>;
export function opt<T>(node: Node<T>, def: Exclude<T, undefined>): DefaultedField<T>;
/* @__NO_SIDE_EFFECTS__ */
export function opt<T>(node: Node<T>, def?: T): Field<T> {
  return def === undefined ? { node, optional: true } : { node, optional: true, def };
}
/* @__NO_SIDE_EFFECTS__ */
export const obj = <S extends Shape>(
  shape: S,
  refine?: ObjNode<ObjOf<S>>['refine'],
  d?: string,
): ObjNode<ObjOf<S>> => ({ k: 'obj', shape, refine, d });

export const fieldOf = (f: Node | Field): Field => ('node' in f ? (f as Field) : { node: f as Node, optional: false });

/** An object node's fields, normalised once. */
export const fieldsOf = (n: ObjNode): [string, Field][] =>
  (n.fields ??= Object.entries(n.shape).map(([k, f]) => [k, fieldOf(f)]));

// ---------------------------------------------------------------------------------------------
// Text and links

/** Language tags (BCP 47, loosely): en, en-GB, pa-Guru, zh-Hant-TW. */
export const LANG_RE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Ids: lower-case letters, digits, hyphens and underscores. */
export const ID_RE = /^[a-z0-9][a-z0-9_-]*$/;
/**
 * Control characters (other than tab, line feed and carriage return) and lone surrogates: never
 * part of real text, and forbidden in calendar files. The JSON Schema uses the same source.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_RE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]|\p{Cs}/u;
/** Characters that show nothing: spaces, format characters (zero-width, direction marks), fillers, selectors. */
export const INVISIBLE =
  String.raw`[\p{White_Space}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F` +
  String.raw`\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]`;
// eslint-disable-next-line no-misleading-character-class -- lone combining and filler marks are what it finds
export const INVISIBLE_RE = new RegExp(`^${INVISIBLE}*$`, 'u');
/** A value as an editor would recognise it in their file, shortened; never walks into it. */
export const preview = (value: unknown): string => {
  if (typeof value == 'string') {
    const s = JSON.stringify(value.length > 60 ? value.slice(0, 57) : value);
    return value.length > 60 ? `${s.slice(0, -1)}…"` : s;
  }
  if (value === null || typeof value != 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
};

// ---------------------------------------------------------------------------------------------
// The interpreter

/** Marks a value that failed. */
export const BAD: unique symbol = Symbol('bad');

/** A reference to resolve once every list is read. */
export interface PendingRef {
  to: string;
  id: string;
  path: string;
  /** Removes the reference from the item that holds it. */
  drop: () => void;
}
export interface Ctx {
  findings: Finding[];
  refs: PendingRef[];
  /**
   * The problems past `MAX_ISSUES`, counted by part (`spill`): the safety pass's own context has it,
   * and shares it with a lax value's inner one.
   */
  more?: Record<string, Finding & { more: More }>;
  /** A lax value's inner context: how many findings its outer ones held when it began. */
  before?: number;
}

/** The count, past `MAX_ISSUES`, of the part of the feed `path` is in (its first name: what `lost.ts` reads). */
const tally = (more: NonNullable<Ctx['more']>, path: string) => {
  const part = path.split(/[.[]/)[0];
  return (more[part] ??= {
    path: part,
    code: 'more',
    severity: 'warning',
    more: { problems: 0, items: 0, ignored: 0 },
  });
};

/**
 * Past the first `MAX_ISSUES` findings, counts the rest by part instead of keeping them: how many
 * problems, and how many values they ignored (`checkItems` counts the items they skipped). With
 * `room`, only once the findings are that many more than `MAX_ISSUES`.
 */
export const spill = (ctx: Ctx, room = 0): void => {
  const { findings, more } = ctx;
  if (!more || findings.length <= MAX_ISSUES + room) return;
  for (let i = MAX_ISSUES; i < findings.length; i++) {
    const m = tally(more, findings[i].path);
    m.more.problems++;
    if (findings[i].severity == 'warning') m.more.ignored++;
    else m.severity = 'error';
  }
  findings.length = MAX_ISSUES;
};

export const join = (path: string, key: string | number): string =>
  typeof key == 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * Forgets the references found inside a value that was dropped: those found since it began (`mark`,
 * the count then), as references are found in order. (Each dropped item once looked through every
 * reference found so far: 500 bad stages after 200 with 1,000 references each took 40 s.)
 */
const forget = (ctx: Ctx, mark: number) => {
  ctx.refs.length = mark;
};
/** Lets the reference just read at `path`, if any, remove itself from its holder. */
const bindDrop = (ctx: Ctx, path: string, drop: () => void) => {
  const last = ctx.refs[ctx.refs.length - 1];
  if (last && last.path == path) last.drop = drop;
};

/** Whether arrays and objects nest deeper than `limit` inside `value` (no recursion, stops early). */
export const tooDeep = (value: unknown, limit = MAX_DEPTH): boolean => {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v != 'object') continue;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child && typeof child == 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
};

/**
 * Feed text, trimmed, with Unicode's explicit direction controls made safe: embeddings and overrides
 * (only ever needed by old software; an override only spoofs) are taken out, and isolates are kept
 * only where each closes in order (else they are taken out too). So no text reorders itself or what
 * follows it on the page ("Call \u202E(free)" drew the number backwards), while a number an Urdu text
 * isolates (LRI … PDI) keeps its order.
 */
const clean = (text: string): string => {
  const v = text.replace(/[\u202A-\u202E]/g, '').trim();
  let open = 0;
  for (const c of v)
    if (c >= '\u2066' && c <= '\u2068') open++;
    else if (c == '\u2069' && --open < 0) break;
  return open ? v.replace(/[\u2066-\u2069]/g, '') : v;
};

/** Whether a value is a text left blank: a string of nothing but spaces or invisible characters. */
const blank = (v: unknown): boolean => typeof v == 'string' && INVISIBLE_RE.test(v);
const isRecord = (v: unknown): v is object => !!v && typeof v == 'object' && !Array.isArray(v);

/** The problem with a string as text, if any: empty, only invisible characters, control characters, too long. */
const textProblem = (v: string, max: number): Code | undefined =>
  !v
    ? 'empty'
    : v.length > max && [...v].length > max
      ? 'long'
      : CONTROL_RE.test(v)
        ? 'control'
        : INVISIBLE_RE.test(v)
          ? 'invisible'
          : undefined;

/**
 * Checks the items of an array or list, yielding every 32 items, so a long list can be read across
 * several tasks, wherever it is: at the top of the feed, inside the timeline (its stages), inside
 * an item. In a list each bad item is skipped (and a repeated id is an error); in a plain array one
 * bad item fails the whole array.
 */
export function* checkItems(node: ArrNode, value: unknown[], path: string, ctx: Ctx): Generator<void, unknown> {
  const out: unknown[] = [];
  const ids = new Map<unknown, string>();
  const isList = node.k == 'list';
  let ok = true;
  for (let i = 0; i < value.length; i++) {
    const p = join(path, i);
    // An item of a list whose problems all come past the first MAX_ISSUES, and are counted: it is
    // counted too (an entry of a plain array is no item: its array fails).
    const past = isList && ctx.more && ctx.findings.length + (ctx.before ?? 0) >= MAX_ISSUES;
    const mark = ctx.refs.length;
    let got: unknown;
    // Data a page gave may throw when read (a getter, a Proxy): its item is skipped, as any bad item (`explain.ts`
    // finds the value that threw). One try per item, none per value: reading stays as fast.
    try {
      got = isList && tooDeep(value[i]) ? report(ctx, node, p, 'deep') : yield* check(node.of, value[i], p, ctx);
    } catch (e) {
      got = report(ctx, node, p, 'read', e);
    }
    const itemId = isList && got !== BAD && (got as { id?: unknown }).id;
    if (itemId && ids.has(itemId)) got = report(ctx, node, join(p, 'id'), 'duplicate', itemId, ids.get(itemId));
    else if (itemId) ids.set(itemId, p);
    if (got === BAD) {
      if (past) tally(ctx.more!, path).more.items++;
      if (isList) forget(ctx, mark);
      else ok = false;
    } else if (got !== undefined) {
      out.push(got);
      bindDrop(ctx, p, () => out.splice(out.indexOf(got), 1));
    }
    // In batches: findings cut one at a time would have the array's storage shrunk and regrown each time.
    spill(ctx, MAX_ISSUES);
    if (i % 32 == 31) yield;
  }
  if (!ok) return BAD;
  return node.min && out.length < node.min ? report(ctx, node, path, 'count', value) : out;
}

/** Records a finding; returns `BAD`. */
const report = (ctx: Ctx, node: Node, path: string, code: Code, value?: unknown, arg?: string): typeof BAD => {
  ctx.findings.push({ path, code, severity: 'error', node, value, arg });
  return BAD;
};

/**
 * Checks `value` against `node`. Returns the cleaned value (unknown fields removed, defaults
 * applied, text trimmed), `undefined` for a lax value that was ignored, or `BAD` after recording
 * a finding for every problem found. A generator: it yields within lists (`checkItems`), so that
 * nothing (2,400,000 stages, a stage of 1,000 messages in a timeline of 1,000) is read in one task.
 */
export function* check(node: Node, value: unknown, path: string, ctx: Ctx): Generator<void, unknown> {
  const fail = (code: Code, arg?: string, at = path, v = value): typeof BAD => report(ctx, node, at, code, v, arg);
  switch (node.k) {
    case 'str':
    case 'ref': {
      if (typeof value != 'string') return fail('type');
      const n = node as StrNode;
      const v = clean(value);
      const problem = textProblem(v, node.k == 'ref' ? 100 : (n.max ?? MAX_STR));
      if (problem) return fail(problem);
      if (node.k == 'ref') {
        if (!ID_RE.test(v)) return fail('format');
        ctx.refs.push({ to: (node as RefNode).to, id: v, path, drop: () => {} });
        return v;
      }
      const ok = n.re && !n.re.test(v) ? false : n.ok ? n.ok(v) : true;
      return ok === true ? v : fail('format', ok || undefined);
    }
    case 'num': {
      const n = node as NumNode;
      if (typeof value != 'number' || !isFinite(value)) return fail('type');
      if (
        (n.int && !Number.isInteger(value)) ||
        (n.min != null && value < n.min) ||
        (n.max != null && value > n.max) ||
        (n.lt != null && value >= n.lt) ||
        (n.nonzero && value == 0)
      ) {
        return fail('number');
      }
      return value;
    }
    case 'bool':
      return typeof value == 'boolean' ? value : fail('type');
    case 'enum': {
      const n = node as EnumNode;
      const v = typeof value == 'string' && value.trim();
      return v !== false && n.values.includes(v) ? v : fail('enum');
    }
    case 'text': {
      if (typeof value == 'string') {
        const v = clean(value);
        const problem = textProblem(v, MAX_TEXT);
        return problem ? fail(problem) : v;
      }
      if (!value || typeof value != 'object' || Array.isArray(value)) return fail('type');
      // A translation left empty (null) is absent, like any field.
      const entries = Object.entries(value).filter(([, t]) => t != null);
      // More than MAX_LANGS: one finding, not one per language (thousands of bad keys are no translation).
      if (entries.length > MAX_LANGS) return fail('count');
      const out: Record<string, string> = {};
      let ok = true;
      for (const [lang, t] of entries) {
        const p = join(path, lang);
        const v = typeof t == 'string' ? clean(t) : '';
        const code = !LANG_RE.test(lang) || lang.length > 35;
        // A translation left blank (a spreadsheet's empty column) is ignored, with a warning: the others show.
        if (!code && blank(t)) {
          ctx.findings.push({ path: p, code: v ? 'invisible' : 'empty', severity: 'warning', node, value: t });
          continue;
        }
        const problem = code ? 'lang' : typeof t != 'string' ? 'type' : textProblem(v, MAX_TEXT);
        if (problem) {
          ok = false;
          fail(problem, lang, p, t);
        } else out[lang] = v;
      }
      if (!ok) return BAD;
      return Object.keys(out).length ? out : fail('empty');
    }
    case 'link':
      if (typeof value != 'string') return fail('type');
      return safeUrl(value) ?? fail(value.length > MAX_LINK ? 'long' : 'link');
    case 'arr':
    case 'list': {
      if (!Array.isArray(value)) return fail('type');
      // A list inside an item or inside the timeline (its stages) has at most MAX_ENTRIES entries, a limit
      // no real feed reaches: 2,400,000 stages that were numbers were 2,400,000 problems to gather.
      return value.length > MAX_ENTRIES ? fail('count') : yield* checkItems(node as ArrNode, value, path, ctx);
    }
    case 'lax': {
      // Its own findings, to be ignored with it; but its problems past the first MAX_ISSUES are counted as any are.
      const inner: Ctx = { ...ctx, findings: [], before: ctx.findings.length + (ctx.before ?? 0) };
      const mark = ctx.refs.length;
      const got = yield* check((node as LaxNode).of, value, path, inner);
      // One by one: a spread of many findings would overflow the stack.
      for (const f of inner.findings) ctx.findings.push(got === BAD ? { ...f, severity: 'warning' } : f);
      if (got !== BAD) return got;
      // A part ignored as a whole (the timeline): its problems past the first MAX_ISSUES are values ignored.
      const more = ctx.more?.[path];
      if (more) [more.severity, more.more.ignored, more.more.items] = ['warning', more.more.problems, 0];
      forget(ctx, mark);
      return undefined;
    }
    case 'obj': {
      if (!value || typeof value != 'object' || Array.isArray(value)) return fail('type');
      const n = node as ObjNode;
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, { node: fnode, optional, def }] of fieldsOf(n)) {
        const raw = Object.prototype.hasOwnProperty.call(value, key)
          ? (value as Record<string, unknown>)[key]
          : undefined;
        const p = join(path, key);
        // An optional text left blank (`""`, spaces, a spreadsheet's empty cell) is ignored, with a warning:
        // the item shows without it, as without the field.
        const ignored =
          optional &&
          (blank(raw) ||
            (fnode.k == 'text' && isRecord(raw) && Object.values(raw).every((t) => t == null || blank(t))));
        if (ignored) {
          const code = typeof raw == 'string' && raw.trim() ? 'invisible' : 'empty';
          ctx.findings.push({ path: p, code, severity: 'warning', node: fnode, value: raw });
        }
        const got = raw == null || ignored ? undefined : yield* check(fnode, raw, p, ctx);
        if (got === BAD) ok = false;
        else if (got !== undefined) {
          out[key] = got;
          bindDrop(ctx, p, () => delete out[key]);
        } else if (def !== undefined) out[key] = def;
        else if (raw == null && !optional) {
          ok = false;
          fail('required', undefined, p, undefined);
        }
      }
      if (ok && n.refine) {
        n.refine(out, (sub, rule) => {
          ok = false;
          fail('rule', rule, sub ? join(path, sub) : path, out);
        });
      }
      return ok ? out : BAD;
    }
  }
}
