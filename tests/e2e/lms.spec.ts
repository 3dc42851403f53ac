// Delivery: offline play (the PWA), the SCORM 1.2 / 2004 packages run by scorm-again, cmi5 and xAPI
// statements to a loopback LRS. Run against the built site (`MANDATE_OUT_DIR=dist-lms` + `E2E_PORT`).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import path from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import type { Golden } from '../../src/build/golden';
import { expect, test } from './support';

const ROOT = path.resolve(import.meta.dirname, '../..');
const golden = (file: string): Golden => parse(readFileSync(path.join(ROOT, 'scenarios', file), 'utf8')) as Golden;

/** Clicks through decisions `from`..`to` (exclusive) of a golden on the play screen. */
async function playChoices(page: Page, choices: string[], from = 0, to = choices.length): Promise<void> {
  for (let i = from; i < to; i++) {
    const option = choices[i] as string;
    const decision = page.getByTestId('decision');
    await expect(decision, `decision ${i + 1} of ${choices.length}`).toBeVisible();
    const node = await decision.getAttribute('data-node');
    await page.locator(`button[data-option="${option}"]`).click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
  }
}

/** From the library: start a scenario and get past the content note and the briefing. */
async function startScenario(page: Page, id: string): Promise<void> {
  await page.getByTestId(`start-${id}`).click();
  await expect(page.locator('body[data-screen="briefing"], [data-testid="content-note"]').first()).toBeVisible();
  if (await page.getByTestId('content-note').isVisible()) await page.getByTestId('dialog-confirm').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'briefing');
  await page.getByTestId('begin').click();
  await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
}

test.describe('offline (PWA)', () => {
  test('a first visit precaches the game; a cold start with the network off plays a scenario to its ending', async ({ page, context }) => {
    test.setTimeout(180_000);
    const g = golden('poc-red-lines/playthroughs/credible-and-even-handed.yaml');
    await page.goto(`/?seed=${g.seed}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    const manifest = await page.evaluate(() => document.querySelector('link[rel="manifest"]')?.getAttribute('href'));
    expect(manifest).toBe('./manifest.webmanifest');
    // The worker is installed once every precached file is stored.
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 90_000 }).toBe('activated');
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    for (const kind of [/poc-red-lines-.*\.js$/, /election-timing-.*\.js$/, /fpu-caveats-.*\.js$/, /mount-situation-map-.*\.js$/, /\.woff2$/, /\.ogg$/, /index\.html$/, /icon-512\.png$/]) {
      expect(cached.some((u) => kind.test(u)), `precached: ${kind} in ${cached.length} files: ${cached.slice(0, 8).join(" ")}`).toBe(true);
    }
    await page.close();

    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(`/?seed=${g.seed}`);
    await expect(offline.locator('html')).toHaveAttribute('data-ready', '1');
    await startScenario(offline, g.scenario);
    // The map (the lazily loaded Phaser chunk) comes from the cache too.
    await expect(offline.locator('[data-map-ready="1"]')).toBeVisible({ timeout: 30_000 });
    await playChoices(offline, g.choices);
    await expect(offline.getByTestId('ending')).toBeVisible();
    expect(await offline.evaluate(() => window.__mandate?.store.getState().snapshot?.context.ending)).toBe(g.ending);
    await context.setOffline(false);
  });
});

// ---------------------------------------------------------------------------------------------
// SCORM: each package, built by `npm run package`, unzipped and run by scorm-again in Chromium.
// The host page plays the LMS: it hosts window.API (1.2) or window.API_1484_11 (2004) around an
// iframe of the package's launch URL, and keeps what the SCO commits in localStorage — the LMS's
// database — so a reload of the host is a relaunch that hands back the committed data.

const DIST = path.resolve(ROOT, process.env.MANDATE_OUT_DIR ?? 'dist');

function unpackPackage(format: 'scorm12' | 'scorm2004', scenario: string): string {
  const out = path.join(ROOT, 'dist-packages-e2e');
  // Packages unpacked by an earlier run live in the site folder; they are not part of the site.
  for (const old of ['pkg-scorm12', 'pkg-scorm2004']) rmSync(path.join(DIST, old), { recursive: true, force: true });
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/package/main.ts', format, '--scenario', scenario, '--no-build', '--dist', DIST, '--out', out], { cwd: ROOT, stdio: 'ignore' });
  const zip = readFileSync(path.join(out, `mandate-${format}-${scenario}-0.1.0.zip`));
  const dir = path.join(DIST, `pkg-${format}`);
  for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(zip)))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return `pkg-${format}`;
}

function launchUrlOf(format: 'scorm12' | 'scorm2004', folder: string): string {
  const manifest = readFileSync(path.join(DIST, folder, 'imsmanifest.xml'), 'utf8');
  const href = /<resource [^>]*href="([^"]+)"/.exec(manifest)?.[1] ?? '';
  const params = format === 'scorm2004' ? (/parameters="([^"]+)"/.exec(manifest)?.[1] ?? '') : '';
  return `${folder}/${href.replace(/&amp;/g, '&')}${params}`;
}

function writeHost(): void {
  if (!existsSync(path.join(DIST, 'scorm-again.min.js'))) copyFileSync(path.join(ROOT, 'node_modules/scorm-again/dist/scorm-again.min.js'), path.join(DIST, 'scorm-again.min.js'));
  writeFileSync(
    path.join(DIST, 'lms-host.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS host</title><link rel="icon" href="data:,"><script src="scorm-again.min.js"></script></head>
<body style="margin:0"><main><h1 style="font-size:12px">Test LMS</h1><iframe id="sco" title="course" style="width:1260px;height:760px;border:0"></iframe></main>
<script>
  const q = new URLSearchParams(location.search);
  const version = q.get('v');
  const key = 'lms-cmi-' + version;
  const api = version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  const saved = localStorage.getItem(key);
  if (saved) {
    const cmi = JSON.parse(saved);
    if (version === '1.2') cmi.core.entry = cmi.core.exit === 'suspend' ? 'resume' : '';
    else cmi.entry = cmi.exit === 'suspend' ? 'resume' : '';
    api.loadFromJSON(cmi);
  }
  const keep = () => localStorage.setItem(key, JSON.stringify(api.renderCMIToJSONObject().cmi));
  if (version === '1.2') { api.on('LMSCommit', keep); api.on('LMSFinish', keep); window.API = api; }
  else { api.on('Commit', keep); api.on('Terminate', keep); window.API_1484_11 = api; }
  window.lmsData = () => JSON.parse(localStorage.getItem(key) || 'null');
  document.getElementById('sco').src = q.get('launch');
</script></body></html>`,
  );
}

for (const format of ['scorm12', 'scorm2004'] as const) {
  test(`${format}: the package plays in scorm-again, resumes the exact session after a reload, and reports the ending`, async ({ page }) => {
    test.setTimeout(240_000);
    const g = golden('poc-red-lines/playthroughs/credible-and-even-handed.yaml');
    const folder = unpackPackage(format, g.scenario);
    writeHost();
    const version = format === 'scorm12' ? '1.2' : '2004';
    const launch = `${launchUrlOf(format, folder)}&nomap=1&seed=${g.seed}`;
    const host = `/lms-host.html?v=${version}&launch=${encodeURIComponent(launch)}`;
    await page.goto(host);
    const sco = page.frameLocator('#sco');
    const frame = () => page.frames().find((f) => f !== page.mainFrame() && f.url().includes(`/${folder}/`))!;
    await expect(sco.locator('html')).toHaveAttribute('data-lms', `scorm-${version}`, { timeout: 30_000 });
    // The package starts its scenario: the content note, then the briefing.
    await expect(sco.locator('body[data-screen="briefing"], [data-testid="content-note"]').first()).toBeVisible();
    if (await sco.getByTestId('content-note').isVisible()) await sco.getByTestId('dialog-confirm').click();
    await sco.getByTestId('begin').click();
    const half = Math.floor(g.choices.length / 2);
    for (let i = 0; i < half; i++) {
      const node = await sco.getByTestId('decision').getAttribute('data-node');
      await sco.locator(`button[data-option="${g.choices[i]}"]`).click();
      await sco.getByTestId('decide').click();
      await expect.poll(() => frame().evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
    }
    const snapshotJson = () => frame().evaluate(() => JSON.stringify(window.__mandate?.store.getState().snapshot ?? null));
    const before = JSON.parse(await snapshotJson()) as { node: string } | null;
    expect(before?.node).toBeTruthy();

    // Relaunch: the host (LMS) page reloads; the SCO resumes from the LMS's suspend data alone.
    await page.evaluate(() => indexedDB.databases?.().then((dbs) => Promise.all(dbs.map((d) => d.name && indexedDB.deleteDatabase(d.name)))));
    await page.reload();
    await expect(sco.locator('html')).toHaveAttribute('data-lms', `scorm-${version}`, { timeout: 30_000 });
    await expect(sco.locator('body')).toHaveAttribute('data-screen', 'play');
    await expect.poll(() => frame().evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).toBe(before?.node);
    expect(JSON.parse(await snapshotJson())).toEqual(before);
    for (let i = half; i < g.choices.length; i++) {
      const node = await sco.getByTestId('decision').getAttribute('data-node');
      await sco.locator(`button[data-option="${g.choices[i]}"]`).click();
      await sco.getByTestId('decide').click();
      await expect.poll(() => frame().evaluate(() => window.__mandate?.store.getState().snapshot?.node ?? null)).not.toBe(node);
    }
    await expect(sco.getByTestId('ending')).toBeVisible();
    const cmi = (await page.evaluate(() => (window as unknown as { lmsData: () => unknown }).lmsData())) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    if (version === '1.2') {
      expect(cmi.core.lesson_status).toMatch(/^(passed|failed)$/);
      expect(Number(cmi.core.score.raw)).toBeGreaterThan(0);
    } else {
      expect(cmi.completion_status).toBe('completed');
      expect(cmi.success_status).toMatch(/^(passed|failed)$/);
      expect(Number(cmi.score.scaled)).toBeGreaterThan(0);
    }
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
  });
}

// ---------------------------------------------------------------------------------------------
// xAPI: the deployment's mandate.config.json points at a loopback LRS; statements made offline wait
// in the queue (across a reload served by the service worker) and arrive in order once online.
test('xAPI: statements made offline survive a reload and arrive at the LRS in order', async ({ page, context }) => {
  test.setTimeout(240_000);
  const { startLoopbackLrs } = await import('../support/lrs-server');
  const lrs = await startLoopbackLrs();
  const configFile = path.join(DIST, 'mandate.config.json');
  const shipped = readFileSync(configFile, 'utf8');
  writeFileSync(configFile, JSON.stringify({ xapi: { endpoint: lrs.endpoint, auth: lrs.auth, activityBase: 'https://training.example.org/mandate' } }));
  try {
    const g = golden('poc-red-lines/playthroughs/credible-and-even-handed.yaml');
    await page.goto(`/?nomap=1&seed=${g.seed}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), { timeout: 90_000 }).toBe('activated');
    // A page is served by the worker from its next load on.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await context.setOffline(true);
    await startScenario(page, g.scenario);
    await playChoices(page, g.choices, 0, 3);
    const queued = await page.evaluate(() => JSON.parse(localStorage.getItem('mandate.xapi.queue') ?? '[]') as { id: string }[]);
    expect(queued.length).toBe(4); // initialized + three decisions
    expect(lrs.statements).toHaveLength(0);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await context.setOffline(false);
    await expect.poll(() => lrs.statements.length, { timeout: 60_000 }).toBe(4);
    expect(lrs.statements.map((s) => s.id)).toEqual(queued.map((s) => s.id));
    expect(lrs.statements.map((s) => (s.verb as { id: string }).id)).toEqual([
      'http://adlnet.gov/expapi/verbs/initialized',
      'https://w3id.org/xapi/adb/verbs/selected',
      'https://w3id.org/xapi/adb/verbs/selected',
      'https://w3id.org/xapi/adb/verbs/selected',
    ]);
    expect(lrs.statements.slice(1).map((s) => (s.result as { response: string }).response)).toEqual(g.choices.slice(0, 3));
  } finally {
    writeFileSync(configFile, shipped);
    await lrs.close();
  }
});
