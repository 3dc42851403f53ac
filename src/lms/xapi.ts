/**
 * xAPI statements (optional, off by default). A deployment turns them on in mandate.config.json
 * beside index.html — { "xapi": { "endpoint": "https://lrs.example.org/xapi/", "auth": "Basic …",
 * "activityBase": "https://training.example.org/mandate" } } — or a cmi5 launch does (./cmi5.ts).
 * Endpoint and credentials are never in the repository; the shipped file says { "xapi": null }.
 *
 * What is sent (docs/lms.md lists every field):
 *   initialized   a session of a scenario begins (serious-games "initialized")
 *   selected      each decision (serious-games "selected", object: the decision as a choice
 *                 interaction): the option chosen, tension shifts (numeric, per polarity) and the
 *                 option's leans (qualitative), in-game and real time to decide, advisers consulted,
 *                 and the rationale notes written since the previous decision
 *   completed     the ending, with the composite score (./composite-score.ts) and success
 *   experienced   the debrief reviewed
 * Never sent: room votes and facilitator notes (facilitator-only), meters' raw values, names. The
 * actor is the LMS's (cmi5 launch) or an anonymous account named by the session id.
 */
import { debriefModel, lrsSessionCopy, SESSION_LOG_EXTENSION, type EngineSnapshot, type LogEntry, type ScenarioBundle, type Session } from '../engine';
import type { MandateStore, MandateStoreState } from '../store';
import { activityId, DEFAULT_ACTIVITY_BASE } from './activity-ids';
import { compositeScore, type CompositeScore } from './composite-score';
import { createXapiQueue, type XapiQueue, type XapiStatement } from './xapi-queue';

export const VERBS = {
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  selected: { id: 'https://w3id.org/xapi/adb/verbs/selected', display: { 'en-US': 'selected' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
  /** The ending under cmi5, where "completed" is reserved for the cmi5 defined statement. */
  progressed: { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'en-US': 'progressed' } },
} as const;

export const ACTIVITY_TYPES = {
  scenario: 'https://w3id.org/xapi/seriousgames/activity-types/serious-game',
  decision: 'https://w3id.org/xapi/seriousgames/activity-types/question',
  debrief: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

export interface XapiConfig {
  endpoint: string;
  auth: string;
  activityBase?: string;
  /** The learner as the LMS names them (cmi5); otherwise an anonymous account per session. */
  actor?: Record<string, unknown>;
  /** cmi5: the registration, and the context template every statement must carry. */
  registration?: string;
  contextTemplate?: Record<string, unknown>;
  /** The mastery score (0..100) for `success`; the composite score's default otherwise. */
  masteryScore?: number;
}

/** Reads the deployment's xAPI settings; null when xAPI is off or the file is unusable. */
export function readXapiConfig(data: unknown): XapiConfig | null {
  if (typeof data !== 'object' || data === null) return null;
  const x = (data as { xapi?: unknown }).xapi;
  if (typeof x !== 'object' || x === null) return null;
  const { endpoint, auth, activityBase } = x as Record<string, unknown>;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint) || typeof auth !== 'string' || !auth) return null;
  return { endpoint, auth, ...(typeof activityBase === 'string' && activityBase ? { activityBase } : {}) };
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** ISO 8601 duration of `ms`, to the hundredth of a second (xAPI result.duration). */
export function isoDuration(ms: number): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor((cs % 360000) / 6000);
  const s = (cs % 6000) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s.toFixed(2).replace(/\.?0+$/, '') || '0'}S`;
}

export interface StatementContext {
  config: XapiConfig;
  bundle: ScenarioBundle;
  sessionId: string;
  seat: string;
  newId: () => string;
  homePage: string;
  /** Under cmi5 the ending is "progressed" without completion/success (those are cmi5's own statements). */
  cmi5?: boolean;
}

/** Builds the statements; pure apart from the ids it is given. */
export function statementBuilder(c: StatementContext) {
  const base = c.config.activityBase ?? DEFAULT_ACTIVITY_BASE;
  const sid = c.bundle.scenario.id;
  const ext = (name: string) => activityId(base, 'extension', name);
  const scenarioActivity = {
    objectType: 'Activity',
    id: activityId(base, 'scenario', sid),
    definition: { type: ACTIVITY_TYPES.scenario, name: { 'en-US': c.bundle.scenario.title } },
  };
  const actor = c.config.actor ?? { objectType: 'Agent', account: { homePage: c.homePage, name: c.sessionId } };
  const template = c.config.contextTemplate ?? {};
  const templateActivities = (template as { contextActivities?: Record<string, unknown[]> }).contextActivities ?? {};
  const context = (extra: Record<string, unknown> = {}) => ({
    ...template,
    ...(c.config.registration ? { registration: c.config.registration } : {}),
    contextActivities: { ...templateActivities, ...(extra.contextActivities as object | undefined) },
    extensions: { ...((template as { extensions?: object }).extensions ?? {}), [ext('session')]: c.sessionId, [ext('seat')]: c.seat },
  });
  const statement = (verb: { id: string; display: Record<string, string> }, object: unknown, at: number, result?: unknown, ctx?: unknown): XapiStatement => ({
    id: c.newId(),
    actor,
    verb,
    object,
    ...(result ? { result } : {}),
    context: ctx ?? context(),
    timestamp: iso(at),
  });
  const parent = { contextActivities: { parent: [{ id: scenarioActivity.id, objectType: 'Activity' }] } };

  return {
    initialized: (at: number) => statement(VERBS.initialized, scenarioActivity, at),
    decision(entry: LogEntry, before: EngineSnapshot, after: EngineSnapshot, posed: { clock: number; at: number | null }, rationale: string[]): XapiStatement {
      const nodeId = String(entry.payload.node ?? before.node);
      const node = c.bundle.scenario.nodes.find((n) => n.id === nodeId);
      const optionId = entry.type === 'decision.timeout' ? 'timeout' : String(entry.payload.option);
      const option = node?.options.find((o) => o.id === optionId);
      const shifts: Record<string, number> = {};
      for (const [id, v] of Object.entries(after.context.polarities)) {
        const d = v - (before.context.polarities[id] ?? 0);
        if (d) shifts[id] = d;
      }
      const consulted = before.context.consulted.filter((x) => x.node === nodeId).map((x) => x.adviser);
      const at = entry.at ?? posed.at ?? 0;
      return statement(
        VERBS.selected,
        {
          objectType: 'Activity',
          id: activityId(base, 'scenario', sid, 'decision', nodeId),
          definition: {
            type: ACTIVITY_TYPES.decision,
            name: { 'en-US': node?.title ?? nodeId },
            interactionType: 'choice',
            choices: (node?.options ?? []).map((o) => ({ id: o.id, description: { 'en-US': o.label } })),
          },
        },
        at,
        {
          response: optionId,
          ...(entry.at !== null && posed.at !== null ? { duration: isoDuration(entry.at - posed.at) } : {}),
          extensions: {
            [ext('tension-shifts')]: shifts,
            [ext('tension-leans')]: (option?.leans ?? []).map((l) => ({ polarity: l.polarity, toward: l.toward, weight: l.weight })),
            [ext('in-game-minutes-to-decide')]: Math.max(0, before.context.clock - posed.clock),
            [ext('advisers-consulted')]: consulted,
            [ext('rationale')]: rationale.join('\n\n'),
          },
        },
        context(parent),
      );
    },
    completed(session: Session, at: number): { statement: XapiStatement; score: CompositeScore } {
      const save = session.save();
      const model = debriefModel(c.bundle, save);
      const score = compositeScore(model, c.config.masteryScore);
      const first = save.log.find((e) => e.at !== null)?.at ?? null;
      const st = statement(
        c.cmi5 ? VERBS.progressed : VERBS.completed,
        scenarioActivity,
        at,
        {
          ...(c.cmi5 ? {} : { completion: true, success: score.passed }),
          score: { scaled: score.scaled, raw: score.raw, min: 0, max: 100 },
          ...(first !== null ? { duration: isoDuration(at - (save.meta.startedAt ?? first)) } : {}),
          extensions: {
            [ext('ending')]: model.ending?.id ?? null,
            [ext('ending-tone')]: model.ending?.tone ?? null,
            [ext('benchmarks-met')]: model.benchmarks.filter((b) => b.met).map((b) => b.id),
            [ext('tensions')]: Object.fromEntries(model.polarities.map((p) => [p.id, p.verdict])),
            // The session itself, so a facilitator can rebuild a cohort from an LRS export (the
            // cohort view reads it); without the room's votes, the facilitator's notes or a label.
            [ext(SESSION_LOG_EXTENSION)]: lrsSessionCopy(save),
          },
        },
      );
      return { statement: st, score };
    },
    debrief: (at: number) =>
      statement(VERBS.experienced, { objectType: 'Activity', id: activityId(base, 'scenario', sid, 'debrief'), definition: { type: ACTIVITY_TYPES.debrief, name: { 'en-US': `Debrief: ${c.bundle.scenario.title}` } } }, at, undefined, context(parent)),
  };
}

export interface XapiBridgeOptions {
  queue?: XapiQueue;
  now?: () => number;
  newId?: () => string;
  homePage?: string;
  /** cmi5: called with the ending's score, to send its defined statements in order (./cmi5.ts). */
  onCompleted?: (score: CompositeScore, at: number) => void;
  cmi5?: boolean;
}

/** Sends statements as the store changes. Returns the queue (for tests and the page's lifecycle). */
export function connectXapi(store: MandateStore, config: XapiConfig, opts: XapiBridgeOptions = {}): XapiQueue {
  const queue = opts.queue ?? createXapiQueue(config);
  const now = opts.now ?? (() => Date.now());
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const homePage = opts.homePage ?? (typeof location !== 'undefined' ? location.origin : 'http://localhost');
  let session: Session | null = null;
  let builder: ReturnType<typeof statementBuilder> | null = null;
  let seen = 0;
  let prev: EngineSnapshot | null = null;
  let posed = { clock: 0, at: null as number | null };
  let rationale: string[] = [];
  let completed = false;
  let debriefSent = false;

  const send = (statements: XapiStatement[]) => {
    if (!statements.length) return;
    queue.enqueue(statements);
    void queue.flush();
  };

  const onState = (state: MandateStoreState) => {
    if (state.authoring.override) return; // a hand-edited preview is not a record of play
    if (state.session !== session) {
      session = state.session;
      if (!session || !state.bundle) {
        builder = null;
        return;
      }
      builder = statementBuilder({ config, bundle: state.bundle, sessionId: session.meta().id, seat: session.seat, newId, homePage, cmi5: Boolean(opts.cmi5) });
      const log = session.log();
      seen = log.length;
      prev = state.snapshot;
      posed = { clock: state.snapshot?.context.clock ?? 0, at: log.at(-1)?.at ?? now() };
      rationale = [];
      completed = Boolean(state.snapshot?.done);
      debriefSent = false;
      // A session that begins now (not one resumed after a reload or imported) is announced.
      if (log.length === 0) send([builder.initialized(now())]);
    }
    if (!session || !builder || !state.snapshot) return;
    const log = session.log();
    const out: XapiStatement[] = [];
    for (; seen < log.length; seen++) {
      const entry = log[seen] as LogEntry;
      if (entry.type === 'note.add' && typeof entry.payload.text === 'string') rationale.push(entry.payload.text);
      if ((entry.type === 'decision.choose' || entry.type === 'decision.timeout') && prev) {
        out.push(builder.decision(entry, prev, state.snapshot, posed, rationale));
        rationale = [];
        posed = { clock: state.snapshot.context.clock, at: entry.at };
      }
    }
    prev = state.snapshot;
    if (state.snapshot.done && !completed) {
      completed = true;
      const at = log.at(-1)?.at ?? now();
      const { statement, score } = builder.completed(session, at);
      out.push(statement);
      send(out);
      opts.onCompleted?.(score, at);
      return;
    }
    if (state.screen === 'debrief' && !debriefSent) {
      debriefSent = true;
      out.push(builder.debrief(now()));
    }
    send(out);
  };
  store.subscribe(onState);
  onState(store.getState());
  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => void queue.flush());
    setInterval(() => void queue.flush(), 30_000);
  }
  void queue.flush(); // what an earlier visit left queued
  return queue;
}
