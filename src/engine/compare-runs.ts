/**
 * Two runs of one scenario side by side (the road not taken against the road taken, or two
 * trainees): endings, tension positions, mission state, benchmarks, and the first decision where
 * they part. Pure: a function of two debrief models.
 */
import type { DebriefModel, Band } from './debrief';

export interface RunDifference {
  /** 0-based index in the runs' decision lists. */
  index: number;
  node: { a: string | null; b: string | null };
  title: { a: string | null; b: string | null };
  option: { a: string | null; b: string | null };
  label: { a: string | null; b: string | null };
  time: { a: number | null; b: number | null };
}

export interface RunComparison {
  sameScenario: boolean;
  ending: { a: { id: string; title: string; tone: string } | null; b: { id: string; title: string; tone: string } | null; same: boolean };
  /** The decisions both runs took alike before they parted. */
  sharedDecisions: number;
  /** The first decision where the runs differ (null: they took the same decisions throughout). */
  firstDifference: RunDifference | null;
  polarities: { id: string; title: string; poleA: string; poleB: string; band: number; a: number; b: number; verdictA: string; verdictB: string }[];
  meters: { id: string; label: string; a: Band; b: Band }[];
  benchmarks: { id: string; text: string; a: boolean; b: boolean }[];
}

export function compareRuns(a: DebriefModel, b: DebriefModel): RunComparison {
  let firstDifference: RunDifference | null = null;
  const n = Math.max(a.decisions.length, b.decisions.length);
  let shared = 0;
  for (let i = 0; i < n; i++) {
    const da = a.decisions[i];
    const db = b.decisions[i];
    if (da && db && da.node === db.node && da.option === db.option) {
      shared++;
      continue;
    }
    firstDifference = {
      index: i,
      node: { a: da?.node ?? null, b: db?.node ?? null },
      title: { a: da?.title ?? null, b: db?.title ?? null },
      option: { a: da?.option ?? null, b: db?.option ?? null },
      label: { a: da?.label ?? null, b: db?.label ?? null },
      time: { a: da?.time ?? null, b: db?.time ?? null },
    };
    break;
  }
  const endingOf = (m: DebriefModel) => (m.ending ? { id: m.ending.id, title: m.ending.title, tone: m.ending.tone } : null);
  return {
    sameScenario: a.scenarioId === b.scenarioId,
    ending: { a: endingOf(a), b: endingOf(b), same: (a.ending?.id ?? null) === (b.ending?.id ?? null) },
    sharedDecisions: shared,
    firstDifference,
    polarities: a.polarities.map((p) => {
      const q = b.polarities.find((x) => x.id === p.id);
      return { id: p.id, title: p.title, poleA: p.poleA, poleB: p.poleB, band: p.band, a: p.final, b: q?.final ?? 0, verdictA: p.verdict, verdictB: q?.verdict ?? 'managed' };
    }),
    meters: a.meters.map((m) => ({ id: m.id, label: m.label, a: m.band, b: b.meters.find((x) => x.id === m.id)?.band ?? m.band })),
    benchmarks: a.benchmarks.map((x) => ({ id: x.id, text: x.text, a: x.met, b: b.benchmarks.find((y) => y.id === x.id)?.met ?? false })),
  };
}
