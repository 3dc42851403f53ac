/**
 * What stays on screen across views: the skip link, messages (notices), sound captions and a
 * polite live region for announcements.
 */
import { t } from '../i18n';
import type { Caption, MandateStore, MandateStoreState, Notice } from '../store';
import { h, replaceChildren } from './dom';

/** How long a caption stays on screen. */
export const CAPTION_MS = 6_000;

export interface Chrome {
  skipLink: HTMLElement;
  notices: HTMLElement;
  captions: HTMLElement;
  announce(text: string): void;
  update(state: MandateStoreState): void;
  /** Re-renders every text (after a language change). */
  relabel(state: MandateStoreState): void;
}

export function createChrome(store: MandateStore): Chrome {
  const skipLink = h('a', { class: 'skip-link', attrs: { href: '#main' }, text: t('app.skip') });
  skipLink.addEventListener('click', (e) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  });
  const noticeList = h('div', { class: 'notice-list' });
  const announcer = h('div', { class: 'sr-only', attrs: { 'aria-live': 'polite', 'aria-atomic': 'false', 'data-testid': 'announcer' } });
  const alerts = h('div', { class: 'sr-only', attrs: { role: 'alert', 'data-testid': 'alerts' } });
  const notices = h('section', { class: 'notices', attrs: { 'aria-label': t('notice.region'), 'data-testid': 'notices' } }, noticeList, announcer, alerts);
  const captionList = h('ul', { class: 'caption-list plain-list', attrs: { 'aria-live': 'polite', 'data-testid': 'captions' } });
  const captions = h('aside', { class: 'captions', attrs: { 'aria-label': t('caption.label') } }, captionList);

  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let lastNotices: Notice[] | null = null;
  let lastCaptions: Caption[] | null = null;
  let announced = 0;

  function noticeEl(n: Notice): HTMLElement {
    return h(
      'div',
      { class: `notice notice-${n.level}`, attrs: { 'data-testid': `notice-${n.level}`, 'data-key': n.key } },
      h('p', { class: 'notice-text', text: t(n.key, { ...(n.params ?? {}), count: typeof n.params?.count === 'number' ? n.params.count : undefined }) }),
      n.details?.length ? h('ul', { class: 'details' }, n.details.map((d) => h('li', { text: d }))) : null,
      h('button', {
        class: 'btn btn-quiet btn-small',
        attrs: { type: 'button', 'data-testid': 'dismiss-notice' },
        text: t('notice.dismiss'),
        on: { click: () => store.getState().actions.dismissNotice(n.id) },
      }),
    );
  }

  function renderNotices(state: MandateStoreState, force = false): void {
    if (state.notices === lastNotices && !force) return;
    const prevIds = new Set((lastNotices ?? []).map((n) => n.id));
    lastNotices = state.notices;
    replaceChildren(noticeList, state.notices.map(noticeEl));
    notices.hidden = false;
    // Errors are announced assertively, the rest politely.
    for (const n of state.notices) {
      if (prevIds.has(n.id) || force) continue;
      const text = t(n.key, { ...(n.params ?? {}), count: typeof n.params?.count === 'number' ? n.params.count : undefined });
      if (n.level === 'error') alerts.textContent = text;
      else announce(text);
    }
  }

  function renderCaptions(state: MandateStoreState, force = false): void {
    if (state.captions === lastCaptions && !force) return;
    lastCaptions = state.captions;
    replaceChildren(
      captionList,
      state.captions.map((c) => h('li', { class: 'caption', attrs: { 'data-cue': c.cue }, text: t(`caption.${c.cue}`) })),
    );
    captions.hidden = state.captions.length === 0;
    for (const c of state.captions) {
      if (timers.has(c.id)) continue;
      timers.set(
        c.id,
        setTimeout(() => {
          timers.delete(c.id);
          store.getState().actions.removeCaption(c.id);
        }, CAPTION_MS),
      );
    }
  }

  function announce(text: string): void {
    // Appending a fresh node makes screen readers read each message once.
    announced += 1;
    if (announcer.childElementCount > 4) announcer.firstElementChild?.remove();
    announcer.appendChild(h('p', { attrs: { 'data-n': announced }, text }));
  }

  captions.hidden = true;
  return {
    skipLink,
    notices,
    captions,
    announce,
    update(state) {
      renderNotices(state);
      renderCaptions(state);
    },
    relabel(state) {
      skipLink.textContent = t('app.skip');
      notices.setAttribute('aria-label', t('notice.region'));
      captions.setAttribute('aria-label', t('caption.label'));
      renderNotices(state, true);
      renderCaptions(state, true);
    },
  };
}
