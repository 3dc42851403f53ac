// xAPI statements against the loopback LRS (tests/support/lrs-server.ts), which enforces the xAPI
// 1.0.3 statement-resource rules the client relies on and checks every statement's shape.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import type { ScenarioBundle } from '../../src/engine/index';
import { createXapiQueue, type QueueStorage } from '../../src/lms/xapi-queue';
import { connectXapi, isoDuration, readXapiConfig, VERBS } from '../../src/lms/xapi';
import { createMandateStore, createMemoryAdapter, createPersistence } from '../../src/store';
import { shippedBundle } from '../support/fixtures';
import { startLoopbackLrs, statementProblems, type LoopbackLrs } from '../support/lrs-server';
import { fixtureLibrary } from './store-fixture';

const ID = 'poc-red-lines';
const golden = parse(readFileSync(join(ROOT, 'scenarios', ID, 'playthroughs', 'credible-and-even-handed.yaml'), 'utf8')) as Golden;

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, load: (k) => data.get(k) ?? null, save: (k, v) => void data.set(k, v) };
}

function newStore(bundle: ScenarioBundle) {
  let n = 0;
  let t = 1_780_000_000_000;
  return createMandateStore({
    library: fixtureLibrary(bundle),
    loadBundle: async () => bundle,
    persistence: createPersistence(createMemoryAdapter(), { locks: null }),
    randomSeed: () => golden.seed,
    newId: () => `s${++n}`,
    now: () => (t += 20_000),
  });
}

const hdr = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
const waitFor = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

let lrs: LoopbackLrs;
beforeEach(async () => {
  lrs = await startLoopbackLrs();
});
afterEach(async () => {
  await lrs.close();
});

describe('the loopback LRS', () => {
  it('enforces the version header, Basic auth, ids returned, 409 on a conflicting id and `more` paging', async () => {
    const st = (id: string, verb: string = VERBS.selected.id) => ({ id, actor: { objectType: 'Agent', account: { homePage: 'http://127.0.0.1', name: 's1' } }, verb: { id: verb }, object: { id: 'urn:mandate:scenario:x' } });
    const url = `${lrs.endpoint}statements`;
    expect((await fetch(url, { method: 'POST', headers: { Authorization: lrs.auth, 'Content-Type': 'application/json' }, body: '[]' })).status).toBe(400);
    expect((await fetch(url, { method: 'POST', headers: { ...hdr, Authorization: 'Basic eDp5' }, body: '[]' })).status).toBe(401);
    const ids = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const ok = await fetch(url, { method: 'POST', headers: { ...hdr, Authorization: lrs.auth }, body: JSON.stringify(ids.map((id) => st(id))) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual(ids);
    expect((await fetch(url, { method: 'POST', headers: { ...hdr, Authorization: lrs.auth }, body: JSON.stringify(st(ids[0]!, VERBS.completed.id)) })).status).toBe(409);
    expect((await fetch(url, { method: 'POST', headers: { ...hdr, Authorization: lrs.auth }, body: JSON.stringify(st(ids[0]!)) })).status).toBe(200);
    const page1 = (await (await fetch(`${url}?limit=10`, { headers: { ...hdr, Authorization: lrs.auth } })).json()) as { statements: { id: string }[]; more: string };
    expect(page1.statements.map((s) => s.id)).toEqual([...ids].reverse().slice(0, 10));
    const page2 = (await (await fetch(`${lrs.url}${page1.more}`, { headers: { ...hdr, Authorization: lrs.auth } })).json()) as { statements: { id: string }[]; more: string };
    expect(page2.statements.map((s) => s.id)).toEqual([ids[1], ids[0]]);
    expect(page2.more).toBe('');
    expect(statementProblems({ actor: {}, verb: { id: 'selected' }, object: { id: 'x y' }, extra: 1 })).toHaveLength(4);
  });
});

describe('connectXapi()', () => {
  it('sends initialized, one "selected" per decision, the ending and the debrief, in order, each valid', async () => {
    const bundle = shippedBundle(ID);
    const store = newStore(bundle);
    const queue = createXapiQueue(lrs, { storage: memoryStorage() });
    connectXapi(store, { endpoint: lrs.endpoint, auth: lrs.auth, activityBase: 'https://training.example.org/mandate' }, { queue, homePage: 'https://training.example.org' });
    const act = store.getState().actions;
    await act.startScenario(ID);
    act.begin();
    const adviser = bundle.scenario.advisers[0]!.id;
    for (const [i, choice] of golden.choices.entries()) {
      if (i === 0) await act.consult(adviser);
      await act.addNote(`Why ${i + 1}: protect civilians, keep consent.`);
      // Facilitator-only material never leaves: a facilitator's note in the log.
      if (i === 1) store.getState().session!.send('facilitator.note', { text: 'FACILITATOR-ONLY remark' });
      expect(await act.choose(choice)).toBe(true);
    }
    act.openDebrief();
    await queue.flush();
    await waitFor(() => queue.pending().length === 0);
    const verbs = lrs.statements.map((s) => (s.verb as { id: string }).id);
    expect(verbs).toEqual([VERBS.initialized.id, ...golden.choices.map(() => VERBS.selected.id), VERBS.completed.id, VERBS.experienced.id]);
    const decisions = lrs.statements.filter((s) => (s.verb as { id: string }).id === VERBS.selected.id);
    expect(decisions.map((s) => (s.result as { response: string }).response)).toEqual(golden.choices);
    const first = decisions[0]!;
    expect((first.object as { id: string }).id).toBe(`https://training.example.org/mandate/scenario/${ID}/decision/${bundle.scenario.start}`);
    const ext = (first.result as { extensions: Record<string, unknown> }).extensions;
    expect(ext['https://training.example.org/mandate/extension/advisers-consulted']).toEqual([adviser]);
    expect(ext['https://training.example.org/mandate/extension/rationale']).toBe('Why 1: protect civilians, keep consent.');
    expect(ext['https://training.example.org/mandate/extension/in-game-minutes-to-decide']).toBeGreaterThan(0);
    expect((first.result as { duration: string }).duration).toMatch(/^PT/);
    const ending = lrs.statements.at(-2)!;
    expect(ending.result).toMatchObject({ completion: true, score: { min: 0, max: 100 } });
    expect((ending.result as { extensions: Record<string, unknown> }).extensions['https://training.example.org/mandate/extension/ending']).toBe(golden.ending);
    const all = JSON.stringify(lrs.statements);
    expect(all).not.toContain('FACILITATOR-ONLY');
    expect(all).not.toContain('room.vote');
    expect(lrs.statements.every((s) => statementProblems(s).length === 0)).toBe(true);
  }, 120_000);

  it('queues while the LRS cannot be reached, survives a reload, and sends in order when it answers', async () => {
    const bundle = shippedBundle(ID);
    const storage = memoryStorage();
    let online = false;
    const flaky: typeof fetch = (...args) => (online ? fetch(...args) : Promise.reject(new TypeError('Failed to fetch')));
    const store = newStore(bundle);
    const queue1 = createXapiQueue(lrs, { storage, fetch: flaky });
    connectXapi(store, { endpoint: lrs.endpoint, auth: lrs.auth }, { queue: queue1 });
    await store.getState().actions.startScenario(ID);
    store.getState().actions.begin();
    for (const choice of golden.choices.slice(0, 3)) await store.getState().actions.choose(choice);
    await queue1.flush();
    expect(lrs.statements).toHaveLength(0);
    const queued = queue1.pending().map((s) => s.id);
    expect(queued).toHaveLength(4);
    // "Reload": a new queue over the same storage; then the network comes back.
    online = true;
    const queue2 = createXapiQueue(lrs, { storage, fetch: flaky });
    expect(await queue2.flush()).toBe(4);
    expect(lrs.statements.map((s) => s.id)).toEqual(queued);
    expect(queue2.pending()).toEqual([]);
  }, 120_000);
});

describe('readXapiConfig() and isoDuration()', () => {
  it('is off unless the deployment gives an http(s) endpoint and credentials', () => {
    expect(readXapiConfig({ xapi: null })).toBeNull();
    expect(readXapiConfig({ xapi: { endpoint: 'ftp://x', auth: 'Basic x' } })).toBeNull();
    expect(readXapiConfig({ xapi: { endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic eDp5' } })).toEqual({ endpoint: 'https://lrs.example.org/xapi/', auth: 'Basic eDp5' });
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(0)).toBe('PT0S');
  });
});
