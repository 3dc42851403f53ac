/**
 * npm run package -- scorm12|scorm2004|cmi5 [--scenario id]… [--out dir] [--dist dir] [--no-build]
 *                    [--activity-base IRI] [--mastery 60]
 *
 * Builds the site (unless --no-build with --dist) and zips one single-SCO SCORM 1.2 or SCORM 2004
 * 4th edition package, or one cmi5 package, per --scenario (each starts that scenario), or one for
 * the whole library when no --scenario is given. Each package's course structure is checked
 * (./check-package.ts) before the zip is written; a problem stops with file:line:col and exit 1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync, type Zippable } from 'fflate';
import { parse } from 'yaml';
import { ROOT, scenarioFiles } from '../../build/content-files';
import { checkPackage } from './check-package';
import { courseStructure, PACKAGE_FORMATS, type PackageFormat } from './manifests';

const USAGE = 'usage: npm run package -- scorm12|scorm2004|cmi5 [--scenario id]… [--out dir] [--dist dir] [--no-build] [--activity-base IRI] [--mastery 0-100]';

function fail(message: string): never {
  console.error(`package: ${message}`);
  process.exit(1);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scenario: { type: 'string', multiple: true },
    out: { type: 'string', default: 'dist-packages' },
    dist: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'activity-base': { type: 'string', default: 'urn:mandate' },
    mastery: { type: 'string', default: '60' },
  },
});
const format = positionals[0] as PackageFormat | undefined;
if (!format || !PACKAGE_FORMATS.includes(format) || positionals.length > 1) fail(USAGE);
const mastery = Number(values.mastery);
if (!Number.isFinite(mastery) || mastery < 0 || mastery > 100) fail('--mastery must be a number from 0 to 100');

// The shipped scenarios: id, title, summary and version, from their YAML.
const shipped = new Map(
  scenarioFiles().map((file) => {
    const s = parse(readFileSync(file, 'utf8')) as { id: string; title: string; summary?: string; version?: number };
    return [s.id, s] as const;
  }),
);
const wanted = values.scenario ?? [];
for (const id of wanted) if (!shipped.has(id)) fail(`no shipped scenario "${id}" (shipped: ${[...shipped.keys()].join(', ')})`);

const dist = resolve(values.dist ?? 'dist-package-build');
if (!values['no-build']) {
  console.log(`package: building the site into ${relative(ROOT, dist)}/ …`);
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--configLoader', 'runner'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, MANDATE_OUT_DIR: dist },
  });
} else if (!existsSync(join(dist, 'index.html'))) fail(`--no-build: ${dist} has no index.html (build first, or leave out --no-build)`);

// Every file of the site except the build's own manifest folder.
const siteFiles = listFiles(dist)
  .map((f) => relative(dist, f).split(sep).join('/'))
  .filter((f) => !f.startsWith('.vite/'))
  .sort();
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
mkdirSync(values.out, { recursive: true });

for (const scenarioId of wanted.length ? wanted : [null]) {
  const s = scenarioId ? shipped.get(scenarioId) : undefined;
  const description = {
    identifier: `mandate-${scenarioId ?? 'library'}-${version}`.replace(/[^A-Za-z0-9.-]/g, '-'),
    title: s ? `Mandate — ${s.title}` : 'Mandate — the scenario library',
    description: (s?.summary ?? 'A serious game for the mission leadership team of a UN peace operation: every shipped scenario.').trim(),
    scenarioId,
    files: siteFiles,
    activityBase: values['activity-base'].replace(/\/+$/, ''),
    masteryScore: mastery,
  };
  const structure = courseStructure(format, description);
  const zipFiles: Zippable = {};
  for (const f of siteFiles) zipFiles[f] = readFileSync(join(dist, f));
  zipFiles[structure.name] = new TextEncoder().encode(structure.text);
  const problems = checkPackage(format, structure.text, new Set(siteFiles));
  if (problems.length) fail(`${structure.name} of ${description.identifier} did not pass its check:\n  ${problems.join('\n  ')}`);
  const zip = zipSync(zipFiles, { level: 9 });
  const out = join(values.out, `mandate-${format}-${scenarioId ?? 'library'}-${version}.zip`);
  writeFileSync(out, zip);
  console.log(`package: ${out} (${(zip.length / 1024 / 1024).toFixed(1)} MB, ${siteFiles.length + 1} files, ${structure.name} checked)`);
}
