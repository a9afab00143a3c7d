#!/usr/bin/env bash
# The workbench as a new user tries it, on a copy of the default scenarios: E for edit mode, drag the UK
# hub at Zhytomyr toward Kharkiv until the 150 km rule breaks (the Edit window lists it, and the log with
# it), Ctrl+Z and the warning clears, add a station in Romania from the palette, measure a range and
# bearing (M and two clicks), Ctrl+S; then the saved
# file, read back with GDAL, holds the station in Romania and `bulwark validate` passes on it.
set -euo pipefail
bulwark="$1"
assets="$2"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
# Looking straight down on the hub, so it is at the centre of the window; the panel hidden so the way east is clear.
start_workbench 28.658,50.254,3000,0,0
rules_broken() { [[ "$(sed -n 's/^bulwark: \([0-9]*\) planning rule(s) broken$/\1/p' "$log" | tail -n 1)" == "$1" ]]; }

# Drag the hub east, a step at a time, until the rule breaks.
xdotool mousemove --sync --window "$window" 640 400
sleep 0.2
xdotool mousedown 1
sleep 0.3
x=640
until logged "rule broken: hub-gb-zhytomyr: geometry: .* km from the line of contact"; do
    ((x < 1200)) || { cat "$log"; echo "dragged the hub to x=$x and no rule broke"; exit 1; }
    x=$((x + 10))
    xdotool mousemove --sync --window "$window" "$x" 400
    sleep 0.15
done
xdotool mouseup 1
wait_until "one rule broken" rules_broken 1
wait_until "the unsaved mark" logged "bulwark: unsaved edits"
echo "the 150 km rule broke with the hub dragged to x=$x"

xdotool key --window "$window" ctrl+z
wait_until "the warning cleared by undo" rules_broken 0
wait_until "nothing unsaved after undo" logged "bulwark: no unsaved edits"

# A station from the palette ("Station", in the Edit window), placed in Romania (Bacău), then saved.
click 263 199
click 590 540
wait_until "the station added" logged "bulwark: added station-new-1"
# Range and bearing between two clicks on the ground (M), west to east over Belarus: about 90 degrees.
xdotool key --window "$window" m
click 700 250
click 800 250
wait_until "a range and bearing" logged "bulwark: measured Range"
grep "bulwark: measured" "$log" | awk '{ for (i = 1; i <= NF; ++i) if ($i == "bearing") b = $(i + 1) + 0 } END { exit !(b > 80 && b < 100) }' ||
    { cat "$log"; echo "the bearing from west to east is not about 90 degrees"; exit 1; }
xdotool key --window "$window" ctrl+s
wait_until "saved" logged "bulwark: saved"
quit_viewer # nothing unsaved: it closes without asking
cat "$log"
[[ $status -eq 0 ]] || exit $status

# Read back with GDAL: the station is there, in Romania; every other feature too.
station="$(ogrinfo -ro -q "$work/s/features.geojson" -where "id = 'station-new-1'" features)"
echo "$station"
read -r lon lat < <(sed -n 's/.*POINT (\([-0-9.]*\) \([-0-9.]*\).*/\1 \2/p' <<<"$station" | head -n 1)
[[ -n "$lon" ]] || { echo "the saved file has no station-new-1"; exit 1; }
country="$(ogrinfo -ro -q "$assets/vector/borders.gpkg" -dialect SQLite \
    -sql "SELECT iso_a3 FROM countries WHERE ST_Intersects(geom, MakePoint($lon, $lat, 4326))")"
grep -q "iso_a3 (String) = ROU" <<<"$country" || { echo "the station at $lon $lat is not in Romania: $country"; exit 1; }
before="$(ogrinfo -ro -so "$assets/scenarios/features.geojson" features | sed -n 's/^Feature Count: //p')"
after="$(ogrinfo -ro -so "$work/s/features.geojson" features | sed -n 's/^Feature Count: //p')"
[[ "$after" -eq $((before + 1)) ]] || { echo "saved $after features, expected $before + 1"; exit 1; }
"$bulwark" validate "$work/s/scenarios.json"
