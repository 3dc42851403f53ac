/** The first screen: the scenario library, saved sessions, import. Interactive before Phaser loads. */
import { formatDate, scenarioText, t } from '../i18n';
import type { LibraryEntry } from '../engine';
import type { CorruptSave, ImportedScenario, MandateStoreState, SavedSummary } from '../store';
import { confirmDialog } from './dialog';
import { h, replaceChildren, uid } from './dom';
import { createScenarioFilesPanel } from './scenario-files-panel';
import { openSaved } from './open-saved';
import { createLibraryFilter, matchesFilter, type LibraryFilter } from './library-filter';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';
import { launchFacilitated } from './facilitator-launch';

export function createLibraryView(ctx: ViewContext): View {
  const { store } = ctx;
  const { actions } = store.getState();
  const heading = h('h1', { class: 'hero-title', text: t('app.name'), attrs: { tabindex: '-1' } });
  const savedSection = h('section', { class: 'saved', attrs: { 'aria-labelledby': 'saved-title', 'data-testid': 'saved-sessions' } });
  const corruptSection = h('div', { class: 'corrupt' });
  const cards = h('div', { class: 'cards' });
  const startButtons = new Map<string, HTMLButtonElement>();
  const cardEls = new Map<LibraryEntry, HTMLElement>();
  function applyFilter(f: LibraryFilter): void {
    for (const [entry, el] of cardEls) el.hidden = !matchesFilter(entry, f);
  }
  const filter = createLibraryFilter(applyFilter);

  async function start(entry: LibraryEntry, seat: string | undefined): Promise<void> {
    if (entry.contentNote) {
      const ok = await confirmDialog({
        title: t('contentNote.title'),
        text: scenarioText(`${entry.id}:contentNote`, entry.contentNote),
        confirm: t('contentNote.continue'),
        cancel: t('contentNote.cancel'),
        testId: 'content-note',
      });
      if (!ok) return;
    }
    await actions.startScenario(entry.id, seat);
  }

  async function remove(entry: LibraryEntry): Promise<void> {
    const ok = await confirmDialog({
      title: t('files.removeTitle', { title: entry.title }),
      text: t('files.removeConfirm'),
      confirm: t('files.remove'),
      cancel: t('nav.back'),
      danger: true,
      testId: 'remove-dialog',
    });
    if (ok) await actions.removeImported(entry.id);
  }

  function card(entry: LibraryEntry, imported: ImportedScenario | undefined): HTMLElement {
    const titleId = uid('scenario-title');
    const seatId = uid('seat');
    let seatSelect: HTMLSelectElement | null = null;
    if (entry.seats.length > 1) {
      seatSelect = h(
        'select',
        { id: seatId, attrs: { 'data-testid': `seat-${entry.id}` } },
        entry.seats.map((s) => h('option', { attrs: { value: s.id }, text: s.title })),
      );
    }
    const startButton = h('button', {
      class: 'btn btn-primary',
      attrs: { type: 'button', 'data-testid': `start-${entry.id}`, 'aria-label': t('library.startLabel', { title: entry.title }) },
      text: t('library.start'),
      on: { click: () => void start(entry, seatSelect?.value) },
    });
    startButtons.set(entry.id, startButton);
    const facilitateButton = h('button', {
      class: 'btn',
      attrs: { type: 'button', 'data-testid': `facilitate-${entry.id}`, 'aria-label': t('facilitated.startLabel', { title: entry.title }) },
      text: t('facilitated.start'),
      on: { click: () => launchFacilitated(entry.id, seatSelect?.value) },
    });
    return h(
      'article',
      {
        class: imported ? 'card scenario-card is-imported' : 'card scenario-card',
        attrs: { 'aria-labelledby': titleId, 'data-testid': `scenario-${entry.id}`, 'data-origin': imported ? 'imported' : 'shipped' },
      },
      imported ? h('p', { class: 'badge badge-imported', attrs: { 'data-testid': `imported-${entry.id}` }, text: t('files.importedBadge') }) : null,
      h('h3', { id: titleId, class: 'card-title', text: scenarioText(`${entry.id}:title`, entry.title) }),
      entry.subtitle ? h('p', { class: 'card-subtitle', text: scenarioText(`${entry.id}:subtitle`, entry.subtitle) }) : null,
      h('p', { class: 'card-setting', text: scenarioText(`${entry.id}:setting`, entry.setting) }),
      h('p', { class: 'card-summary', text: scenarioText(`${entry.id}:summary`, entry.summary) }),
      h(
        'ul',
        { class: 'chips', attrs: { 'aria-label': t('library.details') } },
        h('li', { class: 'chip', text: t('library.duration', { count: entry.durationMinutes }) }),
        h('li', { class: 'chip', text: t('library.decisions', { count: entry.decisions }) }),
      ),
      entry.polarities.length
        ? h(
            'div',
            { class: 'card-block' },
            h('h4', { text: t('library.polarities') }),
            h('ul', { class: 'plain-list' }, entry.polarities.map((p) => h('li', { text: p.title }))),
          )
        : null,
      h(
        'div',
        { class: 'card-actions' },
        seatSelect ? h('div', { class: 'field' }, h('label', { attrs: { for: seatId }, text: t('library.seat') }), seatSelect) : h('p', { class: 'muted', text: t('library.seatValue', { seat: entry.seats[0]?.title ?? '' }) }),
        startButton,
        facilitateButton,
        imported
          ? h('button', {
              class: 'btn btn-quiet',
              attrs: { type: 'button', 'data-testid': `remove-${entry.id}`, 'aria-label': t('files.removeLabel', { title: entry.title }) },
              text: t('files.remove'),
              on: { click: () => void remove(entry) },
            })
          : null,
      ),
    );
  }

  function savedItem(s: SavedSummary): HTMLElement {
    const titleId = uid('saved-title');
    const open = h('button', {
      class: 'btn btn-primary',
      attrs: { type: 'button', 'data-testid': `resume-${s.id}`, 'aria-label': s.done ? undefined : t('library.resumeLabel', { title: s.title }) },
      text: s.done ? t('library.openDebrief') : t('library.resume'),
      on: { click: () => openSaved(s, actions.resume) },
    });
    const discard = h('button', {
      class: 'btn btn-quiet',
      attrs: { type: 'button', 'data-testid': `discard-${s.id}` },
      text: t('library.discard'),
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t('library.discard'), text: t('library.discardConfirm'), confirm: t('library.discard'), cancel: t('nav.back'), danger: true });
          if (ok) await actions.discardSaved(s.id);
        },
      },
    });
    return h(
      'li',
      { class: 'card saved-item', attrs: { 'aria-labelledby': titleId } },
      h('h3', { id: titleId, class: 'card-title', text: s.title }),
      h(
        'p',
        { class: 'muted' },
        `${s.done ? t('library.finished') : t('library.inProgress')} · ${t('library.decisionsTaken', { count: s.decisions })} · ${t('library.savedAt', { date: formatDate(s.savedAt) })}`,
      ),
      h('div', { class: 'card-actions' }, open, discard),
    );
  }

  function corruptItem(c: CorruptSave): HTMLElement {
    return h(
      'div',
      { class: 'notice notice-warning', attrs: { 'data-testid': 'corrupt-save' } },
      h('h3', { text: t('library.unreadableTitle') }),
      h('p', { text: t('library.unreadableText') }),
      h('ul', { class: 'details' }, c.problems.slice(0, 5).map((p) => h('li', { text: p }))),
      h(
        'div',
        { class: 'card-actions' },
        h('button', {
          class: 'btn',
          attrs: { type: 'button' },
          text: t('library.exportRaw'),
          on: {
            click: () => {
              const file = actions.exportCorrupt(c.id);
              if (file) ctx.download(file);
            },
          },
        }),
        h('button', {
          class: 'btn btn-quiet',
          attrs: { type: 'button' },
          text: t('library.discard'),
          on: {
            click: async () => {
              const ok = await confirmDialog({ title: t('library.discard'), text: t('library.discardConfirm'), confirm: t('library.discard'), cancel: t('nav.back'), danger: true });
              if (ok) await actions.discardSaved(c.id);
            },
          },
        }),
      ),
    );
  }

  const fileId = uid('import');
  const fileHintId = uid('import-hint');
  const fileInput = h('input', {
    id: fileId,
    class: 'file-input',
    attrs: { type: 'file', accept: '.json,application/json', 'aria-describedby': fileHintId, 'data-testid': 'import-file' },
    on: {
      change: async () => {
        const file = fileInput.files?.[0];
        if (!file) return;
        const text = await file.text().catch(() => '');
        fileInput.value = '';
        await actions.importSession(text);
      },
    },
  });

  const state0 = store.getState();
  const files = createScenarioFilesPanel(ctx);
  const emptyLibrary = h('p', { text: t('library.empty') });
  const el = h(
    'div',
    { class: 'screen screen-library' },
    siteHeader(store, { current: 'library' }),
    h(
      'main',
      { id: 'main', class: 'page', attrs: { tabindex: '-1' } },
      h('div', { class: 'hero' }, heading, h('p', { class: 'tagline', text: t('app.tagline') })),
      corruptSection,
      savedSection,
      h(
        'section',
        { class: 'library', attrs: { 'aria-labelledby': 'library-title' } },
        h('h2', { id: 'library-title', text: t('library.heading') }),
        filter.el,
        emptyLibrary,
        cards,
      ),
      files.el,
      h(
        'section',
        { class: 'panel import', attrs: { 'aria-labelledby': 'import-title' } },
        h('h2', { id: 'import-title', text: t('library.import') }),
        h('p', { id: fileHintId, class: 'muted', text: t('library.importHint') }),
        h('label', { class: 'btn file-label', attrs: { for: fileId }, text: t('library.import') }),
        fileInput,
      ),
    ),
    h('footer', { class: 'site-footer' }, h('p', { text: t('app.trainingAid') })),
    files.overlay,
  );
  files.acceptDrops(el);

  let lastLibrary: LibraryEntry[] | null = null;
  let lastImported: ImportedScenario[] | null = null;

  let lastSaved: SavedSummary[] | null = null;
  let lastCorrupt: CorruptSave[] | null = null;
  let lastLoading: string | null | undefined;

  function update(state: MandateStoreState): void {
    if (state.library !== lastLibrary || state.imported !== lastImported) {
      lastLibrary = state.library;
      lastImported = state.imported;
      startButtons.clear();
      const imported = new Map(state.imported.map((i) => [i.id, i]));
      cardEls.clear();
      replaceChildren(
        cards,
        state.library.map((entry) => {
          const el = card(entry, imported.get(entry.id));
          cardEls.set(entry, el);
          return el;
        }),
      );
      emptyLibrary.hidden = state.library.length > 0;
      filter.el.hidden = state.library.length < 2;
      filter.setEntries(state.library);
      applyFilter(state.library.length < 2 ? { chapter: null, length: null, role: null } : filter.current());
      lastLoading = undefined;
    }
    files.update(state);
    if (state.saved !== lastSaved) {
      lastSaved = state.saved;
      if (state.saved.length) {
        replaceChildren(
          savedSection,
          h('h2', { id: 'saved-title', text: t('library.saved') }),
          h('ul', { class: 'saved-list plain-list' }, state.saved.slice(0, 6).map(savedItem)),
        );
        savedSection.hidden = false;
      } else {
        replaceChildren(savedSection);
        savedSection.hidden = true;
      }
    }
    if (state.corrupt !== lastCorrupt) {
      lastCorrupt = state.corrupt;
      replaceChildren(corruptSection, state.corrupt.map(corruptItem));
    }
    if (state.loading !== lastLoading) {
      lastLoading = state.loading;
      for (const [id, button] of startButtons) {
        const busy = state.loading === id;
        button.disabled = state.loading !== null;
        button.textContent = busy ? t('library.loading') : t('library.start');
        button.setAttribute('aria-busy', String(busy));
      }
    }
  }

  update(state0);
  return {
    el,
    update,
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
