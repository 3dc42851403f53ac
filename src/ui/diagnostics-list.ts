/**
 * Compiler diagnostics as the CLI prints them — "file:line:col severity code message", the source
 * line and a caret — in preformatted blocks. Everything goes in through textContent: a scenario's
 * source line is shown exactly as written, never interpreted as markup.
 */
import { t } from '../i18n';
import type { AuthorDiagnostic } from '../store';
import { h } from './dom';

export function diagnosticsList(diagnostics: readonly AuthorDiagnostic[], testId = 'diagnostics'): HTMLElement {
  return h(
    'div',
    {
      class: 'diagnostics',
      // Long source lines scroll sideways; the region is focusable so keyboard users can scroll it.
      attrs: { role: 'region', tabindex: '0', 'aria-label': t('files.diagnosticsLabel'), 'data-testid': testId },
    },
    h(
      'ol',
      { class: 'plain-list' },
      diagnostics.map((d) =>
        h('li', { class: `diagnostic diagnostic-${d.severity}`, attrs: { 'data-code': d.code } }, h('pre', { text: d.text })),
      ),
    ),
  );
}

/** "2 errors, 1 warning". */
export function diagnosticsSummary(diagnostics: readonly AuthorDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${t('files.errors', { count: errors })}, ${t('files.warnings', { count: warnings })}`;
}
