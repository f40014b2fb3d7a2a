// Reports min+brotli sizes of the built script-tag bundle and its lazy chunks, and fails over budget.
// Budgets grow with the elements (see README "Size and speed"); this checks what exists today.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const KiB = 1024;
const brotli = (file) =>
  brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const budgets = { 'dist/imh-widgets.js': 24 * KiB };
const lazyBudget = 3 * KiB;

let over = false;
const rows = [];
for (const [file, budget] of Object.entries(budgets)) {
  const size = brotli(file);
  rows.push([file, size, budget]);
  if (size > budget) over = true;
}
for (const name of readdirSync('dist').filter((f) => f.startsWith('imh-widgets-') && f.endsWith('.js'))) {
  const file = `dist/${name}`;
  if (!statSync(file).isFile()) continue;
  const size = brotli(file);
  rows.push([`${file} (lazy)`, size, lazyBudget]);
  if (size > lazyBudget) over = true;
}
for (const [file, size, budget] of rows) {
  console.log(`${(size / KiB).toFixed(2).padStart(7)} KiB  ${size > budget ? 'OVER ' : 'ok   '} (budget ${(budget / KiB).toFixed(0)} KiB)  ${file}`);
}
process.exit(over ? 1 : 0);
