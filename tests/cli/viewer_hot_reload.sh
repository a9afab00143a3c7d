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
# A good edit: a feature renamed. Written aside and renamed over, as editors save.
sed 's/"Hub Lviv"/"Hub Lviv (moved)"/' "$work/features.geojson" >"$work/features.tmp"
mv "$work/features.tmp" "$work/features.geojson"
wait_until "the edit reloaded" logged "bulwark: reloaded"
# A broken edit: the viewer keeps going on the last good data. (Nothing is logged for a refused
# edit, so this waits the watch's interval, twice over, for something that must not happen.)
echo '{ "type": "FeatureCollection", "features": [ {' >"$work/features.geojson"
sleep 2
viewer_alive || { cat "$log"; echo "viewer died on a broken edit"; exit 1; }
[[ "$(grep -c 'bulwark: reloaded' "$log")" -eq 1 ]] || { cat "$log"; echo "a broken edit was loaded"; exit 1; }
quit_viewer
cat "$log"
exit $status
