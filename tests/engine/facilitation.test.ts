import { describe, expect, it } from 'vitest';
import {
  createSession,
  facilitatorNotesFor,
  firableInjects,
  FACILITATOR_ONLY,
  isOptionalInject,
  optionalInjects,
  presenterView,
  replay,
  replaySession,
  rolesOf,
  scenarioTextEntries,
  stripFacilitatorContent,
  type Scenario,
} from '../../src/engine/index';
import { fixtureBundle, shippedBundle } from '../support/fixtures';

const bundle = fixtureBundle('facilitated');

/** Every facilitator-only text of a scenario: role briefs, notes, purposes, role-private inject text. */
function facilitatorTexts(s: Scenario): string[] {
  const out: string[] = [];
  for (const r of s.roles ?? []) if (r.brief) out.push(r.brief);
  for (const n of s.nodes) {
    const f = n.facilitator;
    if (!f) continue;
    out.push(...f.prompts, ...f.teaching, ...f.tradeoffs.map((t) => t.text));
  }
  for (const i of s.injects) {
    if (i.purpose) out.push(i.purpose);
    if (i.roles?.length) out.push(i.from, i.title, i.text);
  }
  return out;
}

describe('stripFacilitatorContent()', () => {
  it('leaves no brief, note, purpose or role-private inject text in the scenario', () => {
    const texts = facilitatorTexts(bundle.scenario);
    expect(texts.length).toBeGreaterThanOrEqual(12);
    const stripped = JSON.stringify(stripFacilitatorContent(bundle.scenario));
    for (const t of texts) expect(stripped, t).not.toContain(t);
    // The fixture marks every such text with a tag; none of the tags survives either.
    expect(stripped).not.toMatch(/BRIEF-|PROMPT-|TEACH-|TRADE-|PURPOSE-|PRIVATE-/);
  });

  it('keeps what the room may see: role titles, the optional inject, the private inject without its text', () => {
    const s = stripFacilitatorContent(bundle.scenario);
    expect(s.roles?.map((r) => [r.id, r.title, r.brief])).toEqual([
      ['hom', 'Head of Mission', undefined],
      ['fc', 'Force Commander', undefined],
      ['pol', 'DSRSG (Political)', undefined],
    ]);
    expect(s.nodes.every((n) => n.facilitator === undefined)).toBe(true);
    expect(s.injects.find((i) => i.id === 'council')).toMatchObject({ title: 'A call from New York', optional: true });
    expect(s.injects.find((i) => i.id === 'council')?.purpose).toBeUndefined();
    expect(s.injects.find((i) => i.id === 'capital-cable')).toMatchObject({ roles: ['fc'], from: '', title: '', text: '' });
  });

  it('does not change the scenario it is given', () => {
    const before = JSON.stringify(bundle.scenario);
    stripFacilitatorContent(bundle.scenario);
    expect(JSON.stringify(bundle.scenario)).toBe(before);
  });

  it('names its fields in FACILITATOR_ONLY', () => {
    expect(FACILITATOR_ONLY).toEqual(expect.arrayContaining(['roles[].brief', 'nodes[].facilitator', 'injects[].purpose']));
  });
});

describe('presenterView()', () => {
  it('replays a facilitated log, injects fired included, to the same state as the console', () => {
    const s = createSession(bundle, { seed: 7 });
    expect(s.send('adviser.consult', { node: 'd1', adviser: 'pol' }).ok).toBe(true);
    expect(s.send('inject.fire', { inject: 'council' }).ok).toBe(true);
    expect(s.send('inject.fire', { inject: 'capital-cable' }).ok).toBe(true);
    expect(s.send('decision.choose', { node: 'd1', option: 'deploy' }).ok).toBe(true);
    const save = s.save();
    const presenter = presenterView(bundle);
    expect(presenter.hash).toBe(bundle.hash);
    expect(replay(presenter, save).context).toEqual(s.snapshot().context);
  });
});

describe('inject.fire', () => {
  it('fires an optional inject now, once, logged with its id', () => {
    const s = createSession(bundle, { seed: 1 });
    const before = s.snapshot().context.meters.cred;
    const r = s.send('inject.fire', { inject: 'council' }, 1234);
    expect(r).toMatchObject({ ok: true, entry: { seq: 1, type: 'inject.fire', payload: { inject: 'council' }, at: 1234 } });
    const ctx = s.snapshot().context;
    expect(ctx.firedInjects).toContain('council');
    expect(ctx.meters.cred).toBe((before ?? 0) - 2);
    expect(ctx.timeline.at(-1)).toMatchObject({ kind: 'inject', inject: 'council', seq: 1, time: ctx.clock });
  });

  it('refuses an unknown inject, one that arrives by itself, and one already fired, changing nothing', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('inject.fire', { inject: 'nope' })).toEqual({ ok: false, reason: 'unknown inject "nope"' });
    expect(s.send('inject.fire', { inject: 'cable' })).toMatchObject({ ok: false, reason: expect.stringMatching(/arrives by itself/) });
    expect(s.send('inject.fire', {})).toMatchObject({ ok: false, reason: 'malformed inject.fire event' });
    expect(s.send('inject.fire', { inject: 'council' }).ok).toBe(true);
    const after = s.snapshot().context;
    expect(s.send('inject.fire', { inject: 'council' })).toMatchObject({ ok: false, reason: expect.stringMatching(/already arrived/) });
    expect(s.snapshot().context).toBe(after);
    expect(s.log()).toHaveLength(1);
  });

  it('refuses after the scenario has ended', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    s.send('decision.choose', { node: 'd2', option: 'hold' });
    expect(s.snapshot().done).toBe(true);
    expect(s.send('inject.fire', { inject: 'council' })).toMatchObject({ ok: false });
  });

  it('replays deterministically, and a replayed log refuses a second firing', () => {
    const s = createSession(bundle, { seed: 3 });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    s.send('inject.fire', { inject: 'capital-cable' });
    s.send('decision.choose', { node: 'd2', option: 'enforce' });
    const save = s.save();
    expect(replay(bundle, save).context).toEqual(s.snapshot().context);
    const doubled = { ...save, log: [...save.log.slice(0, 2), { seq: 3, type: 'inject.fire' as const, payload: { inject: 'capital-cable' }, at: null }] };
    expect(replaySession(bundle, doubled).problems).toEqual([{ seq: 3, reason: 'inject "capital-cable" has already arrived' }]);
  });

  it('still reads the earlier event name inject.arrive', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('inject.arrive', { inject: 'council' }).ok).toBe(true);
    expect(s.send('inject.fire', { inject: 'council' })).toMatchObject({ ok: false });
  });
});

describe('the facilitator readers', () => {
  it('lists roles, notes, optional injects and what can be fired now', () => {
    expect(rolesOf(bundle.scenario).map((r) => r.id)).toEqual(['hom', 'fc', 'pol']);
    expect(facilitatorNotesFor(bundle.scenario, 'd1')).toMatchObject({ minutes: 8, roles: ['fc', 'pol'], cites: ['§4.2.6'] });
    expect(facilitatorNotesFor(bundle.scenario, 'end')).toBeNull();
    expect(optionalInjects(bundle.scenario).map((i) => i.id)).toEqual(['council', 'capital-cable']);
    const s = createSession(bundle, { seed: 1 });
    expect(firableInjects(bundle.scenario, s.snapshot().context).map((i) => i.id)).toEqual(['council', 'capital-cable']);
    s.send('inject.fire', { inject: 'council' });
    expect(firableInjects(bundle.scenario, s.snapshot().context).map((i) => i.id)).toEqual(['capital-cable']);
  });

  it('treats manual: true (the earlier name) as optional', () => {
    expect(isOptionalInject({ manual: true })).toBe(true);
    expect(isOptionalInject({ manual: false, optional: true })).toBe(true);
    expect(isOptionalInject({ manual: false })).toBe(false);
  });

  it('keys the new text for translation by ids (and prompt order)', () => {
    const keys = new Map(scenarioTextEntries(bundle.scenario));
    expect(keys.get('roles.fc.brief')).toMatch(/^BRIEF-FC/);
    expect(keys.get('roles.fc.title')).toBe('Force Commander');
    expect(keys.get('nodes.d1.facilitator.prompts.2')).toMatch(/^PROMPT-D1-2/);
    expect(keys.get('nodes.d1.facilitator.teaching.1')).toMatch(/^TEACH-D1/);
    expect(keys.get('nodes.d2.facilitator.tradeoffs.hold')).toMatch(/^TRADE-HOLD/);
    expect(keys.get('injects.capital-cable.purpose')).toMatch(/^PURPOSE-CAPITAL/);
  });
});

describe.each(['poc-red-lines', 'fpu-caveats', 'election-timing'])('shipped scenario %s in the room', (id) => {
  const shipped = () => shippedBundle(id);

  it('has 4-6 roles with briefs, notes with a trade-off per option on every decision, and 2-3 optional injects with a purpose', () => {
    const s = shipped().scenario;
    expect(s.roles?.length).toBeGreaterThanOrEqual(4);
    expect(s.roles?.length).toBeLessThanOrEqual(6);
    for (const r of s.roles ?? []) expect(r.brief?.length, r.id).toBeGreaterThan(200);
    for (const n of s.nodes.filter((x) => x.kind === 'decision')) {
      const f = n.facilitator;
      expect(f, n.id).toBeDefined();
      expect(f?.prompts.length, n.id).toBeGreaterThanOrEqual(1);
      expect(f?.cites.length, n.id).toBeGreaterThanOrEqual(1);
      expect(f?.tradeoffs.map((t) => t.option).sort(), n.id).toEqual(n.options.map((o) => o.id).sort());
    }
    const optional = optionalInjects(s);
    expect(optional.length).toBeGreaterThanOrEqual(2);
    expect(optional.length).toBeLessThanOrEqual(3);
    for (const i of optional) expect(i.purpose, i.id).toBeTruthy();
    expect(optional.some((i) => (i.roles?.length ?? 0) > 0)).toBe(true);
  });

  it('leaves none of its facilitator text in the presenter view, and replays the room log there to the same state', () => {
    const b = shipped();
    const texts = facilitatorTexts(b.scenario);
    const stripped = JSON.stringify(presenterView(b).scenario);
    for (const t of texts) expect(stripped.includes(t), t.slice(0, 60)).toBe(false);

    const s = createSession(b, { seed: 11 });
    for (const i of optionalInjects(b.scenario)) expect(s.send('inject.fire', { inject: i.id }).ok, i.id).toBe(true);
    const node = s.snapshot().node;
    const option = b.scenario.nodes.find((n) => n.id === node)?.options[0]?.id ?? '';
    expect(s.send('decision.choose', { node, option }).ok).toBe(true);
    expect(replay(presenterView(b), s.save()).context).toEqual(s.snapshot().context);
  });
});
