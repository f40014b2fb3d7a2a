/**
 * Another imh-widgets feed as a source: a partner's feed, or a region's, whose places,
 * organisations, sessions and services join this one and follow it on each import (updated,
 * added and removed as it changes). Its items are checked with the feed's own validation: an item
 * it would skip is skipped here and reported with its path and line; a value it would ignore is
 * left out and reported. Its timeline is not imported (a timeline is one publisher's own).
 */
import type { Source } from '../feed/types.js';
import { formatIssue, validateFeed } from '../feed/validate.js';
import { locateJsonError } from '../feed/json-locate.js';
import type { FeedIssue } from '../feed/shape.js';
import { decodeBytes, slugify } from './common.js';
import { nameOf, removeValueAt } from './merge.js';
import { ONE } from './report.js';
import type { ImportOptions, ImportResult, RecordReport, SourceNote } from './types.js';

type Json = Record<string, unknown>;
const LISTS = ['places', 'organisations', 'sessions', 'services'] as const;

const isObject = (v: unknown): v is Json => !!v && typeof v == 'object' && !Array.isArray(v);

/** The line (1-based) where an item with this id is written, found by its `"id": "…"`. */
function lineOfId(text: string, id: string, from: number): { line?: number; at: number } {
  const re = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  if (!m) return { at: from };
  let line = 1;
  for (let i = 0; i < m.index; i++) if (text.charCodeAt(i) == 10) line++;
  return { line, at: m.index + 1 };
}

/** Imports the items of another imh-widgets feed. */
export async function importFeed(input: Uint8Array | string, options: ImportOptions): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const address = /^https?:\/\//i.test(options.name) ? options.name : undefined;
  const where = address
    ? address.replace(/^https?:\/\//i, '').replace(/[?#].*$/, '')
    : options.name.replace(/^.*[\\/]/, '');
  const source: Source = {
    id: `feed-${slugify(where, 50) || 'source'}`,
    kind: 'feed',
    imported: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    ...(address ? { url: address } : { file: options.name.replace(/^.*[\\/]/, '') }),
  };
  const notes: SourceNote[] = [];
  const records: RecordReport[] = [];
  const report = {
    format: 'feed' as const,
    detected: 'an imh-widgets feed',
    source: options.name,
    records,
    notes,
  };
  const decoded = decodeBytes(input);
  if (decoded.note) notes.push({ level: 'info', message: decoded.note });
  const text = decoded.text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text);
    return {
      feed: {},
      source,
      report: {
        ...report,
        failed: `It is not valid JSON${
          at ? ` at line ${at.line}, column ${at.column}: expected ${at.expected}` : ` (${(e as Error).message})`
        }.`,
      },
    };
  }
  let issues: FeedIssue[];
  try {
    issues = validateFeed(raw).issues;
  } catch (e) {
    // "The feed has no "version". …": the whole file cannot be used.
    return { feed: {}, source, report: { ...report, failed: (e as Error).message } };
  }
  const feed = raw as Json;
  if (typeof feed.publisher == 'object' && feed.publisher && isObject(feed.publisher)) {
    const name = nameOf(feed.publisher);
    if (name) source.name = name;
  }
  const out: ImportResult['feed'] = {};
  if (typeof feed.timeZone == 'string') out.timeZone = feed.timeZone;

  // Issues by the top-level item they are in: an error skips the item, a warning drops the value.
  const byItem = new Map<string, FeedIssue[]>();
  for (const issue of issues) {
    const m = /^(\w+)\[(\d+)\]/.exec(issue.path);
    const k = m ? `${m[1]}[${m[2]}]` : (/^\w+/.exec(issue.path)?.[0] ?? '');
    byItem.set(k, [...(byItem.get(k) ?? []), issue]);
  }

  let searchFrom = 0;
  for (const list of LISTS) {
    const items = Array.isArray(feed[list]) ? (feed[list] as unknown[]) : [];
    const kept: Json[] = [];
    items.forEach((item, i) => {
      const path = `${list}[${i}]`;
      const problems = byItem.get(path) ?? [];
      const id = isObject(item) && typeof item.id == 'string' ? item.id : undefined;
      const found = id ? lineOfId(text, id, searchFrom) : { at: searchFrom };
      searchFrom = found.at;
      const record: RecordReport = {
        outcome: 'imported',
        name: isObject(item) ? nameOf(item) : path,
        at: { source: options.name, ...(found.line ? { line: found.line } : {}), ...(id ? { id } : {}) },
        items: [],
        notes: [],
      };
      records.push(record);
      if (!isObject(item) || problems.some((p) => p.severity == 'error')) {
        record.outcome = 'skipped';
        record.notes = problems
          .filter((p) => p.severity == 'error')
          .map((p) => ({ field: p.path.slice(path.length + 1) || undefined, message: `Skipped: ${p.message}.` }));
        if (!record.notes.length) record.notes.push({ message: `Skipped: ${path} is not an object.` });
        return;
      }
      const copy = structuredClone(item);
      for (const p of problems.slice().reverse()) {
        removeValueAt(copy, p.path.slice(path.length));
        record.notes.push({
          field: p.path.slice(path.length + 1),
          message: `${p.message.replace(/ \(ignored\)$/, '')}; it was left out.`,
        });
      }
      if (record.notes.length) record.outcome = 'imported-with-losses';
      copy.source = { ref: source.id, id: String(copy.id) };
      kept.push(copy);
      record.items.push({ list, id: String(copy.id) });
    });
    if (kept.length) out[list] = kept;
  }
  for (const part of ['termDates', 'bankHolidays'] as const) {
    if (!isObject(feed[part])) continue;
    const problems = byItem.get(part) ?? [];
    if (problems.length) {
      notes.push({
        level: 'warning',
        message: `Its ${part == 'termDates' ? 'term dates are' : 'bank holidays are'} not imported: ${problems
          .map(formatIssue)
          .join('; ')}.`,
      });
      continue;
    }
    out[part] = { ...(feed[part] as Json), source: { ref: source.id } };
  }
  if (isObject(feed.timeline)) {
    notes.push({
      level: 'info',
      message:
        'Its timeline is not imported: a timeline is its publisher’s own. Add local stages to your feed by hand.',
    });
  }
  const counts = LISTS.map((l) => [l, out[l]?.length ?? 0] as const).filter(([, n]) => n);
  notes.push({
    level: 'info',
    message: counts.length
      ? `Read ${counts.map(([l, n]) => `${n} ${n == 1 ? ONE[l] : l}`).join(', ')}.`
      : 'It has no places, organisations, sessions or services.',
  });
  return { feed: out, source, report };
}
