/**
 * The situation map: a view over `MapModel` and nothing else (CONVENTIONS habit 10). It
 * subscribes in create(), unsubscribes on shutdown/destroy, redraws only when the model or the
 * canvas size changes, and tweens units and markers to their new places (instantly under reduced
 * motion). Crowded ground around the focus is repeated magnified in a detail inset drawn by a
 * second camera, so the labels there stay readable.
 */
import Phaser from 'phaser';
import type { MapModel, MapPlace, Point } from '../engine';
import {
  actionTest,
  computeLayout,
  createLabelPlacer,
  isCompact,
  nearestOnBox,
  placeByPriority,
  placeRequired,
  placeTier,
  project,
  shortPlaceName,
  terrainKey,
  SETTLEMENT_KINDS,
  TIER,
  type Box,
  type MapLayout,
  type PlacedPriorityLabel,
  type PriorityLabel,
  type Projection,
} from './map-layout';
import { t as tr, textDirection } from '../i18n';
import { COLOR, FONT, INCIDENT_COLOR, INCIDENT_DEFAULT, INK, REGION_TINTS, hexToNumber } from './map-style';

/** What the scene needs from outside; mount-situation-map.ts builds it from MountOptions. */
export interface MapBridge {
  getModel: () => MapModel | null;
  subscribe: (fn: () => void) => () => void;
  reducedMotion: () => boolean;
  title: string;
  /** Game pixels per CSS pixel (the canvas is rendered at device resolution). */
  pixelRatio: number;
  onReady: () => void;
}

export const SITUATION_MAP_SCENE = 'situation-map';

/** Inset objects live this far to the right in world space; only the inset camera looks there. */
const INSET_OFFSET = 100_000;
const MOVE_MS = 900;

type ViewName = 'main' | 'inset';

interface View {
  name: ViewName;
  root: Phaser.GameObjects.Container;
  terrain: Phaser.GameObjects.Container;
  /** Place, water and region names: re-placed with the entities' tags whenever either changes. */
  labels: Phaser.GameObjects.Container;
  entities: Phaser.GameObjects.Container;
  /** Above the entities: the inset's frame, the main view's legend and header. */
  frame: Phaser.GameObjects.Container;
  proj: Projection;
  /** Added to every x of this view (0 for main, INSET_OFFSET for the inset). */
  dx: number;
  /** Label bounds in screen pixels. */
  bounds: Box;
  /** Screen boxes taken by place symbols (in this view's window); labels avoid them. */
  symbols: Box[];
  /** Place symbol radius by place id (label spacing and leader lines). */
  symbolRadius: Map<string, number>;
  /** Only for the inset: the world rectangle it shows. */
  window: Box | null;
  /** Panels over this view (legend, header, inset) that labels must keep clear of. */
  panels: Box[];
  /** In the main view: the screen area the inset magnifies (entities there are drawn compact). */
  detail: Box | null;
}

type EntityKind = 'unit' | 'marker' | 'incident';

/** Where an entity's tag goes (screen pixels); `text` replaces its label (a unit stack's summary). */
type EntitySpot = PlacedPriorityLabel & { text?: string };

interface Entity {
  key: string;
  kind: EntityKind;
  at: Point;
  label: string;
  color: number;
  /** Unit kind (infantry, fpu, …) or incident kind. */
  sub: string;
  recent: boolean;
}

interface EntityView {
  container: Phaser.GameObjects.Container;
  pulse: Phaser.GameObjects.Graphics | null;
  at: Point;
}

export class SituationMapScene extends Phaser.Scene {
  private readonly bridge: MapBridge;
  private unsubscribe: (() => void) | null = null;
  private views: Record<ViewName, View> | null = null;
  private insetCamera: Phaser.Cameras.Scene2D.Camera | null = null;
  private layout: MapLayout | null = null;
  private drawnTerrain = '';
  private drawnEntities = '';
  private readonly entityViews: Record<ViewName, Map<string, EntityView>> = { main: new Map(), inset: new Map() };
  private k = 1;
  /** null until the user toggles it: then the default follows the canvas size. */
  private legendOpen: boolean | null = null;
  /** Label texts whose font subsets were requested (so a redraw never asks twice). */
  private readonly glyphRequests = new Set<string>();

  constructor(bridge: MapBridge) {
    super({ key: SITUATION_MAP_SCENE });
    this.bridge = bridge;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(COLOR.background);
    this.views = {
      main: this.makeView('main', 0),
      inset: this.makeView('inset', INSET_OFFSET),
    };
    this.insetCamera = this.cameras.add(0, 0, 1, 1).setName('detail-inset').setVisible(false);
    this.insetCamera.setBackgroundColor(COLOR.background);
    this.cameras.main.ignore(this.views.inset.root);
    this.insetCamera.ignore(this.views.main.root);

    this.unsubscribe = this.bridge.subscribe(() => this.refresh());
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.cleanUp, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.cleanUp, this);

    this.refresh();
    this.bridge.onReady();
  }

  private cleanUp(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.tweens.killAll();
    this.entityViews.main.clear();
    this.entityViews.inset.clear();
    this.views = null;
  }

  private onResize(): void {
    this.drawnTerrain = '';
    this.drawnEntities = '';
    this.refresh();
  }

  private makeView(name: ViewName, dx: number): View {
    const root = this.add.container(0, 0);
    const terrain = this.add.container(0, 0);
    const labels = this.add.container(0, 0);
    const entities = this.add.container(0, 0);
    const frame = this.add.container(0, 0);
    root.add([terrain, labels, entities, frame]);
    return {
      name,
      root,
      terrain,
      labels,
      entities,
      frame,
      proj: { scale: 1, ox: 0, oy: 0 },
      dx,
      bounds: { x: 0, y: 0, w: 1, h: 1 },
      symbols: [],
      symbolRadius: new Map(),
      window: null,
      panels: [],
      detail: null,
    };
  }

  // ---- refresh ---------------------------------------------------------------------------------

  /** Called on every store notification: draws only what changed. */
  private refresh(): void {
    const views = this.views;
    if (!views) return;
    const model = this.bridge.getModel();
    const width = this.scale.gameSize.width;
    const height = this.scale.gameSize.height;
    const r = this.bridge.pixelRatio;
    const css = Math.min(width / r / 900, height / r / 630);
    this.k = r * Math.max(1, Math.min(1.7, css));
    const legendOpen = this.legendOpen ?? !isCompact(width / r, height / r);
    // The layout follows the action (actors and recent incidents), so it is recomputed each time;
    // the terrain is redrawn only when the layout or the ground itself changed.
    const layout = model ? computeLayout(model, width, height, this.k, legendOpen) : null;

    const tKey = model ? terrainKey(model, width, height, layout) : `none:${width}x${height}`;
    let terrainChanged = false;
    if (tKey !== this.drawnTerrain) {
      this.drawnTerrain = tKey;
      terrainChanged = true;
      this.drawTerrain(model, layout, width, height);
    }
    const eKey = model ? JSON.stringify([model.units, model.markers, model.incidents]) : 'none';
    if (terrainChanged || eKey !== this.drawnEntities) {
      this.drawnEntities = eKey;
      const spots = model ? this.drawLabels(model) : { main: new Map(), inset: new Map() };
      this.drawEntities(model, terrainChanged, spots);
    }
  }

  // ---- terrain ---------------------------------------------------------------------------------

  private drawTerrain(model: MapModel | null, layout: MapLayout | null, width: number, height: number): void {
    const views = this.views;
    if (!views) return;
    for (const v of Object.values(views)) {
      v.terrain.removeAll(true);
      v.labels.removeAll(true);
      v.frame.removeAll(true);
    }
    this.insetCamera?.setVisible(false);

    if (!model || !layout) {
      this.layout = null;
      const t = this.text(width / 2, height / 2, tr('map.noMap'), 14, INK.muted, 'italic').setOrigin(0.5);
      views.main.terrain.add(t);
      return;
    }
    const k = this.k;
    this.layout = layout;

    const main = views.main;
    main.proj = layout.main;
    main.bounds = layout.canvas;
    main.detail = null;
    if (layout.inset) {
      const w = layout.inset.window;
      const [x0, y0] = project([w.x, w.y], layout.main);
      const [x1, y1] = project([w.x + w.w, w.y + w.h], layout.main);
      main.detail = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
    }
    const panels = [layout.legend, layout.header, ...(layout.inset ? [layout.inset.box] : [])];
    this.drawViewTerrain(main, model, panels, null);

    const inset = views.inset;
    if (layout.inset && this.insetCamera) {
      const { box, projection, window } = layout.inset;
      inset.proj = projection;
      inset.bounds = { x: box.x, y: box.y + 22 * k, w: box.w, h: box.h - 22 * k };
      inset.detail = null;
      inset.window = window;
      this.insetCamera.setViewport(Math.round(box.x), Math.round(box.y), Math.round(box.w), Math.round(box.h));
      this.insetCamera.setScroll(Math.round(box.x) + INSET_OFFSET, Math.round(box.y));
      this.insetCamera.setVisible(true);
      // Keep the inset's scale bar (bottom right) clear of labels.
      const scaleBox: Box = { x: box.x + box.w - 24 * k - projection.scale * 5, y: box.y + box.h - 32 * k, w: 24 * k + projection.scale * 5, h: 32 * k };
      this.drawViewTerrain(inset, model, [scaleBox], window);
      this.drawInsetFrame(model, inset, box, layout.inset.focus);
      this.drawDetailWindow(main, box);
    }
    this.drawOverlay(main.frame, layout);
  }

  /** Draws one view's static layer: land, water, roads, places and their labels. */
  private drawViewTerrain(view: View, model: MapModel, panels: Box[], window: Box | null): void {
    const k = this.k;
    const pr = view.proj;
    const dx = view.dx;
    const P = (p: Point): Point => {
      const [x, y] = project(p, pr);
      return [x + dx, y];
    };
    const g = this.add.graphics();
    view.terrain.add(g);

    // Graticule across the visible area, every 50 km.
    const b = view.bounds;
    g.lineStyle(1 * k, COLOR.graticule, 1);
    const wx0 = (b.x - pr.ox) / pr.scale;
    const wx1 = (b.x + b.w - pr.ox) / pr.scale;
    const wy0 = (b.y - pr.oy) / pr.scale;
    const wy1 = (b.y + b.h - pr.oy) / pr.scale;
    const grid = window ? 10 : 50;
    for (let x = Math.ceil(wx0 / grid) * grid; x <= wx1; x += grid) {
      const sx = pr.ox + x * pr.scale + dx;
      g.lineBetween(sx, b.y - 40 * k, sx, b.y + b.h + 40 * k);
    }
    for (let y = Math.ceil(wy0 / grid) * grid; y <= wy1; y += grid) {
      const sy = pr.oy + y * pr.scale;
      g.lineBetween(b.x + dx - 40 * k, sy, b.x + b.w + dx + 40 * k, sy);
    }

    // Land: the country, tinted regions, dashed region boundaries, then the border on top.
    g.fillStyle(COLOR.country, 1);
    g.fillPoints(model.border.map((p) => this.vec(P(p))), true, true);
    model.regions.forEach((r, i) => {
      g.fillStyle(REGION_TINTS[i % REGION_TINTS.length] ?? COLOR.country, 0.45);
      g.fillPoints(r.polygon.map((p) => this.vec(P(p))), true, true);
    });
    g.lineStyle(1.2 * k, COLOR.regionLine, 0.75);
    for (const r of model.regions) this.dashed(g, [...r.polygon, r.polygon[0] as Point].map(P), 6 * k, 4 * k);
    g.lineStyle(7 * k, COLOR.borderHalo, 0.13);
    g.strokePoints(model.border.map((p) => this.vec(P(p))), true, true);
    g.lineStyle(2.2 * k, COLOR.border, 1);
    g.strokePoints(model.border.map((p) => this.vec(P(p))), true, true);

    // Water.
    for (const lake of model.lakes) {
      const pts = lake.polygon.map((p) => this.vec(P(p)));
      g.fillStyle(COLOR.lake, 1);
      g.fillPoints(pts, true, true);
      g.lineStyle(1.3 * k, COLOR.lakeEdge, 1);
      g.strokePoints(pts, true, true);
    }
    const riverPaths = model.rivers.map((river) => ({ river, pts: this.smooth(river.points.map(P)) }));
    g.lineStyle((window ? 3.2 : 2.4) * k, COLOR.river, 1);
    for (const { pts } of riverPaths) g.strokePoints(pts.map((p) => this.vec(p)), false, false);

    // Built-up areas of settlements (a sense of scale in the inset).
    for (const place of model.places) {
      const area = { capital: 13, city: 11, town: 6 }[place.kind as 'capital' | 'city' | 'town'];
      if (!area) continue;
      const [x, y] = P(place.at);
      g.fillStyle(0x4a5568, window ? 0.5 : 0.35);
      g.fillCircle(x, y, Math.max(area * pr.scale, 4 * k));
    }

    // Roads, least important first so highways draw on top.
    for (const kind of ['track', 'road', 'highway']) {
      for (const road of model.roads.filter((r) => r.kind === kind)) {
        const pts = road.points.map(P);
        if (kind === 'highway') {
          g.lineStyle(6 * k, COLOR.outline, 0.8);
          g.strokePoints(pts.map((p) => this.vec(p)), false, false);
          g.lineStyle(3.4 * k, COLOR.highway, 1);
          g.strokePoints(pts.map((p) => this.vec(p)), false, false);
        } else if (kind === 'road') {
          g.lineStyle(2 * k, COLOR.road, 0.9);
          g.strokePoints(pts.map((p) => this.vec(p)), false, false);
        } else {
          g.lineStyle(1.5 * k, COLOR.track, 0.9);
          this.dashed(g, pts, 5 * k, 4 * k);
        }
      }
    }

    // Place symbols; each becomes an obstacle for labels.
    const inView = (p: MapPlace): boolean =>
      !window || (p.at[0] >= window.x && p.at[0] <= window.x + window.w && p.at[1] >= window.y && p.at[1] <= window.y + window.h);
    view.symbols = [];
    view.symbolRadius = new Map();
    for (const place of model.places) {
      const [x, y] = P(place.at);
      const r = drawPlaceSymbol(g, place.kind, x, y, k, Boolean(window));
      view.symbolRadius.set(place.id, r);
      const [sx, sy] = project(place.at, pr);
      if (inView(place)) view.symbols.push({ x: sx - r, y: sy - r, w: 2 * r, h: 2 * r });
    }
    view.panels = panels;
  }

  // ---- labels: one priority pass over actors, incidents, units and names ----------------------

  /**
   * Places every label of both views in priority order (actors and recent incidents first, then
   * UN units near the action, cities and towns, then the rest where it still fits), draws the
   * place, water and region names, and returns where each entity's tag goes.
   */
  private drawLabels(model: MapModel): Record<ViewName, Map<string, EntitySpot>> {
    const out: Record<ViewName, Map<string, EntitySpot>> = { main: new Map(), inset: new Map() };
    const views = this.views;
    if (!views) return out;
    const near = actionTest(model);
    const entities = entitiesOf(model);
    for (const view of Object.values(views)) {
      view.labels.removeAll(true);
      if (view.name === 'inset' && !this.layout?.inset) continue;
      out[view.name] = this.drawViewLabels(view, model, entities, near);
    }
    return out;
  }

  private drawViewLabels(view: View, model: MapModel, entities: Entity[], near: (p: Point) => boolean): Map<string, EntitySpot> {
    const k = this.k;
    const pr = view.proj;
    const dx = view.dx;
    const window = view.window;
    const g = this.add.graphics();
    view.labels.add(g);
    const inWindow = (at: Point): boolean =>
      !window || (at[0] >= window.x && at[0] <= window.x + window.w && at[1] >= window.y && at[1] <= window.y + window.h);
    const inDetail = (at: Point): boolean => {
      const d = view.detail;
      if (!d) return false;
      const [x, y] = project(at, pr);
      return x >= d.x && x <= d.x + d.w && y >= d.y && y <= d.y + d.h;
    };
    const reqs: PriorityLabel[] = [];
    const smallKeys = new Set<string>();
    const unitGroups = new Map<string, { e: Entity; w: number; h: number }[]>();

    // Entities: actors and recent incidents are always tagged and kept clear of everything else.
    const sym = { w: 10 * k, h: 10 * k, gap: 2 * k };
    for (const e of entities) {
      if (!inWindow(e.at)) continue;
      const anchor = project(e.at, pr);
      const small = inDetail(e.at) || (e.kind === 'incident' && !e.recent);
      if (small) {
        smallKeys.add(e.key);
        const tier = e.kind === 'marker' ? TIER.marker : TIER.symbol;
        reqs.push({ id: e.key, anchor, ...sym, required: true, tier, rings: 10, keepClear: e.kind === 'marker', anchorRadius: 5 * k });
        continue;
      }
      const { w, h } = this.pillSize(e);
      if (e.kind === 'marker' || e.kind === 'incident') {
        const tier = e.kind === 'marker' ? TIER.marker : TIER.recentIncident;
        reqs.push({ id: e.key, anchor, w, h, gap: 6 * k, required: true, tier, rings: 10, keepClear: true, anchorRadius: (e.kind === 'marker' ? 5 : 9) * k });
      } else {
        // Units sharing a place get one stacked tag (placed once, one row each).
        const gkey = `${e.at[0]},${e.at[1]}`;
        const group = unitGroups.get(gkey);
        if (group) group.push({ e, w, h });
        else unitGroups.set(gkey, [{ e, w, h }]);
      }
    }
    const rowGap = 2 * k;
    const stacks = new Map<string, { keys: string[]; rowH: number[] }>();
    for (const [gkey, group] of unitGroups) {
      const first = group[0];
      if (!first) continue;
      const isNear = near(first.e.at);
      const id = `units:${gkey}`;
      stacks.set(id, { keys: group.map((m) => m.e.key), rowH: group.map((m) => m.h) });
      // If the stack does not fit: one tag naming the first unit and how many more, then a bare symbol.
      const summary = group.length > 1 ? this.pillSize(first.e, summaryLabel(first.e, group.length)) : null;
      reqs.push({
        id,
        anchor: project(first.e.at, pr),
        w: Math.max(...group.map((m) => m.w)),
        h: group.reduce((sum, m) => sum + m.h, 0) + rowGap * (group.length - 1),
        gap: 6 * k,
        required: false,
        tier: isNear ? TIER.unitNear : TIER.unitFar,
        rings: isNear ? 7 : 6,
        fallback: [...(summary ? [{ ...summary, gap: 6 * k, required: false }] : []), { ...sym, required: true }],
      });
    }

    // Place names. In the main view the inset's ground is left to the inset (bar the focus town).
    const focusPlace = nearestSettlement(model, this.layout?.inset?.focus ?? model.focus);
    const texts = new Map<string, { full: Phaser.GameObjects.Text; short: Phaser.GameObjects.Text | null; place: MapPlace }>();
    const order = ['capital', 'city', 'town', 'un-base', 'team-site', 'airfield', 'idp-site', 'poc-site', 'village', 'bridge', 'quarter', 'border-crossing'];
    const places = model.places
      .filter((p) => inWindow(p.at))
      .filter((p) => !inDetail(p.at) || p.id === focusPlace?.id)
      .sort((a, b) => rank(order, a.kind) - rank(order, b.kind));
    for (const place of places) {
      const style = placeLabelStyle(place.kind);
      const make = (s: string): Phaser.GameObjects.Text => {
        const t = this.text(0, 0, s, style.size, style.color, style.weight);
        if (style.spacing) t.setLetterSpacing(style.spacing * k);
        return t;
      };
      const full = make(place.kind === 'capital' || place.kind === 'city' ? place.name.toUpperCase() : place.name);
      const shortName = shortPlaceName(place.name, place.kind);
      const short = shortName ? make(shortName) : null;
      texts.set(place.id, { full, short, place });
      const isNear = near(place.at) || place.id === focusPlace?.id;
      const r = view.symbolRadius.get(place.id) ?? 3 * k;
      reqs.push({
        id: `place:${place.id}`,
        anchor: project(place.at, pr),
        w: full.width,
        h: full.height,
        gap: r + 1 * k,
        required: place.id === focusPlace?.id || placeRequired(place.kind, isNear),
        tier: place.id === focusPlace?.id ? TIER.focus : placeTier(place.kind, isNear),
        rings: isNear || placeRequired(place.kind, isNear) ? 5 : 3,
        fallback: short ? { w: short.width, h: short.height, gap: r + 1 * k, required: false } : undefined,
      });
    }

    const placer = createLabelPlacer(view.symbols, view.bounds, 8 * k, 6, view.panels);
    const placed = placeByPriority(placer, reqs);
    const entitySpots = new Map<string, EntitySpot>();
    const entityByKey = new Map(entities.map((e) => [e.key, e]));
    for (const e of entities) {
      const spot = placed.get(e.key);
      if (spot) entitySpots.set(e.key, { ...spot, compact: spot.compact || smallKeys.has(e.key) });
    }
    for (const [id, stack] of stacks) {
      const spot = placed.get(id);
      if (!spot) continue;
      let y = spot.box.y;
      const summarised = stack.keys.length > 1 && spot.variant === 1;
      stack.keys.forEach((key, i) => {
        const h = stack.rowH[i] ?? 0;
        if (summarised) {
          // The first unit carries the summary tag; the others show only their anchor dot.
          if (i === 0) entitySpots.set(key, { ...spot, compact: false, text: summaryLabel(entityByKey.get(key), stack.keys.length) });
        } else entitySpots.set(key, spot.compact ? spot : { ...spot, box: { x: spot.box.x, y, w: spot.box.w, h } });
        y += h + rowGap;
      });
    }
    for (const [id, { full, short, place }] of texts) {
      const spot = placed.get(`place:${id}`);
      const keep = spot ? (spot.compact ? short : full) : null;
      for (const t of [full, short]) if (t && t !== keep) t.destroy();
      if (!spot || !keep) continue;
      keep.setPosition(spot.box.x + dx, spot.box.y);
      const r = view.symbolRadius.get(id) ?? 3 * k;
      if (spot.leader) this.leader(g, project(place.at, pr), spot.box, dx, 0xc0c8d4, r);
      view.labels.add(keep);
    }

    // Water names.
    for (const lake of model.lakes) {
      const t = this.text(0, 0, lake.name, 12, INK.water, 'italic');
      const c = centroid(lake.polygon);
      const spot = placer.place({ id: lake.id, anchor: project(c, pr), w: t.width, h: t.height, gap: 4 * k, required: false, centered: true });
      if (spot) view.labels.add(t.setPosition(spot.box.x + dx, spot.box.y));
      else t.destroy();
    }
    for (const river of model.rivers) {
      const t = this.text(0, 0, river.name, 12, INK.water, 'italic');
      const pts = river.points;
      let done = false;
      for (const f of [0.3, 0.2, 0.42, 0.12, 0.55, 0.7]) {
        const i = (pts.length - 1) * f;
        const a = pts[Math.floor(i)];
        const b = pts[Math.ceil(i)];
        if (!a || !b) continue;
        const u = i - Math.floor(i);
        const anchor = project([a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u], pr);
        const spot = placer.place({ id: river.id, anchor, w: t.width, h: t.height, gap: 3 * k, required: false, rings: 1 });
        if (spot) {
          view.labels.add(t.setPosition(spot.box.x + dx, spot.box.y));
          done = true;
          break;
        }
      }
      if (!done) t.destroy();
    }

    // Region names last: large, spaced capitals that give way to everything else.
    if (!window) {
      for (const region of model.regions) {
        const t = this.text(0, 0, region.name.toUpperCase(), 12, INK.region, 'bold');
        t.setLetterSpacing(2.5 * k).setAlpha(0.9);
        const [cx, cy] = project(region.centre, pr);
        let spot = null;
        for (const [ox, oy] of [[0, 0], [0, -1.5], [0, 1.5], [-0.3, 0], [0.3, 0], [0, -3], [0, 3]] as const) {
          spot = placer.place({ id: region.id, anchor: [cx + ox * t.width, cy + oy * t.height], w: t.width, h: t.height, gap: 0, required: false, centered: true, rings: 0 });
          if (spot) break;
        }
        if (spot) view.labels.add(t.setPosition(spot.box.x + dx, spot.box.y));
        else t.destroy();
      }
    }
    return entitySpots;
  }

  /** The rectangle on the main map that the inset magnifies, with a line to the inset. */
  private drawDetailWindow(main: View, insetBox: Box): void {
    const d = main.detail;
    if (!d) return;
    const k = this.k;
    const g = this.add.graphics();
    g.lineStyle(1.5 * k, COLOR.insetEdge, 0.9);
    g.strokeRect(d.x, d.y, d.w, d.h);
    g.lineStyle(1 * k, COLOR.insetEdge, 0.45);
    const from = nearestOnBox([insetBox.x + insetBox.w / 2, insetBox.y + insetBox.h / 2], d);
    const to = nearestOnBox(from, insetBox);
    this.dashed(g, [from, to], 4 * k, 4 * k);
    main.terrain.add(g);
  }

  private drawInsetFrame(model: MapModel, inset: View, box: Box, focus: Point): void {
    const k = this.k;
    const dx = inset.dx;
    const g = this.add.graphics();
    const titleH = 22 * k;
    g.fillStyle(COLOR.panel, 0.96);
    g.fillRect(box.x + dx, box.y, box.w, titleH);
    g.lineStyle(2 * k, COLOR.insetEdge, 1);
    g.strokeRect(box.x + dx + k, box.y + k, box.w - 2 * k, box.h - 2 * k);
    g.lineBetween(box.x + dx, box.y + titleH, box.x + dx + box.w, box.y + titleH);
    const name = nearestSettlement(model, focus)?.name ?? '';
    const t = this.text(box.x + dx + 8 * k, box.y + titleH / 2, `${tr('map.detail')}  ${name.toUpperCase()}`, 12, INK.title, 'bold');
    t.setOrigin(0, 0.5).setLetterSpacing(spacing(tr('map.detail'), 1.5 * k)).setStroke(INK.halo, 0);
    // A 5 km scale hint inside the inset.
    const s = inset.proj.scale * 5;
    const sx = box.x + dx + box.w - 12 * k - s;
    const sy = box.y + box.h - 12 * k;
    g.lineStyle(2 * k, COLOR.insetEdge, 1);
    g.lineBetween(sx, sy, sx + s, sy);
    g.lineBetween(sx, sy - 4 * k, sx, sy);
    g.lineBetween(sx + s, sy - 4 * k, sx + s, sy);
    const st = this.text(sx + s / 2, sy - 5 * k, tr('map.km', { count: 5 }), 11, INK.muted, 'normal').setOrigin(0.5, 1);
    inset.frame.add([g, t, st]);
  }

  /** Legend, title, north arrow and scale bar (main camera only). */
  private drawOverlay(overlay: Phaser.GameObjects.Container, layout: MapLayout): void {
    const k = this.k;
    const g = this.add.graphics();
    overlay.add(g);

    // Header: title (roomy canvases only; the page already names the panel), north arrow, scale bar.
    const h = layout.header;
    const km = 50;
    const len = layout.main.scale * km;
    g.fillStyle(COLOR.panel, 0.82);
    g.fillRoundedRect(h.x, h.y, h.w, h.h, 6 * k);
    g.lineStyle(1 * k, COLOR.panelEdge, 1);
    g.strokeRoundedRect(h.x, h.y, h.w, h.h, 6 * k);
    let top = h.y + 48 * k;
    if (layout.compact) top = h.y + 10 * k;
    else overlay.add(this.text(h.x + 10 * k, h.y + 7 * k, this.bridge.title, 14, INK.title, 'bold'));
    const ax = h.x + 22 * k;
    const arrowH = layout.compact ? 16 * k : 22 * k;
    g.fillStyle(COLOR.settlement, 1);
    g.fillTriangle(ax, top, ax - 6 * k, top + arrowH, ax, top + arrowH * 0.78);
    g.lineStyle(1.2 * k, COLOR.settlement, 1);
    g.strokeTriangle(ax, top, ax + 6 * k, top + arrowH, ax, top + arrowH * 0.78);
    if (layout.compact) overlay.add(this.text(ax - 9 * k, top + arrowH / 2, tr('map.north'), 11, INK.title, 'bold').setOrigin(1, 0.5));
    else overlay.add(this.text(ax, top - 1 * k, tr('map.north'), 12, INK.title, 'bold').setOrigin(0.5, 1));
    const sx = h.x + (layout.compact ? 44 : 46) * k;
    const sy = layout.compact ? top + arrowH - 4 * k : top + 14 * k;
    g.fillStyle(COLOR.settlement, 1);
    g.fillRect(sx, sy, len / 2, 4 * k);
    g.lineStyle(1 * k, COLOR.settlement, 1);
    g.strokeRect(sx, sy, len, 4 * k);
    overlay.add(this.text(sx, sy - 2 * k, '0', 11, INK.muted, 'normal').setOrigin(0.5, 1));
    overlay.add(this.text(sx + len, sy - 2 * k, tr('map.km', { count: km }), 11, INK.muted, 'normal').setOrigin(0.5, 1));

    // Legend in two columns, or folded into a button on small canvases.
    const l = layout.legend;
    const rtl = textDirection() === 'rtl';
    const toggle = this.add.zone(l.x, l.y, l.w, l.h).setOrigin(0, 0).setInteractive({ useHandCursor: true });
    toggle.on(Phaser.Input.Events.POINTER_DOWN, () => {
      this.legendOpen = !(l.h > 30 * k);
      this.refresh();
    });
    overlay.add(toggle);
    if (l.h <= 30 * k) {
      g.fillStyle(COLOR.panel, 0.88);
      g.fillRoundedRect(l.x, l.y, l.w, l.h, 6 * k);
      g.lineStyle(1 * k, COLOR.panelEdge, 1);
      g.strokeRoundedRect(l.x, l.y, l.w, l.h, 6 * k);
      overlay.add(this.text(l.x + l.w / 2, l.y + l.h / 2, `${tr('map.legend')}  +`, 11, INK.muted, 'bold').setOrigin(0.5).setLetterSpacing(spacing(tr('map.legend'), 1.5 * k)));
      return;
    }
    g.fillStyle(COLOR.panel, 0.88);
    g.fillRoundedRect(l.x, l.y, l.w, l.h, 6 * k);
    g.lineStyle(1 * k, COLOR.panelEdge, 1);
    g.strokeRoundedRect(l.x, l.y, l.w, l.h, 6 * k);
    overlay.add(this.text(rtl ? l.x + l.w - 10 * k : l.x + 10 * k, l.y + 6 * k, tr('map.legend'), 11, INK.muted, 'bold').setOrigin(rtl ? 1 : 0, 0).setLetterSpacing(spacing(tr('map.legend'), 1.5 * k)));
    const rowH = (l.h - 26 * k) / 9;
    const colW = l.w / 2;
    const items: [string, (x: number, y: number) => void][] = [
      [tr('map.legendItems.capital'), (x, y) => drawPlaceSymbol(g, 'capital', x, y, k, false)],
      [tr('map.legendItems.cityTown'), (x, y) => drawPlaceSymbol(g, 'city', x, y, k, false)],
      [tr('map.legendItems.village'), (x, y) => drawPlaceSymbol(g, 'village', x, y, k, false)],
      [tr('map.legendItems.unBase'), (x, y) => drawPlaceSymbol(g, 'un-base', x, y, k, false)],
      [tr('map.legendItems.teamSite'), (x, y) => drawPlaceSymbol(g, 'team-site', x, y, k, false)],
      [tr('map.legendItems.idpSite'), (x, y) => drawPlaceSymbol(g, 'idp-site', x, y, k, false)],
      [tr('map.legendItems.pocSite'), (x, y) => drawPlaceSymbol(g, 'poc-site', x, y, k, false)],
      [tr('map.legendItems.airfield'), (x, y) => drawPlaceSymbol(g, 'airfield', x, y, k, false)],
      [tr('map.legendItems.bridgeCrossing'), (x, y) => {
        drawPlaceSymbol(g, 'bridge', x - 5 * k, y, k, false);
        drawPlaceSymbol(g, 'border-crossing', x + 6 * k, y, k, false);
      }],
      [tr('map.legendItems.highway'), (x, y) => {
        g.lineStyle(3.4 * k, COLOR.highway, 1);
        g.lineBetween(x - 9 * k, y, x + 9 * k, y);
      }],
      [tr('map.legendItems.roadTrack'), (x, y) => {
        g.lineStyle(2 * k, COLOR.road, 0.9);
        g.lineBetween(x - 9 * k, y - 3 * k, x + 9 * k, y - 3 * k);
        g.lineStyle(1.5 * k, COLOR.track, 0.9);
        this.dashed(g, [[x - 9 * k, y + 3 * k], [x + 9 * k, y + 3 * k]], 4 * k, 3 * k);
      }],
      [tr('map.legendItems.riverLake'), (x, y) => {
        g.fillStyle(COLOR.lake, 1);
        g.fillRect(x + 2 * k, y - 5 * k, 8 * k, 10 * k);
        g.lineStyle(2.2 * k, COLOR.river, 1);
        g.lineBetween(x - 9 * k, y + 4 * k, x - 1 * k, y - 4 * k);
      }],
      [tr('map.legendItems.regionBoundary'), (x, y) => {
        g.lineStyle(1.2 * k, COLOR.regionLine, 1);
        this.dashed(g, [[x - 9 * k, y], [x + 9 * k, y]], 5 * k, 3 * k);
      }],
      [tr('map.legendItems.unUnit'), (x, y) => {
        g.fillStyle(COLOR.unFill, 1);
        g.fillRoundedRect(x - 10 * k, y - 6 * k, 20 * k, 12 * k, 3 * k);
        g.lineStyle(1 * k, COLOR.unEdge, 1);
        g.strokeRoundedRect(x - 10 * k, y - 6 * k, 20 * k, 12 * k, 3 * k);
        drawUnitGlyph(g, 'infantry', x, y, k);
      }],
      [tr('map.legendItems.otherActor'), (x, y) => drawDiamond(g, x, y, 5.5 * k, 0xe4572e)],
      [tr('map.legendItems.incidentRecent'), (x, y) => {
        g.fillStyle(INCIDENT_DEFAULT, 1);
        g.fillCircle(x, y, 4.5 * k);
        g.lineStyle(1.5 * k, INCIDENT_DEFAULT, 0.7);
        g.strokeCircle(x, y, 8 * k);
      }],
      [tr('map.legendItems.incidentEarlier'), (x, y) => {
        g.fillStyle(INCIDENT_DEFAULT, 0.55);
        g.fillCircle(x, y, 3.5 * k);
      }],
      [tr('map.legendItems.magnifiedArea'), (x, y) => {
        g.lineStyle(1.5 * k, COLOR.insetEdge, 0.9);
        g.strokeRect(x - 8 * k, y - 5 * k, 16 * k, 10 * k);
      }],
    ];
    items.forEach(([label, draw], i) => {
      const col = Math.floor(i / 9);
      const row = i % 9;
      // Right to left, the first column is on the right and each label reads from its symbol leftwards.
      const cx = rtl ? l.x + l.w - col * colW - 20 * k : l.x + col * colW + 20 * k;
      const cy = l.y + 24 * k + row * rowH + rowH / 2;
      draw(cx, cy);
      overlay.add(this.text(rtl ? cx - 16 * k : cx + 16 * k, cy, label, 11.5, INK.village, 'normal').setOrigin(rtl ? 1 : 0, 0.5).setStroke(INK.halo, 0));
    });
  }

  // ---- entities: units, actors, incidents --------------------------------------------------------

  private drawEntities(model: MapModel | null, instant: boolean, spots: Record<ViewName, Map<string, EntitySpot>>): void {
    const views = this.views;
    if (!views) return;
    const entities = model ? entitiesOf(model) : [];
    const reduced = this.bridge.reducedMotion();
    for (const view of Object.values(views)) {
      const known = this.entityViews[view.name];
      if (!model || (view.name === 'inset' && !this.layout?.inset)) {
        for (const ev of known.values()) this.destroyEntityView(ev);
        known.clear();
        continue;
      }
      const layoutBoxes = spots[view.name];
      const seen = new Set<string>();
      for (const e of entities) {
        seen.add(e.key);
        const [sx, sy] = project(e.at, view.proj);
        const x = sx + view.dx;
        let ev = known.get(e.key);
        const isNew = !ev;
        if (!ev) {
          ev = { container: this.add.container(x, sy), pulse: null, at: e.at };
          view.entities.add(ev.container);
          known.set(e.key, ev);
        }
        this.composeEntity(ev, e, view, layoutBoxes.get(e.key) ?? null, reduced);
        const moved = ev.container.x !== x || ev.container.y !== sy;
        this.tweens.killTweensOf(ev.container);
        if (isNew) {
          ev.container.setPosition(x, sy);
          if (!reduced && !instant) {
            ev.container.setAlpha(0);
            this.tweens.add({ targets: ev.container, alpha: 1, duration: 450, ease: 'Sine.easeOut' });
          } else ev.container.setAlpha(1);
        } else if (moved) {
          ev.container.setAlpha(1);
          if (reduced || instant) ev.container.setPosition(x, sy);
          else this.tweens.add({ targets: ev.container, x, y: sy, duration: MOVE_MS, ease: 'Sine.easeInOut' });
        }
        ev.at = e.at;
      }
      for (const [key, ev] of known) {
        if (seen.has(key)) continue;
        this.destroyEntityView(ev);
        known.delete(key);
      }
    }
  }

  private destroyEntityView(ev: EntityView): void {
    this.tweens.killTweensOf(ev.container);
    if (ev.pulse) this.tweens.killTweensOf(ev.pulse);
    ev.container.destroy();
  }

  private pillText(e: Entity, text?: string): Phaser.GameObjects.Text {
    const label = text ?? (e.kind === 'incident' ? truncate(e.label, this.layout?.compact ? 26 : 34) : e.label);
    return this.text(0, 0, label, 12, '#ffffff', 'bold').setStroke(INK.halo, 0);
  }

  private pillSize(e: Entity, text?: string): { w: number; h: number } {
    const k = this.k;
    const t = this.pillText(e, text);
    const size = { w: t.width + (e.kind === 'unit' ? 30 : 24) * k, h: t.height + 6 * k };
    t.destroy();
    return size;
  }

  /** (Re)builds an entity's drawing inside its container, relative to the anchor at (0, 0). */
  private composeEntity(
    ev: EntityView,
    e: Entity,
    view: View,
    spot: EntitySpot | null,
    reduced: boolean,
  ): void {
    const k = this.k;
    if (ev.pulse) this.tweens.killTweensOf(ev.pulse);
    ev.pulse = null;
    ev.container.removeAll(true);
    const g = this.add.graphics();
    ev.container.add(g);
    if (!spot) {
      // Outside the inset's window (clipped by its camera) or no room: a plain dot at the anchor.
      g.fillStyle(e.color, 1);
      g.fillCircle(0, 0, 3 * k);
      return;
    }
    const [ax, ay] = project(e.at, view.proj);
    const box: Box = { x: spot.box.x - ax, y: spot.box.y - ay, w: spot.box.w, h: spot.box.h };
    const cx = box.x + box.w / 2;
    const cy = box.y + box.h / 2;

    if (e.kind === 'incident' && e.recent) {
      const ring = this.add.graphics();
      ring.lineStyle(2 * k, e.color, 1);
      ring.strokeCircle(0, 0, 8 * k);
      ev.container.addAt(ring, 0);
      if (reduced) {
        ring.lineStyle(1.5 * k, e.color, 0.6);
        ring.strokeCircle(0, 0, 13 * k);
      } else {
        ev.pulse = ring;
        this.tweens.add({ targets: ring, scale: { from: 0.8, to: 2.4 }, alpha: { from: 1, to: 0 }, duration: 1500, repeat: -1, ease: 'Sine.easeOut' });
      }
    }
    if (spot.leader || (e.kind !== 'incident' && !spot.compact)) {
      const [lx, ly] = nearestOnBox([0, 0], box);
      g.lineStyle(1.2 * k, e.kind === 'unit' ? COLOR.unEdge : e.color, 0.85);
      g.lineBetween(0, 0, lx, ly);
      g.fillStyle(e.kind === 'unit' ? COLOR.unBlue : e.color, 1);
      g.fillCircle(0, 0, 2.4 * k);
    }

    if (spot.compact) {
      if (e.kind === 'unit') {
        g.fillStyle(COLOR.unFill, 1);
        g.fillRect(cx - 5 * k, cy - 4 * k, 10 * k, 8 * k);
        g.lineStyle(1 * k, COLOR.unEdge, 1);
        g.strokeRect(cx - 5 * k, cy - 4 * k, 10 * k, 8 * k);
      } else if (e.kind === 'marker') {
        drawDiamond(g, cx, cy, 5 * k, e.color);
      } else {
        g.fillStyle(e.color, e.recent ? 1 : 0.6);
        g.fillCircle(cx, cy, (e.recent ? 4.5 : 3.5) * k);
      }
      return;
    }

    const t = this.pillText(e, spot.text);
    if (e.kind === 'unit') {
      g.fillStyle(COLOR.unFill, 0.96);
      g.fillRoundedRect(box.x, box.y, box.w, box.h, 3 * k);
      g.lineStyle(1.2 * k, COLOR.unEdge, 1);
      g.strokeRoundedRect(box.x, box.y, box.w, box.h, 3 * k);
      // A small unit frame with the kind's glyph, as on military map symbols.
      const fx = box.x + 4 * k;
      const fy = cy - 5 * k;
      g.lineStyle(1 * k, 0xffffff, 0.95);
      g.strokeRect(fx, fy, 18 * k, 10 * k);
      drawUnitGlyph(g, e.sub, fx + 9 * k, cy, k);
      t.setPosition(box.x + 26 * k, box.y + 3 * k);
    } else {
      g.fillStyle(COLOR.panel, 0.94);
      g.fillRoundedRect(box.x, box.y, box.w, box.h, 3 * k);
      g.lineStyle(1.6 * k, e.color, 1);
      g.strokeRoundedRect(box.x, box.y, box.w, box.h, 3 * k);
      if (e.kind === 'marker') drawDiamond(g, box.x + 10 * k, cy, 5 * k, e.color);
      else {
        g.fillStyle(e.color, 1);
        g.fillCircle(box.x + 10 * k, cy, 5.5 * k);
        ev.container.add(this.text(box.x + 10 * k, cy, '!', 10, '#0a101b', 'bold').setStroke(INK.halo, 0).setOrigin(0.5));
      }
      t.setPosition(box.x + 19 * k, box.y + 3 * k);
    }
    ev.container.add(t);
  }

  // ---- drawing helpers -----------------------------------------------------------------------------

  private text(x: number, y: number, s: string, size: number, color: string, weight: 'bold' | 'italic' | 'normal'): Phaser.GameObjects.Text {
    const k = this.k;
    const t = new Phaser.GameObjects.Text(this, x, y, s, {
      fontFamily: FONT,
      // Arabic labels are shaped and ordered right to left inside their box.
      rtl: STRONG_RTL.test(s),
      fontSize: `${Math.round(size * k)}px`,
      fontStyle: weight === 'normal' ? '' : weight,
      color,
      stroke: INK.halo,
      strokeThickness: Math.max(2, Math.round(3 * k)),
      padding: { x: Math.round(1 * k), y: 0 },
    });
    this.ensureGlyphs(s, t.style.fontSize as string);
    return t;
  }

  /**
   * Canvas text does not redraw when a web font arrives: when a label's glyphs come from a font
   * subset not yet loaded (Arabic, Chinese), load it and draw the map again.
   */
  private ensureGlyphs(s: string, size: string): void {
    if (/^[\s!-\u024f]*$/.test(s) || typeof document === 'undefined' || !document.fonts) return;
    const spec = `${size} ${FONT}`;
    if (this.glyphRequests.has(s) || document.fonts.check(spec, s)) return;
    this.glyphRequests.add(s);
    void document.fonts.load(spec, s).then(
      () => {
        if (this.sys.isActive()) this.refresh();
      },
      () => undefined,
    );
  }

  private vec(p: Point): Phaser.Math.Vector2 {
    return new Phaser.Math.Vector2(p[0], p[1]);
  }

  private smooth(points: Point[]): Point[] {
    if (points.length < 3) return points;
    const spline = new Phaser.Curves.Spline(points.map(([x, y]) => new Phaser.Math.Vector2(x, y)));
    return spline.getPoints(points.length * 8).map((v) => [v.x, v.y] as Point);
  }

  /** Strokes a polyline as dashes with the current line style. */
  private dashed(g: Phaser.GameObjects.Graphics, pts: Point[], dash: number, gap: number): void {
    let on = true;
    let left = dash;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] as Point;
      const b = pts[i] as Point;
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      let pos = 0;
      while (pos < len) {
        const step = Math.min(left, len - pos);
        if (on) {
          const t0 = pos / len;
          const t1 = (pos + step) / len;
          g.lineBetween(a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0, a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1);
        }
        pos += step;
        left -= step;
        if (left <= 0) {
          on = !on;
          left = on ? dash : gap;
        }
      }
    }
  }

  private leader(g: Phaser.GameObjects.Graphics, anchor: Point, box: Box, dx: number, color: number, r: number): void {
    const [lx, ly] = nearestOnBox(anchor, box);
    const len = Math.hypot(lx - anchor[0], ly - anchor[1]);
    if (len <= r + 1) return;
    const ux = (lx - anchor[0]) / len;
    const uy = (ly - anchor[1]) / len;
    g.lineStyle(1 * this.k, color, 0.7);
    g.lineBetween(anchor[0] + ux * r + dx, anchor[1] + uy * r, lx + dx, ly);
  }
}

// ---- pure helpers ----------------------------------------------------------------------------------

function rank(order: string[], kind: string): number {
  const i = order.indexOf(kind);
  return i < 0 ? order.length : i;
}

function centroid(poly: Point[]): Point {
  const n = poly.length || 1;
  return [poly.reduce((s, p) => s + p[0], 0) / n, poly.reduce((s, p) => s + p[1], 0) / n];
}

function summaryLabel(e: Entity | undefined, count: number): string {
  return `${e?.label ?? ''} +${count - 1}`;
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

function nearestSettlement(model: MapModel, at: Point | null): MapPlace | null {
  if (!at) return null;
  let best: MapPlace | null = null;
  let bestD = Infinity;
  for (const p of model.places) {
    if (!SETTLEMENT_KINDS.has(p.kind)) continue;
    const d = Math.hypot(p.at[0] - at[0], p.at[1] - at[1]);
    if (d < bestD) {
      best = p;
      bestD = d;
    }
  }
  return best;
}

function entitiesOf(model: MapModel): Entity[] {
  return [
    ...model.units.map((u) => ({ key: `unit:${u.id}`, kind: 'unit' as const, at: u.at, label: u.short, color: COLOR.unBlue, sub: u.kind, recent: false })),
    ...model.markers.map((m) => ({ key: `marker:${m.id}`, kind: 'marker' as const, at: m.at, label: m.label, color: hexToNumber(m.color, 0xe07a5f), sub: '', recent: false })),
    ...model.incidents.map((i, n) => ({
      key: `incident:${i.id}:${i.time}:${n}`,
      kind: 'incident' as const,
      at: i.at,
      label: i.title,
      color: INCIDENT_COLOR[i.kind] ?? INCIDENT_DEFAULT,
      sub: i.kind,
      recent: i.recent,
    })),
  ];
}

function placeLabelStyle(kind: string): { size: number; color: string; weight: 'bold' | 'italic' | 'normal'; spacing?: number } {
  switch (kind) {
    case 'capital':
      return { size: 15, color: INK.settlement, weight: 'bold', spacing: 1 };
    case 'city':
      return { size: 14, color: INK.settlement, weight: 'bold', spacing: 0.8 };
    case 'town':
      return { size: 13.5, color: INK.settlement, weight: 'bold' };
    case 'village':
      return { size: 12, color: INK.village, weight: 'normal' };
    case 'quarter':
      return { size: 11.5, color: INK.quarter, weight: 'italic' };
    case 'bridge':
    case 'border-crossing':
      return { size: 11, color: INK.muted, weight: 'italic' };
    default:
      return { size: 11.5, color: INK.site, weight: 'normal' };
  }
}

function drawDiamond(g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  g.fillTriangle(x, y - r, x + r, y, x - r, y);
  g.fillTriangle(x, y + r, x + r, y, x - r, y);
  g.lineStyle(1, COLOR.outline, 0.9);
  g.strokeTriangle(x, y - r, x + r, y, x, y + r);
  g.strokeTriangle(x, y - r, x - r, y, x, y + r);
}

/** NATO-style glyphs inside a unit frame: infantry ✕, police ●, helicopter ⋈, engineer ⊓⊓. */
function drawUnitGlyph(g: Phaser.GameObjects.Graphics, kind: string, x: number, y: number, k: number): void {
  g.lineStyle(1.2 * k, 0xffffff, 1);
  g.fillStyle(0xffffff, 1);
  switch (kind) {
    case 'helicopter':
      g.fillTriangle(x - 7 * k, y - 4 * k, x - 7 * k, y + 4 * k, x, y);
      g.fillTriangle(x + 7 * k, y - 4 * k, x + 7 * k, y + 4 * k, x, y);
      break;
    case 'fpu':
    case 'police':
      g.fillCircle(x, y, 2.6 * k);
      break;
    case 'engineer':
      g.lineBetween(x - 5 * k, y - 2 * k, x + 5 * k, y - 2 * k);
      g.lineBetween(x - 5 * k, y - 2 * k, x - 5 * k, y + 3 * k);
      g.lineBetween(x, y - 2 * k, x, y + 3 * k);
      g.lineBetween(x + 5 * k, y - 2 * k, x + 5 * k, y + 3 * k);
      break;
    case 'quick-reaction':
      g.lineBetween(x - 9 * k, y - 5 * k, x + 9 * k, y + 5 * k);
      g.lineBetween(x - 9 * k, y + 5 * k, x + 9 * k, y - 5 * k);
      g.fillCircle(x, y, 1.8 * k);
      break;
    default:
      g.lineBetween(x - 9 * k, y - 5 * k, x + 9 * k, y + 5 * k);
      g.lineBetween(x - 9 * k, y + 5 * k, x + 9 * k, y - 5 * k);
  }
}

/** Draws a place's symbol centred on (x, y) and returns its radius (for label spacing). */
function drawPlaceSymbol(g: Phaser.GameObjects.Graphics, kind: string, x: number, y: number, k: number, big: boolean): number {
  const m = big ? 1.2 : 1;
  switch (kind) {
    case 'capital': {
      const r = 6.5 * k * m;
      g.fillStyle(COLOR.settlement, 1);
      g.fillCircle(x, y, r);
      g.fillStyle(COLOR.outline, 1);
      g.fillCircle(x, y, r * 0.62);
      g.fillStyle(0xff6b6b, 1);
      g.fillCircle(x, y, r * 0.34);
      return r;
    }
    case 'city': {
      const r = 5.5 * k * m;
      g.fillStyle(COLOR.settlement, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(1.5 * k, COLOR.outline, 1);
      g.strokeCircle(x, y, r);
      g.fillStyle(COLOR.outline, 1);
      g.fillCircle(x, y, r * 0.35);
      return r;
    }
    case 'town': {
      const r = 4.2 * k * m;
      g.fillStyle(COLOR.settlement, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(1.2 * k, COLOR.outline, 1);
      g.strokeCircle(x, y, r);
      return r;
    }
    case 'village': {
      const r = 3 * k * m;
      g.fillStyle(COLOR.village, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(1 * k, COLOR.outline, 1);
      g.strokeCircle(x, y, r);
      return r;
    }
    case 'quarter': {
      const r = 2.6 * k * m;
      g.fillStyle(COLOR.outline, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(1.2 * k, COLOR.village, 1);
      g.strokeCircle(x, y, r);
      return r;
    }
    case 'un-base': {
      const r = 5.5 * k * m;
      g.fillStyle(COLOR.unBlue, 1);
      g.fillRect(x - r, y - r, 2 * r, 2 * r);
      g.lineStyle(1.5 * k, 0xffffff, 1);
      g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      g.fillStyle(0xffffff, 1);
      g.fillRect(x - r * 0.35, y - r * 0.35, r * 0.7, r * 0.7);
      return r;
    }
    case 'team-site': {
      const r = 6 * k * m;
      g.fillStyle(COLOR.unBlue, 1);
      g.fillTriangle(x, y - r, x + r, y, x - r, y);
      g.fillTriangle(x, y + r, x + r, y, x - r, y);
      g.lineStyle(1.4 * k, 0xffffff, 1);
      g.strokeTriangle(x, y - r, x + r, y, x, y + r);
      g.strokeTriangle(x, y - r, x - r, y, x, y + r);
      return r;
    }
    case 'idp-site': {
      const r = 6 * k * m;
      g.fillStyle(COLOR.idp, 1);
      g.fillTriangle(x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8);
      g.lineStyle(1.2 * k, COLOR.outline, 1);
      g.strokeTriangle(x, y - r, x + r, y + r * 0.8, x - r, y + r * 0.8);
      g.fillStyle(COLOR.outline, 1);
      g.fillTriangle(x, y + r * 0.05, x + r * 0.3, y + r * 0.8, x - r * 0.3, y + r * 0.8);
      return r;
    }
    case 'poc-site': {
      const r = 6.5 * k * m;
      g.fillStyle(COLOR.outline, 1);
      g.fillRect(x - r, y - r, 2 * r, 2 * r);
      g.lineStyle(1.6 * k, COLOR.unBlue, 1);
      g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      g.fillStyle(COLOR.idp, 1);
      g.fillTriangle(x, y - r * 0.6, x + r * 0.65, y + r * 0.55, x - r * 0.65, y + r * 0.55);
      return r;
    }
    case 'airfield': {
      const r = 5.5 * k * m;
      g.fillStyle(COLOR.outline, 1);
      g.fillCircle(x, y, r);
      g.lineStyle(1.4 * k, COLOR.airfield, 1);
      g.strokeCircle(x, y, r);
      g.lineStyle(2.2 * k, 0xffffff, 1);
      g.lineBetween(x - r * 0.7, y + r * 0.7, x + r * 0.7, y - r * 0.7);
      return r;
    }
    case 'bridge': {
      const r = 4.5 * k * m;
      g.lineStyle(1.8 * k, 0xffffff, 1);
      g.beginPath();
      g.arc(x - r * 1.6, y, r, -0.6, 0.6, false);
      g.strokePath();
      g.beginPath();
      g.arc(x + r * 1.6, y, r, Math.PI - 0.6, Math.PI + 0.6, false);
      g.strokePath();
      return r;
    }
    case 'border-crossing': {
      const r = 4 * k * m;
      g.fillStyle(COLOR.outline, 1);
      g.fillRect(x - r, y - r, 2 * r, 2 * r);
      g.lineStyle(1.4 * k, COLOR.border, 1);
      g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      g.lineBetween(x - r, y, x + r, y);
      return r;
    }
    default: {
      const r = 3 * k * m;
      g.fillStyle(COLOR.village, 1);
      g.fillCircle(x, y, r);
      return r;
    }
  }
}

const STRONG_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Letter spacing only for alphabets it suits: it would break Arabic joining and crowd Chinese. */
function spacing(label: string, px: number): number {
  return /[\u0590-\u08ff\u3000-\u9fff\uac00-\ud7af]/.test(label) ? 0 : px;
}
