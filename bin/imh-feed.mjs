#!/usr/bin/env node
// imh-feed: tools for people who maintain an imh-widgets feed. The commands are TypeScript in
// src/cli/, built into dist/cli.js; "imh-feed --help" lists them and their exit codes.
const root = new URL('..', import.meta.url);
let cli;
try {
  cli = await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    console.error(
      `imh-feed is not built in ${decodeURIComponent(root.pathname)}: run "npm run build" there, then try again.`,
    );
    process.exit(70);
  }
  throw error;
}
process.exitCode = await cli.main(process.argv.slice(2));
