/** The header shown outside play: the game's name, and links to Settings, About and the language. */
import { currentLanguage, LANGUAGES, t } from '../i18n';
import type { MandateStore } from '../store';
import { h } from './dom';
import { requestGlossarySection, takeGlossarySectionRequest } from './glossary';

export function siteHeader(store: MandateStore, opts: { current: 'library' | 'settings' | 'about' | 'sessions' | 'cohort' | 'other' }): HTMLElement {
  const { actions } = store.getState();
  const lang = currentLanguage();
  return h(
    'header',
    { class: 'site-header' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'brand-name', text: t('app.name') }),
    ),
    h(
      'nav',
      { class: 'site-nav', attrs: { 'aria-label': t('nav.main') } },
      opts.current !== 'library'
        ? h('button', { class: 'btn btn-quiet', attrs: { type: 'button', 'data-testid': 'nav-library' }, text: t('nav.library'), on: { click: () => actions.go('library') } })
        : null,
      h('button', {
        class: 'btn btn-quiet',
        attrs: { type: 'button', 'data-testid': 'nav-sessions', 'aria-current': opts.current === 'sessions' ? 'page' : null },
        text: t('nav.sessions'),
        on: { click: () => actions.go('sessions') },
      }),
      h('button', {
        class: 'btn btn-quiet',
        attrs: { type: 'button', 'data-testid': 'nav-cohort', 'aria-current': opts.current === 'cohort' ? 'page' : null },
        text: t('nav.cohort'),
        on: { click: () => actions.go('cohort') },
      }),
      h('button', {
        class: 'btn btn-quiet',
        attrs: { type: 'button', 'data-testid': 'nav-settings', 'aria-current': opts.current === 'settings' ? 'page' : null },
        text: t('nav.settings'),
        on: { click: () => actions.go('settings') },
      }),
      h('button', {
        class: 'btn btn-quiet',
        attrs: { type: 'button', 'data-testid': 'nav-about', 'aria-current': opts.current === 'about' ? 'page' : null },
        text: t('nav.about'),
        on: { click: () => actions.go('about') },
      }),
      h('button', {
        class: 'btn btn-quiet',
        attrs: { type: 'button', 'data-testid': 'nav-glossary' },
        text: t('nav.glossary'),
        on: {
          click: () => {
            requestGlossarySection();
            if (opts.current === 'about') {
              // Already on About: the glossary is further down this page.
              const target = document.getElementById('glossary-title');
              target?.focus();
              target?.scrollIntoView({ block: 'start' });
              takeGlossarySectionRequest();
            } else actions.go('about');
          },
        },
      }),
      h(
        'div',
        { class: 'lang-switch', attrs: { role: 'group', 'aria-label': t('nav.language') } },
        LANGUAGES.map((l) =>
          h('button', {
            class: 'btn btn-quiet btn-lang',
            attrs: { type: 'button', lang: l, 'aria-pressed': String(l === lang), 'data-testid': `lang-${l}` },
            text: t(`lang.${l}`),
            on: { click: () => actions.updateSettings({ language: l }) },
          }),
        ),
      ),
    ),
  );
}
