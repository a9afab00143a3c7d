#!/usr/bin/env bash
# Monitors and the window's memory, under Xvfb (scripts/with-xvfb starts a 1920x1080 screen):
# `bulwark monitors` lists the screen with its resolution and scale; a window moved and closed opens
# where it was next time; one closed fullscreen opens fullscreen; --monitor 2 on one monitor is a
# clear error (exit 2); a damaged settings file is a warning, and the window still opens.
set -euo pipefail
bulwark="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/viewer_common.sh"

monitors="$("$bulwark" monitors)"
echo "$monitors"
grep -q '^1: .* 1920x1080 @[0-9]* Hz at 0,0, scale 1.00, .*(primary)' <<<"$monitors" || { echo "monitor 1 not listed"; exit 1; }
grep -q 'display scale 1.00' <<<"$monitors" || { echo "display scale not listed"; exit 1; }

status=0
"$bulwark" --monitor 2 --exit-after 1 >"$work/bad" 2>&1 || status=$?
cat "$work/bad"
[[ $status -eq 2 ]] && grep -q -- '--monitor 2: this display has 1 monitor' "$work/bad" ||
    { echo "--monitor 2 on one monitor: expected exit 2 and a message, got $status"; exit 1; }

quit() {
    quit_viewer
    [[ $status -eq 0 ]] || { cat "$log"; echo "the viewer exited with $status"; exit 1; }
}

# Moved and resized, then closed: remembered.
start_viewer --size 640x360
xdotool windowmove "$window" 300 200
xdotool windowsize "$window" 720 400
wait_until "the window moved and resized" geometry_is 300 200 720 400
quit
cat "$BULWARK_CONFIG"
python3 - "$BULWARK_CONFIG" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))["window"]
assert (w["x"], w["y"], w["width"], w["height"], w["fullscreen"]) == (300, 200, 720, 400, False), w
PY
start_viewer
geometry="$(xdotool getwindowgeometry "$window")"
echo "$geometry"
grep -q 'Position: 300,200' <<<"$geometry" && grep -q 'Geometry: 720x400' <<<"$geometry" ||
    { cat "$log"; echo "the window did not open where it was"; exit 1; }

# Closed fullscreen: opens fullscreen on the same monitor.
xdotool key --window "$window" F11
wait_until "fullscreen" geometry_is 0 0 1920 1080
quit
start_viewer
grep -q 'window 1920x1080 fullscreen on monitor 1' "$log" || { cat "$log"; echo "not fullscreen again"; exit 1; }
quit

# A damaged settings file: a warning naming it, and the default window.
echo '{"window": {"x": "left"' >"$BULWARK_CONFIG"
start_viewer --size 640x360
grep -q "warning: $BULWARK_CONFIG: .*using the default window" "$log" || { cat "$log"; echo "no warning"; exit 1; }
grep -q 'window 640x360 on monitor 1' "$log" || { cat "$log"; echo "default window not opened"; exit 1; }
quit
cat "$log"
