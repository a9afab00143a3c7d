#pragma once
// Saving edited scenario features back into their GeoJSON file, so QGIS users and Bulwark users share one
// file: features that did not change keep their JSON as it was, every property Bulwark does not know
// stays, and the file is replaced by write-then-rename (a full disk leaves it untouched).
// (The scenario document of issue 11 saves GeoPackages too, through GDAL; this is the viewer's GeoJSON path.)
#include "geo/Result.h"
#include "geo/Scenario.h"

namespace geo {

//! True when two features say the same in every field Bulwark reads.
bool sameFeature(const ScenarioFeature& a, const ScenarioFeature& b);

//! Writes `set.features`, in order, into `set.featuresFile` (GeoJSON). `saved` is what the file held
//! when read (or last saved): features equal to theirs there are copied through untouched; changed and
//! new ones get Bulwark's properties and geometry written over whatever else they carry; features not in
//! `set` are left out. Fails, changing nothing, on a GeoPackage, an unreadable file or a write error.
Result<bool> saveScenarioFeatures(const ScenarioSet& set, const std::vector<ScenarioFeature>& saved);

} // namespace geo
