// TypeScript users get JSX types for the elements (types/jsx.d.ts): right usage compiles, a wrong
// attribute value does not.
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
      '--jsx',
      'preserve',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2021',
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
