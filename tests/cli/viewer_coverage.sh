#!/usr/bin/env bash
# Coverage of the selected site in the viewer: E, click the UK hub at Zhytomyr, C; its coverage is swept and
# logged; drag the hub east and the coverage follows it (a sweep from where it was let go); Ctrl+Z puts the
# hub back and the coverage with it.
set -euo pipefail
bulwark="$1"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
# Straight down on the hub, so it is at the centre of the window; the panel hidden (Tab).
start_viewer --size 1280x800 --scenario paris-framework --camera 28.658,50.254,3000,0,0
edit_mode_on
click 640 400 # the hub, selected
xdotool key --window "$window" c
wait_until "coverage on" logged "bulwark: coverage on"
wait_until "the hub's coverage" logged "bulwark: coverage of hub-gb-zhytomyr at 28.6580,50.2540: "
# Dragged east a step at a time: each step asks for a new sweep; the last is where the hub was let go.
xdotool mousemove --sync --window "$window" 640 400; sleep 0.2; xdotool mousedown 1; sleep 0.3
for x in $(seq 650 10 720); do xdotool mousemove --sync --window "$window" "$x" 400; sleep 0.1; done
xdotool mouseup 1
wait_until "the unsaved mark" logged "bulwark: unsaved edits"
east() { sed -n 's/^bulwark: coverage of hub-gb-zhytomyr at \([0-9.]*\),.*/\1/p' "$log" | tail -n 1 | awk '{ exit !($1 > 29) }'; }
wait_until "the coverage swept from the hub dragged east" east
xdotool key --window "$window" ctrl+z
wait_until "nothing unsaved after undo" logged "bulwark: no unsaved edits"
back() { [[ "$(grep -c 'bulwark: coverage of hub-gb-zhytomyr at 28.6580,50.2540: ' "$log")" -ge 2 ]]; }
wait_until "the coverage back with the hub" back
quit_viewer
cat "$log"
[[ $status -eq 0 ]]
