/**
 * Compare two runs side by side in the debrief: this run against another saved session of the same
 * scenario (by default the session this one was forked from): endings, the first decision where they
 * part, tensions, mission state and benchmarks. The comparison is the engine's compareRuns.
 */
import { t } from '../i18n';
import { compareRuns, debriefModel, type DebriefModel, type RunComparison, type ScenarioBundle } from '../engine';
import type { MandateStore, SessionRow } from '../store';
import { h, replaceChildren } from './dom';
import { positionWords } from './format';
import { termText } from './glossary';

export function createRunComparison(store: MandateStore, bundle: ScenarioBundle, current: DebriefModel, sessionId: string, formatDate: (ms: number) => string): { el: HTMLElement } {
  const { actions } = store.getState();
  const picker = h('select', { id: 'compare-picker', attrs: { 'data-testid': 'compare-picker' } });
  const go = h('button', { class: 'btn', attrs: { type: 'button', 'data-testid': 'compare-go' }, text: t('review.compareGo') });
  const result = h('div', { class: 'compare-result', attrs: { 'data-testid': 'compare-result', tabindex: '-1' } });
  const controls = h('div', { class: 'field compare-controls no-print' }, h('label', { attrs: { for: 'compare-picker' }, text: t('review.comparePick') }), picker, go);
  const empty = h('p', { class: 'muted', text: t('review.compareNone') });
  empty.hidden = true;

  let rows: SessionRow[] = [];
  void actions.listSessions().then((all) => {
    rows = all.filter((r) => r.scenarioId === bundle.scenario.id && r.id !== sessionId);
    const me = all.find((r) => r.id === sessionId);
    const rowLabel = (r: SessionRow) =>
      [
        r.label ?? formatDate(r.startedAt ?? r.savedAt),
        r.sessionId === me?.parent?.id ? t('review.compareParent') : null,
        me && r.parent?.id === me.sessionId ? t('review.compareChild') : null,
        r.done ? t('library.finished') : t('library.inProgress'),
      ]
        .filter(Boolean)
        .join(' · ');
    replaceChildren(picker, rows.map((r) => h('option', { attrs: { value: r.id }, text: rowLabel(r) })));
    const parent = me?.parent ? rows.find((r) => r.sessionId === me.parent?.id) : undefined;
    if (parent) picker.value = parent.id;
    controls.hidden = rows.length === 0;
    empty.hidden = rows.length > 0;
  });

  go.addEventListener('click', () => {
    const id = picker.value;
    if (!id) return;
    void actions.savedRun(id).then((save) => {
      if (!save) return;
      const other = debriefModel(bundle, save);
      render(compareRuns(current, other));
      result.focus();
    });
  });

  const yes = (b: boolean) => (b ? `✓ ${t('debrief.met')}` : `✗ ${t('debrief.notMet')}`);

  function render(c: RunComparison): void {
    const diff = c.firstDifference;
    const table = (caption: string, testid: string, body: HTMLElement[]) =>
      h(
        'table',
        { class: 'compare-table', attrs: { 'data-testid': testid } },
        h('caption', { text: caption }),
        h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: '' }), h('th', { attrs: { scope: 'col' }, text: t('review.thisRun') }), h('th', { attrs: { scope: 'col' }, text: t('review.otherRun') }))),
        h('tbody', null, body),
      );
    const row = (label: string, a: string, b: string) => h('tr', { class: a === b ? '' : 'is-different' }, h('th', { attrs: { scope: 'row' } }, termText(label)), h('td', null, termText(a)), h('td', null, termText(b)));
    replaceChildren(
      result,
      h('h3', { text: t('review.compareHeading') }),
      h(
        'p',
        { class: 'compare-diff', attrs: { 'data-testid': 'compare-first-difference' } },
        diff
          ? t('review.firstDifference', {
              number: diff.index + 1,
              title: diff.title.a ?? diff.title.b ?? '',
              a: diff.label.a ?? t('review.noDecision'),
              b: diff.label.b ?? t('review.noDecision'),
            })
          : t('review.sameDecisions'),
      ),
      table(t('debrief.ending'), 'compare-endings', [row(t('debrief.ending'), c.ending.a?.title ?? t('debrief.incomplete'), c.ending.b?.title ?? t('debrief.incomplete'))]),
      table(
        t('debrief.polarities'),
        'compare-tensions',
        c.polarities.map((p) => row(p.title, positionWords(p.a, p.band, p.poleA, p.poleB), positionWords(p.b, p.band, p.poleA, p.poleB))),
      ),
      table(t('debrief.meters'), 'compare-meters', c.meters.map((m) => row(m.label, t(`band.${m.a}`), t(`band.${m.b}`)))),
      c.benchmarks.length ? table(t('debrief.benchmarks'), 'compare-benchmarks', c.benchmarks.map((b) => row(b.text, yes(b.a), yes(b.b)))) : null,
    );
  }

  const el = h(
    'section',
    { class: 'panel review-compare', attrs: { 'aria-labelledby': 'debrief-compare-title', 'data-testid': 'debrief-compare' } },
    h('h2', { id: 'debrief-compare-title', text: t('review.compareTitle') }),
    h('p', { class: 'muted', text: t('review.compareHint') }),
    controls,
    empty,
    result,
  );
  return { el };
}
