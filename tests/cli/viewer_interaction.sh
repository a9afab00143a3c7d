#!/usr/bin/env bash
# Drives the viewer as a user would, in a real window under Xvfb (scripts/with-xvfb starts it): drag to
# pan, wheel to zoom, right-drag to turn and tilt, H for home, F11 twice, a resize and a
# minimise, then quits with Ctrl+Q. It must survive all of it, with the validation layer clean (exit 0).
set -euo pipefail
bulwark="$1"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
start_viewer --size 800x450
step() { xdotool "$@"; sleep 0.3; kill -0 $pid 2>/dev/null || { cat "$log"; echo "viewer died at: $*"; exit 1; }; }
step key --window "$window" h
# (The panel covers the right of the window: the mouse stays left of it.)
step mousemove --window "$window" 300 250
step mousedown 1
step mousemove --window "$window" 250 230
step mousemove --window "$window" 200 200
step mouseup 1
for _ in 1 2 3 4 5 6; do step click --window "$window" 4; done   # wheel up: zoom in toward the cursor
step mousedown 3
step mousemove --window "$window" 160 180
step mousemove --window "$window" 50 150
step mouseup 3
for _ in 1 2 3; do step click --window "$window" 5; done          # wheel down: zoom out
step key --window "$window" F11
wait_until "fullscreen" geometry_is - - 1280 800
step key --window "$window" F11
wait_until "the window back from fullscreen" geometry_is - - 800 450
step windowsize "$window" 640 360
wait_until "the window resized" geometry_is - - 640 360
step windowminimize "$window"
step windowmap "$window"
wait_until "the picture back after a minimise" window_drawn
quit_viewer
cat "$log"
[[ $status -eq 0 ]] || exit $status
# The mouse really moved the camera: zoomed in (6 steps in, 3 out) and turned.
view="$(sed -n 's/^bulwark: last view --camera //p' "$log")"
IFS=, read -r lon lat range heading tilt <<<"$view"
echo "last view: $view"
awk -v r="$range" -v h="$heading" 'BEGIN { exit !(r < 1500 && h > 1 && h < 359) }' ||
    { echo "the camera did not follow the mouse (range $range km, heading $heading)"; exit 1; }
