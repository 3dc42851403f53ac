/**
 * Suspend data: a saved session packed small enough for SCORM 1.2's `cmi.suspend_data` (4,096
 * characters), so an LMS can resume the exact session — every event, stamp and rationale note.
 *
 * The packing: the save is written as a compact JSON array (event types by a one-letter code, wall-
 * clock stamps as whole seconds after the session began, no repeated field names), deflated (fflate,
 * raw DEFLATE at level 9) and written in base64, which every LMS stores unchanged. A leading "M1."
 * names the packing, so a later version can read what an earlier one wrote.
 *
 * Stamps are kept to the second (the debrief's "time to decide" is shown in seconds); everything else
 * is exact: unpacking and `parseSave` give the same save, and replaying it the same state.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { parseSave, SAVE_FORMAT_VERSION, type LogEntry, type SessionSave } from '../engine';

/** SCORM 1.2's limit for cmi.suspend_data (CMIString4096). */
export const SCORM12_SUSPEND_LIMIT = 4096;
/** SCORM 2004's limit for cmi.suspend_data (characterstring, SPM 64,000). */
export const SCORM2004_SUSPEND_LIMIT = 64000;

const PREFIX = 'M1.';
const TYPE_CODES: Record<string, string> = {
  'decision.choose': 'c',
  'decision.timeout': 't',
  'adviser.consult': 'a',
  'clock.advance': 'k',
  'inject.arrive': 'i',
  'inject.fire': 'f',
  'note.add': 'n',
  'room.vote': 'v',
  'facilitator.note': 'F',
};
const TYPES_BY_CODE = new Map(Object.entries(TYPE_CODES).map(([type, code]) => [code, type]));

type Packed = [
  version: 1,
  scenario: [id: string, version: number, hash: string],
  seat: string,
  seed: number,
  meta: [id: string, label: string | null, startedAt: number | null, parent: [string, number] | null, mode: 'solo' | 'facilitated'],
  /** Stamps are seconds after this base (the first stamp, or startedAt). */
  base: number | null,
  entries: [code: string, payload: unknown, at: number | null][],
];

/** The payload without the fields the event type makes obvious: [node, option] rather than an object. */
function packPayload(type: string, p: Record<string, unknown>): unknown {
  switch (type) {
    case 'decision.choose':
      if (Object.keys(p).length === 2 && typeof p.node === 'string' && typeof p.option === 'string') return [p.node, p.option];
      break;
    case 'adviser.consult':
      if (Object.keys(p).length === 2 && typeof p.node === 'string' && typeof p.adviser === 'string') return [p.node, p.adviser];
      break;
    case 'decision.timeout':
      if (Object.keys(p).length === 1 && typeof p.node === 'string') return p.node;
      break;
    case 'note.add':
      if (Object.keys(p).length === 1 && typeof p.text === 'string') return p.text;
      break;
  }
  return p; // anything else stays an object (exact, just longer)
}

function unpackPayload(type: string, v: unknown): Record<string, unknown> {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  switch (type) {
    case 'decision.choose':
      if (Array.isArray(v)) return { node: v[0], option: v[1] };
      break;
    case 'adviser.consult':
      if (Array.isArray(v)) return { node: v[0], adviser: v[1] };
      break;
    case 'decision.timeout':
      return { node: v };
    case 'note.add':
      return { text: v };
  }
  throw new Error(`a ${type} entry has an unreadable payload`);
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Packs a save into suspend data. Facilitator-only text must be stripped by the caller beforehand. */
export function packSuspendData(save: SessionSave): string {
  const firstAt = save.log.find((e) => e.at !== null)?.at ?? null;
  const base = save.meta.startedAt ?? firstAt;
  const sec = (at: number | null): number | null => (at === null || base === null ? at : Math.round((at - base) / 1000));
  const packed: Packed = [
    1,
    [save.scenario.id, save.scenario.version, save.scenario.hash],
    save.seat,
    save.seed,
    [save.meta.id, save.meta.label, save.meta.startedAt, save.meta.parent ? [save.meta.parent.id, save.meta.parent.seq] : null, save.meta.mode],
    base,
    save.log.map((e) => [TYPE_CODES[e.type] ?? e.type, packPayload(e.type, e.payload), sec(e.at)]),
  ];
  return PREFIX + toBase64(deflateSync(strToU8(JSON.stringify(packed)), { level: 9, mem: 12 }));
}

/**
 * Unpacks suspend data into a save (checked by the engine's `parseSave`), or says why it cannot.
 * Never throws.
 */
export function unpackSuspendData(text: string): { save?: SessionSave; problem?: string } {
  if (typeof text !== 'string' || !text.startsWith(PREFIX)) return { problem: 'not Mandate suspend data' };
  let packed: Packed;
  try {
    packed = JSON.parse(strFromU8(inflateSync(fromBase64(text.slice(PREFIX.length))))) as Packed;
  } catch {
    return { problem: 'the suspend data is damaged (it does not unpack)' };
  }
  try {
    const [version, [id, scenarioVersion, hash], seat, seed, [metaId, label, startedAt, parent, mode], base, entries] = packed;
    if (version !== 1) return { problem: `suspend data version ${String(version)} is not one this version reads` };
    const log: LogEntry[] = entries.map(([code, payload, at], i) => {
      const type = TYPES_BY_CODE.get(code) ?? code;
      return { seq: i + 1, type: type as LogEntry['type'], payload: unpackPayload(type, payload), at: at === null || base === null ? at : base + at * 1000 };
    });
    const parsed = parseSave({
      format: 'mandate-session',
      formatVersion: SAVE_FORMAT_VERSION,
      scenario: { id, version: scenarioVersion, hash },
      seat,
      seed,
      log,
      meta: { id: metaId, label, startedAt, parent: parent ? { id: parent[0], seq: parent[1] } : null, mode },
    });
    if (!parsed.save) return { problem: parsed.problems.map((p) => `${p.field}: ${p.message}`).join('; ') };
    return { save: parsed.save };
  } catch (e) {
    return { problem: `the suspend data is damaged (${e instanceof Error ? e.message : 'unreadable'})` };
  }
}
