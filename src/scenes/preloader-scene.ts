/**
 * Boots the map: reports the loader's real progress, then starts the situation map. The map is
 * all vector (Graphics and Text), so today nothing is fetched and progress jumps to 1; assets
 * added later go through `this.load` here, by manifest key.
 */
import Phaser from 'phaser';
import { SITUATION_MAP_SCENE } from './situation-map-scene';

export const PRELOADER_SCENE = 'map-preloader';

export class PreloaderScene extends Phaser.Scene {
  private readonly onProgress: (p: number) => void;

  constructor(onProgress: (p: number) => void) {
    super({ key: PRELOADER_SCENE });
    this.onProgress = onProgress;
  }

  preload(): void {
    this.load.on(Phaser.Loader.Events.PROGRESS, (p: number) => this.onProgress(p));
  }

  create(): void {
    this.onProgress(1);
    this.scene.start(SITUATION_MAP_SCENE);
  }
}
