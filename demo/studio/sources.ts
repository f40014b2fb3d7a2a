// The feed studio's plain helpers (no DOM): which dropped file is which source, and the command
// line an editor runs for what a browser cannot read.

/**
 * A source's identity in the studio: a file by its name without the copy number a browser or
 * Windows adds ("sessions (1).csv", "sessions - Copy.csv" are sessions.csv again), an address as
 * written (webcal as https). Dropping a fixed copy of a spreadsheet replaces the one read before.
 */
export function sourceKey(name: string): string {
  const text = name.trim();
  if (/^(https?|webcals?):\/\//i.test(text)) return text.replace(/^webcals?:\/\//i, 'https://');
  const base = text.replace(/^.*[\\/]/, '').toLowerCase();
  const dot = base.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [base.slice(0, dot), base.slice(dot)] : [base, ''];
  return stem.replace(/(\s*\(\d+\)|\s+-\s+copy(\s*\(\d+\))?|\s+copy)$/, '').trim() + ext;
}

/** A shell word: quoted when it holds anything a shell would read. */
const word = (text: string) => (/^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`);

/** The command that reads an address a browser cannot, for an editor to copy. */
export const commandFor = (address: string): string => `npx imh-feed import ${word(address)} --into feed.json`;

/** The command that adds GOV.UK's bank holidays for a division. */
export const bankHolidaysCommand = (division: string): string =>
  `npx imh-feed import --bank-holidays ${word(division)} --into feed.json`;

export const BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

/** GOV.UK's bank-holiday divisions. */
export const DIVISIONS = [
  ['england-and-wales', 'England and Wales'],
  ['scotland', 'Scotland'],
  ['northern-ireland', 'Northern Ireland'],
] as const;
