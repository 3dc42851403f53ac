/**
 * The debrief model: a pure function of (scenario, saved session). What the debrief screen,
 * exports and the CLI show all come from here.
 */
import type { ScenarioBundle, Ending } from './types';
import type { DecisionRef, Sample, TimelineEntry } from './state';
import { replaySession, type SessionSave } from './session';
import { evaluateCondition, sideOfBand } from './conditions';
import { indexScenario } from './scenario-index';
import { playerSection } from './player-section';

export type Band = 'critical' | 'poor' | 'fragile' | 'steady' | 'strong';

/** The qualitative band a 0..100 meter falls in: what players see instead of numbers. */
export function meterBand(value: number): Band {
  if (value < 20) return 'critical';
  if (value < 40) return 'poor';
  if (value < 60) return 'fragile';
  if (value < 80) return 'steady';
  return 'strong';
}

export type PolarityVerdict = 'managed' | 'leaned-a' | 'leaned-b' | 'over-leaned-a' | 'over-leaned-b';

export interface DebriefDecision {
  node: string;
  title: string;
  /** Option id or "timeout". */
  option: string;
  label: string;
  time: number;
  /** Wall-clock milliseconds from the decision being posed to being taken, when known. */
  secondsToDecide: number | null;
  consulted: string[];
  /** The seat that took the decision when the player's seat does not own it; null for the player's own. */
  decidedBy: string | null;
  /** Consulted advisers whose recommendation was followed / not followed. */
  followed: string[];
  overruled: string[];
  cites: string[];
  studyNote: string | null;
  leans: { polarity: string; toward: 'a' | 'b' | 'both'; weight: number }[];
  /** The options not taken (the road not taken). */
  alternatives: { id: string; label: string }[];
  /** Consequences that this decision caused (immediately or later). */
  consequences: string[];
}

export interface DebriefModel {
  scenarioId: string;
  ending: Ending | null;
  endTime: number;
  timeline: TimelineEntry[];
  decisions: DebriefDecision[];
  samples: Sample[];
  polarities: {
    id: string;
    title: string;
    poleA: string;
    poleB: string;
    section: string;
    final: number;
    band: number;
    verdict: PolarityVerdict;
    bothAndMoves: number;
  }[];
  meters: { id: string; label: string; start: number; final: number; band: Band }[];
  benchmarks: { id: string; text: string; met: boolean; cites: string[] }[];
  problems: { seq: number; reason: string }[];
  complete: boolean;
}

const sameRef = (a: DecisionRef, b: DecisionRef): boolean => a.node === b.node && a.option === b.option;

export function debriefModel(bundle: ScenarioBundle, save: Pick<SessionSave, 'seed' | 'seat' | 'log'>): DebriefModel {
  const { scenario } = bundle;
  const index = indexScenario(scenario);
  const { session, problems } = replaySession(bundle, save);
  const ctx = session.snapshot().context;
  session.stop();

  // When each decision was posed (wall clock), to measure time to decide.
  const posedAt = new Map<number, number>();
  let lastDecisionAt: number | null = save.log.find((e) => e.at !== null)?.at ?? null;
  const decisions: DebriefDecision[] = [];
  let decisionIndex = 0;
  for (const entry of save.log) {
    if (entry.type === 'decision.choose' || entry.type === 'decision.timeout') {
      posedAt.set(decisionIndex++, lastDecisionAt ?? 0);
      lastDecisionAt = entry.at;
    }
  }
  let n = 0;
  for (const t of ctx.timeline) {
    if ((t.kind !== 'decision' && t.kind !== 'timeout') || !t.node || !t.option) continue;
    const node = index.nodes.get(t.node);
    if (!node) continue;
    const option = node.options.find((o) => o.id === t.option);
    const ref: DecisionRef = { node: t.node, option: t.option };
    // Decisions another seat took for the player have no log entry of their own and no time to decide.
    const own = !t.by;
    const logEntry = own ? save.log.find((e) => e.seq === t.seq) : undefined;
    const started = own ? posedAt.get(n) : undefined;
    if (own) n++;
    const consulted = ctx.consulted.filter((c) => c.node === node.id).map((c) => c.adviser);
    const recommending = node.positions.filter((p) => p.recommends);
    decisions.push({
      node: node.id,
      title: node.title,
      option: t.option,
      label: option ? option.label : (node.timeout?.title ?? 'No decision in time'),
      time: t.time,
      secondsToDecide:
        logEntry?.at != null && started != null && started > 0 ? Math.max(0, Math.round((logEntry.at - started) / 1000)) : null,
      consulted,
      decidedBy: t.by ?? null,
      followed: recommending.filter((p) => consulted.includes(p.adviser) && p.recommends === t.option).map((p) => p.adviser),
      overruled: recommending.filter((p) => consulted.includes(p.adviser) && p.recommends !== t.option).map((p) => p.adviser),
      cites: node.cites,
      studyNote: node.studyNote ?? null,
      leans: (option ? option.leans : (node.timeout?.leans ?? [])).map((l) => ({ ...l })),
      alternatives: node.options.filter((o) => o.id !== t.option).map((o) => ({ id: o.id, label: o.label })),
      consequences: ctx.timeline
        .filter((e) => e.kind === 'consequence' && e.causes?.some((c) => sameRef(c, ref)) && e.consequence)
        .map((e) => e.consequence as string),
    });
  }

  const bothAnd = (id: string): number =>
    decisions.reduce((sum, d) => sum + d.leans.filter((l) => l.polarity === id && l.toward === 'both').length, 0);

  const polarities = scenario.polarities.map((p) => {
    const entry = bundle.polarities.find((e) => e.id === p.id);
    const final = ctx.polarities[p.id] ?? 0;
    const side = sideOfBand(final, p.band);
    const over = ctx.downsides.includes(`${p.id}.a`) ? 'a' : ctx.downsides.includes(`${p.id}.b`) ? 'b' : null;
    const verdict: PolarityVerdict = over ? (`over-leaned-${over}` as const) : side ? (`leaned-${side}` as const) : 'managed';
    return {
      id: p.id,
      title: entry?.title ?? p.id,
      poleA: entry?.pole_a ?? 'pole A',
      poleB: entry?.pole_b ?? 'pole B',
      section: playerSection(entry?.section ?? ''),
      final,
      band: p.band,
      verdict,
      bothAndMoves: bothAnd(p.id),
    };
  });

  return {
    scenarioId: scenario.id,
    ending: scenario.endings.find((e) => e.id === ctx.ending) ?? null,
    endTime: ctx.clock,
    timeline: ctx.timeline,
    decisions,
    samples: ctx.samples,
    polarities,
    meters: scenario.meters.map((m) => ({
      id: m.id,
      label: m.label,
      start: m.start,
      final: ctx.meters[m.id] ?? 0,
      band: meterBand(ctx.meters[m.id] ?? 0),
    })),
    benchmarks: scenario.benchmarks.map((b) => ({
      id: b.id,
      text: b.text,
      met: evaluateCondition(index, ctx, b.when),
      cites: b.cites,
    })),
    problems,
    complete: ctx.ending !== null,
  };
}
