import { describe, expect, it } from 'vitest';
import { localizeScenario, scenarioTextEntries, createSession, type ScenarioBundle } from '../../src/engine/index';
import { fixtureBundle, shippedBundle } from '../support/fixtures';

describe('scenarioTextEntries()', () => {
  it('keys every text by ids, never positions', () => {
    const keys = scenarioTextEntries(fixtureBundle().scenario).map(([k]) => k);
    expect(keys).toContain('nodes.d1.options.deploy.label');
    expect(keys).toContain('nodes.d1.options.deploy.consequences.contact.title');
    expect(keys).toContain('nodes.d1.timeout.title');
    expect(keys).toContain('injects.flash.text');
    expect(keys).toContain('endings.held.text');
    expect(keys.some((k) => /\.\d+(\.|$)/.test(k))).toBe(false);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every shipped scenario unique keys', () => {
    const keys = scenarioTextEntries(shippedBundle('poc-red-lines').scenario).map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(200);
  });
});

describe('localizeScenario()', () => {
  it('applies translations by key and keeps the authored text elsewhere, without changing play', () => {
    const bundle = fixtureBundle();
    const fr = localizeScenario(bundle.scenario, { 'nodes.d1.title': 'L’alerte', 'injects.flash.title': 'Rapport flash' });
    expect(fr.nodes[0]?.title).toBe('L’alerte');
    expect(fr.injects[0]?.title).toBe('Rapport flash');
    expect(fr.nodes[1]?.title).toBe(bundle.scenario.nodes[1]?.title);
    expect(bundle.scenario.nodes[0]?.title).toBe('The warning');
    const localized: ScenarioBundle = { ...bundle, scenario: fr };
    const a = createSession(bundle, { seed: 4 });
    const b = createSession(localized, { seed: 4 });
    a.send('decision.choose', { node: 'd1', option: 'deploy' });
    b.send('decision.choose', { node: 'd1', option: 'deploy' });
    expect(b.snapshot()).toEqual(a.snapshot());
  });
});
