#pragma once
// The terrain profile along a path as the Measure window plots it: elevation against distance
// (ImGui::PlotLines), the highest point marked with its height and distance.
#include "geo/Measure.h"

#include <string>
#include <vector>

namespace app {

//! The heights at `count` evenly spaced distances from the start to the end of `profile` (linear between its
//! samples, which are evenly spaced but for the vertices): what the plot draws, left to right.
std::vector<float> profileValues(const geo::TerrainProfile& profile, int count = 200);

//! "Highest 1234 m at 45.6 km (30.12345 E, 50.12345 N)"; empty for a profile without samples.
std::string highestText(const geo::TerrainProfile& profile);

//! Draws `values` (profileValues of `profile`) `width` points wide, with the highest sample marked.
void drawProfilePlot(const geo::TerrainProfile& profile, const std::vector<float>& values, float width);

} // namespace app
