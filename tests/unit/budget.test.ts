// scripts/budget-lib.mjs: the first-screen JS budget (DESIGN §6), checked on fake dist/ folders.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeBudget, gzipSize, staticImportsOf } from '../../scripts/budget-lib.mjs';

const PHASER = 'var Phaser={};class WebGLRenderer{};Phaser.WebGLRenderer=WebGLRenderer;export{Phaser as default};';
const made: string[] = [];

/** Writes a fake dist/ with the given files (path → content) and returns its folder. */
function fakeDist(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Pseudo-random printable text that gzip cannot shrink much (deterministic). */
function incompressible(bytes: number, seed = 1): string {
  let x = seed;
  let out = '';
  while (out.length < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(33 + (x % 90));
  }
  return `/*${out.replace(/\*\//g, '**')}*/`;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const manifest = (chunks: Record<string, unknown>): string => JSON.stringify(chunks);

describe('analyzeBudget() with a Vite manifest', () => {
  it('sums the gzip size of the entry and its static imports, recursively, and ignores dynamic imports', () => {
    const entry = 'import"./vendor.js";const g=()=>import("./game.js");export{g};';
    const vendor = 'import"./shared.js";export const v=1;';
    const shared = 'export const s=2;';
    const dist = fakeDist({
      'index.html': '<script type="module" src="/assets/index.js"></script>',
      'assets/index.js': entry,
      'assets/vendor.js': vendor,
      'assets/shared.js': shared,
      'assets/game.js': PHASER,
      '.vite/manifest.json': manifest({
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/game.ts'] },
        '_vendor.js': { file: 'assets/vendor.js', imports: ['_shared.js'] },
        '_shared.js': { file: 'assets/shared.js' },
        'src/game.ts': { file: 'assets/game.js', isDynamicEntry: true, imports: ['_shared.js'] },
      }),
    });

    const report = analyzeBudget(dist);

    expect(report.source).toBe('manifest');
    expect(report.staticChunks.map((c) => c.file)).toEqual(['assets/index.js', 'assets/vendor.js', 'assets/shared.js']);
    const expected = [entry, vendor, shared].reduce((sum, code) => sum + gzipSize(Buffer.from(code)), 0);
    expect(report.totalGzip).toBe(expected);
    expect(report.phaserChunks).toEqual(['assets/game.js']);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('fails when the static closure is over the limit', () => {
    const dist = fakeDist({
      'index.html': '<script type="module" src="/assets/index.js"></script>',
      'assets/index.js': `import"./big.js";import("./game.js");`,
      'assets/big.js': incompressible(4000),
      'assets/game.js': PHASER,
      '.vite/manifest.json': manifest({
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_big.js'], dynamicImports: ['src/game.ts'] },
        '_big.js': { file: 'assets/big.js' },
        'src/game.ts': { file: 'assets/game.js', isDynamicEntry: true },
      }),
    });

    const report = analyzeBudget(dist, { limitBytes: 1024 });

    expect(report.totalGzip).toBeGreaterThan(1024);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/over the 1\.0 KB budget/);
  });

  it('fails when Phaser is a static import of the entry', () => {
    const dist = fakeDist({
      'index.html': '<script type="module" src="/assets/index.js"></script>',
      'assets/index.js': 'import"./phaser.js";',
      'assets/phaser.js': PHASER,
      '.vite/manifest.json': manifest({
        'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_phaser.js'] },
        '_phaser.js': { file: 'assets/phaser.js' },
      }),
    });

    const report = analyzeBudget(dist);

    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/Phaser \(assets\/phaser\.js\) is loaded statically/);
  });

  it('fails when no chunk contains Phaser', () => {
    const dist = fakeDist({
      'index.html': '<script type="module" src="/assets/index.js"></script>',
      'assets/index.js': 'export{};',
      '.vite/manifest.json': manifest({ 'index.html': { file: 'assets/index.js', isEntry: true } }),
    });

    const report = analyzeBudget(dist);

    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/No chunk containing Phaser/);
  });
});

describe('analyzeBudget() without a manifest', () => {
  it('follows the <script> and modulepreload tags of index.html and the chunks\' import statements', () => {
    const dist = fakeDist({
      'index.html': [
        '<!doctype html><html><head>',
        '<script type="module" crossorigin src="/assets/index-a1.js"></script>',
        '<link rel="modulepreload" crossorigin href="/assets/vendor-b2.js">',
        '</head><body></body></html>',
      ].join(''),
      'assets/index-a1.js': 'import{v as x}from"./vendor-b2.js";const l=()=>import("./game-c3.js");export{x,l};',
      'assets/vendor-b2.js': 'import*as s from"./shared-d4.js";export{s as v};',
      'assets/shared-d4.js': 'export const s=1;',
      'assets/game-c3.js': PHASER,
    });

    const report = analyzeBudget(dist);

    expect(report.source).toBe('html');
    expect(report.entries).toEqual(['assets/index-a1.js']);
    expect(report.staticChunks.map((c) => c.file).sort()).toEqual(['assets/index-a1.js', 'assets/shared-d4.js', 'assets/vendor-b2.js']);
    expect(report.phaserChunks).toEqual(['assets/game-c3.js']);
    expect(report.ok).toBe(true);
  });

  it('reports a missing build instead of throwing', () => {
    const report = analyzeBudget(fakeDist({}));
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(/npm run build/);
  });
});

describe('staticImportsOf()', () => {
  it('finds static imports and re-exports but not dynamic import()', () => {
    const code = 'import{a as b}from"./a.js";import"./b.js";export*from"../c.js";export{d}from\'./d.js\';const e=()=>import("./e.js");';
    expect(staticImportsOf(code)).toEqual(['./a.js', './b.js', '../c.js', './d.js']);
  });
});
