/**
 * The composition root: the only place where the engine (through the store), the store, the UI
 * views, the lazily loaded map and the audio meet.
 */
import type { LibraryEntry, ScenarioBundle } from '../engine';
import { htmlLang, initI18n, isUiLanguage, provideScenarioTexts, t, textDirection, useLanguage } from '../i18n';
import {
  browserLocks,
  createMandateStore,
  createPersistence,
  createScenarioShelf,
  localCountdownStash,
  localSettingsStorage,
  openBestAdapter,
  preferredLanguage,
  DEFAULT_SETTINGS,
  type MandateStore,
  type MandateStoreState,
  type ScenarioUpdate,
  type Screen,
} from '../store';
import { createAboutView } from '../ui/about-view';
import { createBriefingView } from '../ui/briefing-view';
import { createChrome } from '../ui/chrome';
import { createDebriefView } from '../ui/debrief-view';
import { downloadText } from '../ui/dom';
import { loadGlossary, provideGlossary } from '../ui/glossary';
import { createLibraryView } from '../ui/library-view';
import { createPlayView } from '../ui/play-view';
import { createSettingsView } from '../ui/settings-view';
import { createSessionsView } from '../ui/sessions-view';
import { createCohortView } from '../ui/cohort-view';
import type { View, ViewContext } from '../ui/view';
import { connectAudio } from './audio-bridge';
import { loadScenarioCompiler } from './scenario-compiler';
import { createMapMounter } from './situation-map';
import { translatingLoader } from '../store/scenario-language';

export interface StartOptions {
  root: HTMLElement;
  library: LibraryEntry[];
  loadBundle: (id: string) => Promise<ScenarioBundle>;
  /** Scenario id → the languages it has a translation in (virtual:mandate-library). */
  translations?: Record<string, string[]>;
  loadTranslation?: (id: string, lang: string) => Promise<Record<string, string>>;
  /** Scenario id → language → library-card text, so cards read in the player's language. */
  libraryText?: Record<string, Record<string, Record<string, string>>>;
}

declare global {
  interface Window {
    /** Test hook (harmless in production): the store, for Playwright. */
    __mandate?: { store: MandateStore };
  }
}

const VIEWS: Record<Screen, (ctx: ViewContext) => View> = {
  library: createLibraryView,
  briefing: createBriefingView,
  play: createPlayView,
  debrief: createDebriefView,
  settings: createSettingsView,
  about: createAboutView,
  sessions: createSessionsView,
  cohort: createCohortView,
};

const TITLE_KEY: Record<Screen, string> = {
  library: 'app.name',
  briefing: 'briefing.heading',
  play: 'app.name',
  debrief: 'debrief.heading',
  settings: 'settings.heading',
  about: 'about.heading',
  sessions: 'sessions.heading',
  cohort: 'cohort.heading',
};

export async function startApp(opts: StartOptions): Promise<MandateStore | null> {
  const params = new URLSearchParams(location.search);
  // Facilitated play: the presenter window and the printable handouts and prep pack are windows of
  // their own, each a lazily loaded chunk (never on the first screen).
  if (params.get('view') === 'presenter') return import('../facilitated/presenter-app').then((m) => m.startPresenter(opts));
  const printKind = params.get('print');
  const printScenario = params.get('scenario');
  if ((printKind === 'handouts' || printKind === 'prep') && printScenario) {
    await import('../facilitated/print-app').then((m) => m.startPrint(opts, printKind, printScenario));
    return null;
  }
  provideScenarioTexts(opts.libraryText ?? {});
  const settingsStorage = localSettingsStorage();
  const adapter = await openBestAdapter();
  const persistence = createPersistence(adapter, { locks: browserLocks() });
  // The glossary is its own lazily loaded chunk: it arrives with the first scenario, so scenario text
  // is never shown before its terms can be explained, and it never weighs on the first screen.
  provideGlossary(() => import('virtual:mandate-glossary').then((m) => m.glossary));
  // `?seed=N` fixes the seed of new sessions, so a facilitator can run the same exercise for several
  // rooms and a browser test can follow a golden playthrough. Anything else is ignored.
  const seedParam = params.get('seed');
  const fixedSeed = seedParam !== null && /^\d{1,10}$/.test(seedParam) ? Number(seedParam) >>> 0 : null;
  const store = createMandateStore({
    ...(fixedSeed !== null ? { randomSeed: () => fixedSeed } : {}),
    library: opts.library,
    // The scenario in the player's language when it has a translation; otherwise as written, and the player is told.
    loadBundle: translatingLoader({
      load: (id) => Promise.all([opts.loadBundle(id), loadGlossary()]).then(([bundle]) => bundle),
      available: opts.translations ?? {},
      loadTranslation: opts.loadTranslation ?? (() => Promise.reject(new Error('no translations'))),
      language: () => store.getState().settings.language,
      notify: (level, key, params) => store.getState().actions.notify(level, key, params),
    }),
    persistence,
    settingsStorage,
    countdownStash: localCountdownStash(),
    defaultSettings: { ...DEFAULT_SETTINGS, language: preferredLanguage(navigator.languages) },
    scenarioShelf: createScenarioShelf(adapter),
    loadCompiler: loadScenarioCompiler,
  });
  window.__mandate = { store };

  const motionQuery = window.matchMedia?.('(prefers-reduced-motion: reduce)');
  const reducedMotion = () => store.getState().settings.reducedMotion || Boolean(motionQuery?.matches);

  // `?lang=xx` picks the UI language (one of the six, or a pseudo-locale: en-XA, ar-XB) and keeps it.
  const langParam = params.get('lang');
  if (isUiLanguage(langParam) && langParam !== store.getState().settings.language) store.getState().actions.updateSettings({ language: langParam });
  initI18n();
  // The language's strings and fonts are a chunk of their own (English is bundled).
  await useLanguage(store.getState().settings.language);
  const chrome = createChrome(store);
  const ctx: ViewContext = {
    store,
    mountMap: createMapMounter(store, { disabled: params.get('nomap') === '1', reducedMotion }),
    download: (file) => downloadText(file.filename, file.text),
    announce: (text) => chrome.announce(text),
  };

  const viewHost = opts.root;
  document.body.prepend(chrome.skipLink);
  document.body.append(chrome.notices, chrome.captions);
  // The notices sit above the view, right after the skip link.
  chrome.skipLink.after(chrome.notices);

  let view: View | null = null;
  /** The facilitator console's own views for the screens it replaces (null outside facilitated play). */
  let screenViews: ((screen: Screen) => ((ctx: ViewContext) => View) | null) | null = null;

  function applyDocument(state: MandateStoreState): void {
    const html = document.documentElement;
    html.lang = htmlLang();
    html.dir = textDirection();
    html.style.fontSize = `${state.settings.textSize}%`;
    html.dataset.reducedMotion = String(reducedMotion());
    html.dataset.contrast = state.settings.highContrast ? 'high' : 'normal';
    document.body.dataset.screen = state.screen;
    document.title = state.screen === 'play' && state.bundle ? `${state.bundle.scenario.title} — ${t('app.name')}` : state.screen === 'library' ? t('app.name') : `${t(TITLE_KEY[state.screen])} — ${t('app.name')}`;
  }

  function mount(state: MandateStoreState, focus: boolean): void {
    view?.destroy();
    view = (screenViews?.(state.screen) ?? VIEWS[state.screen])(ctx);
    viewHost.replaceChildren(view.el);
    view.update(state);
    applyDocument(state);
    if (focus) view.focus();
  }

  store.subscribe((state, prev) => {
    // A screen that needs a session, without one: back to the library.
    if ((state.screen === 'play' || state.screen === 'briefing' || state.screen === 'debrief') && !state.session) {
      state.actions.go('library');
      return;
    }
    if (state.settings.language !== prev.settings.language) {
      const language = state.settings.language;
      // The strings arrive first (a small chunk), then the whole screen is rebuilt in the language.
      void useLanguage(language).then(() => {
        const now = store.getState();
        if (now.settings.language !== language) return;
        chrome.relabel(now);
        mount(now, false);
        view?.focus();
        chrome.update(now);
      });
      return;
    }
    if (state.screen !== prev.screen) mount(state, true);
    // Another session on the same screen (authoring: live reload, jump to a node, preview override).
    else if (state.session !== prev.session && state.session && prev.session) mount(state, false);
    else {
      view?.update(state);
      if (state.settings !== prev.settings) applyDocument(state);
    }
    chrome.update(state);
  });
  motionQuery?.addEventListener?.('change', () => applyDocument(store.getState()));

  mount(store.getState(), false);
  chrome.update(store.getState());
  connectAudio(store, import.meta.env.BASE_URL);

  window.addEventListener('pagehide', () => {
    void store.getState().actions.flush();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void store.getState().actions.flush();
  });

  // Live preview: the dev server sends each saved scenario file, recompiled (vite-plugin-scenarios).
  // import.meta.hot is undefined in production builds, so this block is dropped from them.
  if (import.meta.hot) {
    import.meta.hot.on('mandate:scenario-updated', (update: ScenarioUpdate) => {
      void store.getState().actions.applyScenarioUpdate(update);
    });
  }
  // The authoring panel: always in dev, on request in a build (it is a lazily loaded chunk).
  if (import.meta.env.DEV || params.get('author') === '1') {
    void import('./authoring-preview').then((m) => m.startAuthoringPreview(store));
  }

  await store.getState().actions.init();
  // `?console=…`: this window is a facilitator console (a lazily loaded chunk).
  if (params.get('console')) {
    await import('../facilitated/console-app').then((m) =>
      m.startConsole({
        store,
        params,
        install: (views) => {
          screenViews = views;
        },
        remount: () => mount(store.getState(), true),
      }),
    );
  }
  document.documentElement.dataset.ready = '1';
  // Offline play and updates between sessions (the PWA); the LMS bridge when launched from an LMS.
  // Both load their code lazily, so the first screen does not wait for them.
  void import('./lms-hook').then((m) => m.connectDelivery(store, params));
  // Scenario files opened from disk do not go through loadBundle: fetch the glossary once the first screen is ready.
  void loadGlossary();
  return store;
}
