/**
 * The library's filter: by the study's chapter a scenario exercises, by length and by the seat one
 * can play. With a handful of scenarios it is a convenience; with a course's worth it is how a
 * facilitator finds the one for the next session. The choice is a UI preference kept for the tab
 * (sessionStorage), so a reload does not lose it.
 */
import { t } from '../i18n';
import type { LibraryEntry } from '../engine';
import { h, replaceChildren, uid } from './dom';
import './library-filter.css';

export type LengthBand = 'short' | 'medium' | 'long';

export interface LibraryFilter {
  chapter: number | null;
  length: LengthBand | null;
  /** A seat's MLT role (hom, fc, pc, dsrsg-p, …). */
  role: string | null;
}

export const NO_FILTER: LibraryFilter = { chapter: null, length: null, role: null };
const LENGTHS: readonly LengthBand[] = ['short', 'medium', 'long'];
const STORAGE_KEY = 'mandate.library-filter';

/** Up to 30 minutes is short, up to 45 medium, beyond that long. */
export function lengthBandOf(minutes: number): LengthBand {
  return minutes <= 30 ? 'short' : minutes <= 45 ? 'medium' : 'long';
}

function roleOf(seat: LibraryEntry['seats'][number]): string {
  return seat.role ?? seat.id;
}

export function matchesFilter(entry: LibraryEntry, f: LibraryFilter): boolean {
  if (f.chapter !== null && !(entry.chapters ?? []).includes(f.chapter)) return false;
  if (f.length !== null && lengthBandOf(entry.durationMinutes) !== f.length) return false;
  if (f.role !== null && !entry.seats.some((s) => roleOf(s) === f.role)) return false;
  return true;
}

export function filterLibrary(entries: readonly LibraryEntry[], f: LibraryFilter): LibraryEntry[] {
  return entries.filter((e) => matchesFilter(e, f));
}

/** The choices worth offering: only chapters, lengths and seats some scenario has. */
export function filterChoices(entries: readonly LibraryEntry[]): { chapters: number[]; lengths: LengthBand[]; roles: { role: string; title: string }[] } {
  const chapters = new Set<number>();
  const lengths = new Set<LengthBand>();
  const roles = new Map<string, string>();
  for (const e of entries) {
    for (const c of e.chapters ?? []) chapters.add(c);
    lengths.add(lengthBandOf(e.durationMinutes));
    for (const s of e.seats) if (!roles.has(roleOf(s))) roles.set(roleOf(s), s.title);
  }
  return {
    chapters: [...chapters].sort((a, b) => a - b),
    lengths: LENGTHS.filter((l) => lengths.has(l)),
    roles: [...roles].map(([role, title]) => ({ role, title })).sort((a, b) => a.title.localeCompare(b.title)),
  };
}

/** Reads a stored filter field by field; anything unreadable falls back to "no filter". */
export function readStoredFilter(raw: string | null): LibraryFilter {
  try {
    const v = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const chapter = typeof v.chapter === 'number' && Number.isInteger(v.chapter) && v.chapter >= 1 && v.chapter <= 6 ? v.chapter : null;
    const length = LENGTHS.includes(v.length as LengthBand) ? (v.length as LengthBand) : null;
    const role = typeof v.role === 'string' && /^[a-z0-9-]{1,40}$/.test(v.role) ? v.role : null;
    return { chapter, length, role };
  } catch {
    return { ...NO_FILTER };
  }
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export interface LibraryFilterControl {
  el: HTMLElement;
  /** Offers the choices of this library; keeps the current filter where it still applies. */
  setEntries(entries: readonly LibraryEntry[]): void;
  current(): LibraryFilter;
}

export function createLibraryFilter(onChange: (f: LibraryFilter) => void): LibraryFilterControl {
  let filter = readStoredFilter(storage()?.getItem(STORAGE_KEY) ?? null);
  let entries: readonly LibraryEntry[] = [];
  const labelId = uid('filter-title');
  const status = h('p', { class: 'library-filter-status muted', attrs: { role: 'status', 'data-testid': 'library-filter-status' } });
  const clear = h('button', {
    class: 'btn btn-quiet',
    attrs: { type: 'button', 'data-testid': 'library-filter-clear' },
    text: t('library.filter.clear'),
    on: { click: () => set({ ...NO_FILTER }) },
  });

  function select(name: keyof LibraryFilter, label: string, anyLabel: string, choices: { value: string; text: string }[], value: string | null): HTMLElement {
    const id = uid(`filter-${name}`);
    const el = h(
      'select',
      {
        id,
        attrs: { 'data-testid': `library-filter-${name}` },
        on: {
          change: () => {
            const v = el.value;
            set({ ...filter, [name]: v === '' ? null : name === 'chapter' ? Number(v) : v });
          },
        },
      },
      h('option', { attrs: { value: '' }, text: anyLabel }),
      choices.map((c) => h('option', { attrs: { value: c.value, selected: c.value === value }, text: c.text })),
    ) as HTMLSelectElement;
    return h('div', { class: 'field' }, h('label', { attrs: { for: id }, text: label }), el);
  }

  const fields = h('div', { class: 'library-filter-fields' });
  const el = h(
    'div',
    { class: 'library-filter', attrs: { role: 'group', 'aria-labelledby': labelId, 'data-testid': 'library-filter' } },
    h('h3', { id: labelId, class: 'library-filter-title', text: t('library.filter.title') }),
    fields,
    h('div', { class: 'library-filter-foot' }, status, clear),
  );

  function render(): void {
    const c = filterChoices(entries);
    // A stored choice this library cannot satisfy (a chapter no scenario cites) is dropped.
    if (filter.chapter !== null && !c.chapters.includes(filter.chapter)) filter = { ...filter, chapter: null };
    if (filter.length !== null && !c.lengths.includes(filter.length)) filter = { ...filter, length: null };
    if (filter.role !== null && !c.roles.some((r) => r.role === filter.role)) filter = { ...filter, role: null };
    replaceChildren(
      fields,
      select('chapter', t('library.filter.chapter'), t('library.filter.anyChapter'), c.chapters.map((n) => ({ value: String(n), text: t(`library.filter.chapters.${n}`) })), filter.chapter === null ? null : String(filter.chapter)),
      select('length', t('library.filter.length'), t('library.filter.anyLength'), c.lengths.map((l) => ({ value: l, text: t(`library.filter.lengths.${l}`) })), filter.length),
      select('role', t('library.filter.seat'), t('library.filter.anySeat'), c.roles.map((r) => ({ value: r.role, text: r.title })), filter.role),
    );
    const shown = filterLibrary(entries, filter).length;
    status.textContent = shown === 0 ? t('library.filter.none') : t('library.filter.showing', { count: shown, total: entries.length });
    clear.hidden = filter.chapter === null && filter.length === null && filter.role === null;
  }

  function set(next: LibraryFilter): void {
    filter = next;
    try {
      storage()?.setItem(STORAGE_KEY, JSON.stringify(filter));
    } catch {
      // Storage full or blocked: the filter still applies for this page.
    }
    render();
    onChange(filter);
  }

  return {
    el,
    setEntries(next) {
      entries = next;
      render();
    },
    current: () => filter,
  };
}
