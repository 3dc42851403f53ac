/**
 * Pseudo-locales, generated from the English strings when they are loaded (never committed as
 * files), for finding layout bugs and hard-coded strings before real translations arrive:
 *
 * - `en-XA` ("accented"): every letter swapped for an accented look-alike, each string padded to
 *   about 140 % of its length and bracketed ("[Ŝéţţîñĝš ~~~~]"), so text that overflows its box, is
 *   clipped or was never translated (it stays plain ASCII) shows at a glance.
 * - `ar-XB` ("bidi"): the English words laid out right to left (the page is `dir="rtl"`) and each
 *   word wrapped in RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING, so it reads mirrored, as
 *   Chromium's and Android's ar-XB do. It exercises the RTL layout with text a tester can still read.
 *
 * `{{placeholders}}` and `$t(nesting)` are kept as they are, so interpolation still works.
 */

type Tree = { [key: string]: string | Tree };

const ACCENTS: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

/** Pieces of a string that must survive unchanged: interpolations and nestings. */
const KEEP = /(\{\{[^}]*\}\}|\$t\([^)]*\))/;

const RLO = '\u202e';
const PDF = '\u202c';

/** The en-XA form of one string. */
export function accentString(text: string): string {
  const parts = text.split(KEEP);
  let letters = 0;
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part.replace(/[A-Za-z]/g, (ch) => {
        letters += 1;
        return ACCENTS[ch] ?? ch;
      });
    })
    .join('');
  // About 40 % longer: pad with tildes for the letters (short strings grow relatively more, as
  // real translations of short labels do).
  // Padding in word-sized groups, so it wraps like real text would.
  const pad = Math.max(1, Math.ceil(letters * 0.4));
  const groups = Array.from({ length: Math.ceil(pad / 6) }, (_, i) => '~'.repeat(Math.min(6, pad - i * 6)));
  return `[${body} ${groups.join(' ')}]`;
}

/** The ar-XB form of one string: each word mirrored; placeholders untouched. */
export function mirrorString(text: string): string {
  return text
    .split(KEEP)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z][A-Za-z’'-]*/g, (w) => `${RLO}${w}${PDF}`)))
    .join('');
}

function mapTree(tree: Tree, fn: (s: string) => string): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) out[k] = typeof v === 'string' ? fn(v) : mapTree(v, fn);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * English has only "one" and "other"; a pseudo-locale that takes another language's plural rules
 * (ar-XB takes Arabic's six) gets every category it needs, from English "one" or "other".
 */
function fillPlurals(tree: Tree, categories: readonly string[]): Tree {
  const out: Tree = {};
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v !== 'string') {
      out[k] = fillPlurals(v, categories);
      continue;
    }
    const m = PLURAL.exec(k);
    if (!m) {
      out[k] = v;
      continue;
    }
    const base = k.slice(0, m.index);
    for (const c of categories) {
      const src = tree[`${base}_${c}`] ?? tree[`${base}_${c === 'one' ? 'one' : 'other'}`] ?? v;
      if (typeof src === 'string' && !(`${base}_${c}` in out)) out[`${base}_${c}`] = src;
    }
  }
  return out;
}

export type PseudoLanguage = 'en-XA' | 'ar-XB';

/** The pseudo-locale's resources, from the English ones. */
export function pseudoResources(lang: PseudoLanguage, en: Tree): Tree {
  if (lang === 'en-XA') return mapTree(en, accentString);
  const categories = new Intl.PluralRules('ar').resolvedOptions().pluralCategories;
  // A RIGHT-TO-LEFT MARK first, as an Arabic string's first letter would be, so each text block
  // (unicode-bidi: plaintext in styles.css) is laid out right to left.
  return mapTree(fillPlurals(en, categories), (s) => `\u200f${mirrorString(s)}`);
}
