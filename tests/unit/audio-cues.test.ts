import { beforeEach, describe, expect, it, vi } from 'vitest';

const mock = vi.hoisted(() => {
  interface FakeOptions {
    src: string[];
    loop?: boolean;
    volume?: number;
    html5?: boolean;
    preload?: boolean;
    onloaderror?: (id: number, err: unknown) => void;
    onplayerror?: (id: number, err: unknown) => void;
  }
  class FakeHowl {
    static instances: FakeHowl[] = [];
    /** When set, the constructor throws (simulates howler blowing up without an audio device). */
    static throwOnCreate = false;
    readonly options: FakeOptions;
    isPlaying = false;
    readonly play = vi.fn(() => {
      this.isPlaying = true;
      return 1;
    });
    readonly stop = vi.fn(() => {
      this.isPlaying = false;
      return this;
    });
    readonly unload = vi.fn(() => null);
    readonly volume = vi.fn(() => this);
    readonly playing = vi.fn(() => this.isPlaying);
    readonly once = vi.fn(() => this);
    constructor(options: FakeOptions) {
      if (FakeHowl.throwOnCreate) throw new Error('no audio device');
      this.options = options;
      FakeHowl.instances.push(this);
    }
    /** Test helper: fire the load-error callback as howler would. */
    failLoad(): void {
      this.options.onloaderror?.(0, 'Decoding audio data failed.');
    }
  }
  const Howler = { mute: vi.fn(), volume: vi.fn(), unload: vi.fn() };
  return { FakeHowl, Howler };
});

vi.mock('howler', () => ({ Howl: mock.FakeHowl, Howler: mock.Howler }));

import { createAudioCues, type AudioSettings, type CueId } from '../../src/audio/audio-cues';

const { FakeHowl, Howler } = mock;
const ON: AudioSettings = { muted: false, volume: 0.8, ambience: false };

function setup(settings: AudioSettings = ON) {
  const captions: CueId[] = [];
  const cues = createAudioCues({ baseUrl: '/base/', onCaption: (c) => captions.push(c), settings });
  return { cues, captions };
}

function howlFor(cue: CueId) {
  return FakeHowl.instances.find((h) => h.options.src[0] === `/base/assets/audio/${cue}.ogg`);
}

beforeEach(() => {
  FakeHowl.instances = [];
  FakeHowl.throwOnCreate = false;
  Howler.mute.mockReset();
  Howler.volume.mockReset();
});

describe('audio cues', () => {
  it('loads nothing and leaves Howler alone until first used', () => {
    setup({ ...ON, ambience: true });
    expect(FakeHowl.instances).toHaveLength(0);
    expect(Howler.mute).not.toHaveBeenCalled();
  });

  it('plays a cue lazily from baseUrl, with Web Audio and preload, and captions it', () => {
    const { cues, captions } = setup();
    cues.play('inject');
    const h = howlFor('inject');
    expect(h).toBeDefined();
    expect(h?.options.html5).toBe(false);
    expect(h?.options.preload).toBe(true);
    expect(h?.play).toHaveBeenCalledTimes(1);
    expect(captions).toEqual(['inject']);
    cues.play('inject');
    expect(FakeHowl.instances).toHaveLength(1); // reused
  });

  it('fires captions even when muted, without playing sound', () => {
    const { cues, captions } = setup({ ...ON, muted: true });
    cues.play('decision');
    cues.play('timer-warning');
    expect(captions).toEqual(['decision', 'timer-warning']);
    for (const h of FakeHowl.instances) expect(h.play).not.toHaveBeenCalled();
    expect(Howler.mute).toHaveBeenLastCalledWith(true);
  });

  it('applies Howler.mute and Howler.volume on settings change', () => {
    const { cues } = setup();
    cues.setSettings({ muted: true, volume: 0.5, ambience: false });
    expect(Howler.mute).toHaveBeenLastCalledWith(true);
    expect(Howler.volume).toHaveBeenLastCalledWith(0.5);
    cues.setSettings({ muted: false, volume: 7, ambience: false });
    expect(Howler.mute).toHaveBeenLastCalledWith(false);
    expect(Howler.volume).toHaveBeenLastCalledWith(1); // clamped
  });

  it('starts and stops the ambience loop at a quarter of the volume', () => {
    const { cues } = setup();
    cues.setSettings({ ...ON, ambience: true });
    const amb = howlFor('ambience');
    expect(amb?.options.loop).toBe(true);
    expect(amb?.options.volume).toBe(0.25);
    expect(amb?.play).toHaveBeenCalledTimes(1);
    expect(amb?.isPlaying).toBe(true);

    cues.setSettings({ ...ON, ambience: true, volume: 0.4 }); // already playing: not restarted
    expect(amb?.play).toHaveBeenCalledTimes(1);

    cues.setSettings({ ...ON, ambience: true, muted: true }); // muted stops it
    expect(amb?.stop).toHaveBeenCalled();
    expect(amb?.isPlaying).toBe(false);

    cues.setSettings({ ...ON, ambience: true });
    expect(amb?.isPlaying).toBe(true);

    cues.setSettings({ ...ON, ambience: false });
    expect(amb?.isPlaying).toBe(false);
  });

  it('starts ambience from the initial settings on first play', () => {
    const { cues } = setup({ ...ON, ambience: true });
    cues.play('inject');
    expect(howlFor('ambience')?.isPlaying).toBe(true);
  });

  it('does not throw on a Howl load error, keeps captions, and does not retry that file', () => {
    const { cues, captions } = setup();
    cues.play('consequence');
    const h = howlFor('consequence');
    expect(() => h?.failLoad()).not.toThrow();
    expect(h?.unload).toHaveBeenCalled();
    expect(() => cues.play('consequence')).not.toThrow();
    expect(FakeHowl.instances).toHaveLength(1);
    expect(captions).toEqual(['consequence', 'consequence']);
  });

  it('does not throw when howler itself throws (no audio device)', () => {
    FakeHowl.throwOnCreate = true;
    Howler.mute.mockImplementation(() => {
      throw new Error('no AudioContext');
    });
    const { cues, captions } = setup({ ...ON, ambience: true });
    expect(() => cues.play('ending')).not.toThrow();
    expect(() => cues.setSettings({ ...ON, ambience: true })).not.toThrow();
    expect(captions).toEqual(['ending']);
  });

  it('dispose unloads everything; captions still work afterwards', () => {
    const { cues, captions } = setup({ ...ON, ambience: true });
    cues.play('inject');
    cues.play('ending');
    cues.dispose();
    expect(FakeHowl.instances).toHaveLength(3);
    for (const h of FakeHowl.instances) expect(h.unload).toHaveBeenCalled();
    cues.play('decision');
    expect(FakeHowl.instances).toHaveLength(3);
    expect(captions).toEqual(['inject', 'ending', 'decision']);
  });
});
