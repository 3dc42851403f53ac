// @ts-check
// The first-screen budget (DESIGN §6): the JS loaded before Phaser — the entry chunk plus everything
// it imports statically, recursively — must stay under 100 KB gzip, and Phaser must sit in a chunk of
// its own that the entry only imports dynamically.
//
// The import graph comes from Vite's manifest (dist/.vite/manifest.json, written when
// build.manifest is on). Without a manifest it is rebuilt from dist/index.html (<script type=module>
// and <link rel=modulepreload>) and the static import statements of each chunk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const DEFAULT_LIMIT_BYTES = 100 * 1024;
/**
 * Fonts the first screen may download before its first control: every font file the initial
 * stylesheets declare (a unicode-range face counts in full, as if its characters were on screen).
 * The default language keeps the system sans-serif; the language switch's two Chinese characters
 * are the only self-hosted glyphs on it (src/i18n/language-names.css).
 */
export const DEFAULT_FONT_LIMIT_BYTES = 100 * 1024;

/** @typedef {{ file: string, bytes: number }} FontFile */

/**
 * The font files the stylesheets linked from index.html declare, the first (preferred) source of
 * each @font-face only, as a browser that reads woff2 fetches.
 * @param {string} distDir
 * @returns {FontFile[]}
 */
export function initialFonts(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  /** @type {Map<string, number>} */
  const found = new Map();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel\s*=\s*["']?stylesheet/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!href || /^[a-z]+:/i.test(href)) continue;
    const cssFile = path.join(distDir, href.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '');
    if (!existsSync(cssFile)) continue;
    const css = readFileSync(cssFile, 'utf8');
    for (const face of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(face)?.[1];
      if (!url || /^(data|[a-z]+:)/i.test(url)) continue;
      const fontFile = path.normalize(path.join(path.dirname(cssFile), url.split(/[?#]/)[0] ?? ''));
      if (existsSync(fontFile)) found.set(path.relative(distDir, fontFile).split(path.sep).join('/'), statSync(fontFile).size);
    }
  }
  return [...found].map(([file, bytes]) => ({ file, bytes }));
}

/**
 * @typedef {{ file: string, raw: number, gzip: number }} ChunkSize
 * @typedef {{
 *   source: 'manifest' | 'html',
 *   entries: string[],
 *   staticChunks: ChunkSize[],
 *   totalRaw: number,
 *   totalGzip: number,
 *   limitBytes: number,
 *   phaserChunks: string[],
 *   fonts: FontFile[],
 *   fontBytes: number,
 *   fontLimitBytes: number,
 *   problems: string[],
 *   ok: boolean,
 * }} BudgetReport
 */

/** gzip size of a buffer, at the level static hosts commonly use for pre-compressed assets. */
export function gzipSize(/** @type {Buffer} */ buffer) {
  return gzipSync(buffer, { level: 9 }).length;
}

/** True when the code looks like (a bundle containing) Phaser. */
export function looksLikePhaser(/** @type {string} */ code) {
  return code.includes('Phaser') && code.includes('WebGLRenderer');
}

/**
 * Relative specifiers of the static imports/re-exports in an ES module chunk (minified or not).
 * Dynamic `import("…")` is not matched.
 * @param {string} code
 * @returns {string[]}
 */
export function staticImportsOf(code) {
  const found = new Set();
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+|\/[^"']+)["']/g;
  for (const match of code.matchAll(re)) found.add(match[1]);
  return [...found];
}

/**
 * @typedef {{ file: string, src?: string, name?: string, isEntry?: boolean, isDynamicEntry?: boolean,
 *             imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk
 */

/**
 * Entry files and the static closure, from a Vite manifest.
 * @param {Record<string, ManifestChunk>} manifest
 * @returns {{ entries: string[], staticFiles: string[] }}
 */
export function staticClosureFromManifest(manifest) {
  const keys = Object.keys(manifest);
  let entryKeys = keys.filter((k) => manifest[k]?.isEntry && k.endsWith('.html'));
  if (entryKeys.length === 0) entryKeys = keys.filter((k) => manifest[k]?.isEntry);
  const seen = new Set();
  /** @type {string[]} */
  const files = [];
  const visit = (/** @type {string} */ key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.push(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  entryKeys.forEach(visit);
  return { entries: entryKeys.map((k) => /** @type {ManifestChunk} */ (manifest[k]).file), staticFiles: files };
}

/**
 * Entry files and the static closure, from dist/index.html and the chunks' import statements.
 * @param {string} distDir
 * @returns {{ entries: string[], staticFiles: string[] }}
 */
export function staticClosureFromHtml(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  /** @param {string} ref */
  const toDistPath = (ref) => path.posix.normalize(ref.replace(/^\.?\//, '').split(/[?#]/)[0] ?? '');
  /** @type {string[]} */
  const entries = [];
  /** @type {string[]} */
  const preloads = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (!/type\s*=\s*["']?module/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src && !/^[a-z]+:/i.test(src)) entries.push(toDistPath(src));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/rel\s*=\s*["']?modulepreload/i.test(tag)) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && !/^[a-z]+:/i.test(href)) preloads.push(toDistPath(href));
  }
  const seen = new Set();
  /** @type {string[]} */
  const files = [];
  const visit = (/** @type {string} */ file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const abs = path.join(distDir, file);
    if (!existsSync(abs)) return;
    files.push(file);
    const code = readFileSync(abs, 'utf8');
    for (const spec of staticImportsOf(code)) {
      const next = spec.startsWith('/') ? toDistPath(spec) : path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      visit(next);
    }
  };
  [...entries, ...preloads].forEach(visit);
  return { entries, staticFiles: files };
}

/** All .js files under dir, as "/"-separated paths relative to dir. */
function listJs(/** @type {string} */ dir, /** @type {string} */ prefix = '') {
  /** @type {string[]} */
  const out = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listJs(dir, rel));
    else if (/\.m?js$/.test(entry.name)) out.push(rel);
  }
  return out;
}

/**
 * Measures dist/ against the budget.
 * @param {string} distDir
 * @param {{ limitBytes?: number, fontLimitBytes?: number }} [options]
 * @returns {BudgetReport}
 */
export function analyzeBudget(distDir, options = {}) {
  const limitBytes = options.limitBytes ?? DEFAULT_LIMIT_BYTES;
  const fontLimitBytes = options.fontLimitBytes ?? DEFAULT_FONT_LIMIT_BYTES;
  /** @type {string[]} */
  const problems = [];
  if (!existsSync(path.join(distDir, 'index.html'))) {
    problems.push(`${distDir}/index.html not found: run \`npm run build\` first.`);
    return { source: 'html', entries: [], staticChunks: [], totalRaw: 0, totalGzip: 0, limitBytes, phaserChunks: [], fonts: [], fontBytes: 0, fontLimitBytes, problems, ok: false };
  }

  const manifestPath = path.join(distDir, '.vite', 'manifest.json');
  /** @type {'manifest' | 'html'} */
  let source = 'html';
  let closure;
  if (existsSync(manifestPath)) {
    source = 'manifest';
    closure = staticClosureFromManifest(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } else {
    closure = staticClosureFromHtml(distDir);
  }
  if (closure.entries.length === 0) problems.push('No entry chunk found (no <script type="module" src> in index.html, no isEntry in the manifest).');

  const staticChunks = closure.staticFiles
    .filter((file) => /\.m?js$/.test(file) && existsSync(path.join(distDir, file)))
    .map((file) => {
      const buffer = readFileSync(path.join(distDir, file));
      return { file, raw: buffer.length, gzip: gzipSize(buffer) };
    });
  const totalRaw = staticChunks.reduce((sum, c) => sum + c.raw, 0);
  const totalGzip = staticChunks.reduce((sum, c) => sum + c.gzip, 0);
  if (totalGzip > limitBytes) {
    problems.push(
      `The entry and its static imports weigh ${formatKb(totalGzip)} gzip, over the ${formatKb(limitBytes)} budget: load more lazily (dynamic import()).`,
    );
  }

  const phaserChunks = listJs(distDir).filter((file) => looksLikePhaser(readFileSync(path.join(distDir, file), 'utf8')));
  if (phaserChunks.length === 0) {
    problems.push('No chunk containing Phaser was found in dist/: the game scene should be loaded with a dynamic import().');
  }
  const staticSet = new Set(closure.staticFiles);
  for (const file of phaserChunks.filter((f) => staticSet.has(f))) {
    problems.push(`Phaser (${file}) is loaded statically by the entry; load it with a dynamic import() so the first screen never waits for it.`);
  }

  const fonts = initialFonts(distDir);
  const fontBytes = fonts.reduce((sum, f) => sum + f.bytes, 0);
  if (fontBytes > fontLimitBytes) {
    problems.push(
      `The first screen's stylesheets declare ${formatKb(fontBytes)} of fonts, over the ${formatKb(fontLimitBytes)} font budget: load a language's fonts with the language (src/i18n/fonts.ts), not in the initial CSS.`,
    );
  }

  return { source, entries: closure.entries, staticChunks, totalRaw, totalGzip, limitBytes, phaserChunks, fonts, fontBytes, fontLimitBytes, problems, ok: problems.length === 0 };
}

export function formatKb(/** @type {number} */ bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * A small plain-text table of the report.
 * @param {BudgetReport} report
 */
export function formatReport(report) {
  const staticSet = new Set(report.staticChunks.map((c) => c.file));
  const rows = report.staticChunks.map((c) => [c.file, formatKb(c.raw), formatKb(c.gzip)]);
  rows.push(['total before Phaser', formatKb(report.totalRaw), formatKb(report.totalGzip)]);
  rows.push(['budget (gzip)', '', formatKb(report.limitBytes)]);
  const header = ['chunk (entry + static imports)', 'raw', 'gzip'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  const out = [
    `budget source: ${report.source === 'manifest' ? 'dist/.vite/manifest.json' : 'dist/index.html + import statements'}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(0, -2).map(line),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.slice(-2).map(line),
    `fonts before the first control: ${report.fonts.length} file(s), ${formatKb(report.fontBytes)} of ${formatKb(report.fontLimitBytes)}${report.fonts.length ? ` (${report.fonts.map((f) => `${f.file} ${formatKb(f.bytes)}`).join(', ')})` : ''}`,
    `Phaser chunk(s): ${report.phaserChunks.length ? report.phaserChunks.map((f) => `${f} (${staticSet.has(f) ? 'STATIC: loaded before the first screen' : 'lazy'})`).join(', ') : '(none found)'}`,
  ];
  return out.join('\n');
}
