import { describe, expect, it } from 'vitest';
import { scenarioFiles } from '../../src/build/content-files';
import { createSession, availableOptions, indexScenario, percentDraw } from '../../src/engine/index';
import { exploreScenario } from '../../src/engine/content/index';
import { quicktestScenario } from '../../src/engine/content/quicktest';
import { shippedBundle } from '../support/fixtures';

const scenarios = scenarioFiles().map((f) => f.split('/').at(-2) as string);

describe.each(scenarios)('%s', (id) => {
  const bundle = shippedBundle(id);
  const { scenario } = bundle;

  it('every node and every ending is reachable, and there is no dead end', () => {
    const found = exploreScenario(scenario);
    expect(scenario.nodes.map((n) => n.id).filter((n) => !found.nodes.has(n))).toEqual([]);
    expect(scenario.endings.map((e) => e.id).filter((e) => !found.endings.has(e))).toEqual([]);
    expect([...found.deadEnds]).toEqual([]);
  });

  it('quicktest exercises every option and both sides of every condition, from some seat', () => {
    const r = quicktestScenario(scenario);
    expect(r.gaps.map((g) => `${g.key}: never ${g.missing}`)).toEqual([]);
  });

  it('has at least 10 decisions with 2–4 options each, and at least 3 endings', () => {
    const decisions = scenario.nodes.filter((n) => n.kind === 'decision');
    expect(decisions.length).toBeGreaterThanOrEqual(10);
    for (const d of decisions) expect(d.options.length, d.id).toBeGreaterThanOrEqual(2);
    for (const d of decisions) expect(d.options.length, d.id).toBeLessThanOrEqual(4);
    expect(scenario.endings.length).toBeGreaterThanOrEqual(3);
  });

  it('every decision cites the study and carries a study note', () => {
    for (const d of scenario.nodes.filter((n) => n.kind === 'decision')) {
      expect(d.cites.length, d.id).toBeGreaterThan(0);
      expect(d.studyNote, d.id).toBeTruthy();
    }
  });

  it('1,000 seeded random runs all end, and each reaches an ending', () => {
    const index = indexScenario(scenario);
    const endings = new Map<string, number>();
    for (let run = 0; run < 1000; run++) {
      const s = createSession(bundle, { seed: run });
      for (let step = 0; step < 100 && !s.snapshot().done; step++) {
        const ctx = s.snapshot().context;
        const node = index.nodes.get(ctx.node)!;
        const opts = [...availableOptions(index, ctx), ...(node.timeout ? ['timeout'] : [])];
        const pick = opts[percentDraw(run, `sweep:${step}`, 0) % opts.length]!;
        const r = pick === 'timeout' ? s.send('decision.timeout', { node: node.id }) : s.send('decision.choose', { node: node.id, option: pick });
        expect(r.ok).toBe(true);
      }
      expect(s.snapshot().done).toBe(true);
      const e = s.snapshot().context.ending as string;
      endings.set(e, (endings.get(e) ?? 0) + 1);
      s.stop();
    }
    expect(endings.size).toBeGreaterThanOrEqual(3);
  });
});
