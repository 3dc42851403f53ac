/**
 * The UI's one door to the situation map. Loaded lazily
 * (`await import('../scenes/mount-situation-map')`), so Phaser lands in its own chunk and the
 * first screen never waits for it. The promise rejects with an Error whenever the map cannot be
 * shown (no canvas, boot failure or timeout, or the `?nomap=1` test switch); the UI then keeps the
 * DOM fallback (incidents listed as text).
 *
 * Test switches (location.search): `?renderer=webgl|canvas` forces a renderer, `?nomap=1` makes
 * mounting fail. Test hooks: `parent.dataset.mapReady = '1'`, `document.body.dataset.renderer`.
 */
import Phaser from 'phaser';
import type { MapModel } from '../engine';
import { PreloaderScene } from './preloader-scene';
import { SituationMapScene } from './situation-map-scene';

export interface MountOptions {
  parent: HTMLElement;
  getModel: () => MapModel | null;
  subscribe: (fn: () => void) => () => void;
  reducedMotion: () => boolean;
  onProgress: (p: number) => void;
  labels: { title: string };
}

export interface MountedMap {
  destroy(): void;
  renderer: 'webgl' | 'canvas';
}

/** How long the game may take to reach the map scene's create() before we give up. */
const BOOT_TIMEOUT_MS = 20_000;
/** The canvas renders at device resolution for crisp text, capped to spare fill rate. */
const MAX_PIXEL_RATIO = 2;

export async function mountSituationMap(opts: MountOptions): Promise<MountedMap> {
  const params = new URLSearchParams(window.location.search);
  if (params.get('nomap') === '1') {
    throw new Error('Situation map disabled by ?nomap=1 (the DOM fallback is shown instead).');
  }
  const support = canvasSupport();
  if (!support.webgl && !support.canvas) {
    throw new Error('Situation map unavailable: this browser offers neither WebGL nor a 2D canvas.');
  }
  const forced = params.get('renderer');
  let type: number = Phaser.AUTO;
  if (forced === 'canvas') type = Phaser.CANVAS;
  else if (forced === 'webgl') type = Phaser.WEBGL;
  else if (!support.webgl) type = Phaser.CANVAS;
  if (type === Phaser.WEBGL && !support.webgl) throw new Error('Situation map: WebGL was requested (?renderer=webgl) but is unavailable.');
  if (type === Phaser.CANVAS && !support.canvas) throw new Error('Situation map: canvas was requested (?renderer=canvas) but is unavailable.');

  const { parent } = opts;
  const ratio = Math.min(MAX_PIXEL_RATIO, Math.max(1, window.devicePixelRatio || 1));
  const size = (): { width: number; height: number } => {
    const w = Math.max(320, parent.clientWidth || 0);
    const h = parent.clientHeight > 0 ? parent.clientHeight : Math.round(w * 0.7);
    return { width: Math.round(w * ratio), height: Math.round(h * ratio) };
  };

  let unsubscribed = false;
  const subscriptions = new Set<() => void>();
  const subscribe = (fn: () => void): (() => void) => {
    const off = opts.subscribe(fn);
    subscriptions.add(off);
    return () => {
      if (subscriptions.delete(off)) off();
    };
  };
  const unsubscribeAll = (): void => {
    unsubscribed = true;
    for (const off of subscriptions) off();
    subscriptions.clear();
  };

  let game: Phaser.Game | null = null;
  let observer: ResizeObserver | null = null;
  const teardown = (): void => {
    unsubscribeAll();
    observer?.disconnect();
    observer = null;
    delete parent.dataset.mapReady;
    if (game) {
      const g = game;
      game = null;
      g.destroy(true);
    }
  };

  return new Promise<MountedMap>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      teardown();
      reject(error instanceof Error ? error : new Error(`Situation map failed to start: ${String(error)}`));
    };
    const timer = window.setTimeout(() => fail(new Error(`Situation map did not start within ${BOOT_TIMEOUT_MS / 1000} s.`)), BOOT_TIMEOUT_MS);

    const ready = (): void => {
      if (settled || !game) return;
      settled = true;
      window.clearTimeout(timer);
      const renderer = game.renderer && game.config.renderType === Phaser.WEBGL ? 'webgl' : 'canvas';
      const canvas = game.canvas;
      canvas.style.display = 'block'; // no inline baseline gap that would grow the parent
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', opts.labels.title);
      parent.dataset.mapReady = '1';
      document.body.dataset.renderer = renderer;
      observer = new ResizeObserver(() => {
        if (!game) return;
        const next = size();
        const cur = game.scale.gameSize;
        if (Math.abs(next.width - cur.width) > 2 || Math.abs(next.height - cur.height) > 2) {
          game.scale.getParentBounds(); // refresh() alone would fit the canvas to the old parent size
          game.scale.setGameSize(next.width, next.height);
        }
      });
      observer.observe(parent);
      resolve({ destroy: teardown, renderer });
    };

    try {
      const { width, height } = size();
      const mapScene = new SituationMapScene({
        getModel: opts.getModel,
        subscribe: (fn) => (unsubscribed ? () => undefined : subscribe(fn)),
        reducedMotion: opts.reducedMotion,
        title: opts.labels.title,
        pixelRatio: ratio,
        onReady: ready,
      });
      game = new Phaser.Game({
        type,
        parent,
        width,
        height,
        backgroundColor: '#0a101b',
        banner: false,
        audio: { noAudio: true },
        disableContextMenu: true,
        roundPixels: true,
        scale: {
          mode: Phaser.Scale.FIT,
          autoCenter: Phaser.Scale.CENTER_BOTH,
          expandParent: false,
          width,
          height,
        },
        scene: [new PreloaderScene(opts.onProgress), mapScene],
      });
    } catch (error) {
      window.clearTimeout(timer);
      fail(error);
    }
  });
}

function canvasSupport(): { webgl: boolean; canvas: boolean } {
  let webgl: boolean;
  let canvas: boolean;
  try {
    const gl = (document.createElement('canvas').getContext('webgl2') ??
      document.createElement('canvas').getContext('webgl')) as WebGLRenderingContext | null;
    webgl = gl !== null;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    webgl = false;
  }
  try {
    canvas = document.createElement('canvas').getContext('2d') !== null;
  } catch {
    canvas = false;
  }
  return { webgl, canvas };
}
