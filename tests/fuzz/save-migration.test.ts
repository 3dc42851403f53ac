/**
 * Fuzzing save migration: v1-shaped saves, valid and damaged, go through the migrations and parseSave.
 * A migration never throws and never changes what the engine replays (scenario, seat, seed, log); a
 * valid v1 save always becomes a valid current save; migrating is deterministic and idempotent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateSave, parseSave, SAVE_FORMAT_VERSION, SAVE_MIGRATIONS } from '../../src/engine/index';
import { fixtureBundle } from '../support/fixtures';
import { anyJson, jsonMutation, mutateJson, realSaves } from './fuzz-support';

const v1s = realSaves(fixtureBundle(), 4).map(({ meta: _meta, ...rest }) => ({ ...rest, formatVersion: 1 }));

const entry = fc.record({
  seq: fc.nat(5),
  type: fc.constantFrom('decision.choose', 'decision.timeout', 'adviser.consult', 'clock.advance', 'inject.arrive', 'note.add', 'room.vote', 'facilitator.note', 'x'),
  payload: fc.dictionary(fc.string({ maxLength: 6 }), anyJson, { maxKeys: 3 }),
  at: fc.oneof(fc.constant(null), fc.integer(), fc.double()),
});

const v1ish = fc.record(
  {
    format: fc.oneof(fc.constant('mandate-session'), fc.string({ maxLength: 5 })),
    formatVersion: fc.constant(1),
    scenario: fc.oneof(fc.record({ id: fc.string({ maxLength: 8 }), version: fc.integer(), hash: fc.string({ maxLength: 8 }) }), anyJson),
    seat: fc.oneof(fc.constant('hom'), anyJson),
    seed: fc.oneof(fc.integer(), anyJson),
    log: fc.oneof(fc.array(entry, { maxLength: 6 }), anyJson),
    meta: anyJson,
  },
  { requiredKeys: ['formatVersion'] },
);

describe('fuzz: save migration', () => {
  it('each migration, alone, never throws on v1-shaped input and keeps what replays (1500 cases)', () => {
    fc.assert(
      fc.property(v1ish, (data) => {
        for (const step of SAVE_MIGRATIONS) {
          const out = step.migrate(data);
          expect(out.formatVersion).toBe(step.to);
          expect(out.log).toEqual((data as Record<string, unknown>).log);
          expect(out.seed).toEqual((data as Record<string, unknown>).seed);
          expect(out.seat).toEqual((data as Record<string, unknown>).seat);
        }
      }),
      { numRuns: 1500, seed: 8_4001 },
    );
  }, 60_000);

  it('parseSave on migrated input: a save of the current version or problems; deterministic (1500 cases)', () => {
    fc.assert(
      fc.property(v1ish, (data) => {
        const a = parseSave(data);
        const b = parseSave(structuredClone(data));
        expect(a).toEqual(b);
        if (a.save) {
          expect(a.save.formatVersion).toBe(SAVE_FORMAT_VERSION);
          expect(a.save.meta.parent).toBeNull();
        } else expect(a.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 1500, seed: 8_4002 },
    );
  }, 60_000);

  it('mutated real v1 saves: valid ones migrate to valid current saves with the same log; migrating is idempotent (1000 cases)', () => {
    fc.assert(
      fc.property(fc.nat(v1s.length - 1), fc.array(jsonMutation, { maxLength: 2 }), (which, mutations) => {
        const data = mutations.reduce<unknown>((d, m) => mutateJson(d, m), v1s[which]);
        const r = parseSave(data);
        if (!r.save) return;
        expect(r.save.log).toEqual((data as { log: unknown }).log);
        const lifted = migrateSave(data as Record<string, unknown>);
        expect(migrateSave(lifted)).toEqual(lifted);
        expect(parseSave(JSON.parse(JSON.stringify(r.save)))).toEqual(r);
      }),
      { numRuns: 1000, seed: 8_4003 },
    );
  }, 60_000);
});
