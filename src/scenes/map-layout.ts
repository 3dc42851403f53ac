/**
 * Screen layout for the situation map, kept free of Phaser so it stays easy to reason about:
 * how the world rectangle fits the canvas, where the detail inset, legend and compass go, and a
 * greedy label placer that keeps labels off each other and off the symbols they name.
 * Everything here works in game pixels (CSS pixels × device pixel ratio).
 */
import type { MapModel, Point } from '../engine';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** World → screen for one view (the main map or the detail inset). */
export interface Projection {
  scale: number;
  ox: number;
  oy: number;
}

export function project(p: Point, pr: Projection): Point {
  return [pr.ox + p[0] * pr.scale, pr.oy + p[1] * pr.scale];
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(a: Box, bounds: Box): boolean {
  return a.x >= bounds.x && a.y >= bounds.y && a.x + a.w <= bounds.x + bounds.w && a.y + a.h <= bounds.y + bounds.h;
}

export interface MapLayout {
  /** The whole canvas. */
  canvas: Box;
  main: Projection;
  /** Bottom-left legend panel. */
  legend: Box;
  /** North arrow and scale bar (and the title unless `compact`), in the corner that hides least. */
  header: Box;
  /** Small canvas (laptop side panel): no title in the header, shorter tags, no inset. */
  compact: boolean;
  /** The magnified detail view around the focus, if there is room for one that hides nothing that matters. */
  inset: { box: Box; window: Box; projection: Projection; focus: Point } | null;
}

/** Place kinds that count as settlements (drawn with a dot and a name). */
export const SETTLEMENT_KINDS = new Set(['capital', 'city', 'town', 'village']);

/** Below this canvas width (in UI-scaled CSS pixels, i.e. width / k) the map drops the inset and zooms instead. */
export const INSET_MIN_WIDTH = 700;
/** Below this height (same units) there is no inset either. */
export const INSET_MIN_HEIGHT = 470;
/** How far (× the whole-country fit) the compact view may zoom toward the action. */
export const MAX_ZOOM = 1.6;
/** World units (≈ km) within which a unit, place or road counts as "near the action". */
export const ACTION_RADIUS = 60;

/**
 * Where the detail inset should look: the model's focus, or else the place with the most
 * neighbours within `radius` (the crowded spot that most needs magnifying).
 */
export function detailFocus(model: MapModel, radius: number): Point | null {
  if (model.focus) return model.focus;
  let best: Point | null = null;
  let bestCount = 0;
  for (const p of model.places) {
    const n = model.places.filter((q) => q !== p && Math.hypot(q.at[0] - p.at[0], q.at[1] - p.at[1]) <= radius).length;
    if (n > bestCount) {
      best = p.at;
      bestCount = n;
    }
  }
  return bestCount >= 3 ? best : null;
}

// ---- the action: what the player must be able to read -----------------------------------------

/** The points the story is about: the focus, every actor marker and every recent incident. */
export function interestPoints(model: MapModel): Point[] {
  const out: Point[] = [];
  if (model.focus) out.push(model.focus);
  for (const m of model.markers) out.push(m.at);
  for (const i of model.incidents) if (i.recent) out.push(i.at);
  return out;
}

function distToSegment(p: Point, a: Point, b: Point): number {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * vx + (p[1] - a[1]) * vy) / len2));
  return Math.hypot(p[0] - (a[0] + t * vx), p[1] - (a[1] + t * vy));
}

/**
 * A test for "near the action" (world coordinates): within `ACTION_RADIUS` of an interest point,
 * or close to the line from the focus to an actor marker (the ground a column has to cross).
 */
export function actionTest(model: MapModel, radius = ACTION_RADIUS): (p: Point) => boolean {
  const pts = interestPoints(model);
  const focus = model.focus;
  const routes: [Point, Point][] = focus ? model.markers.map((m) => [focus, m.at]) : [];
  return (p) => pts.some((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) <= radius) || routes.some(([a, b]) => distToSegment(p, a, b) <= radius * 0.4);
}

function bboxOf(points: Point[]): { x0: number; y0: number; x1: number; y1: number } | null {
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** Place kinds whose position the player needs to see (crossings, quarters and villages may fall off the edge). */
const CONTENT_KINDS = new Set(['capital', 'city', 'town', 'un-base', 'team-site', 'airfield', 'idp-site', 'poc-site']);

/**
 * The main view's projection. With `zoom` false the whole country fits the canvas. With `zoom`
 * true (small canvases) the view fits what matters (towns, UN sites, units, actors, incidents)
 * at up to `MAX_ZOOM` × the country fit, and the slack is spent centring the action.
 */
export function fitMain(model: MapModel, width: number, height: number, k: number, zoom: boolean): Projection {
  const margin = 10 * k;
  const border = bboxOf(model.border) ?? { x0: 0, y0: 0, x1: model.width, y1: model.height };
  const pad = 12;
  const bx0 = Math.max(0, border.x0 - pad);
  const by0 = Math.max(0, border.y0 - pad);
  const bx1 = Math.min(model.width, border.x1 + pad);
  const by1 = Math.min(model.height, border.y1 + pad);
  const availW = width - 2 * margin;
  const availH = height - 2 * margin;
  const baseScale = Math.min(availW / (bx1 - bx0), availH / (by1 - by0));
  let scale = baseScale;
  let cx = (bx0 + bx1) / 2;
  let cy = (by0 + by1) / 2;
  if (zoom) {
    const content = bboxOf([
      ...model.places.filter((p) => CONTENT_KINDS.has(p.kind)).map((p) => p.at),
      ...model.units.map((u) => u.at),
      ...interestPoints(model),
      ...model.incidents.map((i) => i.at),
    ]);
    if (content) {
      // Room for labels beyond the outermost symbols, in screen pixels.
      const padX = 26 * k;
      const padY = 18 * k;
      const cw = Math.max(1, content.x1 - content.x0);
      const ch = Math.max(1, content.y1 - content.y0);
      scale = Math.min((availW - 2 * padX) / cw, (availH - 2 * padY) / ch);
      scale = Math.max(baseScale, Math.min(baseScale * MAX_ZOOM, scale));
      const vw = availW / scale;
      const vh = availH / scale;
      const roi = bboxOf(interestPoints(model)) ?? content;
      cx = (roi.x0 + roi.x1) / 2;
      cy = (roi.y0 + roi.y1) / 2;
      // Keep all the content in view if it fits, then never show empty ground beyond the country.
      const clampC = (c: number, lo: number, hi: number, half: number, padW: number): number => {
        const min = hi + padW - half;
        const max = lo - padW + half;
        return min <= max ? Math.max(min, Math.min(max, c)) : (lo + hi) / 2;
      };
      cx = clampC(cx, content.x0, content.x1, vw / 2, padX / scale);
      cy = clampC(cy, content.y0, content.y1, vh / 2, padY / scale);
      cx = vw >= bx1 - bx0 ? (bx0 + bx1) / 2 : Math.max(bx0 + vw / 2, Math.min(bx1 - vw / 2, cx));
      cy = vh >= by1 - by0 ? (by0 + by1) / 2 : Math.max(by0 + vh / 2, Math.min(by1 - vh / 2, cy));
    }
  }
  return { scale, ox: width / 2 - cx * scale, oy: height / 2 - cy * scale };
}

function insideBox(p: Point, b: Box, pad = 0): boolean {
  return p[0] >= b.x - pad && p[0] <= b.x + b.w + pad && p[1] >= b.y - pad && p[1] <= b.y + b.h + pad;
}

/**
 * What covering `box` (screen pixels) on the main view would hide. Infinity when it would hide
 * an actor marker or a recent incident (never acceptable); otherwise a weighted count of units,
 * earlier incidents, places and road stretches, weighted up near the action.
 */
export function coverCost(model: MapModel, main: Projection, box: Box, k: number, near = actionTest(model)): number {
  const hardPad = 14 * k;
  for (const m of model.markers) if (insideBox(project(m.at, main), box, hardPad)) return Infinity;
  for (const i of model.incidents) if (i.recent && insideBox(project(i.at, main), box, hardPad)) return Infinity;
  let c = 0;
  for (const u of model.units) if (insideBox(project(u.at, main), box, 6 * k)) c += near(u.at) ? 12 : 6;
  for (const i of model.incidents) if (!i.recent && insideBox(project(i.at, main), box, 4 * k)) c += 4;
  for (const p of model.places) {
    if (!insideBox(project(p.at, main), box, 4 * k)) continue;
    const w = p.kind === 'capital' || p.kind === 'city' ? 5 : SETTLEMENT_KINDS.has(p.kind) ? 3 : 1;
    c += near(p.at) ? w * 3 : w;
  }
  // Roads, sampled about every 10 km.
  for (const r of model.roads) {
    for (let i = 1; i < r.points.length; i++) {
      const a = r.points[i - 1] as Point;
      const b = r.points[i] as Point;
      const n = Math.max(1, Math.round(Math.hypot(b[0] - a[0], b[1] - a[1]) / 10));
      for (let j = 0; j <= n; j++) {
        const p: Point = [a[0] + ((b[0] - a[0]) * j) / n, a[1] + ((b[1] - a[1]) * j) / n];
        if (insideBox(project(p, main), box)) c += near(p) ? 1.5 : 0.3;
      }
    }
  }
  return c;
}

/** Candidate boxes of size w × h: the four corners, then the middles of the four edges. */
export function edgeCandidates(width: number, height: number, margin: number, w: number, h: number): Box[] {
  const left = margin;
  const right = width - margin - w;
  const top = margin;
  const bottom = height - margin - h;
  const midX = (width - w) / 2;
  const midY = (height - h) / 2;
  return [
    { x: right, y: bottom, w, h },
    { x: right, y: top, w, h },
    { x: left, y: top, w, h },
    { x: left, y: bottom, w, h },
    { x: midX, y: bottom, w, h },
    { x: midX, y: top, w, h },
    { x: right, y: midY, w, h },
    { x: left, y: midY, w, h },
  ];
}

/**
 * Fits the map to the canvas, then places the detail inset (if there is room for one that hides
 * no actor or recent incident) and the header where they hide least. `k` is the pixel size of
 * one CSS pixel at the current UI scale (so margins and panel sizes scale with text).
 */
export function computeLayout(model: MapModel, width: number, height: number, k: number, legendOpen: boolean): MapLayout {
  const canvas: Box = { x: 0, y: 0, w: width, h: height };
  const margin = 10 * k;
  const compact = width / k < INSET_MIN_WIDTH || height / k < INSET_MIN_HEIGHT;
  const near = actionTest(model);
  const legendW = legendOpen ? Math.min(330 * k, width * 0.48) : 92 * k;
  const legendH = legendOpen ? 150 * k : 24 * k;
  const legend: Box = { x: margin, y: height - margin - legendH, w: legendW, h: legendH };

  let main = fitMain(model, width, height, k, compact);
  let inset: MapLayout['inset'] = null;
  const focus = compact ? null : detailFocus(model, 40);
  if (focus) inset = placeInset(model, main, focus, width, height, k, legend, near);
  if (!inset && !compact) {
    // No inset fits without hiding the action: zoom toward it instead.
    main = fitMain(model, width, height, k, true);
  }

  // Header: 50 km scale bar and north arrow (plus the title on roomy canvases).
  const barLen = main.scale * 50;
  const header: Box = compact
    ? { x: 0, y: 0, w: 58 * k + barLen + 22 * k, h: 34 * k }
    : { x: 0, y: 0, w: Math.min(Math.max(170 * k, 80 * k + barLen), width * 0.4), h: 80 * k };
  const headerSpots = [
    { x: margin, y: margin },
    { x: width - margin - header.w, y: margin },
    { x: width - margin - header.w, y: height - margin - header.h },
  ];
  let best = Infinity;
  let spot = headerSpots[0] as { x: number; y: number };
  for (const s of headerSpots) {
    const b: Box = { ...header, ...s };
    if (inset && overlaps(b, inset.box)) continue;
    if (overlaps(b, legend)) continue;
    const c = Math.min(1e6, coverCost(model, main, b, k, near));
    if (c < best) {
      best = c;
      spot = s;
    }
  }
  header.x = spot.x;
  header.y = spot.y;
  return { canvas, main, legend, header, compact, inset };
}

function placeInset(
  model: MapModel,
  main: Projection,
  focus: Point,
  width: number,
  height: number,
  k: number,
  legend: Box,
  near: (p: Point) => boolean,
): MapLayout['inset'] {
  // The detail window covers the places near the focus, padded so their labels fit too.
  const nearFocus = model.places.filter((p) => Math.hypot(p.at[0] - focus[0], p.at[1] - focus[1]) <= 45);
  if (nearFocus.length < 3) return null;
  const xs = nearFocus.map((p) => p.at[0]);
  const ys = nearFocus.map((p) => p.at[1]);
  const pad = 16;
  const wx0 = Math.min(...xs) - pad;
  const wy0 = Math.min(...ys) - pad;
  const ww = Math.max(...xs) - Math.min(...xs) + 2 * pad;
  const wh = Math.max(...ys) - Math.min(...ys) + 2 * pad;
  // What the inset magnifies must stay visible on the main map.
  const [dx0, dy0] = project([wx0, wy0], main);
  const [dx1, dy1] = project([wx0 + ww, wy0 + wh], main);
  const detail: Box = { x: dx0 - 16 * k, y: dy0 - 16 * k, w: dx1 - dx0 + 32 * k, h: dy1 - dy0 + 32 * k };

  const margin = 10 * k;
  const bigW = Math.max(Math.min(width * 0.4, 440 * k), 240 * k);
  const bigH = Math.max(Math.min(height * 0.5, 350 * k), 190 * k);
  const sizes = [
    { w: bigW, h: bigH, penalty: 0 },
    { w: bigW * 0.8, h: bigH * 0.8, penalty: 8 },
  ];
  let best: { box: Box; cost: number } | null = null;
  for (const size of sizes) {
    for (const box of edgeCandidates(width, height, margin, size.w, size.h)) {
      if (overlaps(box, detail) || overlaps(box, legend)) continue;
      const cost = coverCost(model, main, box, k, near) + size.penalty;
      if (!Number.isFinite(cost)) continue;
      if (!best || cost < best.cost) best = { box, cost };
    }
  }
  if (!best) return null;
  const box = best.box;
  // Fit the window into the box's aspect, centred on the cluster.
  const titleH = 22 * k;
  const inner: Box = { x: box.x, y: box.y + titleH, w: box.w, h: box.h - titleH };
  const s = Math.min(inner.w / ww, inner.h / wh);
  const cx = wx0 + ww / 2;
  const cy = wy0 + wh / 2;
  const window: Box = { x: cx - inner.w / s / 2, y: cy - inner.h / s / 2, w: inner.w / s, h: inner.h / s };
  return { box, window, focus, projection: { scale: s, ox: inner.x + inner.w / 2 - cx * s, oy: inner.y + inner.h / 2 - cy * s } };
}

// ---- labels -----------------------------------------------------------------------------------

export interface LabelRequest {
  id: string;
  anchor: Point;
  w: number;
  h: number;
  /** Distance from the anchor to the label's nearest edge at the first ring of candidates. */
  gap: number;
  /** If nothing is free, a required label takes the least-overlapping spot; others are dropped. */
  required: boolean;
  /** Try the spot centred on the anchor first (area names: lakes, regions). */
  centered?: boolean;
  /** Rings of candidates to try (defaults to the placer's). */
  rings?: number;
}

export interface PlacedLabel {
  box: Box;
  /** True when the label sits away from its anchor and needs a leader line. */
  leader: boolean;
}

type Side = 'e' | 'w' | 'n' | 's' | 'ne' | 'se' | 'nw' | 'sw';
const SIDES: Side[] = ['e', 'w', 'ne', 'se', 'nw', 'sw', 'n', 's'];

function candidate(req: LabelRequest, side: Side, r: number): Box {
  const [ax, ay] = req.anchor;
  const { w, h } = req;
  const d = r * 0.72; // diagonal rings sit a little closer
  switch (side) {
    case 'e':
      return { x: ax + r, y: ay - h / 2, w, h };
    case 'w':
      return { x: ax - r - w, y: ay - h / 2, w, h };
    case 'n':
      return { x: ax - w / 2, y: ay - r - h, w, h };
    case 's':
      return { x: ax - w / 2, y: ay + r, w, h };
    case 'ne':
      return { x: ax + d, y: ay - d - h, w, h };
    case 'se':
      return { x: ax + d, y: ay + d, w, h };
    case 'nw':
      return { x: ax - d - w, y: ay - d - h, w, h };
    case 'sw':
      return { x: ax - d - w, y: ay + d, w, h };
  }
}

export interface LabelPlacer {
  /** Places one label (call in order of importance); null if a non-required label found no room. */
  place(req: LabelRequest): PlacedLabel | null;
  /** Marks a box as taken (a symbol or a label placed by other means). */
  block(box: Box): void;
  /** Marks a box as taken and never to be covered by later labels (an actor or its tag). */
  hold(box: Box): void;
  /** Everything taken so far. */
  taken(): Box[];
}

/** Cost per pixel² of overlapping a symbol or an earlier label. */
const SOFT = 3;
/** Cost per pixel² of overlapping a held box (actor, recent incident) or a panel (legend, header, inset). */
const HARD = 10_000;
/** Each ring further from the anchor costs this share of the label's area. */
const RING_COST = 0.12;

/**
 * Greedy placement: each label tries eight sides at growing distances (`step` pixels apart);
 * obstacles and earlier labels are avoided, and held boxes and panels (legend, header, inset)
 * are avoided at almost any price. Put the most important labels first.
 */
export function createLabelPlacer(obstacles: Box[], bounds: Box, step: number, rings = 5, panels: Box[] = [], hard: Box[] = []): LabelPlacer {
  const taken: Box[] = [...obstacles];
  const held: Box[] = [...panels, ...hard];
  return {
    block: (box) => void taken.push(box),
    hold: (box) => void held.push(box),
    taken: () => [...taken, ...held],
    place(req) {
      // Free spots: the nearest ring wins. Required labels may instead take a nearer spot that
      // overlaps a little (each ring out costs RING_COST of the label's area), never a held one.
      const ringCost = RING_COST * req.w * req.h;
      let best: { box: Box; cost: number; ring: number } | null = null;
      const consider = (box: Box, ring: number): void => {
        if (!inside(box, bounds)) return;
        let cost = ring * ringCost;
        if (best && cost >= best.cost) return;
        for (const t of taken) cost += SOFT * overlapArea(box, t);
        for (const p of held) cost += HARD * overlapArea(box, p);
        if (!req.required && cost > ring * ringCost) return;
        if (!best || cost < best.cost) best = { box, cost, ring };
      };
      if (req.centered) consider({ x: req.anchor[0] - req.w / 2, y: req.anchor[1] - req.h / 2, w: req.w, h: req.h }, 0);
      const maxRings = req.rings ?? rings;
      for (let ring = 0; ring < maxRings; ring++) {
        const found = best as { cost: number } | null;
        if (found && found.cost <= ring * ringCost) break; // nothing further out can beat it
        const r = req.gap + ring * step;
        for (const side of SIDES) consider(candidate(req, side, r), ring);
      }
      const chosen = best as { box: Box; cost: number; ring: number } | null;
      if (!chosen) return null;
      taken.push(chosen.box);
      const centredHit = req.centered && chosen.box.x === req.anchor[0] - req.w / 2 && chosen.box.y === req.anchor[1] - req.h / 2;
      return { box: chosen.box, leader: chosen.ring > 0 && !centredHit };
    },
  };
}

// ---- priorities -------------------------------------------------------------------------------

/**
 * Label tiers, placed in this order (lower first). Actors and recent incidents are always
 * labelled; UN units near the action next; then cities and towns; everything else only where
 * it still fits (far-away unit tags shrink to a bare symbol, crossings to a short name).
 */
export const TIER = {
  marker: 0,
  /** The name of the focus town (the place the scenario is about). */
  focus: 1,
  recentIncident: 2,
  symbol: 3,
  unitNear: 4,
  city: 5,
  placeNear: 6,
  unitFar: 7,
  town: 8,
  site: 9,
  village: 10,
  minor: 11,
} as const;

/** The tier of a place's name, given whether it is near the action. */
export function placeTier(kind: string, near: boolean): number {
  if (kind === 'capital' || kind === 'city') return TIER.city;
  // A town or a bridge on the column's road matters as much as a city.
  if (kind === 'town' || kind === 'bridge') return near ? TIER.city : kind === 'town' ? TIER.town : TIER.minor;
  if (near) return kind === 'border-crossing' ? TIER.minor : TIER.placeNear;
  if (kind === 'village') return TIER.village;
  if (kind === 'quarter' || kind === 'bridge' || kind === 'border-crossing') return TIER.minor;
  return TIER.site;
}

/** Whether a place's name must be drawn even if it overlaps something. */
export function placeRequired(kind: string, near: boolean): boolean {
  return kind === 'capital' || kind === 'city' || (near && kind === 'town');
}

/** A shorter name for a low-priority place that does not fit ("North Plateau crossing" → "North Plateau"). */
export function shortPlaceName(name: string, kind: string): string | null {
  if (kind === 'border-crossing') {
    const s = name.replace(/\s+crossing$/i, '');
    return s !== name ? s : null;
  }
  return null;
}

export interface PriorityLabel extends LabelRequest {
  /** Lower tiers are placed first (see TIER). */
  tier: number;
  /** Once placed, later labels must keep off this label and its anchor (actors, recent incidents). */
  keepClear?: boolean;
  /** The anchor symbol's half-size (held clear when keepClear). */
  anchorRadius?: number;
  /** Smaller stand-ins (a short form, a bare symbol), tried in order when the full label finds no free room. */
  fallback?: LabelFallback | LabelFallback[];
}

export interface LabelFallback {
  w: number;
  h: number;
  gap: number;
  required: boolean;
}

export interface PlacedPriorityLabel extends PlacedLabel {
  /** True when a fallback (symbol-only or short form) was used. */
  compact: boolean;
  /** 0 for the full label, n for the n-th fallback. */
  variant: number;
}

/**
 * Places labels by tier (stable within a tier). Actors' anchors are held clear from the start,
 * so no tag (an incident's included) can cover the marker it relates to.
 */
export function placeByPriority(placer: LabelPlacer, labels: PriorityLabel[]): Map<string, PlacedPriorityLabel> {
  const out = new Map<string, PlacedPriorityLabel>();
  for (const l of labels) {
    if (l.keepClear && l.anchorRadius) {
      const r = l.anchorRadius;
      placer.hold({ x: l.anchor[0] - r, y: l.anchor[1] - r, w: 2 * r, h: 2 * r });
    }
  }
  const sorted = labels.map((l, i) => ({ l, i })).sort((a, b) => a.l.tier - b.l.tier || a.i - b.i);
  for (const { l } of sorted) {
    let spot: PlacedLabel | null = placer.place(l);
    let variant = 0;
    const fallbacks = l.fallback ? (Array.isArray(l.fallback) ? l.fallback : [l.fallback]) : [];
    for (let i = 0; !spot && i < fallbacks.length; i++) {
      spot = placer.place({ ...l, ...fallbacks[i] });
      variant = i + 1;
    }
    if (!spot) continue;
    if (l.keepClear) placer.hold(spot.box);
    out.set(l.id, { ...spot, compact: variant > 0, variant });
  }
  return out;
}

/** The point on a box's edge nearest to p (where a leader line meets the label). */
export function nearestOnBox(p: Point, b: Box): Point {
  return [Math.max(b.x, Math.min(p[0], b.x + b.w)), Math.max(b.y, Math.min(p[1], b.y + b.h))];
}

/** Below this canvas size (CSS pixels) the legend starts folded away to leave room for the map. */
export function isCompact(cssWidth: number, cssHeight: number): boolean {
  return cssWidth < 760 || cssHeight < 520;
}

/** A stable string of everything static the terrain layer depends on (redraw only if it changes). */
export function terrainKey(model: MapModel, width: number, height: number, layout?: MapLayout | null): string {
  return JSON.stringify([
    width,
    height,
    layout ? [layout.main, layout.header, layout.legend, layout.inset?.box, layout.inset?.window] : null,
    model.width,
    model.height,
    model.border,
    model.regions.map((r) => [r.id, r.name, r.polygon]),
    model.lakes,
    model.rivers,
    model.roads,
    model.places,
    model.focus,
  ]);
}
