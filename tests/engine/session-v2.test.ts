import { describe, expect, it } from 'vitest';
import {
  createSession,
  forkSave,
  parseSave,
  replay,
  replaySession,
  stripFacilitatorOnly,
  SAVE_FORMAT_VERSION,
  type SessionSave,
} from '../../src/engine/index';
import { fixtureBundle } from '../support/fixtures';

const bundle = fixtureBundle();

function played(): SessionSave {
  const s = createSession(bundle, { seed: 3, meta: { id: 'run-1', label: 'Syndicate B', startedAt: 1000, mode: 'facilitated' } });
  expect(s.send('room.vote', { node: 'd1', tally: { deploy: 3, talk: 2 }, byRole: { fc: 'deploy', pc: 'talk' } }).ok).toBe(true);
  expect(s.send('facilitator.note', { text: 'The FC carried the room; ask the PC why.', node: 'd1' }).ok).toBe(true);
  expect(s.send('decision.choose', { node: 'd1', option: 'deploy' }, 2000).ok).toBe(true);
  expect(s.send('note.add', { text: 'We chose speed.' }).ok).toBe(true);
  const save = s.save();
  s.stop();
  return save;
}

describe('session format v2', () => {
  it('save() writes v2 with the meta the caller gave', () => {
    const save = played();
    expect(save.format).toBe('mandate-session');
    expect(save.formatVersion).toBe(2);
    expect(SAVE_FORMAT_VERSION).toBe(2);
    expect(save.meta).toEqual({ id: 'run-1', label: 'Syndicate B', startedAt: 1000, parent: null, mode: 'facilitated' });
  });

  it('gives sensible defaults when the caller gives no meta, and setMeta changes it later', () => {
    const s = createSession(bundle, { seed: 3 });
    expect(s.save().meta).toMatchObject({ label: null, startedAt: null, parent: null, mode: 'solo' });
    expect(s.save().meta.id).toMatch(/^s-[0-9a-f]{8}$/);
    s.setMeta({ label: 'Course 4', id: 'abc' });
    expect(s.meta()).toMatchObject({ id: 'abc', label: 'Course 4' });
    const m = s.meta();
    m.label = 'mutated';
    expect(s.meta().label).toBe('Course 4');
    s.stop();
  });

  it('a v2 save round-trips through JSON and parseSave, and replay keeps its meta', () => {
    const save = played();
    const { save: back, problems } = parseSave(JSON.parse(JSON.stringify(save)));
    expect(problems).toEqual([]);
    expect(back).toEqual(save);
    const { session, problems: rp } = replaySession(bundle, back!);
    expect(rp).toEqual([]);
    expect(session.save()).toEqual(save);
    session.stop();
  });

  it('refuses a newer format with a plain message, and reports meta problems field by field', () => {
    const newer = parseSave({ ...played(), formatVersion: 3 });
    expect(newer.save).toBeUndefined();
    expect(newer.problems).toEqual([{ field: 'formatVersion', message: expect.stringContaining('newer version of Mandate') }]);
    const bad = parseSave({ ...played(), meta: { id: '', label: 5, startedAt: 'yesterday', parent: { id: 'p', seq: -1 }, mode: 'party' } });
    expect(bad.problems.map((p) => p.field)).toEqual(['meta.id', 'meta.label', 'meta.startedAt', 'meta.parent.seq', 'meta.mode']);
    expect(parseSave({ ...played(), meta: undefined }).problems.map((p) => p.field)).toEqual(['meta']);
    expect(parseSave({ ...played(), formatVersion: 1.5 }).problems.map((p) => p.field)).toEqual(['formatVersion']);
    expect(parseSave({ ...played(), formatVersion: 0 }).problems.map((p) => p.field)).toEqual(['formatVersion']);
  });
});

describe('annotation events', () => {
  it('are logged and replayed but change nothing in the game state', () => {
    const a = createSession(bundle, { seed: 5 });
    const b = createSession(bundle, { seed: 5 });
    a.send('room.vote', { node: 'd1', tally: { deploy: 1 } });
    a.send('facilitator.note', { text: 'Pause here.' });
    const before = a.snapshot().context;
    const base = b.snapshot().context;
    expect({ ...before, seq: 0 }).toEqual({ ...base, seq: 0 });
    expect(before.seq).toBe(2);
    expect(a.log().map((e) => e.type)).toEqual(['room.vote', 'facilitator.note']);
    a.send('decision.choose', { node: 'd1', option: 'talk' });
    b.send('decision.choose', { node: 'd1', option: 'talk' });
    expect(a.snapshot().context.meters).toEqual(b.snapshot().context.meters);
    expect(a.snapshot().node).toBe(b.snapshot().node);
    expect(replay(bundle, a.save())).toEqual(a.snapshot());
    a.stop();
    b.stop();
  });

  it.each([
    ['a vote on another decision', 'room.vote', { node: 'd2', tally: { deploy: 1 } }, 'the current decision'],
    ['a vote for an unknown option', 'room.vote', { node: 'd1', tally: { nuke: 1 } }, 'no option "nuke"'],
    ['a negative count', 'room.vote', { node: 'd1', tally: { deploy: -1 } }, 'whole number'],
    ['a fractional count', 'room.vote', { node: 'd1', tally: { deploy: 1.5 } }, 'whole number'],
    ['an empty tally', 'room.vote', { node: 'd1', tally: {} }, 'at least one option'],
    ['a role voting for an unknown option', 'room.vote', { node: 'd1', tally: { deploy: 1 }, byRole: { fc: 'flee' } }, 'no option "flee"'],
    ['an empty role id', 'room.vote', { node: 'd1', tally: { deploy: 1 }, byRole: { '': 'deploy' } }, 'role id'],
    ['a tally that is not numbers', 'room.vote', { node: 'd1', tally: { deploy: '3' } }, 'malformed'],
    ['an empty facilitator note', 'facilitator.note', { text: '   ' }, '1 to 2000'],
    ['a too-long facilitator note', 'facilitator.note', { text: 'x'.repeat(2001) }, '1 to 2000'],
    ['a facilitator note on an unknown node', 'facilitator.note', { text: 'hi', node: 'nowhere' }, 'unknown node'],
    ['a facilitator note without text', 'facilitator.note', { node: 'd1' }, 'malformed'],
  ] as const)('refuses %s, changing nothing', (_name, type, payload, reason) => {
    const s = createSession(bundle, { seed: 1 });
    const r = s.send(type, payload as Record<string, unknown>);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
    expect(s.log()).toEqual([]);
    expect(s.snapshot().context.seq).toBe(0);
    s.stop();
  });

  it('a prototype-looking key in a tally is just an unknown option', () => {
    const s = createSession(bundle, { seed: 1 });
    const r = s.send('room.vote', JSON.parse('{"node":"d1","tally":{"__proto__":1}}') as Record<string, unknown>);
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    s.stop();
  });
});

describe('forkSave()', () => {
  it('copies the log up to a seq, names its parent and replays to the state of that moment', () => {
    const save = played();
    const fork = forkSave(save, 2, 'run-1-fork');
    expect(fork.log.map((e) => e.seq)).toEqual([1, 2]);
    expect(fork.meta).toEqual({ id: 'run-1-fork', label: null, startedAt: null, parent: { id: 'run-1', seq: 2 }, mode: 'facilitated' });
    expect(parseSave(JSON.parse(JSON.stringify(fork))).problems).toEqual([]);
    const snap = replay(bundle, fork);
    expect(snap.node).toBe('d1'); // standing before the decision at seq 3: free to choose differently
    const { session } = replaySession(bundle, fork);
    expect(session.send('decision.choose', { node: 'd1', option: 'talk' }).ok).toBe(true);
    expect(session.save().meta.parent).toEqual({ id: 'run-1', seq: 2 });
    session.stop();
    expect(save.log).toHaveLength(4); // the parent is untouched
  });

  it('clamps the seq to the log', () => {
    const save = played();
    expect(forkSave(save, 99, 'f').meta.parent?.seq).toBe(4);
    expect(forkSave(save, -3, 'f').log).toEqual([]);
    expect(forkSave(save, Number.NaN, 'f').meta.parent?.seq).toBe(0);
  });
});

describe('stripFacilitatorOnly()', () => {
  it('withholds every facilitator note’s text and node, keeping seq numbering contiguous', () => {
    const save = played();
    const stripped = stripFacilitatorOnly(save);
    expect(stripped.log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(stripped.log[1]).toEqual({ seq: 2, type: 'facilitator.note', payload: { withheld: true }, at: null });
    expect(JSON.stringify(stripped)).not.toContain('ask the PC');
    expect(JSON.stringify(stripFacilitatorOnly(save.log))).not.toContain('ask the PC');
    expect(save.log[1]?.payload.text).toContain('ask the PC'); // the input is untouched
  });

  it('the stripped log still parses and replays to the same state', () => {
    const save = played();
    const stripped = stripFacilitatorOnly(save);
    expect(parseSave(JSON.parse(JSON.stringify(stripped))).problems).toEqual([]);
    expect(replay(bundle, stripped)).toEqual(replay(bundle, save));
    expect(replaySession(bundle, stripped).problems).toEqual([]);
  });

  it('keeps the room’s vote and the trainee’s own notes', () => {
    const stripped = stripFacilitatorOnly(played());
    expect(stripped.log[0]?.payload).toEqual({ node: 'd1', tally: { deploy: 3, talk: 2 }, byRole: { fc: 'deploy', pc: 'talk' } });
    expect(stripped.log[3]?.payload).toEqual({ text: 'We chose speed.' });
  });
});
