/**
 * Drives the sound cues from store changes, and always shows a caption (muted or not). Howler is
 * loaded only after the player's first gesture, so the first screen never waits for it and audio
 * settings are applied only after a user action.
 */
import type { TimelineEntry } from '../engine';
import type { CueName, MandateStore, MandateStoreState, Settings } from '../store';
import type { AudioCues } from '../audio/audio-cues';

const CUE_OF: Partial<Record<TimelineEntry['kind'], Exclude<CueName, 'ambience'>>> = {
  inject: 'inject',
  consequence: 'consequence',
  overlean: 'consequence',
  decision: 'decision',
  timeout: 'decision',
  ending: 'ending',
};

export function connectAudio(store: MandateStore, baseUrl: string): () => void {
  let cues: AudioCues | null = null;
  let loading: Promise<void> | null = null;
  let gestured = false;
  let ambienceOn = false;
  const caption = (cue: CueName) => store.getState().actions.addCaption(cue);

  const wanted = (s: MandateStoreState): Settings['sound'] => ({
    ...s.settings.sound,
    ambience: s.settings.sound.ambience && s.screen === 'play' && !s.snapshot?.done,
  });

  function applySettings(s: MandateStoreState): void {
    const sound = wanted(s);
    const ambience = sound.ambience && !sound.muted && sound.volume > 0;
    if (ambience && !ambienceOn) caption('ambience');
    ambienceOn = ambience;
    if (cues && gestured) cues.setSettings(sound);
  }

  function ensureAudio(): void {
    if (loading) return;
    loading = import('../audio/audio-cues')
      .then((m) => {
        cues = m.createAudioCues({ baseUrl, onCaption: caption, settings: wanted(store.getState()) });
        applySettings(store.getState());
      })
      .catch(() => {
        // No audio module (offline chunk missing…): captions still work.
      });
  }

  const onGesture = () => {
    if (gestured) return;
    gestured = true;
    ensureAudio();
  };
  window.addEventListener('pointerdown', onGesture, { capture: true });
  window.addEventListener('keydown', onGesture, { capture: true });

  function cue(name: Exclude<CueName, 'ambience'>): void {
    if (cues && gestured) cues.play(name);
    else caption(name);
  }

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.settings.sound !== prev.settings.sound || s.screen !== prev.screen || s.snapshot?.done !== prev.snapshot?.done) applySettings(s);
    if (s.session && s.session === prev.session && s.snapshot && prev.snapshot && s.snapshot !== prev.snapshot) {
      const fresh = s.snapshot.context.timeline.slice(prev.snapshot.context.timeline.length);
      const names = new Set<Exclude<CueName, 'ambience'>>();
      for (const e of fresh) {
        const name = CUE_OF[e.kind];
        if (name) names.add(name);
      }
      // One cue per kind and change, the most telling last.
      for (const name of ['decision', 'inject', 'consequence', 'ending'] as const) if (names.has(name)) cue(name);
    }
    if (s.countdown?.warned && prev.countdown && !prev.countdown.warned && s.countdown.nodeId === prev.countdown.nodeId) cue('timer-warning');
  });

  return () => {
    unsubscribe();
    window.removeEventListener('pointerdown', onGesture, { capture: true });
    window.removeEventListener('keydown', onGesture, { capture: true });
    cues?.dispose();
  };
}
