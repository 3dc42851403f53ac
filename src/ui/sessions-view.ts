/**
 * Sessions on this device: every saved session with its scenario, seat, when it started and was
 * last played, its ending or progress, and the session it was forked from. Continue, review,
 * export or delete (after a confirmation) each one.
 */
import { formatDate, t } from '../i18n';
import type { MandateStoreState, SessionRow } from '../store';
import { confirmDialog } from './dialog';
import { h, replaceChildren, uid } from './dom';
import { openSaved } from './open-saved';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';
import './review.css';

export function createSessionsView(ctx: ViewContext): View {
  const { store } = ctx;
  const { actions } = store.getState();
  const heading = h('h1', { text: t('sessions.heading'), attrs: { tabindex: '-1' } });
  const list = h('div', { class: 'sessions-body', attrs: { 'data-testid': 'sessions-list', 'aria-busy': 'true' } });
  /** Ending titles by scenario, loaded with the scenario's bundle when a finished session needs one. */
  const endingTitles = new Map<string, Map<string, string>>();
  let destroyed = false;
  let lastSaved: MandateStoreState['saved'] | null = null;

  async function refresh(): Promise<void> {
    const rows = await actions.listSessions();
    for (const id of new Set(rows.filter((r) => r.ending).map((r) => r.scenarioId))) {
      if (endingTitles.has(id) || !store.getState().library.some((e) => e.id === id)) continue;
      const bundle = await actions.reviewBundle(id);
      if (bundle) endingTitles.set(id, new Map(bundle.scenario.endings.map((e) => [e.id, e.title])));
    }
    if (!destroyed) render(rows);
  }

  function render(rows: SessionRow[]): void {
    list.setAttribute('aria-busy', 'false');
    const library = store.getState().library;
    const bySessionId = new Map(rows.map((r) => [r.sessionId, r]));
    if (!rows.length) {
      replaceChildren(list, h('p', { class: 'muted', attrs: { 'data-testid': 'sessions-empty' }, text: t('sessions.empty') }));
      return;
    }
    replaceChildren(
      list,
      h(
        'ul',
        { class: 'sessions plain-list' },
        rows.map((r) => {
          const entry = library.find((e) => e.id === r.scenarioId);
          const titleId = uid('session-title');
          const seat = entry?.seats.find((s) => s.id === r.seat)?.title ?? r.seat;
          const ending = r.ending ? (endingTitles.get(r.scenarioId)?.get(r.ending) ?? r.ending) : null;
          const parent = r.parent ? bySessionId.get(r.parent.id) : undefined;
          const details: [string, string][] = [
            [t('sessions.seat'), seat],
            [t('sessions.started'), r.startedAt !== null ? formatDate(r.startedAt) : '—'],
            [t('sessions.lastPlayed'), formatDate(r.savedAt)],
            [t('sessions.state'), r.done ? (ending ? t('sessions.ended', { ending }) : t('library.finished')) : t('sessions.progress', { n: r.decisions })],
          ];
          if (r.parent) details.push([t('sessions.forkedFrom'), parent ? t('sessions.forkedFromValue', { date: formatDate(parent.startedAt ?? parent.savedAt), n: r.parent.seq }) : t('sessions.forkedFromGone')]);
          if (r.label) details.push([t('sessions.label'), r.label]);
          const name = entry?.title ?? r.title;
          return h(
            'li',
            { class: 'card session-item', attrs: { 'aria-labelledby': titleId, 'data-testid': 'session-item', 'data-session': r.id } },
            h('h2', { id: titleId, class: 'card-title', text: name }),
            h('dl', { class: 'session-details' }, details.map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
            h(
              'div',
              { class: 'card-actions' },
              r.done
                ? h('button', { class: 'btn btn-primary', attrs: { type: 'button', 'data-testid': 'session-review', 'aria-label': t('sessions.reviewLabel', { title: name }) }, text: t('sessions.review'), on: { click: () => openSaved(r, actions.resume) } })
                : h('button', { class: 'btn btn-primary', attrs: { type: 'button', 'data-testid': 'session-continue', 'aria-label': t('sessions.continueLabel', { title: name }) }, text: t('sessions.continue'), on: { click: () => openSaved(r, actions.resume) } }),
              h('button', {
                class: 'btn',
                attrs: { type: 'button', 'data-testid': 'session-export', 'aria-label': t('sessions.exportLabel', { title: name }) },
                text: t('sessions.export'),
                on: {
                  click: async () => {
                    const file = await actions.exportSaved(r.id);
                    if (file) ctx.download(file);
                  },
                },
              }),
              h('button', {
                class: 'btn btn-quiet',
                attrs: { type: 'button', 'data-testid': 'session-delete', 'aria-label': t('sessions.deleteLabel', { title: name }) },
                text: t('sessions.delete'),
                on: {
                  click: async () => {
                    const ok = await confirmDialog({ title: t('sessions.delete'), text: t('sessions.deleteConfirm', { title: name }), confirm: t('sessions.delete'), cancel: t('nav.back'), danger: true, testId: 'delete-dialog' });
                    if (ok) {
                      await actions.discardSaved(r.id);
                      ctx.announce(t('sessions.deleted'));
                      heading.focus();
                    }
                  },
                },
              }),
            ),
          );
        }),
      ),
    );
  }

  const el = h(
    'div',
    { class: 'screen screen-sessions' },
    siteHeader(store, { current: 'sessions' }),
    h(
      'main',
      { id: 'main', class: 'page sessions-page', attrs: { tabindex: '-1' } },
      h('div', { class: 'page-intro' }, heading, h('p', { class: 'muted', text: t('sessions.intro') })),
      list,
    ),
  );
  void refresh();

  return {
    el,
    update(state) {
      // Another session saved or discarded (e.g. from the library in another view): list again.
      if (lastSaved !== null && state.saved !== lastSaved) void refresh();
      lastSaved = state.saved;
    },
    focus: () => heading.focus(),
    destroy: () => {
      destroyed = true;
    },
  };
}
