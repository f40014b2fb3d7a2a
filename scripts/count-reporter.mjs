// A web-test-runner reporter that counts passed and failed tests (per browser) and writes them to
// .wtr-results.json, so scripts/test.mjs can print one "N passed, N failed" line for the whole run.
import { writeFileSync } from 'node:fs';

function count(suite, acc) {
  for (const t of suite?.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite?.suites ?? []) count(s, acc);
  return acc;
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0, errors: 0 };
      for (const session of sessions) {
        count(session.testResults, acc);
        // A file that failed to load or threw outside a test counts as a failure.
        if (!session.passed && (session.errors?.length || !session.testResults)) acc.errors++;
      }
      writeFileSync('.wtr-results.json', JSON.stringify(acc));
    },
  };
}
