import { join } from 'node:path';
import { ROOT, rel } from '../../build/content-files';
import { goldenResult, writeGolden } from '../../build/golden';
import {
  availableOptions,
  createSession,
  formatRelativeTime,
  indexScenario,
  meterBand,
  percentDraw,
  type ScenarioBundle,
  type TimelineEntry,
} from '../../engine/index';
import { flagValue, knownFlags, loadScenario, positionals, runCommand, UsageError, type CommandResult } from '../command-kit';
import { writeSessionFile } from '../session-file';

/**
 * `play <id | file.yaml> [--seat S] --seed N (--choose a,b,c | --random) [--record name] [--export file.json [--label L]]`:
 * a text playthrough to an ending; --record writes scenarios/<id>/playthroughs/<name>.yaml (a golden
 * playthrough); --export writes the session as the browser exports it (it imports there, and `replay` reads it).
 */
export function play(args: readonly string[]): CommandResult {
  return runCommand((out, err) => {
    knownFlags(args, 'play', ['--seed', '--choose', '--random', '--record', '--seat', '--export', '--label']);
    const id = positionals(args, ['--seed', '--choose', '--record', '--seat', '--export', '--label'])[0];
    if (!id) throw new UsageError('play needs a scenario id');
    const seedText = flagValue(args, '--seed');
    if (seedText === undefined || !/^\d+$/.test(seedText)) throw new UsageError('play needs --seed N (a whole number)');
    const seed = Number(seedText);
    const chooseText = flagValue(args, '--choose');
    const random = args.includes('--random');
    if (chooseText !== undefined && random) throw new UsageError('use either --choose or --random, not both');
    if (chooseText === undefined && !random) throw new UsageError('play needs --choose a,b,c or --random');
    const record = flagValue(args, '--record');
    if (record !== undefined && !/^[a-z0-9-]+$/.test(record)) throw new UsageError('--record takes a kebab-case name');
    const exportTo = flagValue(args, '--export');
    const label = flagValue(args, '--label');
    if (label !== undefined && exportTo === undefined) throw new UsageError('--label names an exported session; use it with --export');
    if (label !== undefined && label.length > 200) throw new UsageError('--label takes at most 200 characters');
    const choices = chooseText?.split(',').map((c) => c.trim()).filter(Boolean) ?? [];

    const { bundle } = loadScenario(id, 'play');
    const { scenario } = bundle;
    const index = indexScenario(scenario);
    const seatText = flagValue(args, '--seat');
    if (seatText !== undefined && !scenario.seats.some((x) => x.id === seatText))
      throw new UsageError(`--seat must be one of ${scenario.seats.map((x) => x.id).join(', ')}; got "${seatText}".`);
    const seat = seatText ?? scenario.seats[0]?.id ?? 'hom';
    // The CLI may read the wall clock (the engine never does): the start stamp lists the session by date.
    const session = createSession(bundle, { seed, seat, meta: { startedAt: Date.now(), label: label ?? null } });
    const time = (m: number): string => formatRelativeTime(m, scenario.clock.zero, scenario.clock.zeroLabel);
    let printed = 0;
    const printTimeline = (): void => {
      const tl = session.snapshot().context.timeline;
      for (const t of tl.slice(printed)) out(describe(bundle, t, time));
      printed = tl.length;
    };
    out(`${scenario.title} — seed ${seed}`);
    let step = 0;
    while (!session.snapshot().done) {
      printTimeline();
      const ctx = session.snapshot().context;
      const node = index.nodes.get(ctx.node);
      if (!node) throw new Error(`unknown node ${ctx.node}`);
      const options = availableOptions(index, ctx);
      const all = [...options, ...(node.timeout ? ['timeout'] : [])];
      const pick = random ? all[percentDraw(seed, `cli-play:${step}`, 0) % all.length] : choices[step];
      if (pick === undefined) {
        err(random ? `No option is available at "${node.id}".` : `Ran out of --choose entries at "${node.id}". Options: ${all.join(', ')}`);
        if (exportTo !== undefined) {
          printTimeline();
          writeSessionFile(exportTo, session.save());
          err(`Exported the unfinished session to ${exportTo}; it continues at "${node.id}" when imported.`);
        }
        return 1;
      }
      const r = pick === 'timeout' ? session.send('decision.timeout', { node: node.id }) : session.send('decision.choose', { node: node.id, option: pick });
      if (!r.ok) {
        err(`Cannot choose "${pick}" at "${node.id}": ${r.reason}. Options: ${options.join(', ')}`);
        return 1;
      }
      step++;
    }
    printTimeline();
    const ctx = session.snapshot().context;
    if (record !== undefined) {
      const file = join(ROOT, 'scenarios', scenario.id, 'playthroughs', `${record}.yaml`);
      // Only the player's own decisions: those another seat owns are taken automatically on replay.
      const own = ctx.timeline.filter((t) => (t.kind === 'decision' || t.kind === 'timeout') && !t.by).map((t) => t.option as string);
      const seatField = seat !== scenario.seats[0]?.id ? { seat } : {};
      writeGolden(file, { scenario: scenario.id, ...seatField, seed, choices: own, ...goldenResult(ctx) });
      out(`Recorded ${rel(file)}`);
    }
    if (exportTo !== undefined) {
      writeSessionFile(exportTo, session.save());
      out(`Exported the session to ${exportTo} (import it in the browser, or: npm run scenario -- replay ${exportTo})`);
    }
    out('');
    out('Mission state:');
    for (const m of scenario.meters) out(`  ${m.label.padEnd(34)} ${String(ctx.meters[m.id]).padStart(3)}  ${meterBand(ctx.meters[m.id] ?? 0)}`);
    out('Polarities (-100 = pole A … +100 = pole B):');
    for (const p of bundle.polarities) out(`  ${p.id.padEnd(40)} ${String(ctx.polarities[p.id]).padStart(4)}`);
    return 0;
  });
}

export function describe(bundle: ScenarioBundle, t: TimelineEntry, time: (m: number) => string): string {
  const index = indexScenario(bundle.scenario);
  const at = time(t.time).padEnd(9);
  switch (t.kind) {
    case 'start':
      return `${at} START`;
    case 'decision': {
      const node = index.nodes.get(t.node ?? '');
      const option = node?.options.find((o) => o.id === t.option);
      const by = t.by ? ` (decided by the ${bundle.scenario.seats.find((x) => x.id === t.by)?.title ?? t.by})` : '';
      return `${at} DECISION ${node?.title ?? t.node}: ${option?.label ?? t.option}${by}`;
    }
    case 'timeout':
      return `${at} TIMEOUT  ${index.nodes.get(t.node ?? '')?.title ?? t.node}: ${index.nodes.get(t.node ?? '')?.timeout?.title ?? ''}`;
    case 'inject': {
      const i = index.injects.get(t.inject ?? '');
      return `${at} INJECT   [${i?.channel}] ${i?.from}: ${i?.title}`;
    }
    case 'consequence': {
      const c = index.consequences.get(t.consequence ?? '');
      const causes = (t.causes ?? []).map((c) => `${c.node}.${c.option}`).join(', ');
      return `${at} CONSEQUENCE ${c?.title} (caused by ${causes})`;
    }
    case 'overlean':
      return `${at} OVER-LEANING ${t.polarity} toward pole ${t.pole?.toUpperCase()}`;
    case 'ending': {
      const e = bundle.scenario.endings.find((x) => x.id === t.ending);
      return `${at} ENDING   ${e?.title ?? t.ending}\n          ${e?.text ?? ''}`;
    }
    case 'consult':
      return `${at} CONSULT  ${t.adviser}`;
    case 'note':
      return `${at} NOTE     ${t.note}`;
    case 'wait':
      return `${at} WAIT`;
  }
}
