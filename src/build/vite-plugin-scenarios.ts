/**
 * Compiles scenarios/** to JSON at build time. The first screen imports only the small library
 * index (`virtual:mandate-library`); each scenario's bundle is its own lazily loaded chunk. Any
 * error diagnostic fails the build with compiler-style messages; the YAML and schema libraries
 * never reach the browser bundle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileAll, compileFile, loadShared, loadStudy, loadTranslations, rel, scenarioFiles, SCENARIOS_DIR, ROOT } from './content-files';
import { translationTexts } from '../engine/content/xliff';
import { formatDiagnostic, libraryEntry } from '../engine/content/index';
import type { ScenarioBundle } from '../engine/index';
import { GLOSSARY_FILE, loadGlossary } from './glossary-file';
import { installCheckCache } from '../cli/check-cache';

const LIBRARY = 'virtual:mandate-library';
const SCENARIO_PREFIX = 'virtual:mandate-scenario/';
/**
 * One scenario's translation into one language (`virtual:mandate-translation/<id>/<lang>`): a flat
 * map from text key to translated text, read from scenarios/<id>/locales/<lang>.yaml. Each is its
 * own lazily loaded chunk, fetched only when a player starts the scenario in that language.
 */
const TRANSLATION_PREFIX = 'virtual:mandate-translation/';
/**
 * The shared world, the polarity catalogue and the study's section list, compiled, for the
 * in-browser compiler (scenario files opened on the library screen, the authoring preview). Only
 * ever imported dynamically, so it stays out of the first-screen bundle.
 */
const SHARED = 'virtual:mandate-shared';
/**
 * The in-game glossary (scenarios/glossary.yaml) as JSON. Imported dynamically with the scenario,
 * so it stays out of the first-screen bundle even as it grows.
 */
const GLOSSARY = 'virtual:mandate-glossary';
/** The custom HMR event the authoring preview listens to (dev server only). */
export const SCENARIO_UPDATED_EVENT = 'mandate:scenario-updated';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export function scenariosPlugin(): Plugin {
  let bundles = new Map<string, ScenarioBundle>();
  /** Scenario id → language → key → translated text (only languages the scenario declares). */
  let translations = new Map<string, Map<string, Record<string, string>>>();
  /** The world and catalogue as last parsed (dev server): reparsed only when one of them changes. */
  let sharedCache: ReturnType<typeof loadShared> | null = null;
  const compile = (fail: (msg: string) => never | void): void => {
    const { shared, results } = compileAll();
    const diagnostics = [...shared.diagnostics, ...[...results.values()].flatMap((r) => r.diagnostics)];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of diagnostics.filter((d) => d.severity === 'warning')) console.warn(formatDiagnostic(d));
    if (errors.length) fail(`Scenario errors:\n${errors.map(formatDiagnostic).join('\n')}`);
    bundles = new Map();
    translations = new Map();
    for (const [file, r] of results) {
      if (!r.bundle) continue;
      bundles.set(r.bundle.scenario.id, r.bundle);
      const langs = r.bundle.scenario.languages.slice(1);
      const loaded = loadTranslations(file, langs).translations;
      const byLang = new Map<string, Record<string, string>>();
      for (const lang of langs) {
        const texts = translationTexts(loaded.get(lang));
        if (Object.keys(texts).length) byLang.set(lang, texts);
      }
      translations.set(r.bundle.scenario.id, byLang);
    }
  };
  return {
    name: 'mandate-scenarios',
    buildStart() {
      installCheckCache(); // a scenario unchanged since the last build or check is not searched again
      compile((msg) => this.error(msg));
      const glossary = loadGlossary();
      if (glossary.errors.length) this.error(`Glossary errors:\n${glossary.errors.join('\n')}`);
      this.addWatchFile(GLOSSARY_FILE);
      for (const f of listFiles(SCENARIOS_DIR)) if (f.endsWith('.yaml')) this.addWatchFile(f);
    },
    resolveId(id) {
      if (id === LIBRARY || id === SHARED || id === GLOSSARY || id.startsWith(SCENARIO_PREFIX) || id.startsWith(TRANSLATION_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${GLOSSARY}`) {
        const { entries, errors } = loadGlossary();
        if (errors.length) this.error(`Glossary errors:\n${errors.join('\n')}`);
        return `export const glossary = JSON.parse(${JSON.stringify(JSON.stringify(entries))});`;
      }
      if (id === `\0${SHARED}`) {
        const { world, catalogue } = loadShared();
        const study = loadStudy();
        const studyJson = study ? { sections: [...study.sections], boxes: [...study.boxes] } : null;
        return [
          `export const shared = JSON.parse(${JSON.stringify(JSON.stringify({ world, catalogue, diagnostics: [] }))});`,
          `export const study = JSON.parse(${JSON.stringify(JSON.stringify(studyJson))});`,
        ].join('\n');
      }
      if (id === `\0${LIBRARY}`) {
        const entries = [...bundles.values()].map(libraryEntry);
        const loaders = [...bundles.keys()]
          .map((k) => `  ${JSON.stringify(k)}: () => import(${JSON.stringify(SCENARIO_PREFIX + k)}),`)
          .join('\n');
        const available = Object.fromEntries([...translations].map(([k, m]) => [k, [...m.keys()]]));
        // The library card's few texts travel with the first screen, so the card reads in the player's language.
        const CARD_KEYS = ['title', 'subtitle', 'setting', 'summary', 'contentNote'];
        const cardTexts = Object.fromEntries(
          [...translations].map(([k, m]) => [k, Object.fromEntries([...m].map(([lang, texts]) => [lang, Object.fromEntries(CARD_KEYS.flatMap((c) => (texts[c] ? [[c, texts[c]]] : [])))]))]),
        );
        const translationLoaders = [...translations]
          .flatMap(([k, m]) => [...m.keys()].map((lang) => `  ${JSON.stringify(`${k}/${lang}`)}: () => import(${JSON.stringify(`${TRANSLATION_PREFIX}${k}/${lang}`)}),`))
          .join('\n');
        return [
          `export const library = ${JSON.stringify(entries)};`,
          `/** Scenario id → language → the library card's text (title, subtitle, setting, summary, content note) in that language. */`,
          `export const libraryText = ${JSON.stringify(cardTexts)};`,
          `/** Scenario id → the languages it has a translation in (besides the one it is written in). */`,
          `export const translations = ${JSON.stringify(available)};`,
          `const translationLoaders = {\n${translationLoaders}\n};`,
          `export function loadTranslation(id, lang) {`,
          `  const key = id + '/' + lang;`,
          `  const load = Object.prototype.hasOwnProperty.call(translationLoaders, key) ? translationLoaders[key] : null;`,
          `  if (!load) return Promise.reject(new Error('No translation of ' + id + ' into ' + lang));`,
          `  return load().then((m) => m.default);`,
          `}`,
          `const loaders = {\n${loaders}\n};`,
          `export function loadBundle(id) {`,
          `  const load = Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id] : null;`,
          `  if (!load) return Promise.reject(new Error('Unknown scenario: ' + id));`,
          `  return load().then((m) => m.default);`,
          `}`,
        ].join('\n');
      }
      if (id.startsWith(`\0${TRANSLATION_PREFIX}`)) {
        const [sid = '', lang = ''] = id.slice(TRANSLATION_PREFIX.length + 1).split('/');
        const texts = translations.get(sid)?.get(lang);
        if (!texts) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});`;
      }
      if (id.startsWith(`\0${SCENARIO_PREFIX}`)) {
        const bundle = bundles.get(id.slice(SCENARIO_PREFIX.length + 1));
        if (!bundle) return null;
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(bundle))});`;
      }
      return null;
    },
    handleHotUpdate(ctx) {
      if (!ctx.file.startsWith(SCENARIOS_DIR) || !ctx.file.endsWith('.yaml')) return;
      const { server } = ctx;
      const invalidate = (): void => {
        const translated = [...translations].flatMap(([k, m]) => [...m.keys()].map((lang) => `\0${TRANSLATION_PREFIX}${k}/${lang}`));
        for (const id of [`\0${LIBRARY}`, `\0${SHARED}`, `\0${GLOSSARY}`, ...[...bundles.keys()].map((k) => `\0${SCENARIO_PREFIX}${k}`), ...translated]) {
          const mod = server.moduleGraph.getModuleById(id);
          if (mod) server.moduleGraph.invalidateModule(mod);
        }
      };
      const changed = resolve(ctx.file);
      if (changed === GLOSSARY_FILE) {
        const mod = server.moduleGraph.getModuleById(`\0${GLOSSARY}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        const { errors } = loadGlossary();
        if (errors.length) server.config.logger.error(`Glossary errors:\n${errors.join('\n')}`);
        else server.ws.send({ type: 'full-reload' });
        return [];
      }
      if (!scenarioFiles().includes(changed)) {
        sharedCache = null;
        // The world or the polarity catalogue: every scenario depends on them, so reload the page.
        try {
          compile((msg) => {
            throw new Error(msg);
          });
        } catch (e) {
          server.config.logger.error(String((e as Error).message));
          return [];
        }
        invalidate();
        server.ws.send({ type: 'full-reload' });
        return [];
      }
      // One scenario file: recompile it alone and hand the result to the page (live preview), which
      // replays the current session on it — no page reload.
      sharedCache ??= loadShared();
      // The fast path (no search of play) keeps the page within a second of the save; the full check,
      // with its search for dead ends and unreachable endings, follows just after (below).
      const result = compileFile(changed, sharedCache, { quick: true });
      const file = rel(changed);
      const diagnostics = result.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, text: formatDiagnostic(d) }));
      const parsedId = (result.src.value as { id?: unknown } | undefined)?.id;
      const id = result.bundle?.scenario.id ?? (typeof parsedId === 'string' ? parsedId : basename(dirname(changed)));
      if (!result.bundle) {
        server.config.logger.error(`Scenario errors (the page keeps the last good version):\n${result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n')}`, { timestamp: true });
        server.ws.send({ type: 'custom', event: SCENARIO_UPDATED_EVENT, data: { id, file, diagnostics } });
        return [];
      }
      bundles.set(id, result.bundle);
      invalidate();
      server.config.logger.info(`mandate: ${file} recompiled; sent to the page (${diagnostics.length} warning(s))`, { timestamp: true });
      server.ws.send({ type: 'custom', event: SCENARIO_UPDATED_EVENT, data: { id, file, bundle: result.bundle, entry: libraryEntry(result.bundle), diagnostics } });
      const shared = sharedCache;
      setTimeout(() => {
        const full = compileFile(changed, shared);
        const graph = full.diagnostics.filter((d) => !result.diagnostics.some((q) => q.code === d.code && q.line === d.line && q.col === d.col));
        if (!graph.length) return;
        server.config.logger.warn(`mandate: the full check of ${file} found:\n${graph.map(formatDiagnostic).join('\n')}`, { timestamp: true });
        const all = full.diagnostics.map((d) => ({ file: d.file, line: d.line, col: d.col, severity: d.severity, code: d.code, message: d.message, text: formatDiagnostic(d) }));
        // Errors (a dead end, an unreachable ending) are shown in the page like any other diagnostics.
        if (!full.bundle) server.ws.send({ type: 'custom', event: SCENARIO_UPDATED_EVENT, data: { id, file, diagnostics: all } });
      }, 0);
      return [];
    },
  };
}

/** Serves assets/ (sounds) at /assets/ in dev and copies it into the build output. */
export function staticAssetsPlugin(): Plugin {
  const dir = join(ROOT, 'assets');
  return {
    name: 'mandate-static-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0] ?? '';
        if (!url.startsWith('/assets/')) return next();
        const file = join(dir, decodeURIComponent(url.slice('/assets/'.length)));
        if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) return next();
        if (file.endsWith('.ogg')) res.setHeader('Content-Type', 'audio/ogg');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const f of listFiles(dir)) {
        if (f.endsWith('.md')) continue;
        this.emitFile({ type: 'asset', fileName: `assets/${relative(dir, f)}`, source: readFileSync(f) });
      }
    },
  };
}
