// Writes schema/feed.schema.json from the schema in src/feed/schema.ts (`npm run schema`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { feedJsonSchema } from '../src/feed/json-schema.js';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/feed.schema.json', JSON.stringify(feedJsonSchema(), null, 2) + '\n');
console.log('wrote schema/feed.schema.json');
