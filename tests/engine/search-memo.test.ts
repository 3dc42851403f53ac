import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoSearch, searchKey, useSearchStore, type SearchStore } from '../../src/engine/content/search-memo';
import { fileSearchStore, engineVersion } from '../../src/cli/check-cache';
import { exploreScenario } from '../../src/engine/content/explore';
import { quicktestScenario } from '../../src/engine/content/quicktest';
import { fixtureBundle } from '../support/fixtures';

const toJson = (r: Set<string>): string[] => [...r];
const fromJson = (j: unknown): Set<string> => new Set(j as string[]);

afterEach(() => {
  useSearchStore(null);
});

describe('memoSearch()', () => {
  it('runs a search once per content key and hands every caller a fresh copy', () => {
    let runs = 0;
    const key = searchKey({ unique: Math.PI }, { n: 1 });
    const a = memoSearch('test', key, () => (runs++, new Set(['x', 'y'])), toJson, fromJson);
    const b = memoSearch('test', key, () => (runs++, new Set(['never'])), toJson, fromJson);
    expect(runs).toBe(1);
    expect(b).toEqual(a);
    b.add('z');
    expect(memoSearch('test', key, () => new Set<string>(), toJson, fromJson).has('z')).toBe(false);
  });

  it('keys on the content and the options', () => {
    expect(searchKey({ a: 1 }, {})).toBe(searchKey({ a: 1 }, {}));
    expect(searchKey({ a: 1 }, {})).not.toBe(searchKey({ a: 2 }, {}));
    expect(searchKey({ a: 1 }, { seeds: [1] })).not.toBe(searchKey({ a: 1 }, { seeds: [2] }));
  });

  it('reads a result back from the store a previous process wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mandate-cache-'));
    try {
      const key = searchKey({ stored: Math.E }, null);
      useSearchStore(fileSearchStore(dir));
      memoSearch('test', key, () => new Set(['kept']), toJson, fromJson);
      expect(readdirSync(dir)).toEqual([`test-${key}.json`]);
      const store: SearchStore = fileSearchStore(dir);
      expect(JSON.parse(store.get('test', key) ?? 'null')).toEqual(['kept']);
      expect(store.get('test', 'missing')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the searches of play, memoised', () => {
  it('explore and quicktest give the same result fresh and from the memo', () => {
    const { scenario } = fixtureBundle('tiny');
    const opts = { seeds: [5, 6], playouts: 40 };
    const fresh = exploreScenario(JSON.parse(JSON.stringify(scenario)), opts);
    expect(exploreScenario(scenario, opts)).toEqual(fresh);
    const q = quicktestScenario(scenario, { seeds: [9] });
    expect(quicktestScenario(JSON.parse(JSON.stringify(scenario)), { seeds: [9] })).toEqual(q);
  });

  it('the engine version changes when any engine source changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mandate-engine-'));
    try {
      writeFileSync(join(dir, 'a.ts'), 'export const a = 1;');
      const v1 = engineVersion(dir);
      writeFileSync(join(dir, 'a.ts'), 'export const a = 2;');
      expect(engineVersion(dir)).not.toBe(v1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
