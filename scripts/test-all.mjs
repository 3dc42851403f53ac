#!/usr/bin/env node
// `npm test`: the one command that proves the repository healthy (CONVENTIONS habit 16).
// Runs every step in order, timing each, and keeps going after a failure so one run shows everything
// that is wrong. Steps that need the build (budget, e2e) are marked failed without running when the
// build failed. Ends with the line CI reads, exactly `N passed, M failed`:
//   N = unit tests passed + e2e tests passed (flaky included) + passing non-test steps
//   M = unit tests failed + e2e tests failed + failing non-test steps
// where the non-test steps typecheck, lint, scenario check, build and budget count 1 each. A test
// runner that fails without reporting any failed test (a crash, a file that does not load) counts 1.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
mkdirSync('reports', { recursive: true });

const BIN = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const VITEST_JSON = 'reports/vitest.json';
const E2E_JSON = 'reports/e2e.json';

/** @type {{ name: string, status: 'passed' | 'failed' | 'skipped', seconds: number, note?: string }[]} */
const steps = [];
const counts = { unitPassed: 0, unitFailed: 0, e2ePassed: 0, e2eFailed: 0, e2eFlaky: 0, e2eSkipped: 0 };
const T0 = Date.now();

function banner(name) {
  console.log(`\n=== ${name} (t=${((Date.now() - T0) / 1000).toFixed(0)}s)`);
}

/** Runs a command with inherited output; returns its exit code and duration. */
function run(cmd, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, ...options.env }, encoding: 'utf8' });
  const code = result.status ?? 1;
  if (result.error) console.error(`test-all: could not run ${cmd}: ${result.error.message}`);
  return { code, seconds: (Date.now() - started) / 1000, stdout: result.stdout ?? '' };
}

function record(name, status, seconds, note) {
  steps.push({ name, status, seconds, note });
  console.log(`--- ${name}: ${status}${note ? ` (${note})` : ''} in ${seconds.toFixed(1)}s`);
}

function step(name, cmd, args) {
  banner(name);
  const { code, seconds } = run(cmd, args);
  record(name, code === 0 ? 'passed' : 'failed', seconds);
  return code === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// 1–2. Static checks
step('typecheck', 'npm', ['run', '-s', 'typecheck']);
step('lint', 'npm', ['run', '-s', 'lint']);

// 3. Unit and scenario tests
{
  banner('unit tests (vitest)');
  rmSync(VITEST_JSON, { force: true });
  const { code, seconds } = run(BIN('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`]);
  const report = readJson(VITEST_JSON);
  counts.unitPassed = report?.numPassedTests ?? 0;
  counts.unitFailed = report?.numFailedTests ?? 0;
  let note = `${counts.unitPassed} passed, ${counts.unitFailed} failed`;
  if (code !== 0 && counts.unitFailed === 0) {
    const suites = report?.numFailedTestSuites ?? 0;
    counts.unitFailed = Math.max(1, suites);
    note = report ? `${suites} test file(s) failed to run` : `vitest exited ${code} without ${VITEST_JSON}`;
  }
  record('unit tests', code === 0 && counts.unitFailed === 0 ? 'passed' : 'failed', seconds, note);
}

// 4. Scenario check (the authors' CLI)
if (existsSync('src/cli/main.ts')) {
  step('scenario check', 'npm', ['run', '-s', 'scenario', '--', 'check']);
} else {
  banner('scenario check');
  console.log('skipped: no scenario CLI yet (src/cli/main.ts does not exist)');
  record('scenario check', 'skipped', 0, 'no scenario CLI yet');
}

// 5–6. Build and the first-screen budget
const built = step('build', 'npm', ['run', '-s', 'build']);
if (built) {
  step('budget', 'node', ['scripts/check-budget.mjs']);
} else {
  banner('budget');
  record('budget', 'failed', 0, 'not run: the build failed');
}

// 7. Browser tests
{
  banner('e2e (playwright)');
  rmSync(E2E_JSON, { force: true });
  if (!built) {
    counts.e2eFailed = 1;
    record('e2e', 'failed', 0, 'not run: the build failed');
  } else {
    const chromium = run('node', ['scripts/ensure-chromium.mjs'], { capture: true });
    const chromiumPath = chromium.stdout.trim().split('\n').pop() ?? '';
    if (chromium.code !== 0 || !chromiumPath) {
      counts.e2eFailed = 1;
      record('e2e', 'failed', chromium.seconds, 'no Chromium');
    } else {
      console.log(`chromium: ${chromiumPath}`);
      const { code, seconds } = run(BIN('playwright'), ['test'], { env: { CHROMIUM_PATH: chromiumPath } });
      const stats = readJson(E2E_JSON)?.stats;
      counts.e2ePassed = (stats?.expected ?? 0) + (stats?.flaky ?? 0);
      counts.e2eFlaky = stats?.flaky ?? 0;
      counts.e2eSkipped = stats?.skipped ?? 0;
      counts.e2eFailed = stats?.unexpected ?? 0;
      let note = `${counts.e2ePassed} passed (${counts.e2eFlaky} flaky, ${counts.e2eSkipped} skipped), ${counts.e2eFailed} failed`;
      if (code !== 0 && counts.e2eFailed === 0) {
        counts.e2eFailed = 1;
        note = stats ? `playwright exited ${code} (see errors in ${E2E_JSON})` : `playwright exited ${code} without ${E2E_JSON}`;
      }
      record('e2e', code === 0 && counts.e2eFailed === 0 ? 'passed' : 'failed', chromium.seconds + seconds, note);
    }
  }
}

// Summary
const TEST_STEPS = new Set(['unit tests', 'e2e']);
const checkSteps = steps.filter((s) => !TEST_STEPS.has(s.name));
const checksPassed = checkSteps.filter((s) => s.status === 'passed').length;
const checksFailed = checkSteps.filter((s) => s.status === 'failed').length;
const passed = counts.unitPassed + counts.e2ePassed + checksPassed;
const failed = counts.unitFailed + counts.e2eFailed + checksFailed;
const failedSteps = steps.filter((s) => s.status === 'failed').map((s) => s.name);

banner('summary');
for (const s of steps) console.log(`  ${s.status.padEnd(7)} ${s.name.padEnd(15)} ${s.seconds.toFixed(1).padStart(6)}s${s.note ? `  ${s.note}` : ''}`);
console.log(`unit: ${counts.unitPassed} passed, ${counts.unitFailed} failed`);
console.log(`e2e: ${counts.e2ePassed} passed (${counts.e2eFlaky} flaky, ${counts.e2eSkipped} skipped), ${counts.e2eFailed} failed`);
console.log(`checks: ${checksPassed} passed, ${checksFailed} failed (typecheck, lint, scenario check, build, budget)`);
console.log(`failed steps: ${failedSteps.length ? failedSteps.join(', ') : 'none'}`);
console.log(`total time: ${((Date.now() - T0) / 1000).toFixed(0)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
