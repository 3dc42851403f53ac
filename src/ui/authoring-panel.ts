/**
 * The authoring preview panel (dev server, or `?author=1`): what the live reload did, the
 * diagnostics when the saved file has errors, "jump to any node", meters and flags set by hand (a
 * preview override, never saved) and the scenario graph with the current node and the path taken.
 * It sits beside the screens and acts only through store actions.
 */
import { t } from '../i18n';
import { scenarioFlags, scenarioGraph, type MandateStore, type MandateStoreState, type ScenarioGraph } from '../store';
import { diagnosticsList } from './diagnostics-list';
import { h, replaceChildren, svg, uid } from './dom';

export interface AuthoringPanel {
  el: HTMLElement;
  update(state: MandateStoreState): void;
}

const MAX_TITLE = 22;
const short = (s: string) => (s.length > MAX_TITLE ? `${s.slice(0, MAX_TITLE - 1)}…` : s);

export function createAuthoringPanel(store: MandateStore): AuthoringPanel {
  const { actions } = store.getState();
  const bodyId = uid('authoring-body');
  let open = true;

  const toggle = h('button', {
    class: 'btn btn-quiet btn-small',
    attrs: { type: 'button', 'aria-expanded': 'true', 'aria-controls': bodyId, 'data-testid': 'authoring-toggle' },
    text: t('authoring.hide'),
    on: {
      click: () => {
        open = !open;
        body.hidden = !open;
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? t('authoring.hide') : t('authoring.show');
        document.body.dataset.authoring = open ? 'open' : 'closed';
      },
    },
  });

  const status = h('p', { class: 'small muted', attrs: { role: 'status', 'data-testid': 'authoring-status' } });
  const problems = h('div', { attrs: { 'data-testid': 'authoring-problems' } });
  const overrideBox = h('div', { attrs: { 'data-testid': 'authoring-override' } });
  const tools = h('div', { class: 'authoring-tools' });
  const body = h('div', { id: bodyId, class: 'authoring-body' }, status, problems, overrideBox, tools);
  const el = h(
    'aside',
    { class: 'authoring', attrs: { 'aria-labelledby': 'authoring-title', 'data-testid': 'authoring-panel' } },
    h('div', { class: 'authoring-head' }, h('h2', { id: 'authoring-title', text: t('authoring.heading') }), toggle),
    body,
  );
  document.body.dataset.authoring = 'open';

  // ---- jump to node ----------------------------------------------------------------------------
  const jumpId = uid('jump');
  const jumpSelect = h('select', { id: jumpId, attrs: { 'data-testid': 'jump-select' } });
  const jumpButton = h('button', {
    class: 'btn btn-small',
    attrs: { type: 'button', 'data-testid': 'jump-go' },
    text: t('authoring.jumpGo'),
    on: { click: () => void actions.jumpToNode(jumpSelect.value) },
  });
  const jumpSection = h(
    'section',
    { class: 'authoring-section', attrs: { 'aria-labelledby': `${jumpId}-title` } },
    h('h3', { id: `${jumpId}-title`, text: t('authoring.jumpHeading') }),
    h('p', { class: 'small muted', text: t('authoring.jumpHint') }),
    h('div', { class: 'field' }, h('label', { attrs: { for: jumpId }, text: t('authoring.jumpLabel') }), jumpSelect),
    h('div', { class: 'actions' }, jumpButton),
  );

  // ---- meters and flags ------------------------------------------------------------------------
  const stateForm = h('form', { class: 'authoring-state', attrs: { 'data-testid': 'override-form' } });
  stateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const meters: Record<string, number> = {};
    const flags: Record<string, boolean> = {};
    for (const input of stateForm.querySelectorAll<HTMLInputElement>('input[data-meter]')) {
      const v = Number(input.value);
      if (input.value !== '' && Number.isFinite(v) && Number(input.dataset.was) !== v) meters[input.dataset.meter as string] = v;
    }
    for (const input of stateForm.querySelectorAll<HTMLInputElement>('input[data-flag]')) {
      if ((input.dataset.was === 'true') !== input.checked) flags[input.dataset.flag as string] = input.checked;
    }
    void actions.setPreviewOverride({ meters, flags });
  });
  const stateSection = h(
    'section',
    { class: 'authoring-section', attrs: { 'aria-labelledby': 'authoring-state-title' } },
    h('h3', { id: 'authoring-state-title', text: t('authoring.stateHeading') }),
    h('p', { class: 'small muted', text: t('authoring.stateHint') }),
    stateForm,
  );

  // ---- graph -----------------------------------------------------------------------------------
  const graphHost = h('div', {
    class: 'graph-scroll',
    attrs: { role: 'region', tabindex: '0', 'aria-label': t('authoring.graphLabel'), 'data-testid': 'scenario-graph' },
  });
  const graphPath = h('p', { class: 'small', attrs: { 'data-testid': 'graph-path' } });
  const graphSection = h(
    'section',
    { class: 'authoring-section', attrs: { 'aria-labelledby': 'authoring-graph-title' } },
    h('h3', { id: 'authoring-graph-title', text: t('authoring.graphHeading') }),
    graphPath,
    graphHost,
  );

  function drawGraph(g: ScenarioGraph, currentTitle: string): SVGSVGElement {
    const W = 150;
    const H = 44;
    const edges = g.edges.map((e) =>
      svg('line', { x1: e.x1, y1: e.y1, x2: e.x2, y2: e.y2, class: e.visited ? 'g-edge is-visited' : 'g-edge', 'marker-end': e.visited ? 'url(#g-arrow-v)' : 'url(#g-arrow)' }),
    );
    const nodes = g.nodes.map((n) =>
      svg(
        'g',
        {
          class: `g-node kind-${n.kind}${n.visited ? ' is-visited' : ''}${n.current ? ' is-current' : ''}${n.unreachable ? ' is-unreachable' : ''}`,
          transform: `translate(${n.x} ${n.y})`,
          'data-node': n.id,
        },
        svg('title', {}, `${n.id} — ${n.title}`),
        svg('rect', { width: W, height: H, rx: n.kind === 'end' ? 18 : 6 }),
        svg('text', { x: 8, y: 17, class: 'g-id' }, short(n.id)),
        svg('text', { x: 8, y: 34, class: 'g-title' }, short(n.title)),
      ),
    );
    const marker = (id: string, cls: string) =>
      svg('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }));
    return svg(
      'svg',
      {
        class: 'scenario-graph',
        width: g.width,
        height: g.height,
        viewBox: `0 0 ${g.width} ${g.height}`,
        role: 'img',
        'aria-label': t('authoring.graphSummary', { nodes: g.nodes.length, current: currentTitle, path: g.path.join(' → ') }),
      },
      svg('defs', {}, marker('g-arrow', 'g-arrowhead'), marker('g-arrow-v', 'g-arrowhead is-visited')),
      edges,
      nodes,
    );
  }

  // ---- updates ---------------------------------------------------------------------------------
  let lastBundle: unknown;
  let lastSnapshot: unknown;
  let lastAuthoring: unknown;

  function update(state: MandateStoreState): void {
    const a = state.authoring;
    if (a !== lastAuthoring) {
      lastAuthoring = a;
      const u = a.lastUpdate;
      status.textContent = !u
        ? t('authoring.watching')
        : !u.live
          ? t('authoring.updatedIdle', { file: u.file })
          : u.reason
            ? t('authoring.updatedPartial', { file: u.file, kept: u.kept, total: u.total, reason: u.reason })
            : t('authoring.updatedAll', { file: u.file, kept: u.kept, total: u.total });
      status.dataset.kept = u ? String(u.kept) : '';
      replaceChildren(
        problems,
        a.problems
          ? h(
              'div',
              { class: 'notice notice-error file-check-result' },
              h('p', { class: 'file-check-summary', text: t('authoring.problems', { file: a.problems.file }) }),
              diagnosticsList(a.problems.diagnostics, 'authoring-diagnostics'),
            )
          : null,
      );
      replaceChildren(
        overrideBox,
        a.override
          ? h(
              'div',
              { class: 'notice notice-warning preview-override' },
              h('p', { class: 'file-check-summary', text: t('authoring.overrideActive') }),
              h(
                'p',
                { class: 'small' },
                [
                  ...Object.entries(a.override.meters).map(([k, v]) => `${k} = ${v}`),
                  ...Object.entries(a.override.flags).map(([k, v]) => `${k}: ${v ? t('authoring.flagOn') : t('authoring.flagOff')}`),
                ].join(' · ') || '—',
              ),
              h('button', { class: 'btn btn-small', attrs: { type: 'button', 'data-testid': 'override-clear' }, text: t('authoring.overrideClear'), on: { click: () => void actions.clearPreviewOverride() } }),
            )
          : null,
      );
    }

    const { bundle, snapshot } = state;
    if (bundle === lastBundle && snapshot === lastSnapshot) return;
    const bundleChanged = bundle !== lastBundle;
    lastBundle = bundle;
    lastSnapshot = snapshot;
    if (!bundle || !snapshot) {
      replaceChildren(tools, h('p', { class: 'small muted', text: t('authoring.noSession') }));
      return;
    }
    if (!tools.contains(jumpSection)) replaceChildren(tools, graphSection, jumpSection, stateSection);
    const scenario = bundle.scenario;
    if (bundleChanged) {
      replaceChildren(jumpSelect, scenario.nodes.map((n) => h('option', { attrs: { value: n.id }, text: `${n.id} — ${n.title}` })));
    }
    if (!stateForm.contains(document.activeElement) || bundleChanged) {
      const ctx = snapshot.context;
      replaceChildren(
        stateForm,
        h(
          'fieldset',
          {},
          h('legend', { text: t('authoring.meters') }),
          scenario.meters.map((m) => {
            const id = uid('meter');
            const value = ctx.meters[m.id] ?? 0;
            return h(
              'div',
              { class: 'field field-inline' },
              h('label', { attrs: { for: id }, text: `${m.label} (${m.id})` }),
              h('input', { id, attrs: { type: 'number', min: 0, max: 100, step: 1, 'data-meter': m.id, 'data-was': value, 'data-testid': `override-meter-${m.id}` }, props: { value: String(value) } }),
            );
          }),
        ),
        h(
          'fieldset',
          {},
          h('legend', { text: t('authoring.flags') }),
          scenarioFlags(scenario).map((f) => {
            const id = uid('flag');
            const on = Boolean(ctx.flags[f]);
            return h(
              'div',
              { class: 'field field-check' },
              h('input', { id, attrs: { type: 'checkbox', 'data-flag': f, 'data-was': String(on), 'data-testid': `override-flag-${f}` }, props: { checked: on } }),
              h('label', { attrs: { for: id }, text: f }),
            );
          }),
        ),
        h('div', { class: 'actions' }, h('button', { class: 'btn btn-small btn-primary', attrs: { type: 'submit', 'data-testid': 'override-apply', disabled: snapshot.done }, text: t('authoring.overrideApply') })),
      );
    }
    const g = scenarioGraph(bundle, snapshot);
    const current = scenario.nodes.find((n) => n.id === snapshot.node)?.title ?? snapshot.node;
    graphPath.textContent = t('authoring.pathTaken', { path: g.path.join(' → ') });
    replaceChildren(graphHost, drawGraph(g, current));
    const cur = graphHost.querySelector<SVGGElement>('.g-node.is-current');
    if (cur && open) {
      const n = g.nodes.find((x) => x.current);
      if (n) graphHost.scrollLeft = Math.max(0, n.x - graphHost.clientWidth / 2 + 75);
    }
  }

  return { el, update };
}
