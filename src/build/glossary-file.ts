/**
 * Node-side loading of scenarios/glossary.yaml: parsed and checked at build time, then shipped to
 * the browser as plain JSON (virtual:mandate-glossary), so the YAML library never reaches it.
 * Problems come back as compiler-style messages (file:line:col), never as exceptions.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { GlossaryEntry } from '../ui/glossary-terms';
import { rel, SCENARIOS_DIR } from './content-files';

export const GLOSSARY_FILE = join(SCENARIOS_DIR, 'glossary.yaml');

export interface GlossaryLoad {
  entries: GlossaryEntry[];
  /** "scenarios/glossary.yaml:12:5 error …" lines; any one of them fails the build. */
  errors: string[];
}

const TEXT_FIELDS = ['expansion', 'explanation'] as const;
/** The languages besides English that an entry carries, each as { expansion, explanation }. */
export const GLOSSARY_LANGUAGES = ['fr', 'ar', 'zh', 'ru', 'es'] as const;
const KNOWN = new Set(['term', 'expansion', 'explanation', ...GLOSSARY_LANGUAGES, 'fictional', 'highlight']);

export function loadGlossary(path: string = GLOSSARY_FILE): GlossaryLoad {
  const file = rel(path);
  if (!existsSync(path)) return { entries: [], errors: [`${file}:1:1 error The glossary file is missing.`] };
  return parseGlossary(readFileSync(path, 'utf8'), file);
}

/** Parses and checks glossary text; entries with problems are left out and reported. */
export function parseGlossary(text: string, file = 'glossary.yaml'): GlossaryLoad {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors: string[] = [];
  const at = (node: YamlNode | null | undefined, message: string): void => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    errors.push(`${file}:${line}:${col} error ${message}`);
  };
  for (const e of doc.errors) {
    const { line, col } = lines.linePos(e.pos[0]);
    errors.push(`${file}:${line}:${col} error ${e.message.split('\n')[0]}`);
  }
  if (errors.length) return { entries: [], errors };

  const list = isMap(doc.contents) ? doc.contents.get('entries', true) : undefined;
  if (!isSeq(list)) {
    at(doc.contents, 'Expected a mapping with a list under "entries".');
    return { entries: [], errors };
  }
  const entries: GlossaryEntry[] = [];
  const seen = new Map<string, number>();
  for (const item of list.items) {
    if (!isMap(item)) {
      at(item as YamlNode, 'Each entry is a mapping: { term, expansion, explanation, fr?, ar?, zh?, ru?, es? }.');
      continue;
    }
    const raw = item.toJSON() as Record<string, unknown>;
    const bad = (field: string, message: string): void => at((item.get(field, true) as YamlNode | undefined) ?? item, message);
    let ok = true;
    for (const key of Object.keys(raw)) {
      if (!KNOWN.has(key)) {
        const pair = item.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        at((pair?.key as YamlNode | undefined) ?? item, `Unknown field "${key}" (expected ${[...KNOWN].join(', ')}).`);
        ok = false;
      }
    }
    const term = typeof raw.term === 'string' ? raw.term.trim() : '';
    if (!term || !/^[\p{L}\p{N}][\p{L}\p{N}/ .-]*$/u.test(term)) {
      bad('term', 'An entry needs a "term": letters and digits, optionally joined by "/", "-", "." or spaces.');
      ok = false;
    }
    for (const field of TEXT_FIELDS) {
      if (typeof raw[field] !== 'string' || !(raw[field] as string).trim()) {
        bad(field, `Entry "${term}" needs a non-empty "${field}".`);
        ok = false;
      }
    }
    const translated: Partial<Record<(typeof GLOSSARY_LANGUAGES)[number], { expansion: string; explanation: string }>> = {};
    for (const lang of GLOSSARY_LANGUAGES) {
      if (raw[lang] === undefined) continue;
      const f = raw[lang] as Record<string, unknown> | null;
      if (!f || typeof f !== 'object' || TEXT_FIELDS.some((k) => typeof f[k] !== 'string' || !(f[k] as string).trim())) {
        bad(lang, `Entry "${term}": "${lang}" needs a non-empty expansion and explanation.`);
        ok = false;
      } else {
        translated[lang] = { expansion: (f.expansion as string).trim(), explanation: (f.explanation as string).trim() };
      }
    }
    for (const flag of ['fictional', 'highlight'] as const) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') {
        bad(flag, `Entry "${term}": "${flag}" is true or false.`);
        ok = false;
      }
    }
    if (term && seen.has(term)) {
      bad('term', `Duplicate term "${term}" (first defined at line ${seen.get(term)}).`);
      ok = false;
    }
    if (term && !seen.has(term)) seen.set(term, lines.linePos(item.range?.[0] ?? 0).line);
    if (!ok) continue;
    entries.push({
      term,
      expansion: (raw.expansion as string).trim(),
      explanation: (raw.explanation as string).trim(),
      ...translated,
      ...(raw.fictional === true ? { fictional: true } : {}),
      ...(raw.highlight === false ? { highlight: false } : {}),
    });
  }
  return { entries, errors };
}
