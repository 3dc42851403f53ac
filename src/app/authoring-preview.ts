/**
 * The authoring preview, loaded lazily (dev server, or `?author=1`): mounts the panel beside the
 * screens and keeps it in step with the store. The live reload itself (the dev server's
 * `mandate:scenario-updated` event) is wired in start-app.ts, guarded by import.meta.hot.
 */
import type { MandateStore } from '../store';
import { createAuthoringPanel } from '../ui/authoring-panel';

export function startAuthoringPreview(store: MandateStore): () => void {
  const panel = createAuthoringPanel(store);
  document.body.append(panel.el);
  panel.update(store.getState());
  return store.subscribe((state) => panel.update(state));
}
