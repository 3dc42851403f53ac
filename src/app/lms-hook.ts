/**
 * Delivery hook-ins, loaded after the first screen: the LMS bridges (SCORM; cmi5 and xAPI), each
 * loaded only when its launch is detected, and the offline service worker — which is skipped inside
 * an LMS, where the LMS serves and tracks the content.
 */
import type { MandateStore } from '../store';
import { findScormApi } from '../lms/find-scorm-api';
import { registerOfflineUpdates } from './offline-updates';

export async function connectDelivery(store: MandateStore, params: URLSearchParams): Promise<void> {
  const scorm = findScormApi(window as never);
  const scenarioId = params.get('scenario');
  if (scorm) {
    const { connectScorm } = await import('../lms/scorm');
    await connectScorm(store, scorm, { scenarioId });
  }
  await registerOfflineUpdates(store, { skip: Boolean(scorm) });
}
