// Sums vitest JSON reports and the static checks' results into the one line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.slice(0, 300) ?? '';
let passed = 0;
let failed = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const f of files) {
  const r = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  passed += r.numPassedTests ?? 0;
  // A test file that failed to load counts as a failure even when it ran no test.
  let runFailed =
    (r.numFailedTests ?? 0) +
    (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0).length;
  console.log(`${f}: ${r.numPassedTests ?? 0} passed, ${r.numFailedTests ?? 0} failed`);
  // Name every failure here, at the end of the log, where a reader of the last lines sees it.
  for (const file of r.testResults ?? []) {
    const rel = String(file.name ?? '').replace(/^.*?\/(core|server|web|e2e)\//, '$1/');
    const failures = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    if (file.status === 'failed' && failures.length === 0) console.log(`  FAILED ${rel}: ${firstLine(file.message)}`);
    for (const t of failures) console.log(`  FAILED ${rel} > ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
  }
  // vitest exits non-zero on an unhandled error even when every test passed: count the run as one failure.
  if (runFailed === 0 && existsSync(join(dir, f.replace(/\.json$/, '.exit-nonzero')))) {
    runFailed = 1;
    console.log(`${f}: the run exited non-zero (unhandled error or failed file): counted as 1 failure`);
  }
  failed += runFailed;
}
if (files.length < 2) failed += 2 - files.length;
// Static checks (typecheck, lint) written by .ci/run: one test each.
for (const f of readdirSync(dir).filter((n) => n.endsWith('.check'))) {
  const ok = readFileSync(join(dir, f), 'utf8').trim() === 'passed';
  console.log(`${f.replace(/\.check$/, '')}: ${ok ? 'passed' : 'failed'}`);
  if (ok) passed += 1;
  else failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
