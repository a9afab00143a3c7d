#include "VectorLoader.h"

#include "GdalSession.h"
#include "LonLat.h"

#include <gdal_alg.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

namespace geo {

namespace {

//! Attribute names that carry a country's ISO 3166 alpha-3 code or its name, in order of preference.
//! Natural Earth writes "-99" in ISO_A3 where it has no code (France, Norway, Kosovo): ADM0_A3 then answers.
const std::vector<std::string> kIsoFields = {"iso_a3", "iso3", "iso_3", "adm0_a3", "gu_a3", "sov_a3"};
//! "admin" before "name": in Natural Earth's admin-1 layer "name" is the province, "admin" the country.
const std::vector<std::string> kNameFields = {"admin", "name", "name_en", "name_long", "country", "cntry_name"};

bool equalsIgnoringCase(const std::string& a, const std::string& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

//! First non-empty, meaningful value among the fields named like `names`.
std::string firstValue(const OGRFeature& feature, const std::vector<std::string>& names) {
    for (const std::string& name : names) {
        const int field = findField(*feature.GetDefnRef(), {name});
        if (field < 0 || !feature.IsFieldSetAndNotNull(field)) continue;
        std::string value = feature.GetFieldAsString(field);
        if (!value.empty() && value != "-99") return value;
    }
    return {};
}

std::vector<glm::dvec2> toPoints(const OGRSimpleCurve& curve) {
    std::vector<glm::dvec2> points(curve.getNumPoints());
    for (int i = 0; i < curve.getNumPoints(); ++i) points[i] = {curve.getX(i), curve.getY(i)};
    return points;
}

//! Adds the geometry's lines and polygon rings to `lines`, and its polygons to `polygons`.
void collect(const OGRGeometry& geometry, std::vector<std::vector<glm::dvec2>>& lines, std::vector<Polygon>& polygons) {
    if (geometry.IsEmpty()) return;
    if (geometry.hasCurveGeometry()) { // arcs (CircularString, CurvePolygon...) become line segments
        std::unique_ptr<OGRGeometry> linear(geometry.getLinearGeometry());
        if (linear && !linear->hasCurveGeometry()) collect(*linear, lines, polygons);
        return;
    }
    switch (wkbFlatten(geometry.getGeometryType())) {
    case wkbLineString:
    case wkbLinearRing: lines.push_back(toPoints(*geometry.toLineString())); break;
    case wkbPolygon: {
        Polygon polygon;
        for (const OGRLinearRing* ring : *geometry.toPolygon()) {
            if (ring->IsEmpty()) continue;
            polygon.rings.push_back(toPoints(*ring));
            lines.push_back(polygon.rings.back());
        }
        if (!polygon.rings.empty()) polygons.push_back(std::move(polygon));
        break;
    }
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const OGRGeometry* part : *geometry.toGeometryCollection()) collect(*part, lines, polygons);
        break;
    default: // points, TINs: nothing to draw as a line
        break;
    }
}

//! Adds polygons to the country with this code (or, without a code, to a new one).
void addCountry(std::vector<Country>& countries, std::string iso3, std::string name, std::vector<Polygon> polygons) {
    auto same = std::find_if(countries.begin(), countries.end(),
                             [&](const Country& c) { return !iso3.empty() && c.iso3 == iso3; });
    if (same == countries.end()) {
        countries.push_back(Country{std::move(iso3), std::move(name), std::move(polygons)});
        return;
    }
    std::move(polygons.begin(), polygons.end(), std::back_inserter(same->polygons));
}

//! What one layer held: features with geometry, and how many of those were points.
struct LayerCount {
    size_t withGeometry = 0, points = 0;
};

//! The first point of `lines` (from line `from` on) that is not a finite lon/lat on the globe.
std::optional<glm::dvec2> firstPointOffTheGlobe(const std::vector<std::vector<glm::dvec2>>& lines, size_t from) {
    for (size_t i = from; i < lines.size(); ++i)
        for (const glm::dvec2& p : lines[i])
            if (!isLonLat(p.x, p.y)) return p;
    return std::nullopt;
}

bool isPointGeometry(const OGRGeometry& geometry) {
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    return type == wkbPoint || type == wkbMultiPoint;
}

//! Reads one layer into `out`; fails on a feature that cannot be reprojected or lies off the globe.
Result<LayerCount> readLayer(const GdalSession& gdal, const std::filesystem::path& path, OGRLayer& layer,
                             VectorLayer& out) {
    auto toWgs84 = transformToWgs84(gdal, path, layer);
    if (!toWgs84) return toWgs84.failure();
    LayerCount count;
    layer.ResetReading();
    while (OGRFeatureUniquePtr feature{layer.GetNextFeature()}) {
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) continue;
        if (geometry->transform(toWgs84.value().get()) != OGRERR_NONE)
            return gdal.fail(path, featureName(*feature, layer) + " cannot be reprojected to EPSG:4326");
        ++count.withGeometry;
        count.points += isPointGeometry(*geometry);
        std::vector<Polygon> polygons;
        const size_t firstLine = out.lines.size();
        collect(*geometry, out.lines, polygons); // every polygon ring is among the lines too
        if (const auto bad = firstPointOffTheGlobe(out.lines, firstLine))
            return Failure{path.string(),
                           featureName(*feature, layer) + " has the point " + offTheGlobe(bad->x, bad->y)};
        if (polygons.empty()) continue;
        std::string iso3 = firstValue(*feature, kIsoFields), name = firstValue(*feature, kNameFields);
        if (!iso3.empty() || !name.empty())
            addCountry(out.countries, std::move(iso3), std::move(name), std::move(polygons));
    }
    return count;
}

std::string layerNames(GDALDataset& dataset) {
    std::string names;
    for (OGRLayer* layer : dataset.GetLayers()) names += (names.empty() ? "" : ", ") + std::string(layer->GetName());
    return names.empty() ? "none" : names;
}

std::unique_ptr<OGRPolygon> toOgr(const Polygon& polygon) {
    auto result = std::make_unique<OGRPolygon>();
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3) continue;
        OGRLinearRing ogrRing;
        for (const glm::dvec2& p : ring) ogrRing.addPoint(p.x, p.y);
        ogrRing.closeRings();
        result->addRing(&ogrRing);
    }
    return result;
}

} // namespace

const Country* VectorLayer::find(const std::string& iso3) const {
    auto it = std::find_if(countries.begin(), countries.end(),
                           [&](const Country& c) { return !c.iso3.empty() && equalsIgnoringCase(c.iso3, iso3); });
    return it == countries.end() ? nullptr : &*it;
}

Result<VectorLayer> loadVectors(const std::filesystem::path& path, const std::string& layerName) {
    GdalSession gdal;
    auto opened = gdal.open(path, GDAL_OF_VECTOR, "vector file");
    if (!opened) return opened.failure();
    GDALDataset& dataset = *opened.value();

    std::vector<OGRLayer*> layers;
    if (!layerName.empty()) {
        OGRLayer* layer = dataset.GetLayerByName(layerName.c_str());
        if (!layer)
            return Failure{path.string(), "has no layer '" + layerName + "' (layers: " + layerNames(dataset) + ")"};
        layers.push_back(layer);
    } else {
        for (OGRLayer* layer : dataset.GetLayers())
            if (layer->GetGeomType() != wkbNone) layers.push_back(layer); // skip attribute-only tables
    }

    VectorLayer out;
    out.source = path.string();
    LayerCount total;
    for (OGRLayer* layer : layers) {
        auto read = readLayer(gdal, path, *layer, out);
        if (!read) return read.failure();
        total.withGeometry += read.value().withGeometry;
        total.points += read.value().points;
    }
    const std::string what = layerName.empty() ? "" : "layer '" + layerName + "' ";
    if (total.withGeometry == 0) return Failure{path.string(), what + "has no features with geometry"};
    // Points draw nothing as borders or coastlines: say so rather than draw an empty map.
    if (out.lines.empty())
        return Failure{path.string(),
                       what + (total.points == total.withGeometry ? "holds only points, no lines or polygons to draw"
                                                                  : "holds no lines or polygons to draw")};
    return out;
}

std::vector<unsigned char> rasterizeMask(const std::vector<Polygon>& polygons, double west, double south, double east,
                                         double north, int width, int height) {
    if (width <= 0 || height <= 0 || !(east > west) || !(north > south)) return {};
    std::vector<unsigned char> mask(size_t(width) * size_t(height), 0);
    GdalSession gdal;
    GDALDriver* memory = GetGDALDriverManager()->GetDriverByName("MEM");
    GdalDatasetPtr raster(memory ? memory->Create("", width, height, 1, GDT_Byte, nullptr) : nullptr);
    if (!raster) return mask;
    double gt[6] = {west, (east - west) / width, 0, north, 0, -(north - south) / height};
    raster->SetGeoTransform(gt);

    std::vector<std::unique_ptr<OGRPolygon>> shapes;
    std::vector<OGRGeometryH> handles;
    for (const Polygon& polygon : polygons) {
        shapes.push_back(toOgr(polygon));
        if (!shapes.back()->IsEmpty()) handles.push_back(OGRGeometry::ToHandle(shapes.back().get()));
    }
    const std::vector<double> burn(handles.size(), 255.0);
    const int bands[] = {1};
    // A cell is inside when its centre is (GDAL's default, not ALL_TOUCHED); holes stay 0.
    if (!handles.empty() &&
        GDALRasterizeGeometries(GDALDataset::ToHandle(raster.get()), 1, bands, int(handles.size()), handles.data(),
                                nullptr, nullptr, burn.data(), nullptr, nullptr, nullptr) == CE_None)
        if (raster->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, width, height, mask.data(), width, height, GDT_Byte, 0, 0,
                                               nullptr) != CE_None)
            std::fill(mask.begin(), mask.end(), 0);
    return mask;
}

} // namespace geo
