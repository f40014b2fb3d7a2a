// Where a built file's bytes come from, per source file, from its source map (issue 14: start
// from the biggest contributors). Run after a build (the maps are written beside each file):
//   node scripts/size-sources.mjs [dist/imh-widgets.js] [--top 30]
// Each source's minified bytes are the generated characters its mappings cover; "br" is the share
// of the whole file's min+brotli size in proportion (brotli works across sources, so a source's
// bytes alone would compress worse: the share is what removing it would roughly save).
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 30;
const file = args[0] ?? 'dist/imh-widgets.js';
const code = readFileSync(file, 'utf8');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
const br = (s) => brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** A mappings segment's numbers (base64 VLQ). */
const decode = (segment) => {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return out;
};

const lines = code.split('\n');
const bytes = new Map();
const add = (source, n) => bytes.set(source, (bytes.get(source) ?? 0) + n);
let source = 0;
map.mappings.split(';').forEach((line, i) => {
  const text = lines[i] ?? '';
  let column = 0;
  let last; // [column, source or undefined]
  for (const segment of line ? line.split(',') : []) {
    const [dc, ds] = decode(segment);
    column += dc;
    if (ds !== undefined) source += ds;
    if (last) add(last[1], column - last[0]);
    last = [column, ds === undefined ? undefined : source];
  }
  if (last) add(last[1], text.length - last[0]);
  // Characters before the first mapping on a line belong to no source.
  const first = line ? decode(line.split(',')[0])[0] : text.length;
  add(undefined, Math.min(first, text.length));
});

const total = code.length;
const totalBr = br(code);
const rows = [...bytes]
  .map(([s, n]) => [s === undefined ? '(unmapped)' : map.sources[s].replace(/^(\.\.\/)+/, ''), n])
  .sort((a, b) => b[1] - a[1]);
console.log(`${file}: ${(total / 1024).toFixed(2)} KiB minified, ${(totalBr / 1024).toFixed(2)} KiB min+brotli`);
console.log('    min KiB   ~br KiB  source');
const kib = (n, width) => (n / 1024).toFixed(2).padStart(width);
for (const [name, n] of rows.slice(0, top)) console.log(`${kib(n, 10)} ${kib((n / total) * totalBr, 9)}  ${name}`);
if (rows.length > top) console.log(`  … and ${rows.length - top} more sources`);
