import { describe, expect, it } from 'vitest';
import { availableOptions, createSession, debriefModel, indexScenario, replay } from '../../src/engine/index';
import { exploreScenario } from '../../src/engine/content/index';
import { fixtureBundle } from '../support/fixtures';

const bundle = fixtureBundle('seats');

describe('player seats', () => {
  it('the Head of Mission decides d2 themselves', () => {
    const s = createSession(bundle, { seed: 1, seat: 'hom' });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    expect(s.snapshot().node).toBe('d2');
  });

  it('for the Police Commissioner, d2 is taken by its owner following the npc rules, and recorded as such', () => {
    const s = createSession(bundle, { seed: 1, seat: 'pc' });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const ctx = s.snapshot().context;
    expect(s.snapshot().done).toBe(true);
    expect(ctx.choices).toEqual([{ node: 'd1', option: 'deploy' }, { node: 'd2', option: 'enforce' }]);
    expect(ctx.timeline.find((t) => t.node === 'd2' && t.kind === 'decision')).toMatchObject({ by: 'hom' });
    const other = createSession(bundle, { seed: 1, seat: 'pc' });
    other.send('decision.choose', { node: 'd1', option: 'talk' });
    expect(other.snapshot().context.choices.at(-1)).toEqual({ node: 'd2', option: 'hold' });
  });

  it('private information reaches only its seat', () => {
    const hom = createSession(bundle, { seed: 1, seat: 'hom' });
    const pc = createSession(bundle, { seed: 1, seat: 'pc' });
    hom.send('decision.choose', { node: 'd1', option: 'talk' });
    pc.send('decision.choose', { node: 'd1', option: 'talk' });
    expect(hom.snapshot().context.firedInjects).not.toContain('pc-call');
    expect(pc.snapshot().context.firedInjects).toContain('pc-call');
  });

  it('a seat consults only its own advisers', () => {
    const pc = createSession(bundle, { seed: 1, seat: 'pc' });
    expect(pc.send('adviser.consult', { node: 'd1', adviser: 'fc' })).toEqual({ ok: false, reason: 'the seat "pc" cannot consult "fc"' });
    expect(pc.send('adviser.consult', { node: 'd1', adviser: 'pol' }).ok).toBe(true);
  });

  it('replays a seat\'s session to the same snapshot, and the debrief shows who took each decision', () => {
    const pc = createSession(bundle, { seed: 9, seat: 'pc' });
    pc.send('decision.choose', { node: 'd1', option: 'deploy' });
    expect(replay(bundle, pc.save())).toEqual(pc.snapshot());
    const d = debriefModel(bundle, pc.save());
    expect(d.decisions.map((x) => [x.node, x.decidedBy])).toEqual([['d1', null], ['d2', 'hom']]);
  });

  it('the reachability search covers every seat', () => {
    const found = exploreScenario(bundle.scenario);
    expect(found.nodes.has('d2')).toBe(true);
    expect(found.injects.has('pc-call')).toBe(true);
  });
});

describe('player seats: timing', () => {
  it('measures time to decide for the player\'s own decisions only', () => {
    const pc = createSession(bundle, { seed: 2, seat: 'pc' });
    pc.send('adviser.consult', { node: 'd1', adviser: 'pol' }, 1_000);
    pc.send('decision.choose', { node: 'd1', option: 'talk' }, 6_000);
    const d = debriefModel(bundle, pc.save());
    expect(d.decisions.map((x) => [x.node, x.secondsToDecide])).toEqual([['d1', 5], ['d2', null]]);
  });
});

describe('player seats: an opening decision owned by another seat', () => {
  it('starts play where the initial context rests, and plays on from there', () => {
    const base = fixtureBundle('seats');
    const d1 = base.scenario.nodes.find((n) => n.id === 'd1')!;
    const scenario = {
      ...base.scenario,
      nodes: base.scenario.nodes.map((n) => (n.id === 'd1' ? { ...d1, owners: ['hom'], npc: [{ option: 'deploy' }] } : n)),
    };
    const bundle = { ...base, scenario };
    const pc = createSession(bundle, { seed: 3, seat: 'hom' });
    expect(pc.snapshot().node).toBe('d1');
    const s = createSession(bundle, { seed: 3, seat: 'pc' });
    expect(s.snapshot().node).toBe('end');
    expect(s.snapshot().context.choices.map((c) => c.node)).toEqual(['d1', 'd2']);
    // With d2 owned by both seats, the player rests at d2 and can act there.
    const both = { ...bundle, scenario: { ...scenario, nodes: scenario.nodes.map((n) => (n.id === 'd2' ? { ...n, owners: undefined } : n)) } };
    const t = createSession(both, { seed: 3, seat: 'pc' });
    expect(t.snapshot().node).toBe('d2');
    expect(t.send('decision.choose', { node: 'd2', option: 'hold' }).ok).toBe(true);
    expect(replay(both, t.save())).toEqual(t.snapshot());
  });
});

describe('the seat condition', () => {
  it('offers an option only to the seat it names', () => {
    const hom = createSession(bundle, { seed: 1, seat: 'hom' });
    const pc = createSession(bundle, { seed: 1, seat: 'pc' });
    const index = indexScenario(bundle.scenario);
    expect(availableOptions(index, hom.snapshot().context)).not.toContain('police-escorts');
    expect(availableOptions(index, pc.snapshot().context)).toContain('police-escorts');
    expect(hom.send('decision.choose', { node: 'd1', option: 'police-escorts' }).ok).toBe(false);
    expect(pc.send('decision.choose', { node: 'd1', option: 'police-escorts' }).ok).toBe(true);
  });
});
