/**
 * The authoring tools' cache on disk: results of the searches of play (explore for `check`, the
 * quicktest search), keyed by a hash of what was searched, under
 * node_modules/.cache/mandate/search/<engine version>/. The engine version is a hash of the engine's
 * own source (src/engine/**), so any change to the rules starts a fresh cache and the old one is
 * removed. A scenario that has not changed is not searched again; one that has is searched as before.
 *
 * MANDATE_CACHE=off turns it off (the results are then only shared within one process).
 * A cache that cannot be read or written is ignored: it only ever saves time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentHash } from '../engine/index';
import { useSearchStore, type SearchStore } from '../engine/content/search-memo';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const CACHE_ROOT = join(ROOT, 'node_modules', '.cache', 'mandate', 'search');

/** A hash of every source file of the engine: the rules the cached results were found under. */
export function engineVersion(dir = join(ROOT, 'src', 'engine')): string {
  const parts: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) parts.push(`${p.slice(dir.length)}\n${readFileSync(p, 'utf8')}`);
    }
  };
  walk(dir);
  return contentHash(parts.join('\n\u0000'));
}

/** A store of JSON files, one per (kind, key), in `dir`. */
export function fileSearchStore(dir: string): SearchStore {
  return {
    get(kind, key) {
      try {
        return readFileSync(join(dir, `${kind}-${key}.json`), 'utf8');
      } catch {
        return undefined;
      }
    },
    set(kind, key, json) {
      try {
        mkdirSync(dir, { recursive: true });
        const file = join(dir, `${kind}-${key}.json`);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, json);
        renameSync(tmp, file); // whole or absent, even with two processes at once
      } catch {
        // read-only tree, full disk: the cache only saves time
      }
    },
  };
}

let installed = false;
/**
 * Plugs the cache on disk into the searches, once per process, unless MANDATE_CACHE=off.
 * Caches left by other engine versions are removed.
 */
export function installCheckCache(root = CACHE_ROOT): void {
  if (installed || process.env.MANDATE_CACHE === 'off') return;
  installed = true;
  try {
    const version = engineVersion();
    if (existsSync(root)) {
      for (const old of readdirSync(root)) if (old !== version) rmSync(join(root, old), { recursive: true, force: true });
    }
    useSearchStore(fileSearchStore(join(root, version)));
  } catch {
    // no cache
  }
}
