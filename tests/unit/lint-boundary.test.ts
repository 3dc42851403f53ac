// Proves that the boundary rules in eslint.config.js fire (CONVENTIONS habit 1: the engine has one
// door). Each snippet is linted as if it lived at the given path; nothing is written to disk.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}/eslint.config.js` });
});

/** Rule ids reported for `code` placed at `filePath` (repository-relative). */
async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${filePath}` });
  expect(result, 'lintText returned no result').toBeDefined();
  const messages = result!.messages;
  const fatal = messages.filter((m) => m.fatal);
  expect(fatal, `parse error: ${fatal.map((m) => m.message).join('; ')}`).toEqual([]);
  return messages.map((m) => m.ruleId ?? '(none)');
}

describe('engine boundary (src/engine/**)', () => {
  it('accepts a clean engine module', async () => {
    const code = [
      "import { setup } from 'xstate';",
      "import type { Scenario } from './content/schema';",
      "import { nextDraw } from './rng';",
      'export const machine = setup({}).createMachine({ id: "m" });',
      'export function step(s: Scenario, seed: number): number { return nextDraw(seed) + (s ? 1 : 0); }',
    ].join('\n');
    expect(await ruleIds(code, 'src/engine/session.ts')).toEqual([]);
  });

  it.each([
    ["import Phaser from 'phaser';\nexport const p = Phaser;", 'phaser'],
    ["import { createStore } from 'zustand/vanilla';\nexport const s = createStore;", 'zustand/vanilla'],
    ["import { create } from 'zustand';\nexport const s = create;", 'zustand'],
    ["import { Howl } from 'howler';\nexport const h = Howl;", 'howler'],
    ["import i18next from 'i18next';\nexport const t = i18next;", 'i18next'],
    ["import { parse } from 'yaml';\nexport const p = parse;", 'yaml'],
    ["import { z } from 'zod';\nexport const s = z.string();", 'zod'],
  ])('forbids importing a library: %s', async (code) => {
    expect(await ruleIds(code, 'src/engine/session.ts')).toContain('no-restricted-imports');
  });

  it.each([
    ["import { store } from '../store';\nexport const s = store;", 'src/engine/session.ts'],
    ["import { store } from '../store/store';\nexport const s = store;", 'src/engine/session.ts'],
    ["import { panel } from '../ui/panel';\nexport const s = panel;", 'src/engine/session.ts'],
    ["import { scene } from '../scenes/map';\nexport const s = scene;", 'src/engine/session.ts'],
    ["import { app } from '../app/main';\nexport const s = app;", 'src/engine/session.ts'],
    ["import { cue } from '../audio/audio-cues';\nexport const s = cue;", 'src/engine/session.ts'],
    ["import { t } from '../i18n';\nexport const s = t;", 'src/engine/session.ts'],
    ["import { store } from '../../store';\nexport const s = store;", 'src/engine/content/parse.ts'],
    ["import pkg from '../../package.json';\nexport const s = pkg;", 'src/engine/session.ts'],
    ["export { store } from '../store';", 'src/engine/index.ts'],
    ["export const load = () => import('../ui/panel');", 'src/engine/session.ts'],
    ["import type { Store } from '../store';\nexport type S = Store;", 'src/engine/session.ts'],
  ])('forbids a relative import that leaves src/engine: %s (in %s)', async (code, file) => {
    const ids = await ruleIds(code, file);
    expect(ids).toContain('boundaries/relative-imports');
  });

  it('allows relative imports that stay inside src/engine at any depth', async () => {
    const code = [
      "import { nextDraw } from '../rng';",
      "import { draw } from '../../rng/draw';",
      "import { schema } from './schema';",
      'export const all = [nextDraw, draw, schema];',
    ].join('\n');
    expect(await ruleIds(code, 'src/engine/content/migrate/v2.ts')).toEqual([]);
  });

  it.each([
    ['export const w = window.innerWidth;', 'window'],
    ['export const d = document.title;', 'document'],
    ["export const v = localStorage.getItem('x');", 'localStorage'],
    ["export const db = indexedDB.open('x');", 'indexedDB'],
    ['export const n = navigator.language;', 'navigator'],
    ['setTimeout(() => 1, 10);', 'setTimeout'],
    ['setInterval(() => 1, 10);', 'setInterval'],
    ['requestAnimationFrame(() => 1);', 'requestAnimationFrame'],
    ['export const p = performance;', 'performance'],
  ])('forbids the browser/timer global: %s', async (code) => {
    expect(await ruleIds(code, 'src/engine/clock.ts')).toContain('no-restricted-globals');
  });

  it.each([
    ['export const r = Math.random();'],
    ['export const t = Date.now();'],
  ])('forbids non-deterministic calls: %s', async (code) => {
    expect(await ruleIds(code, 'src/engine/rng.ts')).toContain('no-restricted-properties');
  });

  it('forbids performance.now() (as a global and as a property)', async () => {
    const ids = await ruleIds('export const t = performance.now();', 'src/engine/clock.ts');
    expect(ids).toContain('no-restricted-properties');
    expect(ids).toContain('no-restricted-globals');
  });

  it.each([['export const d = new Date();'], ['export const d = new Date(0);'], ['export const d = Date();']])(
    'forbids Date: %s',
    async (code) => {
      expect(await ruleIds(code, 'src/engine/log.ts')).toContain('no-restricted-syntax');
    },
  );

  it('lets src/engine/content use yaml and zod', async () => {
    const code = [
      "import { parseDocument } from 'yaml';",
      "import { z } from 'zod';",
      'export const S = z.object({ id: z.string() });',
      'export const parse = (src: string) => parseDocument(src);',
    ].join('\n');
    expect(await ruleIds(code, 'src/engine/content/parse.ts')).toEqual([]);
  });

  it('still forbids view libraries, leaving the engine and Math.random in src/engine/content', async () => {
    const code = [
      "import Phaser from 'phaser';",
      "import { store } from '../../store';",
      'export const x = [Phaser, store, Math.random()];',
    ].join('\n');
    const ids = await ruleIds(code, 'src/engine/content/parse.ts');
    expect(ids).toContain('no-restricted-imports');
    expect(ids).toContain('boundaries/relative-imports');
    expect(ids).toContain('no-restricted-properties');
  });

  it('allows type-only imports of zod and of ../content outside src/engine/content', async () => {
    const code = [
      "import type { ZodType } from 'zod';",
      "import type { Scenario } from '../content/schema';",
      'export type T = ZodType | Scenario;',
    ].join('\n');
    expect(await ruleIds(code, 'src/engine/machine/build.ts')).toEqual([]);
  });
});

describe('view boundary (src/ui, src/scenes, src/audio)', () => {
  it.each([
    ["import { createSession } from '../engine';\nexport const s = createSession;", 'src/ui/panel.ts'],
    ["import { createSession } from '../engine/index';\nexport const s = createSession;", 'src/ui/panel.ts'],
    ["import { createSession } from '../engine/index.ts';\nexport const s = createSession;", 'src/scenes/map.ts'],
    ["import type { Snapshot } from '../../engine';\nexport type S = Snapshot;", 'src/ui/debrief/view.ts'],
    ["import { createStore } from 'zustand/vanilla';\nimport Phaser from 'phaser';\nexport const s = [createStore, Phaser];", 'src/scenes/map.ts'],
  ])('accepts %s (in %s)', async (code, file) => {
    expect(await ruleIds(code, file)).toEqual([]);
  });

  it.each([
    ["import { buildMachine } from '../engine/machine';\nexport const s = buildMachine;", 'src/ui/panel.ts'],
    ["import type { Scenario } from '../engine/content/schema';\nexport type S = Scenario;", 'src/scenes/map.ts'],
    ["import { rng } from '../../engine/rng';\nexport const s = rng;", 'src/ui/debrief/view.ts'],
    ["export * from '../engine/session';", 'src/audio/cues.ts'],
  ])('forbids reaching into engine internals: %s (in %s)', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('boundaries/relative-imports');
  });

  it.each([
    ["import { parse } from 'yaml';\nexport const p = parse;", 'src/ui/preview.ts'],
    ["import { z } from 'zod';\nexport const s = z;", 'src/scenes/map.ts'],
    ["import type { ZodType } from 'zod';\nexport type T = ZodType;", 'src/audio/cues.ts'],
  ])('forbids yaml and zod: %s (in %s)', async (code, file) => {
    expect(await ruleIds(code, file)).toContain('no-restricted-imports');
  });
});

describe('outside the boundaries', () => {
  it('lets the store and the app import engine internals and use the DOM', async () => {
    const code = [
      "import { buildMachine } from '../engine/machine';",
      'export const x = [buildMachine, window.innerWidth, Date.now(), Math.random()];',
    ].join('\n');
    expect(await ruleIds(code, 'src/store/store.ts')).toEqual([]);
  });
});
