/**
 * The feed: types, validation and loading. Plain TypeScript with no DOM rendering, usable from
 * any page, worker or tool (the `imh-feed` command uses it).
 */
export * from './errors.js';
export * from './load.js';
export { forgetFeed, readFeed } from './store.js';
export { formatIssue, SUPPORTED_VERSIONS, validateFeed, type ValidatedFeed } from './validate.js';
export { safeUrl } from './url.js';
export { pickText } from './text.js';
export * from './types.js';
export {
  AUDIENCES,
  BANK_HOLIDAY_DIVISIONS,
  DAYS,
  FACILITIES,
  KINDS,
  REFERRERS,
  SOURCE_KINDS,
  STAGES,
  STATUSES,
  TERM_TYPES,
  URGENCIES,
} from './schema.js';
