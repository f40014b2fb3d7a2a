// The JSON-LD exporter's output type-checks against schema.org's vocabulary: test/types/jsonld.ts
// (which compiles src/export/jsonld.ts, typed with the schema-dts types) compiles under --strict,
// and a node with a property schema.org lacks does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;
const tsc = (file) =>
  spawnSync(
    process.execPath,
    [
      `${root}node_modules/typescript/bin/tsc`,
      '--noEmit',
      '--strict',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--lib',
      'es2022',
      '--skipLibCheck',
      '--types',
      'node',
      file,
    ],
    { cwd: root, encoding: 'utf8' },
  );

test('JSON-LD: the exporter and its output type-check against schema.org (schema-dts)', () => {
  const r = tsc('test/types/jsonld.ts');
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('JSON-LD: a property schema.org does not have, or a misspelt status, is a type error', () => {
  const r = tsc('test/types/jsonld-misuse.ts');
  assert.notEqual(r.status, 0);
  assert.match(r.stdout, /jsonld-misuse\.ts\(9,3\).*'bookingUrl' does not exist/);
  assert.match(r.stdout, /jsonld-misuse\.ts\(16,3\).*EventCanceled/);
});
