/**
 * Content statistics of a scenario: what `npm run scenario -- stats` reports and the content
 * tests hold scenarios to (decision counts, polarities pushed both ways, sections cited).
 */
import type { Lean, ScenarioBundle } from '../types';

export interface ScenarioStats {
  id: string;
  title: string;
  decisions: number;
  options: number;
  endings: number;
  injects: number;
  seats: string[];
  polaritiesBothWays: string[];
  polaritiesOneWay: string[];
  sectionsCited: string[];
}

/** Every lean of every option and timeout, with where it stands. */
export function leansOf(bundle: ScenarioBundle): { node: string; option: string; lean: Lean }[] {
  const out: { node: string; option: string; lean: Lean }[] = [];
  for (const n of bundle.scenario.nodes) {
    for (const o of n.options) for (const lean of o.leans) out.push({ node: n.id, option: o.id, lean });
    for (const lean of n.timeout?.leans ?? []) out.push({ node: n.id, option: 'timeout', lean });
  }
  return out;
}

export function scenarioStats(bundle: ScenarioBundle): ScenarioStats {
  const s = bundle.scenario;
  const decisions = s.nodes.filter((n) => n.kind === 'decision');
  const leans = leansOf(bundle);
  const both: string[] = [];
  const one: string[] = [];
  for (const p of s.polarities) {
    const dirs = new Set(leans.filter((l) => l.lean.polarity === p.id).map((l) => l.lean.toward));
    (dirs.has('a') && dirs.has('b') ? both : one).push(p.id);
  }
  const cites = new Set<string>();
  for (const n of s.nodes) for (const c of n.cites) cites.add(c);
  for (const b of s.benchmarks) for (const c of b.cites) cites.add(c);
  return {
    id: s.id,
    title: s.title,
    decisions: decisions.length,
    options: decisions.reduce((sum, n) => sum + n.options.length, 0),
    endings: s.endings.length,
    injects: s.injects.length,
    seats: s.seats.map((seat) => seat.id),
    polaritiesBothWays: both,
    polaritiesOneWay: one,
    sectionsCited: [...cites].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
  };
}
