import { describe, expect, it } from 'vitest';
import { quicktestScenario } from '../../src/engine/content/quicktest';
import { simulateScenario } from '../../src/engine/content/simulate';
import { fixtureBundle } from '../support/fixtures';

describe('quicktestScenario()', () => {
  const { scenario } = fixtureBundle('tiny');

  it('sees a branch condition both ways, where the engine evaluates it (after the option took effect)', () => {
    const r = quicktestScenario(scenario);
    const branch = r.conditions.find((c) => c.site.key === 'branch d2.hold#1');
    expect(branch?.whenTrue).toBeGreaterThan(0);
    expect(branch?.whenFalse).toBeGreaterThan(0);
    expect(r.gaps).toEqual([]);
  });

  it('counts the timeout as an option and names the end node of every ending it saw', () => {
    const r = quicktestScenario(scenario);
    expect(r.options.find((o) => o.key === 'd1.timeout')?.hits).toBeGreaterThan(0);
    expect([...(r.endingsByNode.get('end') ?? [])].sort()).toEqual(['fallback', 'held', 'talks']);
  });
});

describe('simulateScenario()', () => {
  const { scenario } = fixtureBundle('tiny');

  it('is a function of the seed', () => {
    expect(simulateScenario(scenario, { runs: 100, seed: 11 })).toEqual(simulateScenario(scenario, { runs: 100, seed: 11 }));
  });

  it('never consults with --consult 0, and always tries to with 100', () => {
    expect(simulateScenario(scenario, { runs: 50, seed: 1, consultPercent: 0 }).consultHits).toEqual({});
    const all = simulateScenario(scenario, { runs: 50, seed: 1, consultPercent: 100 });
    // At most two advisers per decision: d1 has two positions, d2 one.
    expect(all.consultHits['d1.fc']).toBe(50);
    expect(all.consultHits['d1.pol']).toBe(50);
  });
});
