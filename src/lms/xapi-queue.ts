/**
 * The xAPI offline queue: statements are stored (localStorage, so they survive reloads and crashes)
 * before anything is sent, and sent in order, oldest first, in batches to the LRS's statements
 * resource when it answers. Nothing is dropped because the network is down: a failed send leaves
 * the queue as it was and is tried again (when the browser comes back online, and every 30 s).
 *
 * A statement the LRS refuses as malformed (400) cannot succeed later; it is moved to a "rejected"
 * list beside the queue (kept for an administrator, never resent) so it does not block the others.
 */
export interface XapiStatement {
  id: string;
  [key: string]: unknown;
}

export interface QueueStorage {
  load(key: string): string | null;
  save(key: string, value: string): void;
}

export interface LrsEndpoint {
  /** The LRS endpoint, ending with "/" (the statements resource is endpoint + "statements"). */
  endpoint: string;
  /** The Authorization header value ("Basic …"). */
  auth: string;
}

export interface XapiQueue {
  enqueue(statements: XapiStatement[]): void;
  /** Sends what is queued, in order; resolves to the number sent. Concurrent calls share one run. */
  flush(): Promise<number>;
  pending(): XapiStatement[];
  rejected(): XapiStatement[];
}

export const XAPI_VERSION = '1.0.3';
const BATCH = 25;

export function localQueueStorage(): QueueStorage {
  return {
    load: (key) => {
      try {
        return globalThis.localStorage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    save: (key, value) => {
      try {
        globalThis.localStorage?.setItem(key, value);
      } catch {
        /* storage full or blocked: the queue stays in memory for this page */
      }
    },
  };
}

export function createXapiQueue(lrs: LrsEndpoint, opts: { storage?: QueueStorage; key?: string; fetch?: typeof fetch } = {}): XapiQueue {
  const storage = opts.storage ?? localQueueStorage();
  const key = opts.key ?? 'mandate.xapi.queue';
  const doFetch = opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const read = (k: string): XapiStatement[] => {
    try {
      const v: unknown = JSON.parse(storage.load(k) ?? '[]');
      return Array.isArray(v) ? (v as XapiStatement[]) : [];
    } catch {
      return [];
    }
  };
  let queue = read(key);
  let running: Promise<number> | null = null;
  const persist = () => storage.save(key, JSON.stringify(queue));
  const url = `${lrs.endpoint.replace(/\/?$/, '/')}statements`;

  async function run(): Promise<number> {
    let sent = 0;
    while (queue.length) {
      const batch = queue.slice(0, BATCH);
      let res: Response;
      try {
        res = await doFetch(url, {
          method: 'POST',
          keepalive: true,
          headers: { 'Content-Type': 'application/json', Authorization: lrs.auth, 'X-Experience-API-Version': XAPI_VERSION },
          body: JSON.stringify(batch),
        });
      } catch {
        return sent; // offline or unreachable: try again later
      }
      if (res.ok) {
        queue = queue.slice(batch.length);
        persist();
        sent += batch.length;
        continue;
      }
      if (res.status === 400 || res.status === 409) {
        // Malformed, or an id the LRS already holds with other content: send one at a time to find it.
        if (batch.length > 1) {
          const one = batch.slice(0, 1);
          let r: Response;
          try {
            r = await doFetch(url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: lrs.auth, 'X-Experience-API-Version': XAPI_VERSION },
              body: JSON.stringify(one),
            });
          } catch {
            return sent;
          }
          if (!r.ok && r.status !== 400 && r.status !== 409) return sent;
          if (!r.ok) storage.save(`${key}.rejected`, JSON.stringify([...read(`${key}.rejected`), ...one]));
          else sent++;
          queue = queue.slice(1);
          persist();
          continue;
        }
        storage.save(`${key}.rejected`, JSON.stringify([...read(`${key}.rejected`), ...batch]));
        queue = queue.slice(1);
        persist();
        continue;
      }
      return sent; // 401/403/5xx: keep everything, try again later
    }
    return sent;
  }

  return {
    enqueue(statements) {
      queue = [...queue, ...statements];
      persist();
    },
    flush() {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    pending: () => [...queue],
    rejected: () => read(`${key}.rejected`),
  };
}
