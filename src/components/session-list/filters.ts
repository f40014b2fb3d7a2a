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

/** Is the id among the comma-separated ids (any id, when there are none)? */
const among = (id: string | undefined, ids?: string) => !ids || !!list(ids)?.includes(id ?? '');

/** Every audience but practitioners (parents and families suit everyone anyway: see `suits`). */
const PARENTS = ['mums', 'dads', 'co-parents', 'carers', 'pregnant'];

/**
 * Does the session pass the filters? A session that does not say (no audience, no age range) passes;
 * one only for practitioners passes only an `audience` that includes them.
 */
export function matches(s: Session, f: Filters): boolean {
  if (!among(s.category, f.category) || !among(s.place, f.place)) return false;
  // With no audience chosen, every parent is: sessions only for practitioners (training) are left
  // out unless the page asks for them (`audience="practitioners"`).
  if (!suits(s.audience, list(f.audience) ?? PARENTS)) return false;
  const age = f.ageMonths;
  if (age != null && !isNaN(age) && s.ageRange) {
    const r = s.ageRange;
    if (age < 0) return !!r.pregnancy;
    if ((r.fromMonths ?? 0) > age || (r.toMonths ?? Infinity) < age) return false;
    if (r.pregnancy && r.fromMonths == null && r.toMonths == null) return false;
  }
  return true;
}
