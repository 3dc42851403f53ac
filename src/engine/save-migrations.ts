/**
 * Saved-session migrations. Each step lifts a save of one format version to the next; `parseSave`
 * runs them in order on untrusted data before checking the result field by field, so a step must
 * never throw on hostile input: it only reads what it needs, with type checks, and fills defaults.
 * A step is pure and deterministic (no wall clock, no random ids): the same old file always migrates
 * to the same new one.
 */
import { hash32 } from './rng';

export interface SaveMigration {
  /** The format version this step reads. */
  readonly from: number;
  /** The format version it writes (always from + 1). */
  readonly to: number;
  /** What the step changes, for people reading the code and the tests. */
  readonly describe: string;
  migrate(save: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** A session id derived from a save's content, for saves that never had one. */
export function derivedSessionId(save: Readonly<Record<string, unknown>>): string {
  let body: string;
  try {
    body = JSON.stringify([save.scenario ?? null, save.seat ?? null, save.seed ?? null, save.log ?? null]) ?? '';
  } catch {
    body = ''; // a cyclic or otherwise unserialisable object: validation refuses it after the migration
  }
  return `s-${hash32(body).toString(16).padStart(8, '0')}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** v1 → v2: adds `meta` (id derived from the content, no label, started at the first event's stamp, no parent, solo). */
const v1ToV2: SaveMigration = {
  from: 1,
  to: 2,
  describe: 'adds meta { id, label, startedAt, parent, mode }',
  migrate(save) {
    const log = Array.isArray(save.log) ? (save.log as unknown[]) : [];
    const first = log.find((e): e is Record<string, unknown> => isObject(e) && typeof e.at === 'number' && Number.isFinite(e.at));
    return {
      ...save,
      formatVersion: 2,
      meta: {
        id: derivedSessionId(save),
        label: null,
        startedAt: first ? (first.at as number) : null,
        parent: null,
        mode: 'solo',
      },
    };
  },
};

/** Every step, in order: SAVE_MIGRATIONS[i] reads version i + 1. */
export const SAVE_MIGRATIONS: readonly SaveMigration[] = [v1ToV2];

/** The newest format version the migrations reach. */
export const LATEST_SAVE_VERSION = 1 + SAVE_MIGRATIONS.length;

/**
 * Lifts `save` (already known to be an object whose formatVersion is an integer from 1 to the latest)
 * to the latest version. Returns the new object; the input is not changed.
 */
export function migrateSave(save: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let out: Record<string, unknown> = { ...save };
  for (const step of SAVE_MIGRATIONS) {
    if (out.formatVersion === step.from) out = step.migrate(out);
  }
  return out;
}
