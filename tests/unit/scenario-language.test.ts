import { describe, expect, it, vi } from 'vitest';
import { languageName, translatingLoader } from '../../src/store/scenario-language';
import { fixtureBundle } from '../support/fixtures';

const tiny = fixtureBundle('tiny');

function setup(language: string, available: Record<string, string[]> = { tiny: ['fr'] }) {
  const notify = vi.fn();
  const loadTranslation = vi.fn(async () => ({ title: 'Scénario minuscule', 'nodes.d1.title': "L'alerte" }));
  let lang = language;
  const load = translatingLoader({ load: async () => tiny, available, loadTranslation, language: () => lang, notify });
  return { load, notify, loadTranslation, setLang: (l: string) => void (lang = l) };
}

describe('the scenario in the player\'s language', () => {
  it('applies the translation when the UI language has one, keeping ids and the hash', async () => {
    const { load, notify, loadTranslation } = setup('fr');
    const b = await load('tiny');
    expect(b.scenario.title).toBe('Scénario minuscule');
    expect(b.scenario.nodes[0]?.title).toBe("L'alerte");
    // Untranslated keys keep the authored text; structure and the content hash are unchanged.
    expect(b.scenario.nodes[1]?.title).toBe(tiny.scenario.nodes[1]?.title);
    expect(b.scenario.nodes.map((n) => n.id)).toEqual(tiny.scenario.nodes.map((n) => n.id));
    expect(b.hash).toBe(tiny.hash);
    expect(tiny.scenario.title).toBe('Tiny test scenario');
    await load('tiny');
    expect(loadTranslation).toHaveBeenCalledTimes(1);
    expect(notify).not.toHaveBeenCalled();
  });

  it('shows the scenario as written in its own language, silently', async () => {
    const { load, notify, loadTranslation } = setup('en');
    expect((await load('tiny')).scenario.title).toBe('Tiny test scenario');
    expect(loadTranslation).not.toHaveBeenCalled();
    expect(notify).not.toHaveBeenCalled();
  });

  it('falls back to the written language and says so, once per scenario and language', async () => {
    const { load, notify, setLang } = setup('es');
    expect((await load('tiny')).scenario.title).toBe('Tiny test scenario');
    await load('tiny');
    expect(notify).toHaveBeenCalledTimes(1);
    expect(notify).toHaveBeenCalledWith('info', 'notice.scenarioNotTranslated', { language: 'español', shown: 'inglés' });
    setLang('ru');
    await load('tiny');
    expect(notify).toHaveBeenCalledTimes(2);
  });

  it('falls back (and says so) when a translation chunk fails to load', async () => {
    const notify = vi.fn();
    const load = translatingLoader({ load: async () => tiny, available: { tiny: ['fr'] }, loadTranslation: () => Promise.reject(new Error('offline')), language: () => 'fr', notify });
    expect((await load('tiny')).scenario.title).toBe('Tiny test scenario');
    expect(notify).toHaveBeenCalledWith('info', 'notice.scenarioNotTranslated', { language: 'français', shown: 'anglais' });
  });

  it('names languages in the player\'s language', () => {
    expect(languageName('es', 'en')).toBe('Spanish');
    expect(languageName('en', 'fr')).toBe('anglais');
  });
});
