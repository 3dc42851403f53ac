/** What every screen view gets from the composition root, and what it gives back. */
import type { MapModel } from '../engine';
import type { ExportFile, MandateStore, MandateStoreState } from '../store';

export interface MapHandle {
  destroy(): void;
  renderer: 'webgl' | 'canvas';
}

/** Where a map gets its model: by default the live session's; the debrief's timeline gives a past moment's. */
export interface MapSource {
  getModel(): MapModel | null;
  /** Calls `fn` whenever the model may have changed; returns the unsubscribe. */
  subscribe(fn: () => void): () => void;
}

/** Mounts the situation map (the composition root lazy-loads the Phaser view). */
export type MountMap = (parent: HTMLElement, onProgress: (p: number) => void, source?: MapSource) => Promise<MapHandle>;

export interface ViewContext {
  store: MandateStore;
  mountMap: MountMap;
  download(file: ExportFile): void;
  /** Says something to screen-reader users (polite live region). */
  announce(text: string): void;
}

export interface View {
  el: HTMLElement;
  /** Called on every store change while the view is shown. */
  update(state: MandateStoreState): void;
  /** Moves focus to the screen's heading (after a screen change). */
  focus(): void;
  destroy(): void;
}
