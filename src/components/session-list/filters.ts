/** Filtering sessions by the host's attributes or the filter controls' choices. */
import type { Session } from '../../feed/types.js';
import { suits } from '../../internal/audience.js';

export interface Filters {
  /** Comma-separated category ids. */
  category?: string;
  /** Comma-separated place ids. */
  place?: string;
  audience?: string;
  /** A baby's age in months; negative numbers are weeks of pregnancy. */
  ageMonths?: number;
  /** The filter controls' "When" choice: today, tomorrow, this-week, next-week (see filter-controls.ts). */
  when?: string;
  /** The filter controls' search words. */
  q?: string;
}

const list = (v?: string) =>
  v
    ? v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;

/**
 * Does the session pass the filters? A session that does not say (no audience, no age range) passes;
 * one only for practitioners passes only an `audience` that includes them.
 */
export function matches(s: Session, f: Filters): boolean {
  const categories = list(f.category);
  if (categories && !categories.includes(s.category ?? '')) return false;
  const places = list(f.place);
  if (places && !places.includes(s.place ?? '')) return false;
  const audience = list(f.audience);
  // Sessions only for practitioners (training) are offered to parents only when the page asks for them.
  if (audience ? !suits(s.audience, audience) : s.audience?.length && s.audience.every((a) => a == 'practitioners'))
    return false;
  const age = f.ageMonths;
  if (age != null && !isNaN(age) && s.ageRange) {
    const r = s.ageRange;
    if (age < 0) return !!r.pregnancy;
    if ((r.fromMonths ?? 0) > age || (r.toMonths ?? Infinity) < age) return false;
    if (r.pregnancy && r.fromMonths == null && r.toMonths == null) return false;
  }
  return true;
}
