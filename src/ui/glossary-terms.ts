/**
 * The glossary's data shape and the pure part of the in-game glossary: finding known terms in a
 * piece of scenario text. No DOM here (src/ui/glossary.ts renders), so it is unit-tested in Node
 * and the build (src/build/glossary-file.ts) shares the type.
 */

/** One entry of scenarios/glossary.yaml, as compiled for the browser. */
export interface GlossaryEntry {
  /** As written in scenario text: "HRDDP", "RC/HC", "HoM", "Chapter VII". Case-sensitive. */
  term: string;
  expansion: string;
  explanation: string;
  /** The expansion and explanation in the UI's other languages (scenarios/glossary.yaml). */
  fr?: { expansion: string; explanation: string };
  ar?: { expansion: string; explanation: string };
  zh?: { expansion: string; explanation: string };
  ru?: { expansion: string; explanation: string };
  es?: { expansion: string; explanation: string };
  /** One of the game's invented entities (Velmora). */
  fictional?: boolean;
  /** false: listed in the glossary but not marked up in running text (e.g. "UN"). */
  highlight?: false;
}

/** A known term found in text: `term` is the glossary key, `text` what the text says ("NGOs"). */
export interface TermMatch {
  term: string;
  text: string;
}

export type TermPart = string | TermMatch;

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const patternCache = new Map<string, RegExp>();

/**
 * The matcher for a term list: longest terms first (so "RC/HC" wins over a plain "RC"), each a
 * whole word — no letter or digit directly before, none after — with an optional plural "s".
 */
function pattern(terms: readonly string[]): RegExp | null {
  const list = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  if (!list.length) return null;
  const key = list.join('\u0000');
  let re = patternCache.get(key);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\p{N}])(${list.map(escapeRegExp).join('|')})(s?)(?![\\p{L}\\p{N}])`, 'gu');
    if (patternCache.size > 16) patternCache.clear();
    patternCache.set(key, re);
  }
  return re;
}

/**
 * Splits text into plain strings and known terms, in order. Joining the parts (`text` for terms)
 * gives the input back unchanged. Matching is case-sensitive and whole-word: "UN" is not found in
 * "UNHQ" or "Unity", "FPU" is found in "FPU-2" and "NGO" in "NGOs". Text is only ever compared, never
 * interpreted, so markup in it stays text.
 */
export function splitTerms(text: string, terms: readonly string[]): TermPart[] {
  const re = pattern(terms);
  if (!re || !text) return text ? [text] : [];
  const parts: TermPart[] = [];
  let last = 0;
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    const index = m.index;
    if (index > last) parts.push(text.slice(last, index));
    parts.push({ term: m[1] as string, text: m[0] });
    last = index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** The expansion and explanation in a UI language ("es", "zh-CN"…) when the entry has it, else English. */
export function localizedEntry(entry: GlossaryEntry, language: string): { expansion: string; explanation: string } {
  const lang = language.split('-')[0];
  const own = lang === 'fr' || lang === 'ar' || lang === 'zh' || lang === 'ru' || lang === 'es' ? entry[lang] : undefined;
  return own ?? { expansion: entry.expansion, explanation: entry.explanation };
}

/**
 * Words in text that look like acronyms or abbreviations: at least two capitals, and no more
 * lowercase letters than capitals ("HRDDP", "HoM", "RC/HC", "NGOs"; not "RegisterUs", "Velmora").
 */
export function acronymTokens(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}]+(?:\/[\p{L}]+)*/gu)) {
    const w = m[0];
    const upper = (w.match(/\p{Lu}/gu) ?? []).length;
    const lower = (w.match(/\p{Ll}/gu) ?? []).length;
    if (upper >= 2 && upper >= lower) out.push(w);
  }
  return out;
}
