/**
 * The searches of play (explore, quicktest) are pure functions of the scenario's content and the
 * search options, so their results can be kept: `check` and `quicktest` of one scenario run the same
 * search once per process, and the CLI plugs in a store on disk (src/cli/check-cache.ts) so a
 * scenario that has not changed is not searched again at all. The engine itself never touches the
 * file system: the store is handed in.
 *
 * Results are kept as JSON text and revived on every hit, so callers always get objects of their own.
 */
import { contentHash } from '../rng';

/** Where results outlive the process. Keys are content hashes; the store adds the engine's version. */
export interface SearchStore {
  get(kind: string, key: string): string | undefined;
  set(kind: string, key: string, json: string): void;
}

let persistent: SearchStore | null = null;
const inProcess = new Map<string, string>();
const IN_PROCESS_LIMIT = 64;

/** Installs (or, with null, removes) the store on disk. Returns the one it replaced. */
export function useSearchStore(store: SearchStore | null): SearchStore | null {
  const before = persistent;
  persistent = store;
  return before;
}

/** The content key of a search: what it searched and how. */
export function searchKey(scenario: unknown, opts: unknown): string {
  return contentHash(JSON.stringify([scenario, opts ?? null]));
}

/**
 * The result of `run`, from memory or the store when this search was made before. `toJson` and
 * `fromJson` carry the result across (Sets and Maps are not JSON).
 */
export function memoSearch<T>(kind: string, key: string, run: () => T, toJson: (r: T) => unknown, fromJson: (j: unknown) => T): T {
  const id = `${kind}:${key}`;
  let text = inProcess.get(id) ?? persistent?.get(kind, key);
  if (text === undefined) {
    const result = run();
    text = JSON.stringify(toJson(result));
    remember(id, text);
    persistent?.set(kind, key, text);
    return result;
  }
  remember(id, text);
  return fromJson(JSON.parse(text));
}

function remember(id: string, text: string): void {
  inProcess.delete(id);
  inProcess.set(id, text);
  if (inProcess.size > IN_PROCESS_LIMIT) inProcess.delete(inProcess.keys().next().value as string);
}
