/**
 * Presentation-clicker keys in facilitated play: Page Down / Page Up step the room's attention
 * through the decision, B blanks the projector (as in slide software). Keys typed into a field or a
 * dialog are left alone.
 */
import type { ClickerKey } from './sync';

export function clickerKey(event: KeyboardEvent): ClickerKey | null {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target as HTMLElement | null;
  if (target?.closest?.('textarea, input, select, [contenteditable="true"], dialog')) return null;
  if (event.key === 'PageDown') return 'next';
  if (event.key === 'PageUp') return 'previous';
  if (event.key === 'b' || event.key === 'B' || event.key === '.') return 'blank';
  return null;
}

/** An id for one window (not a secret; it only tells windows apart on the sync channel). */
export function randomId(): string {
  const a = new Uint8Array(6);
  globalThis.crypto.getRandomValues(a);
  return [...a].map((b) => b.toString(16).padStart(2, '0')).join('');
}
