#!/usr/bin/env node
// Usage: node scripts/check-budget.mjs [--dist dist] [--limit-kb 100] [--font-limit-kb 100]
// Fails (exit 1) when the JS loaded before Phaser exceeds the budget, Phaser is not split off, or the
// first screen's stylesheets declare more fonts than the font budget.
// Writes reports/budget.json for CI.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_FONT_LIMIT_BYTES, DEFAULT_LIMIT_BYTES, analyzeBudget, formatReport } from './budget-lib.mjs';

const { values } = parseArgs({
  options: { dist: { type: 'string', default: 'dist' }, 'limit-kb': { type: 'string' }, 'font-limit-kb': { type: 'string' } },
});
const limitBytes = values['limit-kb'] ? Number(values['limit-kb']) * 1024 : DEFAULT_LIMIT_BYTES;
const fontLimitBytes = values['font-limit-kb'] ? Number(values['font-limit-kb']) * 1024 : DEFAULT_FONT_LIMIT_BYTES;
const report = analyzeBudget(path.resolve(values.dist ?? 'dist'), { limitBytes, fontLimitBytes });

console.log(formatReport(report));
mkdirSync('reports', { recursive: true });
writeFileSync('reports/budget.json', JSON.stringify(report, null, 2));

if (!report.ok) {
  for (const problem of report.problems) console.error(`budget: FAIL ${problem}`);
  process.exit(1);
}
console.log('budget: ok');
