import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/build/glossary-file';
import { acronymTokens, localizedEntry, splitTerms, type TermPart } from '../../src/ui/glossary-terms';

const TERMS = ['UN', 'UNHQ', 'FPU', 'NGO', 'RC/HC', 'HC', 'HoM', 'MOU', 'Chapter VII', 'JOC'];
const terms = (parts: TermPart[]) => parts.filter((p): p is Exclude<TermPart, string> => typeof p !== 'string');
const joined = (parts: TermPart[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

describe('splitTerms()', () => {
  it('splits text into plain strings and known terms, in order', () => {
    expect(splitTerms('The FPU holds the line while the JOC tracks it.', TERMS)).toEqual([
      'The ',
      { term: 'FPU', text: 'FPU' },
      ' holds the line while the ',
      { term: 'JOC', text: 'JOC' },
      ' tracks it.',
    ]);
  });

  it('gives the input back when the parts are joined', () => {
    const text = 'UNHQ asks the HoM, the RC/HC and two NGOs (FPU-2, FPU-3) about the MOU under Chapter VII.';
    expect(joined(splitTerms(text, TERMS))).toBe(text);
  });

  it('matches whole words only: not inside longer words or acronyms', () => {
    const found = terms(splitTerms('UNHQ, UNICEF, Unity, MOUNT, FPUX, xFPU, HOME and UN.', TERMS));
    expect(found).toEqual([
      { term: 'UNHQ', text: 'UNHQ' },
      { term: 'UN', text: 'UN' },
    ]);
  });

  it('is case-sensitive', () => {
    expect(terms(splitTerms('Hom, HOM, hom, fpu, un', TERMS))).toEqual([]);
    expect(terms(splitTerms('the HoM said', TERMS))).toEqual([{ term: 'HoM', text: 'HoM' }]);
  });

  it('finds "RC/HC" as one term, before the shorter "HC"', () => {
    expect(terms(splitTerms('the DSRSG, who is also RC/HC, and the HC', TERMS))).toEqual([
      { term: 'RC/HC', text: 'RC/HC' },
      { term: 'HC', text: 'HC' },
    ]);
  });

  it('accepts a plural "s" and punctuation around a term', () => {
    expect(splitTerms('NGOs', TERMS)).toEqual([{ term: 'NGO', text: 'NGOs' }]);
    expect(terms(splitTerms('(FPU-2), "UN", UN\'s, …JOC.', TERMS)).map((t) => t.text)).toEqual(['FPU', 'UN', 'UN', 'JOC']);
    expect(terms(splitTerms('NGOss', TERMS))).toEqual([]);
  });

  it('finds multi-word terms', () => {
    expect(terms(splitTerms('Acting under Chapter VII, the Council', TERMS))).toEqual([{ term: 'Chapter VII', text: 'Chapter VII' }]);
    expect(terms(splitTerms('Chapter VIII', TERMS))).toEqual([]);
  });

  it('treats letters of any script as word characters', () => {
    expect(terms(splitTerms('ÉUN UNé ФFPU', TERMS))).toEqual([]);
  });

  it('keeps hostile text as plain text', () => {
    const text = '<img src=x onerror="alert(1)"> <script>alert("UN")</script> FPU';
    const parts = splitTerms(text, TERMS);
    expect(joined(parts)).toBe(text);
    expect(parts[0]).toBe('<img src=x onerror="alert(1)"> <script>alert("');
    expect(terms(parts)).toEqual([
      { term: 'UN', text: 'UN' },
      { term: 'FPU', text: 'FPU' },
    ]);
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(terms(splitTerms('A.B and AxB and A+B', ['A.B', 'A+B']))).toEqual([
      { term: 'A.B', text: 'A.B' },
      { term: 'A+B', text: 'A+B' },
    ]);
  });

  it('returns the text unchanged without terms, and nothing for empty text', () => {
    expect(splitTerms('FPU', [])).toEqual(['FPU']);
    expect(splitTerms('', TERMS)).toEqual([]);
  });
});

describe('acronymTokens()', () => {
  it('finds words with at least two capitals and no more lowercase than capitals', () => {
    expect(acronymTokens('The HoM, the RC/HC, two NGOs, #RegisterUs, Velmora, UNISMV, a FPU-2 and I.')).toEqual(['HoM', 'RC/HC', 'NGOs', 'UNISMV', 'FPU']);
  });
});

describe('localizedEntry()', () => {
  const entry = { term: 'FPU', expansion: 'Formed Police Unit', explanation: 'An armed police unit.', fr: { expansion: 'Unité de police constituée', explanation: 'Une unité de police armée.' } };
  it('gives the French text in French and the English text otherwise', () => {
    expect(localizedEntry(entry, 'fr').expansion).toBe('Unité de police constituée');
    expect(localizedEntry(entry, 'en').expansion).toBe('Formed Police Unit');
    expect(localizedEntry({ ...entry, fr: undefined }, 'fr').expansion).toBe('Formed Police Unit');
  });
});

describe('parseGlossary()', () => {
  it('reads entries and their French text', () => {
    const r = parseGlossary('schemaVersion: 1\nentries:\n  - term: FPU\n    expansion: Formed Police Unit\n    explanation: Police.\n    fr: { expansion: UPC, explanation: Police. }\n  - term: UN\n    highlight: false\n    fictional: false\n    expansion: United Nations\n    explanation: The UN.\n');
    expect(r.errors).toEqual([]);
    expect(r.entries).toEqual([
      { term: 'FPU', expansion: 'Formed Police Unit', explanation: 'Police.', fr: { expansion: 'UPC', explanation: 'Police.' } },
      { term: 'UN', expansion: 'United Nations', explanation: 'The UN.', highlight: false },
    ]);
  });

  it('reports duplicates, missing text and unknown fields with their line', () => {
    const r = parseGlossary(
      ['entries:', '  - term: FPU', '    expansion: A', '    explanation: B', '  - term: FPU', '    expansion: C', '    explanation: D', '  - term: JOC', '    expansion: ""', '    explanation: E', '    colour: red'].join('\n'),
      'g.yaml',
    );
    expect(r.entries.map((e) => e.term)).toEqual(['FPU']);
    expect(r.errors).toEqual([
      'g.yaml:5:11 error Duplicate term "FPU" (first defined at line 2).',
      'g.yaml:11:5 error Unknown field "colour" (expected term, expansion, explanation, fr, ar, zh, ru, es, fictional, highlight).',
      'g.yaml:9:16 error Entry "JOC" needs a non-empty "expansion".',
    ]);
  });

  it('reports broken YAML without throwing', () => {
    const r = parseGlossary('entries: [\n', 'g.yaml');
    expect(r.entries).toEqual([]);
    expect(r.errors[0]).toMatch(/^g\.yaml:\d+:\d+ error /);
  });
});
