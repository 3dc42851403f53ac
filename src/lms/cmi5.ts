/**
 * cmi5: when an LMS launches the package's AU (cmi5.xml) it adds endpoint, fetch, actor,
 * registration and activityId to the launch URL. Mandate then fetches its auth token (once per
 * launch; kept in sessionStorage so a reload of the same launch reuses it), reads LMS.LaunchData
 * (context template, launch mode, moveOn, mastery score) and sends the cmi5 defined statements in
 * order through the same offline queue as the game's statements:
 *   initialized → (selected … per decision) → completed → passed | failed → terminated
 * In Browse or Review launch mode, completed/passed/failed are not sent (cmi5 §9.3 / §10).
 */
import type { MandateStore } from '../store';
import type { CompositeScore } from './composite-score';
import { createXapiQueue, XAPI_VERSION, type XapiStatement } from './xapi-queue';
import { connectXapi, isoDuration } from './xapi';

export interface Cmi5Launch {
  endpoint: string;
  fetchUrl: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

const CATEGORY_CMI5 = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5', objectType: 'Activity' };
const CATEGORY_MOVEON = { id: 'https://w3id.org/xapi/cmi5/context/categories/moveon', objectType: 'Activity' };
const EXT_MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
export const CMI5_VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const;

/** The cmi5 launch parameters, or null when this is not a cmi5 launch. */
export function cmi5Launch(params: URLSearchParams): Cmi5Launch | null {
  const endpoint = params.get('endpoint');
  const fetchUrl = params.get('fetch');
  const actorText = params.get('actor');
  const registration = params.get('registration');
  const activityId = params.get('activityId');
  if (!endpoint || !fetchUrl || !actorText || !registration || !activityId) return null;
  try {
    const actor: unknown = JSON.parse(actorText);
    if (typeof actor !== 'object' || actor === null) return null;
    return { endpoint: endpoint.replace(/\/?$/, '/'), fetchUrl, actor: actor as Record<string, unknown>, registration, activityId };
  } catch {
    return null;
  }
}

async function authToken(launch: Cmi5Launch): Promise<string> {
  const key = `mandate.cmi5.token.${launch.registration}`;
  const kept = globalThis.sessionStorage?.getItem(key);
  if (kept) return kept;
  const res = await fetch(launch.fetchUrl, { method: 'POST' });
  const body = (await res.json()) as Record<string, unknown>;
  const token = body['auth-token'];
  if (!res.ok || typeof token !== 'string') throw new Error(`the LMS gave no auth token (${res.status}${typeof body['error-text'] === 'string' ? `: ${body['error-text']}` : ''})`);
  globalThis.sessionStorage?.setItem(key, token);
  return token;
}

interface LaunchData {
  contextTemplate: Record<string, unknown>;
  launchMode: string;
  moveOn: string;
  masteryScore?: number;
}

export async function startCmi5(store: MandateStore, launch: Cmi5Launch, opts: { scenarioId?: string | null; now?: () => number } = {}): Promise<boolean> {
  const now = opts.now ?? (() => Date.now());
  const startedAt = now();
  let auth: string;
  let data: LaunchData;
  try {
    auth = `Basic ${await authToken(launch)}`;
    const q = new URLSearchParams({ stateId: 'LMS.LaunchData', activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration });
    const res = await fetch(`${launch.endpoint}activities/state?${q}`, { headers: { Authorization: auth, 'X-Experience-API-Version': XAPI_VERSION } });
    if (!res.ok) throw new Error(`LMS.LaunchData could not be read (${res.status})`);
    data = (await res.json()) as LaunchData;
  } catch (e) {
    store.getState().actions.notify('warning', 'lms.initFailed', undefined, [e instanceof Error ? e.message : String(e)]);
    return false;
  }
  document.documentElement.dataset.lms = 'cmi5';
  const template = data.contextTemplate ?? {};
  const mastery = typeof data.masteryScore === 'number' ? data.masteryScore : undefined;
  const config = {
    endpoint: launch.endpoint,
    auth,
    actor: launch.actor,
    registration: launch.registration,
    contextTemplate: template,
    ...(mastery !== undefined ? { masteryScore: mastery * 100 } : {}),
  };
  const queue = createXapiQueue(config, { key: `mandate.cmi5.queue.${launch.registration}` });
  const sentKey = `mandate.cmi5.sent.${launch.registration}`;
  const sent = new Set<string>(JSON.parse(globalThis.sessionStorage?.getItem(sentKey) ?? '[]') as string[]);
  const templateActivities = (template as { contextActivities?: Record<string, unknown[]> }).contextActivities ?? {};
  const defined = (verb: keyof typeof CMI5_VERBS, at: number, result?: Record<string, unknown>, extra: { moveOn?: boolean; mastery?: boolean } = {}): XapiStatement => ({
    id: crypto.randomUUID(),
    actor: launch.actor,
    verb: CMI5_VERBS[verb],
    object: { objectType: 'Activity', id: launch.activityId },
    ...(result ? { result } : {}),
    context: {
      ...template,
      registration: launch.registration,
      contextActivities: { ...templateActivities, category: [...(templateActivities.category ?? []), CATEGORY_CMI5, ...(extra.moveOn ? [CATEGORY_MOVEON] : [])] },
      ...(extra.mastery && mastery !== undefined
        ? { extensions: { ...((template as { extensions?: object }).extensions ?? {}), [EXT_MASTERY]: mastery } }
        : {}),
    },
    timestamp: new Date(at).toISOString(),
  });
  /** Each defined statement once per registration and launch (a reload does not repeat it). */
  const once = (name: string, make: () => XapiStatement) => {
    if (sent.has(name)) return;
    sent.add(name);
    globalThis.sessionStorage?.setItem(sentKey, JSON.stringify([...sent]));
    queue.enqueue([make()]);
    void queue.flush();
  };
  once('initialized', () => defined('initialized', startedAt));
  const normal = (data.launchMode ?? 'Normal') === 'Normal';
  const onCompleted = (score: CompositeScore, at: number) => {
    if (!normal) return;
    once('completed', () => defined('completed', at, { completion: true, duration: isoDuration(at - startedAt) }, { moveOn: true }));
    once('judged', () =>
      defined(score.passed ? 'passed' : 'failed', at, { success: score.passed, score: { scaled: score.scaled }, duration: isoDuration(at - startedAt) }, { moveOn: true, mastery: true }),
    );
  };
  connectXapi(store, config, { queue, onCompleted, cmi5: true });
  if (opts.scenarioId && !store.getState().session && store.getState().library.some((e) => e.id === opts.scenarioId)) {
    await store.getState().actions.startScenario(opts.scenarioId);
  }
  window.addEventListener(
    'pagehide',
    () => {
      once('terminated', () => defined('terminated', now(), { duration: isoDuration(now() - startedAt) }));
    },
    { once: true },
  );
  return true;
}
