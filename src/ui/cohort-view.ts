/**
 * The cohort view, for a course facilitator: load many session files at once (several files, a
 * folder, or a folder dropped here), then per decision how often each option was chosen and how long
 * people took, the endings, the average tension positions and the benchmarks met; filter by seat;
 * export the table as CSV. Sessions are known by labels the facilitator chooses (S01… by default),
 * never by file name, and nothing is stored. Sessions of another scenario version are listed apart
 * with the reason; unreadable or hostile files are listed with theirs. All file content is shown as
 * text only.
 */
import { t } from '../i18n';
import { buildCohort, cohortCsv, readCohortSource, type Cohort, type CohortFile, type CohortRead, type ScenarioBundle } from '../engine';
import type { MandateStoreState } from '../store';
import { h, replaceChildren } from './dom';
import { gameDuration, positionWords } from './format';
import { siteHeader } from './site-header';
import { termText } from './glossary';
import type { View, ViewContext } from './view';
import './review.css';

/** At most this many files are read at once. */
const MAX_FILES = 500;

/** Every file under a dropped entry (folders walked recursively). */
async function filesOfEntry(entry: FileSystemEntry, out: File[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File | null>((resolve) => (entry as FileSystemFileEntry).file(resolve, () => resolve(null)));
    if (file) out.push(file);
  } else if (entry.isDirectory) {
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
      if (!batch.length) break;
      for (const e of batch) await filesOfEntry(e, out);
    }
  }
}

export function createCohortView(ctx: ViewContext): View {
  const { store } = ctx;
  const { actions } = store.getState();
  const heading = h('h1', { text: t('cohort.heading'), attrs: { tabindex: '-1' } });
  let reads: CohortRead[] = [];
  let labels: string[] = [];
  let ignored = 0;
  const bundles = new Map<string, ScenarioBundle>();
  let scenarioId: string | null = null;
  let seat: string | null = null;
  let cohort: Cohort | null = null;

  const filesInput = h('input', { id: 'cohort-files', attrs: { type: 'file', multiple: true, accept: '.json,application/json', 'data-testid': 'cohort-files' } });
  const folderInput = h('input', { id: 'cohort-folder', attrs: { type: 'file', webkitdirectory: true, multiple: true, 'data-testid': 'cohort-folder' } });
  const drop = h(
    'div',
    { class: 'drop-zone', attrs: { 'data-testid': 'cohort-drop' } },
    h('p', { text: t('cohort.drop') }),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'cohort-files' }, text: t('cohort.chooseFiles') }), filesInput),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'cohort-folder' }, text: t('cohort.chooseFolder') }), folderInput),
  );
  const status = h('p', { class: 'cohort-status', attrs: { role: 'status', 'data-testid': 'cohort-status' } });
  const filters = h('div', { class: 'cohort-filters' });
  const body = h('div', { class: 'cohort-body', attrs: { 'data-testid': 'cohort-body' } });

  async function load(files: File[]): Promise<void> {
    const json = files.filter((f) => /\.json$/i.test(f.name)).slice(0, MAX_FILES);
    ignored = files.length - json.length;
    status.textContent = t('cohort.reading', { n: json.length });
    const texts: CohortFile[] = await Promise.all(
      json.map(async (f) => ({ name: f.webkitRelativePath || f.name, text: f.size > 2_100_000 ? '' : await f.text().catch(() => '') })),
    );
    // A file is a session, or an LRS export of statements holding many sessions.
    reads = texts.flatMap((f, i) => (json[i] && json[i].size > 2_100_000 ? [{ ok: false as const, name: f.name, reason: t('cohort.tooLarge') }] : readCohortSource(f)));
    labels = reads.map((_, i) => `S${String(i + 1).padStart(2, '0')}`);
    // The scenario most sessions are of, among those this game has.
    const counts = new Map<string, number>();
    for (const r of reads) if (r.ok && store.getState().library.some((e) => e.id === r.save.scenario.id)) counts.set(r.save.scenario.id, (counts.get(r.save.scenario.id) ?? 0) + 1);
    scenarioId = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    seat = null;
    await ensureBundle();
    rebuild();
  }

  async function ensureBundle(): Promise<ScenarioBundle | null> {
    if (!scenarioId) return null;
    const cached = bundles.get(scenarioId);
    if (cached) return cached;
    const b = await actions.reviewBundle(scenarioId);
    if (b) bundles.set(scenarioId, b);
    return b;
  }

  function rebuild(): void {
    const bundle = scenarioId ? bundles.get(scenarioId) : undefined;
    if (!reads.length) {
      status.textContent = t('cohort.none');
      replaceChildren(filters);
      replaceChildren(body);
      return;
    }
    if (!bundle) {
      status.textContent = t('cohort.noScenario');
      cohort = null;
      replaceChildren(filters);
      replaceChildren(body, rejectedList(reads.filter((r): r is Extract<CohortRead, { ok: false }> => !r.ok).map((r) => ({ name: r.name, reason: r.reason }))));
      return;
    }
    cohort = buildCohort(bundle, reads, { seat, labels });
    status.textContent = t('cohort.summary', { sessions: cohort.sessions.length, apart: cohort.apart.length, rejected: cohort.rejected.length, ignored });
    renderFilters(bundle);
    render(bundle, cohort);
  }

  function renderFilters(bundle: ScenarioBundle): void {
    const ids = [...new Set(reads.flatMap((r) => (r.ok ? [r.save.scenario.id] : [])))].filter((id) => store.getState().library.some((e) => e.id === id));
    const scenarioSelect = h(
      'select',
      { id: 'cohort-scenario', attrs: { 'data-testid': 'cohort-scenario' } },
      ids.map((id) => h('option', { attrs: { value: id }, text: `${store.getState().library.find((e) => e.id === id)?.title ?? id} (${t('cohort.version', { version: store.getState().library.find((e) => e.id === id)?.version ?? '' })})` })),
    );
    scenarioSelect.value = bundle.scenario.id;
    scenarioSelect.addEventListener('change', () => {
      scenarioId = scenarioSelect.value;
      seat = null;
      void ensureBundle().then(rebuild);
    });
    const seatSelect = h(
      'select',
      { id: 'cohort-seat', attrs: { 'data-testid': 'cohort-seat' } },
      h('option', { attrs: { value: '' }, text: t('cohort.allSeats') }),
      bundle.scenario.seats.map((s) => h('option', { attrs: { value: s.id }, text: s.title })),
    );
    seatSelect.value = seat ?? '';
    seatSelect.addEventListener('change', () => {
      seat = seatSelect.value || null;
      rebuild();
      document.getElementById('cohort-seat')?.focus();
    });
    replaceChildren(
      filters,
      h('div', { class: 'field' }, h('label', { attrs: { for: 'cohort-scenario' }, text: t('cohort.scenario') }), scenarioSelect),
      h('div', { class: 'field' }, h('label', { attrs: { for: 'cohort-seat' }, text: t('cohort.seat') }), seatSelect),
      h('button', {
        class: 'btn btn-primary',
        attrs: { type: 'button', 'data-testid': 'cohort-csv' },
        text: t('cohort.exportCsv'),
        on: {
          click: () => {
            if (!cohort) return;
            ctx.download({ filename: `mandate-cohort-${cohort.scenarioId}-v${cohort.version}${cohort.seat ? `-${cohort.seat}` : ''}.csv`, text: cohortCsv(cohort) });
          },
        },
      }),
      h('p', { class: 'small muted', text: t('cohort.anonymous') }),
    );
  }

  const seconds = (s: number | null) => (s === null ? '—' : t('cohort.seconds', { value: Math.round(s) }));
  const minutes = (m: number | null) => (m === null ? '—' : m < 1 ? t('cohort.noGameTime') : gameDuration(Math.round(m)));

  function rejectedList(items: { name: string; reason: string }[]): HTMLElement | null {
    if (!items.length) return null;
    return h(
      'section',
      { class: 'panel', attrs: { 'aria-labelledby': 'cohort-rejected-title', 'data-testid': 'cohort-rejected' } },
      h('h2', { id: 'cohort-rejected-title', text: t('cohort.rejected') }),
      h('ul', { class: 'plain-list cohort-problems' }, items.map((r) => h('li', null, h('span', { class: 'file-name', text: r.name }), ' — ', h('span', { text: r.reason })))),
    );
  }

  function render(bundle: ScenarioBundle, c: Cohort): void {
    const share = (n: number, of: number) => (of ? `${Math.round((100 * n) / of)} %` : '—');
    replaceChildren(
      body,
      h(
        'section',
        { class: 'panel', attrs: { 'aria-labelledby': 'cohort-decisions-title', 'data-testid': 'cohort-decisions' } },
        h('h2', { id: 'cohort-decisions-title', text: t('cohort.decisions') }),
        c.decisions.length
          ? c.decisions.map((d) =>
              h(
                'table',
                { class: 'cohort-table', attrs: { 'data-testid': 'cohort-decision', 'data-node': d.node } },
                h('caption', null, termText(d.title), h('span', { class: 'small muted', text: ` — ${t('cohort.taken', { n: d.total })} · ${t('cohort.gameTime')}: ${minutes(d.avgGameMinutes)} · ${t('cohort.realTime')}: ${seconds(d.avgRealSeconds)}` })),
                h('thead', null, h('tr', null, h('th', { attrs: { scope: 'col' }, text: t('cohort.option') }), h('th', { attrs: { scope: 'col' }, text: t('cohort.chosen') }), h('th', { attrs: { scope: 'col' }, text: t('cohort.share') }))),
                h(
                  'tbody',
                  null,
                  d.options.map((o) =>
                    h(
                      'tr',
                      null,
                      h('th', { attrs: { scope: 'row' } }, termText(o.label)),
                      h('td', { class: 'num', text: String(o.count) }),
                      h('td', { class: 'num' }, h('span', { class: 'share-bar', attrs: { style: `inline-size: ${d.total ? Math.round((100 * o.count) / d.total) : 0}%`, 'aria-hidden': 'true' } }), share(o.count, d.total)),
                    ),
                  ),
                ),
              ),
            )
          : h('p', { class: 'muted', text: t('cohort.noDecisions') }),
      ),
      h(
        'section',
        { class: 'panel', attrs: { 'aria-labelledby': 'cohort-endings-title', 'data-testid': 'cohort-endings' } },
        h('h2', { id: 'cohort-endings-title', text: t('cohort.endings') }),
        h('ul', { class: 'plain-list' }, c.endings.map((e) => h('li', null, h('strong', { text: e.id ? e.title : t('cohort.unfinished') }), ` — ${t('cohort.sessionsCount', { n: e.count })} (${share(e.count, c.sessions.length)})`))),
      ),
      h(
        'section',
        { class: 'panel', attrs: { 'aria-labelledby': 'cohort-tensions-title', 'data-testid': 'cohort-tensions' } },
        h('h2', { id: 'cohort-tensions-title', text: t('cohort.tensions') }),
        h(
          'ul',
          { class: 'plain-list' },
          c.polarities.map((p) => {
            const band = bundle.scenario.polarities.find((x) => x.id === p.id)?.band ?? 40;
            return h('li', null, h('strong', { text: p.title }), ' — ', p.mean === null ? '—' : positionWords(p.mean, band, p.poleA, p.poleB));
          }),
        ),
      ),
      c.benchmarks.length
        ? h(
            'section',
            { class: 'panel', attrs: { 'aria-labelledby': 'cohort-benchmarks-title', 'data-testid': 'cohort-benchmarks' } },
            h('h2', { id: 'cohort-benchmarks-title', text: t('cohort.benchmarks') }),
            h('ul', { class: 'plain-list' }, c.benchmarks.map((b) => h('li', null, termText(b.text), ` — ${t('cohort.metBy', { met: b.met, total: b.total })}`))),
          )
        : null,
      h(
        'section',
        { class: 'panel', attrs: { 'aria-labelledby': 'cohort-sessions-title', 'data-testid': 'cohort-sessions' } },
        h('h2', { id: 'cohort-sessions-title', text: t('cohort.sessions') }),
        h('p', { class: 'small muted', text: t('cohort.labelsHint') }),
        h(
          'table',
          { class: 'cohort-table' },
          h('thead', null, h('tr', null, [t('cohort.label'), t('cohort.seat'), t('cohort.ending'), t('cohort.decisionsTaken')].map((x) => h('th', { attrs: { scope: 'col' }, text: x })))),
          h(
            'tbody',
            null,
            c.sessions.map((s) => {
              const i = reads.findIndex((r) => r.name === s.name);
              const input = h('input', { class: 'label-input', attrs: { type: 'text', maxlength: 60, 'aria-label': t('cohort.labelFor', { label: s.label }), 'data-testid': 'cohort-label' }, props: { value: s.label } });
              input.addEventListener('change', () => {
                if (i >= 0) labels[i] = input.value.trim().slice(0, 60) || `S${String(i + 1).padStart(2, '0')}`;
                rebuild();
              });
              return h(
                'tr',
                null,
                h('td', null, input),
                h('td', { text: bundle.scenario.seats.find((x) => x.id === s.seat)?.title ?? s.seat }),
                h('td', { text: s.ending ? (bundle.scenario.endings.find((e) => e.id === s.ending)?.title ?? s.ending) : t('cohort.unfinished') }),
                h('td', { class: 'num', text: String(s.decisions.length) }),
              );
            }),
          ),
        ),
      ),
      c.apart.length
        ? h(
            'section',
            { class: 'panel', attrs: { 'aria-labelledby': 'cohort-apart-title', 'data-testid': 'cohort-apart' } },
            h('h2', { id: 'cohort-apart-title', text: t('cohort.apart') }),
            h('ul', { class: 'plain-list cohort-problems' }, c.apart.map((a) => h('li', null, h('span', { class: 'file-name', text: a.name }), ' — ', h('span', { text: a.reason })))),
          )
        : null,
      rejectedList(c.rejected),
    );
  }

  filesInput.addEventListener('change', () => void load([...(filesInput.files ?? [])]));
  folderInput.addEventListener('change', () => void load([...(folderInput.files ?? [])]));
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('is-over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('is-over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('is-over');
    const items = [...(e.dataTransfer?.items ?? [])];
    const entries = items.map((i) => i.webkitGetAsEntry?.()).filter((x): x is FileSystemEntry => Boolean(x));
    if (entries.length) {
      void (async () => {
        const out: File[] = [];
        for (const entry of entries) await filesOfEntry(entry, out);
        await load(out);
      })();
    } else void load([...(e.dataTransfer?.files ?? [])]);
  });

  const el = h(
    'div',
    { class: 'screen screen-cohort' },
    siteHeader(store, { current: 'cohort' }),
    h(
      'main',
      { id: 'main', class: 'page cohort-page', attrs: { tabindex: '-1' } },
      h('div', { class: 'page-intro' }, heading, h('p', { class: 'muted', text: t('cohort.intro') })),
      drop,
      status,
      filters,
      body,
    ),
  );

  return {
    el,
    update: (_s: MandateStoreState) => undefined,
    focus: () => heading.focus(),
    destroy: () => undefined,
  };
}
