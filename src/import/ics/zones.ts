/**
 * Time zones as real calendars name them, resolved to IANA names the feed (and `Intl`) can use:
 * IANA names (checked with `Intl`, including the `/mozilla.org/…/Europe/London` style), Windows
 * names as Outlook and Exchange write them ("GMT Standard Time", "(UTC+01:00) Amsterdam, Berlin…"),
 * UTC in its many spellings, and otherwise the zone whose clock changes match the file's own
 * VTIMEZONE. A name none of these explain falls back to the calendar's zone, with a warning.
 */
import ICAL from 'ical.js';
import { wallClock } from '../../schedule/civil.js';

/**
 * Windows time zone ids → IANA (CLDR's windowsZones.xml, territory "001"), for the zones UK
 * calendars meet: the British Isles, the rest of Europe, the Americas and the countries UK
 * families most often come from. A name not listed here still resolves when the file defines it
 * (see `matchVtimezone`).
 */
export const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Egypt Standard Time': 'Africa/Cairo',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Arab Standard Time': 'Asia/Riyadh',
  'Arabian Standard Time': 'Asia/Dubai',
  'Iran Standard Time': 'Asia/Tehran',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Calcutta',
  'Nepal Standard Time': 'Asia/Katmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'SA Pacific Standard Time': 'America/Bogota',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Jamaica Standard Time': 'America/Jamaica',
};

/**
 * Outlook's display names ("(UTC) Dublin, Edinburgh, Lisbon, London", "(GMT+01:00) Amsterdam,
 * Berlin, Bern, Rome, Stockholm, Vienna") name cities: the first city found decides.
 */
const DISPLAY_CITIES: [RegExp, string][] = [
  [/\b(London|Edinburgh)\b/i, 'Europe/London'],
  [/\bDublin\b/i, 'Europe/Dublin'],
  [/\b(Amsterdam|Berlin|Bern|Rome|Stockholm|Vienna)\b/i, 'Europe/Berlin'],
  [/\b(Brussels|Copenhagen|Madrid|Paris)\b/i, 'Europe/Paris'],
  [/\b(Belgrade|Bratislava|Budapest|Ljubljana|Prague)\b/i, 'Europe/Budapest'],
  [/\b(Sarajevo|Skopje|Warsaw|Zagreb)\b/i, 'Europe/Warsaw'],
  [/\b(Athens|Bucharest)\b/i, 'Europe/Bucharest'],
  [/\b(Helsinki|Kyiv|Kiev|Riga|Sofia|Tallinn|Vilnius)\b/i, 'Europe/Kiev'],
  [/\bIstanbul\b/i, 'Europe/Istanbul'],
  [/\b(Monrovia|Reykjavik)\b/i, 'Atlantic/Reykjavik'],
  [/\b(Islamabad|Karachi)\b/i, 'Asia/Karachi'],
  [/\b(Chennai|Kolkata|Mumbai|New Delhi)\b/i, 'Asia/Calcutta'],
  [/\bDhaka\b/i, 'Asia/Dhaka'],
  [/\bEastern Time\b/i, 'America/New_York'],
  [/\bCentral Time\b/i, 'America/Chicago'],
  [/\bMountain Time\b/i, 'America/Denver'],
  [/\bPacific Time\b/i, 'America/Los_Angeles'],
  [/\bCoordinated Universal Time\b/i, 'UTC'],
];

/** Zones that are UTC under another name: a series written in them is treated like a `Z` series. */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Etc/Zulu', 'Zulu']);
export const isUtcZone = (zone: string): boolean => UTC_NAMES.has(zone);

const canonical = new Map<string, string | null>();
/** The engine's name for an IANA zone (`europe/london` → `Europe/London`), or undefined. */
export function ianaZone(name: string): string | undefined {
  let got = canonical.get(name);
  if (got === undefined) {
    got = null;
    // Offsets ("+01:00") are accepted by newer engines but are not places: their clocks never change.
    if (/^[A-Za-z]/.test(name)) {
      try {
        got = new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
      } catch {
        got = null;
      }
    }
    canonical.set(name, got);
  }
  return got ?? undefined;
}

/** How a TZID was understood, for the report. */
export type ZoneHow = 'iana' | 'windows' | 'display-name' | 'defined' | 'unknown';

export interface ResolvedZone {
  /** The IANA name the times are read in. */
  zone: string;
  how: ZoneHow;
}

/**
 * A zone for a TZID by its name alone: IANA (also at the end of a path, as Mozilla and Citadel
 * write `/mozilla.org/20070129_1/Europe/London`), a Windows id, or an Outlook display name.
 */
export function zoneByName(tzid: string): ResolvedZone | undefined {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const iana = ianaZone(name);
  if (iana && name.includes('/')) return { zone: iana, how: 'iana' };
  const windows = Object.entries(WINDOWS_ZONES).find(([w]) => w.toLowerCase() == name.toLowerCase());
  if (windows) return { zone: windows[1], how: 'windows' };
  if (iana) return { zone: iana, how: 'iana' }; // "UTC", "GMT", "CET"
  const parts = name.split('/');
  for (let i = 1; i < parts.length - 1; i++) {
    const tail = ianaZone(parts.slice(i).join('/'));
    if (tail) return { zone: tail, how: 'iana' };
  }
  for (const [re, zone] of DISPLAY_CITIES) if (re.test(name)) return { zone, how: 'display-name' };
  return undefined;
}

/** Offset in minutes of an ical.js zone at a UTC instant. */
function vtimezoneOffset(tz: ICAL.Timezone, instant: number): number {
  const local = ICAL.Time.fromJSDate(new Date(instant), true).convertToZone(tz);
  return Math.round(
    (Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - instant) / 60_000,
  );
}

/** Offset in minutes of an IANA zone at a UTC instant. */
function ianaOffset(zone: string, instant: number): number {
  const { day, minutes } = wallClock(instant, zone);
  return Math.round((day * 86_400_000 + minutes * 60_000 - instant) / 60_000);
}

/**
 * The first of `candidates` whose clock agrees with a VTIMEZONE at every sample (every four days
 * over the two years from `fromYear`, so both clock changes of each year are seen), or undefined.
 */
export function matchVtimezone(tz: ICAL.Timezone, candidates: readonly string[], fromYear: number): string | undefined {
  const samples: number[] = [];
  for (let t = Date.UTC(fromYear, 0, 1, 12); t < Date.UTC(fromYear + 2, 0, 1); t += 4 * 86_400_000) samples.push(t);
  let theirs: number[];
  try {
    theirs = samples.map((t) => vtimezoneOffset(tz, t));
  } catch {
    return undefined;
  }
  return candidates.find((zone) => samples.every((t, i) => ianaOffset(zone, t) == theirs[i]));
}

/** The zones tried, in order, for a VTIMEZONE whose name is not known: the calendar's own first. */
export const matchCandidates = (preferred: readonly string[]): string[] => [
  ...new Set([...preferred, 'Europe/London', 'Europe/Dublin', 'UTC', ...Object.values(WINDOWS_ZONES)]),
];
