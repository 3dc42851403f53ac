// The facilitated store actions (src/store/facilitated-actions.ts): the room's vote, the
// facilitator's private notes, an optional inject fired, and the facilitator's hold on the countdown.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMandateStore, createMemoryAdapter, createPersistence, memoryCountdownStash, type SavedRecord } from '../../src/store';
import { fixtureBundle, fixtureLibrary } from './store-fixture';

function setup() {
  const bundle = fixtureBundle();
  bundle.scenario.injects.push({ id: 'rumour', optional: true, purpose: 'Press the room on consent.', manual: false, channel: 'radio', from: 'Radio Brisk', title: 'A rumour spreads', text: 'Crowds gather at the gate.', effects: [] });
  const adapter = createMemoryAdapter();
  const stash = memoryCountdownStash();
  let id = 0;
  const deps = {
    library: fixtureLibrary(bundle),
    loadBundle: async () => bundle,
    persistence: createPersistence(adapter, { locks: null }),
    countdownStash: stash,
    now: () => Date.now(),
    randomSeed: () => 42,
    newId: () => `s${++id}`,
  };
  const store = createMandateStore(deps);
  return { store, adapter, stash, deps, act: store.getState().actions };
}

async function playing(s: ReturnType<typeof setup>) {
  expect(await s.act.startScenario('test-crisis', undefined, 'facilitated')).toBe(true);
  s.act.begin();
}

const saved = (adapter: ReturnType<typeof createMemoryAdapter>) => [...adapter.data.values()] as SavedRecord[];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('facilitated store actions', () => {
  it('marks the session as facilitated', async () => {
    const s = setup();
    await playing(s);
    expect(s.store.getState().session?.save().meta.mode).toBe('facilitated');
  });

  it('lists a saved facilitated session as facilitated, so the library and sessions screens reopen it as a console', async () => {
    const s = setup();
    await playing(s);
    await s.act.recordVote({ deploy: 3 }, null);
    await s.act.leave();
    expect(s.store.getState().saved.map((x) => x.mode)).toEqual(['facilitated']);
    expect((await s.act.listSessions()).map((r) => r.mode)).toEqual(['facilitated']);
  });

  it('records the vote, the facilitator note and the fired inject in the log, and saves them', async () => {
    const s = setup();
    await playing(s);
    expect(await s.act.recordVote({ deploy: 7, talk: 4, bogus: 0 }, { fc: 'deploy' })).toBe(true);
    expect(await s.act.addFacilitatorNote('  The FC pushed hard for deployment  ')).toBe(true);
    expect(await s.act.fireInject('rumour')).toBe(true);
    const log = s.store.getState().session?.log() ?? [];
    expect(log.map((e) => [e.type, e.payload])).toEqual([
      ['room.vote', { node: 'warn', tally: { deploy: 7, talk: 4 }, byRole: { fc: 'deploy' } }],
      ['facilitator.note', { text: 'The FC pushed hard for deployment', node: 'warn' }],
      ['inject.fire', { inject: 'rumour' }],
    ]);
    expect(saved(s.adapter)[0]?.save.log).toHaveLength(3);
    // The inject arrived: the room sees it in the feed.
    expect(s.store.getState().snapshot?.context.firedInjects).toContain('rumour');
  });

  it('refuses an empty vote, an empty note and an unknown inject without logging anything', async () => {
    const s = setup();
    await playing(s);
    expect(await s.act.recordVote({ deploy: 0 })).toBe(false);
    expect(await s.act.addFacilitatorNote('   ')).toBe(false);
    expect(await s.act.fireInject('nope')).toBe(false);
    expect(s.store.getState().session?.log()).toHaveLength(0);
  });

  it('a vote by role alone counts one voter per role', async () => {
    const s = setup();
    await playing(s);
    await s.act.recordVote({}, { fc: 'deploy', hom: 'talk', pc: 'deploy' });
    expect(s.store.getState().session?.log()[0]?.payload).toMatchObject({ tally: { deploy: 2, talk: 1 } });
  });

  it('pauses the countdown (no timeout while paused), resumes it, and keeps the pause across a reload', async () => {
    const s = setup();
    await playing(s);
    await vi.advanceTimersByTimeAsync(10_000);
    s.act.holdCountdown('paused');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(s.store.getState().countdown).toMatchObject({ remainingMs: 50_000, held: 'paused' });
    expect(s.store.getState().session?.log()).toHaveLength(0);
    expect(s.stash.load('s1')?.record).toMatchObject({ held: 'paused' });
    s.act.holdCountdown(null);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.store.getState().countdown?.remainingMs).toBe(45_000);
    expect(s.store.getState().countdown?.held).toBeUndefined();
  });

  it('extends the countdown, and switching it off records the decision as played without one', async () => {
    const s = setup();
    await playing(s);
    await vi.advanceTimersByTimeAsync(55_000);
    expect(s.store.getState().countdown?.warned).toBe(true);
    s.act.extendCountdown(60_000);
    expect(s.store.getState().countdown).toMatchObject({ totalMs: 120_000, remainingMs: 65_000, warned: false });
    s.act.holdCountdown('off');
    await vi.advanceTimersByTimeAsync(200_000);
    expect(s.store.getState().session?.log()).toHaveLength(0);
    expect(s.store.getState().playedCountdownMode).toBe('off');
    // The next decision has its own countdown again.
    await s.act.choose('talk');
    expect(s.store.getState().countdown).toMatchObject({ nodeId: 'second', remainingMs: 30_000 });
    expect(s.store.getState().countdown?.held).toBeUndefined();
  });
});
