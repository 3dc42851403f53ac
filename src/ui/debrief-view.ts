/**
 * The ending and the debrief, built from the engine's debriefModel(bundle, save), with the
 * after-action review: a timeline to scrub, causal chains, the road not taken (fork from any past
 * decision), a comparison with another run, and a print layout (print.css).
 */
import { formatDate, scenarioText, t } from '../i18n';
import type { DebriefModel, TimelineEntry } from '../engine';
import { clockView, decisionLabel, selectDebrief, type MandateStoreState } from '../store';
import { h } from './dom';
import { meterCharts, polarityChart } from './charts';
import { termText } from './glossary';
import { eventTime } from './format';
import { siteHeader } from './site-header';
import type { View, ViewContext } from './view';
import { createTimelineScrubber } from './review-scrubber';
import { chainKind, createCausalChains } from './review-chains';
import { createRunComparison } from './review-compare';
import { confirmDialog } from './dialog';
import './review.css';
import './print.css';

export function createDebriefView(ctx: ViewContext): View {
  const { store } = ctx;
  const state = store.getState();
  const { actions } = state;
  const model = selectDebrief(state);
  const bundle = state.bundle;
  if (!model || !bundle) {
    const el = h('main', { id: 'main' });
    return { el, update: () => undefined, focus: () => undefined, destroy: () => undefined };
  }
  const { scenario } = bundle;
  const sid = scenario.id;
  const adviserTitle = (id: string) => scenario.advisers.find((a) => a.id === id)?.title ?? id;
  const consequenceTitle = (ref: string) => {
    const [nodeId, optionId, cId] = ref.split('.');
    const node = scenario.nodes.find((n) => n.id === nodeId);
    const src = optionId === 'timeout' ? node?.timeout : node?.options.find((o) => o.id === optionId);
    return src?.consequences.find((c) => c.id === cId)?.title ?? ref;
  };
  const time = (minutes: number) => eventTime(clockView(bundle, minutes));

  function timelineText(e: TimelineEntry): string {
    switch (e.kind) {
      case 'start':
        return t('debrief.tl.start');
      case 'decision':
      case 'timeout': {
        const l = decisionLabel(bundle!, { node: e.node ?? '', option: e.option ?? '' });
        return t(`debrief.tl.${e.kind}`, { title: l.title, option: l.option });
      }
      case 'consult':
        return t('debrief.tl.consult', { adviser: adviserTitle(e.adviser ?? '') });
      case 'inject': {
        const i = scenario.injects.find((x) => x.id === e.inject);
        return t('debrief.tl.inject', { from: i?.from ?? '', title: i?.title ?? e.inject ?? '' });
      }
      case 'consequence':
        return t('debrief.tl.consequence', { title: consequenceTitle(e.consequence ?? '') });
      case 'overlean': {
        const p = scenario.polarities.find((x) => x.id === e.polarity);
        const d = e.pole === 'a' ? p?.downsideA : p?.downsideB;
        return t('debrief.tl.overlean', { title: d?.title ?? e.polarity ?? '' });
      }
      case 'ending':
        return t('debrief.tl.ending', { title: model?.ending?.title ?? '' });
      case 'note':
        return t('debrief.tl.note', { text: e.note ?? '' });
      case 'wait':
        return t('debrief.tl.wait');
    }
  }

  const heading = h('h1', { text: t('debrief.heading'), attrs: { tabindex: '-1' } });
  const m: DebriefModel = model;
  const ending = m.ending;

  const section = (id: string, titleKey: string, ...body: (HTMLElement | null)[]) =>
    h('section', { class: 'panel', attrs: { 'aria-labelledby': id, 'data-testid': id } }, h('h2', { id, text: t(titleKey) }), ...body);

  const chains = createCausalChains(bundle, m.timeline, timelineText, time);
  const chainButton = (e: TimelineEntry, i: number) => {
    const kind = chainKind(e);
    return kind
      ? h('button', {
          class: 'btn btn-small btn-quiet chain-btn no-print',
          attrs: { type: 'button', 'data-testid': `chain-${kind}`, 'aria-label': t(kind === 'why' ? 'review.whyLabel' : 'review.followedLabel', { what: timelineText(e) }) },
          text: t(kind === 'why' ? 'review.why' : 'review.followed'),
          on: { click: () => chains.select(i) },
        })
      : null;
  };
  const timeline = h(
    'ol',
    { class: 'timeline plain-list' },
    m.timeline
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.kind !== 'wait')
      .map(({ e, i }) =>
        h(
          'li',
          { class: `tl-item tl-${e.kind}` },
          h('span', { class: 'tl-time', text: time(e.time) }),
          h(
            'div',
            { class: 'tl-body' },
            h('p', null, termText(timelineText(e))),
            e.causes?.length && e.kind !== 'decision' && e.kind !== 'timeout'
              ? h(
                  'ul',
                  { class: 'causes plain-list' },
                  e.causes.map((c) => {
                    const l = decisionLabel(bundle, c);
                    return h('li', { text: t('play.causedBy', { title: l.title, option: l.option }) });
                  }),
                )
              : null,
            h('div', { class: 'tl-actions no-print' }, chainButton(e, i), e.kind !== 'start' && e.kind !== 'ending' ? h('button', { class: 'btn btn-small btn-quiet', attrs: { type: 'button', 'data-testid': 'scrub-to', 'aria-label': t('review.standHereLabel', { what: timelineText(e) }) }, text: t('review.standHere'), on: { click: () => { scrubber.goToSeq(e.seq); scrubber.el.scrollIntoView({ block: 'start' }); } } }) : null),
          ),
        ),
      ),
  );

  // Each decision's log sequence number (the debrief lists decisions in timeline order).
  const decisionSeqs = m.timeline.filter((e) => (e.kind === 'decision' || e.kind === 'timeout') && e.node && e.option).map((e) => e.seq);
  const forkButton = (i: number) => {
    const seq = decisionSeqs[i];
    const d = m.decisions[i];
    if (seq === undefined || !d || d.decidedBy) return null;
    return h('button', {
      class: 'btn btn-small fork-btn no-print',
      attrs: { type: 'button', 'data-testid': 'fork', 'aria-label': t('review.forkLabel', { number: i + 1, title: d.title }) },
      text: t('review.fork'),
      on: {
        click: async () => {
          const ok = await confirmDialog({ title: t('review.fork'), text: t('review.forkConfirm', { title: d.title }), confirm: t('review.forkGo'), cancel: t('nav.back'), testId: 'fork-dialog' });
          if (ok) await actions.forkAt(seq - 1);
        },
      },
    });
  };
  const decisions = h(
    'ol',
    { class: 'decisions plain-list' },
    m.decisions.map((d, i) =>
      h(
        'li',
        { class: 'card decision-review', attrs: { 'data-testid': 'decision-review' } },
        h('h3', null, `${t('play.decisionNumber', { number: i + 1 })} · `, termText(scenarioText(`${sid}:nodes.${d.node}.title`, d.title))),
        h(
          'dl',
          { class: 'review' },
          h('dt', { text: d.decidedBy ? t('debrief.decidedBy', { by: scenario.seats.find((x) => x.id === d.decidedBy)?.title ?? d.decidedBy }) : t('debrief.chose') }),
          h('dd', { class: d.option === 'timeout' ? 'is-timeout' : '' }, termText(d.label)),
          h('dt', { text: t('debrief.consulted') }),
          h('dd', null, termText(d.consulted.length ? d.consulted.map(adviserTitle).join(', ') : t('debrief.consultedNone'))),
          h('dt', { text: t('debrief.followed') }),
          h('dd', null, termText(d.followed.length ? d.followed.map(adviserTitle).join(', ') : t('debrief.nobody'))),
          h('dt', { text: t('debrief.overruled') }),
          h('dd', null, termText(d.overruled.length ? d.overruled.map(adviserTitle).join(', ') : t('debrief.nobody'))),
          d.consequences.length ? [h('dt', { text: t('debrief.consequences') }), h('dd', null, h('ul', { class: 'plain-list' }, d.consequences.map((c) => h('li', null, termText(consequenceTitle(c))))))] : null,
          h('dt', { text: t('debrief.notTaken') }),
          h('dd', null, d.alternatives.length ? h('ul', { class: 'plain-list' }, d.alternatives.map((a) => h('li', null, termText(a.label)))) : t('debrief.nobody')),
          d.cites.length || d.studyNote
            ? [
                h('dt', { text: t('debrief.study') }),
                h('dd', null, d.cites.length ? h('p', { class: 'cites' }, termText(d.cites.join(' · '))) : null, d.studyNote ? h('p', { class: 'study-note' }, termText(d.studyNote)) : null),
              ]
            : null,
        ),
        d.secondsToDecide !== null ? h('p', { class: 'small muted', text: t('debrief.timeToDecide', { count: d.secondsToDecide }) }) : null,
        forkButton(i),
      ),
    ),
  );

  const verdictText = (p: DebriefModel['polarities'][number]) => {
    const pole = p.verdict.endsWith('-a') ? p.poleA : p.poleB;
    return t(`debrief.verdict.${p.verdict}`, { pole });
  };

  const save = state.session?.save();
  const scrubber = createTimelineScrubber(ctx, bundle, save ?? { seed: 0, seat: '', log: [] }, timelineText);
  const compare = state.sessionId ? createRunComparison(store, bundle, m, state.sessionId, formatDate) : null;
  const notes = m.timeline.filter((e) => e.kind === 'note' && e.note);
  const seatTitle = scenario.seats.find((x) => x.id === save?.seat)?.title ?? save?.seat ?? '';
  const meta = save?.meta;
  const startedAt = meta?.startedAt ?? save?.log.find((e) => e.at !== null)?.at ?? null;
  const cover = h(
    'section',
    { class: 'print-cover print-only', attrs: { 'aria-hidden': 'true' } },
    h('p', { class: 'eyebrow', text: t('app.name') }),
    h('p', { class: 'print-cover-title', text: scenarioText(`${sid}:title`, scenario.title) }),
    h(
      'dl',
      null,
      h('dt', { text: t('review.printSeat') }),
      h('dd', { text: seatTitle }),
      h('dt', { text: t('review.printDate') }),
      h('dd', { text: startedAt !== null ? formatDate(startedAt) : '—' }),
      h('dt', { text: t('review.printLabel') }),
      h('dd', { text: meta?.label || '—' }),
      h('dt', { text: t('debrief.ending') }),
      h('dd', { text: ending ? ending.title : t('debrief.incomplete') }),
    ),
  );

  const el = h(
    'div',
    { class: 'screen screen-debrief' },
    siteHeader(store, { current: 'other' }),
    h(
      'main',
      { id: 'main', class: 'page debrief', attrs: { tabindex: '-1' } },
      cover,
      h('div', { class: 'page-intro' }, h('p', { class: 'eyebrow', text: scenarioText(`${sid}:title`, scenario.title) }), heading),
      h(
        'section',
        { class: `panel ending tone-${ending?.tone ?? 'mixed'}`, attrs: { 'aria-labelledby': 'ending-title', 'data-testid': 'debrief-ending' } },
        h('p', { class: 'eyebrow', text: t('debrief.ending') }),
        h('h2', { id: 'ending-title', text: ending ? ending.title : t('debrief.incomplete') }),
        ending ? h('p', { class: 'tone-label', text: t(`tone.${ending.tone}`) }) : null,
        ending ? h('p', { class: 'prose' }, termText(ending.text)) : null,
        h('p', { class: 'no-grade', text: t('debrief.noGrade') }),
        h('p', { class: 'small muted', attrs: { 'data-testid': 'countdown-mode' }, text: t('debrief.countdownMode', { mode: t(`countdownMode.${state.playedCountdownMode}`) }) }),
        m.problems.length ? h('p', { class: 'notice notice-warning', text: t('debrief.problems', { count: m.problems.length }) }) : null,
        h(
          'div',
          { class: 'actions no-print' },
          h('button', {
            class: 'btn btn-primary',
            attrs: { type: 'button', 'data-testid': 'export' },
            text: t('debrief.export'),
            on: {
              click: () => {
                const file = actions.exportSession();
                if (file) ctx.download(file);
              },
            },
          }),
          h('button', { class: 'btn', attrs: { type: 'button', 'data-testid': 'print' }, text: t('debrief.print'), on: { click: () => window.print() } }),
          h('button', { class: 'btn', attrs: { type: 'button', 'data-testid': 'back-to-library' }, text: t('debrief.library'), on: { click: () => void actions.leave() } }),
        ),
      ),
      section(
        'debrief-polarities',
        'debrief.polarities',
        h('p', { class: 'muted', text: t('debrief.polaritiesHint') }),
        h(
          'div',
          { class: 'polarity-grid' },
          m.polarities.map((p) =>
            h(
              'article',
              { class: 'polarity' },
              h('h3', { text: p.title }),
              h('p', { class: 'small muted', text: [p.section, t('debrief.bothAnd', { count: p.bothAndMoves })].filter(Boolean).join(' · ') }),
              h('p', { class: `verdict verdict-${p.verdict}`, text: verdictText(p) }),
              polarityChart(p, m.samples),
            ),
          ),
        ),
      ),
      section('debrief-meters', 'debrief.meters', h('p', { class: 'muted', text: t('debrief.metersHint') }), meterCharts(m.meters, m.samples)),
      section(
        'debrief-benchmarks',
        'debrief.benchmarks',
        m.benchmarks.length
          ? h(
              'ul',
              { class: 'benchmarks plain-list' },
              m.benchmarks.map((b) =>
                h(
                  'li',
                  { class: b.met ? 'is-met' : 'is-not-met' },
                  h('span', { class: 'bm-status', text: `${b.met ? '✓' : '✗'} ${b.met ? t('debrief.met') : t('debrief.notMet')}` }),
                  h('span', { class: 'bm-text' }, termText(b.text)),
                  b.cites.length ? h('span', { class: 'small muted', text: ` (${b.cites.join(', ')})` }) : null,
                ),
              ),
            )
          : h('p', { text: t('debrief.noBenchmarks') }),
      ),
      section('debrief-decisions', 'debrief.decisions', decisions),
      notes.length
        ? section('debrief-notes', 'debrief.notes', h('ul', { class: 'notes-list plain-list' }, notes.map((n) => h('li', null, h('span', { class: 'tl-time', text: time(n.time) }), ' ', h('span', { class: 'note-text', text: n.note ?? '' })))))
        : null,
      scrubber.el,
      chains.el,
      section('debrief-timeline', 'debrief.timeline', timeline),
      compare?.el ?? null,
    ),
  );

  return {
    el,
    update: (_s: MandateStoreState) => undefined,
    focus: () => heading.focus(),
    destroy: () => scrubber.destroy(),
  };
}
