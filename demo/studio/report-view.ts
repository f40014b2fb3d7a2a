// The feed studio's report on one source: every record, grouped as skipped, imported with losses
// and imported, each with where it is in the source (row and column, line and UID, page and id) in
// sentences; then what the studio or the merge noticed about the source as a whole.
import { html, nothing, type TemplateResult } from 'lit';
import { describeLocation, ONE, RECORD_NOUNS as NOUNS, type Problem } from '../../src/import/report.js';
import type { ImportResult } from '../../src/import/index.js';
import type { RecordNote, RecordReport } from '../../src/import/types.js';
import { plural } from '../../src/import/common.js';

/** A record's name when it has a real one (not "row 7"). */
const nameOf = (r: RecordReport) =>
  r.name && !/^(row|line|item|service|event) \S+$/i.test(r.name) ? r.name : undefined;

const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text : `${text}.`);

/** What it became: its session or service (the places and organisations it named follow from those). */
function became(r: RecordReport): string {
  const main = r.items.filter((i) => i.list == 'sessions' || i.list == 'services');
  const parts = (main.length ? main : r.items).map((i) => `${ONE[i.list]} ${i.id}`);
  if (!parts.length) return '';
  const list = parts.length < 3 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return ` It became ${list}.`;
}

/**
 * A note as a sentence after the record's location: "Day: "Tusday" is not a day…". Importers that
 * start their notes with the row ("Row 10, Day: …") have it said once, in the location.
 */
function noteText(r: RecordReport, note: RecordNote): { field?: string; text: string } {
  const text = sentence(note.message);
  const own = r.at.row !== undefined && text.startsWith(`Row ${r.at.row}, `);
  if (own) return { text: text.slice(`Row ${r.at.row}, `.length) };
  if (!note.field || text.startsWith(note.field)) return { text };
  return { field: r.at.row ? `Column ${note.field}` : note.field, text };
}

function record(result: ImportResult, r: RecordReport): TemplateResult {
  // The column is named in the note itself.
  const where = describeLocation({ ...r.at, column: undefined }, undefined, result.report.source, nameOf(r));
  if (r.outcome == 'imported') {
    return html`<li><span class="where">${where}</span>: imported.${became(r)}</li>`;
  }
  if (r.outcome == 'skipped') {
    const why = r.notes.length
      ? r.notes.map((n) => noteText(r, n)).map((n) => (n.field ? `${n.field}: ${n.text}` : n.text))
      : ['No reason was given.'];
    return html`<li><span class="where">${where}</span>: skipped. ${why.join(' ')}</li>`;
  }
  return html`<li>
    <span class="where">${where}</span>: imported with losses.${became(r)}
    <ul>
      ${r.notes
        .map((n) => noteText(r, n))
        .map((n) => html`<li>${n.field ? html`<span class="where">${n.field}</span>: ` : nothing}${n.text}</li>`)}
    </ul>
  </li>`;
}

/**
 * The records of one import, in three groups. Skipped and partly imported records are open, so an
 * editor sees what to fix first; the cleanly imported ones are a click away.
 */
export function recordsView(result: ImportResult, id: string): TemplateResult {
  const [one, many] = NOUNS[result.report.format] ?? ['record', 'records'];
  const groups = [
    { outcome: 'skipped', title: 'Skipped', open: true },
    { outcome: 'imported-with-losses', title: 'Imported with losses', open: true },
    { outcome: 'imported', title: 'Imported', open: false },
  ] as const;
  return html`${groups.map(({ outcome, title, open }) => {
    const of = result.report.records.filter((r) => r.outcome == outcome);
    if (!of.length) return nothing;
    return html`<details class="group ${outcome}" ?open=${open}>
      <summary id="${id}-${outcome}">${title}: ${plural(of.length, one, many)}</summary>
      <ul class="records" aria-labelledby="${id}-${outcome}">
        ${of.map((r) => record(result, r))}
      </ul>
    </details>`;
  })}`;
}

const LEVEL = { error: 'Problem', warning: 'Check', info: 'Note' } as const;

/** Notes on a source as a whole (an unknown column, paging stopped), and what the merge did with it. */
export function notesView(notes: Problem[]): TemplateResult | typeof nothing {
  if (!notes.length) return nothing;
  return html`<ul class="notes">
    ${notes.map(
      (p) =>
        html`<li>
          <span class="level ${p.level}">${LEVEL[p.level]}:</span>
          ${p.where && p.where != p.source ? html`<span class="where">${p.where}</span>: ` : nothing}${p.message}
        </li>`,
    )}
  </ul>`;
}
