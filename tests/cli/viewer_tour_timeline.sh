#!/usr/bin/env bash
# The tour timeline in the viewer: keyframes added from the view make the tour unsaved, and then
# closing the window (Ctrl+Q) asks instead of quitting, so the work is not lost.
set -euo pipefail
bulwark="$1"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
start_viewer --size 1280x800 --tour "$work/new-tour.json"
click() { xdotool mousemove --sync --window "$window" "$1" "$2"; sleep 0.2; xdotool mousedown 1; sleep 0.25; xdotool mouseup 1; sleep 0.4; }
# "Add from view", at the top of the Tour window (left of the panel, placed there on first use).
click 628 95
click 628 95
xdotool key --window "$window" ctrl+q
# Nothing is logged when closing is held back: this waits, twice over, for an exit that must not come.
sleep 2
viewer_alive || { cat "$log"; echo "the viewer closed with unsaved tour changes, without asking"; exit 1; }
[[ ! -e "$work/new-tour.json" ]] || { echo "the tour was saved without being asked to"; exit 1; }
echo "closing was held back: the unsaved tour is still open"
