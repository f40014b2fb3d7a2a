// Finds the browsers the tests need, from Debian's packages (never downloaded by npm).
// `node scripts/browsers.mjs chromium|all`. When one is missing: installs it when running as root
// with apt-get, otherwise stops with the exact command to run.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const BROWSERS = {
  chromium: { path: process.env.CHROME_PATH || '/usr/bin/chromium', packages: ['chromium'] },
  firefox: { path: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', packages: ['firefox-esr'] },
  webkit: {
    path: '/usr/bin/WebKitWebDriver',
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
  xvfb: { path: '/usr/bin/xvfb-run', packages: ['xvfb', 'xauth'] },
  // Reads back the PDFs Chromium prints in test/cli/print.test.mjs.
  pdftotext: { path: '/usr/bin/pdftotext', packages: ['poppler-utils'] },
};

export function ensureBrowsers(names) {
  const missing = names.filter((n) => !existsSync(BROWSERS[n].path));
  if (!missing.length) return;
  const packages = [...new Set(missing.flatMap((n) => BROWSERS[n].packages))];
  const command = `apt-get update && apt-get install -y ${packages.join(' ')}`;
  const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(
      `Missing browser(s) for the tests: ${missing.join(', ')}.\nInstall them with:\n\n  sudo sh -c '${command}'\n`,
    );
    process.exit(1);
  }
  console.log(`Installing ${packages.join(', ')} from Debian's packages…`);
  const r = spawnSync('sh', ['-c', `export DEBIAN_FRONTEND=noninteractive; ${command}`], { stdio: 'inherit' });
  if (r.status !== 0 || missing.some((n) => !existsSync(BROWSERS[n].path))) {
    console.error(`Could not install ${packages.join(', ')}. Run this, then try again:\n\n  ${command}\n`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'chromium';
  ensureBrowsers(which === 'all' ? ['chromium', 'firefox', 'webkit', 'xvfb', 'pdftotext'] : [which, 'pdftotext']);
}
