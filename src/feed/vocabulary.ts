/**
 * The feed's fixed vocabularies: the values its enumerated fields take. Plain data, shared by the
 * schema (`schema.ts`, which validates against them) and the elements (labels, filter choices), so
 * an element can name them without loading the schema.
 */
/**
 * The weekdays' codes (`byDay`), Monday first. The shipped chunks that need them (recurrence, opening
 * hours, the session list's patterns, .ics, JSON-LD) keep a copy of their own: imported across chunks,
 * they made every page's download bigger than the copy does, which compresses to a few bytes.
 */
export const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const AUDIENCES = [
  'parents',
  'mums',
  'dads',
  'co-parents',
  'carers',
  'pregnant',
  'families',
  'practitioners',
] as const;
export const FACILITIES = [
  'step-free',
  'baby-changing',
  'buggy-parking',
  'car-parking',
  'accessible-toilet',
  'breastfeeding-space',
  'hearing-loop',
  'refreshments',
] as const;
export const STAGES = ['pregnancy', '0-12m', '12-24m'] as const;
export const KINDS = ['app', 'helpline', 'service', 'group', 'website'] as const;
export const URGENCIES = ['routine', 'urgent', 'emergency'] as const;
export const REFERRERS = [
  'self',
  'gp',
  'health-visitor',
  'midwife',
  'social-worker',
  'family-hub',
  'any-professional',
] as const;
/** Kinds of source an importer reads (`src/import/`); `feed` is another imh-widgets feed. */
export const SOURCE_KINDS = [
  'spreadsheet',
  'ics',
  'oruk',
  'openactive',
  'bank-holidays',
  'term-dates',
  'feed',
] as const;

export type Day = (typeof DAYS)[number];
