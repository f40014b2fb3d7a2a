// The script-tag builds ship the locale files as generated, beside the chunk that loads them, and
// leave the loader's one import() as written (scripts/locale-files.mjs). Built here with Vite as
// vite.config.ts builds, then run: the built module loads its locale file by that one URL pattern.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Rollup } from 'vite';
import { localeFileNames, localeFiles, LOADER } from '../../../scripts/locale-files.mjs';
import { loaderModule } from '../../../scripts/locales.mjs';

/** A project with the generated loader, two locale files and source.js, and an entry that loads one. */
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'imh-locale-files-'));
  mkdirSync(join(dir, 'gen/locales'), { recursive: true });
  writeFileSync(join(dir, 'gen/locale-files.ts'), loaderModule());
  writeFileSync(join(dir, 'gen/locales/xx.ui.js'), 'export default {"a.b":"Helo"};\n');
  writeFileSync(join(dir, 'gen/locales/xx.intl.js'), 'export default {weekdays:["Llun"]};\n');
  writeFileSync(join(dir, 'gen/locales/source.js'), 'export default {"a.b":0};\n');
  writeFileSync(
    join(dir, 'main.ts'),
    `import { localeFile } from './gen/locale-files.ts';\nexport const load = (p: string) => localeFile('xx', p);\n`,
  );
  return dir;
}

async function built(dir: string, entryFileNames = '[name].js') {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins: [localeFiles({ loader: join(dir, 'gen/locale-files.ts'), dir: join(dir, 'gen/locales') })],
    build: {
      write: false,
      minify: true,
      lib: { entry: join(dir, 'main.ts'), formats: ['es'], fileName: 'main' },
      rolldownOptions: { output: { entryFileNames } },
    },
  });
  return (Array.isArray(out) ? out[0] : (out as Rollup.RollupOutput)).output;
}

test('the locale files are shipped byte for byte in locales/ beside the chunk that loads them', async () => {
  const dir = project();
  try {
    const output = await built(dir);
    const assets = output.filter((o) => o.type == 'asset').map((o) => [o.fileName, String(o.source)]);
    assert.deepEqual(assets.sort(), [
      ['locales/xx.intl.js', readFileSync(join(dir, 'gen/locales/xx.intl.js'), 'utf8')],
      ['locales/xx.ui.js', readFileSync(join(dir, 'gen/locales/xx.ui.js'), 'utf8')],
    ]);
    const chunks = output.filter((o) => o.type == 'chunk');
    assert.equal(chunks.length, 1, 'no locale file became a chunk');
    const code = chunks[0].code;
    assert.match(code, /import\(`\.\/locales\/\$\{\w+\}\.\$\{\w+\}\.js`\)/, 'the import() as written');
    assert.doesNotMatch(code, /Unknown variable dynamic import|xx\.ui/, 'no table of files');

    // Run the built module: it loads its locale file from beside itself.
    const at = mkdtempSync(join(tmpdir(), 'imh-locale-files-out-'));
    for (const o of output) {
      mkdirSync(join(at, o.fileName, '..'), { recursive: true });
      writeFileSync(join(at, o.fileName), o.type == 'chunk' ? o.code : o.source);
    }
    const { load } = await import(pathToFileURL(join(at, 'main.js')).href);
    assert.deepEqual((await load('ui')).default, { 'a.b': 'Helo' });
    assert.deepEqual((await load('intl')).default, { weekdays: ['Llun'] });
    rmSync(at, { recursive: true, force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a chunk in a folder gets its locales/ folder beside it', async () => {
  const dir = project();
  try {
    const output = await built(dir, 'js/[name].js');
    assert.deepEqual(
      output
        .filter((o) => o.type == 'asset')
        .map((o) => o.fileName)
        .sort(),
      ['js/locales/xx.intl.js', 'js/locales/xx.ui.js'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the project’s locale files are the generated parts of each locale, not the pack checker’s source.js', () => {
  const names = localeFileNames();
  assert.ok(names.includes('cy.ui.js') && names.includes('ur.intl.js'));
  assert.ok(!names.includes('source.js'));
  assert.ok(LOADER.endsWith('src/generated/locale-files.ts'));
});
