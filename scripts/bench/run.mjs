#!/usr/bin/env node
// @ts-check
/* global window, document, performance, requestAnimationFrame -- page.evaluate bodies run in the browser */
// `npm run bench` — measured speed, side by side with the inkjs runtime (issue 12). Not part of `npm test`.
//
//   npm run bench [-- --quick] [-- --no-build] [-- --runs N]
//
// Builds the game into dist-bench/, writes beside it an inkjs page playing a generated 200-decision
// story (compiled with inkjs's own compiler, cached by content under node_modules/.cache/mandate/bench),
// serves both from one static server on loopback (gzip, as static hosts serve), and measures in
// headless Chromium, alternating the two pages run by run; then measures the engine and the authoring
// tools in Node (fresh child processes). Writes bench/results.json and bench/RESULTS.md and prints the table.
// --quick: fewer runs and smaller generated scenarios (a smoke test of the bench itself, in about a minute).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generatedScenario, inkStory, markdownTable, percentile, ratio, summarize, fmtSummary, fmtRatio, fmtKb } from './lib.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(ROOT);
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const NO_BUILD = argv.includes('--no-build');
const runsAt = argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(argv[runsAt + 1]) : QUICK ? 3 : 9;
const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4188);
const OUT = path.join(ROOT, process.env.MANDATE_OUT_DIR ?? 'dist-bench');
const CACHE = path.join(ROOT, 'node_modules', '.cache', 'mandate', 'bench');
const STORY_DECISIONS = 200;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const log = (/** @type {string} */ s) => process.stderr.write(`bench: ${s}\n`);
const started = Date.now();

// ---- build -------------------------------------------------------------------------------------
if (!NO_BUILD || !existsSync(path.join(OUT, 'index.html'))) {
  log(`building into ${path.relative(ROOT, OUT)}/ …`);
  const b = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--configLoader', 'runner', '--logLevel', 'warn'], {
    env: { ...process.env, MANDATE_OUT_DIR: path.relative(ROOT, OUT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (b.status !== 0) throw new Error('vite build failed');
}

// ---- the inkjs page ------------------------------------------------------------------------------
const inkSource = inkStory(STORY_DECISIONS, 1);
const inkHash = createHash('sha256').update(inkSource).update(readFileSync(path.join(ROOT, 'node_modules', 'inkjs', 'package.json'))).digest('hex').slice(0, 16);
const inkJsonFile = path.join(CACHE, `story-${STORY_DECISIONS}-${inkHash}.json`);
if (!existsSync(inkJsonFile)) {
  log(`compiling the ${STORY_DECISIONS}-decision ink story with inkjs's compiler (cached afterwards) …`);
  const { Compiler } = await import('inkjs/compiler/Compiler');
  const compiler = new Compiler(inkSource);
  const story = compiler.Compile();
  if (!story || compiler.errors.length) throw new Error(`ink story does not compile: ${compiler.errors.join('; ')}`);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(inkJsonFile, story.ToJson() ?? '');
}
const INK_DIR = path.join(OUT, 'bench-ink');
mkdirSync(INK_DIR, { recursive: true });
copyFileSync(path.join(ROOT, 'node_modules', 'inkjs', 'dist', 'ink.js'), path.join(INK_DIR, 'ink.js'));
copyFileSync(inkJsonFile, path.join(INK_DIR, 'story.json'));
// The page an ink author would ship: the runtime, the compiled story, text and choice buttons.
writeFileSync(
  path.join(INK_DIR, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>ink</title>
<style>body{font-family:sans-serif;background:#111;color:#eee;max-inline-size:40rem;margin-inline:auto}button{display:block;margin-block:.4rem}</style></head>
<body><main id="story"></main><script src="ink.js"></script><script>
(async () => {
  const story = new inkjs.Story(await (await fetch('story.json')).json());
  const main = document.getElementById('story');
  const render = () => {
    main.textContent = '';
    while (story.canContinue) { const p = document.createElement('p'); p.textContent = story.Continue(); main.appendChild(p); }
    story.currentChoices.forEach((c, i) => {
      const b = document.createElement('button'); b.className = 'choice'; b.textContent = c.text;
      b.addEventListener('click', () => { story.ChooseChoiceIndex(i); render(); }); main.appendChild(b);
    });
  };
  render();
})();
</script></body></html>`,
);

// ---- static server ------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png', '.ogg': 'audio/ogg', '.mp3': 'audio/mpeg', '.wav': 'audio/wav', '.webp': 'image/webp' };
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg']);
/** @type {Map<string, Buffer>} */
const gz = new Map();
const server = createServer((req, res) => {
  let p = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  const file = path.join(OUT, path.normalize(p));
  if (!file.startsWith(OUT) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  const ext = path.extname(file);
  const type = /** @type {Record<string, string>} */ (TYPES)[ext] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache' };
  if (COMPRESS.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    let body = gz.get(file);
    if (!body) gz.set(file, (body = gzipSync(readFileSync(file), { level: 9 })));
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
  } else {
    const body = readFileSync(file);
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
  }
});
await new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(undefined)));
const BASE = `http://127.0.0.1:${PORT}`;

// ---- the browser ---------------------------------------------------------------------------------
const { chromium } = await import('@playwright/test');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const VIEWPORT = { width: 1280, height: 800 };

// Marks when the first control a player can use is in the page (attached, enabled, laid out).
const FIRST_CONTROL = (/** @type {string} */ selector) => `(() => {
  const mark = () => {
    if (window.__firstControl) return;
    const el = document.querySelector(${JSON.stringify(selector)});
    if (el && !el.disabled && el.getClientRects().length) window.__firstControl = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/**
 * One cold visit (fresh context: empty cache, no service worker): navigation → first control, and
 * the JS and fonts transferred before it.
 * @param {'ours' | 'ink'} which
 */
async function firstScreen(which) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(FIRST_CONTROL(which === 'ours' ? '[data-testid^="start-"]' : 'button.choice'));
  await page.goto(which === 'ours' ? `${BASE}/?nomap=0` : `${BASE}/bench-ink/`);
  await page.waitForFunction(() => /** @type {any} */ (window).__firstControl, null, { timeout: 30_000 });
  const r = await page.evaluate(() => {
    const at = /** @type {any} */ (window).__firstControl;
    const before = performance.getEntriesByType('resource').filter((e) => /** @type {PerformanceResourceTiming} */ (e).responseEnd <= at);
    const sum = (/** @type {RegExp} */ re) => before.filter((e) => re.test(new URL(e.name).pathname)).reduce((s, e) => s + /** @type {PerformanceResourceTiming} */ (e).transferSize, 0);
    return { firstControlMs: at, jsBytes: sum(/\.m?js$/), fontBytes: sum(/\.(woff2?|ttf|otf)$/), cssBytes: sum(/\.css$/) };
  });
  await context.close();
  return r;
}

/**
 * Our game from a cold visit to the situation map: navigation → map ready, briefing → map ready, then
 * the map's frame times while decisions land (injects animate, units move).
 */
async function mapRun() {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(`(() => {
    const seen = (sel, key) => { if (!window[key] && document.querySelector(sel)) window[key] = performance.now(); };
    new MutationObserver(() => { seen('body[data-screen="briefing"]', '__briefingAt'); seen('[data-map-ready="1"]', '__mapAt'); })
      .observe(document, { subtree: true, childList: true, attributes: true });
  })();`);
  await page.goto(`${BASE}/?seed=7`);
  await page.locator('[data-testid^="start-"]').first().click();
  await page.locator('body[data-screen="briefing"], [data-testid="dialog-confirm"]').first().waitFor();
  if (await page.getByTestId('dialog-confirm').isVisible()) await page.getByTestId('dialog-confirm').click();
  await page.locator('body[data-screen="briefing"]').waitFor();
  // The map is mounted as play begins; begin at once, as a player who knows the briefing would.
  await page.getByTestId('begin').click();
  await page.locator('[data-map-ready="1"]').waitFor({ timeout: 30_000 });
  const ready = await page.evaluate(() => ({ mapAt: /** @type {any} */ (window).__mapAt, briefingAt: /** @type {any} */ (window).__briefingAt }));
  // Frame times over decisions taken one after another: injects and consequences arrive, units move.
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__frames = [];
    let last = performance.now();
    const tick = (/** @type {number} */ t) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  for (let i = 0; i < 4; i++) {
    const option = page.locator('button[data-option]:not([disabled])').first();
    if (!(await option.count())) break;
    await option.click();
    await page.getByTestId('decide').click();
    await page.waitForTimeout(700);
  }
  const frames = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__stopFrames = true;
    return /** @type {number[]} */ (w.__frames).slice(2);
  });
  await context.close();
  return { navToMapMs: ready.mapAt, briefingToMapMs: ready.mapAt - ready.briefingAt, frames };
}

/** JS heap (after a forced GC) after one and after five playthroughs in one page. */
async function heapRun() {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(`${BASE}/?seed=3`);
  await page.locator('[data-testid^="start-"]').first().waitFor();
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-testid^="start-"]')].map((b) => (b.getAttribute('data-testid') ?? '').slice('start-'.length)));
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const playOnce = async (/** @type {string} */ id) =>
    page.evaluate(async (scenarioId) => {
      const store = /** @type {any} */ (window).__mandate.store;
      const actions = store.getState().actions;
      if (!(await actions.startScenario(scenarioId))) throw new Error(`could not start ${scenarioId}`);
      actions.begin();
      let decisions = 0;
      for (let i = 0; i < 300; i++) {
        const snap = store.getState().snapshot;
        if (!snap || snap.done || snap.context.ending !== null) break;
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        const button = /** @type {HTMLButtonElement | null} */ (document.querySelector('button[data-option]:not([disabled])'));
        const ok = button ? await actions.choose(button.getAttribute('data-option')) : await actions.timeout();
        if (!ok) break;
        decisions++;
      }
      await actions.abandon();
      return decisions;
    }, id);
  // The same scenario five times: whatever one playthrough legitimately loads (its bundle, the
  // glossary, the map chunk) is loaded by the first, so growth after it is what play leaves behind.
  const id = /** @type {string} */ (ids[0]);
  const before = await heap();
  const decisions = [await playOnce(id)];
  const afterOne = await heap();
  for (let i = 1; i < 5; i++) decisions.push(await playOnce(id));
  const afterFive = await heap();
  await context.close();
  return { scenario: id, before, afterOne, afterFive, decisions };
}

/** @type {Record<string, any>} */
const results = { when: new Date().toISOString(), quick: QUICK, runs: RUNS };
try {
  log(`first screen: ${RUNS} alternating cold visits each …`);
  /** @type {{ ours: any[], ink: any[] }} */
  const visits = { ours: [], ink: [] };
  await firstScreen('ours'); // warm the server's gzip cache and the OS file cache; not counted
  await firstScreen('ink');
  for (let i = 0; i < RUNS; i++) {
    /** @type {('ours' | 'ink')[]} */
    const order = i % 2 ? ['ink', 'ours'] : ['ours', 'ink'];
    for (const which of order) visits[which].push(await firstScreen(which));
  }
  const fc = { ours: summarize(visits.ours.map((v) => v.firstControlMs)), ink: summarize(visits.ink.map((v) => v.firstControlMs)) };
  results.firstControl = { ...fc, ratio: ratio(fc.ours.median, fc.ink.median) };
  results.bytesBeforeFirstControl = {
    ours: { js: summarize(visits.ours.map((v) => v.jsBytes)), fonts: summarize(visits.ours.map((v) => v.fontBytes)), css: summarize(visits.ours.map((v) => v.cssBytes)) },
    ink: { js: summarize(visits.ink.map((v) => v.jsBytes)), fonts: summarize(visits.ink.map((v) => v.fontBytes)) },
  };

  log('situation map: ready, and frame times while decisions land …');
  const maps = [];
  for (let i = 0; i < Math.max(2, Math.ceil(RUNS / 2)); i++) maps.push(await mapRun());
  const frames = maps.flatMap((m) => m.frames);
  results.map = {
    navToReady: summarize(maps.map((m) => m.navToMapMs)),
    briefingToReady: summarize(maps.map((m) => m.briefingToMapMs)),
    frameP50: percentile(frames, 50),
    frameP95: percentile(frames, 95),
    frames: frames.length,
  };

  log('heap across playthroughs …');
  const heaps = [await heapRun()];
  if (!QUICK) heaps.push(await heapRun());
  results.heap = {
    afterOne: summarize(heaps.map((h) => h.afterOne)),
    afterFive: summarize(heaps.map((h) => h.afterFive)),
    growthOneToFive: summarize(heaps.map((h) => h.afterFive - h.afterOne)),
    decisions: heaps[0]?.decisions,
    scenario: heaps[0]?.scenario,
  };
} finally {
  await browser.close();
  server.close();
}

// ---- Node ----------------------------------------------------------------------------------------
/** @param {string} what @param {object} args @param {Record<string, string>} [env] */
function child(what, args, env = {}) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bench', 'node-measures.mjs'), what, JSON.stringify(args)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`node-measures ${what} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null');
}

log('engine cost per decision (ours vs inkjs, alternating rounds) …');
results.engine = child('engine', { inkJson: inkJsonFile, rounds: QUICK ? 3 : 7, runs: QUICK ? 12 : 40 });
results.engine.ratio = ratio(results.engine.oursUsPerDecision.median, results.engine.inkUsPerDecision.median);

log('saved sessions …');
results.saves = child('saves', { inkJson: inkJsonFile, seeds: QUICK ? 10 : 60 });

const shipped = readdirSync(path.join(ROOT, 'scenarios'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(ROOT, 'scenarios', d.name, 'scenario.yaml')))
  .map((d) => d.name)
  .sort();
const files = shipped.map((id) => ({ label: id, path: `scenarios/${id}/scenario.yaml` }));
const simulate = { label: shipped.includes('poc-red-lines') ? 'poc-red-lines' : shipped[0], path: `scenarios/${shipped.includes('poc-red-lines') ? 'poc-red-lines' : shipped[0]}/scenario.yaml`, runs: QUICK ? 1000 : 10000 };
log('authoring tools, cold (no cache on disk) …');
results.authoringCold = child('authoring', { files, simulate }, { MANDATE_CACHE: 'off' });
log('authoring tools, warm (nothing changed since the last run) …');
child('authoring', { files }); // fills the cache
results.authoringWarm = child('authoring', { files });

log('growth: generated scenarios …');
const GEN = path.join(ROOT, 'node_modules', '.cache', 'mandate', 'bench', 'generated');
rmSync(GEN, { recursive: true, force: true });
mkdirSync(GEN, { recursive: true });
results.growth = [];
for (const n of QUICK ? [10, 50] : [10, 50, 200]) {
  const file = path.join(GEN, `bench-${n}`, 'scenario.yaml');
  mkdirSync(path.dirname(file), { recursive: true });
  const text = generatedScenario(n);
  writeFileSync(file, text);
  const options = (text.match(/^ {6}- id: /gm) ?? []).length;
  const conditions = (text.match(/when: /g) ?? []).length;
  try {
    const r = child('authoring', { files: [{ label: `bench-${n}`, path: file }], simulate: { label: `bench-${n}`, path: file, runs: 1000 } }, { MANDATE_CACHE: 'off' });
    const save = child('saves', { inkJson: inkJsonFile, seeds: 5, files: [{ id: `bench-${n}`, path: file }] }).ours[0];
    results.growth.push({ decisions: n, options, conditions, steps: r.steps, saveRaw: save.raw, saveGzip: save.gzip });
  } catch (e) {
    // One size failing must not lose the rest of the run: the row says what went wrong.
    log(`growth ${n}: ${String(e).split('\n').slice(0, 4).join(' ')}`);
    results.growth.push({ decisions: n, options, conditions, steps: [], saveRaw: NaN, saveGzip: NaN, error: String(e).split('\n')[0] });
  }
}

// ---- report --------------------------------------------------------------------------------------
const cpus = os.cpus();
results.machine = {
  cpu: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  os: `${os.type()} ${os.release()}`,
  node: process.version,
  chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  loadAverage: os.loadavg().map((x) => x.toFixed(2)).join(' '),
};
results.seconds = Math.round((Date.now() - started) / 1000);

const step = (/** @type {any} */ a, /** @type {string} */ prefix) => a.steps.filter((/** @type {any} */ s) => s.step.startsWith(prefix));
const sumWall = (/** @type {any[]} */ list) => list.reduce((s, x) => s + x.wallMs, 0);
const checkQt = (/** @type {any} */ a) => sumWall([...step(a, 'check '), ...step(a, 'quicktest ')]);
results.authoringSummary = {
  coldCheckQuicktestMs: checkQt(results.authoringCold),
  warmCheckQuicktestMs: checkQt(results.authoringWarm),
  coldProcessMs: results.authoringCold.totalWallMs - (step(results.authoringCold, 'simulate')[0]?.wallMs ?? 0),
  warmProcessMs: results.authoringWarm.totalWallMs,
  simulateMs: step(results.authoringCold, 'simulate')[0]?.wallMs,
  coldCheckQuicktestCpuMs: [...step(results.authoringCold, 'check '), ...step(results.authoringCold, 'quicktest ')].reduce((s, x) => s + x.cpuMs, 0),
  warmCheckQuicktestCpuMs: [...step(results.authoringWarm, 'check '), ...step(results.authoringWarm, 'quicktest ')].reduce((s, x) => s + x.cpuMs, 0),
  simulateCpuMs: step(results.authoringCold, 'simulate')[0]?.cpuMs,
};

const R = results;
const ms = (/** @type {number} */ x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : 'n/a');
const rows = [
  ['navigation → first interactive control', fmtSummary(R.firstControl.ours), fmtSummary(R.firstControl.ink), fmtRatio(R.firstControl.ratio), '≤ 1.00×'],
  ['JS before first control (gzip, transferred)', fmtKb(R.bytesBeforeFirstControl.ours.js.median), fmtKb(R.bytesBeforeFirstControl.ink.js.median), fmtRatio(ratio(R.bytesBeforeFirstControl.ours.js.median, R.bytesBeforeFirstControl.ink.js.median)), '≤ 60 KB'],
  ['fonts before first control', fmtKb(R.bytesBeforeFirstControl.ours.fonts.median), fmtKb(R.bytesBeforeFirstControl.ink.fonts.median), '', ''],
  ['navigation → situation map ready', fmtSummary(R.map.navToReady), '', '', ''],
  ['briefing → situation map ready', fmtSummary(R.map.briefingToReady), '', '', '< 1000 ms'],
  ['map frame time p50 / p95 (decisions landing)', `${R.map.frameP50.toFixed(1)} / ${R.map.frameP95.toFixed(1)} ms`, '', '', 'p95 ≤ 16.7 ms'],
  ['engine per decision (Node)', fmtSummary(R.engine.oursUsPerDecision, 'µs', 1), fmtSummary(R.engine.inkUsPerDecision, 'µs', 1), fmtRatio(R.engine.ratio), '≤ 0.50×'],
  ...R.saves.ours.map((/** @type {any} */ s) => [`saved session, longest ${s.id} (${s.decisions} decisions), raw / gzip`, `${fmtKb(s.raw)} / ${fmtKb(s.gzip)}`, `${fmtKb(R.saves.ink.raw)} / ${fmtKb(R.saves.ink.gzip)} (${R.saves.ink.decisions} decisions)`, fmtRatio(ratio(s.gzip, R.saves.ink.gzip)), '']),
  [`JS heap after 1 / after 5 playthroughs of ${R.heap.scenario} (one page, after GC)`, `${fmtKb(R.heap.afterOne.median)} / ${fmtKb(R.heap.afterFive.median)}`, '', '', 'no growth'],
  [`check + quicktest, ${shipped.length} shipped scenarios, cold (one process), wall / CPU`, `${ms(R.authoringSummary.coldCheckQuicktestMs)} / ${ms(R.authoringSummary.coldCheckQuicktestCpuMs)}`, '', '', '< 5000 ms'],
  [`check + quicktest, ${shipped.length} shipped scenarios, unchanged (cache), wall / CPU`, `${ms(R.authoringSummary.warmCheckQuicktestMs)} / ${ms(R.authoringSummary.warmCheckQuicktestCpuMs)}`, '', '', '< 5000 ms'],
  [`simulate ${simulate.label} --runs ${simulate.runs}, wall / CPU`, `${ms(R.authoringSummary.simulateMs ?? NaN)} / ${ms(R.authoringSummary.simulateCpuMs ?? NaN)}`, '', '', ''],
];
const growthRows = R.growth.map((/** @type {any} */ g) => {
  const w = (/** @type {string} */ p) => {
    const found = g.steps.find((/** @type {any} */ s) => s.step.startsWith(p));
    return found ? `${ms(found.wallMs)} / ${ms(found.cpuMs)}` : 'n/a';
  };
  return [g.decisions, g.options, g.conditions, w('check'), w('quicktest'), w('simulate'), fmtKb(g.saveGzip)];
});
const md = [
  '# Bench results (last run of `npm run bench`)',
  '',
  `Run ${R.when}${QUICK ? ' (--quick: a smoke run, not for comparison)' : ''}, ${RUNS} alternating cold visits per page, medians with (min–max).`,
  `Machine: ${R.machine.cpu}, ${R.machine.memoryGiB} GiB, ${R.machine.os}, Node ${R.machine.node}, ${R.machine.chromium}; load average at the end ${R.machine.loadAverage}.`,
  `Both pages are served by one static server on loopback with gzip; inkjs ${JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'inkjs', 'package.json'), 'utf8')).version} plays a generated ${STORY_DECISIONS}-decision story.`,
  '',
  markdownTable(['measure', 'Mandate', 'inkjs', 'ratio', 'reach'], rows),
  '',
  '## Growth (generated scenarios, cold, one process)',
  '',
  markdownTable(['decisions', 'options', 'conditions', 'check (wall / CPU)', 'quicktest (wall / CPU)', 'simulate --runs 1000 (wall / CPU)', 'longest save (gzip)'], growthRows),
  '',
  `Whole bench: ${R.seconds} s.`,
  '',
].join('\n');

if (!QUICK || argv.includes('--write')) {
  mkdirSync(path.join(ROOT, 'bench'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(R, null, 2) + '\n');
  writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), md);
}
process.stdout.write(md);
