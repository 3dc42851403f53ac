import { describe, expect, it } from 'vitest';
import type { ScenarioBundle } from '../../src/engine';
import {
  createMandateStore,
  createMemoryAdapter,
  createPersistence,
  type SavedRecord,
} from '../../src/store';
import { rebuildSession, scenarioFlags } from '../../src/store/authoring';
import { scenarioGraph } from '../../src/store/scenario-graph';
import { nodeCompiler, tinyText } from './authoring-support';

const compiler = nodeCompiler();

function compileTiny(edit: (text: string) => string = (t) => t) {
  const out = compiler.compile('tests/fixtures/tiny/scenario.yaml', edit(tinyText()));
  if (!out.bundle || !out.entry) throw new Error(out.diagnostics.map((d) => d.text).join('\n'));
  return { bundle: out.bundle, entry: out.entry };
}

async function playing() {
  const { bundle, entry } = compileTiny();
  const adapter = createMemoryAdapter();
  let n = 0;
  const store = createMandateStore({
    library: [entry],
    loadBundle: async () => bundle,
    persistence: createPersistence(adapter),
    randomSeed: () => 11,
    newId: () => `s${++n}`,
  });
  const act = store.getState().actions;
  await act.init();
  await act.startScenario('tiny');
  act.begin();
  const records = () => [...adapter.data.entries()].filter(([k]) => k.startsWith('session:')).map(([, v]) => v as SavedRecord);
  return { store, act, bundle, records };
}

describe('rebuildSession()', () => {
  it('replays the whole log on a new version that still accepts it', () => {
    const { bundle } = compileTiny();
    const edited = compileTiny((t) => t.replace('title: The line', 'title: The line, redrafted')).bundle;
    const log = [{ seq: 1, type: 'decision.choose' as const, payload: { node: 'd1', option: 'deploy' }, at: 1 }];
    const r = rebuildSession(edited, { seed: 3, seat: 'hom', baseLog: log, layers: [] });
    expect([r.kept, r.total, r.problem]).toEqual([1, 1, null]);
    expect(r.session.snapshot().node).toBe('d2');
    expect(r.session.bundle.scenario.nodes.find((x) => x.id === 'd2')?.title).toBe('The line, redrafted');
    expect(bundle.hash).not.toBe(edited.hash);
  });

  it('keeps the longest prefix that still applies and says where it stopped', () => {
    const edited = compileTiny((t) => t.replace(/id: hold\n/, 'id: hold-fire\n').replace('{ chose: d2.hold }', '{ chose: d2.hold-fire }')).bundle;
    const log = [
      { seq: 1, type: 'decision.choose' as const, payload: { node: 'd1', option: 'talk' }, at: 1 },
      { seq: 2, type: 'decision.choose' as const, payload: { node: 'd2', option: 'hold' }, at: 2 },
    ];
    const r = rebuildSession(edited, { seed: 3, seat: 'hom', baseLog: log, layers: [] });
    expect([r.kept, r.total]).toEqual([1, 2]);
    expect(r.problem).toEqual({ seq: 2, reason: 'decision "d2" has no option "hold"' });
    expect(r.session.snapshot().node).toBe('d2');
    expect(r.plan.baseLog).toHaveLength(1);
  });

  it('re-applies preview overrides after the real log', () => {
    const { bundle } = compileTiny();
    const r = rebuildSession(bundle, {
      seed: 3,
      seat: 'hom',
      baseLog: [{ seq: 1, type: 'decision.choose', payload: { node: 'd1', option: 'talk' }, at: 1 }],
      layers: [{ values: { meters: { cred: 90 }, flags: { DEPLOYED: true } }, tail: [{ seq: 2, type: 'decision.choose', payload: { node: 'd2', option: 'enforce' }, at: 2 }] }],
    });
    expect(r.problem).toBeNull();
    expect(r.layersKept).toBe(1);
    expect(r.session.snapshot().context.ending).toBe('held');
  });
});

describe('applyScenarioUpdate()', () => {
  it('swaps in the new version and keeps the position by replaying the log', async () => {
    const { store, act, records } = await playing();
    await act.choose('deploy');
    const next = compileTiny((t) => t.replace('title: The line', 'title: The line, redrafted'));
    await act.applyScenarioUpdate({ id: 'tiny', file: 'scenarios/tiny/scenario.yaml', bundle: next.bundle, entry: next.entry });
    const s = store.getState();
    expect(s.bundle).toBe(next.bundle);
    expect(s.snapshot?.node).toBe('d2');
    expect(s.authoring.lastUpdate).toMatchObject({ id: 'tiny', live: true, kept: 1, total: 1, reason: null });
    expect(records()[0]?.save.scenario.hash).toBe(next.bundle.hash);
    // The library entry follows the new version, and a new session starts on it.
    expect(s.library[0]).toBe(next.entry);
  });

  it('keeps the longest prefix when the log no longer applies, and says so', async () => {
    const { store, act } = await playing();
    await act.choose('deploy');
    const next = compileTiny((t) => t.replace(/id: deploy\n/, 'id: deploy-now\n').replace('recommends: deploy,', 'recommends: deploy-now,'));
    await act.applyScenarioUpdate({ id: 'tiny', bundle: next.bundle });
    const s = store.getState();
    expect(s.snapshot?.node).toBe('d1');
    expect(s.logLength).toBe(0);
    expect(s.authoring.lastUpdate).toMatchObject({ kept: 0, total: 1, reason: '#1: decision "d1" has no option "deploy"' });
  });

  it('shows diagnostics and keeps playing the last good version until the file is fixed', async () => {
    const { store, act, bundle } = await playing();
    const diagnostics = [{ file: 'scenarios/tiny/scenario.yaml', line: 60, col: 15, severity: 'error' as const, code: 'SCN011', message: 'Node "d3" does not exist.', text: 'x' }];
    await act.applyScenarioUpdate({ id: 'tiny', file: 'scenarios/tiny/scenario.yaml', diagnostics });
    expect(store.getState().authoring.problems?.diagnostics).toEqual(diagnostics);
    expect(store.getState().bundle).toBe(bundle);
    expect(await act.choose('talk')).toBe(true);
    await act.applyScenarioUpdate({ id: 'tiny', file: 'scenarios/tiny/scenario.yaml', bundle: compileTiny().bundle });
    expect(store.getState().authoring.problems).toBeNull();
    expect(store.getState().snapshot?.node).toBe('d2');
  });
});

describe('jumpToNode()', () => {
  it('starts a fresh session with the same seed and drives it to the node', async () => {
    const { store, act, records } = await playing();
    const before = store.getState().sessionId;
    expect(await act.jumpToNode('d2')).toBe(true);
    const s = store.getState();
    expect(s.sessionId).not.toBe(before);
    expect(s.snapshot?.node).toBe('d2');
    expect(s.session?.seed).toBe(11);
    expect(s.session?.log().map((e) => e.type)).toEqual(['decision.choose']);
    expect(records().find((r) => r.id === s.sessionId)?.save.log).toHaveLength(1);
  });

  it('refuses a node no path reaches', async () => {
    const { store, act } = await playing();
    expect(await act.jumpToNode('nowhere')).toBe(false);
    expect(store.getState().notices.at(-1)?.key).toBe('authoring.unreachable');
  });
});

describe('setPreviewOverride()', () => {
  it('plays on from meters and flags set by hand, saves nothing, and clears back to the real session', async () => {
    const { store, act, records } = await playing();
    await act.choose('talk');
    expect(await act.setPreviewOverride({ meters: { cred: 95 }, flags: { DEPLOYED: true } })).toBe(true);
    const saved = JSON.stringify(records());
    expect(records()[0]?.save.log).toHaveLength(1);
    expect(store.getState().authoring.override).toEqual({ meters: { cred: 95 }, flags: { DEPLOYED: true } });
    expect(store.getState().snapshot?.context.meters.cred).toBe(95);
    // "enforce" needs the DEPLOYED flag, which only the override set.
    expect(await act.choose('enforce')).toBe(true);
    expect(store.getState().snapshot?.context.ending).toBe('held');
    expect(JSON.stringify(records())).toBe(saved);
    act.openDebrief();
    expect(store.getState().screen).toBe('play');

    await act.clearPreviewOverride();
    expect(store.getState().authoring.override).toBeNull();
    expect(store.getState().snapshot?.node).toBe('d2');
    expect(store.getState().snapshot?.context.flags.DEPLOYED).toBeUndefined();
  });

  it('survives a live update: the override is re-applied on the new version', async () => {
    const { store, act } = await playing();
    await act.setPreviewOverride({ meters: { civ: 5 }, flags: {} });
    await act.applyScenarioUpdate({ id: 'tiny', bundle: compileTiny((t) => t.replace('title: The warning', 'title: The warning (v2)')).bundle });
    expect(store.getState().authoring.override).toEqual({ meters: { civ: 5 }, flags: {} });
    expect(store.getState().snapshot?.context.meters.civ).toBe(5);
  });
});

describe('scenarioGraph()', () => {
  it('lays nodes out by depth and highlights the path taken', async () => {
    const { store, act } = await playing();
    await act.choose('deploy');
    const s = store.getState();
    const g = scenarioGraph(s.bundle as ScenarioBundle, s.snapshot);
    expect(g.nodes.map((n) => [n.id, n.depth, n.visited, n.current])).toEqual([
      ['d1', 0, true, false],
      ['d2', 1, true, true],
      ['end', 2, false, false],
    ]);
    expect(g.edges.filter((e) => e.visited).map((e) => `${e.from}→${e.to}`)).toEqual(['d1→d2']);
    expect(g.path).toEqual(['d1', 'd2']);
  });

  it('lists every flag the scenario sets or reads', () => {
    expect(scenarioFlags(compileTiny().bundle.scenario)).toEqual(['DEPLOYED']);
  });
});
