// Every message in the source reaches the translators: the msg calls found on a parse of src/
// (scripts/messages.mjs) are exactly the messages `lit-localize extract` wrote into the XLIFF
// files, which CI keeps current. A translator reached in a way the extractor cannot see (its type
// lost, an id built at run time) fails here instead of shipping English in a Welsh page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findMessages } from '../../scripts/messages.mjs';

const root = new URL('../../', import.meta.url).pathname;
const sources = readdirSync(join(root, 'src'), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('generated'))
  .map((f) => join('src', f));
const scans = sources.map((f) => findMessages(readFileSync(join(root, f), 'utf8'), f));
const found = scans.flatMap((s) => s.messages);
const xliffIds = (locale: string) =>
  new Set(
    [...readFileSync(join(root, `locales/${locale}.xlf`), 'utf8').matchAll(/<trans-unit id="([^"]+)">/g)].map(
      (m) => m[1],
    ),
  );

test('every msg call has a plain string id and a description for translators', () => {
  const bad = found.filter((m) => !m.id || !m.options).map((m) => m.where);
  assert.deepEqual(bad, [], 'calls whose id the extractor cannot read');
  const undescribed = found.filter((m) => !/desc\s*:/.test(m.options!.getText())).map((m) => m.where);
  assert.deepEqual(undescribed, []);
});

test('every translator call is a direct call, which the extractor and the build both see', () => {
  assert.deepEqual(
    scans.flatMap((s) => s.strays),
    [],
    'msg passed on, aliased or cast instead of called as t.msg(…)',
  );
});

test('the messages in src/ are exactly those in the XLIFF files (the extractor misses none)', () => {
  const inSource = new Set(found.map((m) => m.id!));
  for (const locale of ['cy', 'en-XA']) {
    const inXliff = xliffIds(locale);
    assert.deepEqual(
      [...inSource].filter((id) => !inXliff.has(id)),
      [],
      `in the source, not in locales/${locale}.xlf`,
    );
    assert.deepEqual(
      [...inXliff].filter((id) => !inSource.has(id)),
      [],
      `in locales/${locale}.xlf, not in the source`,
    );
  }
  assert.ok(inSource.size > 200, `${inSource.size} messages found`);
});

test("nothing in src/ uses @lit/localize's page-wide runtime (a host app may configure it)", () => {
  const users = sources.filter((f) =>
    /from ['"]@lit\/localize(\/[^'"]*)?['"]/.test(readFileSync(join(root, f), 'utf8')),
  );
  assert.deepEqual(users, []);
});
