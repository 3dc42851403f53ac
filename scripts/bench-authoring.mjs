#!/usr/bin/env node
// Times the authoring tools in one process (a benchmark, not a test): `check` and `quicktest` of every
// shipped scenario, and `simulate --runs 10000` of poc-red-lines. The CLI is imported through tsx, so
// the times are those of the commands themselves, not of starting Node and compiling TypeScript
// (measured once, separately, as "process start + TypeScript load").
//   node scripts/bench-authoring.mjs [--runs N]
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(ROOT);
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 10000;

let t = performance.now();
const { runCli } = await tsImport('../src/cli/main.ts', import.meta.url);
const loadSeconds = (performance.now() - t) / 1000;

const ids = readdirSync('scenarios', { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join('scenarios', d.name, 'scenario.yaml')))
  .map((d) => d.name)
  .sort();

/** @type {{ step: string, seconds: number, code: number, note: string }[]} */
const rows = [{ step: 'process start + TypeScript load (once)', seconds: loadSeconds, code: 0, note: '' }];
function time(step, args, note = (r) => r.stdout.trim().split('\n').at(-1) ?? '') {
  const started = performance.now();
  const r = runCli(args);
  rows.push({ step, seconds: (performance.now() - started) / 1000, code: r.code, note: r.code === 0 ? note(r) : (r.stderr || r.stdout).trim().split('\n').at(-1) });
}

for (const id of ids) {
  time(`check ${id}`, ['check', `scenarios/${id}/scenario.yaml`]);
  time(`quicktest ${id}`, ['quicktest', id], (r) => r.stdout.replace(/^.*OK — /, '').trim());
}
const authoring = rows.slice(1).reduce((s, r) => s + r.seconds, 0);
time(`simulate poc-red-lines --runs ${RUNS}`, ['simulate', 'poc-red-lines', '--runs', String(RUNS), '--seed', '1', '--json'], (r) => {
  const j = JSON.parse(r.stdout);
  return `${Object.values(j.endings).filter((n) => n > 0).length} endings reached, ${j.unreachedOptions.length} option(s) never taken`;
});

const w = Math.max(...rows.map((r) => r.step.length));
console.log(`${'step'.padEnd(w)}  seconds  exit  result`);
for (const r of rows) console.log(`${r.step.padEnd(w)}  ${r.seconds.toFixed(2).padStart(7)}  ${String(r.code).padStart(4)}  ${r.note}`);
console.log(`${'check + quicktest, every shipped scenario'.padEnd(w)}  ${authoring.toFixed(2).padStart(7)}`);
console.log(`(${ids.length} shipped scenario(s); Node ${process.version}; ${(await import('node:os')).cpus().length} CPU(s))`);
process.exitCode = rows.some((r) => r.code !== 0) ? 1 : 0;
