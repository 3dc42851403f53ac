import { compileAll } from '../../build/content-files';
import { scenarioStats, type ScenarioStats } from '../../engine/content/scenario-stats';
import { knownFlags, runCommand, ScenarioErrors, type CommandResult } from '../command-kit';

/** `stats [--json]`: per shipped scenario, its size, seats, polarities and the sections it cites. */
export function stats(args: readonly string[]): CommandResult {
  return runCommand((out) => {
    knownFlags(args, 'stats', ['--json']);
    const all = shippedStats();
    if (args.includes('--json')) {
      out(JSON.stringify(all, null, 2));
      return 0;
    }
    for (const s of all) {
      out(`${s.title} (${s.id})`);
      out(`  decisions ${s.decisions} · options ${s.options} · endings ${s.endings} · injects ${s.injects} · seats ${s.seats.join(', ')}`);
      out(`  polarities pushed both ways (${s.polaritiesBothWays.length}): ${s.polaritiesBothWays.join(', ') || 'none'}`);
      out(`  polarities pushed one way only (${s.polaritiesOneWay.length}): ${s.polaritiesOneWay.join(', ') || 'none'}`);
      out(`  sections cited (${s.sectionsCited.length}): ${s.sectionsCited.join(', ')}`);
    }
    if (all.length === 0) out('No scenarios.');
    return 0;
  });
}

export function shippedStats(): ScenarioStats[] {
  const { results } = compileAll({ quick: true }); // reads the content only: the search of play is check's job
  const out: ScenarioStats[] = [];
  for (const [file, r] of results) {
    if (!r.bundle) throw new ScenarioErrors(file, r.diagnostics);
    out.push(scenarioStats(r.bundle));
  }
  return out;
}
