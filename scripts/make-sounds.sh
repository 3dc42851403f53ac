#!/usr/bin/env bash
# Regenerates the project's own sound cues in assets/audio/ with SoX (synth only, no samples).
# Output: mono, 22050 Hz, Ogg Vorbis. Licence of the results: made by the project, CC0.
# Requires: sox with Ogg Vorbis support (Debian/Ubuntu: apt-get install -y sox libsox-fmt-all).
# -R makes SoX's noise generator repeatable, so the audio content is the same on every run
# (the Ogg container's serial number may still differ).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/assets/audio"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

command -v sox >/dev/null || { echo "sox not found (apt-get install -y sox libsox-fmt-all)" >&2; exit 1; }

FMT=(-r 22050 -c 1)   # every intermediate and output file: mono, 22050 Hz
Q=(-C 3)              # Vorbis quality for the short cues
S=(sox -R -V1)

# inject — two-tone notification (A5 then D6), ~0.5 s
"${S[@]}" -n "${FMT[@]}" "$TMP/inject-a.wav" synth 0.20 sine 880 sine mix 1760 fade q 0.005 0.20 0.10 gain -n -3 pad 0 0.02
"${S[@]}" -n "${FMT[@]}" "$TMP/inject-b.wav" synth 0.28 sine 1175 sine mix 2350 fade q 0.005 0.28 0.20 gain -n -3
"${S[@]}" "$TMP/inject-a.wav" "$TMP/inject-b.wav" "${Q[@]}" "$OUT/inject.ogg" gain -n -4

# timer-warning — four soft pulses (B5 over B4, 4 per second), ~1 s
"${S[@]}" -n "${FMT[@]}" "$TMP/tick.wav" synth 0.09 sine 988 sine mix 494 fade q 0.004 0.09 0.07 pad 0 0.16
"${S[@]}" "$TMP/tick.wav" "${Q[@]}" "$OUT/timer-warning.ogg" repeat 3 gain -n -5

# decision — soft plucked confirmation (E5 then B5, overlapping), ~0.3 s
"${S[@]}" -n "${FMT[@]}" "$TMP/dec-a.wav" synth 0.30 pluck E5 fade q 0 0.30 0.20
"${S[@]}" -n "${FMT[@]}" "$TMP/dec-b.wav" synth 0.22 pluck B5 fade q 0 0.22 0.16 pad 0.08 0
"${S[@]}" -m "$TMP/dec-a.wav" "$TMP/dec-b.wav" "${Q[@]}" "$OUT/decision.ogg" gain -n -6

# consequence — low muted tone (G3 with a soft sub-octave), low-passed, ~0.6 s
"${S[@]}" -n "${FMT[@]}" "${Q[@]}" "$OUT/consequence.ogg" \
  synth 0.60 sine 196 triangle mix 98 lowpass 500 fade q 0.02 0.60 0.40 gain -n -5

# ending — calm resolved chord (C major: C4 E4 G4 C5), slow swell and long release, ~2 s
"${S[@]}" -n "${FMT[@]}" "${Q[@]}" "$OUT/ending.ogg" \
  synth 2.0 sine 261.63 sine mix 329.63 sine mix 392.00 sine mix 523.25 \
  lowpass 2000 fade q 0.15 2.0 1.3 gain -n -5

# ambience — quiet room tone / distant wind, a seamless 10 s loop.
# Filtered brown + pink noise, 11 s long. The first 1 s is cross-faded (equal power) with the
# extra 1 s past the loop point, so the end of the loop runs straight into its start. A slow
# swell with a 10 s period (exactly one cycle per loop) is applied to the finished loop.
L=10; X=1
"${S[@]}" -n "${FMT[@]}" "$TMP/amb-raw.wav" synth $((L + X)) brownnoise pinknoise mix \
  highpass 40 lowpass 450 gain -n -3
"${S[@]}" "$TMP/amb-raw.wav" "$TMP/amb-head.wav" trim 0 $X fade q $X
"${S[@]}" "$TMP/amb-raw.wav" "$TMP/amb-tail.wav" trim $L $X fade q 0 $X $X
"${S[@]}" "$TMP/amb-raw.wav" "$TMP/amb-body.wav" trim $X $((L - X))
"${S[@]}" -m -v 1 "$TMP/amb-head.wav" -v 1 "$TMP/amb-tail.wav" "$TMP/amb-xfade.wav"
"${S[@]}" "$TMP/amb-xfade.wav" "$TMP/amb-body.wav" "$TMP/amb-loop.wav"
"${S[@]}" "$TMP/amb-loop.wav" -C 1 "$OUT/ambience.ogg" tremolo 0.1 25 gain -n -6

for f in inject timer-warning decision consequence ending ambience; do
  printf '%-16s %6.2f s %7d bytes\n' "$f.ogg" "$(soxi -D "$OUT/$f.ogg")" "$(stat -c %s "$OUT/$f.ogg")"
done
