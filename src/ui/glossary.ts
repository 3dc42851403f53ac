/**
 * The in-game glossary in the DOM: known terms in scenario text become small buttons that show a
 * tooltip (expansion and explanation) on hover, keyboard focus and tap; Escape closes it. The
 * glossary itself (scenarios/glossary.yaml, compiled at build time) is loaded lazily, with the
 * scenario, by the composition root: until it arrives, text renders plain.
 *
 * Accessibility: each term button names its tooltip with aria-describedby. There is one tooltip
 * element per distinct term, kept hidden outside the views (so the text of headings and paragraphs
 * stays what the scenario says), and shown beside whichever occurrence is active. Per WCAG 1.4.13
 * the tooltip stays while the pointer moves onto it, and Escape dismisses it without moving focus.
 * All text goes in through text nodes.
 */
import { currentLanguage, t } from '../i18n';
import { h, replaceChildren, type Child } from './dom';
import { localizedEntry, splitTerms, type GlossaryEntry } from './glossary-terms';

export type { GlossaryEntry } from './glossary-terms';

let byTerm = new Map<string, GlossaryEntry>();
let inlineTerms: string[] = [];
let ready: GlossaryEntry[] | null = null;
let loader: (() => Promise<GlossaryEntry[]>) | null = null;
let pending: Promise<GlossaryEntry[]> | null = null;

/** Installs the glossary (the composition root, or a test). */
export function setGlossary(entries: readonly GlossaryEntry[]): void {
  ready = [...entries];
  byTerm = new Map(entries.map((e) => [e.term, e]));
  inlineTerms = entries.filter((e) => e.highlight !== false).map((e) => e.term);
}

/** Tells the glossary how to fetch its data (a dynamic import, so it stays out of the first screen). */
export function provideGlossary(load: () => Promise<GlossaryEntry[]>): void {
  loader = load;
}

/** The glossary, loading it on first call. Never rejects: a failed load gives an empty glossary. */
export function loadGlossary(): Promise<GlossaryEntry[]> {
  if (ready) return Promise.resolve(ready);
  if (!loader) return Promise.resolve([]);
  pending ??= loader()
    .then((entries) => {
      setGlossary(entries);
      return entries;
    })
    .catch(() => {
      pending = null;
      return [] as GlossaryEntry[];
    });
  return pending;
}

/** The loaded glossary, or null while it has not arrived. */
export function glossaryEntries(): readonly GlossaryEntry[] | null {
  return ready;
}

// ---- tooltips -------------------------------------------------------------------------------------

let tipHost: HTMLElement | null = null;
const tips = new Map<string, HTMLElement>();
let tipSeq = 0;

/** The (hidden) tooltip element for a term, created once and refreshed in the current language. */
function tipFor(entry: GlossaryEntry): HTMLElement {
  if (!tipHost || !tipHost.isConnected) {
    tipHost = h('div', { class: 'term-tips', attrs: { 'data-testid': 'term-tips' } });
    document.body.append(tipHost);
    tips.clear();
    installListeners();
  }
  let tip = tips.get(entry.term);
  if (!tip) {
    tipSeq += 1;
    tip = h('div', { id: `term-tip-${tipSeq}`, class: 'term-tip', attrs: { role: 'tooltip', 'data-term': entry.term, 'data-testid': 'term-tip' } });
    tip.hidden = true;
    tipHost.append(tip);
    tips.set(entry.term, tip);
  }
  const lang = currentLanguage();
  if (tip.dataset.lang !== lang) {
    const { expansion, explanation } = localizedEntry(entry, lang);
    tip.dataset.lang = lang;
    replaceChildren(
      tip,
      h('strong', { class: 'term-tip-expansion', text: expansion }),
      h('span', { class: 'sr-only', text: '. ' }),
      h('span', { class: 'term-tip-text', text: explanation }),
      entry.fictional ? h('span', { class: 'term-tip-tag', text: ` ${t('glossary.fictional')}` }) : null,
    );
  }
  return tip;
}

let shownTip: HTMLElement | null = null;
let shownFor: HTMLElement | null = null;
let pinned = false;
let hideTimer: ReturnType<typeof setTimeout> | null = null;

function cancelHide(): void {
  if (hideTimer) clearTimeout(hideTimer);
  hideTimer = null;
}

function hideTip(): void {
  cancelHide();
  if (shownTip) shownTip.hidden = true;
  shownFor?.removeAttribute('data-tip-open');
  shownTip = null;
  shownFor = null;
  pinned = false;
}

function scheduleHide(): void {
  cancelHide();
  hideTimer = setTimeout(() => {
    if (!pinned) hideTip();
  }, 250);
}

function showTip(el: HTMLElement): void {
  cancelHide();
  const entry = byTerm.get(el.dataset.term ?? '');
  if (!entry) return;
  const tip = tipFor(entry);
  if (shownFor === el && shownTip === tip && !tip.hidden) return;
  if (shownTip && shownTip !== tip) shownTip.hidden = true;
  shownFor?.removeAttribute('data-tip-open');
  pinned = false;
  shownTip = tip;
  shownFor = el;
  el.setAttribute('data-tip-open', '');
  tip.hidden = false;
  place(tip, el);
}

/** Puts the tooltip under the term (above it when there is no room), in logical coordinates. */
function place(tip: HTMLElement, el: HTMLElement): void {
  const r = el.getBoundingClientRect();
  const root = document.documentElement;
  const viewW = root.clientWidth;
  const viewH = window.innerHeight;
  const rtl = getComputedStyle(el).direction === 'rtl';
  tip.style.insetInlineStart = '0px';
  tip.style.insetBlockStart = '0px';
  const w = tip.offsetWidth;
  const ht = tip.offsetHeight;
  const margin = 8;
  let start = rtl ? viewW - r.right : r.left;
  start = Math.max(margin, Math.min(start, viewW - margin - w));
  const below = r.bottom + 6;
  const top = below + ht > viewH && r.top - 6 - ht > 0 ? r.top - 6 - ht : below;
  tip.style.insetInlineStart = `${Math.round(start + (rtl ? -window.scrollX : window.scrollX))}px`;
  tip.style.insetBlockStart = `${Math.round(top + window.scrollY)}px`;
}

let listening = false;
function installListeners(): void {
  if (listening) return;
  listening = true;
  const termOf = (target: EventTarget | null): HTMLElement | null => (target instanceof Element ? target.closest<HTMLElement>('[data-term].term') : null);
  document.addEventListener('focusin', (e) => {
    const el = termOf(e.target);
    if (el && el.matches('button')) showTip(el);
  });
  document.addEventListener('focusout', (e) => {
    const el = termOf(e.target);
    if (el && el === shownFor) hideTip();
  });
  document.addEventListener('mouseover', (e) => {
    const el = termOf(e.target);
    if (el) showTip(el);
    else if (shownTip && e.target instanceof Node && shownTip.contains(e.target)) cancelHide();
  });
  document.addEventListener('mouseout', (e) => {
    if (!shownTip || pinned) return;
    const from = e.target instanceof Node ? e.target : null;
    const to = e.relatedTarget instanceof Node ? e.relatedTarget : null;
    const inside = (n: Node | null) => Boolean(n && (shownTip?.contains(n) || shownFor?.contains(n)));
    if (inside(from) && !inside(to)) scheduleHide();
  });
  document.addEventListener('click', (e) => {
    const el = termOf(e.target);
    if (el && el.matches('button')) {
      // Tap or click: pin the tooltip open; a second one closes it.
      if (shownFor === el && pinned) hideTip();
      else {
        showTip(el);
        pinned = true;
      }
      return;
    }
    if (shownTip && !(e.target instanceof Node && shownTip.contains(e.target))) hideTip();
  });
  // Capture phase, and defaultPrevented: Escape closes the tooltip and nothing else (play view).
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && shownTip) {
        e.preventDefault();
        hideTip();
      }
    },
    true,
  );
  window.addEventListener('resize', () => hideTip());
}

// ---- rendering --------------------------------------------------------------------------------------

/**
 * Scenario text with known terms as tooltip buttons (the first occurrence of each term in this
 * text; later ones stay plain, so a paragraph does not fill with tab stops). Use it inside
 * non-interactive elements only.
 */
export function termText(text: string): Child[] {
  if (!inlineTerms.length || !text) return [text];
  const seen = new Set<string>();
  return splitTerms(text, inlineTerms).map((part) => {
    if (typeof part === 'string') return part;
    const entry = byTerm.get(part.term);
    if (!entry || seen.has(part.term)) return part.text;
    seen.add(part.term);
    const tip = tipFor(entry);
    return h('button', {
      class: 'term',
      attrs: { type: 'button', 'data-term': part.term, 'aria-describedby': tip.id, 'data-testid': 'term' },
      text: part.text,
    });
  });
}

/**
 * Scenario text inside an interactive element (an option button), where no control may nest: terms
 * become plain <abbr> elements that show the tooltip on hover, and `describedBy` lists their
 * tooltips for the enclosing control's aria-describedby.
 */
export function staticTermText(text: string): { nodes: Child[]; describedBy: string[] } {
  if (!inlineTerms.length || !text) return { nodes: [text], describedBy: [] };
  const describedBy: string[] = [];
  const nodes = splitTerms(text, inlineTerms).map((part) => {
    if (typeof part === 'string') return part;
    const entry = byTerm.get(part.term);
    if (!entry) return part.text;
    const tip = tipFor(entry);
    if (!describedBy.includes(tip.id)) describedBy.push(tip.id);
    return h('abbr', { class: 'term term-static', attrs: { 'data-term': part.term }, text: part.text });
  });
  return { nodes, describedBy };
}

/** An element whose text is scenario text with its terms marked up (`h(tag, props, ...termText)`). */
export function withTerms<K extends keyof HTMLElementTagNameMap>(tag: K, props: Parameters<typeof h>[1], text: string): HTMLElementTagNameMap[K] {
  return h(tag, props, termText(text));
}

/** The whole glossary as a definition list, in the current language, sorted by term. */
export function glossaryList(entries: readonly GlossaryEntry[]): HTMLElement {
  const lang = currentLanguage();
  const sorted = [...entries].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return h(
    'dl',
    { class: 'glossary-list', attrs: { 'data-testid': 'glossary-list' } },
    sorted.map((e) => {
      const { expansion, explanation } = localizedEntry(e, lang);
      return h(
        'div',
        { class: 'glossary-item', attrs: { 'data-term': e.term } },
        h('dt', null, h('abbr', { class: 'glossary-term', text: e.term }), ' ', h('span', { class: 'glossary-expansion', text: expansion })),
        h('dd', null, explanation, e.fictional ? h('span', { class: 'term-tip-tag', text: ` ${t('glossary.fictional')}` }) : null),
      );
    }),
  );
}

// ---- reaching the glossary section ------------------------------------------------------------------

let focusGlossaryNext = false;
/** Asks the About screen to open at its glossary section (the header's Glossary button). */
export function requestGlossarySection(): void {
  focusGlossaryNext = true;
}
/** Whether the About screen should open at the glossary (consumes the request). */
export function takeGlossarySectionRequest(): boolean {
  const v = focusGlossaryNext;
  focusGlossaryNext = false;
  return v;
}
