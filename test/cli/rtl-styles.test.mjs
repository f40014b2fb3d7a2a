// Right-to-left layout: every element's styles use logical properties (inline/block start and end),
// so Arabic and Urdu mirror without separate rules. A physical left/right in the styles fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../../src/', import.meta.url).pathname;
const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name == 'generated' ? [] : files(join(dir, e.name))) : [join(dir, e.name)],
  );
const PHYSICAL =
  /(?:margin|padding|border|inset)-(?:left|right)\b|(?:^|[\s;{])(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)|translateX\(|border-(?:top|bottom)-(?:left|right)-radius/;

test('element styles use logical properties only', () => {
  const found = [];
  for (const file of files(src).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, block] of text.matchAll(/css`([\s\S]*?)`/g)) {
      block
        .split('\n')
        .forEach((line) => PHYSICAL.test(line) && found.push(`${file.replace(src, 'src/')}: ${line.trim()}`));
    }
  }
  assert.deepEqual(found, []);
});
