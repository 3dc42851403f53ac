/** About: what Mandate is and is not, the study it draws on, the fictional setting, credits. */
import { t } from '../i18n';
import { h } from './dom';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';

export function createAboutView(ctx: ViewContext): View {
  const { store } = ctx;
  const heading = h('h1', { text: t('about.heading'), attrs: { tabindex: '-1' } });
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
    ),
  );
  return { el, update: () => undefined, focus: () => heading.focus(), destroy: () => undefined };
}
