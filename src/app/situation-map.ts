/**
 * Lazy loading of the Phaser situation map (src/scenes). Phaser is never imported statically:
 * the module is found with import.meta.glob, which Vite turns into a separate dynamic chunk (and
 * which yields nothing, rather than failing the build, while the scene module does not exist).
 * `?nomap=1` makes mounting fail on purpose, to exercise the DOM-only fallback.
 */
import type { MountOptions } from '../scenes/mount-situation-map';
import { t } from '../i18n';
import { selectMapModel, type MandateStore } from '../store';
import type { MapHandle, MountMap } from '../ui/view';

// The options type is the scene module's own (a type-only import: nothing of Phaser is loaded).
interface MapModule {
  mountSituationMap(opts: MountOptions): Promise<MapHandle>;
}

const modules = import.meta.glob<MapModule>('../scenes/mount-situation-map.ts');

export function createMapMounter(store: MandateStore, opts: { disabled: boolean; reducedMotion: () => boolean }): MountMap {
  return async (parent, onProgress, source) => {
    if (opts.disabled) throw new Error('The map is turned off (?nomap=1).');
    const load = modules['../scenes/mount-situation-map.ts'];
    if (!load) throw new Error('The situation map is not part of this build.');
    const { mountSituationMap } = await load();
    return mountSituationMap({
      parent,
      getModel: source ? () => source.getModel() : () => selectMapModel(store.getState()),
      subscribe: source ? (fn) => source.subscribe(fn) : (fn) => {
        let last = selectMapModel(store.getState());
        return store.subscribe((s) => {
          const model = selectMapModel(s);
          if (model !== last) {
            last = model;
            fn();
          }
        });
      },
      reducedMotion: opts.reducedMotion,
      onProgress,
      labels: { title: t('play.map') },
    });
  };
}
