import { describe, expect, it } from 'vitest';
import en from '../../locales/en/ui.json';
import fr from '../../locales/fr/ui.json';
import { initI18n, scenarioText, setLanguage, t } from '../../src/i18n';

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

const locales = { en: flatten(en as Tree), fr: flatten(fr as Tree) };
const baseKeys = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));

describe('UI locales', () => {
  it('have the same keys in English and French (plural forms aside)', () => {
    const a = baseKeys(locales.en);
    const b = baseKeys(locales.fr);
    expect([...a].filter((k) => !b.has(k)), 'missing in fr').toEqual([]);
    expect([...b].filter((k) => !a.has(k)), 'missing in en').toEqual([]);
  });

  it.each(Object.entries(locales))('%s has every plural form its language needs', (lng, map) => {
    const needed = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
    const plurals = new Set([...map.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const missing = [...plurals].flatMap((base) => needed.filter((c) => !map.has(`${base}_${c}`)).map((c) => `${base}_${c}`));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(locales))('%s has no empty values', (_lng, map) => {
    expect([...map.entries()].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(Object.entries(locales))('%s uses the same placeholders as English', (lng, map) => {
    const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');
    const mismatched = [...locales.en.entries()]
      .filter(([k]) => !PLURAL.test(k))
      .filter(([k, v]) => map.has(k) && names(map.get(k) ?? '') !== names(v))
      .map(([k]) => `${lng}:${k}`);
    expect(mismatched).toEqual([]);
  });
});

describe('t()', () => {
  it('translates with plurals and switches language', () => {
    initI18n('en');
    expect(t('library.decisions', { count: 1 })).toBe('1 decision');
    expect(t('library.decisions', { count: 12 })).toBe('12 decisions');
    setLanguage('fr');
    expect(t('library.decisions', { count: 1 })).toBe('1 décision');
    expect(t('library.decisions', { count: 12 })).toBe('12 décisions');
    expect(t('library.decisions', { count: 1_000_000 })).toBe('1000000 décisions');
    setLanguage('en');
  });

  it('does not escape text (it is only ever set through textContent)', () => {
    initI18n('en');
    expect(t('play.newItem', { title: '<b>&</b>' })).toBe('New: <b>&</b>');
  });
});

describe('scenarioText()', () => {
  it('returns the authored text until translations exist', () => {
    initI18n('en');
    expect(scenarioText('poc-red-lines:nodes.warn.title', 'The group advances')).toBe('The group advances');
  });
});
