#!/usr/bin/env bash
# Hot reload, as an analyst does it: the viewer runs on a copy of a scenario set; saving an edited
# features file reloads it within a second or two; saving a broken one keeps the last good data
# and the viewer goes on; then it quits cleanly (validation layer on, exit 0).
set -euo pipefail
bulwark="$1"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
scenarios="$2"
cp "$scenarios"/scenarios.json "$scenarios"/features.geojson "$work/"
start_viewer --size 640x360 --scenarios "$work/scenarios.json"
wait_for() { # text in the log, within 10 s
    for _ in $(seq 1 50); do grep -q "$1" "$log" && return 0; sleep 0.2; done
    cat "$log"; echo "never saw: $1"; exit 1
}
# A good edit: a feature renamed. Written aside and renamed over, as editors save.
sed 's/"Hub Lviv"/"Hub Lviv (moved)"/' "$work/features.geojson" >"$work/features.tmp"
mv "$work/features.tmp" "$work/features.geojson"
wait_for "bulwark: reloaded"
# A broken edit: the viewer keeps going on the last good data.
echo '{ "type": "FeatureCollection", "features": [ {' >"$work/features.geojson"
sleep 2
kill -0 $pid 2>/dev/null || { cat "$log"; echo "viewer died on a broken edit"; exit 1; }
[[ "$(grep -c 'bulwark: reloaded' "$log")" -eq 1 ]] || { cat "$log"; echo "a broken edit was loaded"; exit 1; }
xdotool key --window "$window" ctrl+q
status=0
wait $pid || status=$?
cat "$log"
exit $status
