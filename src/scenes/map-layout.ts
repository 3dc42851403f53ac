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
  /** Top-left: title, north arrow and scale bar. */
  header: Box;
  /** The magnified detail view around the focus, if the focus area is crowded enough to need one. */
  inset: { box: Box; window: Box; projection: Projection; focus: Point } | null;
}

/** Place kinds that count as settlements (drawn with a dot and a name). */
export const SETTLEMENT_KINDS = new Set(['capital', 'city', 'town', 'village']);

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

/**
 * Fits the map to the canvas and chooses the inset corner. `k` is the pixel size of one CSS
 * pixel at the current UI scale (so margins and panel sizes scale with text).
 */
export function computeLayout(model: MapModel, width: number, height: number, k: number, legendOpen: boolean): MapLayout {
  const canvas: Box = { x: 0, y: 0, w: width, h: height };
  const margin = 10 * k;
  const scale = Math.min((width - 2 * margin) / model.width, (height - 2 * margin) / model.height);
  const main: Projection = {
    scale,
    ox: (width - model.width * scale) / 2,
    oy: (height - model.height * scale) / 2,
  };
  const legendW = legendOpen ? Math.min(330 * k, width * 0.48) : 92 * k;
  const legendH = legendOpen ? 150 * k : 24 * k;
  const legend: Box = { x: margin, y: height - margin - legendH, w: legendW, h: legendH };
  const header: Box = { x: margin, y: margin, w: Math.min(230 * k, width * 0.4), h: 80 * k };

  const focus = detailFocus(model, 40);
  let inset: MapLayout['inset'] = null;
  if (focus) {
    // The detail window covers the places near the focus, padded so their labels fit too.
    const near = model.places.filter((p) => Math.hypot(p.at[0] - focus[0], p.at[1] - focus[1]) <= 45);
    if (near.length >= 3) {
      const xs = near.map((p) => p.at[0]);
      const ys = near.map((p) => p.at[1]);
      const pad = 16;
      const wx0 = Math.min(...xs) - pad;
      const wy0 = Math.min(...ys) - pad;
      const ww = Math.max(...xs) - Math.min(...xs) + 2 * pad;
      const wh = Math.max(...ys) - Math.min(...ys) + 2 * pad;
      const boxW = Math.max(Math.min(width * 0.4, 440 * k), 200 * k);
      const boxH = Math.max(Math.min(height * 0.5, 350 * k), 160 * k);
      const focusScreen = project(focus, main);
      const candidates: Box[] = [
        { x: width - margin - boxW, y: height - margin - boxH, w: boxW, h: boxH },
        { x: width - margin - boxW, y: margin, w: boxW, h: boxH },
        { x: margin, y: margin, w: boxW, h: boxH },
      ];
      const cost = (b: Box): number => {
        let c = 0;
        for (const p of model.places) {
          const [x, y] = project(p.at, main);
          if (x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) c += SETTLEMENT_KINDS.has(p.kind) ? 3 : 1;
        }
        const [fx, fy] = focusScreen;
        if (fx >= b.x - 40 * k && fx <= b.x + b.w + 40 * k && fy >= b.y - 40 * k && fy <= b.y + b.h + 40 * k) c += 1000;
        if (overlaps(b, legend) || overlaps(b, header)) c += 500;
        return c;
      };
      const box = candidates.reduce((a, b) => (cost(b) < cost(a) ? b : a));
      // Fit the window into the box's aspect, centred on the cluster.
      const titleH = 22 * k;
      const inner: Box = { x: box.x, y: box.y + titleH, w: box.w, h: box.h - titleH };
      const s = Math.min(inner.w / ww, inner.h / wh);
      const cx = wx0 + ww / 2;
      const cy = wy0 + wh / 2;
      const window: Box = { x: cx - inner.w / s / 2, y: cy - inner.h / s / 2, w: inner.w / s, h: inner.h / s };
      inset = {
        box,
        window,
        focus,
        projection: { scale: s, ox: inner.x + inner.w / 2 - cx * s, oy: inner.y + inner.h / 2 - cy * s },
      };
    }
  }
  return { canvas, main, legend, header, inset };
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
  /** Everything taken so far. */
  taken(): Box[];
}

/**
 * Greedy placement: each label tries eight sides at growing distances (`step` pixels apart);
 * obstacles and earlier labels are avoided. Put the most important labels first.
 */
export function createLabelPlacer(obstacles: Box[], bounds: Box, step: number, rings = 5, panels: Box[] = []): LabelPlacer {
  const taken: Box[] = [...obstacles];
  return {
    block: (box) => void taken.push(box),
    taken: () => taken,
    place(req) {
      let best: { box: Box; cost: number; ring: number } | null = null;
      const consider = (box: Box, ring: number): boolean => {
        if (!inside(box, bounds)) return false;
        let cost = 0;
        for (const t of taken) cost += overlapArea(box, t);
        for (const p of panels) cost += 50 * overlapArea(box, p);
        if (cost === 0) {
          best = { box, cost, ring };
          return true;
        }
        const weighted = cost * (1 + ring * 0.5);
        if (!best || weighted < best.cost) best = { box, cost: weighted, ring };
        return false;
      };
      let done = req.centered
        ? consider({ x: req.anchor[0] - req.w / 2, y: req.anchor[1] - req.h / 2, w: req.w, h: req.h }, 0)
        : false;
      for (let ring = 0; ring < rings && !done; ring++) {
        const r = req.gap + ring * step;
        for (const side of SIDES) {
          if (consider(candidate(req, side, r), ring)) {
            done = true;
            break;
          }
        }
      }
      const chosen = best as { box: Box; cost: number; ring: number } | null;
      if (!chosen || (chosen.cost > 0 && !req.required)) return null;
      taken.push(chosen.box);
      return { box: chosen.box, leader: chosen.ring > 0 && !req.centered };
    },
  };
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
export function terrainKey(model: MapModel, width: number, height: number): string {
  return JSON.stringify([
    width,
    height,
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
