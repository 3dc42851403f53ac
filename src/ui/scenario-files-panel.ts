/**
 * "Scenario files" on the library screen: an instructor opens a scenario file (button + file
 * dialog, or drag and drop anywhere on the screen); the store checks it with the lazily loaded
 * compiler and this panel shows the result — added, refused, or the diagnostics as the CLI prints them.
 */
import { t } from '../i18n';
import type { MandateStoreState, ScenarioFileCheck } from '../store';
import { diagnosticsList, diagnosticsSummary } from './diagnostics-list';
import { h, replaceChildren, uid } from './dom';
import type { ViewContext } from './view';

export interface ScenarioFilesPanel {
  el: HTMLElement;
  /** The drop target's overlay (appended to the screen by the library view). */
  overlay: HTMLElement;
  update(state: MandateStoreState): void;
  /** Wires drag and drop on the given element (the whole library screen). */
  acceptDrops(target: HTMLElement): void;
}

const isScenarioFile = (name: string) => /\.ya?ml$/i.test(name);

export function createScenarioFilesPanel(ctx: ViewContext): ScenarioFilesPanel {
  const { actions } = ctx.store.getState();
  const hintId = uid('files-hint');
  const result = h('div', { class: 'file-check', attrs: { 'data-testid': 'file-check' } });

  async function openFile(file: File): Promise<void> {
    const text = await file.text().catch(() => '');
    if (/\.json$/i.test(file.name)) {
      await actions.importSession(text);
      return;
    }
    await actions.openScenarioFile(file.name, text);
    const check = ctx.store.getState().fileCheck;
    if (check) ctx.announce(summaryText(check));
  }

  const input = h('input', {
    // Hidden: the button opens its dialog (a real, keyboard-reachable button with a clear name).
    attrs: { type: 'file', accept: '.yaml,.yml,application/yaml,text/yaml', hidden: true, 'data-testid': 'scenario-file' },
    on: {
      change: () => {
        const file = input.files?.[0];
        input.value = '';
        if (file) void openFile(file);
      },
    },
  });
  const openButton = h('button', {
    class: 'btn btn-primary',
    attrs: { type: 'button', 'aria-describedby': hintId, 'data-testid': 'open-scenario-file' },
    text: t('files.open'),
    on: { click: () => input.click() },
  });

  const el = h(
    'section',
    { class: 'panel scenario-files', attrs: { 'aria-labelledby': 'files-title', 'data-testid': 'scenario-files' } },
    h('h2', { id: 'files-title', text: t('files.heading') }),
    h('p', { id: hintId, class: 'muted', text: t('files.hint') }),
    h('div', { class: 'actions' }, openButton, input),
    result,
  );

  const overlay = h('div', { class: 'drop-overlay', attrs: { 'aria-hidden': 'true', 'data-testid': 'drop-overlay' }, text: t('files.dropHere') });
  overlay.hidden = true;

  function summaryText(check: ScenarioFileCheck): string {
    switch (check.status) {
      case 'checking':
        return t('files.checking', { file: check.fileName });
      case 'added':
        return t('files.added', { title: check.title ?? check.scenarioId ?? '' });
      case 'errors':
        return t('files.hasErrors', { file: check.fileName, summary: diagnosticsSummary(check.diagnostics) });
      case 'refused':
        return t(check.reason ?? 'files.compilerFailed', { id: check.scenarioId ?? '', file: check.fileName });
    }
  }

  let last: ScenarioFileCheck | null | undefined;
  function update(state: MandateStoreState): void {
    if (state.fileCheck === last) return;
    last = state.fileCheck;
    const check = state.fileCheck;
    if (!check) {
      replaceChildren(result);
      return;
    }
    const level = check.status === 'added' ? 'info' : check.status === 'checking' ? 'info' : 'error';
    replaceChildren(
      result,
      h(
        'div',
        { class: `notice notice-${level} file-check-result`, attrs: { 'data-status': check.status, 'data-testid': 'file-check-result' } },
        h('p', { class: 'file-check-summary', attrs: { role: 'status' }, text: summaryText(check) }),
        check.status === 'added' ? h('p', { class: 'muted', text: t('files.keptHere') }) : null,
        check.status === 'errors' ? h('p', { class: 'muted', text: t('files.fixAndRetry') }) : null,
        check.diagnostics.length ? diagnosticsList(check.diagnostics) : null,
        check.status === 'checking'
          ? null
          : h('div', { class: 'actions' }, h('button', { class: 'btn btn-quiet btn-small', attrs: { type: 'button', 'data-testid': 'file-check-dismiss' }, text: t('files.dismiss'), on: { click: () => actions.dismissFileCheck() } })),
      ),
    );
  }

  function acceptDrops(target: HTMLElement): void {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer && [...e.dataTransfer.types].includes('Files'));
    target.addEventListener('dragenter', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth += 1;
      overlay.hidden = false;
    });
    target.addEventListener('dragover', (e) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    target.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    });
    target.addEventListener('drop', (e) => {
      depth = 0;
      overlay.hidden = true;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!files.length) return;
      e.preventDefault();
      const file = files.find((f) => isScenarioFile(f.name)) ?? files[0];
      if (file) void openFile(file);
      el.scrollIntoView({ block: 'nearest' });
    });
  }

  return { el, overlay, update, acceptDrops };
}
