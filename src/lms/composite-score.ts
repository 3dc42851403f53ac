/**
 * The composite score an LMS gradebook receives (SCORM cmi.core.score.raw / cmi.score.scaled, the
 * cmi5 "passed"/"failed" statements' result.score). LMSs want one number; Mandate's record is a
 * profile — how each tension was managed, which benchmarks of good practice were met, and where the
 * mission ended up. The number is a summary of that profile, documented in docs/lms.md:
 *
 *   score = 40 % ending + 35 % benchmarks + 25 % tensions        (0..100, whole number)
 *
 *   ending      the ending's tone: good 100, mixed 60, bad 20 (no ending yet: 0)
 *   benchmarks  the share of the scenario's benchmarks met, × 100 (no benchmarks: the ending's value)
 *   tensions    per polarity: managed 100, leaned to one pole 60, over-leaned (its downside reached) 0;
 *               the mean (no polarities: the ending's value)
 *
 * Passed: the score reaches the mastery score (60 by default) AND the ending is not a bad one — a
 * high mean cannot hide an ending where the mission failed the people it protects.
 *
 * Why it is only a summary: the study's point is that these tensions are managed, not solved, and
 * that two very different leadership styles can both be sound. One number cannot say which pole was
 * leaned on or why; the debrief (and the xAPI statements, per decision) carry that. The LMS number is
 * for completion records and a rough signal, never for ranking trainees.
 */
import type { DebriefModel, PolarityVerdict } from '../engine';

export const DEFAULT_MASTERY_SCORE = 60;
export const SCORE_WEIGHTS = { ending: 0.4, benchmarks: 0.35, tensions: 0.25 } as const;

const ENDING_VALUE = { good: 100, mixed: 60, bad: 20 } as const;
const VERDICT_VALUE: Record<PolarityVerdict, number> = {
  managed: 100,
  'leaned-a': 60,
  'leaned-b': 60,
  'over-leaned-a': 0,
  'over-leaned-b': 0,
};

export interface CompositeScore {
  /** 0..100, whole number. */
  raw: number;
  /** raw / 100, for SCORM 2004's cmi.score.scaled and xAPI's result.score.scaled. */
  scaled: number;
  parts: { ending: number; benchmarks: number; tensions: number };
  passed: boolean;
}

export function compositeScore(model: Pick<DebriefModel, 'ending' | 'benchmarks' | 'polarities'>, masteryScore = DEFAULT_MASTERY_SCORE): CompositeScore {
  const ending = model.ending ? ENDING_VALUE[model.ending.tone] : 0;
  const benchmarks = model.benchmarks.length ? (100 * model.benchmarks.filter((b) => b.met).length) / model.benchmarks.length : ending;
  const tensions = model.polarities.length ? model.polarities.reduce((sum, p) => sum + VERDICT_VALUE[p.verdict], 0) / model.polarities.length : ending;
  const raw = Math.round(SCORE_WEIGHTS.ending * ending + SCORE_WEIGHTS.benchmarks * benchmarks + SCORE_WEIGHTS.tensions * tensions);
  return {
    raw,
    scaled: raw / 100,
    parts: { ending, benchmarks: Math.round(benchmarks), tensions: Math.round(tensions) },
    passed: model.ending !== null && model.ending.tone !== 'bad' && raw >= masteryScore,
  };
}
