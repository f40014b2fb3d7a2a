// A web-test-runner reporter that counts passed and failed tests (per browser) and writes them to
// .wtr-results.json, so scripts/test.mjs can print one "N passed, N failed" line for the whole run,
// and, above it, the name of every test that failed (a CI log shown from its end still names them).
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const firstLine = (error) => String(error?.message ?? error ?? '').split('\n')[0];

function count(suite, acc, where, path = []) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else {
      acc.failed++;
      acc.failures.push(`${where} · ${[...path, t.name].join(' › ')}: ${firstLine(t.error)}`);
    }
  }
  for (const s of suite?.suites ?? []) count(s, acc, where, [...path, s.name]);
  return acc;
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, errors: 0, failures: [] };
      for (const session of sessions) {
        const where = `${session.browser?.name ?? '?'} · ${relative(process.cwd(), session.testFile)}`;
        count(session.testResults, acc, where);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) {
          acc.errors++;
          acc.failures.push(`${where}: ${firstLine(session.errors?.[0]) || 'the file did not run'}`);
        }
      }
      writeFileSync('.wtr-results.json', JSON.stringify(acc));
    },
  };
}
