// npm run locales:review: a native speaker's review out of the XLIFF file as a table, and back in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
// @ts-expect-error: a plain .mjs script
import { exportReview, importReview, COLUMNS } from '../../scripts/locales-review.mjs';

/** A copy of locales/cy.xlf to review, in a folder of its own. */
function copy() {
  const dir = mkdtempSync(join(tmpdir(), 'review-'));
  copyFileSync(new URL('../../locales/cy.xlf', import.meta.url), join(dir, 'cy.xlf'));
  return { dir: pathToFileURL(`${dir}/`), file: join(dir, 'cy.xlf') };
}
type Row = Record<string, string>;
const rowsOf = (csv: string) =>
  Papa.parse<Row>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

test('the table: every message awaiting review, with source, translation, note and a Storybook link', () => {
  const { dir } = copy();
  const { csv, count } = exportReview('cy', { dir, storybook: 'https://storybook.example/' });
  assert.ok(csv.startsWith('\uFEFF'), 'a byte-order mark, so Excel reads UTF-8');
  const rows = rowsOf(csv);
  assert.equal(rows.length, count);
  const units = readFileSync(new URL('../../locales/cy.xlf', import.meta.url), 'utf8').split('<trans-unit ').length - 1;
  assert.equal(count, units); // nothing is reviewed yet
  assert.deepEqual(Object.keys(rows[0]), COLUMNS);
  const stale = rows.find((r) => r.id == 'feed.stale')!;
  assert.equal(stale.source, 'This is a copy saved {0}; the latest information could not be loaded.');
  assert.equal(stale.translation, "Copi a gadwyd {0} yw hwn; nid oedd modd llwytho'r wybodaeth ddiweddaraf.");
  assert.match(stale.note, /relative time like "3 days ago"/);
  assert.equal(
    stale.screenshot,
    'https://storybook.example/?path=/story/elements-imh-session-list--stale-copy&globals=lang:cy',
  );
  assert.equal(stale.state, 'needs-review-translation');
});

test('round trip: the reviewer’s decisions become XLIFF states; the rest of the file stays byte for byte', () => {
  const { dir, file } = copy();
  const before = readFileSync(file, 'utf8');
  const rows = rowsOf(exportReview('cy', { dir }).csv);
  const set = (id: string, values: Row) =>
    Object.assign(
      rows.find((r) => r.id == id)!,
      values,
    );
  set('card.badge.urgent', { decision: 'ok', comment: 'Da iawn & clir' });
  set('card.call', { decision: 'change', corrected: 'Ffonio {0}' });
  set('card.text', { decision: 'change', corrected: 'Anfon neges' }); // drops {0}: refused
  set('feed.retry', { decision: 'redo', comment: 'Rhy hir' });
  set('card.email', { decision: 'maybe' });
  const csv = Papa.unparse(rows, { columns: COLUMNS });
  const { done, problems } = importReview('cy', csv, { dir });
  assert.deepEqual(done, { ok: 1, changed: 1, redo: 1, comments: 2 });
  assert.deepEqual(problems, [
    'card.text: not changed: the translation drops {0}',
    'card.email: decision "maybe" is not ok, change or redo',
  ]);
  const after = readFileSync(file, 'utf8');
  assert.match(
    after,
    /<target state="final">Brys<\/target>\s*<note from="lit-localize">[^<]*<\/note>\s*<note from="reviewer">Da iawn &amp; clir<\/note>/,
  );
  assert.match(after, /<target state="final">Ffonio <x id="0" equiv-text="\$\{display\}"\/><\/target>/);
  assert.match(
    after,
    /<trans-unit id="feed.retry">\s*<source>Try again<\/source>\s*<target state="needs-translation">/,
  );
  assert.match(
    after,
    /<trans-unit id="card.text">\s*<source>[^<]*<x[^>]*\/><\/source>\s*<target state="needs-review-translation">/,
  );
  // Only those three messages changed (the refused correction and the unknown decision leave theirs).
  const units = (xml: string) => xml.split('</trans-unit>');
  const changed = units(after).filter((u, i) => u != units(before)[i]);
  assert.equal(changed.length, 3);
  // Exported again, the approved and corrected messages are no longer awaiting review.
  const again = rowsOf(exportReview('cy', { dir }).csv).map((r) => r.id);
  assert.equal(again.length, rows.length - 2);
  assert.ok(!again.includes('card.call') && !again.includes('card.badge.urgent') && again.includes('feed.retry'));
});
