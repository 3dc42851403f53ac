import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en/ui.json';
import {
  ALL_LANGUAGES,
  formatPercent,
  htmlLang,
  initI18n,
  intlLocale,
  LANGUAGES,
  loadLanguage,
  scenarioText,
  setLanguage,
  t,
  textDirection,
  useLanguage,
} from '../../src/i18n';
import { accentString, mirrorString, pseudoResources } from '../../src/i18n/pseudo';
import { gameDuration, relativeText } from '../../src/ui/format';
import { relativeTimeParts } from '../../src/engine';
import { normaliseSettings, preferredLanguage } from '../../src/store';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

// Every shipped locale folder, read from disk, so a language added later is checked too.
const LOCALES_DIR = path.resolve(__dirname, '../../locales');
const shipped = readdirSync(LOCALES_DIR).filter((d) => !d.startsWith('.'));
const locales: Record<string, Map<string, string>> = Object.fromEntries(
  shipped.map((lng) => [lng, flatten(JSON.parse(readFileSync(path.join(LOCALES_DIR, lng, 'ui.json'), 'utf8')) as Tree)]),
);
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
const english = locales.en ?? new Map<string, string>();
/** Right-to-left strings that open with a Latin word or a placeholder carry a RIGHT-TO-LEFT MARK (src/i18n). */
const plain = (s: string) => s.replace(/\u200f/g, '');

describe('UI locales', () => {
  it('ships the six UN languages, each as a locale folder', () => {
    expect([...shipped].sort()).toEqual(expect.arrayContaining([...LANGUAGES].sort()));
  });

  it.each(shipped.filter((l) => l !== 'en'))('%s has exactly the keys English has (plural forms aside)', (lng) => {
    const a = baseKeys(english);
    const b = baseKeys(locales[lng] ?? new Map());
    expect([...a].filter((k) => !b.has(k)), `missing in ${lng}`).toEqual([]);
    expect([...b].filter((k) => !a.has(k)), `not in en (stale in ${lng})`).toEqual([]);
  });

  it.each(shipped)('%s has every plural form its language needs (Intl.PluralRules), and no stray one', (lng) => {
    const map = locales[lng] ?? new Map<string, string>();
    const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories as string[];
    const plurals = new Set([...map.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const missing = [...plurals].flatMap((base) => needed.filter((c) => !map.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
    expect(missing).toEqual([]);
    // A plural key in English is plural in every language (Chinese has only "other").
    const englishPlurals = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    expect([...englishPlurals].filter((b) => !map.has(`${b}_other`))).toEqual([]);
    const stray = [...map.keys()].filter((k) => PLURAL.exec(k) && !needed.includes(PLURAL.exec(k)?.[1] ?? ''));
    expect(stray, 'plural forms the language does not use').toEqual([]);
  });

  it('Arabic has all six plural forms, Russian one/few/many/other, Chinese other only', () => {
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
    expect(locales.ar?.has('library.decisions_two')).toBe(true);
    expect(locales.ar?.has('library.decisions_zero')).toBe(true);
    expect(locales.ru?.has('library.decisions_few')).toBe(true);
    expect(locales.zh?.has('library.decisions_one')).toBe(false);
  });

  it.each(shipped)('%s has no empty values', (lng) => {
    expect([...(locales[lng] ?? new Map()).entries()].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(shipped)('%s uses the same placeholders as English', (lng) => {
    const map = locales[lng] ?? new Map<string, string>();
    const mismatched = [...english.entries()]
      .filter(([k]) => !PLURAL.test(k))
      .filter(([k, v]) => map.has(k) && placeholders(map.get(k) ?? '') !== placeholders(v))
      .map(([k]) => `${lng}:${k}`);
    expect(mismatched).toEqual([]);
  });

  it.each(shipped.filter((l) => l !== 'en'))('%s is translated, not copied (most strings differ from English)', (lng) => {
    const map = locales[lng] ?? new Map<string, string>();
    const same = [...english.entries()].filter(([k, v]) => map.get(k) === v && /[a-z]{4}/.test(v.replace(/\{\{\w+\}\}/g, '')));
    // Names and titles legitimately stay English (the study's title, the language names, "Mandate").
    expect(same.length / english.size).toBeLessThan(0.05);
  });

  it('names each language in itself, the same in every locale', () => {
    const names = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };
    for (const lng of shipped) for (const [code, name] of Object.entries(names)) expect(locales[lng]?.get(`lang.${code}`), `${lng}:lang.${code}`).toBe(name);
  });
});

describe('t() and languages', () => {
  beforeAll(async () => {
    initI18n('en');
    for (const l of LANGUAGES) await loadLanguage(l);
  });

  it('translates with plurals and switches language', () => {
    setLanguage('en');
    expect(t('library.decisions', { count: 1 })).toBe('1 decision');
    expect(t('library.decisions', { count: 12 })).toBe('12 decisions');
    setLanguage('fr');
    expect(t('library.decisions', { count: 1 })).toBe('1 décision');
    expect(t('library.decisions', { count: 12 })).toBe('12 décisions');
    expect(t('library.decisions', { count: 1_000_000 })).toBe('1000000 décisions');
    setLanguage('en');
  });

  it('picks the right plural form in Arabic, Russian, Spanish and Chinese', () => {
    setLanguage('ar');
    expect(plain(t('library.decisions', { count: 0 }))).toBe('لا قرارات');
    expect(plain(t('library.decisions', { count: 1 }))).toBe('قرار واحد');
    expect(plain(t('library.decisions', { count: 2 }))).toBe('قراران');
    expect(plain(t('library.decisions', { count: 5 }))).toBe('5 قرارات');
    expect(plain(t('library.decisions', { count: 11 }))).toBe('11 قرارًا');
    expect(plain(t('library.decisions', { count: 100 }))).toBe('100 قرار');
    setLanguage('ru');
    expect(t('library.decisions', { count: 1 })).toBe('1 решение');
    expect(t('library.decisions', { count: 3 })).toBe('3 решения');
    expect(t('library.decisions', { count: 5 })).toBe('5 решений');
    expect(t('library.decisions', { count: 21 })).toBe('21 решение');
    setLanguage('es');
    expect(t('library.decisions', { count: 1 })).toBe('1 decisión');
    expect(t('library.decisions', { count: 7 })).toBe('7 decisiones');
    setLanguage('zh');
    expect(t('library.decisions', { count: 1 })).toBe('1 项决定');
    expect(t('library.decisions', { count: 7 })).toBe('7 项决定');
    setLanguage('en');
  });

  it('words game time and the relative clock in every language', () => {
    const far = { parts: relativeTimeParts(0, 42 * 1440, 'E'), day: 1, time: '00:00' };
    const expected: Record<string, [string, string, string]> = {
      en: ['2 days 6 h', '45 min', 'E\u201142 days'],
      fr: ['2 jours 6 h', '45 min', 'E\u201142 jours'],
      es: ['2 días 6 h', '45 min', 'E\u201142 días'],
      ru: ['2 дня 6 ч', '45 мин', 'E\u201142 дня'],
      ar: ['يومان و6 س', '45 د', 'E\u201142 يومًا'],
      zh: ['2 天 6 小时', '45 分钟', 'E\u201142 天'],
    };
    for (const [lng, [duration, minutes, relative]] of Object.entries(expected)) {
      setLanguage(lng as (typeof LANGUAGES)[number]);
      expect([gameDuration(3240), gameDuration(45), relativeText(far)].map(plain), lng).toEqual([duration, minutes, relative]);
    }
    setLanguage('en');
  });

  it('gives each language its direction, page language and Intl locale', () => {
    expect(LANGUAGES.map((l) => textDirection(l))).toEqual(['rtl', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr']);
    expect(textDirection('ar-XB')).toBe('rtl');
    expect(htmlLang('zh')).toBe('zh-Hans');
    // Arabic in Western digits, as UN documents in Arabic write them.
    setLanguage('ar');
    expect(intlLocale()).toBe('ar-u-nu-latn');
    expect(formatPercent(125)).toMatch(/^125/);
    setLanguage('fr');
    expect(formatPercent(125)).toMatch(/^125[\u00a0\u202f]%$/);
    setLanguage('en');
    expect(formatPercent(125)).toBe('125%');
  });

  it('falls back to English for a language whose chunk has not loaded, and useLanguage loads it', async () => {
    const chosen = await useLanguage('es');
    expect(chosen).toBe('es');
    expect(t('nav.settings')).toBe('Configuración');
    setLanguage('en');
  });

  it('anchors right-to-left strings that open with a placeholder or a Latin word, and only those', () => {
    setLanguage('ar');
    expect(t('library.decisions', { count: 5 })).toBe('\u200f5 قرارات');
    expect(t('library.decisions', { count: 1 })).toBe('قرار واحد');
    expect(t('about.what').startsWith('\u200fMandate')).toBe(true);
    expect(t('lang.zh')).toBe('中文');
    setLanguage('en');
    expect(t('library.decisions', { count: 5 })).toBe('5 decisions');
  });

  it('does not escape text (it is only ever set through textContent)', () => {
    setLanguage('en');
    expect(t('play.newItem', { title: '<b>&</b>' })).toBe('New: <b>&</b>');
  });
});

describe('pseudo-locales', () => {
  it('en-XA accents every letter, brackets and lengthens by about 40 %, keeping placeholders', () => {
    const s = accentString('Start “{{title}}”');
    expect(s.startsWith('[')).toBe(true);
    expect(s.endsWith(']')).toBe(true);
    expect(s).toContain('{{title}}');
    expect(s.replace('{{title}}', '')).not.toMatch(/[A-Za-z]/);
    const long = 'Weigh your team’s conflicting advice, decide under pressure';
    const ratio = accentString(long).length / long.length;
    expect(ratio).toBeGreaterThanOrEqual(1.3);
    expect(ratio).toBeLessThanOrEqual(1.5);
  });

  it('ar-XB mirrors each word (RLO…PDF) and keeps placeholders', () => {
    expect(mirrorString('Decide: {{option}}')).toBe('\u202eDecide\u202c: {{option}}');
  });

  it('is generated for every English key, with Arabic plural forms for ar-XB', () => {
    const xa = flatten(pseudoResources('en-XA', en as Tree));
    const xb = flatten(pseudoResources('ar-XB', en as Tree));
    expect(xa.size).toBe(english.size);
    expect(xb.get('library.decisions_few')).toBe(`\u200f${mirrorString(english.get('library.decisions_other') ?? '')}`);
    expect(xb.get('library.decisions_one')).toBe(`\u200f${mirrorString(english.get('library.decisions_one') ?? '')}`);
  });

  it('is usable as a UI language', async () => {
    initI18n('en');
    await useLanguage('en-XA');
    expect(t('nav.settings')).toBe(accentString('Settings'));
    expect(t('library.decisions', { count: 3 })).toBe(accentString('{{count}} decisions').replace('{{count}}', '3'));
    await useLanguage('ar-XB');
    expect(textDirection()).toBe('rtl');
    expect(t('library.decisions', { count: 3 })).toContain('\u202edecisions\u202c');
    setLanguage('en');
  });

  it('every language is a valid setting; a browser preference never picks a pseudo-locale', () => {
    for (const l of ALL_LANGUAGES) expect(normaliseSettings({ language: l }).language).toBe(l);
    expect(normaliseSettings({ language: 'xx' }).language).toBe('en');
    expect(preferredLanguage(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLanguage(['ar-EG'])).toBe('ar');
    expect(preferredLanguage(['en-XA'])).toBe('en');
    expect(preferredLanguage(['de-DE', 'ru-RU'])).toBe('ru');
  });
});

describe('scenarioText()', () => {
  it('returns the authored text until translations exist', () => {
    initI18n('en');
    expect(scenarioText('poc-red-lines:nodes.warn.title', 'The group advances')).toBe('The group advances');
  });
});
