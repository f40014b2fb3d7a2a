// The translation-pack tool (npm run locales:pack) and its count in npm run locales:status.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain .mjs script
import { makePack } from '../../scripts/locales-pack.mjs';

const root = new URL('../../', import.meta.url);
const run = (args: string[]) =>
  spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' }) as {
    status: number;
    stdout: string;
    stderr: string;
  };

type Pack = {
  locale: string;
  plurals: string[];
  messages: Record<string, { source: string; note?: string; translation: string }>;
  intl?: { months: string[] };
};

test('a blank pack for Somali: every message with its English and note, plural forms by CLDR, CLDR dates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  const file = join(dir, 'so.json');
  const out = run(['scripts/locales-pack.mjs', 'so', '--out', file]);
  assert.equal(out.status, 0, out.stderr);
  const pack = JSON.parse(readFileSync(file, 'utf8')) as Pack;
  assert.equal(pack.locale, 'so');
  assert.deepEqual(pack.plurals, ['one', 'other']);
  assert.deepEqual(pack.messages['card.call'], {
    source: 'Call {0}',
    note: pack.messages['card.call'].note,
    translation: '',
  });
  assert.match(pack.messages['card.call'].note!, /\S/);
  assert.equal(pack.messages['feed.loading'].source, 'Loading…');
  // Only Somali's plural forms, each noted as one.
  assert.ok(pack.messages['session-list.count.one'] && pack.messages['session-list.count.other']);
  assert.equal(pack.messages['session-list.count.few'], undefined);
  assert.match(pack.messages['session-list.count.one'].note!, /Plural form "one" \(CLDR\) for so/);
  assert.ok(Object.values(pack.messages).every((m) => m.translation === ''));
  assert.equal(pack.intl!.months[0], 'Jannaayo');

  // A translator's work survives a new run (a new version's messages are added blank).
  pack.messages['card.call'].translation = 'Wac {0}';
  writeFileSync(file, JSON.stringify(pack));
  assert.equal(run(['scripts/locales-pack.mjs', 'so', '--out', file]).status, 0);
  const again = JSON.parse(readFileSync(file, 'utf8')) as Pack;
  assert.equal(again.messages['card.call'].translation, 'Wac {0}');
  assert.equal(again.messages['feed.loading'].translation, '');
});

test('a pack for a shipped language starts from our translation; Welsh has all six plural forms', () => {
  const pack = makePack('cy') as Pack;
  assert.deepEqual(pack.plurals, ['zero', 'one', 'two', 'few', 'many', 'other']);
  assert.equal(pack.messages['card.badge.urgent'].translation, 'Brys');
  assert.equal(pack.messages['card.call'].translation, 'Ffoniwch {0}');
});

test('locales:status counts packs: translated, refused for a placeholder, missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'status-'));
  const pack = makePack('so') as Pack;
  pack.messages['card.call'].translation = 'Wac {0}';
  pack.messages['card.text'].translation = 'Qoraal u dir'; // drops {0}: refused at run time
  writeFileSync(join(dir, 'so.json'), JSON.stringify(pack));
  writeFileSync(join(dir, 'bad.json'), '{ "messages": ');
  const out = run(['scripts/locales-status.mjs', '--packs', dir]);
  assert.equal(out.status, 0, out.stderr);
  const total = Object.keys(pack.messages).length;
  const row = out.stdout.split('\n').find((l) => l.startsWith('so '));
  assert.deepEqual(row?.trim().split(/\s+/), ['so', String(total), '1', '1', String(total - 2)]);
  assert.match(out.stdout, /bad\.json: not JSON/);
  // The XLIFF rows are still there, and --check is about shipped languages only.
  assert.match(out.stdout, /^cy +\d+/m);
  assert.equal(run(['scripts/locales-status.mjs', '--check', '--packs', dir]).status, 0);
});
