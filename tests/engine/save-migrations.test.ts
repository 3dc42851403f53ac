import { describe, expect, it } from 'vitest';
import { SAVE_MIGRATIONS, migrateSave, derivedSessionId, parseSave, SAVE_FORMAT_VERSION } from '../../src/engine/index';

const v1 = {
  format: 'mandate-session',
  formatVersion: 1,
  scenario: { id: 'tiny', version: 1, hash: 'abc' },
  seat: 'hom',
  seed: 7,
  log: [
    { seq: 1, type: 'clock.advance', payload: { minutes: 5 }, at: null },
    { seq: 2, type: 'decision.choose', payload: { node: 'd1', option: 'deploy' }, at: 1_700_000_000_000 },
  ],
};

describe('save migrations', () => {
  it('are numbered steps from 1, each lifting one version, ending at the version save() writes', () => {
    SAVE_MIGRATIONS.forEach((m, i) => {
      expect(m.from).toBe(i + 1);
      expect(m.to).toBe(m.from + 1);
      expect(m.describe.length).toBeGreaterThan(0);
    });
    expect(SAVE_MIGRATIONS.at(-1)?.to).toBe(SAVE_FORMAT_VERSION);
  });

  describe('1 → 2', () => {
    const step = SAVE_MIGRATIONS.find((m) => m.from === 1)!;

    it('adds meta with defaults: a content-derived id, no label, the first stamp, no parent, solo', () => {
      const out = step.migrate(v1);
      expect(out.formatVersion).toBe(2);
      expect(out.meta).toEqual({ id: derivedSessionId(v1), label: null, startedAt: 1_700_000_000_000, parent: null, mode: 'solo' });
      expect(out.log).toEqual(v1.log);
      expect(out.scenario).toEqual(v1.scenario);
      expect((out.meta as { id: string }).id).toMatch(/^s-[0-9a-f]{8}$/);
    });

    it('is deterministic, and different sessions get different ids', () => {
      expect(step.migrate(v1)).toEqual(step.migrate(structuredClone(v1)));
      const other = { ...v1, seed: 8 };
      expect((step.migrate(other).meta as { id: string }).id).not.toBe((step.migrate(v1).meta as { id: string }).id);
    });

    it('leaves its input unchanged', () => {
      const copy = structuredClone(v1);
      step.migrate(copy);
      expect(copy).toEqual(v1);
    });

    it('has no start stamp when no event carries one, and replaces a stray meta in a v1 file', () => {
      const out = step.migrate({ ...v1, log: [], meta: { id: 'evil', mode: 'x' } });
      expect(out.meta).toMatchObject({ startedAt: null, mode: 'solo', parent: null });
      expect((out.meta as { id: string }).id).not.toBe('evil');
    });

    it('never throws on hostile shapes (validation comes after it)', () => {
      const cyclic: Record<string, unknown> = { formatVersion: 1 };
      cyclic.log = [cyclic];
      for (const input of [{}, { log: 'x' }, { log: [null, 1, 'a', { at: 'x' }, { at: Infinity }] }, cyclic]) {
        expect(() => step.migrate(input)).not.toThrow();
      }
    });
  });

  it('migrateSave runs the chain from the save\'s version and does nothing to a current save', () => {
    const lifted = migrateSave(v1);
    expect(lifted.formatVersion).toBe(SAVE_FORMAT_VERSION);
    expect(migrateSave(lifted)).toEqual(lifted);
  });

  it('parseSave reads a v1 file as the current format', () => {
    const { save, problems } = parseSave(v1);
    expect(problems).toEqual([]);
    expect(save?.formatVersion).toBe(SAVE_FORMAT_VERSION);
    expect(save?.meta.mode).toBe('solo');
    expect(save?.log).toEqual(v1.log);
  });
});
