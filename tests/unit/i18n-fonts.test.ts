// The font budget (scripts/budget-lib.mjs): fonts the first screen's stylesheets declare, and the
// per-language font loading (src/i18n/fonts.ts) that keeps them out of the initial CSS.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeBudget, initialFonts } from '../../scripts/budget-lib.mjs';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeDist(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fonts-'));
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const PHASER = 'var Phaser={};class WebGLRenderer{};Phaser.WebGLRenderer=WebGLRenderer;export{Phaser as default};';
const html = (css: string) => `<html><head><link rel="stylesheet" crossorigin href="./assets/${css}"><script type="module" src="./assets/index.js"></script></head></html>`;

describe('font budget', () => {
  it('counts the first source of each @font-face in the initial stylesheets, once per file', () => {
    const css = `@font-face{font-family:'A';src:url(./a.woff2) format('woff2'),url(./a.woff) format('woff');unicode-range:U+4E2D}
      @font-face{font-family:'A';src:url(./a.woff2) format('woff2')}
      @font-face{font-family:'B';src:url(data:font/woff2;base64,AAAA)}`;
    const dir = fakeDist({ 'index.html': html('index.css'), 'assets/index.css': css, 'assets/a.woff2': Buffer.alloc(3000), 'assets/a.woff': Buffer.alloc(9000), 'assets/index.js': 'import("./phaser.js")', 'assets/phaser.js': PHASER });
    expect(initialFonts(dir)).toEqual([{ file: 'assets/a.woff2', bytes: 3000 }]);
    const report = analyzeBudget(dir, { fontLimitBytes: 2000 });
    expect(report.fontBytes).toBe(3000);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/font budget/);
    expect(analyzeBudget(dir, { fontLimitBytes: 4000 }).ok).toBe(true);
  });

  it('does not count fonts that only a lazily loaded stylesheet declares', () => {
    const dir = fakeDist({
      'index.html': html('index.css'),
      'assets/index.css': 'body{color:red}',
      'assets/400-lazy.css': "@font-face{font-family:'Noto Sans SC';src:url(./big.woff2)}",
      'assets/big.woff2': Buffer.alloc(500_000),
      'assets/index.js': 'import("./phaser.js")',
      'assets/phaser.js': PHASER,
    });
    expect(analyzeBudget(dir).fontBytes).toBe(0);
  });
});

describe('fonts per language', () => {
  const source = readFileSync(path.resolve(__dirname, '../../src/i18n/fonts.ts'), 'utf8');
  it('Arabic loads only Noto Sans Arabic, Chinese only Noto Sans SC, Russian Noto Sans; Latin languages none', () => {
    expect(source).toMatch(/ar: \(\) => Promise\.all\(\[import\('@fontsource\/noto-sans-arabic\//);
    expect(source).toMatch(/zh: \(\) => Promise\.all\(\[import\('@fontsource\/noto-sans-sc\//);
    expect(source).toMatch(/ru: \(\) => Promise\.all\(\[import\('@fontsource\/noto-sans\//);
    expect(source).not.toMatch(/\b(en|fr|es): \(\) =>/);
  });
  it('uses the unicode-range subset stylesheets, never the single-file ones (10 MB for Chinese)', () => {
    expect(source).not.toMatch(/chinese-simplified-\d+\.css|arabic-\d+\.css/);
    const css = readFileSync(path.resolve(__dirname, '../../node_modules/@fontsource/noto-sans-sc/400.css'), 'utf8');
    expect((css.match(/unicode-range/g) ?? []).length).toBeGreaterThan(90);
  });
});
