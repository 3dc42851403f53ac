/** What every screen view gets from the composition root, and what it gives back. */
import type { ExportFile, MandateStore, MandateStoreState } from '../store';

export interface MapHandle {
  destroy(): void;
  renderer: 'webgl' | 'canvas';
}

/** Mounts the situation map (the composition root lazy-loads the Phaser view). */
export type MountMap = (parent: HTMLElement, onProgress: (p: number) => void) => Promise<MapHandle>;

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
