import { describe, expect, it } from 'vitest';
import { GLOSSARY_LANGUAGES, loadGlossary } from '../../src/build/glossary-file';
import { runCli } from '../../src/cli/main';
import { localizedEntry } from '../../src/ui/glossary-terms';

const glossary = loadGlossary();

describe('the glossary in the six UN languages', () => {
  it('loads without errors, and every entry has an expansion and explanation in fr, ar, zh, ru and es', () => {
    expect(glossary.errors).toEqual([]);
    expect(glossary.entries.length).toBeGreaterThanOrEqual(62);
    const missing = glossary.entries.flatMap((e) =>
      GLOSSARY_LANGUAGES.filter((l) => !e[l]?.expansion.trim() || !e[l]?.explanation.trim()).map((l) => `${e.term}:${l}`),
    );
    expect(missing).toEqual([]);
  });

  it('is written in each language\'s own script (no English left in place of a translation)', () => {
    const script: Record<string, RegExp> = { ar: /\p{Script=Arabic}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u };
    for (const e of glossary.entries) {
      for (const [lang, re] of Object.entries(script)) {
        const t = e[lang as 'ar' | 'zh' | 'ru'];
        expect(re.test(t?.explanation ?? ''), `${e.term} ${lang}`).toBe(true);
      }
      expect(e.es?.explanation).not.toBe(e.explanation);
    }
  });

  it('uses the UN\'s own names in each language for the mission\'s leaders', () => {
    const fc = glossary.entries.find((e) => e.term === 'FC');
    expect([fc?.fr?.expansion, fc?.es?.expansion, fc?.ru?.expansion, fc?.zh?.expansion, fc?.ar?.expansion]).toEqual([
      'Commandant de la force',
      'Comandante de la Fuerza',
      'Командующий силами',
      '部队指挥官',
      'قائد القوة',
    ]);
    const poc = glossary.entries.find((e) => e.term === 'POC');
    expect(poc?.es?.expansion).toBe('Protección de civiles');
    expect(localizedEntry(poc!, 'es').expansion).toBe('Protección de civiles');
    expect(localizedEntry(poc!, 'zh-CN').expansion).toBe('保护平民');
    expect(localizedEntry(poc!, 'de').expansion).toBe('Protection of civilians');
  });

  it('gives translators the target language\'s glossary expansion in the XLIFF export', () => {
    const r = runCli(['xliff', 'export', 'poc-red-lines', '--lang', 'ru']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<gls:term source="glossary">JMAC</gls:term>');
    expect(r.stdout).toContain('<gls:translation source="glossary">Объединённый аналитический центр миссии</gls:translation>');
  });
});
