#!/usr/bin/env node
// Reads a vitest JSON report (--reporter=json --outputFile=…) for .ci/run.
//
//   node .ci/vitest-counts.mjs <report.json>
//
// First line of output: "<passed> <failed> <skipped> <failedFiles> <flaky>" (skipped = pending + todo;
// failedFiles = test files with a failure, including one that failed to load or in a hook; flaky = tests that
// passed only on a retry, counted among the passed).
// Then up to 20 lines naming what failed ("  ✗ …"), then one line per flaky test ("  FLAKY …"), for the CI summary.
// Exit 2 (and no output) when the report is missing or unreadable.
//
// Vitest 4's JSON report has no retry count: a test that passed on a retry is "passed" and keeps the failed
// attempt's messages in failureMessages, which a test passed at once never has.
import fs from 'node:fs';

const file = process.argv[2];
let report;
try {
  report = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch {
  process.exit(2);
}

const num = (v) => (Number.isFinite(v) ? v : 0);
const passed = num(report.numPassedTests);
const failed = num(report.numFailedTests);
const skipped = num(report.numPendingTests) + num(report.numTodoTests);
const failedFiles = (report.testResults ?? []).filter((f) => f.status === 'failed').length;
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const short = (s, n = 200) => {
  const line =
    String(s ?? '')
      .replace(ANSI, '')
      .split('\n')
      .find((l) => l.trim() !== '') ?? '';
  return line.length > n ? `${line.slice(0, n - 1)}…` : line;
};
const rel = (p) => String(p ?? '').replace(`${process.cwd()}/`, '');

const lines = [];
const flaky = [];
for (const file of report.testResults ?? []) {
  const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
  for (const t of failedTests)
    lines.push(`  ✗ ${rel(file.name)} › ${short(t.fullName, 160)} — ${short(t.failureMessages?.[0], 160)}`);
  // A file that failed without a failing test (load error, hook failure, …).
  if (file.status === 'failed' && failedTests.length === 0)
    lines.push(`  ✗ ${rel(file.name)} (file) — ${short(file.message, 200)}`);
  for (const t of file.assertionResults ?? []) {
    if (t.status === 'passed' && (t.failureMessages ?? []).length > 0) {
      flaky.push(
        `  FLAKY ${rel(file.name)} › ${short(t.fullName, 160)} — first attempt: ${short(t.failureMessages[0], 160)}`,
      );
    }
  }
}

console.log(`${passed} ${failed} ${skipped} ${failedFiles} ${flaky.length}`);
for (const l of lines.slice(0, 20)) console.log(l);
if (lines.length > 20) console.log(`  … and ${lines.length - 20} more (see the log)`);
for (const l of flaky) console.log(l);
