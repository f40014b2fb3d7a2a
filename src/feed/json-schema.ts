/**
 * Turns the feed's schema nodes into a JSON Schema (draft 2020-12). Build-time only: run by
 * `npm run schema`, which writes `schema/feed.schema.json`; not part of the browser bundle.
 *
 * The JSON Schema and the validator agree (a differential test over generated mutations holds them
 * to it), with two normalisations the schema states at its top: a field whose value is `null` is
 * read as absent, and spaces around text are ignored. A few rules no JSON Schema can state are
 * the validator's alone (`beyondSchema` lists them): ids unique in their list, references to ids
 * that exist, rules across fields, real time zones, hosts a URL parser accepts, nesting depth.
 */
import { HINTS } from './explain.js';
import { feedSchema } from './schema.js';
import {
  fieldOf,
  ID_RE,
  INVISIBLE,
  LANG_RE,
  MAX_ENTRIES,
  MAX_LANGS,
  MAX_STR,
  MAX_TEXT,
  type ArrNode,
  type EnumNode,
  type Finding,
  type LaxNode,
  type Node,
  type NumNode,
  type ObjNode,
  type StrNode,
} from './shape.js';
import { LINK_RE, MAX_LINK } from './url.js';

type Json = Record<string, unknown>;

/**
 * Text as the JSON Schema states it (with Unicode patterns): something visible, and no control
 * character or lone surrogate. The validator checks the same in parts (`shape.ts`), for a sentence each.
 * Here, not beside those checks, because it is a tagged template, which a bundle keeps even unused.
 */
const TEXT_PATTERN = String.raw`^(?!${INVISIBLE}*$)[^\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cs}]*$`;

const text = (max: number): Json => ({ type: 'string', minLength: 1, maxLength: max, pattern: TEXT_PATTERN });

/**
 * The JSON Schema of `node`, `depth` levels inside the feed (0 for the feed itself): a list at the
 * top of the feed (sessions, services) is read in slices and may be as long as it likes; a list or
 * array inside anything else has at most `MAX_ENTRIES` entries.
 */
export function toJsonSchema(node: Node, depth = 0): Json {
  const d = node.d ? { description: node.d } : {};
  switch (node.k) {
    case 'str': {
      const n = node as StrNode;
      const h = n.what && HINTS[n.what];
      const hint = h ? { description: [n.d, `${n.what?.replace(/^an? /, '')}: ${h}.`].filter(Boolean).join(' ') } : d;
      const re = n.schemaRe ?? n.re;
      return {
        ...text(n.max ?? MAX_STR),
        ...(re && { allOf: [{ pattern: re.source }] }),
        ...(n.format && { format: n.format }),
        ...hint,
      };
    }
    case 'ref':
      return {
        ...text(100),
        allOf: [{ pattern: ID_RE.source }],
        description: node.d ?? `The id of an entry in ${(node as { to?: string }).to}.`,
      };
    case 'num': {
      const n = node as NumNode;
      return {
        type: n.int ? 'integer' : 'number',
        ...(n.min != null && { minimum: n.min }),
        ...(n.max != null && { maximum: n.max }),
        ...(n.lt != null && { exclusiveMaximum: n.lt }),
        ...(n.nonzero && { not: { const: 0 } }),
        ...d,
      };
    }
    case 'bool':
      return { type: 'boolean', ...d };
    case 'enum':
      return { enum: [...(node as EnumNode).values], ...d };
    case 'text':
      return { $ref: '#/$defs/text', ...d };
    case 'link':
      return { $ref: '#/$defs/link', ...d };
    case 'arr':
    case 'list': {
      const n = node as ArrNode;
      return {
        type: 'array',
        items: toJsonSchema(n.of, depth + 1),
        ...(n.min && { minItems: n.min }),
        ...((n.k == 'arr' || depth > 1) && { maxItems: MAX_ENTRIES }),
        ...d,
      };
    }
    case 'lax':
      return toJsonSchema((node as LaxNode).of, depth);
    case 'obj': {
      const n = node as ObjNode;
      const properties: Json = {};
      const required: string[] = [];
      for (const [key, f] of Object.entries(n.shape)) {
        const field = fieldOf(f);
        properties[key] = {
          ...toJsonSchema(field.node, depth + 1),
          ...(field.def !== undefined && { default: field.def }),
        };
        if (!field.optional) required.push(key);
      }
      return { type: 'object', properties, ...(required.length && { required }), ...d };
    }
  }
}

/**
 * Whether a finding is one of the rules a JSON Schema cannot state, so the schema accepts what the
 * validator reports: repeated ids, unknown references, rules across fields, nesting depth, time
 * zones that do not exist, and addresses whose host a URL parser refuses.
 */
export function beyondSchema(f: Finding): boolean {
  if (['duplicate', 'unknown-ref', 'rule', 'deep', 'duplicate-key'].includes(f.code)) return true;
  const n = f.node as StrNode | undefined;
  if (f.code == 'format' && n?.k == 'str' && n.ok && !n.format && (!n.re || n.re.test(String(f.value).trim()))) {
    return true; // a real time zone
  }
  return f.code == 'link' && LINK_RE.test(String(f.value).trim());
}

/** The published JSON Schema of the feed. */
export function feedJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'imh-widgets feed',
    ...toJsonSchema(feedSchema),
    $comment:
      'Readers read a field whose value is null as absent, and ignore spaces around text; this schema describes ' +
      'a feed after those two steps. Readers also take Unicode direction embeddings and overrides ' +
      '(U+202A to U+202E) out of text, and isolates (U+2066 to U+2069) unless each closes in order, without a ' +
      'report. Patterns use Unicode property escapes (the "u" flag).',
    $defs: {
      text: {
        description: 'Text in the feed language, or a map of translations keyed by language tag.',
        anyOf: [
          text(MAX_TEXT),
          {
            type: 'object',
            minProperties: 1,
            maxProperties: MAX_LANGS,
            propertyNames: { pattern: LANG_RE.source, maxLength: 35 },
            additionalProperties: text(MAX_TEXT),
          },
        ],
      },
      link: {
        description:
          'An absolute https: or http: address (with no user name or password), a tel: phone number, or a ' +
          'mailto: address with at most a subject.',
        type: 'string',
        maxLength: MAX_LINK,
        pattern: LINK_RE.source,
      },
    },
  };
}
