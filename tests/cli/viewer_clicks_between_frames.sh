#!/usr/bin/env bash
# Clicks and drags made between two frames still count, where they were made: the viewer is stopped
# (SIGSTOP) while the UK hub at Zhytomyr is dragged east and let go, the palette's Station is clicked and a
# station placed in Romania; started again, it handles them all in one go, as it must on a slow machine or
# a stalled frame (before its input was event-driven, all of it was lost). Saved, the file has the hub east
# of where it was and the station in Romania. Then F11 and a click on the palette's Hub in one stalled frame:
# the frame goes to making the window fullscreen, and the click waits for the next.
set -euo pipefail
bulwark="$1"
assets="$2"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
start_workbench 28.658,50.254,3000,0,0 # straight down on the hub: it is at the centre of the window

kill -STOP "$pid"
xdotool mousemove --sync --window "$window" 640 400
xdotool mousedown 1
for x in $(seq 700 60 1000); do xdotool mousemove --sync --window "$window" "$x" 400; done
xdotool mouseup 1
xdotool mousemove --sync --window "$window" 263 199 # the palette's Station
xdotool click 1
xdotool mousemove --sync --window "$window" 590 540 # Bacău, Romania
xdotool click 1
kill -CONT "$pid"

wait_until "the station placed" logged "bulwark: added station-new-1"

kill -STOP "$pid"
xdotool key --window "$window" F11
xdotool mousemove --sync --window "$window" 97 173 # the palette's Hub
xdotool click 1
xdotool mousemove --sync --window "$window" 590 540
xdotool click 1
kill -CONT "$pid"
wait_until "the hub placed after F11 in the same frame" logged "bulwark: added hub-new-1"

xdotool key --window "$window" ctrl+s
wait_until "saved" logged "bulwark: saved"
cat "$log"
place() { ogrinfo -ro -q "$work/s/features.geojson" -where "id = '$1'" features |
    sed -n 's/.*POINT (\([-0-9.]*\) \([-0-9.]*\).*/\1 \2/p' | head -n 1; }
read -r lon lat < <(place hub-gb-zhytomyr)
echo "the hub is at $lon $lat"
awk -v lon="$lon" 'BEGIN { exit !(lon > 30) }' || { echo "the hub was not dragged east of 28.66 E: $lon"; exit 1; }
read -r lon lat < <(place station-new-1)
country="$(ogrinfo -ro -q "$assets/vector/borders.gpkg" -dialect SQLite \
    -sql "SELECT iso_a3 FROM countries WHERE ST_Intersects(geom, MakePoint($lon, $lat, 4326))")"
grep -q "iso_a3 (String) = ROU" <<<"$country" || { echo "the station at $lon $lat is not in Romania: $country"; exit 1; }
