# Sourced by the viewer test scripts: start bulwark in the background under the running Xvfb and
# wait for its window to show a picture. Sets $pid, $window and $log; removes $work and stops the
# viewer on exit. The tests wait for conditions (a log line, the window's geometry, pixels on
# screen) up to a deadline, never for a fixed time: a sanitizer build runs several times slower.
work="$(mktemp -d)"
log="$work/log"
here="${here:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}"
# The viewer remembers its window in this file, not in the home of whoever runs the tests.
export BULWARK_CONFIG="$work/viewer.json"
# Seconds any one condition may take before the test fails.
deadline="${BULWARK_TEST_DEADLINE:-60}"

viewer_alive() { kill -0 "$pid" 2>/dev/null; }

# Runs "$@" every 0.1 s until it succeeds; fails the test saying `what` after $deadline seconds or
# when the viewer is gone.
wait_until() { # what, command...
    local what="$1" end=$((SECONDS + deadline))
    shift
    until "$@" >/dev/null 2>&1; do
        viewer_alive || { cat "$log"; echo "viewer exited while waiting for: $what"; exit 1; }
        ((SECONDS < end)) || { cat "$log"; echo "waited ${deadline} s for: $what"; exit 1; }
        sleep 0.1
    done
}

logged() { grep -q -- "$1" "$log"; }
geometry_is() { # X Y W H of $window as the X server has it (either may be "-": any)
    local g
    g="$(xdotool getwindowgeometry "$window")" || return 1
    [[ "$1" == - ]] || grep -q "Position: $1,$2 " <<<"$g" || return 1
    [[ "$3" == - ]] || grep -q "Geometry: $3x$4\$" <<<"$g"
}
# The window shows a picture: something other than one flat colour.
window_drawn() {
    local stats
    stats="$(xwd -id "$window" -silent | python3 "$here/screen_stats.py" 0 0 1 1)" || return 1
    awk '{ exit !($4 > 4) }' <<<"$stats"
}

start_viewer() { # arguments pass to bulwark
    "$bulwark" "$@" >"$log" 2>&1 &
    pid=$!
    # Continued first: a viewer a test stopped (SIGSTOP) would not end on SIGTERM.
    trap 'kill -CONT $pid 2>/dev/null || true; kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
    window=""
    find_window() { window="$(xdotool search --onlyvisible --name '^Bulwark$' 2>/dev/null | head -n 1)" && [[ -n "$window" ]]; }
    wait_until "the viewer's window" find_window
    wait_until "the viewer's first picture" window_drawn
}

# Ctrl+Q, and the viewer's exit status in $status (the viewer must close by itself).
quit_viewer() {
    xdotool key --window "$window" ctrl+q
    local end=$((SECONDS + deadline))
    while viewer_alive && ((SECONDS < end)); do sleep 0.1; done
    viewer_alive && { cat "$log"; echo "the viewer did not close within ${deadline} s"; exit 1; }
    status=0
    wait "$pid" || status=$?
}

# The workbench on a copy of the default scenarios in $work/s ($assets set by the test): the viewer looking at
# CAMERA (--camera), the panel hidden (Tab) so the scene is clear, edit mode on (E) and the Edit window, at the top
# left, laid out (its buttons take clicks from then on).
start_workbench() { # camera
    mkdir "$work/s"
    cp "$assets"/scenarios/scenarios.json "$assets"/scenarios/features.geojson "$work/s/"
    start_viewer --size 1280x800 --scenarios "$work/s/scenarios.json" --scenario paris-framework --camera "$1"
    edit_mode_on
}

# The panel hidden (Tab) so the scene is clear, edit mode on (E), and the Edit window laid out.
edit_mode_on() {
    xdotool key --window "$window" Tab
    xdotool key --window "$window" e
    wait_until "the Edit window" logged "bulwark: edit window ready"
}

# A click at X Y in the window, its press and release apart so that the viewer sees both.
click() { xdotool mousemove --sync --window "$window" "$1" "$2"; sleep 0.2; xdotool mousedown 1; sleep 0.25; xdotool mouseup 1; sleep 0.3; }
