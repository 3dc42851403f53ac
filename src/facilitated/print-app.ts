/**
 * The printable documents of facilitated play (`?print=handouts|prep&scenario=<id>`): role handouts
 * and the prep pack, opened from the console in their own window and printed from there (the print
 * dialog opens once they are drawn; `&noprint=1` leaves it closed, for a look or a PDF).
 */
import '../ui/facilitated.css';
import { htmlLang, initI18n, t, textDirection, useLanguage } from '../i18n';
import { localSettingsStorage, normaliseSettings, DEFAULT_SETTINGS } from '../store';
import { loadGlossary, provideGlossary } from '../ui/glossary';
import { h } from '../ui/dom';
import { createHandouts, createPrepPack, type PrintKind } from '../ui/facilitator-print';
import type { StartOptions } from '../app/start-app';

export async function startPrint(opts: StartOptions, kind: PrintKind, scenarioId: string): Promise<void> {
  const params = new URLSearchParams(location.search);
  const settings = normaliseSettings(localSettingsStorage().load() ?? DEFAULT_SETTINGS);
  initI18n();
  await useLanguage(settings.language);
  const html = document.documentElement;
  html.lang = htmlLang();
  html.dir = textDirection();
  html.dataset.view = 'print';
  document.body.dataset.screen = 'print';
  provideGlossary(() => import('virtual:mandate-glossary').then((m) => m.glossary));
  if (!opts.library.some((e) => e.id === scenarioId)) {
    opts.root.replaceChildren(h('main', { id: 'main', class: 'print-doc' }, h('p', { attrs: { role: 'alert' }, text: t('notice.unknownScenario', { id: scenarioId.slice(0, 80) }) })));
    html.dataset.ready = '1';
    return;
  }
  const [bundle] = await Promise.all([opts.loadBundle(scenarioId), loadGlossary().catch(() => [])]);
  const doc = kind === 'handouts' ? createHandouts(bundle) : createPrepPack(bundle);
  document.title = `${kind === 'handouts' ? t('facilitated.printHandouts') : t('facilitated.printPrep')} — ${bundle.scenario.title}`;
  const toolbar = h(
    'div',
    { class: 'print-toolbar no-print' },
    h('button', { class: 'btn btn-primary', attrs: { type: 'button', 'data-testid': 'print-now' }, text: t('debrief.print'), on: { click: () => window.print() } }),
  );
  opts.root.replaceChildren(toolbar, doc);
  html.dataset.ready = '1';
  if (params.get('noprint') !== '1') setTimeout(() => window.print(), 300);
}
