/**
 * Saved sessions. Each session is one record (the engine's SessionSave plus the countdown record
 * beside it, never inside the log) under its own key, so two sessions never overwrite each other.
 *
 * - The storage itself is an injectable adapter: IndexedDB in the browser (raw API, no dependency),
 *   an in-memory map where IndexedDB is unavailable and in tests.
 * - Writes go through one queue, in order; `write()` resolves when the record is committed, so the
 *   store can await it before acknowledging the next event.
 * - A Web Lock per session (navigator.locks where available) keeps a second tab from writing it.
 * - A record that cannot be read is reported with its problems and kept, never deleted silently.
 */
import { parseSave, type SessionSave } from '../engine';
import type { CountdownMode, CountdownRecord } from './types';

export const RECORD_FORMAT = 'mandate-record';
/**
 * 2: the record says how the session ended, when it started and which session it was forked from,
 * so the sessions list can show them without replaying every log.
 */
export const RECORD_VERSION = 2;

export interface SavedRecord {
  format: typeof RECORD_FORMAT;
  formatVersion: number;
  id: string;
  title: string;
  savedAt: number;
  done: boolean;
  save: SessionSave;
  countdown: CountdownRecord | null;
  playedCountdownMode: CountdownMode;
  /** The ending reached (an ending id), or null while unfinished or unknown (a record migrated from v1). */
  ending: string | null;
  /** Wall-clock ms when the session began, when known. */
  startedAt: number | null;
  /** A fork ("the road not taken"): the session it was forked from and the last event replayed from it. */
  parent: { id: string; seq: number } | null;
}

/**
 * Numbered migrations of a stored record, each from version n to n + 1. They take and return plain
 * data (the record is checked field by field afterwards), and each is tested on its own.
 */
export const RECORD_MIGRATIONS: Record<number, (v: Record<string, unknown>) => Record<string, unknown>> = {
  /** v1 → v2: no ending recorded (unknown until played again), the start from the first stamped event, no parent. */
  1: (v) => {
    const save = v.save as { log?: unknown } | undefined;
    const log = Array.isArray(save?.log) ? (save.log as { at?: unknown }[]) : [];
    const firstAt = log.find((e) => typeof e?.at === 'number')?.at;
    return { ...v, formatVersion: 2, ending: null, startedAt: typeof firstAt === 'number' ? firstAt : null, parent: null };
  },
};

/** Brings a stored record up to RECORD_VERSION; records from a newer game are left as they are (and refused). */
export function migrateRecord(value: Record<string, unknown>): Record<string, unknown> {
  let v = value;
  while (typeof v.formatVersion === 'number' && v.formatVersion < RECORD_VERSION) {
    const step = RECORD_MIGRATIONS[v.formatVersion];
    if (!step) break;
    v = step(v);
  }
  return v;
}

const parentOf = (p: unknown): { id: string; seq: number } | null => {
  if (typeof p !== 'object' || p === null) return null;
  const { id, seq } = p as Record<string, unknown>;
  return typeof id === 'string' && id.length > 0 && id.length <= 200 && typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? { id, seq } : null;
};

export type StoredEntry = { id: string; record: SavedRecord } | { id: string; raw: unknown; problems: string[] };

export interface StorageAdapter {
  readonly kind: 'indexeddb' | 'memory';
  getAll(): Promise<{ key: string; value: unknown }[]>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface Persistence {
  readonly kind: 'indexeddb' | 'memory';
  list(): Promise<StoredEntry[]>;
  /** Queues a write; resolves once it (and every earlier write) is committed. */
  write(record: SavedRecord): Promise<void>;
  /**
   * Starts a write at once, bypassing the queue (pagehide: the transaction must be created before
   * the page goes away). IndexedDB commits read-write transactions on one store in creation order,
   * so it still lands after every queued write that started before it.
   */
  writeNow(record: SavedRecord): Promise<void>;
  remove(id: string): Promise<void>;
  /** Takes the session's lock; false when another tab holds it. */
  lock(id: string): Promise<boolean>;
  unlock(id: string): void;
}

/** Minimal shape of navigator.locks used here (injectable for tests). */
export interface LockProvider {
  request(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<unknown>): Promise<unknown>;
}

const KEY_PREFIX = 'session:';

/** Checks an untrusted stored record field by field. */
export function readRecord(key: string, value: unknown): StoredEntry {
  const id = key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key;
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id, raw: value, problems: ['not an object'] };
  }
  const v = migrateRecord(value as Record<string, unknown>);
  if (v.format !== RECORD_FORMAT) problems.push(`format: expected "${RECORD_FORMAT}"`);
  if (typeof v.formatVersion !== 'number' || v.formatVersion > RECORD_VERSION) problems.push('formatVersion: unreadable');
  if (typeof v.id !== 'string') problems.push('id: expected text');
  const parsed = parseSave(v.save);
  for (const p of parsed.problems) problems.push(`save.${p.field}: ${p.message}`);
  const c = v.countdown as Record<string, unknown> | null | undefined;
  const countdownOk =
    c === null ||
    c === undefined ||
    (typeof c === 'object' &&
      typeof c.nodeId === 'string' &&
      typeof c.totalMs === 'number' &&
      typeof c.remainingMs === 'number' &&
      (c.mode === 'normal' || c.mode === 'extended'));
  if (!countdownOk) problems.push('countdown: unreadable');
  if (problems.length || !parsed.save) return { id, raw: value, problems };
  const mode = v.playedCountdownMode;
  // The save's meta is the authority; the record's copy covers a record migrated from version 1.
  const meta = parsed.save.meta;
  const startedAt = meta.startedAt ?? (typeof v.startedAt === 'number' ? v.startedAt : null);
  return {
    id,
    record: {
      format: RECORD_FORMAT,
      formatVersion: RECORD_VERSION,
      id: v.id as string,
      title: typeof v.title === 'string' ? v.title : parsed.save.scenario.id,
      savedAt: typeof v.savedAt === 'number' ? v.savedAt : 0,
      done: v.done === true,
      save: parsed.save,
      countdown: (c ?? null) as CountdownRecord | null,
      playedCountdownMode: mode === 'off' || mode === 'normal' || mode === 'extended' ? mode : 'normal',
      ending: typeof v.ending === 'string' && v.ending.length <= 200 ? v.ending : null,
      startedAt,
      parent: meta.parent ? { ...meta.parent } : parentOf(v.parent),
    },
  };
}

export function createPersistence(adapter: StorageAdapter, opts: { locks?: LockProvider | null } = {}): Persistence {
  let queue: Promise<void> = Promise.resolve();
  const releases = new Map<string, () => void>();
  const locks = opts.locks ?? null;

  const enqueue = (job: () => Promise<void>): Promise<void> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    kind: adapter.kind,
    async list() {
      await queue;
      const rows = await adapter.getAll();
      return rows.filter((r) => r.key.startsWith(KEY_PREFIX)).map((r) => readRecord(r.key, r.value));
    },
    write(record) {
      // Clone now, so later changes to the live objects cannot leak into a queued write.
      const copy = JSON.parse(JSON.stringify(record)) as SavedRecord;
      return enqueue(() => adapter.put(KEY_PREFIX + record.id, copy));
    },
    writeNow(record) {
      const copy = JSON.parse(JSON.stringify(record)) as SavedRecord;
      const started = adapter.put(KEY_PREFIX + record.id, copy);
      queue = queue.then(() => started.catch(() => undefined));
      return started;
    },
    remove(id) {
      return enqueue(() => adapter.delete(KEY_PREFIX + id));
    },
    async lock(id) {
      if (!locks) return true;
      if (releases.has(id)) return true;
      return new Promise<boolean>((resolve) => {
        locks
          .request(`mandate-session:${id}`, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return Promise.resolve();
            }
            return new Promise<void>((release) => {
              releases.set(id, release);
              resolve(true);
            });
          })
          .catch(() => resolve(true));
      });
    },
    unlock(id) {
      const release = releases.get(id);
      releases.delete(id);
      release?.();
    },
  };
}

export function createMemoryAdapter(initial: Record<string, unknown> = {}): StorageAdapter & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>(Object.entries(initial));
  return {
    kind: 'memory',
    data,
    async getAll() {
      return [...data.entries()].map(([key, value]) => ({ key, value: structuredClone(value) }));
    },
    async put(key, value) {
      data.set(key, structuredClone(value));
    },
    async delete(key) {
      data.delete(key);
    },
  };
}

const DB_NAME = 'mandate';
const STORE = 'sessions';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens the IndexedDB store; rejects when IndexedDB is unavailable or blocked. */
export async function openIndexedDbAdapter(factory: IDBFactory | undefined = globalThis.indexedDB): Promise<StorageAdapter> {
  if (!factory) throw new Error('IndexedDB is not available');
  const open = factory.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  const db = await promised(open);
  const tx = (mode: IDBTransactionMode) => db.transaction(STORE, mode);
  const done = (t: IDBTransaction): Promise<void> =>
    new Promise((resolve, reject) => {
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error ?? new Error('IndexedDB transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
    });
  return {
    kind: 'indexeddb',
    async getAll() {
      const t = tx('readonly');
      const store = t.objectStore(STORE);
      const [keys, values] = await Promise.all([promised(store.getAllKeys()), promised(store.getAll())]);
      return keys.map((key, i) => ({ key: String(key), value: values[i] as unknown }));
    },
    async put(key, value) {
      const t = tx('readwrite');
      t.objectStore(STORE).put(value, key);
      await done(t);
    },
    async delete(key) {
      const t = tx('readwrite');
      t.objectStore(STORE).delete(key);
      await done(t);
    },
  };
}

/** IndexedDB when it works, else memory (the store then shows a warning). */
export async function openBestAdapter(): Promise<StorageAdapter> {
  try {
    return await openIndexedDbAdapter();
  } catch {
    return createMemoryAdapter();
  }
}

export function browserLocks(): LockProvider | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks as unknown as LockProvider) : null;
}

/**
 * A synchronous copy of each session's countdown (localStorage in the browser). IndexedDB writes
 * are asynchronous and may not finish when the page is closed; this one always does, so a reload
 * resumes the countdown to within a second.
 */
export interface CountdownStash {
  save(sessionId: string, record: CountdownRecord | null, at: number): void;
  load(sessionId: string): { record: CountdownRecord | null; at: number } | null;
  remove(sessionId: string): void;
}

const STASH_PREFIX = 'mandate.countdown.';

export function localCountdownStash(): CountdownStash {
  const storage = (() => {
    try {
      return globalThis.localStorage ?? null;
    } catch {
      return null;
    }
  })();
  return {
    save(id, record, at) {
      try {
        storage?.setItem(STASH_PREFIX + id, JSON.stringify({ record, at }));
      } catch {
        // Full or blocked: the IndexedDB copy still exists.
      }
    },
    load(id) {
      try {
        const text = storage?.getItem(STASH_PREFIX + id);
        if (!text) return null;
        const data = JSON.parse(text) as { record?: unknown; at?: unknown };
        const r = data.record as Record<string, unknown> | null;
        const ok =
          r === null ||
          (typeof r === 'object' &&
            typeof r.nodeId === 'string' &&
            typeof r.totalMs === 'number' &&
            typeof r.remainingMs === 'number' &&
            (r.mode === 'normal' || r.mode === 'extended'));
        return ok && typeof data.at === 'number' ? { record: r as CountdownRecord | null, at: data.at } : null;
      } catch {
        return null;
      }
    },
    remove(id) {
      try {
        storage?.removeItem(STASH_PREFIX + id);
      } catch {
        // Nothing to do.
      }
    },
  };
}

export function memoryCountdownStash(): CountdownStash {
  const data = new Map<string, { record: CountdownRecord | null; at: number }>();
  return {
    save: (id, record, at) => void data.set(id, { record: record ? { ...record } : null, at }),
    load: (id) => data.get(id) ?? null,
    remove: (id) => void data.delete(id),
  };
}
