# Sourced by the viewer test scripts: start bulwark in the background under the running Xvfb and
# wait for its window. Sets $pid, $window and $log; removes $work and stops the viewer on exit.
work="$(mktemp -d)"
log="$work/log"
# The viewer remembers its window in this file, not in the home of whoever runs the tests.
export BULWARK_CONFIG="$work/viewer.json"

start_viewer() { # arguments pass to bulwark
    "$bulwark" "$@" >"$log" 2>&1 &
    pid=$!
    trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
    window=""
    for _ in $(seq 1 100); do
        window="$(xdotool search --name '^Bulwark$' 2>/dev/null | head -n 1 || true)"
        [[ -n "$window" ]] && break
        kill -0 $pid 2>/dev/null || { cat "$log"; echo "viewer exited before its window opened"; exit 1; }
        sleep 0.2
    done
    [[ -n "$window" ]] || { cat "$log"; echo "no viewer window"; exit 1; }
    sleep 1
}
