/**
 * Fuzzing scenario parsing: random YAML-ish text and mutations of real scenarios go through the
 * parser and the compiler. Whatever comes in, the result is diagnostics (every one positioned in the
 * file, with a catalogue code) or a bundle — never an exception, never a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadShared, ROOT } from '../../src/build/content-files';
import { compileScenario, DIAGNOSTIC_CATALOGUE, parseSourceFile, ScenarioSchema, type Diagnostic } from '../../src/engine/content/index';
import { FIXTURES } from '../support/fixtures';
import { mutateText, textMutation } from './fuzz-support';

const shared = loadShared();
const codes = new Set(DIAGNOSTIC_CATALOGUE.map((c) => c.code));
const tiny = readFileSync(join(FIXTURES, 'tiny', 'scenario.yaml'), 'utf8');
const shipped = readFileSync(join(ROOT, 'scenarios', 'poc-red-lines', 'scenario.yaml'), 'utf8');

function wellFormed(text: string, diagnostics: readonly Diagnostic[]): void {
  const lines = text.split(/\r?\n/).length;
  for (const d of diagnostics) {
    expect(codes.has(d.code), d.code).toBe(true);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(typeof d.message).toBe('string');
  }
}

const yamlish = fc.string({
  unit: fc.constantFrom(...'abc:- \n  &*[]{}\'"#!|>%@`?,\t~019.'.split(''), 'a: ', '- ', '&x ', '*x', '<<: ', '!!binary ', '---\n', '...\n', 'id: ', 'nodes:\n'),
  maxLength: 300,
});

describe('fuzz: scenario parsing', () => {
  it('random YAML-ish text: parseSourceFile and the schema never throw (3000 cases)', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const src = parseSourceFile('fuzz.yaml', text);
        wellFormed(text, src.syntax);
        if (!src.syntax.length) ScenarioSchema.safeParse(src.value);
      }),
      { numRuns: 1500, seed: 8_2026 },
    );
  }, 120_000);

  it('random YAML-ish text through the whole compiler gives diagnostics, never an exception (500 cases)', () => {
    fc.assert(
      fc.property(yamlish, (text) => {
        const r = compileScenario({ file: 'fuzz.yaml', text }, shared, undefined, { quick: true });
        expect(r.bundle === undefined || r.diagnostics.every((d) => d.severity !== 'error')).toBe(true);
        wellFormed(text, r.diagnostics);
      }),
      { numRuns: 500, seed: 8_2027 },
    );
  }, 120_000);

  it('mutations of a real scenario compile to diagnostics or a bundle, never an exception (150 cases)', () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const text = mutations.reduce(mutateText, tiny);
        const r = compileScenario({ file: 'mutant.yaml', text }, shared, undefined, { quick: true });
        if (r.bundle) expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(false);
        else expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        wellFormed(text, r.diagnostics);
      }),
      { numRuns: 150, seed: 8_2028 },
    );
  }, 120_000);

  it('mutations of a shipped scenario parse to data or positioned diagnostics (20 cases)', () => {
    fc.assert(
      fc.property(fc.array(textMutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const text = mutations.reduce(mutateText, shipped);
        const src = parseSourceFile('scenarios/poc-red-lines/scenario.yaml', text);
        wellFormed(text, src.syntax);
        if (!src.syntax.length) ScenarioSchema.safeParse(src.value);
      }),
      { numRuns: 20, seed: 8_2029 },
    );
  }, 120_000);
});
