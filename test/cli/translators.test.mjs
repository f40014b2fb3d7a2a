// The translators' workflow, in a scratch copy of the project: one command adds a language, the
// status report shows what is left, and the CI check fails until every string is translated.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

test('npm run locales:add -- so creates a Somali XLIFF of every message, and status and --check report it', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'imh-locale-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const p of ['src', 'locales', 'scripts', 'package.json', 'tsconfig.json'])
    cpSync(join(root, p), join(dir, p), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  const node = (...args) => spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });

  const add = node('scripts/add-locale.mjs', 'so');
  assert.equal(add.status, 0, add.stderr);
  const config = JSON.parse(readFileSync(join(dir, 'locales/lit-localize.json'), 'utf8'));
  assert.ok(config.targetLocales.includes('so'));
  assert.equal(config.targetLocales.at(-1), 'en-XA', 'the pseudo-locale stays last');

  const xliff = readFileSync(join(dir, 'locales/so.xlf'), 'utf8');
  const source = readFileSync(join(dir, 'locales/cy.xlf'), 'utf8');
  const units = (x) => x.match(/<trans-unit /g).length;
  assert.equal(units(xliff), units(source), 'every message is there to translate');
  assert.match(xliff, /target-language="so"/);
  assert.doesNotMatch(xliff, /<target/, 'nothing is translated yet');
  // The locale builds (English until translated), so the demo and Storybook can show it at once.
  const codes = readFileSync(join(dir, 'src/generated/locale-codes.ts'), 'utf8');
  assert.ok(JSON.parse(/targetLocales = (\[.*\])/.exec(codes)[1]).includes('so'), 'the elements list it');
  assert.deepEqual(
    readdirSync(join(dir, 'src/generated/locales'))
      .filter((f) => f.startsWith('so.'))
      .sort(),
    ['so.intl.js', 'so.reach.js', 'so.sheet.js', 'so.stages.js', 'so.timeline.js', 'so.ui.js'],
    'its messages and CLDR data are there to load',
  );

  const status = node('scripts/locales-status.mjs');
  assert.match(status.stdout, new RegExp(`^so\\s+${units(source)}\\s+0\\s+0\\s+${units(source)}$`, 'm'));
  const check = node('scripts/locales-status.mjs', '--check');
  assert.equal(check.status, 1, 'CI fails while a shipped locale has missing strings');
  assert.match(check.stderr, /^so: \d+ missing/m);

  assert.notEqual(node('scripts/add-locale.mjs', 'so').status, 0, 'adding it twice is refused');
  assert.notEqual(node('scripts/add-locale.mjs', 'not a tag').status, 0, 'a bad tag is refused');
});
