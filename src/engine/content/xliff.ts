/**
 * Scenario translation for translators: XLIFF 2.0 export and import, and the translation files
 * (`locales/<lang>.yaml` beside a scenario) they read and write.
 *
 * A translation file is a flat map from text key (as `scenarioTextEntries` lists them) to
 *
 *     nodes.warn.title:
 *       text: L'alerte
 *       source: 1f3a9c07     # short hash of the English the translation was made from
 *
 * `source` is what tells a stale translation (the English changed since) from a current one. A
 * bare string (`title: La ligne de Kessrin`) is still read, as a translation of unknown age.
 *
 * The export carries, per string: the source text, any existing translation (marked `initial`
 * when stale), notes for context (where the text appears, which decision, option and adviser, the
 * length limit the layout holds) and the glossary terms found in the source, with their expansion
 * in the target language when the glossary has one (XLIFF 2.0 Glossary module).
 */
import { stringify } from 'yaml';
import { hash32 } from '../rng';
import { scenarioTextEntries } from '../scenario-text';
import type { Scenario } from '../types';
import { elements, escapeXml, parseXml, textOf, XmlError, type XmlElement } from './xliff-xml';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const GLOSSARY_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';

/** The most characters each kind of text holds in the layout (kept equal to SCN032's limits). */
const LIMITS: [RegExp, number][] = [
  [/^nodes\.[^.]+\.text$/, 700],
  [/^nodes\.[^.]+\.positions\.[^.]+\.text$/, 300],
  [/^nodes\.[^.]+\.options\.[^.]+\.label$/, 90],
  [/^injects\.[^.]+\.text$/, 500],
  [/^endings\.[^.]+\.text$/, 900],
];

/** A short hash of a source text, stored beside its translation. */
export function sourceHash(text: string): string {
  return hash32(text).toString(16).padStart(8, '0');
}

export interface TranslationEntry {
  text: string;
  /** The hash of the source text it was translated from; null when the file does not say. */
  source: string | null;
}

/** The usable entries of a parsed translation file (other values are ignored here; `check` reports them). */
export function readTranslationFile(value: unknown): Map<string, TranslationEntry> {
  const out = new Map<string, TranslationEntry>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') {
      if (v.trim()) out.set(key, { text: v, source: null });
    } else if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.text === 'string' && o.text.trim()) out.set(key, { text: o.text, source: typeof o.source === 'string' ? o.source : null });
    }
  }
  return out;
}

/** key → translated text, for `localizeScenario` and the game. */
export function translationTexts(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, e] of readTranslationFile(value)) out[k] = e.text;
  return out;
}

export interface TranslationStatus {
  total: number;
  missing: string[];
  /** Translated from an English text that has changed since. */
  stale: string[];
  /** Translated, but the file does not record from which English (no `source` hash). */
  unverified: string[];
  /** Keys in the file that the scenario does not have (an option removed, a key misspelt). */
  unknown: string[];
}

export function translationStatus(scenario: Scenario, value: unknown): TranslationStatus {
  const entries = scenarioTextEntries(scenario);
  const file = readTranslationFile(value);
  const keys = new Set(entries.map(([k]) => k));
  const status: TranslationStatus = { total: entries.length, missing: [], stale: [], unverified: [], unknown: [] };
  for (const [key, source] of entries) {
    const t = file.get(key);
    if (!t) status.missing.push(key);
    else if (t.source === null) status.unverified.push(key);
    else if (t.source !== sourceHash(source)) status.stale.push(key);
  }
  for (const k of file.keys()) if (!keys.has(k)) status.unknown.push(k);
  return status;
}

// ---- context for translators ------------------------------------------------------------------

export interface TextContext {
  /** Where the text appears, in words. */
  where: string;
  /** The most characters the layout holds, when there is a limit. */
  limit?: number;
}

/** Where each text key appears, for the notes of the export. */
export function textContext(scenario: Scenario, key: string): TextContext {
  const limit = LIMITS.find(([re]) => re.test(key))?.[1];
  const withLimit = (where: string): TextContext => (limit ? { where, limit } : { where });
  const parts = key.split('.');
  const [head, id, field] = parts;
  const node = head === 'nodes' ? scenario.nodes.find((n) => n.id === id) : undefined;
  const decision = node ? `decision "${node.title}" (${node.id})` : `decision ${id}`;
  const adviserTitle = (a: string): string => scenario.advisers.find((x) => x.id === a)?.title ?? a;
  switch (head) {
    case 'title':
      return withLimit('The scenario\'s title: library card, briefing heading, top of the play screen.');
    case 'subtitle':
      return withLimit('The scenario\'s subtitle, under its title on the library card and the briefing.');
    case 'setting':
      return withLimit('Where and when the scenario takes place, on the library card.');
    case 'summary':
      return withLimit('The summary on the library card.');
    case 'contentNote':
      return withLimit('The content warning shown before the scenario starts.');
    case 'briefing':
      return withLimit(`Briefing screen: the ${id === 'mandate' ? 'mandate (quoted)' : id === 'situation' ? 'situation' : 'player\'s role'}.`);
    case 'seats':
      return withLimit(field === 'title' ? `The name of a seat (a role a player can take): ${id}.` : `Briefing screen for the ${id} seat: ${parts.slice(3).join(' ')}.`);
    case 'meters':
      return withLimit(field === 'label' ? `The name of an indicator tracked over the game (debrief charts): ${id}.` : `What the indicator "${id}" measures (debrief).`);
    case 'polarities':
      return withLimit(`Debrief: what happens when the tension "${id}" is pushed too far to one side (${parts[3] ?? ''}).`);
    case 'advisers':
      return withLimit(`An adviser's title (the adviser cards and the feed): ${id}.`);
    case 'nodes': {
      if (field === 'title') return withLimit(`The heading of ${decision}; also in the debrief timeline.`);
      if (field === 'text') return withLimit(`The situation at ${decision}, above the options.`);
      if (field === 'studyNote') return withLimit(`Debrief: what the study says about ${decision}.`);
      if (field === 'positions') return withLimit(`What the ${adviserTitle(parts[3] ?? '')} advises at ${decision} (said in the first person).`);
      if (field === 'options') {
        const opt = node?.options.find((o) => o.id === parts[3]);
        const option = `option "${opt?.label ?? parts[3]}" (${parts[3]}) of ${decision}`;
        if (parts[4] === 'label') return withLimit(`The button text of ${option}.`);
        if (parts[4] === 'text') return withLimit(`The explanation under ${option}.`);
        if (parts[4] === 'consequences') return withLimit(`A consequence that arrives in the feed after the player chooses ${option}: its ${parts[6] ?? 'text'}.`);
      }
      if (field === 'timeout') {
        if (parts[4] === 'consequences' || parts[3] === 'consequences') return withLimit(`A consequence in the feed when time runs out at ${decision}.`);
        return withLimit(`What happens when time runs out at ${decision}: the ${parts[3] ?? 'text'}.`);
      }
      return withLimit(`Text of ${decision}: ${parts.slice(2).join('.')}.`);
    }
    case 'injects': {
      const inj = scenario.injects.find((x) => x.id === id);
      const what = `a message arriving in the feed (${inj?.channel ?? 'inject'} "${id}")`;
      if (field === 'from') return withLimit(`Who sends ${what}.`);
      if (field === 'title') return withLimit(`The headline of ${what}.`);
      return withLimit(`The body of ${what}.`);
    }
    case 'endings':
      return withLimit(field === 'title' ? `The title of the ending "${id}" (debrief).` : `The text of the ending "${id}" (debrief).`);
    case 'benchmarks':
      return withLimit(`Debrief: a benchmark the mission is measured against (${id}).`);
    case 'map':
      return withLimit(`A label on the situation map (${parts[2] ?? id}); keep it short.`);
    default:
      return withLimit(`Scenario text at ${key}.`);
  }
}

// ---- glossary terms ---------------------------------------------------------------------------

/** The part of a glossary entry the export needs; `translations` by language code. */
export interface XliffGlossaryTerm {
  term: string;
  expansion: string;
  explanation?: string;
  translations?: Readonly<Record<string, { expansion: string; explanation?: string } | undefined>>;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** The glossary terms a text contains (whole words, case-sensitive, optional plural "s"), in glossary order. */
export function termsIn(text: string, glossary: readonly XliffGlossaryTerm[]): XliffGlossaryTerm[] {
  return glossary.filter((g) => g.term && new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(g.term)}s?(?![\\p{L}\\p{N}])`, 'u').test(text));
}

// ---- export -----------------------------------------------------------------------------------

export interface XliffExportOptions {
  /** The target language code ("es"). */
  lang: string;
  /** The parsed existing translation file, if any: its translations become the targets. */
  existing?: unknown;
  glossary?: readonly XliffGlossaryTerm[];
}

/** One scenario's text as an XLIFF 2.0 document: one <unit> per text key. */
export function exportXliff(scenario: Scenario, opts: XliffExportOptions): string {
  const srcLang = scenario.languages[0] ?? 'en';
  const existing = readTranslationFile(opts.existing);
  const a = escapeXml;
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="${XLIFF_NS}" xmlns:gls="${GLOSSARY_NS}" version="2.0" srcLang="${a(srcLang)}" trgLang="${a(opts.lang)}">`,
    `  <file id="${a(scenario.id)}" original="scenarios/${a(scenario.id)}/scenario.yaml">`,
    '    <notes>',
    `      <note category="scenario">${a(`"${scenario.title}" (${scenario.id}, version ${scenario.version}). Translate the target of every unit; keep ids as they are. Import with: npm run scenario -- xliff import <file.xlf>`)}</note>`,
    '    </notes>',
  ];
  for (const [key, source] of scenarioTextEntries(scenario)) {
    const ctx = textContext(scenario, key);
    const prior = existing.get(key);
    const hash = sourceHash(source);
    const stale = prior && prior.source !== hash;
    lines.push(`    <unit id="${a(key)}" name="${a(key)}">`);
    const terms = termsIn(source, opts.glossary ?? []);
    if (terms.length) {
      lines.push('      <gls:glossary>');
      for (const g of terms) {
        const tr = g.translations?.[opts.lang];
        lines.push('        <gls:glossEntry>');
        lines.push(`          <gls:term source="glossary">${a(g.term)}</gls:term>`);
        if (tr) lines.push(`          <gls:translation source="glossary">${a(tr.expansion)}</gls:translation>`);
        lines.push(`          <gls:definition source="glossary">${a(g.expansion + (g.explanation ? ` — ${g.explanation}` : ''))}</gls:definition>`);
        lines.push('        </gls:glossEntry>');
      }
      lines.push('      </gls:glossary>');
    }
    lines.push('      <notes>');
    lines.push(`        <note category="location">${a(ctx.where)}</note>`);
    if (ctx.limit) lines.push(`        <note category="length">${a(`At most ${ctx.limit} characters (the English has ${[...source].length}).`)}</note>`);
    lines.push(`        <note category="source-hash">${hash}</note>`);
    if (stale) lines.push(`        <note category="stale">${a(prior.source ? 'The English changed since this was translated: check the target against the new source.' : 'The translation file does not record which English this was translated from: check it against the source.')}</note>`);
    lines.push('      </notes>');
    lines.push(`      <segment state="${prior ? (stale ? 'initial' : 'translated') : 'initial'}">`);
    lines.push(`        <source xml:space="preserve">${a(source)}</source>`);
    if (prior) lines.push(`        <target xml:space="preserve">${a(prior.text)}</target>`);
    lines.push('      </segment>');
    lines.push('    </unit>');
  }
  lines.push('  </file>', '</xliff>', '');
  return lines.join('\n');
}

// ---- import -----------------------------------------------------------------------------------

/** A problem with an XLIFF file: where it is and what is wrong. */
export class XliffError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
    readonly code: string,
  ) {
    super(message);
  }
}

export interface XliffUnit {
  key: string;
  source: string;
  /** null when the unit has no target (not translated yet). */
  target: string | null;
  state: string;
  line: number;
  col: number;
}

export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  scenarioId: string;
  units: XliffUnit[];
}

const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const STATES = new Set(['initial', 'translated', 'reviewed', 'final']);

/** Reads an XLIFF 2.0 document (one <file> per scenario, as `exportXliff` writes). Throws XliffError. */
export function parseXliff(text: string): XliffDocument {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) throw new XliffError(`Not well-formed XML: ${e.message}`, e.line, e.col, 'XLF001');
    throw e;
  }
  const bad = (el: XmlElement, message: string): never => {
    throw new XliffError(message, el.line, el.col, 'XLF002');
  };
  if (root.name !== 'xliff') bad(root, `The root element is <${root.name}>; an XLIFF file starts with <xliff>.`);
  if (root.attrs.xmlns !== XLIFF_NS) bad(root, `<xliff> must declare xmlns="${XLIFF_NS}".`);
  if (root.attrs.version !== '2.0' && root.attrs.version !== '2.1') bad(root, `XLIFF version "${root.attrs.version ?? ''}" is not supported; export again to get a 2.0 file.`);
  const srcLang = root.attrs.srcLang ?? '';
  const trgLang = root.attrs.trgLang ?? '';
  if (!LANG.test(srcLang)) bad(root, `<xliff> needs a srcLang such as "en"; got "${srcLang}".`);
  if (!LANG.test(trgLang)) bad(root, `<xliff> needs a trgLang such as "es" (the language translated into); got "${trgLang}".`);
  const files = elements(root, 'file');
  if (files.length !== 1) bad(root, `Expected exactly one <file> (one scenario); found ${files.length}.`);
  const file = files[0] as XmlElement;
  const scenarioId = file.attrs.id ?? '';
  if (!/^[a-z0-9][a-z0-9-]*$/.test(scenarioId)) bad(file, `<file id> must be the scenario's id; got "${scenarioId}".`);
  const units: XliffUnit[] = [];
  const seen = new Set<string>();
  const unitsOf = (el: XmlElement): XmlElement[] => elements(el).flatMap((c) => (c.name === 'unit' ? [c] : c.name === 'group' ? unitsOf(c) : []));
  const plain = (el: XmlElement): string => {
    const inline = elements(el)[0];
    if (inline) bad(inline, `<${inline.name}> inside <${el.name}> is not supported: the game's text has no inline markup. Write plain text.`);
    return textOf(el);
  };
  for (const unit of unitsOf(file)) {
    const key = unit.attrs.id ?? '';
    if (!key) bad(unit, '<unit> needs an id (the text key).');
    if (seen.has(key)) bad(unit, `Unit "${key}" appears twice.`);
    seen.add(key);
    const segments = elements(unit, 'segment');
    if (segments.length !== 1) bad(unit, `Unit "${key}" must have exactly one <segment>; found ${segments.length}.`);
    const seg = segments[0] as XmlElement;
    const state = seg.attrs.state ?? 'initial';
    if (!STATES.has(state)) bad(seg, `Segment state "${state}" is not one of initial, translated, reviewed, final.`);
    const sources = elements(seg, 'source');
    const targets = elements(seg, 'target');
    if (sources.length !== 1) bad(seg, `Unit "${key}" must have one <source>.`);
    if (targets.length > 1) bad(seg, `Unit "${key}" has ${targets.length} <target> elements; keep one.`);
    const target = targets[0] ? plain(targets[0]) : null;
    units.push({ key, source: plain(sources[0] as XmlElement), target, state, line: unit.line, col: unit.col });
  }
  return { srcLang, trgLang, scenarioId, units };
}

export interface ImportResult {
  /** The new translation file text. */
  text: string;
  /** Translations added or changed. */
  updated: number;
  /** Existing translations kept because the unit had no target. */
  kept: number;
  /** Problems that did not stop the import (units for keys the scenario lacks, old sources). */
  warnings: string[];
}

/**
 * Merges an XLIFF document into a scenario's translation file. Each translated unit is stored with
 * the hash of the unit's own <source>: a file translated from an older English stays marked stale.
 * Throws XliffError when the file is for another scenario or language.
 */
export function importXliff(scenario: Scenario, doc: XliffDocument, existing: unknown): ImportResult {
  const srcLang = scenario.languages[0] ?? 'en';
  if (doc.scenarioId !== scenario.id) throw new XliffError(`This file is for scenario "${doc.scenarioId}", not "${scenario.id}".`, 1, 1, 'XLF003');
  if (doc.srcLang !== srcLang) throw new XliffError(`This file translates from "${doc.srcLang}", but the scenario is written in "${srcLang}".`, 1, 1, 'XLF003');
  if (doc.trgLang === srcLang) throw new XliffError(`The target language "${doc.trgLang}" is the scenario's own language.`, 1, 1, 'XLF003');
  const entries = new Map(scenarioTextEntries(scenario));
  const merged = readTranslationFile(existing);
  const warnings: string[] = [];
  let updated = 0;
  let kept = 0;
  for (const u of doc.units) {
    const current = entries.get(u.key);
    if (current === undefined) {
      warnings.push(`line ${u.line}: unit "${u.key}" is not a text key of ${scenario.id}; skipped.`);
      continue;
    }
    if (u.target === null || !u.target.trim()) {
      if (merged.has(u.key)) kept++;
      continue;
    }
    const source = sourceHash(u.source);
    if (u.source !== current) warnings.push(`line ${u.line}: the English of "${u.key}" has changed since this file was exported; imported, and marked stale.`);
    const before = merged.get(u.key);
    if (!before || before.text !== u.target || before.source !== source) updated++;
    merged.set(u.key, { text: u.target, source });
  }
  // Scenario order, then any keys the scenario does not know (kept, `check` reports them).
  const out: Record<string, { text: string; source?: string }> = {};
  const put = (k: string, e: TranslationEntry): void => void (out[k] = e.source ? { text: e.text, source: e.source } : { text: e.text });
  for (const k of entries.keys()) {
    const e = merged.get(k);
    if (e) put(k, e);
  }
  for (const [k, e] of merged) if (!entries.has(k)) put(k, e);
  return { text: translationFileText(scenario, doc.trgLang, out), updated, kept, warnings };
}

/** The text of a translation file: a header comment, then one entry per key. */
export function translationFileText(scenario: Scenario, lang: string, entries: Record<string, { text: string; source?: string }>): string {
  const header = [
    `# ${lang} translation of "${scenario.title}" (${scenario.id}). Written by \`npm run scenario -- xliff import\`;`,
    `# edit it through XLIFF (\`xliff export ${scenario.id} --lang ${lang}\`) or by hand. \`source\` is a hash of the`,
    '# English each text was translated from: when the English changes, `check` reports the text as stale (SCN050).',
  ].join('\n');
  return `${header}\n${stringify(entries, { lineWidth: 100, minContentWidth: 40 })}`;
}
