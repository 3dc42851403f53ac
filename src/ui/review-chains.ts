/**
 * Causal chains in the debrief: choose a consequence, an inject, an over-lean or the ending and see
 * the decisions and events that caused it; choose a decision and see everything that followed from
 * it, with in-game times. A real list (an ordered list of events with the reason for each link), so a
 * screen reader reads the chain as well as anyone sees it. The chains come from the engine
 * (causesOf / aftermathOf).
 */
import { t } from '../i18n';
import { aftermathOf, causesOf, type CauseReason, type ScenarioBundle, type TimelineEntry } from '../engine';
import { h, replaceChildren } from './dom';
import { termText } from './glossary';

export interface CausalChainsPanel {
  el: HTMLElement;
  /** Shows the chain of the timeline entry at `index` and moves focus to it. */
  select(index: number, focus?: boolean): void;
}

const WHY_KINDS = new Set(['consequence', 'inject', 'overlean', 'ending']);
const FOLLOW_KINDS = new Set(['decision', 'timeout']);

/** Whether a timeline entry has a chain to show: "why" for what happened to the mission, "followed" for decisions. */
export function chainKind(e: TimelineEntry): 'why' | 'followed' | null {
  if (WHY_KINDS.has(e.kind)) return 'why';
  if (FOLLOW_KINDS.has(e.kind) && e.node && e.option) return 'followed';
  return null;
}

export function createCausalChains(
  bundle: ScenarioBundle,
  timeline: readonly TimelineEntry[],
  describe: (e: TimelineEntry) => string,
  timeOf: (minutes: number) => string,
): CausalChainsPanel {
  const { scenario } = bundle;
  const meterLabel = (id: string) => scenario.meters.find((m) => m.id === id)?.label ?? id;
  const reasonText = (reason: CauseReason, via: string | undefined, kind: 'why' | 'followed'): string =>
    reason === 'meter'
      ? t(`review.reason.${kind}.meter`, { meter: meterLabel(via ?? '') })
      : t(`review.reason.${kind}.${reason}`);

  const choices = timeline.map((e, i) => ({ e, i, kind: chainKind(e) })).filter((x) => x.kind !== null);
  const picker = h(
    'select',
    { id: 'chain-picker', attrs: { 'data-testid': 'chain-picker' } },
    h('option', { attrs: { value: '' }, text: t('review.chainPick') }),
    choices.map((c) => h('option', { attrs: { value: String(c.i) }, text: `${timeOf(c.e.time)} · ${describe(c.e)}` })),
  );
  const result = h('div', { class: 'chain-result', attrs: { 'data-testid': 'chain-result', tabindex: '-1' } });
  picker.addEventListener('change', () => {
    if (picker.value !== '') select(Number(picker.value), false);
    else replaceChildren(result);
  });

  function item(e: TimelineEntry, reason: string): HTMLElement {
    return h(
      'li',
      { class: `chain-link tl-${e.kind}` },
      h('span', { class: 'tl-time', text: timeOf(e.time) }),
      h('span', { class: 'chain-what' }, termText(describe(e))),
      h('span', { class: 'chain-reason small muted', text: reason }),
    );
  }

  function select(index: number, focus = true): void {
    const target = timeline[index];
    const kind = target ? chainKind(target) : null;
    if (!target || !kind) return;
    picker.value = String(index);
    const heading = h('h3', { class: 'chain-heading', text: t(kind === 'why' ? 'review.chainWhy' : 'review.chainFollowed', { what: describe(target), time: timeOf(target.time) }) });
    const links =
      kind === 'why'
        ? causesOf(scenario, timeline, index).map((l) => item(l.entry, reasonText(l.reason, l.via, 'why')))
        : aftermathOf(scenario, timeline, index).map((a) => item(a.entry, reasonText(a.reason, a.via, 'followed')));
    replaceChildren(
      result,
      heading,
      links.length
        ? h('ol', { class: 'chain-list plain-list', attrs: { 'data-testid': 'chain-list' } }, links)
        : h('p', { class: 'muted', attrs: { 'data-testid': 'chain-empty' }, text: t(kind === 'why' ? 'review.chainNoCause' : 'review.chainNothing') }),
    );
    if (focus) result.focus();
  }

  const el = h(
    'section',
    { class: 'panel review-chains', attrs: { 'aria-labelledby': 'debrief-chains-title', 'data-testid': 'debrief-chains' } },
    h('h2', { id: 'debrief-chains-title', text: t('review.chainsHeading') }),
    h('p', { class: 'muted', text: t('review.chainsHint') }),
    h('div', { class: 'field no-print' }, h('label', { attrs: { for: 'chain-picker' }, text: t('review.chainPickLabel') }), picker),
    result,
  );
  return { el, select };
}
