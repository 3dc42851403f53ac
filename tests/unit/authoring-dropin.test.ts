import { describe, expect, it, vi } from 'vitest';
import {
  createMandateStore,
  createMemoryAdapter,
  createPersistence,
  createScenarioShelf,
  MAX_SCENARIO_CHARS,
  type ScenarioCompiler,
} from '../../src/store';
import type { LibraryEntry } from '../../src/engine';
import { dropin, nodeCompiler } from './authoring-support';
import { fixtureBundle, fixtureLibrary } from './store-fixture';

const compiler = nodeCompiler();

function setup(opts: { adapter?: ReturnType<typeof createMemoryAdapter>; loadCompiler?: () => Promise<ScenarioCompiler> } = {}) {
  const adapter = opts.adapter ?? createMemoryAdapter();
  const shipped: LibraryEntry[] = [...fixtureLibrary(), { ...fixtureLibrary()[0]!, id: 'poc-red-lines', title: 'Shipped' }];
  const loadCompiler = vi.fn(opts.loadCompiler ?? (async () => compiler));
  let n = 0;
  const store = createMandateStore({
    library: shipped,
    loadBundle: async () => fixtureBundle(),
    persistence: createPersistence(adapter),
    scenarioShelf: createScenarioShelf(adapter),
    loadCompiler,
    randomSeed: () => 7,
    newId: () => `s${++n}`,
  });
  return { store, act: store.getState().actions, adapter, loadCompiler };
}

describe('openScenarioFile()', () => {
  it('adds a clean scenario to the library as imported on this device and keeps its source', async () => {
    const { store, act, adapter } = setup();
    await act.init();
    expect(await act.openScenarioFile('clean.yaml', dropin('clean.yaml'))).toBe(true);
    const s = store.getState();
    expect(s.fileCheck).toMatchObject({ status: 'added', scenarioId: 'dropin-clean', title: 'Drop-in clean scenario', fileName: 'clean.yaml' });
    expect(s.library.map((e) => e.id)).toEqual(['test-crisis', 'poc-red-lines', 'dropin-clean']);
    expect(s.imported).toEqual([expect.objectContaining({ id: 'dropin-clean', fileName: 'clean.yaml' })]);
    const stored = adapter.data.get('scenario:dropin-clean') as { text: string; entry: LibraryEntry };
    expect(stored.text).toBe(dropin('clean.yaml'));
    expect(stored.entry.id).toBe('dropin-clean');
  });

  it('shows the diagnostics as the CLI prints them and adds nothing when the file has errors', async () => {
    const { store, act, adapter } = setup();
    await act.init();
    expect(await act.openScenarioFile('broken.yaml', dropin('broken.yaml'))).toBe(false);
    const check = store.getState().fileCheck;
    expect(check?.status).toBe('errors');
    expect(check?.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([['SCN011', 60, 15]]);
    expect(check?.diagnostics[0]?.text).toBe(
      'broken.yaml:60:15 error SCN011 Node "d3" does not exist. Did you mean "d1"?\n  60 |         next: d3\n     |               ^^',
    );
    expect(store.getState().library.map((e) => e.id)).not.toContain('dropin-broken');
    expect([...adapter.data.keys()].filter((k) => k.startsWith('scenario:'))).toEqual([]);
  });

  it('refuses a scenario whose id is a shipped scenario’s', async () => {
    const { store, act } = setup();
    await act.init();
    expect(await act.openScenarioFile('shipped-id.yaml', dropin('shipped-id.yaml'))).toBe(false);
    expect(store.getState().fileCheck).toMatchObject({ status: 'refused', reason: 'files.shippedId', scenarioId: 'poc-red-lines' });
    expect(store.getState().library.filter((e) => e.id === 'poc-red-lines')).toHaveLength(1);
    expect(store.getState().imported).toEqual([]);
  });

  it('refuses a file too large to be a scenario without compiling it', async () => {
    const { store, act, loadCompiler } = setup();
    expect(await act.openScenarioFile('huge.yaml', 'x'.repeat(MAX_SCENARIO_CHARS + 1))).toBe(false);
    expect(store.getState().fileCheck).toMatchObject({ status: 'refused', reason: 'files.tooLarge' });
    expect(loadCompiler).not.toHaveBeenCalled();
  });

  it('says so when the compiler cannot be loaded, and tries again next time', async () => {
    let fail = true;
    const { store, act } = setup({
      loadCompiler: async () => {
        if (fail) throw new Error('offline');
        return compiler;
      },
    });
    expect(await act.openScenarioFile('clean.yaml', dropin('clean.yaml'))).toBe(false);
    expect(store.getState().fileCheck).toMatchObject({ status: 'refused', reason: 'files.compilerFailed' });
    fail = false;
    expect(await act.openScenarioFile('clean.yaml', dropin('clean.yaml'))).toBe(true);
  });

  it('replaces an imported scenario opened again under the same id', async () => {
    const { store, act } = setup();
    await act.openScenarioFile('clean.yaml', dropin('clean.yaml'));
    const edited = dropin('clean.yaml').replace('title: Drop-in clean scenario', 'title: Drop-in, second draft');
    expect(await act.openScenarioFile('clean-v2.yaml', edited)).toBe(true);
    expect(store.getState().library.filter((e) => e.id === 'dropin-clean').map((e) => e.title)).toEqual(['Drop-in, second draft']);
    expect(store.getState().imported).toHaveLength(1);
  });
});

describe('imported scenarios on this device', () => {
  it('plays an imported scenario to an ending like a shipped one', async () => {
    const { store, act } = setup();
    await act.init();
    await act.openScenarioFile('clean.yaml', dropin('clean.yaml'));
    expect(await act.startScenario('dropin-clean')).toBe(true);
    act.begin();
    expect(store.getState().snapshot?.node).toBe('d1');
    expect(await act.choose('deploy')).toBe(true);
    expect(await act.choose('hold')).toBe(true);
    expect(store.getState().snapshot?.done).toBe(true);
    expect(store.getState().screen).toBe('play');
    expect(store.getState().snapshot?.context.ending).toBe('talks');
  });

  it('are listed after a reload without loading the compiler, and recompiled from source when played', async () => {
    const adapter = createMemoryAdapter();
    const first = setup({ adapter });
    await first.act.openScenarioFile('clean.yaml', dropin('clean.yaml'));

    const second = setup({ adapter });
    await second.act.init();
    expect(second.store.getState().library.map((e) => e.id)).toContain('dropin-clean');
    expect(second.store.getState().imported.map((i) => i.id)).toEqual(['dropin-clean']);
    expect(second.loadCompiler).not.toHaveBeenCalled();
    expect(second.store.getState().corrupt).toEqual([]);

    expect(await second.act.startScenario('dropin-clean')).toBe(true);
    expect(second.loadCompiler).toHaveBeenCalledTimes(1);
    expect(second.store.getState().bundle?.scenario.title).toBe('Drop-in clean scenario');
  });

  it('resume their saved sessions after a reload', async () => {
    const adapter = createMemoryAdapter();
    const first = setup({ adapter });
    await first.act.init();
    await first.act.openScenarioFile('clean.yaml', dropin('clean.yaml'));
    await first.act.startScenario('dropin-clean');
    first.act.begin();
    await first.act.choose('talk');
    const sessionId = first.store.getState().sessionId;
    await first.act.leave();

    const second = setup({ adapter });
    await second.act.init();
    const saved = second.store.getState().saved;
    expect(saved.map((x) => [x.id, x.scenarioId, x.decisions])).toEqual([[sessionId, 'dropin-clean', 1]]);
    expect(await second.act.resume(sessionId as string)).toBe(true);
    expect(second.store.getState().screen).toBe('play');
    expect(second.store.getState().snapshot?.node).toBe('d2');
    // Same source text, same content hash: no "different version" warning.
    expect(second.store.getState().notices.map((n) => n.key)).not.toContain('notice.hashChanged');
  });

  it('recompiles a stored scenario whose cached library entry is unreadable', async () => {
    const adapter = createMemoryAdapter();
    const first = setup({ adapter });
    await first.act.openScenarioFile('clean.yaml', dropin('clean.yaml'));
    (adapter.data.get('scenario:dropin-clean') as { entry: unknown }).entry = { id: 42 };

    const second = setup({ adapter });
    await second.act.init();
    expect(second.loadCompiler).toHaveBeenCalledTimes(1);
    expect(second.store.getState().library.map((e) => e.id)).toContain('dropin-clean');
  });

  it('removeImported() takes it off the library and the device but keeps its saved sessions', async () => {
    const { store, act, adapter } = setup();
    await act.init();
    await act.openScenarioFile('clean.yaml', dropin('clean.yaml'));
    await act.startScenario('dropin-clean');
    act.begin();
    await act.removeImported('dropin-clean');
    const s = store.getState();
    expect(s.session).toBeNull();
    expect(s.screen).toBe('library');
    expect(s.library.map((e) => e.id)).not.toContain('dropin-clean');
    expect(s.imported).toEqual([]);
    expect(adapter.data.has('scenario:dropin-clean')).toBe(false);
    expect(s.saved.map((x) => x.scenarioId)).toEqual(['dropin-clean']);
    expect(s.notices.at(-1)?.key).toBe('notice.importedRemoved');
  });
});
