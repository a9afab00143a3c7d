#!/usr/bin/env bash
# Presenter mode on a 4K screen (scripts/with-xvfb starts one at 3840x2160), driven as a clicker does:
# `bulwark present --monitor 1` opens fullscreen at native resolution and display scale 2, steps go
# forward with PageDown/Right/Space/Enter and back with PageUp/Left/Backspace, Home and End jump,
# B blacks the screen and W whitens it (checked on the real screen with xwd), Tab hides the panel,
# and the cursor hides when the mouse rests (checked with XFixes).
set -euo pipefail
bulwark="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/viewer_common.sh"
start_viewer present --monitor 1

alive() { kill -0 $pid 2>/dev/null || { cat "$log"; echo "viewer died: $*"; exit 1; }; }
screen() { xwd -root -silent | python3 "$here/screen_stats.py" "$@"; } # prints mean r g b and spread
step_now() { sed -n 's/^bulwark: step \([0-9]* \/ [0-9]*\).*/\1/p' "$log" | tail -n 1; }
at_step() { [[ "$(step_now)" == "$1" ]]; }
press() { # key, then the step the log must reach
    xdotool key --window "$window" "$1"
    wait_until "step $2 after $1 (at step '$(step_now)')" at_step "$2"
}
await() { wait_until "the log line: $1" logged "$1"; } # a line the log must show
mean_grey() { awk '{ printf "%d", ($1 + $2 + $3) / 3 }' <<<"$1"; }
# The screen (or a part of it, as fractions) shows...
shows_picture() { awk '{ exit !($4 > 8) }' <<<"$(screen "$@")"; }               # ...a picture, not a flat colour
shows_black() { (($(mean_grey "$(screen 0 0 1 1)") <= 1)); }                       # ...black all over
shows_white() { (($(mean_grey "$(screen 0 0 1 1)") >= 254)); }                     # ...white all over
shows_other_than() { [[ "$(screen "${@:2}")" != "$1" ]]; }                         # ...something else than before

await "window 3840x2160 fullscreen on monitor 1"
await "display scale 2"
await "step 1 / 6"
# The clicker's keys, forward and back.
press Next "2 / 6"
press Next "3 / 6"
press Prior "2 / 6"
press End "6 / 6"
press Next "6 / 6"
press Home "1 / 6"
press Right "2 / 6"
press space "3 / 6"
press Return "4 / 6"
press Left "3 / 6"
press BackSpace "2 / 6"
wait_until "a picture after the flight" shows_picture 0.3 0.3 0.7 0.7
picture="$(screen 0.3 0.3 0.7 0.7)"
echo "picture: $picture"
[[ "$(awk '{ print ($4 > 8) }' <<<"$picture")" == 1 ]] || { echo "no picture on screen: $picture"; exit 1; }

# B blacks the screen, any step key brings the picture back without moving on; W whitens it.
xdotool key --window "$window" b
await "screen black"
wait_until "a black screen" shows_black
black="$(screen 0 0 1 1)"
echo "black: $black"
(( $(mean_grey "$black") <= 1 )) || { echo "B did not black the screen: $black"; exit 1; }
xdotool key --window "$window" Next
await "screen back"
[[ "$(step_now)" == "2 / 6" ]] || { echo "bringing the picture back moved the step"; exit 1; }
xdotool key --window "$window" w
await "screen white"
wait_until "a white screen" shows_white
white="$(screen 0 0 1 1)"
echo "white: $white"
(( $(mean_grey "$white") >= 254 )) || { echo "W did not whiten the screen: $white"; exit 1; }
xdotool key --window "$window" w
wait_until "the picture back after white" shows_picture 0.3 0.3 0.7 0.7

# Tab hides the panel (top right) and brings it back.
with_panel="$(screen 0.88 0.02 0.99 0.2)"
xdotool key --window "$window" Tab
await "panel hidden"
wait_until "the panel gone from the screen" shows_other_than "$with_panel" 0.88 0.02 0.99 0.2
without_panel="$(screen 0.88 0.02 0.99 0.2)"
echo "panel area with the panel: $with_panel; without: $without_panel"
[[ "$with_panel" != "$without_panel" ]] || { echo "Tab changed nothing on screen"; exit 1; }
xdotool key --window "$window" Tab
await "panel shown"

# Esc stops presenting, as it ends a slide show; F5 starts again from the first step.
xdotool key --window "$window" Escape
await "presenter mode off"
xdotool key --window "$window" F5
started_again() { [[ "$(grep -c 'step 1 / 6' "$log")" -ge 3 ]]; }
wait_until "step 1 again after F5" started_again
[[ "$(step_now)" == "1 / 6" && "$(grep -c 'step 1 / 6' "$log")" -ge 3 ]] || { cat "$log"; echo "F5 did not start again"; exit 1; }

# The cursor shows while the mouse moves and hides once it rests.
xdotool mousemove --sync --window "$window" 1900 1000
sleep 0.5
xdotool mousemove --sync --window "$window" 1920 1020
sleep 0.7
moving="$(python3 "$here/cursor_state.py")"
sleep 4
resting="$(python3 "$here/cursor_state.py")"
echo "cursor while moving: $moving; at rest: $resting"
[[ "$moving" == visible && "$resting" == hidden ]] || { echo "the cursor does not hide at rest"; exit 1; }

quit_viewer
cat "$log"
[[ $status -eq 0 ]] || { echo "exit status $status"; exit $status; }
