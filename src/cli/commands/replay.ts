import { debriefModel, formatRelativeTime, type ScenarioBundle } from '../../engine/index';
import { InputError, knownFlags, loadScenario, positionals, runCommand, flagValue, UsageError, type CommandResult } from '../command-kit';
import { printable, readSessionFile } from '../session-file';
import { describe } from './play';

const VERDICT: Record<string, string> = {
  managed: 'managed (both poles held)',
  'leaned-a': 'leaned toward pole A',
  'leaned-b': 'leaned toward pole B',
  'over-leaned-a': 'OVER-LEANED toward pole A',
  'over-leaned-b': 'OVER-LEANED toward pole B',
};

/**
 * `replay <session.json> [--scenario <id | file.yaml>] [--json]`: replays a saved session (exported from
 * the browser or written by `play --export`) against the scenario it names and prints what happened,
 * the ending and the final state: mission state (band and number), polarities, benchmarks.
 * Exit 1 with one line for a file that is not a usable session, or when the log stops applying.
 */
export function replay(args: readonly string[]): CommandResult {
  return runCommand((rawOut, rawErr) => {
    // Notes, labels and ids come from the file: nothing in them may act on the terminal.
    const out = (line: string): void => rawOut(printable(line));
    const err = (line: string): void => rawErr(printable(line));
    knownFlags(args, 'replay', ['--scenario', '--json']);
    const files = positionals(args, ['--scenario']);
    if (files.length !== 1) throw new UsageError('replay needs one session file: npm run scenario -- replay <session.json>');
    const { save, file } = readSessionFile(files[0] as string);
    const scenarioArg = flagValue(args, '--scenario') ?? save.scenario.id;
    let bundle: ScenarioBundle;
    try {
      bundle = loadScenario(scenarioArg, 'replay').bundle;
    } catch (e) {
      if (e instanceof UsageError) throw new InputError(`${file}: the session is of scenario "${save.scenario.id.slice(0, 80)}": ${e.message}`);
      throw e;
    }
    const { scenario } = bundle;
    if (!scenario.seats.some((s) => s.id === save.seat))
      throw new InputError(`${file}: seat "${save.seat.slice(0, 40)}" is not a seat of ${scenario.id} (${scenario.seats.map((s) => s.id).join(', ')}).`);
    const warnings: string[] = [];
    if (save.scenario.id !== scenario.id) warnings.push(`the session names scenario "${save.scenario.id}"; replaying against "${scenario.id}"`);
    if (save.scenario.hash !== bundle.hash)
      warnings.push(`the scenario changed since the session was saved (version ${save.scenario.version} → ${scenario.version}); replaying against the current text`);
    const model = debriefModel(bundle, save);
    const problem = model.problems[0];

    if (args.includes('--json')) {
      out(
        JSON.stringify(
          {
            file,
            scenario: { id: scenario.id, version: scenario.version, hash: bundle.hash },
            seat: save.seat,
            seed: save.seed,
            meta: save.meta,
            events: save.log.length,
            applied: problem ? problem.seq - 1 : save.log.length,
            problems: model.problems,
            warnings,
            ending: model.ending ? { id: model.ending.id, title: model.ending.title } : null,
            endTime: model.endTime,
            meters: model.meters,
            polarities: model.polarities.map((p) => ({ id: p.id, final: p.final, verdict: p.verdict })),
            benchmarks: model.benchmarks.map((b) => ({ id: b.id, met: b.met })),
          },
          null,
          2,
        ),
      );
    } else {
      const time = (m: number): string => formatRelativeTime(m, scenario.clock.zero, scenario.clock.zeroLabel);
      const seatTitle = scenario.seats.find((s) => s.id === save.seat)?.title ?? save.seat;
      out(`${scenario.title} — ${seatTitle}, seed ${save.seed}`);
      const m = save.meta;
      out(
        `Session ${m.id}${m.label ? ` "${m.label}"` : ''}${m.mode === 'facilitated' ? ', facilitated' : ''}` +
          `${m.startedAt !== null ? `, started ${new Date(m.startedAt).toISOString()}` : ''}` +
          `${m.parent ? `, forked from ${m.parent.id} after event #${m.parent.seq}` : ''}; ${save.log.length} event(s)`,
      );
      out('');
      for (const t of model.timeline) out(describe(bundle, t, time));
      out('');
      out(model.ending ? `Ending: ${model.ending.title} (at ${time(model.endTime)})` : `No ending yet: the session stops at ${time(model.endTime)}.`);
      out('Mission state:');
      for (const x of model.meters) out(`  ${x.label.padEnd(34)} ${x.band.padEnd(8)} ${String(x.final).padStart(3)}  (started ${x.start})`);
      out('Polarities (-100 = pole A … +100 = pole B):');
      for (const p of model.polarities) out(`  ${String(p.final).padStart(4)}  ${(VERDICT[p.verdict] ?? p.verdict).padEnd(28)} ${p.title}`);
      if (model.benchmarks.length) {
        out(`Benchmarks (${model.benchmarks.filter((b) => b.met).length} of ${model.benchmarks.length} met):`);
        for (const b of model.benchmarks) out(`  [${b.met ? 'x' : ' '}] ${b.text}`);
      }
    }
    for (const w of warnings) err(`Warning: ${w}.`);
    if (problem) {
      err(`${file}: event #${problem.seq} does not apply (${problem.reason}); the state shown is after event #${problem.seq - 1}.`);
      return 1;
    }
    return 0;
  });
}
