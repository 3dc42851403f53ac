import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/build/content-files';
import { loadGlossary } from '../../src/build/glossary-file';
import { scenarioTextEntries } from '../../src/engine/index';
import { acronymTokens, splitTerms } from '../../src/ui/glossary-terms';
import { shippedBundle } from '../support/fixtures';

const glossary = loadGlossary();
const allTerms = glossary.entries.map((e) => e.term);
const WORLD = join(ROOT, 'scenarios', 'world', 'world.yaml');

/** Fields of the world file that hold ids, colours or enums rather than text a player reads. */
const WORLD_ID_FIELDS = new Set(['id', 'schemaVersion', 'color', 'kind', 'stance', 'base', 'contributor', 'home', 'region', 'town', 'headquarters', 'via', 'side']);

/** Every text a player can read in the world file, with the path that holds it. */
function worldTexts(): [string, string][] {
  const out: [string, string][] = [];
  const walk = (v: unknown, path: string, key: string): void => {
    if (typeof v === 'string') {
      if (!WORLD_ID_FIELDS.has(key)) out.push([path, v]);
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k, k);
  };
  walk(parse(readFileSync(WORLD, 'utf8')), '', '');
  return out;
}

/**
 * Upper-case spellings of the world's own proper names (map labels such as "IPO ILVI" write the
 * place in capitals): those are names, not acronyms.
 */
function worldNamesInCapitals(): Set<string> {
  const names = new Set<string>();
  const world = parse(readFileSync(WORLD, 'utf8')) as Record<string, unknown>;
  const walk = (v: unknown, key: string): void => {
    if (typeof v === 'string' && key === 'name') for (const w of v.split(/[^\p{L}]+/u)) if (w.length > 1 && w !== w.toUpperCase()) names.add(w.toUpperCase());
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(world, '');
  return names;
}

/** The acronym-like tokens in text that no glossary term covers (a term also covers its plural). */
function uncovered(text: string, names: Set<string>): string[] {
  return splitTerms(text, allTerms)
    .filter((p): p is string => typeof p === 'string')
    .flatMap(acronymTokens)
    .filter((token) => !names.has(token));
}

describe('scenarios/glossary.yaml', () => {
  it('parses without errors', () => {
    expect(glossary.errors).toEqual([]);
    expect(glossary.entries.length).toBeGreaterThan(30);
  });

  it('has each term once', () => {
    const counts = new Map<string, number>();
    for (const t of allTerms) counts.set(t, (counts.get(t) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([t]) => t)).toEqual([]);
    // …and no two terms that differ only by case or a plural "s", which would read as duplicates.
    const folded = allTerms.map((t) => t.toUpperCase().replace(/S$/, ''));
    expect(folded.filter((t, i) => folded.indexOf(t) !== i)).toEqual([]);
  });

  it('explains every term in English and French', () => {
    const missing = glossary.entries.filter((e) => !e.fr || !e.fr.expansion || !e.fr.explanation).map((e) => e.term);
    expect(missing).toEqual([]);
  });

  it('keeps explanations short: one or two sentences', () => {
    const sentences = (s: string) => s.split(/(?<=[.!?])\s+(?=\p{Lu})/u).length;
    const long = glossary.entries.filter((e) => sentences(e.explanation) > 2 || (e.fr && sentences(e.fr.explanation) > 2)).map((e) => e.term);
    expect(long).toEqual([]);
  });

  const names = worldNamesInCapitals();

  it('covers every acronym in the world file', () => {
    const missing = worldTexts().flatMap(([path, text]) => uncovered(text, names).map((token) => `${token} (world.yaml ${path})`));
    expect(missing).toEqual([]);
  });

  it.each(scenarioFiles().map((f) => f.split('/').at(-2) as string))('covers every acronym in the text of %s', (id) => {
    const bundle = shippedBundle(id);
    const missing = scenarioTextEntries(bundle.scenario).flatMap(([key, text]) => uncovered(text, names).map((token) => `${token} (${key})`));
    // The study references shown in the debrief ("Box:MINUSCA") are player-facing too.
    const cites = bundle.scenario.nodes.flatMap((n) => n.cites.flatMap((c) => uncovered(c, names).map((token) => `${token} (nodes.${n.id}.cites)`)));
    expect([...missing, ...cites]).toEqual([]);
    // Compiling a whole scenario (with its reachability sweep) takes seconds, more on a busy machine.
  }, 180_000);
});
