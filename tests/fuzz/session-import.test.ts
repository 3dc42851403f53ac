/**
 * Fuzzing session import: real saves of a scenario, mutated at the JSON level (values replaced,
 * deleted, duplicated, swapped, retyped) and at the text level, go through JSON.parse → parseSave →
 * replaySession, as the browser's import and the CLI's replay do. A save is either refused with
 * field-by-field problems or replayed with the entries that do not apply reported — never an
 * exception, and the same file always replays to the same state.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSave, replay, replaySession, stripFacilitatorOnly } from '../../src/engine/index';
import { fixtureBundle } from '../support/fixtures';
import { jsonMutation, mutateJson, realSaves, textMutation, mutateText } from './fuzz-support';

const bundle = fixtureBundle();
const saves = realSaves(bundle);

function importAndReplay(data: unknown): void {
  const { save, problems } = parseSave(data);
  if (!save) {
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(typeof p.field === 'string' && typeof p.message === 'string').toBe(true);
    return;
  }
  expect(problems).toEqual([]);
  expect(save.formatVersion).toBe(2);
  const { session, problems: replayProblems } = replaySession(bundle, save);
  // Whatever applied, applied in order, and the rest is reported.
  expect(session.log().length + (replayProblems.length ? 1 : 0)).toBeLessThanOrEqual(save.log.length + 1);
  if (replayProblems.length === 0) expect(session.log().length).toBe(save.log.length);
  const again = replay(bundle, save);
  expect(again).toEqual(session.snapshot());
  session.stop();
}

describe('fuzz: session import', () => {
  it('the unmutated saves import and replay cleanly, stripped or not', () => {
    for (const save of saves) {
      const { save: parsed, problems } = parseSave(JSON.parse(JSON.stringify(save)));
      expect(problems).toEqual([]);
      expect(replaySession(bundle, parsed!).problems).toEqual([]);
      expect(replay(bundle, stripFacilitatorOnly(parsed!))).toEqual(replay(bundle, parsed!));
    }
  });

  it('JSON-level mutations of real saves are refused or replayed, never thrown (2500 cases)', () => {
    fc.assert(
      fc.property(fc.nat(saves.length - 1), fc.array(jsonMutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const data = mutations.reduce<unknown>((d, m) => mutateJson(d, m), saves[which]);
        importAndReplay(data);
      }),
      { numRuns: 2500, seed: 8_3001 },
    );
  }, 120_000);

  it('text-level mutations of exported files: not JSON, refused, or replayed — never thrown (800 cases)', () => {
    const texts = saves.map((s) => JSON.stringify(s, null, 2));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(textMutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
        const text = mutations.reduce(mutateText, texts[which] as string);
        let data: unknown;
        try {
          data = JSON.parse(text);
        } catch {
          return; // the importer reports "not JSON"
        }
        importAndReplay(data);
      }),
      { numRuns: 800, seed: 8_3002 },
    );
  }, 120_000);

  it('entirely random values are refused with problems (1000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (data) => {
        const r = parseSave(data);
        expect(r.save).toBeUndefined();
        expect(r.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000, seed: 8_3003 },
    );
  }, 60_000);
});
