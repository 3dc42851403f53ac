/**
 * The run at every moment: the engine state after each event of a saved log, for the debrief's
 * timeline scrubber. The log is replayed once, keeping each snapshot (the engine copies its context
 * on every event, so earlier snapshots stay as they were).
 */
import type { ScenarioBundle } from './types';
import type { EngineContext } from './state';
import { createSession, type LogEntry, type SessionSave } from './session';

export interface ReviewStep {
  /** 0 = the start, before any event; otherwise the log entry's sequence number. */
  seq: number;
  /** The event that led here (null for the start). */
  entry: LogEntry | null;
  node: string;
  done: boolean;
  context: EngineContext;
}

/** The state after each applied log entry, starting with the state before the first one. Stops at the first entry that does not apply. */
export function reviewSteps(bundle: ScenarioBundle, save: Pick<SessionSave, 'seed' | 'seat' | 'log'>): ReviewStep[] {
  const session = createSession(bundle, { seed: save.seed, seat: save.seat });
  const first = session.snapshot();
  const steps: ReviewStep[] = [{ seq: 0, entry: null, node: first.node, done: first.done, context: first.context }];
  for (const entry of save.log) {
    const r = session.send(entry.type, entry.payload ?? {}, entry.at ?? null);
    if (!r.ok) break;
    const s = session.snapshot();
    steps.push({ seq: r.entry.seq, entry: r.entry, node: s.node, done: s.done, context: s.context });
  }
  session.stop();
  return steps;
}
