/**
 * The real-time countdown (store/UI only; the engine never sees wall-clock time). A decision gets
 * one when it has `realTimeSeconds` and a timeout outcome and the player has not turned it off.
 */
import type { ScenarioNode } from '../engine';
import type { CountdownMode, CountdownRecord } from './types';

/** Extended gives twice the time. */
export const MODE_FACTOR: Record<Exclude<CountdownMode, 'off'>, number> = { normal: 1, extended: 2 };

/** Below this share of the time left, the warning cue sounds (once per decision). */
export const WARNING_SHARE = 0.2;

export function countdownFor(node: ScenarioNode | undefined, mode: CountdownMode): CountdownRecord | null {
  if (!node || node.kind !== 'decision' || !node.realTimeSeconds || !node.timeout || mode === 'off') return null;
  const totalMs = node.realTimeSeconds * 1000 * MODE_FACTOR[mode];
  return { nodeId: node.id, totalMs, remainingMs: totalMs, mode, warned: false };
}

/** Switching mode mid-decision keeps the share of time left. */
export function rescale(record: CountdownRecord, mode: Exclude<CountdownMode, 'off'>): CountdownRecord {
  if (record.mode === mode) return record;
  const factor = MODE_FACTOR[mode] / MODE_FACTOR[record.mode];
  return { ...record, mode, totalMs: record.totalMs * factor, remainingMs: record.remainingMs * factor };
}

/** The more generous of two modes: a session played with a longer timer at any point says so. */
export function mostGenerous(a: CountdownMode, b: CountdownMode): CountdownMode {
  const rank: Record<CountdownMode, number> = { normal: 0, extended: 1, off: 2 };
  return rank[a] >= rank[b] ? a : b;
}
