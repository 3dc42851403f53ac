import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileFile, loadShared } from '../../src/build/content-files';
import { DIAGNOSTIC_CATALOGUE, formatDiagnostic } from '../../src/engine/content/index';
import { scenarioTextEntries } from '../../src/engine/index';
import { sourceHash } from '../../src/engine/content/xliff';
import { FIXTURES } from '../support/fixtures';

/** One fixture per code: [code, line, col] of the diagnostic that code must produce. */
const PINNED: [string, number, number][] = [
  ['SCN001', 7, 27],
  ['SCN002', 11, 18],
  ['SCN003', 10, 1],
  ['SCN004', 4, 16],
  ['SCN005', 15, 10],
  ['SCN010', 79, 9],
  ['SCN011', 60, 15],
  ['SCN012', 51, 28],
  ['SCN013', 29, 9],
  ['SCN014', 50, 29],
  ['SCN015', 45, 20],
  ['SCN016', 140, 20],
  ['SCN017', 59, 29],
  ['SCN018', 119, 19],
  ['SCN019', 8, 8],
  ['SCN020', 101, 9],
  ['SCN021', 79, 9],
  ['SCN022', 137, 9],
  ['SCN023', 145, 5],
  ['SCN024', 79, 9],
  ['SCN025', 38, 5],
  ['SCN026', 29, 9],
  ['SCN027', 79, 9],
  ['SCN028', 82, 23],
  ['SCN029', 82, 14],
  ['SCN034', 83, 5],
  ['SCN030', 79, 9],
  ['SCN031', 69, 19],
  ['SCN032', 48, 16],
  ['SCN033', 12, 17],
  ['SCN035', 36, 9],
  ['SCN036', 134, 13],
  ['SCN037', 76, 21],
  ['SCN038', 124, 9],
  ['SCN039', 90, 9],
  ['SCN050', 12, 17],
  ['SCN051', 12, 17],
  ['SCN052', 12, 17],
];

const shared = loadShared();
const dir = join(FIXTURES, 'diagnostics');

describe('scenario diagnostics', () => {
  it('has a fixture for every code in the catalogue, and a catalogue entry for every fixture', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace('.yaml', '')).sort();
    expect(files).toEqual(DIAGNOSTIC_CATALOGUE.map((d) => d.code).sort());
    expect(PINNED.map(([c]) => c).sort()).toEqual(files);
  });

  it('the tiny scenario itself is clean', () => {
    expect(compileFile(join(FIXTURES, 'tiny', 'scenario.yaml'), shared).diagnostics).toEqual([]);
  });

  it.each(PINNED)('%s is reported at %i:%i', (code, line, col) => {
    const file = join(dir, `${code}.yaml`);
    const r = compileFile(file, shared);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, `no ${code} in ${JSON.stringify(r.diagnostics.map((x) => x.code))}`).toBeDefined();
    expect([d?.line, d?.col]).toEqual([line, col]);
    expect(d?.severity).toBe(DIAGNOSTIC_CATALOGUE.find((c) => c.code === code)?.severity);
    // The source line is the real line of the file.
    expect(d?.source).toBe(readFileSync(file, 'utf8').split('\n')[line - 1]);
    if (d?.severity === 'error') expect(r.bundle).toBeUndefined();
  });

  it('SCN033 counts the keys a translation file lacks, and is silent when none are missing', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'mandate-i18n-'));
    const text = readFileSync(join(dir, 'SCN033.yaml'), 'utf8');
    writeFileSync(join(tmp, 'scenario.yaml'), text);
    mkdirSync(join(tmp, 'locales'));
    writeFileSync(join(tmp, 'locales', 'fr.yaml'), 'title: Scénario minuscule\nsetting: Kessrin, un test\n');
    const partial = compileFile(join(tmp, 'scenario.yaml'), shared).diagnostics.filter((d) => d.code === 'SCN033');
    expect(partial).toHaveLength(1);
    expect(partial[0]?.message).toMatch(/^Language "fr": 52 of 54 text keys have no translation in locales\/fr\.yaml \(summary, briefing\.mandate, briefing\.situation, …\)\.$/);

    const bundle = compileFile(join(tmp, 'scenario.yaml'), shared).bundle;
    // Bare strings count as translated, but of unknown age (SCN050); with the source hash, all is clean.
    const bare = scenarioTextEntries(bundle!.scenario).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    writeFileSync(join(tmp, 'locales', 'fr.yaml'), bare.join('\n') + '\n');
    expect(compileFile(join(tmp, 'scenario.yaml'), shared).diagnostics.map((d) => d.code)).toEqual(['SCN050']);
    const all = scenarioTextEntries(bundle!.scenario).map(([k, v]) => `${JSON.stringify(k)}: { text: ${JSON.stringify(v)}, source: "${sourceHash(v)}" }`);
    writeFileSync(join(tmp, 'locales', 'fr.yaml'), all.join('\n') + '\n');
    expect(compileFile(join(tmp, 'scenario.yaml'), shared).diagnostics).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('formats like a compiler: file:line:col severity code message, the line and a caret', () => {
    const r = compileFile(join(dir, 'SCN011.yaml'), shared);
    const text = formatDiagnostic(r.diagnostics[0]!);
    expect(text).toMatch(/SCN011\.yaml:60:15 error SCN011 Node "d3" does not exist\. Did you mean "d1"\?/);
    expect(text.split('\n')[1]).toBe('  60 |         next: d3');
    expect(text.split('\n')[2]).toBe('     |               ^^');
  });
});
