// Writes schema/feed.schema.json from the schema in src/feed/schema.ts (`npm run schema`).
// With --check, writes nothing and fails if the committed file is stale (CI runs this).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { feedJsonSchema } from '../src/feed/json-schema.js';

const file = 'schema/feed.schema.json';
const text = JSON.stringify(feedJsonSchema(), null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== text) {
    console.error(`${file} is stale: run "npm run schema" and commit it.`);
    process.exit(1);
  }
  console.log(`${file} is up to date.`);
} else {
  mkdirSync('schema', { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
