#include "geo/CoverageFile.h"

#include "GdalOutput.h"
#include "GdalSession.h"
#include "geo/OutputFile.h"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <stdexcept>

namespace geo {

namespace fs = std::filesystem;

CoverageMask coverageMask(const CoverageFan& fan) {
    const CoverageRequest& r = fan.request;
    const GeographicLib::Geodesic& earth = GeographicLib::Geodesic::WGS84();
    // The bounding box of the range's circle, from the four points due north, east, south and west
    // (and the pole, where the circle holds one); a cell's margin all round.
    double north = -90, south = 90, east = r.site.x, west = r.site.x;
    for (const double azimuth : {0.0, 90.0, 180.0, 270.0}) {
        double lat = 0, lon = 0;
        earth.Direct(r.site.y, r.site.x, azimuth, r.rangeM, lat, lon);
        north = std::max(north, lat), south = std::min(south, lat);
        if (azimuth == 90.0) east = r.site.x + std::fabs(std::remainder(lon - r.site.x, 360.0));
        if (azimuth == 270.0) west = r.site.x - std::fabs(std::remainder(lon - r.site.x, 360.0));
    }
    CoverageMask mask;
    mask.dLat = fan.detail.stepM / (M_PI / 180.0 * meanRadiusAt(r.site.y));
    mask.dLon = mask.dLat / std::max(0.05, std::cos(r.site.y * M_PI / 180.0));
    const bool pole = north >= 89.9 || south <= -89.9;
    if (pole) west = r.site.x - 180, east = r.site.x + 180;
    mask.north = std::min(90.0, north + mask.dLat), mask.west = west - mask.dLon;
    mask.width = int(std::ceil((east + mask.dLon - mask.west) / mask.dLon));
    mask.height = int(std::ceil((mask.north - std::max(-90.0, south - mask.dLat)) / mask.dLat));
    mask.cells.assign(size_t(mask.width) * mask.height, CoverageMask::kBeyondRange);
    for (int j = 0; j < mask.height; ++j) {
        const double lat = mask.north - (j + 0.5) * mask.dLat;
        for (int i = 0; i < mask.width; ++i) {
            const double lon = mask.west + (i + 0.5) * mask.dLon;
            double distance = 0, azimuth = 0, azimuthThere = 0;
            earth.Inverse(r.site.y, r.site.x, lat, lon, distance, azimuth, azimuthThere);
            if (distance > r.rangeM) continue;
            mask.cells[size_t(j) * mask.width + i] =
                fan.visibleAt(azimuth, distance) ? CoverageMask::kSeen : CoverageMask::kUnseen;
        }
    }
    return mask;
}

std::optional<CoverageFormat> coverageFormatFor(const fs::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".geojson" || ext == ".json") return CoverageFormat::GeoJson;
    if (ext == ".tif" || ext == ".tiff") return CoverageFormat::GeoTiff;
    return std::nullopt;
}

namespace {

void describe(GDALDataset& dataset, const CoverageMask& mask) {
    double transform[6] = {mask.west, mask.dLon, 0, mask.north, 0, -mask.dLat};
    const OGRSpatialReference wgs84 = lonLatWgs84();
    if (dataset.SetGeoTransform(transform) != CE_None || dataset.SetSpatialRef(&wgs84) != CE_None)
        throw std::runtime_error("cannot georeference the mask");
}

void writeBand(GDALDataset& dataset, const CoverageMask& mask) {
    GDALRasterBand* band = dataset.GetRasterBand(1);
    band->SetNoDataValue(CoverageMask::kBeyondRange);
    if (band->RasterIO(GF_Write, 0, 0, mask.width, mask.height, const_cast<std::uint8_t*>(mask.cells.data()),
                       mask.width, mask.height, GDT_Byte, 0, 0) != CE_None)
        throw std::runtime_error("cannot write the mask");
}

void addField(OGRLayer& layer, const char* name, OGRFieldType type) {
    OGRFieldDefn field(name, type);
    if (layer.CreateField(&field) != OGRERR_NONE) throw std::runtime_error(std::string("cannot create field ") + name);
}

//! The seen cells traced into polygons (GDALPolygonize, in memory), one feature per connected area, each
//! saying what was asked.
size_t polygonize(GDALDataset& out, const CoverageMask& mask, const CoverageFan& fan) {
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    GdalDatasetPtr raster(memory->Create("", mask.width, mask.height, 1, GDT_Byte, nullptr));
    GdalDatasetPtr traced(GetGDALDriverManager()->GetDriverByName("Memory")->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    if (!raster || !traced) throw std::runtime_error("cannot hold the mask in memory");
    describe(*raster, mask);
    CoverageMask seenOnly = mask; // the band masks itself: only seen cells (1) become polygons
    for (std::uint8_t& c : seenOnly.cells) c = c == CoverageMask::kSeen;
    writeBand(*raster, seenOnly);
    raster->GetRasterBand(1)->DeleteNoDataValue();
    OGRLayer* areas = traced->CreateLayer("areas", nullptr, wkbPolygon, nullptr);
    if (!areas) throw std::runtime_error("cannot trace the area seen");
    addField(*areas, "seen", OFTInteger);
    GDALRasterBand* band = raster->GetRasterBand(1);
    if (GDALPolygonize(band, band, OGRLayer::ToHandle(areas), 0, nullptr, nullptr, nullptr) != CE_None)
        throw std::runtime_error("cannot trace the area seen");

    OGRSpatialReference wgs84 = lonLatWgs84();
    OGRLayer* layer = out.CreateLayer("coverage", &wgs84, wkbPolygon, nullptr);
    if (!layer) throw std::runtime_error("cannot create the coverage layer");
    const CoverageRequest& r = fan.request;
    const std::pair<const char*, double> fields[] = {{"site_lon", r.site.x},           {"site_lat", r.site.y},
                                                     {"antenna_agl_m", r.antennaAglM}, {"target_m", r.targetM},
                                                     {"range_km", r.rangeM / 1000},    {"refraction_k", r.refraction}};
    for (const auto& [name, value] : fields) addField(*layer, name, OFTReal);
    addField(*layer, "target_above", OFTString);
    size_t count = 0;
    for (auto& area : *areas) {
        OGRFeature f(layer->GetLayerDefn());
        for (const auto& [name, value] : fields) f.SetField(name, value);
        f.SetField("target_above", r.targetAboveSea ? "sea level" : "ground");
        f.SetGeometry(area->GetGeometryRef());
        if (layer->CreateFeature(&f) != OGRERR_NONE) throw std::runtime_error("cannot write a polygon");
        ++count;
    }
    return count;
}

} // namespace

size_t writeCoverage(const CoverageFan& fan, const fs::path& out, CoverageFormat format) {
    checkOutputPath(out); // before the mask is computed
    const CoverageMask mask = coverageMask(fan);
    size_t count = 0;
    if (format == CoverageFormat::GeoTiff) {
        const GdalOutputSpec spec{"GTiff", {"COMPRESS=DEFLATE"}, mask.width, mask.height, 1, GDT_Byte};
        writeGdalOutput(out, spec, [&](GDALDataset& d) {
            describe(d, mask);
            writeBand(d, mask);
        });
        count = size_t(std::count(mask.cells.begin(), mask.cells.end(), CoverageMask::kSeen));
    } else {
        writeGdalOutput(out, {"GeoJSON", {}}, [&](GDALDataset& d) { count = polygonize(d, mask, fan); });
    }
    return count;
}

} // namespace geo
