// What the room did, read from a facilitated session's log (src/facilitated/room-record.ts), and the
// console's own state (src/store/facilitated-console.ts): blank, spotlight, reveals kept over a reload.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/engine';
import { roomRecord, voters } from '../../src/facilitated/room-record';
import { createFacilitatedConsoleStore } from '../../src/store/facilitated-console';
import { fixtureBundle } from './store-fixture';

const e = (seq: number, type: string, payload: Record<string, unknown>): LogEntry => ({ seq, type: type as LogEntry['type'], payload, at: seq });

describe('roomRecord()', () => {
  it('groups votes, the room’s reasons and the facilitator’s notes by the decision they were made at', () => {
    const log = [
      e(1, 'note.add', { text: 'We need to know more first.' }),
      e(2, 'room.vote', { node: 'warn', tally: { deploy: 7, talk: 4 }, byRole: { fc: 'deploy' } }),
      e(3, 'facilitator.note', { text: 'FC dominated', node: 'warn' }),
      e(4, 'decision.choose', { node: 'warn', option: 'deploy' }),
      e(5, 'facilitator.note', { text: 'Quieter now' }),
      e(6, 'decision.timeout', { node: 'second' }),
      e(7, 'facilitator.note', { text: 'Debrief: ask about consent' }),
    ];
    const r = roomRecord(fixtureBundle(), log);
    expect(r.map((d) => d.node)).toEqual(['warn', 'second', '']);
    expect(r[0]).toMatchObject({ title: 'The group advances', chosen: { option: 'deploy', label: 'Deploy the battalion' }, rationales: [{ text: 'We need to know more first.' }], facilitatorNotes: [{ text: 'FC dominated' }] });
    expect(r[0]?.votes[0]).toMatchObject({ tally: { deploy: 7, talk: 4 }, byRole: { fc: 'deploy' } });
    expect(voters(r[0]!.votes[0]!)).toBe(11);
    expect(r[1]).toMatchObject({ chosen: { option: 'timeout', label: 'Paralysis' }, facilitatorNotes: [{ text: 'Quieter now' }] });
    expect(r[2]?.facilitatorNotes.map((n) => n.text)).toEqual(['Debrief: ask about consent']);
  });

  it('skips withheld notes (a presenter’s copy of the log) and returns nothing for a silent log', () => {
    expect(roomRecord(fixtureBundle(), [e(1, 'facilitator.note', { withheld: true })])).toEqual([]);
  });
});

describe('createFacilitatedConsoleStore()', () => {
  function memory() {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
  }

  it('steps the spotlight through the decision and out again, toggles the blank, and keeps both over a reload', () => {
    const storage = memory();
    const a = createFacilitatedConsoleStore('s1', storage);
    const act = a.getState().actions;
    act.step(1);
    expect(a.getState().spotlight).toBe('situation');
    act.step(1);
    act.step(1);
    act.step(1);
    expect(a.getState().spotlight).toBe('feed');
    act.step(1);
    expect(a.getState().spotlight).toBeNull();
    act.step(-1);
    expect(a.getState().spotlight).toBe('feed');
    act.toggleBlank();
    act.reveal('fc-cable');
    act.reveal('fc-cable');
    const b = createFacilitatedConsoleStore('s1', storage);
    expect(b.getState()).toMatchObject({ blank: true, spotlight: 'feed', revealed: ['fc-cable'] });
    expect(createFacilitatedConsoleStore('s2', storage).getState()).toMatchObject({ blank: false, spotlight: null, revealed: [] });
  });

  it('starts clean from damaged storage', () => {
    const storage = memory();
    storage.setItem('mandate.console.s1', '{"blank":"yes","spotlight":"everything","revealed":[1,"x"]}');
    expect(createFacilitatedConsoleStore('s1', storage).getState()).toMatchObject({ blank: false, spotlight: null, revealed: ['x'] });
  });
});
