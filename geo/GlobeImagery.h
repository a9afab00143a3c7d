#pragma once
// The default imagery of the whole globe: NASA's Blue Marble as the Debian package marble-qt-data
// installs it (a 2700 x 1350 JPEG of the world in plate carrée, public domain, without
// georeferencing), opened as a tile source georeferenced to -180..180, -90..90.
#include "geo/Result.h"
#include "geo/TileSource.h"

#include <filesystem>
#include <memory>

namespace geo {

//! Where marble-qt-data installs the Blue Marble.
inline const std::filesystem::path kBlueMarblePath = "/usr/share/marble/data/maps/earth/bluemarble/bluemarble.jpg";

//! `image` (a whole-world plate carrée picture) as an image tile source; fails naming the file.
Result<std::shared_ptr<const TileSource>> openGlobeImagery(const std::filesystem::path& image);

} // namespace geo
