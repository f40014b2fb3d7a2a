// Reading and editing the translators' XLIFF files (locales/<code>.xlf, as `lit-localize extract`
// writes them) in place, message by message, so a tool changes only the targets and states it
// means to and the rest of the file stays byte for byte. Shared by the review tool
// (locales-review.mjs) and the pack tool (locales-pack.mjs).
//
// In text for people (a review table, a pack), a placeholder is written {0}, {1}…: the `<x id="0"/>`
// elements of the source, which stand for what the element fills in (a weekday, a number).
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);

/** Where a locale's XLIFF file is. */
export const xliffFile = (locale, dir = new URL('locales/', root)) => new URL(`${locale}.xlf`, dir);

/**
 * @typedef {object} Unit one message
 * @property {string} id
 * @property {string} source the source as written in the file (XML)
 * @property {string | undefined} target the translation as written in the file (XML), if any
 * @property {string | undefined} state the target's `state` (`needs-review-translation`, `final`…)
 * @property {string | undefined} note the note for translators (where it shows, what a placeholder is)
 * @property {string[]} comments reviewers' notes (`<note from="reviewer">`)
 */

const unitPattern = /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g;

/** Every message of an XLIFF file, in file order. */
export function readUnits(xml) {
  /** @type {Unit[]} */
  const units = [];
  for (const [, id, body] of xml.matchAll(unitPattern)) {
    const target = /<target(?:\s+state="([^"]*)")?\s*>([\s\S]*?)<\/target>/.exec(body);
    units.push({
      id,
      source: /<source>([\s\S]*?)<\/source>/.exec(body)?.[1] ?? '',
      target: target?.[2],
      state: target?.[1],
      note: unescape(/<note from="lit-localize">([\s\S]*?)<\/note>/.exec(body)?.[1] ?? '') || undefined,
      comments: [...body.matchAll(/<note from="reviewer">([\s\S]*?)<\/note>/g)].map((m) => unescape(m[1])),
    });
  }
  return units;
}

/** Reads a locale's XLIFF: its text and messages. */
export function readXliff(locale, dir) {
  const xml = readFileSync(xliffFile(locale, dir), 'utf8');
  return { xml, units: readUnits(xml) };
}

const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescape = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** XLIFF contents as text for people: `<x id="0" …/>` as {0}, entities decoded. */
export const toText = (xml = '') => unescape(xml.replace(/<x id="(\d+)"[^>]*\/>/g, '{$1}'));

/** The placeholders a text uses, sorted, each as often as it appears: ["{0}", "{1}"]. */
export const placeholdersOf = (text) => [...text.matchAll(/\{(\d+)\}/g)].map((m) => `{${m[1]}}`).sort();

/**
 * Why a translation's placeholders do not fit its source (undefined when they do): each of the
 * source's must be kept, once, and no other added.
 */
export function placeholderProblem(translation, source) {
  const want = placeholdersOf(source);
  const have = placeholdersOf(translation);
  const dropped = want.filter((p) => !have.includes(p));
  const added = [...new Set(have.filter((p) => !want.includes(p)))];
  const twice = [...new Set(have.filter((p, i) => want.includes(p) && have.indexOf(p) != i))];
  const parts = [];
  if (dropped.length) parts.push(`drops ${dropped.join(', ')}`);
  if (added.length) parts.push(`adds ${added.join(', ')}, which the English does not have`);
  if (twice.length) parts.push(`repeats ${twice.join(', ')}`);
  return parts.length ? `the translation ${parts.join(' and ')}` : undefined;
}

/** Text for people back to XLIFF contents, with the source's own placeholder elements. */
export function fromText(text, sourceXml) {
  const elements = new Map([...sourceXml.matchAll(/<x id="(\d+)"[^>]*\/>/g)].map((m) => [m[1], m[0]]));
  return escape(text).replace(/\{(\d+)\}/g, (m, n) => elements.get(n) ?? m);
}

/**
 * Changes messages of an XLIFF text: `edit(unit)` returns the new target (XML) and state, or a
 * reviewer's comment to add, or nothing to leave the message as it is.
 * @param {string} xml
 * @param {(unit: Unit) => { target?: string, state?: string, comment?: string } | undefined} edit
 */
export function editUnits(xml, edit) {
  return xml.replace(unitPattern, (whole, id, body) => {
    const [unit] = readUnits(whole);
    const change = edit(unit);
    if (!change) return whole;
    let next = body;
    if (change.target !== undefined || change.state !== undefined) {
      const state = change.state ?? unit.state ?? 'translated';
      const target = `<target state="${state}">${change.target ?? unit.target ?? ''}</target>`;
      next = /<target[\s>][\s\S]*?<\/target>/.test(next)
        ? next.replace(/<target[\s>][\s\S]*?<\/target>/, target)
        : next.replace(/(<source>[\s\S]*?<\/source>)/, `$1\n  ${target}`);
    }
    if (change.comment) next = next.replace(/\s*$/, `\n  <note from="reviewer">${escape(change.comment)}</note>\n`);
    return `<trans-unit id="${id}">${next}</trans-unit>`;
  });
}

/** Writes a locale's XLIFF text back. */
export const writeXliff = (locale, xml, dir) => writeFileSync(xliffFile(locale, dir), xml);

/** States that mean a native speaker has checked the translation. */
export const REVIEWED_STATES = ['final', 'signed-off'];
