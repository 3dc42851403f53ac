// Facilitated play in the browser: a facilitator console and a presenter window, two pages of one
// browser context (so BroadcastChannel joins them as on the facilitator's laptop). They stay in sync
// through a whole scenario — pause, a countdown extension, an optional inject, the presenter closed and
// reopened, the console reloaded — and the presenter never holds facilitator-only text. Screenshots of
// both windows at projector size and PDFs of the handouts and prep pack go to reports/facilitated/.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support';

const OUT = path.resolve(import.meta.dirname, '../../reports/facilitated');
const SCENARIO = 'poc-red-lines';
const PROJECTOR = { width: 1920, height: 1080 };

/** Every piece of facilitator-only text the console's scenario holds (notes, briefs, purposes, private injects). */
async function facilitatorOnlyTexts(console: Page): Promise<string[]> {
  return console.evaluate(() => {
    const s = window.__mandate?.store.getState().bundle?.scenario;
    if (!s) return [];
    const out: string[] = [];
    for (const r of s.roles ?? []) if (r.brief) out.push(r.brief);
    for (const n of s.nodes) {
      const f = n.facilitator;
      if (!f) continue;
      out.push(...f.prompts, ...f.teaching, ...f.tradeoffs.map((x) => x.text));
    }
    for (const i of s.injects) {
      if (i.purpose) out.push(i.purpose);
      if (i.roles?.length) out.push(i.text, i.title);
    }
    return out.filter((x) => x.trim().length > 12);
  });
}

/** Everything the presenter holds: its DOM text (hidden parts too) and its replica's scenario and log. */
async function presenterHoldings(presenter: Page): Promise<string> {
  return presenter.evaluate(() => {
    const st = window.__mandate?.store.getState();
    return [document.documentElement.textContent ?? '', JSON.stringify(st?.bundle ?? null), JSON.stringify(st?.session?.log() ?? [])].join('\n');
  });
}

async function expectNoSecrets(presenter: Page, secrets: string[]): Promise<void> {
  const held = await presenterHoldings(presenter);
  const leaked = secrets.filter((s) => held.includes(s));
  expect(leaked, 'facilitator-only text reached the presenter').toEqual([]);
}

async function consoleNode(console: Page): Promise<string> {
  return (await console.getByTestId('decision').getAttribute('data-node')) ?? '';
}

async function expectPresenterAt(presenter: Page, node: string): Promise<void> {
  await expect(presenter.getByTestId('presenter-decision')).toHaveAttribute('data-node', node);
}

async function openConsole(page: Page): Promise<Page> {
  await page.setViewportSize(PROJECTOR);
  await page.goto('/?nomap=1');
  await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
  const popup = page.context().waitForEvent('page');
  await page.getByTestId(`facilitate-${SCENARIO}`).click();
  const presenter = await popup;
  await presenter.setViewportSize(PROJECTOR);
  await page.waitForURL(/console=[0-9a-f]+/);
  return presenter;
}

test.describe('facilitated play', () => {
  test.beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
  });

  test('facilitated: console and presenter stay in sync through a whole scenario', async ({ page, context }) => {
    test.setTimeout(480_000);
    const console = page;
    let presenter = await openConsole(console);
    const secrets = await facilitatorOnlyTexts(console);

    // The briefing is on both screens; the console's panel is beside it.
    await expect(console.getByTestId('console-panel')).toBeVisible();
    await expect(presenter.getByTestId('presenter-briefing')).toBeVisible();
    await expect(console.getByTestId('console-presenter-status')).toHaveText(/connected/);
    await console.getByTestId('begin').click();

    // First decision: the presenter follows the console.
    const first = await consoleNode(console);
    await expectPresenterAt(presenter, first);

    // An adviser heard on the console is heard by the room.
    const consult = console.locator('[data-testid^="consult-"]').first();
    const adviserId = ((await consult.getAttribute('data-testid')) ?? '').replace('consult-', '');
    await consult.click();
    await expect(presenter.getByTestId(`presenter-adviser-${adviserId}`)).toBeVisible();

    // Pause: the presenter says so and its countdown stops; extend: the room gets more time.
    await expect(presenter.getByTestId('presenter-countdown')).toBeVisible();
    await console.getByTestId('console-pause').click();
    await expect(presenter.getByTestId('presenter-paused')).toBeVisible();
    const frozen = await presenter.getByTestId('presenter-countdown').textContent();
    await presenter.waitForTimeout(1500);
    await expect(presenter.getByTestId('presenter-countdown')).toHaveText(frozen ?? '');
    await console.getByTestId('console-extend-5').click();
    await expect(presenter.getByTestId('presenter-countdown')).not.toHaveText(frozen ?? '');
    const [mm] = ((await presenter.getByTestId('presenter-countdown').textContent()) ?? '0:00').split(':');
    expect(Number(mm)).toBeGreaterThanOrEqual(5);
    await console.getByTestId('console-pause').click();
    await expect(presenter.getByTestId('presenter-paused')).toBeHidden();

    // An optional inject fired from the console reaches the room.
    const fire = console.locator('[data-testid^="console-fire-"]:not([aria-disabled="true"])').first();
    if ((await fire.count()) > 0) {
      const injectId = ((await fire.getAttribute('data-testid')) ?? '').replace('console-fire-', '');
      const title = await console.getByTestId(`console-inject-${injectId}`).locator('h3').textContent();
      await fire.click();
      await console.getByTestId('dialog-confirm').click();
      await expect(console.getByTestId(`console-inject-${injectId}`)).toContainText('Fired');
      await expect(presenter.getByTestId('presenter-feed')).toContainText(title ?? '');
    }

    // The room's vote, its rationale and a private note are recorded.
    const options = console.locator('[data-testid^="console-vote-"]').filter({ has: console.locator('xpath=self::input') });
    await options.nth(0).fill('6');
    await options.nth(1).fill('3');
    await console.getByTestId('console-record-vote').click();
    await expect(console.getByTestId('console-vote-entry')).toHaveCount(1);
    const privateNote = 'PRIVATE: the deputy looked unconvinced by the legal argument';
    await console.getByTestId('console-private-note').fill(privateNote);
    await console.getByTestId('console-save-note').click();
    await expect(console.getByTestId('console-private-note-entry')).toHaveCount(1);
    await console.getByTestId('note').fill('The room: protect first, explain to the government at once.');
    await console.getByTestId('add-note').click();

    // Clicker keys: B blanks the projector, B again shows it; Page Down highlights the next part.
    await console.locator('body').click({ position: { x: 5, y: 5 } });
    await console.keyboard.press('b');
    await expect(presenter.getByTestId('presenter-blank')).toBeVisible();
    await console.keyboard.press('b');
    await expect(presenter.getByTestId('presenter-blank')).toBeHidden();
    await console.keyboard.press('PageDown');
    await console.keyboard.press('PageDown');
    await expect(presenter.locator('.pr-panel.is-spotlight')).toHaveAttribute('data-spot', 'advisers');

    // Projector-size screenshots of both windows, mid-decision.
    await console.screenshot({ path: path.join(OUT, 'console-1920.png') });
    await presenter.screenshot({ path: path.join(OUT, 'presenter-1920.png') });
    await expectNoSecrets(presenter, [...secrets, privateNote]);

    // The presenter is closed and opened again: it resynchronises.
    await presenter.close();
    const reopened = context.waitForEvent('page');
    await console.getByTestId('console-open-presenter').click();
    presenter = await reopened;
    await presenter.setViewportSize(PROJECTOR);
    await expectPresenterAt(presenter, first);
    await expect(presenter.getByTestId(`presenter-adviser-${adviserId}`)).toBeVisible();

    // The console is reloaded: it resumes the session, the vote and note kept; the presenter follows.
    await console.reload();
    await expect(console.getByTestId('console-panel')).toBeVisible();
    expect(await consoleNode(console)).toBe(first);
    await expect(console.getByTestId('console-vote-entry')).toHaveCount(1);
    await expect(console.getByTestId('console-private-note-entry')).toHaveCount(1);
    await expect(presenter.getByTestId('presenter-waiting')).toBeHidden();

    // The room decides, decision after decision, to the end; the presenter follows each one.
    for (let step = 0; step < 40; step += 1) {
      if (await console.getByTestId('ending').isVisible()) break;
      const node = await consoleNode(console);
      await expectPresenterAt(presenter, node);
      await console.getByTestId('option-1').click();
      await console.getByTestId('decide').click();
      await expect(console.locator(`[data-testid="decision"][data-node="${node}"]`)).toHaveCount(0);
    }
    await expect(console.getByTestId('ending')).toBeVisible();
    await expect(presenter.getByTestId('presenter-ending')).toBeVisible();
    await presenter.screenshot({ path: path.join(OUT, 'presenter-ending-1920.png') });
    await expectNoSecrets(presenter, [...secrets, privateNote]);

    // The debrief shows the room's vote, rationale and the facilitator's note; the export has them.
    await console.getByTestId('open-debrief').click();
    const room = console.getByTestId('debrief-room');
    await expect(room.getByTestId('debrief-vote')).toHaveCount(1);
    await expect(room.getByTestId('debrief-rationale')).toHaveCount(1);
    await expect(room.getByTestId('debrief-facilitator-note')).toHaveText(privateNote);
    const download = console.waitForEvent('download');
    await console.getByTestId('export').click();
    const file = await (await download).path();
    const saved = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8')) as { meta?: { mode?: string }; log: { type: string }[] };
    expect(saved.meta?.mode).toBe('facilitated');
    expect(saved.log.map((e) => e.type)).toEqual(expect.arrayContaining(['room.vote', 'facilitator.note', 'note.add']));
    await room.scrollIntoViewIfNeeded();
    await room.screenshot({ path: path.join(OUT, 'console-debrief-room.png') });
  });

  test('facilitated: a second console of the same session is told one is running and does not write', async ({ page, context }) => {
    test.setTimeout(240_000); // two windows booting on a shared 2-core machine
    const presenter = await openConsole(page);
    await page.getByTestId('begin').click();
    const url = page.url();
    const before = await page.evaluate(() => window.__mandate?.store.getState().logLength);
    const second = await context.newPage();
    await second.goto(url);
    await expect(second.locator('html')).toHaveAttribute('data-console', 'busy', { timeout: 30_000 });
    await expect(second.getByTestId('notice-error')).toContainText('already running');
    await expect(second.getByTestId('console-panel')).toHaveCount(0);
    // The first console still runs the room.
    await page.getByTestId('console-extend-1').click();
    await expect(presenter.getByTestId('presenter-decision')).toBeVisible();
    expect(await page.evaluate(() => window.__mandate?.store.getState().logLength)).toBe(before);
  });

  test('facilitated: where the pop-up is blocked, the console gives the presenter address to open by hand', async ({ page }) => {
    await page.goto(`/?nomap=1&console=new&scenario=${SCENARIO}&popup=blocked`);
    await expect(page.getByTestId('console-popup-blocked')).toBeVisible();
    const link = page.getByTestId('console-presenter-link');
    await expect(link).toHaveAttribute('href', /view=presenter/);
  });

  test('facilitated: role handouts and the prep pack print, one handout per role', async ({ page }) => {
    test.setTimeout(180_000);
    for (const kind of ['handouts', 'prep'] as const) {
      await page.goto(`/?print=${kind}&scenario=${SCENARIO}&noprint=1`);
      await expect(page.locator('html')).toHaveAttribute('data-ready', '1');
      await expect(page.getByTestId(kind === 'handouts' ? 'handouts' : 'prep-pack')).toBeVisible();
      // Kessrin is written for a room: a handout for each of its roles, and every decision in the pack.
      if (kind === 'handouts') expect(await page.locator('article.handout').count()).toBeGreaterThanOrEqual(4);
      else expect(await page.locator('article.print-decision').count()).toBeGreaterThanOrEqual(10);
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: path.join(OUT, `${kind}.pdf`), format: 'A4', printBackground: true });
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
