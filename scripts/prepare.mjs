// Generates what a fresh clone lacks before tests, type checks, builds and Storybook can run:
// the locale modules (from locales/*.xlf) and custom-elements.json (from the JSDoc).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', shell: false });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    console.error(`\nprepare: "${cmd} ${args.join(' ')}" failed`);
    process.exit(r.status ?? 1);
  }
};
const bin = (name) => `node_modules/.bin/${name}`;

// The locale files the translator loads, from locales/*.xlf (untranslated messages are reported by locales:status).
run('node', ['scripts/locales.mjs']);
run(bin('cem'), [
  'analyze',
  '--litelement',
  '--globs',
  'src/**/*.ts',
  '--exclude',
  'src/generated/**',
  '--exclude',
  'src/**/*.styles.ts',
  '--quiet',
]);
