import { simulateScenario, type SimulationReport } from '../../engine/content/simulate';
import { flagValue, intFlag, knownFlags, loadScenario, positionals, runCommand, UsageError, type CommandResult } from '../command-kit';

/**
 * `simulate <id | file.yaml> --runs N --seed S [--consult P] [--json]` (randomtest): N seeded random
 * playthroughs; how often each ending, node and option is reached, what is never reached, and how the
 * final meters and polarity positions fall. The same seed gives the same report.
 */
export function simulate(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'simulate', ['--runs', '--seed', '--consult', '--json', '--seat']);
    const [id, extra] = positionals(args, ['--runs', '--seed', '--consult', '--seat']);
    if (extra !== undefined) throw new UsageError(`simulate takes one scenario; unexpected "${extra}".`);
    const runs = intFlag(args, '--runs', 'how many random playthroughs', undefined, 1, 1_000_000);
    const seed = intFlag(args, '--seed', 'the random seed', undefined, 0, 2 ** 31);
    const consultPercent = intFlag(args, '--consult', 'percent of decisions where an adviser is consulted first', 20, 0, 100);
    const { bundle } = loadScenario(id, 'simulate');
    const seat = flagValue(args, '--seat');
    if (seat !== undefined && !bundle.scenario.seats.some((x) => x.id === seat))
      throw new UsageError(`--seat must be one of ${bundle.scenario.seats.map((x) => x.id).join(', ')}; got "${seat}".`);
    const report = simulateScenario(bundle.scenario, { runs, seed, consultPercent, ...(seat ? { seat } : {}) });
    if (args.includes('--json')) out(JSON.stringify(report, null, 2));
    else for (const line of formatReport(report, bundle.scenario.title, consultPercent)) out(line);
    return 0;
  });
}

const pct = (n: number, of: number): string => `${of ? ((100 * n) / of).toFixed(1) : '0.0'}%`.padStart(6);
const bar = (n: number, of: number): string => '█'.repeat(of ? Math.round((30 * n) / of) : 0);

function formatReport(r: SimulationReport, title: string, consultPercent: number): string[] {
  const lines: string[] = [];
  lines.push(`${title} — ${r.runs} random run(s), seed ${r.seed}; an adviser is consulted first at ${consultPercent}% of decisions.`);
  lines.push('', 'Endings:');
  const w = Math.max(...Object.keys(r.endings).map((e) => e.length), 8);
  for (const [id, n] of Object.entries(r.endings)) lines.push(`  ${id.padEnd(w)} ${String(n).padStart(7)} ${pct(n, r.runs)}  ${bar(n, r.runs)}`);
  if (r.stuck) lines.push(`  ${'(no ending)'.padEnd(w)} ${String(r.stuck).padStart(7)} ${pct(r.stuck, r.runs)}`);
  lines.push('', `Nodes (entries; ${r.meanDecisions} decisions per run on average):`);
  for (const [node, n] of Object.entries(r.nodeHits)) {
    const opts = Object.entries(r.optionHits).filter(([k]) => k.startsWith(`${node}.`));
    const taken = opts.reduce((s, [, v]) => s + v, 0);
    const detail = opts.map(([k, v]) => `${k.slice(node.length + 1)} ${pct(v, taken).trim()}`).join(', ');
    lines.push(`  ${node.padEnd(12)} ${String(n).padStart(7)}${detail ? `  ${detail}` : ''}`);
  }
  lines.push('', `Never reached: nodes ${list(r.unreachedNodes)}; options ${list(r.unreachedOptions)}; endings ${list(r.unreachedEndings)}.`);
  const mw = Math.max(...Object.keys(r.meters).map((m) => m.length), 8);
  lines.push('', 'Final meters (runs by band of 20):');
  lines.push(`  ${''.padEnd(mw)} ${'min'.padStart(4)} ${'mean'.padStart(5)} ${'max'.padStart(4)}   ${['0-19', '20-39', '40-59', '60-79', '80-100'].map((b) => b.padStart(6)).join(' ')}`);
  for (const [id, d] of Object.entries(r.meters)) {
    lines.push(`  ${id.padEnd(mw)} ${String(d.min).padStart(4)} ${d.mean.toFixed(1).padStart(5)} ${String(d.max).padStart(4)}   ${Object.values(d.buckets).map((b) => String(b).padStart(6)).join(' ')}`);
  }
  const pw = Math.max(...Object.keys(r.polarities).map((m) => m.length), 8);
  lines.push('', 'Final polarity positions (-100 = pole A … +100 = pole B; runs beyond the healthy band):');
  lines.push(`  ${''.padEnd(pw)} ${'min'.padStart(5)} ${'mean'.padStart(6)} ${'max'.padStart(5)}   ${['beyond A', 'within', 'beyond B'].map((b) => b.padStart(8)).join(' ')}`);
  for (const [id, d] of Object.entries(r.polarities)) {
    lines.push(`  ${id.padEnd(pw)} ${String(d.min).padStart(5)} ${d.mean.toFixed(1).padStart(6)} ${String(d.max).padStart(5)}   ${String(d.sides.a).padStart(8)} ${String(d.sides.within).padStart(8)} ${String(d.sides.b).padStart(8)}`);
  }
  return lines;
}

const list = (items: readonly string[]): string => (items.length ? items.join(', ') : 'none');
