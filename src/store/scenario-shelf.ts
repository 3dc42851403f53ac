/**
 * Scenario files an instructor opened on this device ("Imported on this device"). Each is kept as
 * its YAML source text — the bundle is always recompiled from it by the current build's compiler, so
 * a newer build never plays a stale compiled copy — plus the library entry last compiled from it,
 * so the library can list it without loading the compiler on the first screen.
 *
 * It shares the sessions' storage adapter (one IndexedDB object store) under its own key prefix;
 * the session persistence only reads `session:` keys, so the two never see each other's records.
 */
import type { LibraryEntry } from '../engine';
import type { StorageAdapter } from './persistence';

export const SCENARIO_RECORD_FORMAT = 'mandate-imported-scenario';
export const SCENARIO_RECORD_VERSION = 1;
const KEY_PREFIX = 'scenario:';

export interface ImportedScenarioRecord {
  format: typeof SCENARIO_RECORD_FORMAT;
  formatVersion: number;
  /** The scenario id (also the key). */
  id: string;
  /** The file name it was opened from, shown in diagnostics. */
  fileName: string;
  /** The YAML source text. */
  text: string;
  importedAt: number;
  /** The library entry last compiled from `text`; null when it must be recompiled. */
  entry: LibraryEntry | null;
}

export interface ScenarioShelf {
  list(): Promise<ImportedScenarioRecord[]>;
  put(record: ImportedScenarioRecord): Promise<void>;
  remove(id: string): Promise<void>;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** A stored library entry, checked field by field; null when anything is off (then it is recompiled). */
function readEntry(value: unknown): LibraryEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  const list = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null && isString((x as Record<string, unknown>).id) && isString((x as Record<string, unknown>).title));
  const ok =
    isString(e.id) &&
    typeof e.version === 'number' &&
    isString(e.title) &&
    isString(e.setting) &&
    isString(e.summary) &&
    typeof e.durationMinutes === 'number' &&
    typeof e.decisions === 'number' &&
    list(e.polarities) &&
    list(e.seats) &&
    isString(e.hash) &&
    (e.subtitle === undefined || isString(e.subtitle)) &&
    (e.contentNote === undefined || isString(e.contentNote));
  return ok ? (e as unknown as LibraryEntry) : null;
}

/** Checks an untrusted stored record; null when it cannot be used at all. */
export function readScenarioRecord(value: unknown): ImportedScenarioRecord | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (v.format !== SCENARIO_RECORD_FORMAT || typeof v.formatVersion !== 'number' || v.formatVersion > SCENARIO_RECORD_VERSION) return null;
  if (!isString(v.id) || !isString(v.text)) return null;
  return {
    format: SCENARIO_RECORD_FORMAT,
    formatVersion: SCENARIO_RECORD_VERSION,
    id: v.id,
    fileName: isString(v.fileName) ? v.fileName : `${v.id}.yaml`,
    text: v.text,
    importedAt: typeof v.importedAt === 'number' ? v.importedAt : 0,
    entry: readEntry(v.entry),
  };
}

export function createScenarioShelf(adapter: StorageAdapter): ScenarioShelf {
  return {
    async list() {
      const rows = await adapter.getAll();
      return rows
        .filter((r) => r.key.startsWith(KEY_PREFIX))
        .map((r) => readScenarioRecord(r.value))
        .filter((r): r is ImportedScenarioRecord => r !== null)
        .sort((a, b) => a.importedAt - b.importedAt);
    },
    put(record) {
      return adapter.put(KEY_PREFIX + record.id, JSON.parse(JSON.stringify(record)) as unknown);
    },
    remove(id) {
      return adapter.delete(KEY_PREFIX + id);
    },
  };
}

/** A shelf in memory (tests, and where storage is unavailable). */
export function memoryScenarioShelf(): ScenarioShelf & { records: Map<string, ImportedScenarioRecord> } {
  const records = new Map<string, ImportedScenarioRecord>();
  return {
    records,
    list: async () => [...records.values()].map((r) => structuredClone(r)).sort((a, b) => a.importedAt - b.importedAt),
    put: async (r) => void records.set(r.id, structuredClone(r)),
    remove: async (id) => void records.delete(id),
  };
}
