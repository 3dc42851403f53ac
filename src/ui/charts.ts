/**
 * Accessible SVG charts for the debrief: each is role="img" with a text label, and comes with a
 * data table for screen readers and print. Meters are drawn as bands, never as numbers.
 */
import { meterBand, type Band, type Sample } from '../engine';
import { t } from '../i18n';
import { BANDS } from '../store';
import { h, svg } from './dom';
import { positionWords } from './format';

const W = 520;
const H = 180;
const PAD = { top: 8, bottom: 8, left: 8, right: 8 };

function xOf(i: number, n: number): number {
  const span = W - PAD.left - PAD.right;
  return PAD.left + (n <= 1 ? span / 2 : (span * i) / (n - 1));
}

function stepLabel(step: number): string {
  return step === 0 ? t('debrief.start') : t('debrief.afterDecision', { step });
}

export interface PolarityChartInput {
  id: string;
  title: string;
  poleA: string;
  poleB: string;
  band: number;
  final: number;
}

export function polarityChart(p: PolarityChartInput, samples: Sample[]): HTMLElement {
  const yOf = (pos: number) => PAD.top + ((pos + 100) / 200) * (H - PAD.top - PAD.bottom);
  const n = samples.length;
  const points = samples.map((s, i) => [xOf(i, n), yOf(s.polarities[p.id] ?? 0)] as const);
  const label = t('debrief.chartLabel', {
    title: p.title,
    count: Math.max(0, n - 1),
    poleA: p.poleA,
    poleB: p.poleB,
    position: positionWords(p.final, p.band, p.poleA, p.poleB),
  });
  const chart = svg(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label, preserveAspectRatio: 'xMidYMid meet' },
    svg('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: H - PAD.top - PAD.bottom, class: 'chart-frame' }),
    svg('rect', { x: PAD.left, y: yOf(-p.band), width: W - PAD.left - PAD.right, height: yOf(p.band) - yOf(-p.band), class: 'chart-band' }),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: yOf(0), y2: yOf(0), class: 'chart-centre' }),
    svg('text', { x: W - PAD.right - 4, y: yOf(-p.band) + 14, class: 'chart-band-label', 'text-anchor': 'end' }, t('debrief.healthyBand')),
    points.length > 1 ? svg('polyline', { points: points.map(([x, y]) => `${x},${y}`).join(' '), class: 'chart-line' }) : null,
    points.map(([x, y]) => svg('circle', { cx: x, cy: y, r: 4, class: 'chart-dot' })),
  );
  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', { text: p.title }),
    h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('debrief.step') }), h('th', { attrs: { scope: 'col' }, text: t('debrief.position') }))),
    h(
      'tbody',
      null,
      samples.map((s) => h('tr', null, h('th', { attrs: { scope: 'row' }, text: stepLabel(s.step) }), h('td', { text: positionWords(s.polarities[p.id] ?? 0, p.band, p.poleA, p.poleB) }))),
    ),
  );
  // The pole names label the two ends of the vertical axis; they are HTML so long names wrap.
  return h(
    'figure',
    { class: 'chart-figure' },
    h('p', { class: 'chart-pole', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pole-mark', text: '▲' }), ` ${p.poleA}`),
    chart,
    h('p', { class: 'chart-pole', attrs: { 'aria-hidden': 'true' } }, h('span', { class: 'pole-mark', text: '▼' }), ` ${p.poleB}`),
    h('details', { class: 'chart-data' }, h('summary', { text: t('debrief.showData') }), table),
  );
}

export interface MeterChartInput {
  id: string;
  label: string;
}

export function meterCharts(meters: MeterChartInput[], samples: Sample[]): HTMLElement {
  const w = 260;
  const hgt = 110;
  const pad = { top: 6, bottom: 6, left: 6, right: 6 };
  const stripe = (hgt - pad.top - pad.bottom) / BANDS.length;
  const yOfBand = (b: Band) => pad.top + (BANDS.length - 1 - BANDS.indexOf(b)) * stripe + stripe / 2;
  const xOfI = (i: number, n: number) => pad.left + (n <= 1 ? (w - pad.left - pad.right) / 2 : ((w - pad.left - pad.right) * i) / (n - 1));
  const n = samples.length;
  const figures = meters.map((m) => {
    const bands = samples.map((s) => meterBand(s.meters[m.id] ?? 0));
    const first = bands[0] ?? 'fragile';
    const last = bands[bands.length - 1] ?? first;
    const label = t('debrief.meterLabel', { label: m.label, start: t(`band.${first}`), end: t(`band.${last}`) });
    const pts = bands.map((b, i) => `${xOfI(i, n)},${yOfBand(b)}`);
    return h(
      'figure',
      { class: 'meter-figure' },
      h('figcaption', { text: m.label }),
      svg(
        'svg',
        { viewBox: `0 0 ${w} ${hgt}`, class: 'chart chart-small', role: 'img', 'aria-label': label },
        BANDS.map((b, i) => svg('rect', { x: pad.left, y: pad.top + (BANDS.length - 1 - i) * stripe, width: w - pad.left - pad.right, height: stripe, class: `stripe stripe-${b}` })),
        pts.length > 1 ? svg('polyline', { points: pts.join(' '), class: 'chart-line' }) : null,
        bands.map((b, i) => svg('circle', { cx: xOfI(i, n), cy: yOfBand(b), r: 3.5, class: 'chart-dot' })),
      ),
      h('p', { class: 'small muted', text: `${t(`band.${first}`)} → ${t(`band.${last}`)}` }),
    );
  });
  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', { text: t('debrief.meters') }),
    h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('debrief.meter') }), samples.map((s) => h('th', { attrs: { scope: 'col' }, text: stepLabel(s.step) })))),
    h(
      'tbody',
      null,
      meters.map((m) =>
        h('tr', null, h('th', { attrs: { scope: 'row' }, text: m.label }), samples.map((s) => h('td', { text: t(`band.${meterBand(s.meters[m.id] ?? 0)}`) }))),
      ),
    ),
  );
  return h(
    'div',
    { class: 'meter-charts' },
    h('div', { class: 'small-multiples' }, figures),
    h('details', { class: 'chart-data' }, h('summary', { text: t('debrief.showData') }), h('div', { class: 'table-scroll', attrs: { tabindex: '0', role: 'region', 'aria-label': t('debrief.meters') } }, table)),
  );
}
