import { compileAll } from '../../build/content-files';
import { leansOf } from '../../engine/content/scenario-stats';
import { knownFlags, runCommand, ScenarioErrors, type CommandResult } from '../command-kit';

interface CoverageRow {
  id: string;
  title: string;
  kind: string;
  /** scenario id → the decisions ("node.option") that lean on it, with the direction. */
  scenarios: Record<string, { toA: string[]; toB: string[]; both: string[] }>;
}

/** `coverage [--json]`: which catalogue polarities the shipped scenarios exercise, where, and which not yet. */
export function coverage(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'coverage', ['--json']);
    const { shared, results } = compileAll({ quick: true }); // reads the content only: the search of play is check's job
    const rows = new Map<string, CoverageRow>(
      shared.catalogue.map((p) => [p.id, { id: p.id, title: p.title, kind: p.kind, scenarios: {} }]),
    );
    for (const [file, r] of results) {
      if (!r.bundle) throw new ScenarioErrors(file, r.diagnostics);
      for (const { node, option, lean } of leansOf(r.bundle)) {
        const row = rows.get(lean.polarity);
        if (!row) continue;
        const cell = (row.scenarios[r.bundle.scenario.id] ??= { toA: [], toB: [], both: [] });
        const where = `${node}.${option}`;
        (lean.toward === 'a' ? cell.toA : lean.toward === 'b' ? cell.toB : cell.both).push(where);
      }
    }
    const all = [...rows.values()];
    const exercised = all.filter((r) => Object.keys(r.scenarios).length > 0);
    const missing = all.filter((r) => r.kind === 'polarity' && Object.keys(r.scenarios).length === 0);
    if (args.includes('--json')) {
      out(JSON.stringify({ exercised, notYet: missing.map((r) => r.id) }, null, 2));
      return 0;
    }
    out(`Exercised (${exercised.length} of ${all.length} catalogue entries):`);
    for (const r of exercised) {
      out(`  ${r.id} — ${r.title}`);
      for (const [sid, c] of Object.entries(r.scenarios)) {
        const parts = [
          c.toA.length ? `toward A at ${c.toA.join(', ')}` : '',
          c.toB.length ? `toward B at ${c.toB.join(', ')}` : '',
          c.both.length ? `both/and at ${c.both.join(', ')}` : '',
        ].filter(Boolean);
        out(`    ${sid}: ${parts.join('; ')}`);
      }
    }
    out(`Not yet exercised (${missing.length} polarities): ${missing.map((r) => r.id).join(', ')}`);
    return 0;
  });
}
