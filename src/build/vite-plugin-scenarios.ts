/**
 * Compiles scenarios/** to JSON at build time. The first screen imports only the small library
 * index (`virtual:mandate-library`); each scenario's bundle is its own lazily loaded chunk. Any
 * error diagnostic fails the build with compiler-style messages; the YAML and schema libraries
 * never reach the browser bundle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin } from 'vite';
import { compileAll, SCENARIOS_DIR, ROOT } from './content-files';
import { formatDiagnostic, libraryEntry } from '../engine/content/index';
import type { ScenarioBundle } from '../engine/index';

const LIBRARY = 'virtual:mandate-library';
const SCENARIO_PREFIX = 'virtual:mandate-scenario/';

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

export function scenariosPlugin(): Plugin {
  let bundles = new Map<string, ScenarioBundle>();
  const compile = (fail: (msg: string) => never | void): void => {
    const { shared, results } = compileAll();
    const diagnostics = [...shared.diagnostics, ...[...results.values()].flatMap((r) => r.diagnostics)];
    const errors = diagnostics.filter((d) => d.severity === 'error');
    for (const d of diagnostics.filter((d) => d.severity === 'warning')) console.warn(formatDiagnostic(d));
    if (errors.length) fail(`Scenario errors:\n${errors.map(formatDiagnostic).join('\n')}`);
    bundles = new Map();
    for (const r of results.values()) if (r.bundle) bundles.set(r.bundle.scenario.id, r.bundle);
  };
  return {
    name: 'mandate-scenarios',
    buildStart() {
      compile((msg) => this.error(msg));
      for (const f of listFiles(SCENARIOS_DIR)) if (f.endsWith('.yaml')) this.addWatchFile(f);
    },
    resolveId(id) {
      if (id === LIBRARY || id.startsWith(SCENARIO_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${LIBRARY}`) {
        const entries = [...bundles.values()].map(libraryEntry);
        const loaders = [...bundles.keys()]
          .map((k) => `  ${JSON.stringify(k)}: () => import(${JSON.stringify(SCENARIO_PREFIX + k)}),`)
          .join('\n');
        return [
          `export const library = ${JSON.stringify(entries)};`,
          `const loaders = {\n${loaders}\n};`,
          `export function loadBundle(id) {`,
          `  const load = Object.prototype.hasOwnProperty.call(loaders, id) ? loaders[id] : null;`,
          `  if (!load) return Promise.reject(new Error('Unknown scenario: ' + id));`,
          `  return load().then((m) => m.default);`,
          `}`,
        ].join('\n');
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
      try {
        compile((msg) => {
          throw new Error(msg);
        });
      } catch (e) {
        ctx.server.config.logger.error(String((e as Error).message));
        return [];
      }
      for (const id of [`\0${LIBRARY}`, ...[...bundles.keys()].map((k) => `\0${SCENARIO_PREFIX}${k}`)]) {
        const mod = ctx.server.moduleGraph.getModuleById(id);
        if (mod) ctx.server.moduleGraph.invalidateModule(mod);
      }
      ctx.server.ws.send({ type: 'full-reload' });
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
