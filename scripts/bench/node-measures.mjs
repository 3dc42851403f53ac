// @ts-check
// The bench's measurements in Node, run by scripts/bench/run.mjs as child processes so each starts
// fresh:  node scripts/bench/node-measures.mjs <what> [json-args]
//   authoring {files, simulate:{id,runs}}  check + quicktest of each file, then simulate; times each step
//   engine {rounds, runs, inkJson}          cost per decision: our session vs inkjs, alternating rounds
//   saves {inkJson}                         saved session of each scenario's longest playthrough vs inkjs state
// Prints one JSON object on stdout.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { rng, summarize } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(ROOT);
const [what = '', argText = '{}'] = process.argv.slice(2);
const args = JSON.parse(argText);
const cpu = () => process.cpuUsage().user / 1000 + process.cpuUsage().system / 1000;

/** @param {string} id */
const scenarioFile = (id) => path.join(ROOT, 'scenarios', id, 'scenario.yaml');
export const shippedIds = () =>
  readdirSync(path.join(ROOT, 'scenarios'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(scenarioFile(d.name)))
    .map((d) => d.name)
    .sort();

async function authoring() {
  const t0 = performance.now();
  const c0 = cpu();
  const { runCli } = await tsImport('../../src/cli/main.ts', import.meta.url);
  const steps = [{ step: 'load', wallMs: performance.now() - t0, cpuMs: cpu() - c0, code: 0, note: '' }];
  /** @param {string} step @param {string[]} argv */
  const time = (step, argv) => {
    const w = performance.now();
    const c = cpu();
    const r = runCli(argv);
    const out = (r.code === 0 ? r.stdout : r.stderr || r.stdout).trim().split('\n');
    steps.push({ step, wallMs: performance.now() - w, cpuMs: cpu() - c, code: r.code, note: out.at(-1) ?? '' });
    return r;
  };
  for (const f of args.files ?? []) {
    time(`check ${f.label}`, ['check', f.path]);
    time(`quicktest ${f.label}`, ['quicktest', f.path]);
  }
  if (args.simulate) time(`simulate ${args.simulate.label} --runs ${args.simulate.runs}`, ['simulate', args.simulate.path, '--runs', String(args.simulate.runs), '--seed', '1', '--json']);
  return { steps, totalWallMs: performance.now() - t0, totalCpuMs: cpu() - c0 };
}

/**
 * The compiled bundles of the shipped scenarios, or of the given files (no search of play: that is timed elsewhere).
 * @param {{ id: string, path: string }[]} [files]
 */
async function bundles(files) {
  const cf = await tsImport('../../src/build/content-files.ts', import.meta.url);
  const shared = cf.loadShared();
  const list = files ?? shippedIds().map((id) => ({ id, path: scenarioFile(id) }));
  return list.map(({ id, path: file }) => {
    const bundle = cf.compileFile(path.resolve(file), shared, { quick: true }).bundle;
    if (!bundle) throw new Error(`${file} does not compile`);
    return { id, bundle };
  });
}

/**
 * One seeded random playthrough through the real session (validation, the xstate machine, the log):
 * what the game runs per decision. Returns decisions taken and the session.
 * @param {any} engine @param {any} bundle @param {number} seed @param {string} seat
 */
function playOurs(engine, bundle, seed, seat) {
  const session = engine.createSession(bundle, { seed, seat });
  const index = engine.indexScenario(bundle.scenario);
  const next = rng(seed);
  let decisions = 0;
  for (let step = 0; step < 500; step++) {
    const snap = session.snapshot();
    if (snap.done || snap.context.ending !== null) break;
    const options = engine.availableOptions(index, snap.context);
    const node = index.nodes.get(snap.context.node);
    if (options.length === 0 && !node?.timeout) break;
    const r = options.length
      ? session.send('decision.choose', { node: snap.context.node, option: options[Math.floor(next() * options.length)] })
      : session.send('decision.timeout', { node: snap.context.node });
    if (!r.ok) break;
    decisions++;
  }
  return { decisions, session };
}

/**
 * One seeded random playthrough of the ink story: reset, then continue and choose to the end.
 * (The story is loaded once, as our scenario is compiled once; resetting is inkjs's new game.)
 * @param {any} story @param {number} seed
 */
function playInk(story, seed) {
  story.ResetState();
  const next = rng(seed);
  let decisions = 0;
  for (;;) {
    story.ContinueMaximally();
    const n = story.currentChoices.length;
    if (n === 0) break;
    story.ChooseChoiceIndex(Math.floor(next() * n));
    decisions++;
  }
  return { decisions, story };
}

async function engineCost() {
  const engine = await tsImport('../../src/engine/index.ts', import.meta.url);
  const { Story } = await import('inkjs');
  const inkStory = new Story(JSON.parse(readFileSync(args.inkJson, 'utf8')));
  const all = await bundles();
  const rounds = args.rounds ?? 7;
  const runs = args.runs ?? 40;
  /** @type {number[]} */ const ours = [];
  /** @type {number[]} */ const ink = [];
  const measureOurs = (/** @type {number} */ round) => {
    let d = 0;
    const t = performance.now();
    for (let i = 0; i < runs; i++) {
      const { id, bundle } = /** @type {{ id: string, bundle: any }} */ (all[i % all.length]);
      void id;
      const seats = bundle.scenario.seats.map((/** @type {{ id: string }} */ s) => s.id);
      const r = playOurs(engine, bundle, round * 1000 + i + 1, seats[i % seats.length]);
      r.session.stop();
      d += r.decisions;
    }
    ours.push(((performance.now() - t) * 1000) / d);
  };
  const measureInk = (/** @type {number} */ round) => {
    let d = 0;
    const t = performance.now();
    // inkjs plays the 200-decision story; as many decisions as our runs took, roughly.
    for (let i = 0; i < Math.max(1, Math.round(runs / 8)); i++) d += playInk(inkStory, round * 1000 + i + 1).decisions;
    ink.push(((performance.now() - t) * 1000) / d);
  };
  measureOurs(0); // warm-up (JIT), not counted
  measureInk(0);
  ours.length = 0;
  ink.length = 0;
  for (let round = 1; round <= rounds; round++) {
    if (round % 2) {
      measureOurs(round);
      measureInk(round);
    } else {
      measureInk(round);
      measureOurs(round);
    }
  }
  return { oursUsPerDecision: summarize(ours), inkUsPerDecision: summarize(ink), rounds, runs };
}

async function saves() {
  const engine = await tsImport('../../src/engine/index.ts', import.meta.url);
  const { Story } = await import('inkjs');
  const inkJson = JSON.parse(readFileSync(args.inkJson, 'utf8'));
  const out = [];
  for (const { id, bundle } of await bundles(args.files)) {
    let longest = null;
    let most = -1;
    for (const seat of bundle.scenario.seats.map((/** @type {{ id: string }} */ s) => s.id)) {
      for (let seed = 1; seed <= (args.seeds ?? 60); seed++) {
        const r = playOurs(engine, bundle, seed, seat);
        const save = JSON.stringify(r.session.save());
        r.session.stop();
        if (r.decisions > most || (r.decisions === most && longest && save.length > longest.length)) {
          most = r.decisions;
          longest = save;
        }
      }
    }
    const text = longest ?? '';
    out.push({ id, decisions: most, raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
  }
  const { story, decisions } = playInk(new Story(inkJson), 1);
  const state = story.state.ToJson();
  return { ours: out, ink: { decisions, raw: Buffer.byteLength(state), gzip: gzipSync(state, { level: 9 }).length } };
}

const jobs = { authoring, engine: engineCost, saves };
const job = /** @type {Record<string, () => Promise<unknown>>} */ (jobs)[what];
if (!job) {
  console.error(`node-measures: unknown measurement "${what}" (${Object.keys(jobs).join(', ')})`);
  process.exit(2);
}
process.stdout.write(JSON.stringify(await job()) + '\n');
