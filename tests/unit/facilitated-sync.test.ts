// The facilitated sync protocol (src/facilitated/sync.ts): console hub, presenter replica, gap
// detection and resync, stripping of facilitator-only material, the second-console claim, and the
// storage-event fallback — over fake channels, no browser.
import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/engine';
import {
  claimConsole,
  createConsoleHub,
  createReplica,
  parseSyncMessage,
  storageSyncChannel,
  toPublicLog,
  type ConsoleSource,
  type PresenterView,
  type StorageTransport,
  type SyncChannel,
  type SyncMessage,
} from '../../src/facilitated/sync';

/** A room of fake windows: what one posts, every other one receives (synchronously). */
function fakeRoom() {
  const members: { listeners: Set<(m: SyncMessage) => void>; open: boolean }[] = [];
  const sent: SyncMessage[] = [];
  let dropNext = 0;
  function join(): SyncChannel {
    const me = { listeners: new Set<(m: SyncMessage) => void>(), open: true };
    members.push(me);
    return {
      post(m) {
        // A structured clone, as BroadcastChannel does: nobody shares objects.
        const copy = JSON.parse(JSON.stringify(m)) as SyncMessage;
        sent.push(copy);
        if (dropNext > 0) {
          dropNext -= 1;
          return;
        }
        for (const other of members) if (other !== me && other.open) for (const l of [...other.listeners]) l(copy);
      },
      subscribe(l) {
        me.listeners.add(l);
        return () => me.listeners.delete(l);
      },
      close() {
        me.open = false;
      },
    };
  }
  return { join, sent, drop: (n: number) => (dropNext = n) };
}

const view = (patch: Partial<PresenterView> = {}): PresenterView => ({ screen: 'play', blank: false, countdown: null, spotlight: null, ...patch });
const entry = (seq: number, type: string, payload: Record<string, unknown>): LogEntry => ({ seq, type: type as LogEntry['type'], payload, at: 1000 + seq });
const SECRET = 'The FC cable says the battalion will not move north';

function consoleOf(room: ReturnType<typeof fakeRoom>, source: { current: ConsoleSource | null }) {
  return createConsoleHub(room.join(), { id: 'console-1', source: () => source.current });
}

function presenterOf(room: ReturnType<typeof fakeRoom>, id = 'presenter-1') {
  const channel = room.join();
  const replica = createReplica(id);
  channel.subscribe((m) => {
    const r = replica.receive(m);
    if (r.reply) channel.post(r.reply);
  });
  return { replica, say: (m: SyncMessage) => channel.post(m), channel };
}

function sessionWith(log: LogEntry[], id = 's1'): ConsoleSource {
  return { session: { id, scenarioId: 'kessrin', hash: 'h', seat: 'srsg', seed: 7, log }, view: view() };
}

describe('createConsoleHub() and createReplica()', () => {
  it('answers a presenter hello with the whole state, which the replica takes', () => {
    const room = fakeRoom();
    const source = { current: sessionWith([entry(1, 'adviser.consult', { node: 'n1', adviser: 'fc' })]) };
    consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    expect(p.replica.state.session?.log.map((e) => e.seq)).toEqual([1]);
    expect(p.replica.state.session?.seed).toBe(7);
  });

  it('sends only the new entries after each event, and the replica appends them in order', () => {
    const room = fakeRoom();
    const log = [entry(1, 'adviser.consult', { node: 'n1', adviser: 'fc' })];
    const source = { current: sessionWith(log) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    source.current = sessionWith([...log, entry(2, 'decision.choose', { node: 'n1', option: 'a' })]);
    hub.publish();
    const append = room.sent.at(-1);
    expect(append?.kind).toBe('append');
    expect(append?.kind === 'append' && append.entries.map((e) => e.seq)).toEqual([2]);
    expect(p.replica.state.session?.log.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('detects a gap by seq, asks for a resync and is whole again after it', () => {
    const room = fakeRoom();
    const log: LogEntry[] = [entry(1, 'note.add', { text: 'a' })];
    const source = { current: sessionWith(log) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    // The append carrying seq 2 is lost in transit.
    source.current = sessionWith([...log, entry(2, 'note.add', { text: 'b' })]);
    room.drop(1);
    hub.publish();
    expect(p.replica.state.session?.log).toHaveLength(1);
    // Seq 3 arrives: the replica sees the gap and asks; the console answers with the whole state.
    source.current = sessionWith([...source.current.session.log, entry(3, 'note.add', { text: 'c' })]);
    hub.publish();
    const kinds = room.sent.map((m) => m.kind);
    expect(kinds.slice(-3)).toEqual(['append', 'resync', 'state']);
    expect(room.sent.at(-2)).toMatchObject({ kind: 'resync', have: 1 });
    expect(p.replica.state.session?.log.map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('asks for a resync when an append names a session it does not hold, and ignores repeats', () => {
    const replica = createReplica('p');
    expect(replica.receive({ kind: 'append', sessionId: 'x', entries: [entry(1, 'note.add', { text: 'a' })], view: view() }).reply).toMatchObject({ kind: 'resync', have: 0 });
    replica.receive({ kind: 'state', session: sessionWith([entry(1, 'note.add', { text: 'a' })]).session, view: view() });
    const r = replica.receive({ kind: 'append', sessionId: 's1', entries: [entry(1, 'note.add', { text: 'a' }), entry(2, 'note.add', { text: 'b' })], view: view() });
    expect(r.reply).toBeNull();
    expect(replica.state.session?.log.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('refuses a state whose own log has a hole', () => {
    const replica = createReplica('p');
    const r = replica.receive({ kind: 'state', session: sessionWith([entry(1, 'note.add', { text: 'a' }), entry(3, 'note.add', { text: 'c' })]).session, view: view() });
    expect(r.reply?.kind).toBe('resync');
    expect(replica.state.session).toBeNull();
  });

  it('never posts a facilitator note’s text, in a state or an append, yet keeps its seq', () => {
    const room = fakeRoom();
    const log = [entry(1, 'facilitator.note', { text: SECRET, node: 'n1' })];
    const source = { current: sessionWith(log) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    source.current = sessionWith([...log, entry(2, 'facilitator.note', { text: `${SECRET} (2)`, node: null }), entry(3, 'note.add', { text: 'room rationale' })]);
    hub.publish();
    const wire = JSON.stringify(room.sent);
    expect(wire).not.toContain('battalion');
    expect(wire).toContain('room rationale');
    expect(p.replica.state.session?.log.map((e) => [e.seq, e.type, e.payload])).toEqual([
      [1, 'facilitator.note', { withheld: true }],
      [2, 'facilitator.note', { withheld: true }],
      [3, 'note.add', { text: 'room rationale' }],
    ]);
  });

  it('sends view changes (blank, countdown) without entries, and nothing when nothing changed', () => {
    const room = fakeRoom();
    const source = { current: sessionWith([]) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    const before = room.sent.length;
    hub.publish();
    expect(room.sent.length).toBe(before);
    source.current = { ...source.current, view: view({ blank: true, countdown: { totalMs: 60000, remainingMs: 30000, held: 'paused', warned: false } }) };
    hub.publish();
    expect(room.sent.at(-1)?.kind).toBe('view');
    expect(p.replica.state.view).toMatchObject({ blank: true, countdown: { held: 'paused' } });
  });

  it('starts over with a whole state when the console switches to another session', () => {
    const room = fakeRoom();
    const source = { current: sessionWith([entry(1, 'note.add', { text: 'a' })]) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    source.current = sessionWith([], 's2');
    hub.publish();
    expect(p.replica.state.session?.id).toBe('s2');
    expect(p.replica.state.session?.log).toEqual([]);
  });

  it('tells the replica when the console leaves, and takes it back when it returns', () => {
    const room = fakeRoom();
    const source = { current: sessionWith([]) };
    const hub = consoleOf(room, source);
    const p = presenterOf(room);
    p.say(p.replica.hello());
    hub.goodbye();
    expect(p.replica.state.consoleGone).toBe(true);
    hub.dispose();
    // The reloaded console: a new hub answers the presenter's next hello.
    consoleOf(room, source);
    p.say(p.replica.hello());
    expect(p.replica.state.consoleGone).toBe(false);
  });
});

describe('claimConsole()', () => {
  const now = () => Promise.resolve();

  it('is busy when a console of the same session is running, so the second one does not write', async () => {
    const room = fakeRoom();
    consoleOf(room, { current: sessionWith([]) });
    expect(await claimConsole(room.join(), { id: 'console-2', sessionId: 's1', waitMs: 300, wait: now })).toBe('busy');
  });

  it('is free when none runs, or when the running console has another session', async () => {
    const room = fakeRoom();
    expect(await claimConsole(room.join(), { id: 'console-2', sessionId: 's1', waitMs: 300, wait: now })).toBe('free');
    consoleOf(room, { current: sessionWith([], 'other') });
    expect(await claimConsole(room.join(), { id: 'console-3', sessionId: 's1', waitMs: 300, wait: now })).toBe('free');
  });
});

describe('parseSyncMessage()', () => {
  it('accepts well-formed messages and rejects the rest', () => {
    expect(parseSyncMessage({ kind: 'hello', from: 'p' })).toEqual({ kind: 'hello', from: 'p' });
    expect(parseSyncMessage({ kind: 'hello' })).toBeNull();
    expect(parseSyncMessage({ kind: 'append', sessionId: 's', entries: [{ seq: 0, type: 'x', payload: {}, at: null }], view: view() })).toBeNull();
    expect(parseSyncMessage({ kind: 'view', sessionId: 's', view: { screen: 'play', blank: 'yes', countdown: null } })).toBeNull();
    expect(parseSyncMessage({ kind: 'view', sessionId: 's', view: { ...view(), spotlight: 'everything' } })).toBeNull();
    expect(parseSyncMessage({ kind: 'key', from: 'p', key: 'next' })).toEqual({ kind: 'key', from: 'p', key: 'next' });
    expect(parseSyncMessage({ kind: 'key', from: 'p', key: 'decide' })).toBeNull();
    expect(parseSyncMessage('<script>')).toBeNull();
    expect(parseSyncMessage({ kind: 'unknown' })).toBeNull();
  });
});

describe('toPublicLog()', () => {
  it('withholds facilitator notes and copies everything else unchanged', () => {
    const log = [entry(1, 'facilitator.note', { text: SECRET, node: 'n1' }), entry(2, 'room.vote', { node: 'n1', tally: { a: 3 } })];
    expect(toPublicLog(log)).toEqual([
      { seq: 1, type: 'facilitator.note', payload: { withheld: true }, at: 1001 },
      { seq: 2, type: 'room.vote', payload: { node: 'n1', tally: { a: 3 } }, at: 1002 },
    ]);
    expect(log[0]?.payload.text).toBe(SECRET);
  });
});

describe('storageSyncChannel()', () => {
  it('carries messages between windows through storage events, and drops malformed ones', () => {
    const listeners: ((e: { key: string | null; newValue: string | null }) => void)[] = [];
    const transport = (): StorageTransport => ({
      storage: {
        setItem: (key, value) => {
          for (const l of listeners) if (!mine.has(l)) l({ key, newValue: value });
        },
        removeItem: () => undefined,
      },
      addEventListener: (_t, l) => void listeners.push(l),
      removeEventListener: () => undefined,
    });
    const mine = new Set<(e: { key: string | null; newValue: string | null }) => void>();
    const a = storageSyncChannel(transport());
    const aListener = listeners.at(-1)!;
    const b = storageSyncChannel(transport());
    const got: SyncMessage[] = [];
    b.subscribe((m) => got.push(m));
    mine.add(aListener); // the writer's own window gets no storage event
    a.post({ kind: 'hello', from: 'p' });
    listeners.at(-1)!({ key: 'mandate-facilitated:message', newValue: '{not json' });
    listeners.at(-1)!({ key: 'mandate-facilitated:message', newValue: JSON.stringify({ message: { kind: 'hello' } }) });
    expect(got).toEqual([{ kind: 'hello', from: 'p' }]);
  });
});
