/**
 * What the room did at each decision of a facilitated session, read from the log: the votes, the
 * room's rationale notes (`note.add`) and the facilitator's private notes. Pure; the console and the
 * facilitated debrief show it. A note belongs to the decision that was open when it was written.
 */
import type { LogEntry, ScenarioBundle } from '../engine';

export interface RoomVote {
  seq: number;
  tally: Record<string, number>;
  byRole: Record<string, string> | null;
  at: number | null;
}

export interface RoomDecision {
  /** The node id ('' for notes written before any decision was open, which does not happen in play). */
  node: string;
  title: string;
  /** The option chosen, its label, or null while open; 'timeout' when the time ran out. */
  chosen: { option: string; label: string } | null;
  votes: RoomVote[];
  rationales: { seq: number; text: string }[];
  facilitatorNotes: { seq: number; text: string }[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function numbers(v: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, n] of Object.entries(v)) if (typeof n === 'number') out[k] = n;
  return out;
}

function strings(v: unknown): Record<string, string> | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const out: Record<string, string> = {};
  for (const [k, s] of Object.entries(v)) if (typeof s === 'string') out[k] = s;
  return Object.keys(out).length ? out : null;
}

/**
 * Walks the log in order. `startNode` is the scenario's first decision; each choice or timeout closes
 * the open decision, and the next one opened is found from the following entries' `node` (or, for
 * notes, attributed to the decision closed next).
 */
export function roomRecord(bundle: ScenarioBundle, log: readonly LogEntry[]): RoomDecision[] {
  const nodes = bundle.scenario.nodes;
  const titleOf = (id: string) => nodes.find((n) => n.id === id)?.title ?? id;
  const out: RoomDecision[] = [];
  let open: RoomDecision | null = null;
  /** Notes written before the open decision's id is known (no node in their payload). */
  let pending: { rationales: RoomDecision['rationales']; facilitatorNotes: RoomDecision['facilitatorNotes'] } = { rationales: [], facilitatorNotes: [] };

  const openFor = (node: string): RoomDecision => {
    if (open && open.node === node) return open;
    open = { node, title: titleOf(node), chosen: null, votes: [], rationales: [...pending.rationales], facilitatorNotes: [...pending.facilitatorNotes] };
    pending = { rationales: [], facilitatorNotes: [] };
    out.push(open);
    return open;
  };

  for (const e of log) {
    const node = str(e.payload.node);
    switch (e.type) {
      case 'room.vote':
        if (node) openFor(node).votes.push({ seq: e.seq, tally: numbers(e.payload.tally), byRole: strings(e.payload.byRole), at: e.at });
        break;
      case 'adviser.consult':
        if (node) openFor(node);
        break;
      case 'note.add': {
        const text = str(e.payload.text);
        if (!text) break;
        if (open) (open as RoomDecision).rationales.push({ seq: e.seq, text });
        else pending.rationales.push({ seq: e.seq, text });
        break;
      }
      case 'facilitator.note': {
        const text = str(e.payload.text);
        if (!text) break; // withheld (a presenter's copy)
        if (node) openFor(node).facilitatorNotes.push({ seq: e.seq, text });
        else if (open) (open as RoomDecision).facilitatorNotes.push({ seq: e.seq, text });
        else pending.facilitatorNotes.push({ seq: e.seq, text });
        break;
      }
      case 'decision.choose':
      case 'decision.timeout': {
        if (!node) break;
        const d = openFor(node);
        const option = e.type === 'decision.timeout' ? 'timeout' : (str(e.payload.option) ?? '');
        const n = nodes.find((x) => x.id === node);
        const label = option === 'timeout' ? (n?.timeout?.title ?? option) : (n?.options.find((o) => o.id === option)?.label ?? option);
        d.chosen = { option, label };
        open = null;
        break;
      }
      default:
        break;
    }
  }
  // Notes after the last decision (the debrief's discussion).
  if (pending.rationales.length || pending.facilitatorNotes.length) out.push({ node: '', title: '', chosen: null, votes: [], ...pending });
  return out.filter((d) => d.votes.length || d.rationales.length || d.facilitatorNotes.length || d.chosen);
}

/** Total voters of a vote. */
export function voters(vote: RoomVote): number {
  return Object.values(vote.tally).reduce((a, b) => a + b, 0);
}
