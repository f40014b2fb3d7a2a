// Reading importer results in tests: an item by id, a source record by its id, its notes as text.
/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read deep into imported JSON */
import type { ImportResult } from '../../../src/import/types.js';

type List = 'sessions' | 'services' | 'places' | 'organisations';
/** The item with `id` in one of the result's lists. */
export const itemOf = (r: ImportResult, list: List, id: string) =>
  r.feed[list]?.find((s) => s.id == id) as Record<string, any>;
/** The report's record for the source record with `id`. */
export const recordOf = (r: ImportResult, id: string) => r.report.records.find((x) => x.at.id == id)!;
/** That record's notes, one per line. */
export const notesOf = (r: ImportResult, id: string) =>
  recordOf(r, id)
    .notes.map((n) => n.message)
    .join('\n');
