/**
 * The facilitated-play sync protocol between the console window (the only writer) and the
 * presenter window (a read-only replica), as DESIGN §5 describes. Pure: no DOM, no timers of its
 * own; the transport is a `SyncChannel` (BroadcastChannel or a storage-event fallback in the browser,
 * a fake in tests).
 *
 * - The presenter says `hello` when it opens; the console answers with the whole `state`.
 * - After each accepted event the console sends an `append` with the entries the presenter lacks.
 *   The replica checks sequence numbers: a gap (or an unknown session) makes it ask for a `resync`.
 * - Facilitator-only material is removed before anything is posted (`toPublicLog`): facilitator
 *   notes keep their seq but lose their text, so the replica sees no gap and no secret.
 * - A second console of the same session posts `claim`; a running console answers `busy`, and the
 *   newcomer does not write.
 */
import type { LogEntry } from '../engine';

export const SYNC_CHANNEL_NAME = 'mandate-facilitated';
/** Messages larger than this are ignored (a real session's log is a few dozen small entries). */
export const MAX_MESSAGE_ENTRIES = 5000;

/** Event types whose payload is for the facilitator alone. */
const FACILITATOR_ONLY_TYPES: readonly string[] = ['facilitator.note'];

/** The countdown as the room sees it. */
export interface PublicCountdown {
  totalMs: number;
  remainingMs: number;
  /** Paused by the facilitator, or switched off for this decision. */
  held: 'paused' | 'off' | null;
  warned: boolean;
}

/** The part of the decision the facilitator points the room to (Page Up/Down on a clicker). */
export type Spotlight = 'situation' | 'advisers' | 'options' | 'feed';
export const SPOTLIGHTS: readonly Spotlight[] = ['situation', 'advisers', 'options', 'feed'];

/** What the presenter shows besides the game state. */
export interface PresenterView {
  screen: 'briefing' | 'play' | 'debrief' | 'other';
  /** The facilitator blanked the projector. */
  blank: boolean;
  countdown: PublicCountdown | null;
  spotlight: Spotlight | null;
}

/** A clicker key pressed in the presenter window, passed to the console (the only writer) to act on. */
export type ClickerKey = 'next' | 'previous' | 'blank';

/** A session as the presenter may know it: everything it needs to replay, nothing facilitator-only. */
export interface PublicSession {
  id: string;
  scenarioId: string;
  hash: string;
  seat: string;
  seed: number;
  log: LogEntry[];
}

export type SyncMessage =
  | { kind: 'hello'; from: string }
  | { kind: 'resync'; from: string; have: number }
  | { kind: 'state'; session: PublicSession; view: PresenterView }
  | { kind: 'append'; sessionId: string; entries: LogEntry[]; view: PresenterView }
  | { kind: 'view'; sessionId: string; view: PresenterView }
  | { kind: 'bye'; sessionId: string }
  | { kind: 'claim'; from: string; sessionId: string }
  | { kind: 'busy'; from: string; to: string; sessionId: string }
  | { kind: 'key'; from: string; key: ClickerKey };

export interface SyncChannel {
  post(message: SyncMessage): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: (message: SyncMessage) => void): () => void;
  close(): void;
}

/** A log entry safe for the room: facilitator notes keep their seq and type but carry no text. */
export function toPublicEntry(entry: LogEntry): LogEntry {
  if (FACILITATOR_ONLY_TYPES.includes(entry.type)) return { seq: entry.seq, type: entry.type, payload: { withheld: true }, at: entry.at };
  return { seq: entry.seq, type: entry.type, payload: { ...entry.payload }, at: entry.at };
}

export function toPublicLog(log: readonly LogEntry[]): LogEntry[] {
  return log.map(toPublicEntry);
}

// ---- validating what arrives ------------------------------------------------------------------

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isEntry(v: unknown): v is LogEntry {
  return isObj(v) && Number.isInteger(v.seq) && (v.seq as number) > 0 && isStr(v.type) && isObj(v.payload) && (v.at === null || isNum(v.at));
}

function isEntries(v: unknown): v is LogEntry[] {
  return Array.isArray(v) && v.length <= MAX_MESSAGE_ENTRIES && v.every(isEntry);
}

function isView(v: unknown): v is PresenterView {
  if (!isObj(v) || typeof v.blank !== 'boolean' || !['briefing', 'play', 'debrief', 'other'].includes(v.screen as string)) return false;
  if (v.spotlight !== null && !SPOTLIGHTS.includes(v.spotlight as Spotlight)) return false;
  const c = v.countdown;
  if (c === null) return true;
  return isObj(c) && isNum(c.totalMs) && isNum(c.remainingMs) && typeof c.warned === 'boolean' && (c.held === null || c.held === 'paused' || c.held === 'off');
}

function isSession(v: unknown): v is PublicSession {
  return isObj(v) && isStr(v.id) && isStr(v.scenarioId) && isStr(v.hash) && isStr(v.seat) && isNum(v.seed) && isEntries(v.log);
}

/** A message from another window, checked field by field; anything else is null (and ignored). */
export function parseSyncMessage(data: unknown): SyncMessage | null {
  if (!isObj(data)) return null;
  switch (data.kind) {
    case 'hello':
      return isStr(data.from) ? { kind: 'hello', from: data.from } : null;
    case 'resync':
      return isStr(data.from) && isNum(data.have) ? { kind: 'resync', from: data.from, have: data.have } : null;
    case 'state':
      return isSession(data.session) && isView(data.view) ? { kind: 'state', session: data.session, view: data.view } : null;
    case 'append':
      return isStr(data.sessionId) && isEntries(data.entries) && isView(data.view) ? { kind: 'append', sessionId: data.sessionId, entries: data.entries, view: data.view } : null;
    case 'view':
      return isStr(data.sessionId) && isView(data.view) ? { kind: 'view', sessionId: data.sessionId, view: data.view } : null;
    case 'bye':
      return isStr(data.sessionId) ? { kind: 'bye', sessionId: data.sessionId } : null;
    case 'claim':
      return isStr(data.from) && isStr(data.sessionId) ? { kind: 'claim', from: data.from, sessionId: data.sessionId } : null;
    case 'busy':
      return isStr(data.from) && isStr(data.to) && isStr(data.sessionId) ? { kind: 'busy', from: data.from, to: data.to, sessionId: data.sessionId } : null;
    case 'key':
      return isStr(data.from) && (data.key === 'next' || data.key === 'previous' || data.key === 'blank') ? { kind: 'key', from: data.from, key: data.key } : null;
    default:
      return null;
  }
}

// ---- the console side -----------------------------------------------------------------------------

/** What the console publishes: the raw session (stripped here, before sending) and the room's view. */
export interface ConsoleSource {
  session: PublicSession;
  view: PresenterView;
}

export interface ConsoleHub {
  /** Sends what changed since the last call (new entries, or a new view). Call after every store change. */
  publish(): void;
  /** Tells presenters the console is leaving (they show that they wait for it). */
  goodbye(): void;
  dispose(): void;
}

function sameView(a: PresenterView | null, b: PresenterView): boolean {
  if (!a || a.screen !== b.screen || a.blank !== b.blank || a.spotlight !== b.spotlight) return false;
  const x = a.countdown;
  const y = b.countdown;
  if (!x || !y) return x === y;
  return x.totalMs === y.totalMs && x.remainingMs === y.remainingMs && x.held === y.held && x.warned === y.warned;
}

/**
 * The console's end: answers hellos and resyncs with the whole (stripped) state, sends appends and
 * view changes, and tells a second console of the same session that this one is running.
 */
export function createConsoleHub(channel: SyncChannel, opts: { id: string; source: () => ConsoleSource | null }): ConsoleHub {
  let sentSession: string | null = null;
  let sentSeq = 0;
  let sentView: PresenterView | null = null;

  function sendState(): void {
    const src = opts.source();
    if (!src) return;
    channel.post({ kind: 'state', session: { ...src.session, log: toPublicLog(src.session.log) }, view: src.view });
    sentSession = src.session.id;
    sentSeq = src.session.log.at(-1)?.seq ?? 0;
    sentView = src.view;
  }

  const unsubscribe = channel.subscribe((msg) => {
    if (msg.kind === 'hello' || msg.kind === 'resync') sendState();
    else if (msg.kind === 'claim' && msg.from !== opts.id && msg.sessionId === opts.source()?.session.id) {
      channel.post({ kind: 'busy', from: opts.id, to: msg.from, sessionId: msg.sessionId });
    }
  });

  return {
    publish() {
      const src = opts.source();
      if (!src) return;
      if (src.session.id !== sentSession) {
        sendState();
        return;
      }
      const lastSeq = src.session.log.at(-1)?.seq ?? 0;
      if (lastSeq < sentSeq) {
        // The log got shorter (never in play; an authoring rebuild): start over.
        sendState();
        return;
      }
      if (lastSeq > sentSeq) {
        const entries = toPublicLog(src.session.log.filter((e) => e.seq > sentSeq));
        channel.post({ kind: 'append', sessionId: src.session.id, entries, view: src.view });
        sentSeq = lastSeq;
        sentView = src.view;
        return;
      }
      if (!sameView(sentView, src.view)) {
        channel.post({ kind: 'view', sessionId: src.session.id, view: src.view });
        sentView = src.view;
      }
    },
    goodbye() {
      if (sentSession) channel.post({ kind: 'bye', sessionId: sentSession });
    },
    dispose() {
      unsubscribe();
    },
  };
}

/**
 * Asks whether another console already runs this session. Resolves 'busy' when one answers within
 * `waitMs`, else 'free'. `wait` is injected (setTimeout in the browser) so tests control time.
 */
export function claimConsole(
  channel: SyncChannel,
  opts: { id: string; sessionId: string; waitMs: number; wait: (ms: number) => Promise<void> },
): Promise<'free' | 'busy'> {
  let busy = false;
  const unsubscribe = channel.subscribe((msg) => {
    if (msg.kind === 'busy' && msg.to === opts.id && msg.sessionId === opts.sessionId) busy = true;
  });
  channel.post({ kind: 'claim', from: opts.id, sessionId: opts.sessionId });
  return opts.wait(opts.waitMs).then(() => {
    unsubscribe();
    return busy ? 'busy' : 'free';
  });
}

// ---- the presenter side -------------------------------------------------------------------------

export interface ReplicaState {
  session: PublicSession | null;
  view: PresenterView | null;
  /** The console said goodbye (closed or reloading); the replica waits for it. */
  consoleGone: boolean;
}

export interface ReplicaResult {
  /** The state changed (re-render). */
  changed: boolean;
  /** A message to send back (a resync after a gap). */
  reply: SyncMessage | null;
}

export interface Replica {
  readonly state: ReplicaState;
  /** Applies one message from the console. */
  receive(message: SyncMessage): ReplicaResult;
  /** The greeting to send when the window opens (and again while no state has arrived). */
  hello(): SyncMessage;
}

/** The presenter's read-only copy: it only ever takes whole states or contiguous appends. */
export function createReplica(id: string): Replica {
  let state: ReplicaState = { session: null, view: null, consoleGone: false };
  const lastSeq = () => state.session?.log.at(-1)?.seq ?? 0;
  const resync = (): ReplicaResult => ({ changed: false, reply: { kind: 'resync', from: id, have: lastSeq() } });

  return {
    get state() {
      return state;
    },
    hello: () => ({ kind: 'hello', from: id }),
    receive(msg) {
      switch (msg.kind) {
        case 'state': {
          // A state is whole only when its own seqs run 1, 2, 3…
          if (!msg.session.log.every((e, i) => e.seq === i + 1)) return resync();
          state = { session: { ...msg.session, log: toPublicLog(msg.session.log) }, view: msg.view, consoleGone: false };
          return { changed: true, reply: null };
        }
        case 'append': {
          if (!state.session || state.session.id !== msg.sessionId) return resync();
          const log = [...state.session.log];
          for (const e of msg.entries) {
            const last = log.at(-1)?.seq ?? 0;
            if (e.seq <= last) continue; // already have it (a repeated message)
            if (e.seq !== last + 1) return resync(); // a gap: something was missed
            log.push(toPublicEntry(e));
          }
          state = { session: { ...state.session, log }, view: msg.view, consoleGone: false };
          return { changed: true, reply: null };
        }
        case 'view': {
          if (!state.session || state.session.id !== msg.sessionId) return resync();
          state = { ...state, view: msg.view, consoleGone: false };
          return { changed: true, reply: null };
        }
        case 'bye': {
          if (!state.session || state.session.id !== msg.sessionId) return { changed: false, reply: null };
          state = { ...state, consoleGone: true };
          return { changed: true, reply: null };
        }
        default:
          return { changed: false, reply: null };
      }
    },
  };
}

// ---- transports ----------------------------------------------------------------------------------

/** A BroadcastChannel carrying checked messages. */
export function broadcastSyncChannel(name: string = SYNC_CHANNEL_NAME): SyncChannel {
  const bc = new BroadcastChannel(name);
  const listeners = new Set<(m: SyncMessage) => void>();
  bc.onmessage = (event: MessageEvent) => {
    const msg = parseSyncMessage(event.data);
    if (msg) for (const l of [...listeners]) l(msg);
  };
  return {
    post: (m) => bc.postMessage(m),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => bc.close(),
  };
}

/** The minimum of Window and Storage the storage-event fallback needs (fakes in tests). */
export interface StorageTransport {
  storage: Pick<Storage, 'setItem' | 'removeItem'>;
  addEventListener(type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void): void;
  removeEventListener(type: 'storage', listener: (event: { key: string | null; newValue: string | null }) => void): void;
}

/**
 * The fallback where BroadcastChannel is missing: each message is written to localStorage under one
 * key (with a nonce so repeats still change the value); other windows of the origin get a `storage`
 * event. The writer's own window gets none, as with BroadcastChannel.
 */
export function storageSyncChannel(transport: StorageTransport, name: string = SYNC_CHANNEL_NAME, nonce: () => string = () => String(Math.random())): SyncChannel {
  const key = `${name}:message`;
  const listeners = new Set<(m: SyncMessage) => void>();
  const onStorage = (event: { key: string | null; newValue: string | null }) => {
    if (event.key !== key || !event.newValue) return;
    let data: unknown;
    try {
      data = (JSON.parse(event.newValue) as { message?: unknown }).message;
    } catch {
      return;
    }
    const msg = parseSyncMessage(data);
    if (msg) for (const l of [...listeners]) l(msg);
  };
  transport.addEventListener('storage', onStorage);
  return {
    post(m) {
      try {
        transport.storage.setItem(key, JSON.stringify({ nonce: nonce(), message: m }));
        transport.storage.removeItem(key);
      } catch {
        // Storage full or refused: the presenter asks again (hello/resync) and gets a whole state.
      }
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    close: () => transport.removeEventListener('storage', onStorage),
  };
}

/** BroadcastChannel where the browser has it, else the storage-event fallback. */
export function openSyncChannel(): SyncChannel {
  if (typeof BroadcastChannel === 'function') return broadcastSyncChannel();
  return storageSyncChannel({
    storage: localStorage,
    addEventListener: (t, l) => window.addEventListener(t, l),
    removeEventListener: (t, l) => window.removeEventListener(t, l),
  });
}
