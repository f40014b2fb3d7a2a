// npm run locales:review -- cy: a native speaker's review, out of and back into the XLIFF file.
//
//   npm run locales:review -- cy                      writes review-cy.csv: every message awaiting
//                                                     review (not yet final or signed-off)
//   npm run locales:review -- cy --all                every message, reviewed ones too
//   npm run locales:review -- cy --import review-cy.csv   reads the reviewer's decisions back
//
// The table (UTF-8 CSV, opens in Excel, LibreOffice or Google Sheets) has one row per message: its
// id, the English source, the translation, the note for translators, and a link to the Storybook
// story that shows it in that language (--storybook <address>, default http://localhost:6006 for
// `npm run storybook`). Placeholders are written {0}, {1} (what the element fills in). The reviewer
// fills three columns:
//   decision    ok (the translation is right), change (use "corrected"), redo (wrong, translate
//               again), or nothing (not reviewed yet)
//   corrected   the better translation, for "change"
//   comment     anything for the translators; kept in the XLIFF as <note from="reviewer">
// On import, "ok" marks the message final, "change" writes the correction and marks it final
// (refused, and reported, if it drops or adds a placeholder), "redo" marks it needs-translation.
// Everything else in the XLIFF file stays byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { editUnits, fromText, placeholderProblem, readXliff, REVIEWED_STATES, toText, writeXliff } from './xliff.mjs';

export const COLUMNS = [
  'id',
  'source',
  'translation',
  'note',
  'screenshot',
  'state',
  'decision',
  'corrected',
  'comment',
];

/** The Storybook story that shows a message, by its id's folder. */
const STORIES = [
  [/^card\.(badge|prefix)\.emergency|^card\.call-999/, 'elements-imh-support-card--emergency'],
  [/^card\.(self-referral|referral)/, 'elements-imh-support-card--referral-only'],
  [/^card\.(ios|android)/, 'elements-imh-support-card--app'],
  [/^card\.not-found/, 'elements-imh-support-card--not-found'],
  [/^(card|cost|referrer)\./, 'elements-imh-support-card--urgent'],
  [/^(support-list|kind|audience)\./, 'elements-imh-support-list--default'],
  [/^feed\.(error|retry)/, 'elements-imh-session-list--feed-error'],
  [/^feed\.stale/, 'elements-imh-session-list--stale-copy'],
  [/^feed\.loading/, 'elements-imh-session-list--loading'],
  [/^(session-list|filters)\./, 'elements-imh-session-list--with-filters'],
  [/^(timeline|stage)\./, 'elements-imh-first-1001-days-timeline--baby'],
  [/./, 'elements-imh-session-list--default'],
];
/** A link to the story showing message `id` in `locale`. */
export const storyLink = (id, locale, base = 'http://localhost:6006') =>
  `${base.replace(/\/$/, '')}/?path=/story/${STORIES.find(([re]) => re.test(id))[1]}&globals=lang:${locale}`;

const reviewed = (state) => REVIEWED_STATES.includes(state ?? '');

/**
 * The review table for a locale, as CSV text.
 * @param {string} locale
 * @param {{ all?: boolean, storybook?: string, dir?: URL }} [options]
 */
export function exportReview(locale, { all = false, storybook, dir } = {}) {
  const { units } = readXliff(locale, dir);
  const rows = units
    .filter((u) => all || !reviewed(u.state))
    .map((u) => ({
      id: u.id,
      source: toText(u.source),
      translation: toText(u.target ?? ''),
      note: u.note ?? '',
      screenshot: storyLink(u.id, locale, storybook),
      state: u.state ?? 'missing',
      decision: '',
      corrected: '',
      comment: '',
    }));
  return { csv: `\uFEFF${Papa.unparse(rows, { columns: COLUMNS })}\r\n`, count: rows.length };
}

/**
 * Reads a reviewer's table back into the locale's XLIFF file. Returns what was done, and each
 * row it could not use (with the reason).
 * @param {string} locale
 * @param {string} csv
 * @param {{ dir?: URL }} [options]
 */
export function importReview(locale, csv, { dir } = {}) {
  const { data } = Papa.parse(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  /** @type {Map<string, Record<string, string>>} */
  const rows = new Map(data.map((r) => [String(r.id ?? '').trim(), r]));
  const done = { ok: 0, changed: 0, redo: 0, comments: 0 };
  /** @type {string[]} */
  const problems = [];
  const { xml, units } = readXliff(locale, dir);
  const known = new Set(units.map((u) => u.id));
  for (const id of rows.keys()) if (id && !known.has(id)) problems.push(`${id}: not a message in ${locale}.xlf`);
  const next = editUnits(xml, (unit) => {
    const row = rows.get(unit.id);
    if (!row) return undefined;
    const decision = String(row.decision ?? '')
      .trim()
      .toLowerCase();
    const comment = String(row.comment ?? '').trim() || undefined;
    if (comment) done.comments++;
    if (!decision) return comment ? { comment } : undefined;
    if (['ok', 'yes', 'approve', 'approved'].includes(decision)) {
      if (!unit.target) {
        problems.push(`${unit.id}: "ok" but there is no translation to approve`);
        return comment ? { comment } : undefined;
      }
      done.ok++;
      return { state: 'final', comment };
    }
    if (decision == 'change') {
      const corrected = String(row.corrected ?? '').trim();
      const wrong = corrected ? placeholderProblem(corrected, toText(unit.source)) : 'there is no corrected text';
      if (wrong) {
        problems.push(`${unit.id}: not changed: ${wrong}`);
        return comment ? { comment } : undefined;
      }
      done.changed++;
      return { target: fromText(corrected, unit.source), state: 'final', comment };
    }
    if (['redo', 'no', 'wrong'].includes(decision)) {
      done.redo++;
      return { state: 'needs-translation', comment };
    }
    problems.push(`${unit.id}: decision "${row.decision}" is not ok, change or redo`);
    return comment ? { comment } : undefined;
  });
  if (next != xml) writeXliff(locale, next, dir);
  return { done, problems };
}

if (import.meta.url == pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const option = (name) => {
    const at = args.indexOf(name);
    return at >= 0 ? args.splice(at, 2)[1] : undefined;
  };
  const from = option('--import');
  const out = option('--out');
  const storybook = option('--storybook');
  const all = args.includes('--all');
  const [locale] = args.filter((a) => !a.startsWith('--'));
  if (!locale) {
    console.error('Usage: npm run locales:review -- <locale> [--all] [--out file.csv] | <locale> --import file.csv');
    process.exit(64);
  }
  if (from) {
    const { done, problems } = importReview(locale, readFileSync(from, 'utf8'));
    console.log(
      `locales/${locale}.xlf: ${done.ok} approved, ${done.changed} corrected, ` +
        `${done.redo} to translate again, ${done.comments} comments kept.`,
    );
    for (const p of problems) console.warn(`  ! ${p}`);
    process.exitCode = problems.length ? 1 : 0;
  } else {
    const file = out ?? `review-${locale}.csv`;
    const { csv, count } = exportReview(locale, { all, storybook });
    writeFileSync(file, csv);
    console.log(`${file}: ${count} messages to review (open it in a spreadsheet; see README "For translators").`);
  }
}
