// A Vite plugin so that lazily loaded chunks stand alone and the script-tag bundle stays one file:
// the generated locale modules get `str` from src/internal/locale-str.ts, and the built-in timeline
// text gets msg() from src/internal/lazy-msg.ts, instead of sharing @lit/localize with the bundle.
import { fileURLToPath } from 'node:url';

const target = fileURLToPath(new URL('../src/internal/locale-str.ts', import.meta.url));
const lazyMsg = fileURLToPath(new URL('../src/internal/lazy-msg.ts', import.meta.url));

/** @returns {import('vite').Plugin} */
export const localeStr = () => ({
  name: 'imh-locale-str',
  enforce: 'pre',
  resolveId(source, importer) {
    // A copy per locale chunk (the same file under a query per importer), so no 3-line chunk is shared.
    if (source === '@lit/localize' && /\/src\/generated\/(locales|timeline|stages)\//.test(importer ?? ''))
      return `${target}?for=${encodeURIComponent(importer.replace(/.*\/src\/generated\//, ''))}`;
    // The built-in timeline text needs only msg(): see src/internal/lazy-msg.ts.
    if (source === '@lit/localize' && importer?.endsWith('/first-1001-days-timeline/default-timeline.ts'))
      return lazyMsg;
    return undefined;
  },
});
