import { describe, expect, it } from 'vitest';
import { createMandateStore, createMemoryAdapter, createPersistence, selectCurrentDecision, selectInjectFeed, selectDebrief } from '../../src/store';
import { libraryEntry } from '../../src/engine/content/index';
import { fixtureBundle } from '../support/fixtures';

function setup() {
  const bundle = fixtureBundle('seats');
  let id = 0;
  const store = createMandateStore({
    library: [libraryEntry(bundle)],
    loadBundle: async () => bundle,
    persistence: createPersistence(createMemoryAdapter(), { locks: null }),
    now: () => Date.now(),
    randomSeed: () => 7,
    newId: () => `s${++id}`,
  });
  return { store, act: store.getState().actions };
}

describe('the store with player seats', () => {
  it('shows a seat only its own advisers, and the decisions another seat takes in the feed', async () => {
    const { store, act } = setup();
    expect(await act.startScenario('tiny-seats', 'pc')).toBe(true);
    act.begin();
    expect(selectCurrentDecision(store.getState())?.advisers.map((a) => a.id)).toEqual(['pol']);
    await act.choose('deploy');
    const feed = selectInjectFeed(store.getState());
    expect(feed.find((f) => f.kind === 'delegated')).toMatchObject({ from: 'Head of Mission', title: 'The line', text: 'Enforce the line' });
    expect(feed.some((f) => f.title === 'A frank call')).toBe(true);
    act.openDebrief();
    expect(selectDebrief(store.getState())?.decisions.map((d) => d.decidedBy)).toEqual([null, 'hom']);
  });

  it('gives the Head of Mission every adviser and the decision at d2', async () => {
    const { store, act } = setup();
    expect(await act.startScenario('tiny-seats', 'hom')).toBe(true);
    act.begin();
    expect(selectCurrentDecision(store.getState())?.advisers.map((a) => a.id)).toEqual(['fc', 'pol']);
    await act.choose('deploy');
    expect(selectCurrentDecision(store.getState())?.nodeId).toBe('d2');
  });
});
