import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { rel } from '../../build/content-files';
import { loadGlossary } from '../../build/glossary-file';
import { parseSourceFile } from '../../engine/content/index';
import { exportXliff, importXliff, parseXliff, XliffError, type XliffGlossaryTerm } from '../../engine/content/xliff';
import { MAX_XML_CHARS } from '../../engine/content/xliff-xml';
import { flagValue, knownFlags, loadScenario, positionals, UsageError, type CommandResult, runCommand } from '../command-kit';

const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const GLOSSARY_LANGS = ['fr', 'es', 'ar', 'zh', 'ru'] as const;

/** The parsed translation file beside a scenario (undefined when there is none). */
function readLocale(scenarioFile: string, lang: string): { path: string; value: unknown } {
  const path = join(dirname(resolve(scenarioFile)), 'locales', `${lang}.yaml`);
  if (!existsSync(path)) return { path, value: undefined };
  const src = parseSourceFile(rel(path), readFileSync(path, 'utf8'));
  if (src.syntax.length) {
    const d = src.syntax[0]!;
    throw new UsageError(`${d.file}:${d.line}:${d.col} ${d.message} Fix the translation file first.`);
  }
  return { path, value: src.value };
}

function glossaryTerms(): XliffGlossaryTerm[] {
  return loadGlossary().entries.map((e) => {
    const byLang = e as unknown as Record<string, { expansion: string; explanation: string } | undefined>;
    return {
      term: e.term,
      expansion: e.expansion,
      explanation: e.explanation,
      translations: Object.fromEntries(GLOSSARY_LANGS.flatMap((l) => (byLang[l] ? [[l, byLang[l]]] : []))),
    };
  });
}

/**
 * `xliff export <scenario> --lang L [--out file.xlf]`: the scenario's text as XLIFF 2.0 for a
 * translator (to stdout without --out). `xliff import <file.xlf> [--scenario <id|path>]`: writes
 * the translations into locales/<lang>.yaml beside the scenario, refusing a malformed file.
 */
export function xliff(args: readonly string[]): CommandResult {
  return runCommand((out, err) => {
    const [sub, ...rest] = args;
    if (sub === 'export') {
      knownFlags(rest, 'xliff export', ['--lang', '--out']);
      const [id] = positionals(rest, ['--lang', '--out']);
      const lang = flagValue(rest, '--lang');
      if (!lang || !LANG.test(lang)) throw new UsageError('xliff export needs --lang <code>, the language to translate into (e.g. --lang es).');
      const { bundle, file } = loadScenario(id, 'xliff export');
      const srcLang = bundle.scenario.languages[0] ?? 'en';
      if (lang === srcLang) throw new UsageError(`${file} is written in "${srcLang}"; choose another --lang to translate into.`);
      const existing = readLocale(file, lang);
      const text = exportXliff(bundle.scenario, { lang, existing: existing.value, glossary: glossaryTerms() });
      const target = flagValue(rest, '--out');
      if (target) {
        writeFileSync(resolve(target), text);
        err(`Wrote ${target}: ${(text.match(/<unit /g) ?? []).length} units, ${srcLang} → ${lang}.`);
      } else {
        out(text.trimEnd());
      }
      if (!bundle.scenario.languages.includes(lang)) err(`Note: "${lang}" is not in the scenario's \`languages\` yet; add it when the translation is done.`);
      return 0;
    }
    if (sub === 'import') {
      knownFlags(rest, 'xliff import', ['--scenario']);
      const [path] = positionals(rest, ['--scenario']);
      if (!path) throw new UsageError('xliff import needs the path of an .xlf file.');
      if (!existsSync(path)) throw new UsageError(`No such file: ${path}.`);
      const raw = readFileSync(path);
      if (raw.length > MAX_XML_CHARS) throw new UsageError(`${path} is ${raw.length} bytes; at most ${MAX_XML_CHARS} are read.`);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        err(`${path}:1:1 error XLF001 The file is not UTF-8 text. Save it as UTF-8 and import again. Nothing was written.`);
        return 1;
      }
      try {
        const doc = parseXliff(text);
        const { bundle, file } = loadScenario(flagValue(rest, '--scenario') ?? doc.scenarioId, 'xliff import');
        const locale = readLocale(file, doc.trgLang);
        const result = importXliff(bundle.scenario, doc, locale.value);
        for (const w of result.warnings) err(`${path}: ${w}`);
        mkdirSync(dirname(locale.path), { recursive: true });
        writeFileSync(locale.path, result.text);
        out(`Wrote ${rel(locale.path)}: ${result.updated} translation(s) added or changed, ${result.kept} kept, from ${doc.units.length} unit(s).`);
        if (!bundle.scenario.languages.includes(doc.trgLang))
          out(`Add "${doc.trgLang}" to \`languages\` in ${file} to offer the scenario in it; \`check\` then reports what is missing or stale.`);
        return 0;
      } catch (e) {
        if (e instanceof XliffError) {
          err(`${path}:${e.line}:${e.col} error ${e.code} ${e.message}`);
          err('Nothing was written.');
          return 1;
        }
        throw e;
      }
    }
    throw new UsageError('Usage: xliff export <scenario> --lang <code> [--out file.xlf] | xliff import <file.xlf> [--scenario <id|path>]');
  });
}
