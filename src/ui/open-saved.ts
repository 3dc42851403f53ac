/**
 * Reopens a saved session from a list. A facilitated session reopens as the facilitator's console
 * (`?console=<id>`), which brings back its notes, the room's votes and the presenter link; a solo one
 * resumes in this window.
 */
export function openSaved(saved: { id: string; mode: 'solo' | 'facilitated' }, resume: (id: string) => Promise<boolean>): void {
  if (saved.mode === 'facilitated') {
    location.assign(`${location.pathname}?console=${encodeURIComponent(saved.id)}`);
    return;
  }
  void resume(saved.id);
}
