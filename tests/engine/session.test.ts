import { describe, expect, it } from 'vitest';
import { createSession, parseSave, replay, replaySession, debriefModel, mapModel, meterBand } from '../../src/engine/index';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFile, loadShared } from '../../src/build/content-files';
import type { ScenarioBundle } from '../../src/engine/index';
import { FIXTURES, fixtureBundle } from '../support/fixtures';

const bundle = fixtureBundle();

describe('createSession()', () => {
  it('starts at the start node with the clock, meters and timed injects of the scenario', () => {
    const s = createSession(bundle, { seed: 1 });
    const { context, node } = s.snapshot();
    expect(node).toBe('d1');
    expect(context.clock).toBe(0);
    expect(context.meters).toEqual({ civ: 50, cred: 50, consent: 50 });
    expect(context.firedInjects).toEqual(['flash']);
  });

  it('applies an option: effects, leans, time and the next decision', () => {
    const s = createSession(bundle, { seed: 1 });
    const r = s.send('decision.choose', { node: 'd1', option: 'deploy' }, 1000);
    expect(r.ok).toBe(true);
    const { context, node } = s.snapshot();
    expect(node).toBe('d2');
    expect(context.meters.cred).toBeGreaterThanOrEqual(55);
    expect(context.flags.DEPLOYED).toBe(true);
    expect(context.polarities.red_lines_use_of_force).toBe(-30);
    expect(context.clock).toBe(300); // d2 is posed at minute 300
    expect(s.log()).toEqual([{ seq: 1, type: 'decision.choose', payload: { node: 'd1', option: 'deploy' }, at: 1000 }]);
  });

  it('fires a state-triggered inject as soon as its condition holds', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const video = s.snapshot().context.timeline.find((t) => t.inject === 'video');
    expect(video?.time).toBe(0);
  });

  it('lands a delayed consequence at its due time and records the decision that caused it', () => {
    // Find a seed whose 50% draw lands the contact.
    const seed = [1, 2, 3, 4, 5, 6, 7, 8].find((sd) => {
      const s = createSession(bundle, { seed: sd });
      s.send('decision.choose', { node: 'd1', option: 'deploy' });
      return s.snapshot().context.timeline.some((t) => t.kind === 'consequence');
    });
    expect(seed).toBeDefined();
    const s = createSession(bundle, { seed: seed as number });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const landed = s.snapshot().context.timeline.find((t) => t.kind === 'consequence');
    expect(landed).toMatchObject({ time: 180, consequence: 'd1.deploy.contact', causes: [{ node: 'd1', option: 'deploy' }] });
  });

  it('refuses an unavailable option and changes nothing', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    const before = s.snapshot();
    const r = s.send('decision.choose', { node: 'd2', option: 'enforce' });
    expect(r).toEqual({ ok: false, reason: 'option "enforce" is not available now' });
    expect(s.snapshot()).toEqual(before);
    expect(s.log()).toHaveLength(1);
  });

  it('refuses an event for another decision than the current one', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('decision.choose', { node: 'd2', option: 'hold' })).toMatchObject({ ok: false });
  });

  it('charges in-game time for consulting, and times the decision out when the deadline passes', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('adviser.consult', { node: 'd1', adviser: 'fc' }).ok).toBe(true);
    expect(s.snapshot().context.clock).toBe(60);
    expect(s.snapshot().node).toBe('d1');
    expect(s.send('adviser.consult', { node: 'd1', adviser: 'fc' })).toMatchObject({ ok: false });
    // 60 + 30 = 90 < 120: still d1. Then a clock advance passes the deadline.
    s.send('adviser.consult', { node: 'd1', adviser: 'pol' });
    expect(s.snapshot().node).toBe('d1');
    s.send('clock.advance', { minutes: 30 });
    const ctx = s.snapshot().context;
    expect(ctx.node).toBe('d2');
    expect(ctx.choices).toEqual([{ node: 'd1', option: 'timeout' }]);
    expect(ctx.meters.civ).toBe(35); // the timeout is never the safe default
  });

  it('applies decision.timeout like a choice, with consequences of its own', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('decision.timeout', { node: 'd1' }).ok).toBe(true);
    expect(s.snapshot().context.timeline.some((t) => t.kind === 'timeout' && t.node === 'd1')).toBe(true);
  });

  it('moves the in-game clock to the deadline when a decision times out', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.timeout', { node: 'd1' });
    expect(s.snapshot().context.timeline.find((t) => t.kind === 'timeout')?.time).toBe(120);
  });

  it('triggers the downside of persistent over-leaning', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const ctx = s.snapshot().context;
    expect(ctx.downsides).toEqual(['red_lines_use_of_force.a']);
    const entry = ctx.timeline.find((t) => t.kind === 'overlean');
    expect(entry).toMatchObject({ polarity: 'red_lines_use_of_force', pole: 'a', causes: [{ node: 'd1', option: 'deploy' }] });
    expect(ctx.meters.consent).toBe(40);
  });

  it('picks the first ending whose rule holds, else the fallback', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    s.send('decision.choose', { node: 'd2', option: 'hold' });
    expect(s.snapshot().done).toBe(true);
    expect(s.snapshot().context.ending).toBe('talks');
    expect(s.send('decision.choose', { node: 'd2', option: 'hold' })).toMatchObject({ ok: false });
  });

  it('fires a manual inject only on request, once', () => {
    const s = createSession(bundle, { seed: 1 });
    expect(s.send('inject.arrive', { inject: 'flash' })).toMatchObject({ ok: false });
    expect(s.send('inject.arrive', { inject: 'council' }).ok).toBe(true);
    expect(s.send('inject.arrive', { inject: 'council' })).toMatchObject({ ok: false });
  });

  it('passes annotations through unchanged', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('note.add', { text: 'We argued about the bridge.' });
    expect(s.snapshot().context.timeline.at(-1)).toMatchObject({ kind: 'note', note: 'We argued about the bridge.' });
  });
});

describe('replay()', () => {
  it('gives the same snapshot as the live session', () => {
    const s = createSession(bundle, { seed: 42 });
    s.send('adviser.consult', { node: 'd1', adviser: 'pol' }, 5);
    s.send('decision.choose', { node: 'd1', option: 'deploy' }, 9);
    s.send('note.add', { text: 'n' }, 12);
    s.send('decision.choose', { node: 'd2', option: 'enforce' }, 20);
    expect(replay(bundle, s.save())).toEqual(s.snapshot());
  });

  it('reports the first log entry that does not apply, keeping what came before', () => {
    const s = createSession(bundle, { seed: 3 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    const save = s.save();
    save.log.push({ seq: 2, type: 'decision.choose', payload: { node: 'd2', option: 'enforce' }, at: null });
    const r = replaySession(bundle, save);
    expect(r.problems).toEqual([{ seq: 2, reason: 'option "enforce" is not available now' }]);
    expect(r.session.snapshot().node).toBe('d2');
  });
});

describe('parseSave()', () => {
  it('accepts a real save', () => {
    const s = createSession(bundle, { seed: 3 });
    s.send('decision.choose', { node: 'd1', option: 'talk' });
    const round = JSON.parse(JSON.stringify(s.save()));
    expect(parseSave(round).problems).toEqual([]);
  });

  it.each([
    ['not an object', 'hello', '(root)'],
    ['a wrong format', { format: 'other' }, 'format'],
    ['a future version', { format: 'mandate-session', formatVersion: 99, scenario: { id: 'x', version: 1, hash: 'h' }, seat: 'hom', seed: 1, log: [] }, 'formatVersion'],
    ['an out-of-order log', { format: 'mandate-session', formatVersion: 1, scenario: { id: 'x', version: 1, hash: 'h' }, seat: 'hom', seed: 1, log: [{ seq: 2, type: 'note.add', payload: {}, at: null }] }, 'log[0]'],
    ['an unknown event type', { format: 'mandate-session', formatVersion: 1, scenario: { id: 'x', version: 1, hash: 'h' }, seat: 'hom', seed: 1, log: [{ seq: 1, type: '<script>', payload: {}, at: null }] }, 'log[0]'],
  ])('rejects %s with a field-level message', (_name, data, field) => {
    const r = parseSave(data);
    expect(r.save).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toContain(field);
  });
});

describe('debriefModel()', () => {
  it('traces consequences back to decisions and reports polarities, meters and benchmarks', () => {
    const s = createSession(bundle, { seed: 1 });
    s.send('adviser.consult', { node: 'd1', adviser: 'fc' }, 1_000);
    s.send('decision.choose', { node: 'd1', option: 'deploy' }, 11_000);
    s.send('decision.choose', { node: 'd2', option: 'hold' }, 31_000);
    const d = debriefModel(bundle, s.save());
    expect(d.complete).toBe(true);
    expect(d.ending?.id).toBe('talks');
    expect(d.decisions.map((x) => [x.node, x.option])).toEqual([['d1', 'deploy'], ['d2', 'hold']]);
    expect(d.decisions[0]).toMatchObject({ consulted: ['fc'], followed: ['fc'], overruled: [], cites: ['§2.4'] });
    expect(d.decisions[1]?.secondsToDecide).toBe(20);
    expect(d.decisions[0]?.alternatives).toEqual([{ id: 'talk', label: 'Open talks through intermediaries' }]);
    expect(d.polarities.find((p) => p.id === 'red_lines_use_of_force')?.verdict).toBe('over-leaned-a');
    expect(d.polarities.find((p) => p.id === 'red_lines_use_of_force')?.bothAndMoves).toBe(1);
    expect(d.samples.map((x) => x.step)).toEqual([0, 1, 2]);
    expect(d.benchmarks).toEqual([{ id: 'civilians-safe', text: 'Civilians in Kessrin are safe', met: false, cites: ['§4.2.2'] }]);
  });
});

describe('mapModel()', () => {
  it('moves units by the scenario rules and shows incidents of arrived injects', () => {
    const s = createSession(bundle, { seed: 1 });
    const before = mapModel(bundle, s.snapshot().context);
    expect(before.units.find((u) => u.id === 'hol-bn-kessrin')?.place).toBe('camp-kessrin');
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const after = mapModel(bundle, s.snapshot().context);
    expect(after.units.find((u) => u.id === 'hol-bn-kessrin')?.place).toBe('orvel-bridge');
    expect(after.incidents.map((i) => i.id)).toContain('video');
    expect(after.markers.map((m) => m.id)).toEqual(['column', 'column-near']);
  });
});

describe('meterBand()', () => {
  it.each([
    [0, 'critical'],
    [19, 'critical'],
    [20, 'poor'],
    [59, 'fragile'],
    [60, 'steady'],
    [100, 'strong'],
  ] as const)('puts %i in the %s band', (v, band) => expect(meterBand(v)).toBe(band));
});

describe('timed injects', () => {
  /** The tiny fixture with two more injects, written before the others so scenario order differs from time order. */
  function withInjects(): ScenarioBundle {
    const src = readFileSync(join(FIXTURES, 'tiny', 'scenario.yaml'), 'utf8');
    const extra = [
      'injects:',
      '  - id: late-listed-first',
      '    at: 250',
      '    channel: report',
      '    from: JMAC',
      '    title: A later report',
      '    text: The column refuels at Edrevo.',
      '  - id: gated',
      '    at: 150',
      '    when: { flag: DEPLOYED }',
      '    channel: phone',
      '    from: Battalion',
      '    title: The battalion reports in position',
      '    text: The bridge is covered.',
      '',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'mandate-injects-'));
    const file = join(dir, 'scenario.yaml');
    writeFileSync(file, src.replace(/^injects:\n/m, extra));
    const r = compileFile(file, loadShared());
    if (!r.bundle) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message}`).join('\n'));
    return r.bundle;
  }

  it('land in time order, whatever their order in the file', () => {
    const s = createSession(withInjects(), { seed: 1 });
    s.send('decision.choose', { node: 'd1', option: 'deploy' });
    const arrivals = s.snapshot().context.timeline.filter((t) => t.kind === 'inject').map((t) => [t.inject, t.time]);
    expect(arrivals.map(([id]) => id).indexOf('cable')).toBeLessThan(arrivals.map(([id]) => id).indexOf('late-listed-first'));
    expect(arrivals).toContainEqual(['cable', 200]);
    expect(arrivals).toContainEqual(['late-listed-first', 250]);
  });

  it('with both `at` and `when` arrive at their time when the condition holds then, and not otherwise', () => {
    const deployed = createSession(withInjects(), { seed: 1 });
    deployed.send('decision.choose', { node: 'd1', option: 'deploy' });
    expect(deployed.snapshot().context.timeline.find((t) => t.inject === 'gated')?.time).toBe(150);

    const other = createSession(withInjects(), { seed: 1 });
    const d1 = other.snapshot().context;
    const alternative = withInjects().scenario.nodes.find((n) => n.id === 'd1')!.options.find((o) => o.id !== 'deploy')!.id;
    other.send('decision.choose', { node: 'd1', option: alternative });
    expect(d1.firedInjects).not.toContain('gated');
    expect(other.snapshot().context.firedInjects).not.toContain('gated');
  });
});
