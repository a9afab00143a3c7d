#!/usr/bin/env bash
# Drawing and measuring in the workbench, on a copy of the default scenarios: E for edit mode; a line from the
# palette (two clicks, Enter) is measured at once, and its profile's highest point lies on the DEM; a polygon
# (four clicks, Enter) reads out its area; a vertex dragged changes the saved polygon, Ctrl+Z puts it back;
# GDAL finds the saved polygon with the area the viewer read out (geodesic, on the ellipsoid).
set -euo pipefail
bulwark="$1"
assets="$2"
source "$(dirname "${BASH_SOURCE[0]}")/viewer_common.sh"
start_workbench 30.5,49.3,400,0,0 # straight down on central Ukraine
saves() { grep -c "^bulwark: saved" "$log" || true; }
saved_count() { [[ "$(saves)" == "$1" ]]; }
fail() { cat "$log"; echo "$1"; exit 1; }
feature() { ogrinfo -ro -q -dialect SQLite -sql "SELECT $2 AS v FROM features WHERE id = '$1'" "$work/s/features.geojson" |
    sed -n 's/^ *v ([A-Za-z]*) = //p'; }

# A line ("Line" in the Edit window's Draw row): measured as it is added, with its terrain profile.
click 126 223
click 800 550
click 1150 650
xdotool key --window "$window" Return
wait_until "the line added" logged "bulwark: added corridor-new-1"
wait_until "the line's profile" logged "bulwark: profile Highest"
read -r height lon lat < <(sed -n 's/^bulwark: profile Highest \([-0-9]*\) m at [0-9.]* km (\([-0-9.]*\) E, \([-0-9.]*\) N)$/\1 \2 \3/p' "$log" | tail -n 1)
[[ -n "$lat" ]] || fail "no highest point in the profile's log line"
# The terrain there (the viewer samples region.tif bilinearly) lies between the four DEM cells around the point.
dem="$assets/dem/region.tif"
read -r px py < <(gdallocationinfo -geoloc "$dem" "$lon" "$lat" | sed -n 's/.*Location: (\([0-9]*\)P,\([0-9]*\)L).*/\1 \2/p')
[[ -n "$py" ]] || fail "the highest point $lon $lat is not on $dem"
cells=()
for dx in -1 0 1; do for dy in -1 0 1; do cells+=("$(gdallocationinfo -valonly "$dem" $((px + dx)) $((py + dy)))"); done; done
awk -v h="$height" -v c="${cells[*]}" 'BEGIN { n = split(c, v, " "); lo = v[1]; hi = v[1]
    for (i = 2; i <= n; ++i) { if (v[i] < lo) lo = v[i]; if (v[i] > hi) hi = v[i] }
    exit !(h >= lo - 1 && h <= hi + 1) }' || fail "the profile's highest point, $height m at $lon $lat, is not the DEM's (${cells[*]})"
echo "the profile's highest point: $height m at $lon $lat (DEM cells around it: ${cells[*]})"

# A polygon, four clicks and Enter: its area is read out at once.
click 247 223
for corner in "700 250" "950 250" "950 420" "700 420"; do click $corner; done
xdotool key --window "$window" Return
wait_until "the polygon added" logged "bulwark: added monitoring_zone-new-1"
wait_until "the polygon's area" logged "bulwark: measured monitoring_zone-new-1: Area"
area="$(sed -n 's/^bulwark: measured monitoring_zone-new-1: Area \([0-9.]*\) km².*/\1/p' "$log" | tail -n 1)"
echo "the viewer read out $area km²"

# The corner at 950,420 dragged (the polygon is selected: its vertices have handles), saved: the file has it moved.
xdotool mousemove --sync --window "$window" 950 420
sleep 0.2
xdotool mousedown 1
sleep 0.3
for x in 970 990 1010 1030 1050; do xdotool mousemove --sync --window "$window" "$x" 480; sleep 0.15; done
xdotool mouseup 1
sleep 0.3
xdotool key --window "$window" ctrl+s
wait_until "saved with the vertex moved" saved_count 1
moved="$(feature monitoring_zone-new-1 'ST_Area(geometry, 1) / 1e6')"
awk -v a="$area" -v m="$moved" 'BEGIN { exit !(m > a * 1.05) }' || fail "dragging a corner out left the area at $moved km² (was $area)"
# Ctrl+Z takes the whole drag back; saved again, GDAL finds the polygon as drawn, with the area read out.
xdotool key --window "$window" ctrl+z
xdotool key --window "$window" ctrl+s
wait_until "saved after undo" saved_count 2
quit_viewer # nothing unsaved: it closes without asking
cat "$log"
[[ $status -eq 0 ]] || exit $status
drawn="$(feature monitoring_zone-new-1 'ST_Area(geometry, 1) / 1e6')"
points="$(feature monitoring_zone-new-1 'ST_NPoints(geometry)')"
echo "GDAL reads the saved polygon: $points points, $drawn km²"
[[ "$points" == 5 ]] || fail "the saved polygon has $points points, not 4 corners and the closing one"
# SpatiaLite's area on the ellipsoid (lwgeom's) and GeographicLib's agree to about 2e-5.
awk -v a="$area" -v d="$drawn" 'BEGIN { exit !(d > 0 && (a - d) / d < 1e-4 && (d - a) / d < 1e-4) }' ||
    fail "the viewer read out $area km², GDAL finds $drawn km²"
