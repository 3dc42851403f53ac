/** The engine's state: what the machine context holds. Content stays out of it. */

export interface DecisionRef {
  node: string;
  /** An option id, or "timeout". */
  option: string;
}

export type TimelineKind =
  | 'start'
  | 'decision'
  | 'timeout'
  | 'consult'
  | 'inject'
  | 'consequence'
  | 'overlean'
  | 'ending'
  | 'note'
  | 'wait';

export interface TimelineEntry {
  kind: TimelineKind;
  /** In-game minutes. */
  time: number;
  /** The log sequence number of the event that produced it. */
  seq: number;
  node?: string;
  option?: string;
  adviser?: string;
  inject?: string;
  consequence?: string;
  polarity?: string;
  pole?: 'a' | 'b';
  ending?: string;
  note?: string;
  /** For a decision the player's seat does not own: the seat that took it. */
  by?: string;
  /** The decisions that caused it. */
  causes?: DecisionRef[];
  /** Meter changes it made. */
  deltas?: Record<string, number>;
}

export interface PendingConsequence {
  /** "node.option.consequence-id" — the content address of the consequence. */
  ref: string;
  due: number;
  cause: DecisionRef;
  /** Scheduling order, to keep firing order stable among equal due times. */
  order: number;
}

export interface Sample {
  seq: number;
  time: number;
  /** The decision index (0 = start). */
  step: number;
  meters: Record<string, number>;
  polarities: Record<string, number>;
}

export interface EngineContext {
  seed: number;
  seat: string;
  clock: number;
  node: string;
  /** In-game time at which the current decision was posed. */
  nodeEnteredAt: number;
  meters: Record<string, number>;
  flags: Record<string, boolean>;
  /** Positions -100 (pole A) .. 100 (pole B). */
  polarities: Record<string, number>;
  /** Consecutive decisions beyond the band: { "id.a": 2 }. */
  overLeanStreak: Record<string, number>;
  /** Downsides already fired: "id.a". */
  downsides: string[];
  /** The decisions that last pushed each polarity, for causal chains. */
  pushedBy: Record<string, DecisionRef[]>;
  choices: DecisionRef[];
  consulted: { node: string; adviser: string }[];
  firedInjects: string[];
  pending: PendingConsequence[];
  scheduled: number;
  /** How often each random draw site was drawn. */
  draws: Record<string, number>;
  timeline: TimelineEntry[];
  samples: Sample[];
  ending: string | null;
  /** The last event's sequence number. */
  seq: number;
}
