/**
 * Prints the plain closing line CI reads: `tests: N passed, N failed, N skipped`. A test that did not run
 * because a hook of its suite or file failed counts as failed, not skipped, and errors outside any test are
 * counted too, so the line never says `0 failed` for a run that failed.
 */
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';

/** Whether the test's file or one of its suites failed (a hook threw). */
function ancestorFailed(t: TestCase): boolean {
  for (let p: TestCase['parent'] = t.parent; ; p = p.parent) {
    if (p.state() === 'failed') return true;
    if (p.type === 'module') return false;
  }
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<SerializedError>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') passed++;
        else if (s === 'failed' || ancestorFailed(t)) failed++;
        else skipped++;
      }
    }
    const outside = errors.length > 0 ? ` (and ${errors.length} error(s) outside any test)` : '';
    console.log(`\ntests: ${passed} passed, ${failed + errors.length} failed, ${skipped} skipped${outside}`);
  }
}
