import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../src/engine';
import { chaptersCited } from '../../src/engine/content/compile';
import { shippedBundle } from '../support/fixtures';
import { filterChoices, filterLibrary, lengthBandOf, readStoredFilter, NO_FILTER } from '../../src/ui/library-filter';

function entry(over: Partial<LibraryEntry>): LibraryEntry {
  return {
    id: 'x',
    version: 1,
    title: 'X',
    setting: '',
    summary: '',
    durationMinutes: 30,
    decisions: 12,
    polarities: [],
    seats: [{ id: 'hom', title: 'Head of Mission', role: 'hom' }],
    chapters: [],
    hash: 'h',
    ...over,
  };
}

const kessrin = entry({ id: 'kessrin', durationMinutes: 40, chapters: [1, 2, 4], seats: [{ id: 'hom', title: 'Head of Mission', role: 'hom' }, { id: 'fc', title: 'Force Commander', role: 'fc' }] });
const date = entry({ id: 'date', durationMinutes: 50, chapters: [3, 5], seats: [{ id: 'hom', title: 'Head of Mission', role: 'hom' }, { id: 'dsrsg-p', title: 'DSRSG (Political)', role: 'dsrsg-p' }] });
const short = entry({ id: 'short', durationMinutes: 20, chapters: [6] });
const library = [kessrin, date, short];

describe('library filter', () => {
  it('bands lengths at 30 and 45 minutes', () => {
    expect([20, 30, 31, 45, 46].map(lengthBandOf)).toEqual(['short', 'short', 'medium', 'medium', 'long']);
  });

  it('keeps every scenario with no filter, and narrows by chapter, length and seat together', () => {
    expect(filterLibrary(library, NO_FILTER)).toHaveLength(3);
    expect(filterLibrary(library, { ...NO_FILTER, chapter: 4 }).map((e) => e.id)).toEqual(['kessrin']);
    expect(filterLibrary(library, { ...NO_FILTER, role: 'hom' }).map((e) => e.id)).toEqual(['kessrin', 'date', 'short']);
    expect(filterLibrary(library, { ...NO_FILTER, role: 'fc', length: 'long' })).toEqual([]);
    expect(filterLibrary(library, { chapter: 5, length: 'long', role: 'dsrsg-p' }).map((e) => e.id)).toEqual(['date']);
  });

  it('reads an entry stored before chapters existed as citing none', () => {
    const old = { ...kessrin, chapters: undefined };
    expect(filterLibrary([old], { ...NO_FILTER, chapter: 4 })).toEqual([]);
  });

  it('offers only the choices some scenario has', () => {
    const c = filterChoices(library);
    expect(c.chapters).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.lengths).toEqual(['short', 'medium', 'long']);
    expect(c.roles.map((r) => r.role)).toEqual(['dsrsg-p', 'fc', 'hom']);
    expect(filterChoices([kessrin]).lengths).toEqual(['medium']);
  });

  it('reads a stored filter field by field and drops what it cannot trust', () => {
    expect(readStoredFilter('{"chapter":4,"length":"long","role":"fc"}')).toEqual({ chapter: 4, length: 'long', role: 'fc' });
    expect(readStoredFilter('{"chapter":9,"length":"huge","role":"<script>"}')).toEqual(NO_FILTER);
    expect(readStoredFilter('not json')).toEqual(NO_FILTER);
    expect(readStoredFilter(null)).toEqual(NO_FILTER);
  });
});

describe('chaptersCited()', () => {
  it('lists the 2020 chapters a shipped scenario cites, ignoring 2010 sections and boxes', () => {
    const bundle = shippedBundle('poc-red-lines');
    const chapters = chaptersCited(bundle.scenario);
    expect(chapters.length).toBeGreaterThan(1);
    expect(chapters).toContain(4);
    expect(chapters.every((c) => c >= 1 && c <= 6)).toBe(true);
    const synthetic = { ...bundle.scenario, nodes: [{ ...bundle.scenario.nodes[0]!, cites: ['2010 §3.6.5', 'Box:MINUSCA', 'Ch.5', '2020 §6.1.6', '§1.3.4'] }] };
    expect(chaptersCited(synthetic)).toEqual([1, 5, 6]);
  }, 120_000);
});
