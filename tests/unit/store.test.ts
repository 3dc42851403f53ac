import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createMandateStore,
  createMemoryAdapter,
  createPersistence,
  selectCurrentDecision,
  selectDebrief,
  selectInjectFeed,
  selectMapModel,
  selectMeterBands,
  memoryCountdownStash,
  type CountdownStash,
  type LockProvider,
  type MandateStore,
  type SavedRecord,
} from '../../src/store';
import { fixtureBundle, fixtureLibrary } from './store-fixture';

function setup(opts: { adapter?: ReturnType<typeof createMemoryAdapter>; locks?: LockProvider | null; hash?: string; stash?: CountdownStash } = {}) {
  const bundle = fixtureBundle(opts.hash ? { hash: opts.hash } : {});
  const adapter = opts.adapter ?? createMemoryAdapter();
  const persistence = createPersistence(adapter, { locks: opts.locks ?? null });
  let id = 0;
  const store = createMandateStore({
    library: fixtureLibrary(fixtureBundle()),
    loadBundle: async (sid) => {
      if (sid !== bundle.scenario.id) throw new Error('no such scenario');
      return bundle;
    },
    persistence,
    ...(opts.stash ? { countdownStash: opts.stash } : {}),
    now: () => Date.now(),
    randomSeed: () => 42,
    newId: () => `s${++id}`,
  });
  return { store, adapter, bundle, act: store.getState().actions };
}

function savedRecords(adapter: ReturnType<typeof createMemoryAdapter>): SavedRecord[] {
  return [...adapter.data.values()] as SavedRecord[];
}

async function startPlaying(store: MandateStore): Promise<void> {
  const act = store.getState().actions;
  expect(await act.startScenario('test-crisis')).toBe(true);
  act.begin();
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createMandateStore()', () => {
  it('starts on the library with the given scenarios', () => {
    const { store } = setup();
    expect(store.getState().screen).toBe('library');
    expect(store.getState().library.map((e) => e.id)).toEqual(['test-crisis']);
  });

  it('startScenario() creates a session with a seed from the store and saves it', async () => {
    const { store, adapter, act } = setup();
    expect(await act.startScenario('test-crisis', 'fc')).toBe(true);
    const s = store.getState();
    expect(s.screen).toBe('briefing');
    expect(s.session?.seed).toBe(42);
    expect(s.session?.seat).toBe('fc');
    expect(s.snapshot?.node).toBe('warn');
    expect(savedRecords(adapter)).toHaveLength(1);
    expect(savedRecords(adapter)[0]?.save.scenario.id).toBe('test-crisis');
  });

  it('startScenario() refuses an unknown scenario with a message and keeps the library', async () => {
    const { store, act } = setup();
    expect(await act.startScenario('nope')).toBe(false);
    expect(store.getState().session).toBeNull();
    expect(store.getState().notices.at(-1)?.key).toBe('notice.unknownScenario');
  });

  it('consult() logs the consultation with a wall-clock stamp, costs in-game time and lands the inject', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    const before = store.getState().snapshot?.context.clock ?? 0;
    expect(await act.consult('fc')).toBe(true);
    const s = store.getState();
    const entry = s.session?.log().at(-1);
    expect(entry?.type).toBe('adviser.consult');
    expect(typeof entry?.at).toBe('number');
    expect(s.snapshot?.context.clock).toBe(before + 30);
    const decision = selectCurrentDecision(s);
    expect(decision?.advisers.find((a) => a.id === 'fc')).toMatchObject({ consulted: true, view: 'Deploy now.', recommends: { id: 'deploy' } });
    expect(selectInjectFeed(s)[0]).toMatchObject({ kind: 'inject', title: 'Headquarters asks for a plan', from: 'UNHQ' });
  });

  it('choose() decides the selected option, moves to the next decision and saves before resolving', async () => {
    const { store, adapter, act } = setup();
    await startPlaying(store);
    act.selectOption('deploy');
    expect(store.getState().selectedOption).toBe('deploy');
    expect(await act.choose()).toBe(true);
    const s = store.getState();
    expect(s.snapshot?.node).toBe('second');
    expect(s.selectedOption).toBeNull();
    expect(s.session?.log().at(-1)).toMatchObject({ type: 'decision.choose', payload: { node: 'warn', option: 'deploy' } });
    // The write was awaited: storage already holds the new log.
    expect(savedRecords(adapter)[0]?.save.log).toHaveLength(1);
    expect(selectCurrentDecision(s)?.title).toBe('Brisk at dawn');
  });

  it('choose() with nothing selected does nothing', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    expect(await act.choose()).toBe(false);
    expect(store.getState().session?.log()).toHaveLength(0);
  });

  it('timeout() logs decision.timeout like a choice', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    expect(await act.timeout()).toBe(true);
    expect(store.getState().session?.log().at(-1)).toMatchObject({ type: 'decision.timeout', payload: { node: 'warn' } });
    expect(selectInjectFeed(store.getState()).some((f) => f.kind === 'timeout' && f.title === 'No decision in time')).toBe(true);
  });

  it('addNote() logs a rationale note', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    expect(await act.addNote('  Protect first.  ')).toBe(true);
    expect(store.getState().session?.log().at(-1)).toMatchObject({ type: 'note.add', payload: { text: 'Protect first.' } });
    expect(await act.addNote('   ')).toBe(false);
  });

  it('plays through to an ending and builds the debrief', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    await act.consult('fc');
    await act.consult('pol');
    await act.choose('deploy');
    await act.choose('protect');
    const s = store.getState();
    expect(s.snapshot?.done).toBe(true);
    expect(s.countdown).toBeNull();
    act.openDebrief();
    expect(store.getState().screen).toBe('debrief');
    const debrief = selectDebrief(store.getState());
    expect(debrief?.ending?.id).toBe('held');
    expect(debrief?.decisions.map((d) => d.option)).toEqual(['deploy', 'protect']);
    expect(debrief?.decisions[0]).toMatchObject({ followed: ['fc'], overruled: ['pol'] });
  });

  it('shows the mission state as bands, never numbers', async () => {
    const { store } = setup();
    await startPlaying(store);
    const meters = selectMeterBands(store.getState());
    expect(meters).toEqual([
      expect.objectContaining({ id: 'safety', band: 'fragile', level: 3 }),
      expect.objectContaining({ id: 'consent', band: 'steady', level: 4 }),
    ]);
    for (const m of meters) expect(Object.values(m).some((v) => typeof v === 'number' && v > 5)).toBe(false);
  });

  it('selectMapModel() is memoised on the snapshot and shows delayed consequences as incidents', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    const m1 = selectMapModel(store.getState());
    expect(selectMapModel(store.getState())).toBe(m1);
    await act.choose('deploy'); // the backlash lands 90 min later; the option takes 60
    await act.consult('fc').catch(() => false);
    await act.choose('protect');
    const model = selectMapModel(store.getState());
    expect(model?.incidents.some((i) => i.place === 'brisk' && i.kind === 'protest')).toBe(true);
  });
});

describe('the real-time countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });

  it('sends decision.timeout when the countdown runs out', async () => {
    const { store } = setup();
    await startPlaying(store);
    expect(store.getState().countdown).toMatchObject({ nodeId: 'warn', totalMs: 60_000, remainingMs: 60_000, mode: 'normal' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(store.getState().countdown?.remainingMs).toBe(30_000);
    expect(store.getState().session?.log()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(30_500);
    const log = store.getState().session?.log() ?? [];
    expect(log.at(-1)).toMatchObject({ type: 'decision.timeout', payload: { node: 'warn' } });
    // The next decision gets its own countdown.
    expect(store.getState().countdown).toMatchObject({ nodeId: 'second', totalMs: 30_000 });
  });

  it('warns once below a fifth of the time', async () => {
    const { store } = setup();
    await startPlaying(store);
    await vi.advanceTimersByTimeAsync(47_000);
    expect(store.getState().countdown?.warned).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(store.getState().countdown?.warned).toBe(true);
  });

  it('extended mode doubles the time; off means no countdown', async () => {
    const { store, act } = setup();
    act.updateSettings({ countdown: 'extended' });
    await startPlaying(store);
    expect(store.getState().countdown?.totalMs).toBe(120_000);
    await vi.advanceTimersByTimeAsync(90_000);
    expect(store.getState().session?.log()).toHaveLength(0);
    act.updateSettings({ countdown: 'off' });
    expect(store.getState().countdown).toBeNull();
    await vi.advanceTimersByTimeAsync(200_000);
    expect(store.getState().session?.log()).toHaveLength(0);
    expect(store.getState().playedCountdownMode).toBe('off');
  });

  it('prefers the synchronous countdown copy when it is newer than the stored record', async () => {
    const stash = memoryCountdownStash();
    const { store, adapter } = setup({ stash });
    await startPlaying(store);
    await vi.advanceTimersByTimeAsync(10_000);
    const current = store.getState().countdown;
    expect(current).not.toBeNull();
    // The page goes away before the asynchronous write of the latest tick lands.
    if (current) stash.save('s1', { ...current, remainingMs: 12_345 }, Date.now() + 1);
    store.getState().actions.dispose();
    const again = setup({ adapter, stash });
    await again.act.resume('s1');
    expect(again.store.getState().countdown?.remainingMs).toBe(12_345);
  });

  it('flush() writes the latest remaining time at once (pagehide)', async () => {
    const { store, adapter } = setup();
    await startPlaying(store);
    await vi.advanceTimersByTimeAsync(5_600);
    await store.getState().actions.flush();
    expect(savedRecords(adapter)[0]?.countdown?.remainingMs).toBe(store.getState().countdown?.remainingMs);
  });

  it('pauses while the player is in Settings', async () => {
    const { store, act } = setup();
    await startPlaying(store);
    act.go('settings');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(store.getState().session?.log()).toHaveLength(0);
    act.back();
    expect(store.getState().screen).toBe('play');
    expect(store.getState().countdown?.remainingMs).toBe(60_000);
  });

  it('saves the remaining time about every second, and a resumed session continues from it', async () => {
    const { store, adapter } = setup();
    await startPlaying(store);
    await vi.advanceTimersByTimeAsync(20_000);
    const rec = savedRecords(adapter)[0];
    expect(rec?.countdown?.nodeId).toBe('warn');
    expect(rec?.countdown?.remainingMs).toBeGreaterThanOrEqual(40_000);
    expect(rec?.countdown?.remainingMs).toBeLessThanOrEqual(41_000);
    store.getState().actions.dispose();

    // A reload: a new store over the same storage.
    const second = setup({ adapter });
    await second.act.init();
    expect(second.store.getState().saved).toHaveLength(1);
    expect(await second.act.resume('s1')).toBe(true);
    expect(second.store.getState().screen).toBe('play');
    expect(second.store.getState().countdown?.remainingMs).toBe(rec?.countdown?.remainingMs);
    await vi.advanceTimersByTimeAsync(41_000);
    expect(second.store.getState().session?.log().at(-1)?.type).toBe('decision.timeout');
  });
});

describe('persistence', () => {
  it('resume() replays the saved log to the same decision', async () => {
    const { store, adapter, act } = setup();
    await startPlaying(store);
    await act.consult('pol');
    await act.choose('talk');
    await act.leave();
    expect(store.getState().screen).toBe('library');
    expect(store.getState().saved[0]).toMatchObject({ id: 's1', decisions: 1, done: false });

    const again = setup({ adapter });
    await again.act.init();
    await again.act.resume('s1');
    const s = again.store.getState();
    expect(s.snapshot?.node).toBe('second');
    expect(s.session?.log().map((e) => e.type)).toEqual(['adviser.consult', 'decision.choose']);
  });

  it('keeps a corrupt save, reports it, and only discards it on request', async () => {
    const adapter = createMemoryAdapter({ 'session:bad': { format: 'mandate-record', save: { log: 'oops' } } });
    const { store, act } = setup({ adapter });
    await act.init();
    const s = store.getState();
    expect(s.corrupt).toHaveLength(1);
    expect(s.corrupt[0]?.problems.length).toBeGreaterThan(0);
    expect(adapter.data.has('session:bad')).toBe(true);
    expect(act.exportCorrupt('bad')?.text).toContain('oops');
    await act.discardSaved('bad');
    expect(adapter.data.has('session:bad')).toBe(false);
    expect(store.getState().corrupt).toHaveLength(0);
  });

  it('replays a save whose scenario changed, with a warning', async () => {
    const { store, adapter, act } = setup();
    await startPlaying(store);
    await act.choose('deploy');
    await act.leave();
    const changed = setup({ adapter, hash: 'fixture-hash-2' });
    await changed.act.init();
    expect(await changed.act.resume('s1')).toBe(true);
    expect(changed.store.getState().notices.map((n) => n.key)).toContain('notice.hashChanged');
    expect(changed.store.getState().snapshot?.node).toBe('second');
  });

  it('refuses to resume a session another tab holds the lock on', async () => {
    const { store, adapter, act } = setup();
    await startPlaying(store);
    await act.leave();
    const busy: LockProvider = { request: async (_name, _opts, cb) => cb(null) };
    const other = setup({ adapter, locks: busy });
    await other.act.init();
    expect(await other.act.resume('s1')).toBe(false);
    expect(other.store.getState().notices.at(-1)?.key).toBe('notice.locked');
    expect(other.store.getState().session).toBeNull();
  });

  it('warns when it can only keep the session in memory', async () => {
    const { store, act } = setup();
    await act.init();
    expect(store.getState().notices.map((n) => n.key)).toContain('notice.memoryOnly');
  });

  it('abandon() deletes the save', async () => {
    const { store, adapter, act } = setup();
    await startPlaying(store);
    await act.abandon();
    expect(adapter.data.size).toBe(0);
    expect(store.getState().session).toBeNull();
    expect(store.getState().screen).toBe('library');
  });
});

describe('importSession()', () => {
  async function playing() {
    const env = setup();
    await startPlaying(env.store);
    await env.act.choose('deploy');
    return env;
  }

  const hostile: [string, string, string][] = [
    ['text that is not JSON', 'this is not json {', 'notice.importNotJson'],
    ['an empty object', '{}', 'notice.importInvalid'],
    ['an array', '[1,2,3]', 'notice.importInvalid'],
    [
      'a log out of sequence',
      JSON.stringify({ format: 'mandate-session', formatVersion: 1, scenario: { id: 'test-crisis', version: 1, hash: 'x' }, seat: 'hom', seed: 1, log: [{ seq: 5, type: 'decision.choose', payload: {}, at: null }] }),
      'notice.importInvalid',
    ],
    [
      'an unknown scenario',
      JSON.stringify({ format: 'mandate-session', formatVersion: 1, scenario: { id: '<img src=x onerror=alert(1)>', version: 1, hash: 'x' }, seat: 'hom', seed: 1, log: [] }),
      'notice.importUnknownScenario',
    ],
    [
      'events that do not apply',
      JSON.stringify({ format: 'mandate-session', formatVersion: 1, scenario: { id: 'test-crisis', version: 1, hash: 'x' }, seat: 'hom', seed: 1, log: [{ seq: 1, type: 'decision.choose', payload: { node: 'warn', option: '<script>' }, at: null }] }),
      'notice.importNoEvents',
    ],
    ['a newer format', JSON.stringify({ format: 'mandate-session', formatVersion: 99, scenario: { id: 'test-crisis', version: 1, hash: 'x' }, seat: 'hom', seed: 1, log: [] }), 'notice.importInvalid'],
    ['a huge file', 'x'.repeat(2_000_001), 'notice.importTooLarge'],
  ];

  it.each(hostile)('refuses %s with a clear message and leaves the current session untouched', async (_name, text, key) => {
    const { store, adapter, act } = await playing();
    const before = store.getState();
    const storedBefore = JSON.stringify([...adapter.data.entries()]);
    expect(await act.importSession(text)).toBe(false);
    const after = store.getState();
    expect(after.notices.at(-1)).toMatchObject({ level: 'error', key });
    expect(after.session).toBe(before.session);
    expect(after.snapshot).toBe(before.snapshot);
    expect(after.screen).toBe(before.screen);
    expect(JSON.stringify([...adapter.data.entries()])).toBe(storedBefore);
  });

  it('imports an exported session as a new saved session and keeps the previous one', async () => {
    const { store, adapter, act } = await playing();
    const file = act.exportSession();
    expect(file?.filename).toMatch(/^mandate-test-crisis-\d{4}-\d\d-\d\d\.json$/);
    expect(await act.importSession(file?.text ?? '')).toBe(true);
    const s = store.getState();
    expect(s.sessionId).toBe('s2');
    expect(s.snapshot?.node).toBe('second');
    expect(s.notices.at(-1)?.key).toBe('notice.imported');
    expect([...adapter.data.keys()].sort()).toEqual(['session:s1', 'session:s2']);
  });
});
