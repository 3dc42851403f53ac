/**
 * Delivery hook-ins, loaded after the first screen: the LMS bridges — SCORM when an LMS API is
 * found up the frame chain, cmi5 when the launch URL carries its parameters, xAPI when the
 * deployment's mandate.config.json turns it on — each loaded only when needed, and the offline
 * service worker, which is skipped inside an LMS (the LMS serves and tracks the content there).
 */
import type { MandateStore } from '../store';
import { findScormApi } from '../lms/find-scorm-api';
import { registerOfflineUpdates } from './offline-updates';

const CONFIG_KEY = 'mandate.deployment-config';

/** The deployment's config file (the copy last read when offline), or null. */
async function deploymentConfig(): Promise<unknown> {
  try {
    const res = await fetch('./mandate.config.json', { cache: 'no-cache' });
    if (!res.ok) throw new Error(String(res.status));
    const text = await res.text();
    try {
      localStorage.setItem(CONFIG_KEY, text);
    } catch {
      /* not kept: read again next time */
    }
    return JSON.parse(text) as unknown;
  } catch {
    try {
      const kept = localStorage.getItem(CONFIG_KEY);
      return kept ? (JSON.parse(kept) as unknown) : null;
    } catch {
      return null;
    }
  }
}

export async function connectDelivery(store: MandateStore, params: URLSearchParams): Promise<void> {
  const scorm = findScormApi(window as never);
  const scenarioId = params.get('scenario');
  const cmi5 = params.has('endpoint') && params.has('fetch') && params.has('registration');
  if (scorm) {
    const { connectScorm } = await import('../lms/scorm');
    await connectScorm(store, scorm, { scenarioId });
  } else if (cmi5) {
    const { cmi5Launch, startCmi5 } = await import('../lms/cmi5');
    const launch = cmi5Launch(params);
    if (launch) await startCmi5(store, launch, { scenarioId });
  }
  if (!cmi5) {
    const config = await deploymentConfig();
    const xapi = config && typeof config === 'object' && (config as { xapi?: unknown }).xapi ? await import('../lms/xapi') : null;
    const settings = xapi?.readXapiConfig(config);
    if (xapi && settings) xapi.connectXapi(store, settings);
  }
  await registerOfflineUpdates(store, { skip: Boolean(scorm) || cmi5 });
}
