/**
 * A loopback LRS for tests: the parts of the xAPI 1.0.3 statement resource that Mandate's client
 * relies on, enforced as the specification words them, plus the two LMS-side calls a cmi5 launch
 * needs (the fetch URL and LMS.LaunchData). No real LRS installs from npm or Debian here (see
 * docs/lms.md), so this server is the test double, and every statement is checked on arrival:
 *  - X-Experience-API-Version 1.0.x on every request (400 otherwise)
 *  - HTTP Basic authentication with the configured key and secret (401 otherwise)
 *  - POST one statement or an array; ids assigned when missing and returned, in order (200)
 *  - an id already stored with other content: 409 Conflict, nothing of the batch stored
 *  - GET: newest first, `limit`, and a `more` URL for the next page ("" on the last)
 *  - the statement's shape (statementProblems): actor with one inverse functional identifier,
 *    verb and object ids as absolute IRIs, UUID ids, ISO 8601 timestamps and durations, scaled
 *    scores in -1..1, no unknown top-level properties — a statement that breaks one is 400.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredStatement {
  id: string;
  stored: string;
  [key: string]: unknown;
}

export interface LoopbackLrs {
  url: string;
  endpoint: string;
  auth: string;
  statements: StoredStatement[];
  /** Every request the server answered, for assertions on headers and order. */
  requests: { method: string; path: string; status: number }[];
  /** cmi5: the fetch URL for a registration (answers once, as cmi5 requires). */
  fetchUrl(registration: string): string;
  launchData: Record<string, unknown>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const IRI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const TOP = new Set(['id', 'actor', 'verb', 'object', 'result', 'context', 'timestamp', 'stored', 'authority', 'version', 'attachments']);

/** What is wrong with a statement under xAPI 1.0.3 (the rules this client relies on); [] when none. */
export function statementProblems(s: unknown): string[] {
  const p: string[] = [];
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return ['a statement is a JSON object'];
  const st = s as Record<string, unknown>;
  for (const k of Object.keys(st)) if (!TOP.has(k)) p.push(`unknown property "${k}"`);
  if (st.id !== undefined && (typeof st.id !== 'string' || !UUID.test(st.id))) p.push('id must be a UUID');
  const actor = st.actor as Record<string, unknown> | undefined;
  if (!actor || typeof actor !== 'object') p.push('actor is required');
  else {
    const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => actor[k] !== undefined);
    if (ifis.length !== 1) p.push('an agent has exactly one inverse functional identifier');
    const account = actor.account as Record<string, unknown> | undefined;
    if (account && (typeof account.homePage !== 'string' || !/^https?:\/\//.test(account.homePage) || typeof account.name !== 'string'))
      p.push('account needs an IRL homePage and a name');
  }
  const verb = st.verb as Record<string, unknown> | undefined;
  if (!verb || typeof verb.id !== 'string' || !IRI.test(verb.id)) p.push('verb.id must be an IRI');
  const object = st.object as Record<string, unknown> | undefined;
  if (!object || typeof object.id !== 'string' || !IRI.test(object.id)) p.push('object.id must be an IRI');
  if (st.timestamp !== undefined && (typeof st.timestamp !== 'string' || !ISO_TIME.test(st.timestamp))) p.push('timestamp must be ISO 8601');
  const result = st.result as Record<string, unknown> | undefined;
  if (result) {
    if (result.duration !== undefined && (typeof result.duration !== 'string' || !ISO_DURATION.test(result.duration))) p.push('result.duration must be an ISO 8601 duration');
    const score = result.score as Record<string, unknown> | undefined;
    if (score?.scaled !== undefined && (typeof score.scaled !== 'number' || score.scaled < -1 || score.scaled > 1)) p.push('result.score.scaled must be in -1..1');
    for (const k of Object.keys((result.extensions as object | undefined) ?? {})) if (!IRI.test(k)) p.push(`extension key "${k}" must be an IRI`);
  }
  const context = st.context as Record<string, unknown> | undefined;
  if (context?.registration !== undefined && (typeof context.registration !== 'string' || !UUID.test(context.registration))) p.push('context.registration must be a UUID');
  return p;
}

const canonical = (s: Record<string, unknown>): string => {
  const { stored: _s, authority: _a, ...rest } = s;
  void _s;
  void _a;
  return JSON.stringify(rest);
};

export async function startLoopbackLrs(opts: { key?: string; secret?: string; pageSize?: number } = {}): Promise<LoopbackLrs> {
  const key = opts.key ?? 'mandate-test';
  const secret = opts.secret ?? 'not-a-real-secret';
  const auth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
  const pageSize = opts.pageSize ?? 10;
  const statements: StoredStatement[] = [];
  const requests: LoopbackLrs['requests'] = [];
  const fetchUsed = new Set<string>();
  const more = new Map<string, number>();
  let n = 0;
  const launchData: Record<string, unknown> = {
    contextTemplate: { contextActivities: { grouping: [{ id: 'https://lms.example.org/course/1', objectType: 'Activity' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'lms-session-1' } },
    launchMode: 'Normal',
    moveOn: 'CompletedOrPassed',
    masteryScore: 0.6,
  };

  const send = (req: IncomingMessage, res: ServerResponse, status: number, body?: unknown) => {
    requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status });
    res.writeHead(status, {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': '1.0.3',
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      'Access-Control-Expose-Headers': 'X-Experience-API-Version',
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method === 'OPTIONS') return send(req, res, 204);
      if (req.method === 'POST' && url.pathname.startsWith('/fetch/')) {
        const reg = url.pathname.slice('/fetch/'.length);
        if (fetchUsed.has(reg)) return send(req, res, 200, { 'error-code': '1', 'error-text': 'the fetch URL was already used' });
        fetchUsed.add(reg);
        return send(req, res, 200, { 'auth-token': Buffer.from(`${key}:${secret}`).toString('base64') });
      }
      if (!url.pathname.startsWith('/xapi/')) return send(req, res, 404, { error: 'not found' });
      if (!/^1\.0(\.\d+)?$/.test(String(req.headers['x-experience-api-version'] ?? ''))) return send(req, res, 400, { error: 'X-Experience-API-Version 1.0.x is required' });
      if (req.headers.authorization !== auth) return send(req, res, 401, { error: 'authentication required' });
      const path = url.pathname.slice('/xapi/'.length);
      if (path === 'activities/state' && req.method === 'GET') {
        return url.searchParams.get('stateId') === 'LMS.LaunchData' ? send(req, res, 200, launchData) : send(req, res, 404, {});
      }
      if (path === 'statements' && req.method === 'POST') {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return send(req, res, 400, { error: 'not JSON' });
        }
        const batch = (Array.isArray(body) ? body : [body]) as Record<string, unknown>[];
        const problems = batch.flatMap((s, i) => statementProblems(s).map((m) => `[${i}] ${m}`));
        if (problems.length) return send(req, res, 400, { error: problems.join('; ') });
        const ids: string[] = [];
        const toStore: StoredStatement[] = [];
        for (const s of batch) {
          const id = typeof s.id === 'string' ? s.id : crypto.randomUUID();
          const existing = statements.find((x) => x.id === id) ?? toStore.find((x) => x.id === id);
          if (existing) {
            if (canonical(existing) !== canonical({ ...s, id })) return send(req, res, 409, { error: `statement ${id} exists with other content` });
          } else toStore.push({ ...s, id, stored: new Date(Date.now() + n++).toISOString() });
          ids.push(id);
        }
        statements.push(...toStore);
        return send(req, res, 200, ids);
      }
      if (req.method === 'GET' && (path === 'statements' || path.startsWith('statements/more/'))) {
        const start = path.startsWith('statements/more/') ? (more.get(path.slice('statements/more/'.length)) ?? -1) : 0;
        if (start < 0) return send(req, res, 404, { error: 'unknown more token' });
        const limit = Math.min(Number(url.searchParams.get('limit') ?? pageSize) || pageSize, pageSize);
        const newestFirst = [...statements].reverse();
        const page = newestFirst.slice(start, start + limit);
        let next = '';
        if (start + limit < newestFirst.length) {
          const token = crypto.randomUUID();
          more.set(token, start + limit);
          next = `/xapi/statements/more/${token}`;
        }
        return send(req, res, 200, { statements: page, more: next });
      }
      return send(req, res, 405, { error: 'not supported by the loopback LRS' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    endpoint: `${url}/xapi/`,
    auth,
    statements,
    requests,
    launchData,
    fetchUrl: (registration) => `${url}/fetch/${registration}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
