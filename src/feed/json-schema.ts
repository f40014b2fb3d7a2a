/**
 * Turns the feed's schema nodes into a JSON Schema (draft 2020-12). Build-time only: run by
 * `npm run schema`, which writes `schema/feed.schema.json`; not part of the browser bundle.
 */
import { feedSchema } from './schema.js';
import {
  fieldOf,
  ID_RE,
  type ArrNode,
  type EnumNode,
  type LaxNode,
  type Node,
  type NumNode,
  type ObjNode,
  type RefNode,
  type StrNode,
} from './shape.js';

type Json = Record<string, unknown>;

export function toJsonSchema(node: Node): Json {
  const d = node.d ? { description: node.d } : {};
  switch (node.k) {
    case 'str': {
      const n = node as StrNode;
      const hint = n.hint
        ? { description: [n.d, `${n.what?.replace(/^an? /, '')}: ${n.hint}.`].filter(Boolean).join(' ') }
        : d;
      return {
        type: 'string',
        minLength: 1,
        ...(n.re && { pattern: n.re.source }),
        ...(n.format && { format: n.format }),
        ...hint,
      };
    }
    case 'ref':
      return {
        type: 'string',
        pattern: ID_RE.source,
        description: node.d ?? `The id of an entry in ${(node as RefNode).to}.`,
      };
    case 'num': {
      const n = node as NumNode;
      return {
        type: n.int ? 'integer' : 'number',
        ...(n.min != null && { minimum: n.min }),
        ...(n.max != null && { maximum: n.max }),
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
      return { type: 'array', items: toJsonSchema(n.of), ...(n.min && { minItems: n.min }), ...d };
    }
    case 'lax':
      return toJsonSchema((node as LaxNode).of);
    case 'obj': {
      const n = node as ObjNode;
      const properties: Json = {};
      const required: string[] = [];
      for (const [key, f] of Object.entries(n.shape)) {
        const field = fieldOf(f);
        properties[key] = { ...toJsonSchema(field.node), ...(field.def !== undefined && { default: field.def }) };
        if (!field.optional) required.push(key);
      }
      return { type: 'object', properties, ...(required.length && { required }), ...d };
    }
  }
}

/** The published JSON Schema of the feed. */
export function feedJsonSchema(): Json {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'imh-widgets feed',
    ...toJsonSchema(feedSchema),
    $defs: {
      text: {
        description: 'Text in the feed language, or a map of translations keyed by language tag.',
        anyOf: [
          { type: 'string', minLength: 1 },
          {
            type: 'object',
            minProperties: 1,
            propertyNames: { pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
            additionalProperties: { type: 'string', minLength: 1 },
          },
        ],
      },
      link: {
        description: 'An absolute https:, http:, tel: or mailto: address.',
        type: 'string',
        pattern: '^(https?://[^\\s/?#]+|tel:|mailto:)',
      },
    },
  };
}
