import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zeroHashes } from '../../../scripts/zero-hashes.mjs';

const files = [
  'imh-autoloader.js',
  'imh-labels-Be0--ZSM.js',
  'imh-support-card-AJte95HF.js',
  'imh-widgets-family-sheet-C_z6rkIP.js',
  'locales/cy.ui.js',
];

test('every hashed name among the files has its hash as zeros, the same length; nothing else changes', () => {
  const code =
    'import{a as e}from"./imh-labels-Be0--ZSM.js";' +
    'const l=()=>import(`./imh-widgets-family-sheet-C_z6rkIP.js`),c=()=>import("./imh-support-card-AJte95HF.js");' +
    'import("./imh-autoloader.js");fetch(`./locales/cy.ui.js`);"Be0--ZSM";"AJte95HF.js"';
  const out = zeroHashes(code, files);
  assert.equal(
    out,
    'import{a as e}from"./imh-labels-00000000.js";' +
      'const l=()=>import(`./imh-widgets-family-sheet-00000000.js`),c=()=>import("./imh-support-card-00000000.js");' +
      'import("./imh-autoloader.js");fetch(`./locales/cy.ui.js`);"Be0--ZSM";"AJte95HF.js"',
  );
  assert.equal(out.length, code.length);
});

test('two builds that differ only in their hashes measure the same text', () => {
  const build = (h: string[]) => ({
    files: [`imh-labels-${h[0]}.js`, `imh-qr-${h[1]}.js`],
    code: `import{x}from"./imh-labels-${h[0]}.js";const q=()=>import("./imh-qr-${h[1]}.js")`,
  });
  const a = build(['Dh0UjLxq', 'DGRtH4LY']);
  const b = build(['BginzeVf', 'a-_9Zz01']);
  assert.notEqual(a.code, b.code);
  assert.equal(zeroHashes(a.code, a.files), zeroHashes(b.code, b.files));
});

test('names without a hash (entries, locale files) are left alone', () => {
  const code = 'import("./imh-widgets.js");import("./imh-autoloader.js");import("./locales/cy.stages.js")';
  assert.equal(zeroHashes(code, ['imh-widgets.js', 'imh-autoloader.js', 'locales/cy.stages.js']), code);
});
