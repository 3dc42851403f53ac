import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/build/content-files';
import type { Golden } from '../../src/build/golden';
import {
  aftermathOf,
  buildCohort,
  causesOf,
  cohortCsv,
  compareRuns,
  createSession,
  csvCell,
  debriefModel,
  lrsSessionCopy,
  readCohortFile,
  readCohortSource,
  replay,
  reviewSteps,
  type ScenarioBundle,
  type SessionSave,
} from '../../src/engine/index';
import { shippedBundle } from '../support/fixtures';

const bundle = shippedBundle('poc-red-lines');

function goldenSave(b: ScenarioBundle, file: string, at0 = 1_000_000): SessionSave {
  const golden = parse(readFileSync(join(ROOT, 'scenarios', b.scenario.id, 'playthroughs', file), 'utf8')) as Golden;
  const s = createSession(b, { seed: golden.seed, ...(golden.seat ? { seat: golden.seat } : {}) });
  let at = at0;
  for (const choice of golden.choices) {
    const node = s.snapshot().node;
    at += 30_000;
    if (choice === 'timeout') s.send('decision.timeout', { node }, at);
    else s.send('decision.choose', { node, option: choice }, at);
  }
  const save = s.save();
  s.stop();
  return save;
}

describe('reviewSteps()', () => {
  it('gives the state after every event, each equal to replaying the log up to it', () => {
    const save = goldenSave(bundle, 'bluff-called.yaml');
    const steps = reviewSteps(bundle, save);
    expect(steps).toHaveLength(save.log.length + 1);
    expect(steps[0]?.seq).toBe(0);
    for (const k of [0, 3, save.log.length]) {
      const prefix = replay(bundle, { ...save, log: save.log.slice(0, k) });
      expect(steps[k]?.context).toEqual(prefix.context);
    }
    expect(steps.at(-1)?.done).toBe(true);
  });

  it('keeps earlier snapshots unchanged as later events apply', () => {
    const save = goldenSave(bundle, 'bluff-called.yaml');
    const steps = reviewSteps(bundle, save);
    expect(steps[1]?.context.choices).toHaveLength(1);
    expect(steps[1]?.context.ending).toBeNull();
  });

  it('stops at the first entry that does not apply', () => {
    const save = goldenSave(bundle, 'bluff-called.yaml');
    const broken = { ...save, log: [save.log[0]!, { seq: 2, type: 'decision.choose' as const, payload: { node: 'nowhere', option: 'x' }, at: null }] };
    expect(reviewSteps(bundle, broken)).toHaveLength(2);
  });
});

describe('causesOf() and aftermathOf()', () => {
  const save = goldenSave(bundle, 'civilians-paid.yaml');
  const timeline = replay(bundle, save).context.timeline;

  it('names the decision the engine recorded as a consequence\'s cause', () => {
    const i = timeline.findIndex((e) => e.kind === 'consequence');
    expect(i).toBeGreaterThan(0);
    const links = causesOf(bundle.scenario, timeline, i);
    const recorded = links.filter((l) => l.reason === 'recorded');
    expect(recorded.length).toBeGreaterThan(0);
    const cause = timeline[i]?.causes?.[0];
    expect(recorded[0]?.entry).toMatchObject({ node: cause?.node, option: cause?.option });
    expect(recorded.every((l) => l.index < i)).toBe(true);
  });

  it('explains the ending by the choices and the meter movements its rule reads', () => {
    const i = timeline.findIndex((e) => e.kind === 'ending');
    const links = causesOf(bundle.scenario, timeline, i);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.index < i)).toBe(true);
    expect(links.map((l) => l.index)).toEqual([...links.map((l) => l.index)].sort((a, b) => a - b));
    for (const l of links.filter((x) => x.reason === 'meter')) expect(l.entry.deltas?.[l.via ?? '']).not.toBe(0);
  });

  it('lists what followed from a decision, each of which names it among its causes', () => {
    const i = timeline.findIndex((e) => e.kind === 'consequence');
    const cause = timeline[i]?.causes?.[0];
    const d = timeline.findIndex((e) => (e.kind === 'decision' || e.kind === 'timeout') && e.node === cause?.node && e.option === cause?.option);
    expect(d).toBeGreaterThanOrEqual(0);
    const after = aftermathOf(bundle.scenario, timeline, d);
    expect(after.map((a) => a.index)).toContain(i);
    for (const a of after) expect(causesOf(bundle.scenario, timeline, a.index).some((l) => l.index === d)).toBe(true);
  });

  it('gives nothing for an index out of range or a non-decision source', () => {
    expect(causesOf(bundle.scenario, timeline, 9999)).toEqual([]);
    expect(aftermathOf(bundle.scenario, timeline, 0)).toEqual([]);
  });
});

describe('compareRuns()', () => {
  it('finds the first decision where two runs part and compares their endings', () => {
    const a = debriefModel(bundle, goldenSave(bundle, 'bluff-called.yaml'));
    const b = debriefModel(bundle, goldenSave(bundle, 'civilians-paid.yaml'));
    const c = compareRuns(a, b);
    expect(c.sameScenario).toBe(true);
    expect(c.ending.same).toBe(false);
    const i = c.firstDifference?.index ?? -1;
    expect(i).toBe(c.sharedDecisions);
    for (let k = 0; k < i; k++) expect(a.decisions[k]?.option).toBe(b.decisions[k]?.option);
    expect(a.decisions[i]?.option === b.decisions[i]?.option && a.decisions[i]?.node === b.decisions[i]?.node).toBe(false);
    expect(c.polarities).toHaveLength(bundle.scenario.polarities.length);
  });

  it('finds no difference between a run and itself', () => {
    const a = debriefModel(bundle, goldenSave(bundle, 'bluff-called.yaml'));
    const c = compareRuns(a, a);
    expect(c.firstDifference).toBeNull();
    expect(c.ending.same).toBe(true);
  });
});

describe('readCohortFile() and buildCohort()', () => {
  const files = ['bluff-called.yaml', 'civilians-paid.yaml', 'fc-bluff-called.yaml', 'talks-not-tanks.yaml'].map((f, i) => ({
    name: `alice-${i}.json`,
    text: JSON.stringify(goldenSave(bundle, f, 1_000_000 + i)),
  }));

  it('counts options per decision, endings and benchmarks over the sessions', () => {
    const c = buildCohort(bundle, files.map(readCohortFile));
    expect(c.sessions).toHaveLength(4);
    expect(c.rejected).toEqual([]);
    const first = c.decisions[0]!;
    expect(first.total).toBe(4);
    expect(first.options.reduce((n, o) => n + o.count, 0)).toBe(4);
    // Real time is counted from the previous decision (the first has no earlier stamp here).
    expect(first.avgRealSeconds).toBeNull();
    expect(c.decisions[1]?.avgRealSeconds).toBe(30);
    expect(c.endings.reduce((n, e) => n + e.count, 0)).toBe(4);
    expect(c.sessions.map((s) => s.label)).toEqual(['S01', 'S02', 'S03', 'S04']);
  });

  it('filters by seat', () => {
    const c = buildCohort(bundle, files.map(readCohortFile), { seat: 'fc' });
    expect(c.sessions.map((s) => s.seat)).toEqual(['fc']);
  });

  it('lists another version apart with the reason, and hostile files with theirs', () => {
    const other = JSON.parse(files[0]!.text) as SessionSave;
    other.scenario.version += 1;
    const reads = [
      ...files.map(readCohortFile),
      readCohortFile({ name: 'v.json', text: JSON.stringify(other) }),
      readCohortFile({ name: 'x.json', text: '<script>alert(1)</script>' }),
      readCohortFile({ name: 'y.json', text: JSON.stringify({ format: 'mandate-session', formatVersion: 1, scenario: { id: 'poc-red-lines', version: bundle.scenario.version, hash: 'x' }, seat: 'hom', seed: 1, log: [{ seq: 1, type: 'decision.choose', payload: { node: '<img src=x onerror=alert(1)>', option: 'javascript:alert(1)' }, at: null }] }) }),
      readCohortFile({ name: 'z.json', text: 'null' }),
      readCohortFile({ name: 'dup.json', text: files[0]!.text }),
    ];
    const c = buildCohort(bundle, reads);
    expect(c.sessions).toHaveLength(4);
    expect(c.apart).toHaveLength(1);
    expect(c.apart[0]?.reason).toMatch(/version/);
    expect(c.rejected.map((r) => r.name)).toEqual(['x.json', 'y.json', 'z.json', 'dup.json']);
    expect(c.rejected[0]?.reason).toBe('not JSON');
    expect(c.rejected[1]?.reason).toMatch(/does not apply/);
  });

  it('exports CSV by label only, with formula-looking cells defused', () => {
    const c = buildCohort(bundle, files.map(readCohortFile), { labels: ['=HYPERLINK("x")'] });
    const csv = cohortCsv(c);
    expect(csv).not.toContain('alice');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split('\r\n')[0]).toBe('"scenario","version","seat","decision","option","chosen","of","share_percent","avg_game_minutes","avg_real_seconds"');
    expect(csvCell(2.25)).toBe('2.3');
    expect(csvCell(null)).toBe('');
  });
});

describe('readCohortSource(): a cohort from an LRS export', () => {
  const saves = ['bluff-called.yaml', 'civilians-paid.yaml', 'fc-bluff-called.yaml'].map((f, i) => goldenSave(bundle, f, 2_000_000 + i));
  // One session also carries the room's vote and a facilitator's note: the LRS copy drops them.
  const annotated = createSession(bundle, { seed: 7 });
  annotated.send('room.vote', { node: annotated.snapshot().node, tally: {}, byRole: null }, 1);
  annotated.send('facilitator.note', { text: 'FACILITATOR-ONLY remark', node: null }, 2);
  const withNotes = { ...annotated.save(), meta: { ...annotated.save().meta, label: 'Table 3' } };
  annotated.stop();
  const statement = (save: SessionSave) => ({
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    result: { extensions: { 'https://mandate.example/xapi/extension/session-log': lrsSessionCopy(save) } },
  });

  it('reads every session an LRS answer carries and ignores other statements', () => {
    const lrs = { statements: [...saves.map(statement), { verb: { id: 'http://adlnet.gov/expapi/verbs/launched' } }], more: '' };
    const reads = readCohortSource({ name: 'lrs.json', text: JSON.stringify(lrs) });
    expect(reads.map((r) => r.ok)).toEqual([true, true, true]);
    const fromLrs = buildCohort(bundle, reads);
    const fromFiles = buildCohort(bundle, saves.map((s, i) => readCohortFile({ name: `f${i}.json`, text: JSON.stringify(s) })));
    expect(fromLrs.endings).toEqual(fromFiles.endings);
    expect(fromLrs.decisions.map((d) => d.options.map((o) => o.count))).toEqual(fromFiles.decisions.map((d) => d.options.map((o) => o.count)));
    expect(fromLrs.sessions.map((s) => s.benchmarksMet)).toEqual(fromFiles.sessions.map((s) => s.benchmarksMet));
  });

  it('leaves the room out of the LRS copy, which still replays to the same state', () => {
    const copy = lrsSessionCopy(withNotes);
    const text = JSON.stringify(copy);
    expect(text).not.toContain('FACILITATOR-ONLY');
    expect(text).not.toContain('room.vote');
    expect(text).not.toContain('Table 3');
    expect(copy.log.map((e) => e.seq)).toEqual(copy.log.map((_, i) => i + 1));
    const full = goldenSave(bundle, 'bluff-called.yaml');
    expect(replay(bundle, lrsSessionCopy(full)).context.meters).toEqual(replay(bundle, full).context.meters);
  });

  it('says so when a statement export holds no Mandate session, and still reads plain session files', () => {
    expect(readCohortSource({ name: 'empty.json', text: '[{"verb":{}}]' })).toEqual([{ ok: false, name: 'empty.json', reason: 'no Mandate session in these statements' }]);
    expect(readCohortSource({ name: 's.json', text: JSON.stringify(saves[0]) }).map((r) => r.ok)).toEqual([true]);
    expect(readCohortSource({ name: 'bad.json', text: '{' })[0]?.ok).toBe(false);
  });
});
