#pragma once
// Reads populated places (points with a name and population) from any vector file GDAL opens.
#include "Result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

struct Place {
    std::string name; //!< UTF-8, in the official romanisation (Kyiv, Odesa, Zaporizhzhia)
    double lon = 0, lat = 0;
    std::int64_t population = 0;
    std::string country;  //!< ISO 3166 alpha-2 where known
    bool capital = false; //!< national capital (GeoNames PPLC)
};

//! Reads point features with fields `name` and `population` (optional `country`, `feature_code`
//! or `capital`), reprojected to EPSG:4326, sorted by descending population. Names are mapped to
//! official spellings. Fails with the file and problem when missing, unreadable, without CRS (or with
//! one PROJ does not know), without a `name` field, or without any point feature; and, naming the
//! feature and its layer, on a point that is not a finite lon/lat on the globe or a population that
//! is no count (NaN, infinite, beyond 64 bits).
//! Field names match ignoring case; Natural Earth's `pop_max`, `iso_a2`, `featurecla`/`adm0cap` also
//! count. A missing population reads 0. Only places in Ukraine (country "UA") or of unknown country
//! are respelled, so Odessa, Texas keeps its name.
Result<std::vector<Place>> loadPlaces(const std::filesystem::path& path);

//! Ukraine's official romanisation of a place name GeoNames spells the old way ("Odessa" -> "Odesa").
std::string officialSpelling(const std::string& name);

} // namespace geo
