/**
 * About: what Mandate is and is not, the study it draws on, the fictional setting, credits, and the
 * glossary of the scenarios' acronyms (loaded lazily; the header's Glossary button opens it).
 */
import { t } from '../i18n';
import { h, replaceChildren } from './dom';
import { glossaryList, loadGlossary, takeGlossarySectionRequest } from './glossary';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';

export function createAboutView(ctx: ViewContext): View {
  const { store } = ctx;
  const heading = h('h1', { text: t('about.heading'), attrs: { tabindex: '-1' } });
  const glossaryHeading = h('h2', { id: 'glossary-title', text: t('glossary.heading'), attrs: { tabindex: '-1' } });
  const glossaryBody = h('div', { attrs: { 'aria-busy': 'true' } }, h('p', { class: 'muted', text: t('glossary.loading') }));
  let alive = true;
  void loadGlossary().then((entries) => {
    if (!alive) return;
    glossaryBody.removeAttribute('aria-busy');
    replaceChildren(glossaryBody, entries.length ? glossaryList(entries) : h('p', { class: 'muted', text: t('glossary.unavailable') }));
  });
  const openAtGlossary = takeGlossarySectionRequest();
  const el = h(
    'div',
    { class: 'screen screen-about' },
    siteHeader(store, { current: 'about' }),
    h(
      'main',
      { id: 'main', class: 'page page-narrow prose-page', attrs: { tabindex: '-1' } },
      heading,
      h('p', { class: 'lead', text: t('about.what') }),
      h('p', { class: 'notice notice-info', attrs: { 'data-testid': 'not-un' }, text: t('about.notUn') }),
      h('h2', { text: t('about.studyHeading') }),
      h('p', { text: t('about.study') }),
      h('p', { class: 'citation' }, 'Challenges Forum. ', h('cite', { text: t('about.studyTitle') }), `. ${t('about.studyEdition')}`),
      h('h2', { text: t('about.fictionHeading') }),
      h('p', { text: t('about.fiction') }),
      h('h2', { text: t('about.creditsHeading') }),
      h('p', { text: t('about.credits') }),
      h('p', { text: t('about.privacy') }),
      h('div', { class: 'actions' }, h('button', { class: 'btn btn-primary', attrs: { type: 'button' }, text: t('nav.back'), on: { click: () => store.getState().actions.back() } })),
      h(
        'section',
        { id: 'glossary', class: 'glossary', attrs: { 'aria-labelledby': 'glossary-title', 'data-testid': 'glossary' } },
        glossaryHeading,
        h('p', { text: t('glossary.intro') }),
        glossaryBody,
      ),
    ),
  );
  return {
    el,
    update: () => undefined,
    focus: () => {
      if (openAtGlossary) {
        glossaryHeading.focus();
        glossaryHeading.scrollIntoView({ block: 'start' });
      } else heading.focus();
    },
    destroy: () => {
      alive = false;
    },
  };
}
