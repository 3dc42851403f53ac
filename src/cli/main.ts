/**
 * The authors' command line: `npm run scenario -- <command>`.
 *   check [paths…] [--json]       diagnostics for scenario files (all shipped ones by default)
 *   play <id> --seed N [--choose a,b,c | --random]   a text playthrough to an ending
 */
import { resolve } from 'node:path';
import { compileFile, loadShared, rel, scenarioFiles } from '../build/content-files';
import { formatDiagnostic, type Diagnostic } from '../engine/content/index';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioJsonSchema } from '../build/json-schema';
import { goldenResult, writeGolden } from '../build/golden';
import { ROOT } from '../build/content-files';
import {
  availableOptions,
  createSession,
  formatRelativeTime,
  indexScenario,
  meterBand,
  percentDraw,
  type ScenarioBundle,
  type TimelineEntry,
} from '../engine/index';

const USAGE = `Usage: npm run scenario -- <command>
  check [paths…] [--json]                          check scenario files (default: every scenarios/*/scenario.yaml)
  play <scenario-id | file.yaml> --seed N [--choose a,b,c | --random] [--record name]
                                                   play to an ending, printing decisions, consequences and the ending;
                                                   --record writes scenarios/<id>/playthroughs/<name>.yaml (a golden playthrough)
  schema [--write]                                 print (or write to scenarios/scenario.schema.json) the JSON Schema for editors`;

class UsageError extends Error {}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

function check(args: string[]): number {
  const json = args.includes('--json');
  const paths = args.filter((a) => !a.startsWith('--'));
  const shared = loadShared();
  const files = paths.length ? paths.map((p) => resolve(p)) : scenarioFiles();
  const all: Diagnostic[] = [...shared.diagnostics];
  const perFile: { file: string; ok: boolean }[] = [];
  for (const f of files) {
    const r = compileFile(f, shared);
    all.push(...r.diagnostics);
    perFile.push({ file: rel(f), ok: !r.diagnostics.some((d) => d.severity === 'error') });
  }
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  if (json) {
    process.stdout.write(JSON.stringify({ files: perFile, errors, warnings, diagnostics: all }, null, 2) + '\n');
  } else {
    for (const d of all) process.stdout.write(formatDiagnostic(d) + '\n');
    if (files.length === 0) process.stdout.write('No scenario files found.\n');
    process.stdout.write(`${files.length} scenario file(s) checked: ${errors} error(s), ${warnings} warning(s).\n`);
  }
  return errors > 0 || files.length === 0 ? 1 : 0;
}

function findBundle(id: string): ScenarioBundle {
  if (id.endsWith('.yaml')) {
    const r = compileFile(resolve(id), loadShared());
    if (r.bundle) return r.bundle;
    throw new UsageError(`${id} has errors:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
  }
  const files = scenarioFiles();
  const file = files.find((f) => f.split('/').at(-2) === id);
  if (!file) {
    const known = files.map((f) => f.split('/').at(-2));
    throw new UsageError(`No scenario "${id}". Known: ${known.join(', ') || 'none'}.`);
  }
  const r = compileFile(file, loadShared());
  if (r.bundle) return r.bundle;
  throw new UsageError(`Scenario "${id}" has errors:\n${r.diagnostics.map(formatDiagnostic).join('\n')}`);
}

function play(args: string[]): number {
  const id = args.find((a, i) => !a.startsWith('--') && !['--seed', '--choose', '--record'].includes(args[i - 1] ?? ''));
  if (!id) throw new UsageError('play needs a scenario id');
  const seedText = flag(args, '--seed');
  if (seedText === undefined || !/^\d+$/.test(seedText)) throw new UsageError('play needs --seed N (a whole number)');
  const seed = Number(seedText);
  const chooseText = flag(args, '--choose');
  const random = args.includes('--random');
  if (chooseText !== undefined && random) throw new UsageError('use either --choose or --random, not both');
  if (chooseText === undefined && !random) throw new UsageError('play needs --choose a,b,c or --random');
  const choices = chooseText?.split(',').map((c) => c.trim()).filter(Boolean) ?? [];

  const bundle = findBundle(id);
  const { scenario } = bundle;
  const index = indexScenario(scenario);
  const session = createSession(bundle, { seed });
  const time = (m: number): string => formatRelativeTime(m, scenario.clock.zero, scenario.clock.zeroLabel);
  const out = (s: string): void => void process.stdout.write(s + '\n');
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
    let pick: string | undefined;
    if (random) {
      const all = [...options, ...(node.timeout ? ['timeout'] : [])];
      pick = all[percentDraw(seed, `cli-play:${step}`, 0) % all.length];
    } else {
      pick = choices[step];
      if (pick === undefined) {
        process.stderr.write(`Ran out of --choose entries at "${node.id}". Options: ${[...options, ...(node.timeout ? ['timeout'] : [])].join(', ')}\n`);
        return 1;
      }
    }
    const r =
      pick === 'timeout'
        ? session.send('decision.timeout', { node: node.id })
        : session.send('decision.choose', { node: node.id, option: pick as string });
    if (!r.ok) {
      process.stderr.write(`Cannot choose "${pick}" at "${node.id}": ${r.reason}. Options: ${options.join(', ')}\n`);
      return 1;
    }
    step++;
  }
  printTimeline();
  const ctx = session.snapshot().context;
  const record = flagValue(args, '--record');
  if (record !== undefined) {
    const file = join(ROOT, 'scenarios', scenario.id, 'playthroughs', `${record}.yaml`);
    const taken = ctx.choices.map((c) => c.option);
    writeGolden(file, { scenario: scenario.id, seed, choices: taken, ...goldenResult(ctx) });
    out(`Recorded ${rel(file)}`);
  }
  out('');
  out('Mission state:');
  for (const m of scenario.meters) out(`  ${m.label.padEnd(34)} ${String(ctx.meters[m.id]).padStart(3)}  ${meterBand(ctx.meters[m.id] ?? 0)}`);
  out('Polarities (-100 = pole A … +100 = pole B):');
  for (const p of bundle.polarities) out(`  ${p.id.padEnd(40)} ${String(ctx.polarities[p.id]).padStart(4)}`);
  return 0;
}

function flagValue(args: string[], name: string): string | undefined {
  const v = flag(args, name);
  if (v !== undefined && !/^[a-z0-9-]+$/.test(v)) throw new UsageError(`${name} takes a kebab-case name`);
  return v;
}

function describe(bundle: ScenarioBundle, t: TimelineEntry, time: (m: number) => string): string {
  const index = indexScenario(bundle.scenario);
  const at = time(t.time).padEnd(9);
  switch (t.kind) {
    case 'start':
      return `${at} START`;
    case 'decision': {
      const node = index.nodes.get(t.node ?? '');
      const option = node?.options.find((o) => o.id === t.option);
      return `${at} DECISION ${node?.title ?? t.node}: ${option?.label ?? t.option}`;
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

function main(argv: string[]): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'check':
        return check(args);
      case 'play':
        return play(args);
      case 'schema': {
        const text = JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
        if (args.includes('--write')) {
          const out = join(ROOT, 'scenarios', 'scenario.schema.json');
          writeFileSync(out, text);
          process.stdout.write(`Wrote ${rel(out)}\n`);
        } else process.stdout.write(text);
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return command ? 0 : 2;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
