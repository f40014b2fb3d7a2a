/**
 * The family's own dates: kept only when the parent asks ("Remember on this device"), in
 * localStorage, and forgotten on "Forget". Never sent anywhere. Storage failures are ignored.
 */
const KEY = 'imh-widgets:timeline:v1';

export interface Dates {
  kind: 'due' | 'birth';
  /** YYYY-MM-DD */
  date: string;
}

export function recall(): Dates | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if ((v?.kind == 'due' || v?.kind == 'birth') && /^\d{4}-\d\d-\d\d$/.test(v.date)) return v;
  } catch {
    // nothing kept, storage unavailable, or unreadable
  }
  return undefined;
}

export function remember(dates: Dates): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(dates));
  } catch {
    // private browsing or full storage: the plan still shows, it is just not kept
  }
}

export function forget(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing to forget
  }
}

/** A real calendar date in YYYY-MM-DD, or undefined. */
export function validDate(value: string | undefined | null): string | undefined {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value?.trim() ?? '');
  if (!m) return undefined;
  const t = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return t.getUTCMonth() == +m[2] - 1 && t.getUTCDate() == +m[3] ? m[0] : undefined;
}
