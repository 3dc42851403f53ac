/**
 * The store actions of facilitated play (the console is the only writer): the room's vote, the
 * facilitator's private notes, firing an optional inject, and the facilitator's hold on the real-time
 * countdown (pause, switch off, extend). Votes, notes and fired injects are engine events, logged and
 * saved like any other, so they are never lost and the debrief and export have them. The countdown
 * stays UI state beside the session, as DESIGN §5 says.
 */
import type { EngineEventType, EngineSnapshot } from '../engine';
import { mostGenerous, WARNING_SHARE } from './countdown';
import type { CountdownRecord, MandateState } from './types';

/** The longest a facilitator can extend one decision's countdown to (an hour). */
export const MAX_COUNTDOWN_MS = 60 * 60 * 1000;
const MAX_NOTE = 2000;

export interface FacilitatedActions {
  /** Records the room's vote on the current decision: voters per option, and optionally each MLT role's option. */
  recordVote(tally: Record<string, number>, byRole?: Record<string, string> | null): Promise<boolean>;
  /** A private note of the facilitator's (never shown on the presenter), on the current decision. */
  addFacilitatorNote(text: string): Promise<boolean>;
  /** Fires one of the scenario's optional injects now. */
  fireInject(injectId: string): Promise<boolean>;
  /** Pauses the countdown, switches it off for this decision, or lets it run again (null). */
  holdCountdown(held: 'paused' | 'off' | null): void;
  /** Gives the current decision `ms` more real time. */
  extendCountdown(ms: number): void;
}

export interface FacilitatedDeps {
  get(): MandateState;
  set(patch: Partial<MandateState>): void;
  dispatch(type: EngineEventType, payload: (snap: EngineSnapshot) => Record<string, unknown> | null): Promise<boolean>;
  /** Brings the ticker in line with the countdown record (it does not tick a held countdown). */
  syncCountdown(): void;
  /** Saves the countdown beside the session at once (a reload resumes it held or extended). */
  saveCountdown(): void;
}

export function facilitatedActions(deps: FacilitatedDeps): FacilitatedActions {
  const { get, set, dispatch } = deps;

  function setCountdown(cd: CountdownRecord, extra: Partial<MandateState> = {}): void {
    set({ countdown: cd, ...extra });
    deps.syncCountdown();
    deps.saveCountdown();
  }

  return {
    recordVote(tally, byRole) {
      const clean: Record<string, number> = {};
      for (const [option, count] of Object.entries(tally)) if (Number.isInteger(count) && count > 0) clean[option] = count;
      const roles = byRole && Object.keys(byRole).length ? byRole : null;
      if (!Object.keys(clean).length && !roles) return Promise.resolve(false);
      // A vote by role alone counts one voter per role.
      if (!Object.keys(clean).length && roles) for (const option of Object.values(roles)) clean[option] = (clean[option] ?? 0) + 1;
      return dispatch('room.vote', (snap) => (snap.done ? null : { node: snap.node, tally: clean, ...(roles ? { byRole: roles } : {}) }));
    },

    addFacilitatorNote(text) {
      const trimmed = text.trim().slice(0, MAX_NOTE);
      if (!trimmed) return Promise.resolve(false);
      return dispatch('facilitator.note', (snap) => ({ text: trimmed, ...(snap.done ? {} : { node: snap.node }) }));
    },

    fireInject(injectId) {
      return dispatch('inject.fire', (snap) => (snap.done ? null : { inject: injectId }));
    },

    holdCountdown(held) {
      const cd = get().countdown;
      if (!cd) return;
      const next: CountdownRecord = { ...cd };
      if (held) next.held = held;
      else delete next.held;
      // A countdown switched off is recorded as played without one (never penalised).
      setCountdown(next, held === 'off' ? { playedCountdownMode: mostGenerous(get().playedCountdownMode, 'off') } : {});
    },

    extendCountdown(ms) {
      const cd = get().countdown;
      if (!cd || !(ms > 0)) return;
      const add = Math.min(ms, MAX_COUNTDOWN_MS - cd.totalMs);
      if (add <= 0) return;
      const totalMs = cd.totalMs + add;
      const remainingMs = cd.remainingMs + add;
      // The warning cue may sound again once the extension runs low.
      setCountdown({ ...cd, totalMs, remainingMs, warned: remainingMs <= totalMs * WARNING_SHARE });
    },
  };
}
