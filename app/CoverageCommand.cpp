// `bulwark coverage`: the area a site sees over the terrain, as polygons (GeoJSON) or a mask (GeoTIFF).
#include "app/Commands.h"
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

struct CoverageOptions {
    std::vector<double> site;
    double antennaAgl = 0, targetAgl = 0, targetAmsl = 0, rangeKm = 0, refraction = geo::kStandardRefraction;
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
    auto o = std::make_shared<CoverageOptions>();
    CLI::App* c = cli.add_subcommand(
        "coverage", "The area a site sees at a target height, out to a range: line of sight over the DEM on an "
                    "Earth whose radius standard refraction stretches by 4/3 (the radar horizon). Writes the area "
                    "seen as polygons (.geojson) or a mask (.tif: 1 seen, 0 hidden, 255 beyond the range)");
    c->add_option("--site", o->site, "The antenna's place, LON,LAT in degrees")
        ->required()
        ->delimiter(',')
        ->expected(2)
        ->check(finiteWithin(-180, 180));
    c->add_option("--height-agl", o->antennaAgl, "The antenna's height above the ground, metres")
        ->required()
        ->check(finiteWithin(0, geo::kMaxCoverageHeightM));
    CLI::Option* agl = c->add_option("--target-agl", o->targetAgl, "The target's height above the ground, metres")
                           ->check(finiteWithin(0, geo::kMaxCoverageHeightM));
    CLI::Option* amsl =
        c->add_option("--target-amsl", o->targetAmsl, "Or the target's height above sea level (an aircraft), metres")
            ->check(finiteWithin(geo::kMinHeightM, geo::kMaxCoverageHeightM));
    agl->excludes(amsl);
    c->add_option("--range-km", o->rangeKm, "How far to look, km (more than 0, at most 2000)")
        ->required()
        ->check(finiteWithin(0, geo::kMaxCoverageRangeM / 1000));
    c->add_option("--dem", o->dem,
                  "Elevation raster GDAL opens, any CRS; the site must lie on it. Rays leaving it continue over "
                  "the Europe and globe bases [default: assets/dem/region.tif]");
    c->add_option("--out", o->out, "File to write: FILE.geojson (polygons) or FILE.tif (a mask)")->required();
    c->add_option("--refraction", o->refraction,
                  "k of the effective Earth radius k*R: 4/3 is standard refraction, 1 none (the geometric horizon)")
        ->check(finiteWithin(0.1, 100));
    c->add_option("--rays", o->rays, "Azimuths to sweep [default: as many as the DEM's cells at the range need]")
        ->check(CLI::Range(8, 65536));
    return [o, c, agl, amsl]() -> int {
        if (!c->parsed()) return -1;
        const auto format = geo::coverageFormatFor(o->out);
        if (!format) throw UsageError(o->out + ": unknown kind of file for coverage (expected .geojson or .tif)");
        if (agl->count() == 0 && amsl->count() == 0)
            throw UsageError("--target-agl or --target-amsl: the target's height is needed");
        geo::checkOutputPath(o->out); // an unwritable target fails before the terrain is read
        geo::CoverageRequest request;
        request.site = {o->site.at(0), o->site.at(1)};
        request.antennaAglM = o->antennaAgl;
        request.targetAboveSea = amsl->count() > 0;
        request.targetM = request.targetAboveSea ? o->targetAmsl : o->targetAgl;
        request.rangeM = o->rangeKm * 1000;
        request.refraction = o->refraction;

        const fs::path assets = assetsDir();
        geo::Terrain terrain; // finest first: the DEM asked for, then the bases rays may run onto
        terrain.addLayer(orFail(geo::loadDem(o->dem.empty() ? assets / "dem/region.tif" : fs::path(o->dem))));
        if (const auto refused = geo::checkCoverage(terrain, request)) throw UsageError(refused->message());
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
                    100 * fan.coveredFraction(), o->rangeKm, written,
                    *format == geo::CoverageFormat::GeoJson ? (written == 1 ? "polygon" : "polygons") : "cells seen",
                    o->out.c_str(), millisecondsSince(start));
        return 0;
    };
}

} // namespace app
