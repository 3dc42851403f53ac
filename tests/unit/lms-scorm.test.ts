// The SCORM adapter against a real LMS-side runtime, scorm-again, in Node: launch, play half a golden
// with rationale notes, suspend (LMSFinish/Terminate with exit=suspend), resume in a fresh store (as
// on another computer: only the LMS's data is kept), finish — status, score and bookmark as documented.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { ROOT } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import { debriefModel, type ScenarioBundle } from '../../src/engine/index';
import { compositeScore } from '../../src/lms/composite-score';
import { findScormApi, scormDuration, suspendDataFor, connectScorm, type ScormApi } from '../../src/lms/scorm';
import { unpackSuspendData } from '../../src/lms/suspend-data';
import { createMandateStore, createMemoryAdapter, createPersistence } from '../../src/store';
import { shippedBundle } from '../support/fixtures';
import { fixtureLibrary } from './store-fixture';

const ID = 'poc-red-lines';
// The committed CMI tree as scorm-again renders it (nested plain objects of strings).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cmi = Record<string, any>;
const golden = parse(readFileSync(join(ROOT, 'scenarios', ID, 'playthroughs', 'credible-and-even-handed.yaml'), 'utf8')) as Golden;

function newStore(bundle: ScenarioBundle) {
  let n = 0;
  return createMandateStore({
    library: fixtureLibrary(bundle),
    loadBundle: async () => bundle,
    persistence: createPersistence(createMemoryAdapter(), { locks: null }),
    randomSeed: () => golden.seed,
    newId: () => `s${++n}`,
  });
}

async function play(store: ReturnType<typeof newStore>, from: number, to: number): Promise<void> {
  const act = store.getState().actions;
  for (let i = from; i < to; i++) {
    expect(await act.addNote(`Decision ${i + 1}: consent first, force only to protect civilians under threat.`)).toBe(true);
    expect(await act.choose(golden.choices[i])).toBe(true);
  }
}

describe('findScormApi()', () => {
  it('finds API_1484_11 (preferred) or API up the parent chain, then through the opener', () => {
    const api12 = { LMSInitialize: () => 'true' };
    const api04 = { Initialize: () => 'true' };
    const top: Record<string, unknown> = { API: api12, API_1484_11: api04 };
    top.parent = top;
    const mid = { parent: top };
    const leaf = { parent: mid };
    expect(findScormApi(leaf as never)).toMatchObject({ version: '2004' });
    delete top.API_1484_11;
    expect(findScormApi(leaf as never)).toMatchObject({ version: '1.2' });
    const popup = { parent: null, opener: leaf };
    expect(findScormApi(popup as never)).toMatchObject({ version: '1.2' });
  });

  it('returns null without an LMS, and stops at a cross-origin frame', () => {
    const crossOrigin = {};
    Object.defineProperty(crossOrigin, 'API', { get: () => { throw new Error('SecurityError'); } });
    expect(findScormApi({ parent: crossOrigin } as never)).toBeNull();
    const alone: Record<string, unknown> = {};
    alone.parent = alone;
    expect(findScormApi(alone as never)).toBeNull();
  });
});

describe('scormDuration()', () => {
  it('writes SCORM 1.2 CMITimespan and SCORM 2004 ISO 8601 durations', () => {
    expect(scormDuration('1.2', 3_723_450)).toBe('0001:02:03.45');
    expect(scormDuration('2004', 3_723_450)).toBe('PT1H2M3.45S');
    expect(scormDuration('2004', 60_000)).toBe('PT0H1M0S');
  });
});

describe('suspendDataFor()', () => {
  it('shortens rationale notes in the LMS copy only when SCORM 1.2 cannot hold them', async () => {
    const bundle = shippedBundle(ID);
    const store = newStore(bundle);
    await store.getState().actions.startScenario(ID);
    store.getState().actions.begin();
    // Ten notes of 2,000 characters of varied text cannot fit in 4,096 characters, even deflated.
    let seed = 7;
    const noise = () => Array.from({ length: 2000 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    for (let i = 0; i < 10; i++) await store.getState().actions.addNote(noise());
    const save = store.getState().session!.save();
    expect(suspendDataFor('2004', save)?.shortened).toBe(false);
    const short = suspendDataFor('1.2', save);
    expect(short?.shortened).toBe(true);
    expect(short!.data.length).toBeLessThanOrEqual(4096);
    expect(unpackSuspendData(short!.data).save?.log.length).toBe(save.log.length);
  }, 120_000);
});

const versions: { name: string; make: () => { found: ScormApi; api: Scorm12API | Scorm2004API } }[] = [
  { name: 'SCORM 1.2', make: () => { const api = new Scorm12API({ logLevel: 5 }); return { api, found: { version: '1.2', api: api as never } }; } },
  { name: 'SCORM 2004', make: () => { const api = new Scorm2004API({ logLevel: 5 }); return { api, found: { version: '2004', api: api as never } }; } },
];

describe.each(versions)('connectScorm() with scorm-again ($name)', ({ name, make }) => {
  it('launches the package scenario, suspends mid-way, resumes the exact session in a fresh browser and reports the ending', async () => {
    const bundle = shippedBundle(ID);
    const half = Math.floor(golden.choices.length / 2);

    // First launch: the package starts its scenario.
    const first = make();
    const store1 = newStore(bundle);
    const bridge1 = await connectScorm(store1, first.found, { scenarioId: ID });
    expect(bridge1).not.toBeNull();
    expect(store1.getState().screen).toBe('briefing');
    store1.getState().actions.begin();
    await play(store1, 0, half);
    const snapshotAtSuspend = store1.getState().snapshot;
    bridge1!.finish();
    const cmi = first.api.renderCMIToJSONObject().cmi as Cmi;
    const is12 = name === 'SCORM 1.2';
    expect(is12 ? cmi.core.exit : cmi.exit).toBe('suspend');
    expect(is12 ? cmi.core.lesson_status : cmi.completion_status).toBe('incomplete');
    expect(is12 ? cmi.core.lesson_location : cmi.location).toBe(snapshotAtSuspend?.node);
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);

    // Relaunch: the LMS hands back what was committed (entry = resume); nothing else survives.
    if (is12) cmi.core.entry = 'resume';
    else cmi.entry = 'resume';
    const second = make();
    second.api.loadFromJSON(cmi);
    const store2 = newStore(bundle);
    const bridge2 = await connectScorm(store2, second.found, { scenarioId: ID });
    expect(store2.getState().screen).toBe('play');
    expect(store2.getState().snapshot).toEqual(snapshotAtSuspend);
    expect(store2.getState().session!.log().filter((e) => e.type === 'note.add')).toHaveLength(half);
    expect(store2.getState().notices.map((n) => n.key)).not.toContain('notice.imported');
    await play(store2, half, golden.choices.length);
    expect(store2.getState().snapshot?.context.ending).toBe(golden.ending);

    const expected = compositeScore(debriefModel(bundle, store2.getState().session!.save()));
    const values = second.api.renderCMIToJSONObject().cmi as Cmi;
    if (is12) {
      expect(values.core.score.raw).toBe(String(expected.raw));
      expect(values.core.lesson_status).toBe(expected.passed ? 'passed' : 'failed');
    } else {
      expect(values.score.raw).toBe(String(expected.raw));
      expect(Number(values.score.scaled)).toBeCloseTo(expected.scaled);
      expect(values.completion_status).toBe('completed');
      expect(values.success_status).toBe(expected.passed ? 'passed' : 'failed');
    }
    bridge2!.finish();
    const end = second.api.renderCMIToJSONObject().cmi as Cmi;
    expect(is12 ? end.core.exit : end.exit).toBe(is12 ? '' : 'normal');
  }, 180_000);
});

describe('compositeScore()', () => {
  const ending = (tone: 'good' | 'mixed' | 'bad') => ({ id: 'e', title: 'E', text: 'T', tone }) as never;
  const b = (met: boolean) => ({ id: 'b', text: 'B', met, cites: [] });
  const p = (verdict: 'managed' | 'leaned-a' | 'over-leaned-b') => ({ verdict }) as never;

  it('weighs the ending 40 %, benchmarks met 35 % and tensions managed 25 %', () => {
    const s = compositeScore({ ending: ending('good'), benchmarks: [b(true), b(false)], polarities: [p('managed'), p('leaned-a')] });
    // 0.4 × 100 + 0.35 × 50 + 0.25 × 80 = 77.5 → 78
    expect(s).toMatchObject({ raw: 78, scaled: 0.78, parts: { ending: 100, benchmarks: 50, tensions: 80 }, passed: true });
  });

  it('never passes a bad ending, however high the rest, and uses the mastery score given', () => {
    const bad = compositeScore({ ending: ending('bad'), benchmarks: [b(true)], polarities: [p('managed')] });
    expect(bad.raw).toBe(Math.round(0.4 * 20 + 35 + 25));
    expect(bad.passed).toBe(false);
    const mixed = { ending: ending('mixed'), benchmarks: [b(true), b(false)], polarities: [p('over-leaned-b')] };
    expect(compositeScore(mixed).raw).toBe(Math.round(24 + 17.5 + 0));
    expect(compositeScore(mixed, 40).passed).toBe(true);
    expect(compositeScore(mixed).passed).toBe(false);
    expect(compositeScore({ ending: null, benchmarks: [], polarities: [] })).toMatchObject({ raw: 0, passed: false });
  });
});
