/**
 * The facilitator console's own state (facilitated play), beside the main store: what the projector
 * shows (blanked or not, which part of the decision is in the spotlight), whether a presenter window
 * has connected, and which role-private injects the facilitator has revealed on the console. The game
 * itself (log, countdown) stays in the main store; this slice never touches it. Kept in
 * sessionStorage per session, so reloading the console resumes the room as it was.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

export type Spotlight = 'situation' | 'advisers' | 'options' | 'feed';
export const SPOTLIGHT_ORDER: readonly Spotlight[] = ['situation', 'advisers', 'options', 'feed'];

export interface FacilitatedConsoleState {
  sessionId: string;
  blank: boolean;
  spotlight: Spotlight | null;
  /** When a presenter window last said hello (wall-clock ms), or null. */
  presenterSeenAt: number | null;
  /** The pop-up was blocked: the console shows the address to open by hand. */
  popupBlocked: boolean;
  /** Role-private injects the facilitator has revealed (on the console only). */
  revealed: string[];
}

export interface FacilitatedConsoleActions {
  toggleBlank(): void;
  setBlank(blank: boolean): void;
  /** Page Down / Page Up: the next or previous part of the decision (none after the last or before the first). */
  step(direction: 1 | -1): void;
  presenterSeen(at: number): void;
  setPopupBlocked(blocked: boolean): void;
  reveal(injectId: string): void;
}

export type FacilitatedConsoleStore = StoreApi<FacilitatedConsoleState & { actions: FacilitatedConsoleActions }>;

/** What survives a reload of the console. */
interface Kept {
  blank: boolean;
  spotlight: Spotlight | null;
  revealed: string[];
}

export interface KeptStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'mandate.console.';

function readKept(storage: KeptStorage | null, sessionId: string): Kept {
  const none: Kept = { blank: false, spotlight: null, revealed: [] };
  try {
    const raw = storage?.getItem(KEY + sessionId);
    if (!raw) return none;
    const v = JSON.parse(raw) as Partial<Kept>;
    return {
      blank: v.blank === true,
      spotlight: SPOTLIGHT_ORDER.includes(v.spotlight as Spotlight) ? (v.spotlight as Spotlight) : null,
      revealed: Array.isArray(v.revealed) ? v.revealed.filter((x): x is string => typeof x === 'string').slice(0, 200) : [],
    };
  } catch {
    return none;
  }
}

export function createFacilitatedConsoleStore(sessionId: string, storage: KeptStorage | null): FacilitatedConsoleStore {
  const kept = readKept(storage, sessionId);
  const store: FacilitatedConsoleStore = createStore<FacilitatedConsoleState & { actions: FacilitatedConsoleActions }>()((set, get) => ({
    sessionId,
    ...kept,
    presenterSeenAt: null,
    popupBlocked: false,
    actions: {
      toggleBlank: () => set({ blank: !get().blank }),
      setBlank: (blank) => set({ blank }),
      step(direction) {
        // From no highlight, Page Down starts at the first part and Page Up at the last.
        const i = get().spotlight === null ? (direction === 1 ? -1 : SPOTLIGHT_ORDER.length) : SPOTLIGHT_ORDER.indexOf(get().spotlight as Spotlight);
        const next = i + direction;
        set({ spotlight: next < 0 || next >= SPOTLIGHT_ORDER.length ? null : (SPOTLIGHT_ORDER[next] ?? null) });
      },
      presenterSeen: (at) => set({ presenterSeenAt: at }),
      setPopupBlocked: (popupBlocked) => set({ popupBlocked }),
      reveal: (injectId) => {
        if (!get().revealed.includes(injectId)) set({ revealed: [...get().revealed, injectId] });
      },
    },
  }));
  store.subscribe((s, prev) => {
    if (s.blank === prev.blank && s.spotlight === prev.spotlight && s.revealed === prev.revealed) return;
    try {
      storage?.setItem(KEY + sessionId, JSON.stringify({ blank: s.blank, spotlight: s.spotlight, revealed: s.revealed } satisfies Kept));
    } catch {
      // Storage refused: the console keeps working; a reload starts unblanked.
    }
  });
  return store;
}
