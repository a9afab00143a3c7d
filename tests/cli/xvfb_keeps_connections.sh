#!/usr/bin/env bash
# The test display (scripts/with-xvfb starts it) takes every connection, also one made as the last
# client leaves: 4 clients side by side connect and leave 200 times each, as the viewer tests do
# when a quick xdotool query is followed by the viewer opening its window. An Xvfb that resets when
# its last client leaves drops some of them (64 in 1200 here without -noreset).
set -euo pipefail
failed=0
for client in 1 2 3 4; do
    (
        for _ in $(seq 200); do xdotool getdisplaygeometry >/dev/null 2>&1 || echo lost; done
    ) >"${TMPDIR:-/tmp}/xvfb_keeps_connections.$$.$client" &
done
wait
for client in 1 2 3 4; do
    f="${TMPDIR:-/tmp}/xvfb_keeps_connections.$$.$client"
    failed=$((failed + $(grep -c lost "$f" || true)))
    rm -f "$f"
done
echo "connections lost on $DISPLAY: $failed of 800"
[[ "$failed" -eq 0 ]]
