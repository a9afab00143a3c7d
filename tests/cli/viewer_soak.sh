#!/usr/bin/env bash
# Soak: the viewer under Xvfb (scripts/with-xvfb starts it) for FRAMES frames (--exit-after) with the
# validation layer on, while a script does what a long briefing does, over and over: resizes,
# scenario keys, hot reloads of an edited features file, scrubbing the tour's timeline, presenter
# steps. It must stay up and exit 0, and its resident memory (/proc/PID/status VmRSS, sampled every
# second) must grow by at most MAX_GROWTH MB from just after WARMUP seconds to the end, each end the
# mean of 10 samples; the least-squares slope after the warm-up is reported too. A negative
# MAX_GROWTH reports without enforcing: ASan's quarantine grows by design. Tiles and the allocator's
# arenas fill for the first minute or two, then the curve is flat; a leak of a tile or a buffer a
# frame would add hundreds of MB.
# Usage: viewer_soak.sh BULWARK ASSETS_DIR FRAMES WARMUP MAX_GROWTH
set -euo pipefail
bulwark="$1"
assets="$2"
frames="$3"
warmup="$4"
max_growth="$5"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/viewer_common.sh"

# The tour names its scenarios as ../scenarios/scenarios.json: keep that layout in the copy.
mkdir -p "$work/scenarios" "$work/tours"
cp "$assets"/scenarios/scenarios.json "$assets"/scenarios/features.geojson "$work/scenarios/"
cp "$assets"/tours/briefing.json "$work/tours/"
features="$work/scenarios/features.geojson"
start=$SECONDS
start_viewer --size 1280x800 --scenarios "$work/scenarios/scenarios.json" --tour "$work/tours/briefing.json" \
    --exit-after "$frames"

( while kill -0 "$pid" 2>/dev/null; do
      rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)"
      [[ -n "$rss" ]] && echo "$((SECONDS - start)) $rss"
      sleep 1
  done ) >"$work/rss" &

running() { kill -0 "$pid" 2>/dev/null; }
act() { running || return 1; xdotool "$@" 2>/dev/null || running || return 1; }
reloads() { grep -c 'bulwark: reloaded' "$log" || true; }
steps() { grep -c 'bulwark: step' "$log" || true; }
wait_for_reload() { # the count of reloads to exceed $1, within 20 s
    for _ in $(seq 1 200); do (($(reloads) > $1)) && return 0; running || return 1; sleep 0.1; done
    cat "$log"; echo "soak: an edit was not reloaded within 20 s"; exit 1
}
cycle=0
drive() {
    while running; do
        cycle=$((cycle + 1))
        # Resizes, ending at the size the tour window was placed for.
        for size in "800 500" "1024 640" "640 400" "1280 800"; do
            act windowsize "$window" $size || return 0
            sleep 0.3
        done
        # Scenario keys: each of the four rungs, and up and down the ladder.
        for key in 1 2 3 4 Up Up Down 2; do act key --window "$window" "$key" || return 0; sleep 0.15; done
        # A hot reload: a feature renamed back and forth, saved as editors save (aside, then renamed).
        before="$(reloads)"
        if ((cycle % 2)); then
            sed 's/"name": "\([^"]*\)"/"name": "\1 (edited)"/' "$features" >"$features.tmp"
        else
            sed 's/ (edited)"/"/g' "$features" >"$features.tmp"
        fi
        mv "$features.tmp" "$features"
        wait_for_reload "$before" || return 0
        # Scrub the tour's timeline: drag its Time slider to and fro.
        act mousemove --window "$window" "$scrub_from" "$scrub_y" || return 0
        act mousedown 1 || return 0
        for x in $(seq "$scrub_from" 25 "$scrub_to") $(seq "$scrub_to" -40 "$scrub_from"); do
            act mousemove --window "$window" "$x" "$scrub_y" || return 0
            sleep 0.03
        done
        act mouseup 1 || return 0
        # Presenter mode: on, a few clicker steps, off. Straight after the slider, with no click on the map:
        # the viewer's keys must not stay with the panel once the slider is let go.
        local steps_before
        steps_before="$(steps)"
        for key in p Next Next Prior End Home Escape; do act key --window "$window" "$key" || return 0; sleep 0.3; done
        if running && (($(steps) <= steps_before)); then
            cat "$log"; echo "soak: presenter keys after scrubbing the timeline were ignored"; exit 1
        fi
    done
}
# The Time slider of the Tour window (placed left of the panel on first use, at 1280x800).
scrub_y=238 scrub_from=585 scrub_to=800
drive
status=0
wait "$pid" || status=$?
sleep 1.2 # the sampler's last round
elapsed=$((SECONDS - start))
echo "soak: $frames frames in ${elapsed} s, $cycle cycles, $(reloads) reloads"
echo "soak: resident kB every 10 s: $(awk 'NR % 10 == 1 { printf "%s ", $2 }' "$work/rss")"
awk -v warmup="$warmup" -v max="$max_growth" '
    { t[NR] = $1; m[NR] = $2 / 1024 }
    END {
        n = 0; sx = sy = sxx = sxy = 0
        for (i = 1; i <= NR; i++) if (t[i] >= warmup) { w[++n] = m[i]; sx += t[i]; sy += m[i]; sxx += t[i] * t[i]; sxy += t[i] * m[i] }
        if (n < 20) { printf "soak: only %d memory samples after %d s of warm-up\n", n, warmup; exit 1 }
        slope = (n * sxy - sx * sy) / (n * sxx - sx * sx) * 60
        for (i = 1; i <= 10; i++) { first += w[i] / 10; last += w[n - 10 + i] / 10 }
        printf "soak: resident memory %.0f MB at start, %.0f MB after %d s of warm-up, %.0f MB at the end (means of 10 samples): %+.0f MB; slope after warm-up %+.2f MB/min over %d samples\n",
               m[1], first, warmup, last, last - first, slope, n
        if (max >= 0 && last - first > max) { printf "soak: memory grew more than %s MB after the warm-up\n", max; exit 1 }
    }' "$work/rss" || memory=$?
[[ $status -eq 0 ]] || { cat "$log"; echo "soak: the viewer exited with $status"; exit 1; }
(($(reloads) >= 2)) || { cat "$log"; echo "soak: fewer than 2 reloads: the run was too short to soak"; exit 1; }
grep -q 'presenter mode off' "$log" || { cat "$log"; echo "soak: presenter mode was never used"; exit 1; }
exit "${memory:-0}"
