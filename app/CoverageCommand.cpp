// `bulwark coverage`: the area a site sees over the terrain, as polygons (GeoJSON) or a mask (GeoTIFF).
#include "app/Commands.h"
#include "app/CoverageOptions.h"
#include "app/UsageError.h"
#include "geo/Coverage.h"
#include "geo/CoverageFile.h"
#include "geo/DemLoader.h"
#include "geo/OutputFile.h"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

namespace app {

namespace {

namespace fs = std::filesystem;

struct Options {
    CoverageOptions coverage;
    std::string dem, out;
    int rays = 0;
};

geo::HeightGrid orFail(geo::Result<geo::HeightGrid> dem) {
    if (!dem) throw UsageError(dem.failure().message());
    return std::move(dem).value();
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

Command addCoverageCommand(CLI::App& cli) {
    auto o = std::make_shared<Options>();
    CLI::App* c = cli.add_subcommand(
        "coverage", "The area a site sees at a target height, out to a range: line of sight over the DEM on an "
                    "Earth whose radius standard refraction stretches by 4/3 (the radar horizon). Writes the area "
                    "seen as polygons (.geojson) or a mask (.tif: 1 seen, 0 hidden, 255 beyond the range)");
    o->coverage.addTo(*c, "--site", "The antenna's place, LON,LAT in degrees", true);
    c->add_option("--dem", o->dem,
                  "Elevation raster GDAL opens, any CRS; the site must lie on it. Rays leaving it continue over "
                  "the Europe and globe bases [default: assets/dem/region.tif]");
    c->add_option("--out", o->out, "File to write: FILE.geojson (polygons) or FILE.tif (a mask)")->required();
    c->add_option("--rays", o->rays, "Azimuths to sweep [default: as many as the DEM's cells at the range need]")
        ->check(CLI::Range(8, 65536));
    return [o, c]() -> int {
        if (!c->parsed()) return -1;
        const auto format = geo::coverageFormatFor(o->out);
        if (!format) throw UsageError(o->out + ": unknown kind of file for coverage (expected .geojson or .tif)");
        const geo::CoverageRequest request = o->coverage.request();
        geo::checkOutputPath(o->out); // an unwritable target fails before the terrain is read

        const fs::path assets = assetsDir();
        geo::Terrain terrain; // finest first: the DEM asked for, then the bases rays may run onto
        terrain.addLayer(orFail(geo::loadDem(o->dem.empty() ? assets / "dem/region.tif" : fs::path(o->dem))));
        o->coverage.check(terrain, request);
        terrain.addLayer(orFail(geo::loadDem(assets / "dem/europe.tif")));
        terrain.addLayer(orFail(geo::loadDem(assets / "dem/globe.tif")));

        std::vector<geo::CoverageDetail> levels = geo::coverageLevels(terrain, request);
        if (o->rays > 0) levels = {{o->rays, levels.back().stepM}};
        geo::CoverageFan fan;
        for (const geo::CoverageDetail& level : levels) { // coarse to fine, as the viewer refines it
            const auto start = std::chrono::steady_clock::now();
            fan = geo::computeCoverage(terrain, request, level);
            std::printf("sweep: %d rays x %d samples every %.0f m: %.1f ms\n", level.rays, fan.samples, level.stepM,
                        millisecondsSince(start));
        }
        const auto start = std::chrono::steady_clock::now();
        const size_t written = geo::writeCoverage(fan, o->out, *format);
        std::printf("bulwark coverage: %.0f%% of the area within %.0f km seen; %zu %s to %s (%.0f ms)\n",
                    100 * fan.coveredFraction(), request.rangeM / 1000, written,
                    *format == geo::CoverageFormat::GeoJson ? (written == 1 ? "polygon" : "polygons") : "cells seen",
                    o->out.c_str(), millisecondsSince(start));
        return 0;
    };
}

} // namespace app
