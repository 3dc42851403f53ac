/**
 * Sound cues (howler), always paired with a caption.
 *
 * - `play(cue)` plays a short cue and ALWAYS reports it through `onCaption`, muted or not:
 *   captions are for everyone, and they keep working when audio does not.
 * - Nothing touches Howler or loads audio at construction. The module becomes "active" on the
 *   first `play()` or `setSettings()` call (both expected to follow a player action); only then are
 *   Howler's global mute/volume applied and Howl instances created (lazily, one per cue, on first use).
 *   Howler unlocks the AudioContext itself on the first click/keydown/touch.
 * - Audio failures (no device, load or play errors, howler throwing) are swallowed; a cue whose file
 *   fails to load is not retried.
 * - Volume is Howler's master volume; the ambience loop plays at 0.25 of it, and only while enabled
 *   and not muted.
 */
import { Howl, Howler } from 'howler';

export type CueId = 'inject' | 'timer-warning' | 'decision' | 'consequence' | 'ending' | 'ambience';

export interface AudioSettings {
  muted: boolean;
  /** 0..1 */
  volume: number;
  ambience: boolean;
}

export interface AudioCues {
  /** Plays the cue (unless muted) and always calls onCaption(cue). Never throws on audio failure. */
  play(cue: Exclude<CueId, 'ambience'>): void;
  /** Applies Howler.mute / Howler.volume and starts or stops the ambience loop. */
  setSettings(s: AudioSettings): void;
  /** Stops and unloads every sound this module created. */
  dispose(): void;
}

export interface AudioCuesOptions {
  /** Base URL of the site, ending in '/', e.g. import.meta.env.BASE_URL. */
  baseUrl: string;
  onCaption: (cue: CueId) => void;
  settings: AudioSettings;
}

/** Relative gain of the ambience loop (multiplied by the master volume). */
export const AMBIENCE_GAIN = 0.25;

export const CUE_IDS: readonly CueId[] = [
  'inject',
  'timer-warning',
  'decision',
  'consequence',
  'ending',
  'ambience',
];

export function cueUrl(baseUrl: string, cue: CueId): string {
  return `${baseUrl}assets/audio/${cue}.ogg`;
}

function clampVolume(v: number): number {
  if (!Number.isFinite(v)) return 1;
  return Math.min(1, Math.max(0, v));
}

function normalise(s: AudioSettings): AudioSettings {
  return { muted: Boolean(s.muted), volume: clampVolume(s.volume), ambience: Boolean(s.ambience) };
}

function attempt(fn: () => void): void {
  try {
    fn();
  } catch {
    // Audio is optional: no device, blocked context, decode failure… captions carry on.
  }
}

export function createAudioCues(opts: AudioCuesOptions): AudioCues {
  const { baseUrl, onCaption } = opts;
  let settings = normalise(opts.settings);
  let active = false;
  let disposed = false;
  const howls = new Map<CueId, Howl>();
  const failed = new Set<CueId>();
  /** True while the ambience loop should be sounding (enabled, not muted, active). */
  let ambienceWanted = false;

  function getHowl(cue: CueId): Howl | undefined {
    if (disposed || failed.has(cue)) return undefined;
    const existing = howls.get(cue);
    if (existing) return existing;
    let howl: Howl | undefined;
    attempt(() => {
      const isAmbience = cue === 'ambience';
      howl = new Howl({
        src: [cueUrl(baseUrl, cue)],
        format: ['ogg'],
        html5: false,
        preload: true,
        loop: isAmbience,
        volume: isAmbience ? AMBIENCE_GAIN : 1,
        onloaderror: () => {
          failed.add(cue);
          const h = howls.get(cue);
          howls.delete(cue);
          if (h) attempt(() => h.unload());
        },
        onplayerror: () => {
          // Usually a locked AudioContext: retry the loop once audio is unlocked. Short cues are
          // not replayed late — their caption has already been shown.
          if (!isAmbience) return;
          const h = howls.get(cue);
          if (!h) return;
          attempt(() => {
            h.once('unlock', () => {
              if (ambienceWanted && !disposed && !h.playing()) attempt(() => h.play());
            });
          });
        },
      });
    });
    if (howl) howls.set(cue, howl);
    return howl;
  }

  function applyGlobals(): void {
    attempt(() => Howler.volume(settings.volume));
    attempt(() => Howler.mute(settings.muted));
  }

  function updateAmbience(): void {
    const want = active && !disposed && settings.ambience && !settings.muted && settings.volume > 0;
    ambienceWanted = want;
    if (want) {
      const h = getHowl('ambience');
      if (!h) return;
      attempt(() => {
        h.volume(AMBIENCE_GAIN);
        if (!h.playing()) h.play();
      });
    } else {
      const h = howls.get('ambience');
      if (h) attempt(() => h.stop());
    }
  }

  function activate(): void {
    if (active || disposed) return;
    active = true;
    applyGlobals();
    updateAmbience();
  }

  return {
    play(cue) {
      attempt(() => {
        activate();
        if (disposed || settings.muted || settings.volume <= 0) return;
        const h = getHowl(cue);
        if (!h) return;
        h.stop(); // restart rather than stack the same cue
        h.play();
      });
      onCaption(cue);
    },

    setSettings(s) {
      if (disposed) return;
      settings = normalise(s);
      if (!active) {
        activate();
        return;
      }
      applyGlobals();
      updateAmbience();
    },

    dispose() {
      if (disposed) return;
      disposed = true;
      ambienceWanted = false;
      for (const h of howls.values()) {
        attempt(() => h.stop());
        attempt(() => h.unload());
      }
      howls.clear();
    },
  };
}
