/**
 * Named selectors: what each view reads. Derived data is memoised on the snapshot (a new object
 * after every accepted event), so views can compare results by reference.
 */
import {
  advisersOfSeat,
  availableOptions,
  indexScenario,
  debriefModel,
  dayAndTime,
  relativeTimeParts,
  type RelativeTimeParts,
  mapModel,
  meterBand,
  type Band,
  type DebriefModel,
  type DecisionRef,
  type EngineSnapshot,
  type MapModel,
  type ScenarioBundle,
  type ScenarioNode,
  type TimelineEntry,
} from '../engine';
import type { MandateState } from './types';

export const BANDS: readonly Band[] = ['critical', 'poor', 'fragile', 'steady', 'strong'];

function findNode(bundle: ScenarioBundle, id: string | undefined): ScenarioNode | undefined {
  return id === undefined ? undefined : bundle.scenario.nodes.find((n) => n.id === id);
}

/** "Decision title: option label" parts for a decision reference. */
export function decisionLabel(bundle: ScenarioBundle, ref: DecisionRef): { title: string; option: string } {
  const node = findNode(bundle, ref.node);
  const option = ref.option === 'timeout' ? node?.timeout?.title : node?.options.find((o) => o.id === ref.option)?.label;
  return { title: node?.title ?? ref.node, option: option ?? ref.option };
}

export interface ClockView {
  /** The time relative to the reference hour; the UI words it (src/ui/format.ts, relativeText). */
  parts: RelativeTimeParts;
  day: number;
  time: string;
}

export function clockView(bundle: ScenarioBundle, minutes: number): ClockView {
  const { zero, zeroLabel } = bundle.scenario.clock;
  const { day, time } = dayAndTime(minutes);
  return { parts: relativeTimeParts(minutes, zero, zeroLabel), day, time };
}

export const selectScreen = (s: MandateState) => s.screen;
export const selectSettings = (s: MandateState) => s.settings;
export const selectNotices = (s: MandateState) => s.notices;
export const selectCaptions = (s: MandateState) => s.captions;
export const selectCountdown = (s: MandateState) => s.countdown;
export const selectScenario = (s: MandateState) => s.bundle?.scenario ?? null;

export const selectClock = (s: MandateState): ClockView | null =>
  s.bundle && s.snapshot ? clockView(s.bundle, s.snapshot.context.clock) : null;

export interface DecisionView {
  nodeId: string;
  /** 1-based number of this decision in the session. */
  number: number;
  title: string;
  text: string | null;
  deadline: ClockView | null;
  /** In-game minutes left before the deadline. */
  minutesLeft: number | null;
  hasTimeout: boolean;
  timeoutTitle: string | null;
  options: { id: string; key: number; label: string; text: string | null }[];
  advisers: {
    id: string;
    title: string;
    consultMinutes: number;
    consulted: boolean;
    view: string | null;
    recommends: { id: string; label: string } | null;
  }[];
}

const decisionBySnapshot = new WeakMap<EngineSnapshot, DecisionView | null>();

export function selectCurrentDecision(s: MandateState): DecisionView | null {
  const { bundle, snapshot } = s;
  if (!bundle || !snapshot) return null;
  if (decisionBySnapshot.has(snapshot)) return decisionBySnapshot.get(snapshot) ?? null;
  const ctx = snapshot.context;
  const node = findNode(bundle, snapshot.node);
  let view: DecisionView | null = null;
  if (node && node.kind === 'decision' && !snapshot.done && ctx.ending === null) {
    const { scenario } = bundle;
    const available = node.options.filter((o) => !o.when || optionAvailable(bundle, snapshot, o.id));
    const deadlineAt = node.deadline !== undefined ? ctx.nodeEnteredAt + node.deadline : null;
    view = {
      nodeId: node.id,
      number: ctx.choices.length + 1,
      title: node.title,
      text: node.text ?? null,
      deadline: deadlineAt !== null ? clockView(bundle, deadlineAt) : null,
      minutesLeft: deadlineAt !== null ? Math.max(0, deadlineAt - ctx.clock) : null,
      hasTimeout: Boolean(node.timeout),
      timeoutTitle: node.timeout?.title ?? null,
      options: available.map((o, i) => ({ id: o.id, key: i + 1, label: o.label, text: o.text ?? null })),
      advisers: node.positions.filter((p) => advisersOfSeat(indexScenario(scenario), ctx.seat).has(p.adviser)).map((p) => {
        const adviser = scenario.advisers.find((a) => a.id === p.adviser);
        const consulted = ctx.consulted.some((c) => c.node === node.id && c.adviser === p.adviser);
        const rec = p.recommends ? node.options.find((o) => o.id === p.recommends) : undefined;
        return {
          id: p.adviser,
          title: adviser?.title ?? p.adviser,
          consultMinutes: adviser?.consultMinutes ?? 30,
          consulted,
          view: consulted ? p.text : null,
          recommends: consulted && rec ? { id: rec.id, label: rec.label } : null,
        };
      }),
    };
  }
  decisionBySnapshot.set(snapshot, view);
  return view;
}

/** Conditional options: the engine's own rule. */
function optionAvailable(bundle: ScenarioBundle, snapshot: EngineSnapshot, optionId: string): boolean {
  return availableOptions(indexScenario(bundle.scenario), snapshot.context).includes(optionId);
}

export interface FeedItem {
  key: string;
  kind: 'inject' | 'consequence' | 'overlean' | 'timeout' | 'delegated';
  channel: string | null;
  from: string | null;
  title: string;
  text: string;
  time: ClockView;
  causes: { title: string; option: string }[];
  seq: number;
}

function feedOf(bundle: ScenarioBundle, timeline: readonly TimelineEntry[]): FeedItem[] {
  const { scenario } = bundle;
  const items: FeedItem[] = [];
  timeline.forEach((t, i) => {
    const base = { key: `${t.seq}-${i}`, time: clockView(bundle, t.time), seq: t.seq, causes: (t.causes ?? []).map((c) => decisionLabel(bundle, c)) };
    if (t.kind === 'inject' && t.inject) {
      const inject = scenario.injects.find((x) => x.id === t.inject);
      if (inject) items.push({ ...base, kind: 'inject', channel: inject.channel, from: inject.from, title: inject.title, text: inject.text });
    } else if (t.kind === 'consequence' && t.consequence) {
      const [nodeId, optionId, cId] = t.consequence.split('.');
      const node = findNode(bundle, nodeId);
      const source = optionId === 'timeout' ? node?.timeout : node?.options.find((o) => o.id === optionId);
      const c = source?.consequences.find((x) => x.id === cId);
      if (c) items.push({ ...base, kind: 'consequence', channel: null, from: null, title: c.title, text: c.text });
    } else if (t.kind === 'overlean' && t.polarity) {
      const p = scenario.polarities.find((x) => x.id === t.polarity);
      const d = t.pole === 'a' ? p?.downsideA : p?.downsideB;
      if (d) items.push({ ...base, kind: 'overlean', channel: null, from: null, title: d.title, text: d.text });
    } else if (t.kind === 'decision' && t.by && t.node) {
      // A decision the player's seat does not own, taken by the seat that does.
      const node = findNode(bundle, t.node);
      const option = node?.options.find((o) => o.id === t.option);
      const by = scenario.seats.find((x) => x.id === t.by)?.title ?? t.by;
      if (node && option) items.push({ ...base, kind: 'delegated', channel: null, from: by, title: node.title, text: option.label });
    } else if (t.kind === 'timeout' && t.node) {
      const node = findNode(bundle, t.node);
      if (node?.timeout) items.push({ ...base, kind: 'timeout', channel: null, from: null, title: node.timeout.title, text: node.timeout.text });
    }
  });
  return items.reverse();
}

const feedBySnapshot = new WeakMap<EngineSnapshot, FeedItem[]>();
/** Injects, consequences and over-leaning downsides as they landed, newest first. */
export function selectInjectFeed(s: MandateState): FeedItem[] {
  const { bundle, snapshot } = s;
  if (!bundle || !snapshot) return [];
  let feed = feedBySnapshot.get(snapshot);
  if (!feed) {
    feed = feedOf(bundle, snapshot.context.timeline);
    feedBySnapshot.set(snapshot, feed);
  }
  return feed;
}

export interface MeterView {
  id: string;
  label: string;
  description: string | null;
  band: Band;
  /** 1 (critical) .. 5 (strong), for the non-numeric bar. */
  level: number;
}

const metersBySnapshot = new WeakMap<EngineSnapshot, MeterView[]>();
/** The mission state as qualitative bands — never raw numbers. */
export function selectMeterBands(s: MandateState): MeterView[] {
  const { bundle, snapshot } = s;
  if (!bundle || !snapshot) return [];
  let view = metersBySnapshot.get(snapshot);
  if (!view) {
    view = bundle.scenario.meters.map((m) => {
      const band = meterBand(snapshot.context.meters[m.id] ?? 0);
      return { id: m.id, label: m.label, description: m.description ?? null, band, level: BANDS.indexOf(band) + 1 };
    });
    metersBySnapshot.set(snapshot, view);
  }
  return view;
}

const mapBySnapshot = new WeakMap<EngineSnapshot, MapModel>();
/** What the situation map shows (the engine's mapModel over the current state). */
export function selectMapModel(s: MandateState): MapModel | null {
  const { bundle, snapshot } = s;
  if (!bundle || !snapshot) return null;
  let model = mapBySnapshot.get(snapshot);
  if (!model) {
    model = mapModel(bundle, snapshot.context);
    mapBySnapshot.set(snapshot, model);
  }
  return model;
}

const debriefBySnapshot = new WeakMap<EngineSnapshot, DebriefModel>();
/** The debrief, from the engine's debriefModel(bundle, save). */
export function selectDebrief(s: MandateState): DebriefModel | null {
  const { bundle, snapshot, session } = s;
  if (!bundle || !snapshot || !session) return null;
  let model = debriefBySnapshot.get(snapshot);
  if (!model) {
    model = debriefModel(bundle, session.save());
    debriefBySnapshot.set(snapshot, model);
  }
  return model;
}

export interface EndingView {
  title: string;
  text: string;
  tone: 'good' | 'mixed' | 'bad';
}

export function selectEnding(s: MandateState): EndingView | null {
  const id = s.snapshot?.context.ending;
  if (!s.bundle || !id) return null;
  const e = s.bundle.scenario.endings.find((x) => x.id === id);
  return e ? { title: e.title, text: e.text, tone: e.tone } : null;
}

/** The session's log, for the debrief's notes and time stamps. */
export const selectLog = (s: MandateState) => s.session?.log() ?? [];

export const selectCanAct = (s: MandateState): boolean => Boolean(s.session && s.snapshot && !s.snapshot.done && !s.saving);

