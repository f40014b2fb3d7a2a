/**
 * Merging imports into a feed: what `imh-feed import` and the feed studio write.
 *
 * The rules, so an editor can trust a scheduled job with their feed:
 * - Items from a source (`item.source.ref` is the id of its `sources` entry) are updated, added
 *   or removed as the source now says; each change is reported by name.
 * - Items written by hand (no `source`) and items from other sources are never changed. An
 *   imported item whose id a hand-written item already uses gets a new id (reported); a place or
 *   organisation that is the same as a hand-written one (same id, same name and postcode) is
 *   used instead of a copy.
 * - Ids are stable across runs: a re-imported item keeps the id it has in the feed, found by its
 *   id in the source (`source.id`), else by its feed id, so links to it keep working.
 * - Places and organisations a source brought are removed once nothing in the feed uses them.
 * - A source that could not be read (`report.failed`), or that would remove more than half of its
 *   sessions and services (or all of them), holds the whole merge back: `write` is false and
 *   `blocked` says why, unless the editor forces it. Forcing never empties a source that could not
 *   be read: its items stay as they were.
 * - The merged feed is checked with the feed's own validation; an imported value that does not
 *   pass is left out and reported, never written.
 *
 * Plain TypeScript on plain JSON: hand-written items are kept exactly as written, with any field
 * this version does not know.
 */
import { formatIssue, validateFeed } from '../feed/validate.js';
import type { FeedIssue } from '../feed/shape.js';
import { closedSessions } from '../feed/tools.js';
import { IdAllocator, plural } from './common.js';
import type { ImportFormat, ImportResult, SourceLocation } from './types.js';

type Json = Record<string, unknown>;
export type ItemList = 'places' | 'organisations' | 'sessions' | 'services';
/** The lists an import fills, in the order they are merged (places first: sessions refer to them). */
export const ITEM_LISTS: readonly ItemList[] = ['places', 'organisations', 'sessions', 'services'];
const SINGULAR: Record<ItemList, string> = {
  places: 'place',
  organisations: 'organisation',
  sessions: 'session',
  services: 'service',
};

/** A source that could not be read at all (not recognised, not found, not reachable). */
export interface UnreadSource {
  /** The file name or address. */
  name: string;
  /** Why, in a sentence an editor can act on. */
  failed: string;
  /** What it looked like, when that much was recognised ("an HTML page"). */
  detected?: string;
}

export interface MergeOptions {
  /** Write even when a source failed or would remove more than half of its items. */
  force?: boolean;
  /** When the merge runs (`updated`, and each source's `imported` when the importer left it out). */
  now?: Date;
}

/** An item named for people. */
export interface NamedItem {
  list: ItemList;
  id: string;
  name: string;
}

/** What one source did to the feed. */
export interface SourceChange {
  /** The file name or address. */
  name: string;
  /** The id of its entry in `sources` (absent when it could not be read). */
  id?: string;
  format?: ImportFormat;
  /** How the format was recognised, in a sentence. */
  detected?: string;
  /**
   * `merged`: its changes are in the feed. `failed`: it could not be read, and its items stay as
   * they were. `held`: it would remove too much; its changes are in the feed only when forced.
   */
  status: 'merged' | 'failed' | 'held';
  /** Why it failed or was held back. */
  reason?: string;
  added: NamedItem[];
  updated: NamedItem[];
  removed: NamedItem[];
  /** Items the source still has, unchanged. */
  unchanged: number;
  /** Term dates or bank holidays it brought, in a few words ("12 term dates", "32 bank holidays"). */
  dates?: string;
}

/** Something the merge did that an editor should know. */
export interface MergeNote {
  level: 'info' | 'warning' | 'error';
  message: string;
  /** The source it is about (file name or address). */
  source?: string;
  /** Where in that source, when known. */
  at?: SourceLocation;
}

export interface MergeResult {
  /** The merged feed, as JSON to write. */
  feed: Json;
  /** May it be written? False when `blocked` has reasons. */
  write: boolean;
  /** Why nothing may be written: a source failed or would remove too much (each a sentence). */
  blocked: string[];
  /** Does the merged feed differ from the existing one (beyond the times of import)? */
  changed: boolean;
  sources: SourceChange[];
  notes: MergeNote[];
  /**
   * What the feed's own check (`imh-feed validate`) says of the merged feed: problems the existing
   * feed already had, and advice (a term-time session in a feed without term dates). The merge
   * adds no item or value the reader would skip: those are left out and reported in `notes`.
   */
  issues: FeedIssue[];
}

// ---------------------------------------------------------------------------------------------
// Small helpers on plain JSON

const isObject = (v: unknown): v is Json => !!v && typeof v == 'object' && !Array.isArray(v);
const asList = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const refOf = (item: Json): string | undefined =>
  isObject(item.source) && typeof item.source.ref == 'string' ? item.source.ref : undefined;
const sourceIdOf = (item: Json): string | undefined =>
  isObject(item.source) && typeof item.source.id == 'string' && item.source.id ? item.source.id : undefined;

/** A text value (a string or a map of translations) as one string, for messages. */
export function nameOf(item: Json): string {
  const name = item.name;
  if (typeof name == 'string' && name.trim()) return name.trim();
  if (isObject(name)) {
    const first = name.en ?? name['en-GB'] ?? Object.values(name)[0];
    if (typeof first == 'string' && first.trim()) return first.trim();
  }
  return typeof item.id == 'string' ? item.id : 'an item without a name';
}

/** JSON with its keys sorted, for comparing values however their keys are ordered. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, value: unknown) =>
    isObject(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );

const postcodeOf = (place: Json) =>
  isObject(place.address) && typeof place.address.postcode == 'string'
    ? place.address.postcode.replace(/\s+/g, '').toUpperCase()
    : '';
/** Is this incoming place or organisation the same thing as an existing one? */
const sameThing = (list: ItemList, a: Json, b: Json) =>
  nameOf(a).toLowerCase() == nameOf(b).toLowerCase() && (list != 'places' || postcodeOf(a) == postcodeOf(b));

/** A file name without folders, browsers' " (1)" download suffix or a "Copy of " prefix. */
const fileKey = (name: string) =>
  name
    .replace(/^.*[\\/]/, '')
    .toLowerCase()
    .replace(/^copy of /, '')
    .replace(/ \(\d+\)(?=\.[^.]+$|$)/, '');

/** The references an item of `list` holds, as [list they point into, holder, key]. */
function* refsIn(list: ItemList | 'timeline', item: Json): Generator<[ItemList, Json, string]> {
  if (list == 'sessions') {
    if (typeof item.place == 'string') yield ['places', item, 'place'];
    if (typeof item.organiser == 'string') yield ['organisations', item, 'organiser'];
    for (const o of asList(item.occurrences)) if (typeof o.place == 'string') yield ['places', o, 'place'];
  } else if (list == 'services') {
    if (typeof item.place == 'string') yield ['places', item, 'place'];
    if (typeof item.organisation == 'string') yield ['organisations', item, 'organisation'];
  }
}

/**
 * Does this issue mean the reader leaves something out: an item it skips (`error`), or a value it
 * ignores (a warning ending "(ignored)")? Other warnings are advice, and change nothing.
 */
const leftOut = (issue: FeedIssue) => issue.severity == 'error' || / \(ignored\)$/.test(issue.message);

/** Which top-level item a validation path is in: `sessions[3].schedule` → ['sessions', 3]. */
const itemAt = (path: string): [string, number | undefined] => {
  const m = /^(\w+)(?:\[(\d+)\])?/.exec(path);
  return m ? [m[1], m[2] === undefined ? undefined : Number(m[2])] : ['', undefined];
};

/** Removes the value at a validation path (`sessions[3].place`, `places[0].facilities[5]`, `.place`). */
export function removeValueAt(root: Json, path: string): boolean {
  const keys = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
  let holder: unknown = root;
  for (const key of keys.slice(0, -1)) {
    holder = (holder as Record<string | number, unknown> | undefined)?.[key];
    if (!holder || typeof holder != 'object') return false;
  }
  const last = keys[keys.length - 1];
  if (Array.isArray(holder) && typeof last == 'number') {
    if (last >= holder.length) return false;
    holder.splice(last, 1);
    return true;
  }
  if (isObject(holder) && typeof last == 'string' && last in holder) {
    delete holder[last];
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The merge

/**
 * Merges imports into a feed (or into a new one when `existing` is undefined). `existing` must be
 * a usable feed (check it with `validateFeed` first); it is not changed. Sources are merged in the
 * order given.
 */
export function mergeImports(
  existing: Json | undefined,
  imports: readonly (ImportResult | UnreadSource)[],
  options: MergeOptions = {},
): MergeResult {
  const now = options.now ?? new Date();
  const feed: Json = existing ? structuredClone(existing) : { version: 1 };
  const notes: MergeNote[] = [];
  const blocked: string[] = [];
  const changes: SourceChange[] = [];
  /** Source ids whose items this run wrote, so validation problems in them are theirs to lose. */
  const mergedRefs = new Set<string>();
  /** termDates/bankHolidays as they were before a source replaced them, to restore if invalid. */
  const replacedParts = new Map<string, { before: unknown; source: string }>();

  for (const input of imports) {
    if (!('report' in input)) {
      changes.push({ name: input.name, detected: input.detected, status: 'failed', reason: input.failed, ...empty() });
      blocked.push(`${input.name} could not be read: ${input.failed}`);
      continue;
    }
    const { report } = input;
    const change: SourceChange = {
      name: report.source || input.source.file || input.source.url || input.source.id,
      format: report.format,
      detected: report.detected,
      status: 'merged',
      ...empty(),
    };
    changes.push(change);
    if (report.failed) {
      change.status = 'failed';
      change.reason = report.failed;
      blocked.push(`${change.name} could not be read: ${report.failed}`);
      continue;
    }
    const ref = sourceEntry(feed, input, now);
    change.id = ref;
    const before = mergeLists(feed, input, ref, change, notes);
    mergeDates(feed, input, ref, change, notes, replacedParts);
    if (typeof input.feed.timeZone == 'string' && input.feed.timeZone) {
      if (typeof feed.timeZone != 'string') feed.timeZone = input.feed.timeZone;
      else if (feed.timeZone != input.feed.timeZone) {
        notes.push({
          level: 'warning',
          source: change.name,
          message:
            `It is in the time zone ${input.feed.timeZone}, but the feed is in ${feed.timeZone}; ` +
            `its times are kept as wall-clock times in ${feed.timeZone}.`,
        });
      }
    }
    mergedRefs.add(ref);

    const gone = removedPrimary(change);
    if (gone && (gone == before || gone * 2 > before)) {
      change.status = 'held';
      const what = `${gone} of its ${before} sessions and services`;
      change.reason =
        gone == before
          ? `It would remove all ${before} of its sessions and services. ${CHECK}`
          : `It would remove ${what}, more than half. ${CHECK}`;
      blocked.push(`${change.name} was held back: ${change.reason}`);
    }
  }

  const issues = checkMerged(feed, mergedRefs, changes, notes, replacedParts);
  const changed = canonical(withoutImportTimes(feed)) != canonical(withoutImportTimes(existing ?? { version: 1 }));
  if (changed) feed.updated = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const write = !blocked.length || !!options.force;
  return { feed: tidy(feed, existing), write, blocked, changed, sources: changes, notes, issues };
}

const messages = (issues: FeedIssue[]) => issues.map((i) => i.message).join('; ');
const CHECK = 'Check that it is the right file and that it is complete.';
const empty = () => ({ added: [], updated: [], removed: [], unchanged: 0 });
const removedPrimary = (c: SourceChange) =>
  c.removed.filter((i) => i.list == 'sessions' || i.list == 'services').length;

/** The feed without what changes on every run (the times of import), for "has anything changed?". */
const withoutImportTimes = (feed: Json): Json => {
  const copy: Json = { ...feed };
  delete copy.updated;
  if (Array.isArray(copy.sources)) {
    copy.sources = copy.sources.map((s) => {
      if (!isObject(s)) return s;
      const rest = { ...s };
      delete rest.imported;
      return rest;
    });
  }
  return copy;
};

/**
 * The feed's fields in a readable order: an existing feed keeps its own order (new fields after
 * it), so the file's diff shows only what changed.
 */
function tidy(feed: Json, existing: Json | undefined): Json {
  const order = [
    'version',
    'publisher',
    'updated',
    'language',
    'timeZone',
    'sources',
    'termDates',
    'bankHolidays',
    'places',
    'organisations',
    'sessions',
    'services',
    'timeline',
  ];
  const out: Json = {};
  for (const key of [...Object.keys(existing ?? {}), ...order, ...Object.keys(feed)]) {
    if (!(key in out) && key in feed) out[key] = feed[key];
  }
  return out;
}

/**
 * Finds or adds the `sources` entry for an import, and returns its id: the existing entry with
 * the same id, address or file name (a browser's "sessions (1).csv" is sessions.csv), else a new
 * one with an id no other source has.
 */
function sourceEntry(feed: Json, input: ImportResult, now: Date): string {
  const sources = (feed.sources = asList(feed.sources));
  const incoming = input.source as unknown as Json;
  const found =
    sources.find((s) => s.id == incoming.id && s.kind == incoming.kind) ??
    (typeof incoming.url == 'string' ? sources.find((s) => s.url == incoming.url) : undefined) ??
    (typeof incoming.file == 'string'
      ? sources.find(
          (s) =>
            typeof s.file == 'string' && s.kind == incoming.kind && fileKey(s.file) == fileKey(incoming.file as string),
        )
      : undefined);
  const entry: Json = { ...incoming, imported: incoming.imported ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  if (found) {
    entry.id = found.id;
    // An editor's own name for the source, or its licence, stays unless the source now says otherwise.
    sources[sources.indexOf(found)] = { ...found, ...entry };
    return found.id as string;
  }
  const id = new IdAllocator(sources.map((s) => String(s.id))).claim(String(incoming.id ?? 'source'));
  entry.id = id;
  sources.push(entry);
  return id;
}

/** Merges the import's items; returns how many sessions and services the source had before. */
function mergeLists(feed: Json, input: ImportResult, ref: string, change: SourceChange, notes: MergeNote[]): number {
  let before = 0;
  const where = new Map<string, SourceLocation>();
  for (const record of input.report.records) for (const i of record.items) where.set(`${i.list}/${i.id}`, record.at);
  const note = (level: MergeNote['level'], message: string, list?: ItemList, id?: string) =>
    notes.push({ level, message, source: change.name, at: list && id ? where.get(`${list}/${id}`) : undefined });

  /** For each list, the incoming item's id → the id it has in the feed. */
  const idMaps: Record<ItemList, Map<string, string>> = {
    places: new Map(),
    organisations: new Map(),
    sessions: new Map(),
    services: new Map(),
  };
  const removedIds = new Set<string>();

  for (const list of ITEM_LISTS) {
    const current = asList(feed[list]);
    const incoming = asList(input.feed[list]).map((item) => structuredClone(item));
    const ours = current.filter((item) => refOf(item) == ref);
    if (list == 'sessions' || list == 'services') before += ours.length;
    const bySourceId = new Map(ours.filter(sourceIdOf).map((item) => [sourceIdOf(item)!, item]));
    const byId = new Map(ours.map((item) => [item.id as string, item]));
    const matched = new Map<Json, Json>(); // incoming → existing
    const claimed = new Set<Json>();

    // 1. Each incoming item finds its existing self: by its id in the source, else by its feed id.
    for (const item of incoming) {
      const sid = sourceIdOf(item);
      const old =
        (sid !== undefined ? bySourceId.get(sid) : undefined) ??
        (sid === undefined || !sourceIdOf(byId.get(item.id as string) ?? {}) ? byId.get(item.id as string) : undefined);
      if (old && !claimed.has(old)) {
        matched.set(item, old);
        claimed.add(old);
      }
    }
    const kept = current.filter((item) => refOf(item) != ref); // hand-written and other sources' items
    const takenIds = new Set<string>([
      ...kept.map((item) => item.id as string),
      ...[...matched.values()].map((item) => item.id as string),
    ]);

    // 2. Ids: a matched item keeps its feed id; a new one keeps its own unless something else has it.
    const added: Json[] = [];
    for (const item of incoming) {
      const own = String(item.id);
      const old = matched.get(item);
      let id = old ? (old.id as string) : own;
      if (!old && takenIds.has(own)) {
        const other = kept.find((k) => k.id == own);
        if (other && (list == 'places' || list == 'organisations') && sameThing(list, item, other)) {
          idMaps[list].set(own, own); // use the existing one; add no copy
          note(
            'info',
            `The ${SINGULAR[list]} "${nameOf(item)}" is already in the feed as ${own}` +
              `${refOf(other) ? '' : ' (written by hand)'}; that one is used, unchanged.`,
            list,
            own,
          );
          continue;
        }
        id = new IdAllocator(takenIds).claim(own); // "bob-jones-hub-2"
        const whose =
          other && refOf(other) ? `a ${SINGULAR[list]} from another source` : `a hand-written ${SINGULAR[list]}`;
        note(
          'warning',
          `The ${SINGULAR[list]} "${nameOf(item)}" would have the id ${own}, which ${whose}` +
            `${other ? ` ("${nameOf(other)}")` : ''} already has; it is imported as ${id}, ` +
            'and the existing one is unchanged.',
          list,
          own,
        );
      }
      takenIds.add(id);
      idMaps[list].set(own, id);
      item.id = id;
      item.source = { ...(isObject(item.source) ? item.source : {}), ref };
      if (!old) added.push(item);
    }

    // 3. References from incoming items point at the ids the places and organisations now have.
    for (const item of incoming) {
      for (const [to, holder, key] of refsIn(list, item)) {
        const mapped = idMaps[to].get(holder[key] as string);
        if (mapped) holder[key] = mapped;
      }
    }

    // 4. The list, in its existing order: updated items in place, removed ones out, new ones last.
    const replacement = new Map([...matched].map(([item, old]) => [old, item]));
    const out: Json[] = [];
    for (const item of current) {
      if (refOf(item) != ref) out.push(item);
      else if (replacement.has(item)) {
        const next = replacement.get(item)!;
        const named = { list, id: next.id as string, name: nameOf(next) };
        if (canonical(next) == canonical(item)) change.unchanged++;
        else change.updated.push(named);
        out.push(next);
      } else if (list == 'places' || list == 'organisations') {
        out.push(item); // removed below once nothing uses it
        removedIds.add(`${list}/${item.id as string}`);
      } else {
        change.removed.push({ list, id: item.id as string, name: nameOf(item) });
      }
    }
    for (const item of added) {
      out.push(item);
      change.added.push({ list, id: item.id as string, name: nameOf(item) });
    }
    if (out.length || list in feed) feed[list] = out;
  }

  // 5. Removed sessions and services leave the timeline's links to them; places and organisations
  //    the source no longer has go once nothing in the feed uses them.
  const removedServices = new Set(change.removed.filter((i) => i.list == 'services').map((i) => i.id));
  if (removedServices.size && isObject(feed.timeline)) {
    for (const stage of asList(feed.timeline.stages)) {
      if (!Array.isArray(stage.services)) continue;
      const gone = stage.services.filter((id) => removedServices.has(id as string));
      if (!gone.length) continue;
      stage.services = stage.services.filter((id) => !removedServices.has(id as string));
      note(
        'warning',
        `The timeline stage "${typeof stage.title == 'string' ? stage.title : String(stage.id)}" linked to ` +
          `${gone.join(', ')}, which the source no longer has; the link is removed.`,
      );
    }
  }
  for (const list of ['places', 'organisations'] as const) {
    const used = new Set<string>();
    for (const from of ['sessions', 'services'] as const) {
      for (const item of asList(feed[from]))
        for (const [to, holder, key] of refsIn(from, item)) if (to == list) used.add(holder[key] as string);
    }
    feed[list] = asList(feed[list]).filter((item) => {
      if (!removedIds.has(`${list}/${item.id as string}`)) return true;
      if (used.has(item.id as string)) {
        note(
          'info',
          `The ${SINGULAR[list]} "${nameOf(item)}" is no longer in the source, ` +
            'but is kept because other items in the feed use it.',
        );
        return true;
      }
      change.removed.push({ list, id: item.id as string, name: nameOf(item) });
      return false;
    });
  }
  return before;
}

/**
 * Term dates and bank holidays: the imported dates replace the existing ones they cover, and
 * earlier or later ones are kept (GOV.UK's list is a rolling window; a new year's term dates
 * should not drop this year's).
 */
function mergeDates(
  feed: Json,
  input: ImportResult,
  ref: string,
  change: SourceChange,
  notes: MergeNote[],
  replaced: Map<string, { before: unknown; source: string }>,
): void {
  const parts: string[] = [];
  const terms = input.feed.termDates;
  if (isObject(terms) && Array.isArray(terms.terms)) {
    const incoming = asList(terms.terms);
    const old = isObject(feed.termDates) ? feed.termDates : undefined;
    replaced.set('termDates', { before: old, source: change.name });
    const starts = incoming.map((t) => String(t.start)).sort();
    const ends = incoming.map((t) => String(t.end)).sort();
    const [from, to] = [starts[0], ends[ends.length - 1]];
    const outside = asList(old?.terms).filter((t) => String(t.end) < from || String(t.start) > to);
    const all = [...outside, ...incoming].sort((a, b) => String(a.start).localeCompare(String(b.start)));
    feed.termDates = { ...old, ...terms, terms: all, source: { ...(isObject(terms.source) ? terms.source : {}), ref } };
    if (outside.length) {
      notes.push({
        level: 'info',
        source: change.name,
        message:
          `${plural(outside.length, 'term date')} outside ${from} to ${to} ` +
          `${outside.length == 1 ? 'was' : 'were'} already in the feed and ${outside.length == 1 ? 'is' : 'are'} kept.`,
      });
    }
    parts.push(plural(incoming.length, 'term date'));
  }
  const holidays = input.feed.bankHolidays;
  if (isObject(holidays) && Array.isArray(holidays.dates)) {
    const incoming = asList(holidays.dates);
    const old = isObject(feed.bankHolidays) ? feed.bankHolidays : undefined;
    replaced.set('bankHolidays', { before: old, source: change.name });
    const division = holidays.division ?? 'england-and-wales';
    const sameDivision = old && (old.division ?? 'england-and-wales') == division;
    const first = incoming.map((d) => String(d.date)).sort()[0] ?? '';
    const earlier = sameDivision ? asList(old.dates).filter((d) => String(d.date) < first) : [];
    if (old && !sameDivision) {
      notes.push({
        level: 'warning',
        source: change.name,
        message:
          `The feed had the bank holidays of ${String(old.division ?? 'england-and-wales')}; ` +
          `they are replaced by those of ${String(division)}.`,
      });
    }
    feed.bankHolidays = {
      ...(sameDivision ? old : {}),
      ...holidays,
      dates: [...earlier, ...incoming],
      source: { ...(isObject(holidays.source) ? holidays.source : {}), ref },
    };
    parts.push(plural(incoming.length, 'bank holiday'));
  }
  if (parts.length) change.dates = parts.join(' and ');
}

/**
 * Validates the merged feed. A problem inside something this run imported is resolved by leaving
 * that value (or, when the reader would skip it, that item) out, and reported; problems elsewhere
 * were in the feed before and are returned as they are.
 */
function checkMerged(
  feed: Json,
  mergedRefs: Set<string>,
  changes: SourceChange[],
  notes: MergeNote[],
  replaced: Map<string, { before: unknown; source: string }>,
): FeedIssue[] {
  const sourceName = (ref: string | undefined) => changes.find((c) => c.id == ref)?.name;
  for (let pass = 0; pass < 8; pass++) {
    let issues: FeedIssue[];
    let valid: ReturnType<typeof validateFeed>['feed'];
    try {
      ({ issues, feed: valid } = validateFeed(feed));
    } catch (e) {
      // Only the feed's own header can make it unusable, and the merge never writes that.
      return [{ path: '', message: (e as Error).message, severity: 'error' }];
    }
    const ours = issues.filter((issue) => {
      if (!leftOut(issue)) return false; // advice, like "add termDates": nothing of the item is lost
      const [key, index] = itemAt(issue.path);
      if (key == 'termDates' || key == 'bankHolidays') return replaced.has(key);
      if (key == 'sources') {
        // A value the importer gave its own source entry that does not pass (the entry's id and kind always do).
        const entry = index === undefined ? undefined : asList(feed.sources)[index];
        return !!entry && mergedRefs.has(String(entry.id)) && /^sources\[\d+\]\.(?!id$|kind$)\w+/.test(issue.path);
      }
      if (index === undefined || !ITEM_LISTS.includes(key as ItemList)) return false;
      const item = asList(feed[key])[index];
      return !!item && mergedRefs.has(refOf(item) ?? '');
    });
    // Done: with the editor tools' own warnings, as imh-feed validate gives them (a session the
    // calendars close on every date is kept, but no list would show it).
    if (!ours.length) return [...issues, ...closedSessions(valid, feed, issues)];
    // Work from the end of each list so earlier indexes stay right.
    const byItem = new Map<string, FeedIssue[]>();
    for (const issue of ours) {
      const [key, index] = itemAt(issue.path);
      const k = index === undefined ? key : `${key}[${index}]`;
      byItem.set(k, [...(byItem.get(k) ?? []), issue]);
    }
    const keys = [...byItem.keys()].sort((a, b) => {
      const [ka, ia] = itemAt(a);
      const [kb, ib] = itemAt(b);
      return ka == kb ? (ib ?? 0) - (ia ?? 0) : ka.localeCompare(kb);
    });
    for (const k of keys) {
      const list = byItem.get(k)!;
      const [key, index] = itemAt(k);
      if (key == 'sources') {
        const entry = asList(feed.sources)[index!];
        for (const issue of list.slice().reverse())
          removeValueAt(feed, issue.path.replace(/^(sources\[\d+\]\.\w+).*/, '$1'));
        notes.push({
          level: 'warning',
          source: sourceName(String(entry.id)),
          message: `Its entry in sources is written without ${list.map(formatIssue).join('; ')}.`,
        });
        continue;
      }
      if (index === undefined) {
        const { before, source } = replaced.get(key)!;
        if (before === undefined) delete feed[key];
        else feed[key] = before;
        replaced.delete(key);
        notes.push({
          level: 'error',
          source,
          message:
            `Its ${key == 'termDates' ? 'term dates' : 'bank holidays'} were left out: ` +
            `${list.map(formatIssue).join('; ')}.`,
        });
        continue;
      }
      const items = asList(feed[key]);
      const item = items[index];
      const named = { list: key as ItemList, id: String(item.id), name: nameOf(item) };
      const change = changes.find((c) => c.id == refOf(item));
      const skip = list.some((i) => i.severity == 'error') || pass >= 4;
      if (skip) {
        (feed[key] as Json[]).splice(index, 1);
        for (const c of changes) {
          for (const kind of ['added', 'updated'] as const)
            c[kind] = c[kind].filter((n) => !(n.list == named.list && n.id == named.id));
        }
        notes.push({
          level: 'error',
          source: sourceName(refOf(item)) ?? change?.name,
          message: `The ${SINGULAR[named.list]} "${named.name}" was left out: ${messages(list)}.`,
        });
      } else {
        for (const issue of list.slice().reverse()) removeValueAt(feed, issue.path);
        notes.push({
          level: 'warning',
          source: sourceName(refOf(item)) ?? change?.name,
          message: `The ${SINGULAR[named.list]} "${named.name}" is imported without ${list.map((i) => `${i.path.replace(/^\w+\[\d+\]\.?/, '') || 'a value'} (${i.message.replace(/ \(ignored\)$/, '')})`).join('; ')}.`,
        });
      }
    }
  }
  const { issues, feed: valid } = validateFeed(feed);
  return [...issues, ...closedSessions(valid, feed, issues)];
}
