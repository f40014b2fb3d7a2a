// Compile tests. TypeScript users get JSX types for the elements (types/jsx.d.ts): right usage
// compiles, a wrong attribute value does not. The JSON-LD exporter's output type-checks against
// schema.org's vocabulary (the schema-dts types), with no DOM types available.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const tsc = (file, options = ['--jsx', 'preserve', '--target', 'es2021']) =>
  spawnSync(
    process.execPath,
    [
      `${root}node_modules/typescript/bin/tsc`,
      '--noEmit',
      '--strict',
      ...options,
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--skipLibCheck',
      '--types',
      'node',
      file,
    ],
    { cwd: root, encoding: 'utf8' },
  );

test('JSX: the elements and their attributes type-check', () => {
  const r = tsc('test/types/usage.tsx');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('JSX: a wrong attribute value is a type error', () => {
  const r = tsc('test/types/misuse.tsx');
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /"soon"/);
});

// test/types/jsonld.ts compiles src/export/jsonld.ts, whose every object literal is typed with schema-dts.
const plain = ['--target', 'es2022', '--lib', 'es2022'];

test('JSON-LD: the exporter and its output type-check against schema.org (schema-dts), without the DOM', () => {
  const r = tsc('test/types/jsonld.ts', plain);
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('JSON-LD: a property schema.org does not have, or a misspelt status, is a type error', () => {
  const r = tsc('test/types/jsonld-misuse.ts', plain);
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /jsonld-misuse\.ts\(9,3\).*'bookingUrl' does not exist/);
  assert.match(r.stdout, /jsonld-misuse\.ts\(16,3\).*EventCanceled/);
});
