// The after-action review in the browser: scrub the timeline, follow a causal chain, fork and compare,
// export and re-import, print to PDF, the sessions on this device, and a cohort of generated sessions
// from both seats (with one of another scenario version and hostile files that must execute nothing).
// Sessions are generated here with the engine itself (goldens and seeded random play), so the browser
// replays exactly what Node played.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { compileFile, loadShared, ROOT } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import { availableOptions, createSession, indexScenario, type ScenarioBundle, type SessionSave } from '../../src/engine/index';
import { checkA11y, expect, snap, test } from './support';

const SCENARIO = 'poc-red-lines';
const REPORTS = path.join(ROOT, 'reports');
let bundleCache: ScenarioBundle | null = null;
function bundle(): ScenarioBundle {
  if (bundleCache) return bundleCache;
  const r = compileFile(path.join(ROOT, 'scenarios', SCENARIO, 'scenario.yaml'), loadShared(), { quick: true });
  if (!r.bundle) throw new Error(`${SCENARIO} does not compile`);
  bundleCache = r.bundle;
  return r.bundle;
}

/** A golden playthrough as a session file, with wall-clock stamps 40 s apart. */
function goldenSession(file: string): SessionSave {
  const g = parse(readFileSync(path.join(ROOT, 'scenarios', SCENARIO, 'playthroughs', file), 'utf8')) as Golden;
  const s = createSession(bundle(), { seed: g.seed, ...(g.seat ? { seat: g.seat } : {}) });
  let at = Date.UTC(2026, 10, 3, 9, 0, 0);
  for (const choice of g.choices) {
    const node = s.snapshot().node;
    at += 40_000;
    if (choice === 'timeout') s.send('decision.timeout', { node }, at);
    else s.send('decision.choose', { node, option: choice }, at);
  }
  const save = s.save();
  s.stop();
  return save;
}

/** Seeded random play from a seat to the end (a small LCG: the test is deterministic). */
function randomSession(seed: number, seat: string): SessionSave {
  const b = bundle();
  const index = indexScenario(b.scenario);
  const s = createSession(b, { seed, seat });
  let r = seed * 7919 + 1;
  const next = () => (r = (r * 1103515245 + 12345) % 2147483648) / 2147483648;
  let at = Date.UTC(2026, 10, 3, 9, 0, 0) + seed * 1000;
  for (let guard = 0; guard < 60 && !s.snapshot().done; guard++) {
    const snap = s.snapshot();
    const options = availableOptions(index, snap.context);
    at += 10_000 + Math.floor(next() * 120_000);
    const node = index.nodes.get(snap.node);
    if (!options.length) {
      if (node?.timeout) s.send('decision.timeout', { node: snap.node }, at);
      else break;
      continue;
    }
    const adviser = node?.positions[Math.floor(next() * (node.positions.length || 1))]?.adviser;
    if (adviser && next() < 0.3) s.send('adviser.consult', { node: snap.node, adviser }, at);
    const option = options[Math.floor(next() * options.length)] as string;
    s.send('decision.choose', { node: snap.node, option }, at + 5_000);
  }
  const save = s.save();
  s.stop();
  return save;
}

const HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">javascript:window.__pwned=3 \u202Egnp.exe';

async function importSession(page: import('@playwright/test').Page, save: unknown, name = 'session.json'): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(save)) });
}

test.describe('after-action review', () => {
  // A hostile string that ran would most likely open a dialog or set window.__pwned: neither may happen.
  const dialogs: string[] = [];
  test.beforeEach(async ({ page }) => {
    dialogs.length = 0;
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  });
  test.afterEach(() => {
    expect(dialogs).toEqual([]);
  });

  test('scrub the timeline, follow a causal chain, export, print to PDF', async ({ page, expectNoErrors }) => {
    test.setTimeout(300_000);
    const save = goldenSession('civilians-paid.yaml');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await importSession(page, save, 'civilians-paid.json');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    // The sound-caption box never covers the debrief.
    await expect(page.getByTestId('captions')).toBeHidden();

    // ---- scrub: the map, state and feed of a past moment ----
    const range = page.getByTestId('scrub-range');
    const now = page.getByTestId('scrub-now');
    const total = save.log.length;
    await expect(now).toContainText(`${total}`);
    const incidentsAtEnd = await page.getByTestId('debrief-scrubber').getByTestId('map-list').textContent();
    const feedAtEnd = await page.getByTestId('scrub-feed').textContent();
    await range.focus();
    await page.keyboard.press('Home');
    await expect(now).toContainText(/ 0 /);
    await expect(range).toHaveValue('0');
    const incidentsAtStart = await page.getByTestId('debrief-scrubber').getByTestId('map-list').textContent();
    expect(incidentsAtStart).not.toBe(incidentsAtEnd);
    expect(await page.getByTestId('scrub-feed').textContent()).not.toBe(feedAtEnd);
    await page.keyboard.press('ArrowRight');
    await expect(range).toHaveValue('1');
    await expect(page.getByTestId('scrub-happened')).toContainText(/./);
    await page.getByTestId('scrub-next').click();
    await expect(range).toHaveValue('2');
    await range.focus();
    await page.keyboard.press('End');
    await expect(range).toHaveValue(String(total));
    await snap(page, 'review-scrubber', { fullPage: false });

    // ---- a causal chain, as a list ----
    // An inject at the start has no cause; a consequence always has one (the decision that caused it).
    await expect(page.getByTestId('debrief-timeline').locator('.tl-inject').getByTestId('chain-why').first()).toBeVisible();
    const why = page.getByTestId('debrief-timeline').locator('.tl-consequence').getByTestId('chain-why').first();
    await why.click();
    await expect(page.getByTestId('chain-result')).toBeFocused();
    await expect(page.getByTestId('chain-list').locator('li').first()).toBeVisible();
    const followed = page.getByTestId('debrief-timeline').getByTestId('chain-followed').first();
    await followed.click();
    await expect(page.getByTestId('chain-result').locator('h3')).toBeVisible();
    await checkA11y(page, 'review-debrief');

    // ---- export: the same session format ----
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as SessionSave;
    expect(exported.log.map((e) => [e.type, e.payload])).toEqual(save.log.map((e) => [e.type, e.payload]));
    expect(exported.seed).toBe(save.seed);

    // ---- print to PDF: a clean report ----
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('export')).toBeHidden();
    await expect(page.getByTestId('debrief-scrubber')).toBeHidden();
    await expect(page.locator('.print-cover')).toBeVisible();
    mkdirSync(REPORTS, { recursive: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(path.join(REPORTS, 'review-debrief.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(10_000);
    expectNoErrors();
  });

  test('fork from a past decision, compare the two runs, list the sessions, re-import an export, delete', async ({ page, expectNoErrors }) => {
    test.setTimeout(420_000);
    const save = goldenSession('civilians-paid.yaml');
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await importSession(page, save, 'civilians-paid.json');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    const download = page.waitForEvent('download');
    await page.getByTestId('export').click();
    const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as SessionSave;

    // ---- the road not taken: fork at decision 2 and choose differently ----
    const forks = page.getByTestId('fork');
    await forks.nth(1).click();
    await page.getByTestId('fork-dialog').getByTestId('dialog-confirm').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'play');
    const state = await page.evaluate(() => {
      const s = window.__mandate?.store.getState();
      return { log: s?.session?.log().length ?? 0, node: s?.snapshot?.node ?? '' };
    });
    const secondDecision = save.log.filter((e) => e.type === 'decision.choose' || e.type === 'decision.timeout')[1];
    expect(state.node).toBe(secondDecision?.payload.node);
    expect(state.log).toBe((secondDecision?.seq ?? 0) - 1);
    // Choose an option other than the one taken, then the first option until the end.
    const taken = String(secondDecision?.payload.option ?? 'timeout');
    const other = page.locator(`button[data-option]:not([data-option="${taken}"])`).first();
    await other.click();
    await page.getByTestId('decide').click();
    await expect.poll(() => page.evaluate(() => window.__mandate?.store.getState().session?.log().length ?? 0)).toBe(state.log + 1);
    // The rest of the new road through the store's own actions (the clicks are the playthrough spec's business).
    await page.evaluate(async () => {
      const store = window.__mandate?.store;
      for (let i = 0; i < 40 && store && !store.getState().snapshot?.done; i++) {
        const option = document.querySelector<HTMLButtonElement>('button[data-option]')?.dataset.option;
        if (!option || !(await store.getState().actions.choose(option))) break;
        await new Promise((r) => setTimeout(r, 0));
      }
    });
    await expect(page.getByTestId('ending')).toBeVisible();
    await page.getByTestId('open-debrief').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    // ---- compare with the parent (selected by default) ----
    await expect(page.getByTestId('compare-picker')).toBeVisible();
    await page.getByTestId('compare-go').click();
    await expect(page.getByTestId('compare-first-difference')).toContainText('2');
    await expect(page.getByTestId('compare-tensions').locator('tbody tr')).not.toHaveCount(0);
    await expect(page.getByTestId('compare-endings')).toBeVisible();
    await page.getByTestId('compare-result').scrollIntoViewIfNeeded();
    await snap(page, 'review-compare');

    // ---- sessions on this device: both runs, the fork naming its parent ----
    await page.getByTestId('back-to-library').click();
    await page.getByTestId('nav-sessions').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'sessions');
    await expect(page.getByTestId('session-item')).toHaveCount(2);
    await expect(page.getByTestId('sessions-list')).toContainText(/Forked from/);
    await checkA11y(page, 'review-sessions');
    await snap(page, 'review-sessions', { fullPage: true });
    // Re-import the exported file: a third session, same ending as the original.
    await page.getByTestId('nav-library').click();
    await importSession(page, exported, 'exported.json');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    const ending = await page.evaluate(() => window.__mandate?.store.getState().snapshot?.context.ending);
    expect(ending).toBe('civilians-paid');
    // Delete one, with confirmation.
    await page.getByTestId('back-to-library').click();
    await page.getByTestId('nav-sessions').click();
    await expect(page.getByTestId('session-item')).toHaveCount(3);
    await page.getByTestId('session-delete').first().click();
    await page.getByTestId('delete-dialog').getByTestId('dialog-confirm').click();
    await expect(page.getByTestId('session-item')).toHaveCount(2);
    expectNoErrors();
  });

  test('a cohort of generated sessions from both seats, with another version and hostile files listed apart', async ({ page, expectNoErrors }) => {
    test.setTimeout(180_000);
    const files: { name: string; mimeType: string; buffer: Buffer }[] = [];
    const add = (name: string, data: unknown) => files.push({ name, mimeType: 'application/json', buffer: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)) });
    for (let i = 0; i < 32; i++) add(`trainee-${i}.json`, randomSession(100 + i, i % 2 ? 'fc' : 'hom'));
    add('golden-hom.json', goldenSession('bluff-called.yaml'));
    const old = goldenSession('talks-not-tanks.yaml');
    old.scenario.version += 1;
    add('next-version.json', old);
    add('not-json.json', HOSTILE);
    const hostile = goldenSession('bluff-called.yaml');
    (hostile.log[0] as { payload: Record<string, unknown> }).payload.node = HOSTILE;
    add(`${HOSTILE.slice(0, 40).replace(/\//g, '_')}.json`, hostile);
    add('hostile-scenario.json', { ...hostile, scenario: { id: HOSTILE, version: 1, hash: HOSTILE } });
    add('note.json', { ...goldenSession('peace-on-credit.yaml'), log: [{ seq: 1, type: 'note.add', payload: { text: HOSTILE }, at: null }] });

    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await page.getByTestId('nav-cohort').click();
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'cohort');
    await page.getByTestId('cohort-files').setInputFiles(files);
    await expect(page.getByTestId('cohort-decisions')).toBeVisible({ timeout: 60_000 });
    // 32 random + 1 golden + the note-only session (a real, unfinished session) are in; one version apart.
    await expect(page.getByTestId('cohort-status')).toContainText('34');
    await expect(page.getByTestId('cohort-apart')).toContainText('next-version.json');
    await expect(page.getByTestId('cohort-apart')).toContainText('version');
    const rejected = page.getByTestId('cohort-rejected');
    await expect(rejected).toContainText('not-json.json');
    await expect(rejected).toContainText('not JSON');
    await expect(rejected.locator('li')).toHaveCount(2);
    await expect(page.getByTestId('cohort-apart').locator('li')).toHaveCount(2);
    // Hostile strings are shown as text and execute nothing.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main img, main script').count()).toBe(0);
    // Per decision: counts add up to the sessions that took it.
    const first = page.getByTestId('cohort-decision').first();
    await expect(first.locator('tbody tr')).not.toHaveCount(0);
    await expect(page.getByTestId('cohort-endings').locator('li')).not.toHaveCount(0);

    // Filter by seat.
    await page.getByTestId('cohort-seat').selectOption('fc');
    await expect(page.getByTestId('cohort-status')).toContainText('16');
    await snap(page, 'review-cohort', { fullPage: true });
    await checkA11y(page, 'review-cohort');
    await page.getByTestId('cohort-seat').selectOption('');

    // CSV: anonymised by label, no file names.
    const download = page.waitForEvent('download');
    await page.getByTestId('cohort-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv).toContain('"S01"');
    expect(csv).not.toContain('trainee-');
    expect(csv.split('\r\n')[0]).toContain('"decision","option","chosen"');
    expectNoErrors();
  });
  test('a hostile note in an imported session is shown and printed as text, and runs nothing', async ({ page, expectNoErrors }) => {
    test.setTimeout(180_000);
    const save = goldenSession('bluff-called.yaml');
    // The note goes in before the last decision, so the session still ends.
    const last = save.log.length;
    save.log.splice(last - 1, 0, { seq: last, type: 'note.add', payload: { text: HOSTILE }, at: null });
    save.log.forEach((e, i) => (e.seq = i + 1));
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
    await importSession(page, save, 'hostile-note.json');
    await expect(page.locator('body')).toHaveAttribute('data-screen', 'debrief');
    await expect(page.getByTestId('debrief-notes')).toContainText('<script>window.__pwned=1</script>');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('main script, main img[src="x"]').count()).toBe(0);
    expectNoErrors();
  });
});
