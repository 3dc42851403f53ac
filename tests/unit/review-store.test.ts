import { describe, expect, it } from 'vitest';
import {
  createMandateStore,
  createMemoryAdapter,
  createPersistence,
  migrateRecord,
  readRecord,
  RECORD_MIGRATIONS,
  RECORD_VERSION,
  type SavedRecord,
} from '../../src/store';
import { fixtureBundle, fixtureLibrary } from './store-fixture';

function setup() {
  const bundle = fixtureBundle();
  const adapter = createMemoryAdapter();
  const persistence = createPersistence(adapter, { locks: null });
  let id = 0;
  let clock = 1_700_000_000_000;
  const store = createMandateStore({
    library: fixtureLibrary(bundle),
    loadBundle: async () => bundle,
    persistence,
    now: () => (clock += 1000),
    randomSeed: () => 42,
    newId: () => `s${++id}`,
  });
  return { store, adapter, bundle, act: store.getState().actions };
}

const records = (adapter: ReturnType<typeof createMemoryAdapter>) => [...adapter.data.values()] as SavedRecord[];

async function finishedRun(act: ReturnType<typeof setup>['act']): Promise<void> {
  await act.startScenario('test-crisis');
  act.begin();
  await act.choose('deploy');
  await act.choose('protect');
}

describe('stored records: version 2 and the migration from version 1', () => {
  const v1 = {
    format: 'mandate-record',
    formatVersion: 1,
    id: 'old',
    title: 'Test crisis',
    savedAt: 5,
    done: false,
    save: { format: 'mandate-session', formatVersion: 1, scenario: { id: 'test-crisis', version: 1, hash: 'h' }, seat: 'hom', seed: 1, log: [{ seq: 1, type: 'decision.choose', payload: { node: 'warn', option: 'deploy' }, at: 1234 }] },
    countdown: null,
    playedCountdownMode: 'off',
  };

  it('migration 1 adds the ending (unknown), the start (the first stamped event) and no parent', () => {
    const out = RECORD_MIGRATIONS[1]?.(v1);
    expect(out).toMatchObject({ formatVersion: 2, ending: null, startedAt: 1234, parent: null });
    expect(RECORD_MIGRATIONS[1]?.({ ...v1, save: { log: 'junk' } })).toMatchObject({ startedAt: null });
  });

  it('readRecord() reads a version 1 record as a version 2 one', () => {
    expect(RECORD_VERSION).toBe(2);
    const entry = readRecord('session:old', v1);
    expect('record' in entry && entry.record).toMatchObject({ formatVersion: 2, id: 'old', ending: null, startedAt: 1234, parent: null });
  });

  it('leaves a record from a newer game alone, and refuses it', () => {
    expect(migrateRecord({ ...v1, formatVersion: 9 })).toMatchObject({ formatVersion: 9 });
    expect('problems' in readRecord('session:x', { ...v1, formatVersion: 9 })).toBe(true);
  });

  it('keeps only a well-formed parent', () => {
    const bad = readRecord('session:old', { ...v1, formatVersion: 2, ending: '<b>x</b>', startedAt: 'yesterday', parent: { id: 7, seq: 'a' } });
    expect('record' in bad && bad.record).toMatchObject({ parent: null, startedAt: 1234 });
  });
});

describe('review actions', () => {
  it('a finished session is saved with its ending and its start', async () => {
    const { adapter, act } = setup();
    await finishedRun(act);
    const [r] = records(adapter);
    expect(r?.done).toBe(true);
    expect(r?.ending).toBe('held');
    expect(typeof r?.startedAt).toBe('number');
    expect(r?.parent).toBeNull();
  });

  it('forkAt() starts a new session replaying the log up to the event, saved with its parent; the parent is kept', async () => {
    const { store, adapter, act } = setup();
    await finishedRun(act);
    expect(await act.forkAt(1)).toBe(true);
    const s = store.getState();
    expect(s.sessionId).toBe('s2');
    expect(s.screen).toBe('play');
    expect(s.snapshot?.node).toBe('second');
    expect(s.session?.log()).toHaveLength(1);
    const fork = records(adapter).find((r) => r.id === 's2');
    expect(fork?.parent).toEqual({ id: 's1', seq: 1 });
    expect(records(adapter).find((r) => r.id === 's1')?.save.log).toHaveLength(2);
    // The trainee chooses differently: another ending.
    await act.choose('withdraw');
    expect(store.getState().snapshot?.context.ending).toBe('fell');
  });

  it('listSessions() lists every saved session with its seat, progress, ending and parent', async () => {
    const { act } = setup();
    await finishedRun(act);
    await act.forkAt(1);
    const rows = await act.listSessions();
    expect(rows.map((r) => r.id).sort()).toEqual(['s1', 's2']);
    const parent = rows.find((r) => r.id === 's1');
    const child = rows.find((r) => r.id === 's2');
    expect(parent).toMatchObject({ seat: 'hom', done: true, ending: 'held', decisions: 2, parent: null });
    expect(child).toMatchObject({ done: false, ending: null, decisions: 1, parent: { id: 's1', seq: 1 } });
  });

  it('savedRun() and exportSaved() give a saved session as it was saved', async () => {
    const { act } = setup();
    await finishedRun(act);
    await act.forkAt(0);
    const save = await act.savedRun('s1');
    expect(save?.log).toHaveLength(2);
    const file = await act.exportSaved('s1');
    expect(file?.filename).toMatch(/^mandate-test-crisis-\d{4}-\d\d-\d\d\.json$/);
    expect(JSON.parse(file?.text ?? '{}').log).toHaveLength(2);
    expect(await act.exportSaved('nope')).toBeNull();
  });

  it('go() reaches the sessions and cohort screens', async () => {
    const { store, act } = setup();
    act.go('sessions');
    expect(store.getState().screen).toBe('sessions');
    act.go('cohort');
    expect(store.getState().screen).toBe('cohort');
  });
});
