// The locale files the elements load (scripts/locales.mjs): generated from lit-localize's own reading
// of the source and the XLIFF files, in the shape the translator reads (src/internal/localize.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileMessage, generate, jsLiteral, partOf } from '../../../scripts/locales.mjs';

const ph = (untranslatable: string, index: number) => ({ untranslatable, index });

test('a translation keeps its text and gives each of the source’s values as its position', () => {
  assert.equal(compileMessage(['Trwydded'], ['Licence']), 'Trwydded');
  assert.equal(compileMessage([], ['Licence']), '');
  const source = ['Day ', ph('${day}', 0), ' of 1001'];
  assert.deepEqual(compileMessage(['Diwrnod ', ph('${day}', 0), ' o 1001'], source), ['Diwrnod ', 0, ' o 1001']);
  // Reordered values keep the source's positions.
  const two = [ph('${a}', 0), ' to ', ph('${b}', 1)];
  assert.deepEqual(compileMessage([ph('${b}', 1), ' ← ', ph('${a}', 0)], two), [1, ' ← ', 0]);
  // One placeholder may hold two values and the text between them.
  const range = [ph('${from}–${to}', 0), ' days'];
  assert.deepEqual(compileMessage(['dyddiau ', ph('${from}–${to}', 0)], range), ['dyddiau ', 0, '–', 1]);
  // A placeholder with no value is text.
  assert.equal(compileMessage(['a', ph('<b>', 0), 'c'], ['x', ph('<b>', 0)]), 'a<b>c');
});

test('a translation whose placeholder is not in the source is refused', () => {
  assert.throws(
    () => compileMessage(['Diwrnod ', ph('${oops}', 3)], ['Day ', ph('${day}', 0)]),
    /placeholder \$\{oops\} is not in the source message/,
  );
});

test('a message’s part is the file its msg() call is in', () => {
  assert.equal(partOf('src/components/first-1001-days-timeline/default-timeline.ts'), 'stages');
  assert.equal(partOf('src/components/first-1001-days-timeline/journey-view.ts'), 'timeline');
  assert.equal(partOf('src\\components\\first-1001-days-timeline\\stages.ts'), 'timeline');
  assert.equal(partOf('src/components/support-card/service-card.ts'), 'ui');
  assert.equal(partOf('src/components/family-sheet/family-sheet.ts'), 'sheet');
  assert.equal(partOf('src/reach/fresh-share.ts'), 'reach');
});

test('data is written as a literal that reads back as the same data', () => {
  const data = { weekdays: ['Llun', 'Maw'], 'card.prefix.urgent': 'Cyngor brys:', $x: 1, '1a': [0, 'ŵ"\\'] };
  const literal = jsLiteral(data);
  assert.equal(literal, '{weekdays:["Llun","Maw"],"card.prefix.urgent":"Cyngor brys:",$x:1,"1a":[0,"ŵ\\"\\\\"]}');
  assert.deepEqual(new Function(`return ${literal}`)(), data);
  assert.throws(() => jsLiteral(JSON.parse('{"__proto__":{"x":1}}')), /__proto__/);
});

test('generates each locale’s parts as data modules, and the one loader that imports them', async () => {
  const out = mkdtempSync(join(tmpdir(), 'imh-locales-'));
  try {
    const { messages, locales } = generate({ out: `${out}/` });
    const files = readdirSync(join(out, 'locales')).sort();
    for (const locale of locales) {
      for (const part of ['ui', 'timeline', 'stages', 'sheet', 'reach']) {
        assert.ok(files.includes(`${locale}.${part}.js`), `${locale}.${part}.js`);
      }
      assert.equal(files.includes(`${locale}.intl.js`), !locale.startsWith('en-'), `${locale}.intl.js`);
    }
    const { default: source } = await import(pathToFileURL(join(out, 'locales/source.js')).href);
    assert.equal(Object.keys(source).length, messages);
    const { localeFile } = await import(pathToFileURL(join(out, 'locale-files.ts')).href);
    for (const locale of locales) {
      const seen = new Set<string>();
      for (const part of ['ui', 'timeline', 'stages', 'sheet', 'reach']) {
        const file = readFileSync(join(out, `locales/${locale}.${part}.js`), 'utf8');
        assert.doesNotMatch(file, /^\s*import\b/m, 'a data module imports nothing');
        const { default: data } = await localeFile(locale, part);
        for (const [id, t] of Object.entries(data as Record<string, unknown>)) {
          assert.ok(!seen.has(id), `${id} in two parts of ${locale}`);
          seen.add(id);
          assert.ok(id in source, `${locale}: ${id} is not a message in the source`);
          // Text, or text and positions of the source's values, each position one of its values.
          const pieces = typeof t == 'string' ? [t] : (t as unknown[]);
          for (const p of pieces)
            assert.ok(typeof p == 'string' || (Number.isInteger(p) && (p as number) < source[id]), `${locale} ${id}`);
        }
      }
      // Welsh and the rest are complete (locales:status --check holds them to it).
      if (locale == 'cy') assert.equal(seen.size, messages);
    }
    assert.equal(
      (await localeFile('cy', 'ui')).default['card.prefix.urgent'],
      'Cyngor brys:',
      'the loader reads the file beside it',
    );
    assert.equal((await localeFile('cy', 'intl')).default.weekdays[0], 'Dydd Llun');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
