#include "Fixtures.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace geo::test {

namespace {

struct Closer {
    void operator()(GDALDataset* dataset) const { GDALClose(GDALDataset::ToHandle(dataset)); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, Closer>;

GDALDriver& driver(const std::string& name) {
    GDALAllRegister();
    GDALDriver* found = GetGDALDriverManager()->GetDriverByName(name.c_str());
    if (!found) throw std::runtime_error("GDAL driver " + name + " is missing");
    return *found;
}

void check(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("fixture: " + what + ": " + CPLGetLastErrorMsg());
}

} // namespace

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    _path = std::filesystem::temp_directory_path() /
            ("bulwark-geo-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(_path);
    std::filesystem::create_directories(_path);
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(_path, ignored);
}

void writeGeoTiff(const std::filesystem::path& path, const RasterSpec& spec) {
    check(spec.values.size() == size_t(spec.width) * spec.height, "values do not fill the raster");
    DatasetPtr dataset(driver("GTiff").Create(path.c_str(), spec.width, spec.height, 1, GDT_Float32, nullptr));
    check(dataset != nullptr, "create " + path.string());
    std::array<double, 6> gt = spec.geoTransform;
    check(dataset->SetGeoTransform(gt.data()) == CE_None, "geotransform");
    if (spec.epsg != 0) {
        OGRSpatialReference srs;
        check(srs.importFromEPSG(spec.epsg) == OGRERR_NONE, "EPSG:" + std::to_string(spec.epsg));
        check(dataset->SetSpatialRef(&srs) == CE_None, "spatial reference");
    }
    GDALRasterBand* band = dataset->GetRasterBand(1);
    if (spec.nodata) band->SetNoDataValue(*spec.nodata);
    if (spec.scale != 1) band->SetScale(spec.scale);
    if (spec.offset != 0) band->SetOffset(spec.offset);
    std::vector<float> values = spec.values;
    check(band->RasterIO(GF_Write, 0, 0, spec.width, spec.height, values.data(), spec.width, spec.height, GDT_Float32,
                         0, 0, nullptr) == CE_None,
          "write heights");
}

void writeSparseGeoTiff(const std::filesystem::path& path, int side) {
    const char* options[] = {"SPARSE_OK=YES", "TILED=YES", nullptr};
    DatasetPtr dataset(driver("GTiff").Create(path.c_str(), side, side, 1, GDT_Int16, const_cast<char**>(options)));
    check(dataset != nullptr, "create " + path.string());
    std::array<double, 6> gt = {20, 20.0 / side, 0, 55, 0, -10.0 / side};
    check(dataset->SetGeoTransform(gt.data()) == CE_None, "geotransform");
    OGRSpatialReference wgs84;
    check(wgs84.importFromEPSG(4326) == OGRERR_NONE, "EPSG:4326");
    check(dataset->SetSpatialRef(&wgs84) == CE_None, "spatial reference");
}

void writeVectors(const std::filesystem::path& path, const std::string& driverName, const std::string& layerName,
                  int epsg, const std::vector<FeatureSpec>& features) {
    DatasetPtr dataset(std::filesystem::exists(path)
                           ? GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE)
                           : driver(driverName).Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    check(dataset != nullptr, "create " + path.string());
    std::unique_ptr<OGRSpatialReference, void (*)(OGRSpatialReference*)> srs(nullptr, [](OGRSpatialReference* s) {
        if (s) s->Release();
    });
    if (epsg != 0) {
        srs.reset(new OGRSpatialReference());
        check(srs->importFromEPSG(epsg) == OGRERR_NONE, "EPSG:" + std::to_string(epsg));
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    OGRLayer* layer = dataset->CreateLayer(layerName.c_str(), srs.get(), wkbUnknown, nullptr);
    check(layer != nullptr, "layer " + layerName);
    for (const FeatureSpec& spec : features)
        for (const auto& [name, value] : spec.fields) {
            if (layer->GetLayerDefn()->GetFieldIndex(name.c_str()) >= 0) continue;
            OGRFieldDefn field(name.c_str(), OFTString);
            check(layer->CreateField(&field) == OGRERR_NONE, "field " + name);
        }
    for (const FeatureSpec& spec : features) {
        OGRFeatureUniquePtr feature(OGRFeature::CreateFeature(layer->GetLayerDefn()));
        for (const auto& [name, value] : spec.fields) feature->SetField(name.c_str(), value.c_str());
        OGRGeometry* geometry = nullptr;
        check(OGRGeometryFactory::createFromWkt(spec.wkt.c_str(), nullptr, &geometry) == OGRERR_NONE, spec.wkt);
        feature->SetGeometryDirectly(geometry);
        check(layer->CreateFeature(feature.get()) == OGRERR_NONE, "feature");
    }
}

void writeFerretNetcdf(const std::filesystem::path& path, const std::vector<double>& lons,
                       const std::vector<double>& lats, const std::vector<float>& values) {
    check(values.size() == lons.size() * lats.size(), "values do not fill the grid");
    DatasetPtr dataset(driver("netCDF").CreateMultiDimensional(path.c_str(), nullptr, nullptr));
    check(dataset != nullptr, "create " + path.string());
    auto root = dataset->GetRootGroup();
    const auto float64 = GDALExtendedDataType::Create(GDT_Float64);
    const auto float32 = GDALExtendedDataType::Create(GDT_Float32);
    auto axis = [&](const std::string& name, const std::vector<double>& at, const char* units) {
        auto dimension = root->CreateDimension(name, "", "", at.size());
        auto variable = root->CreateMDArray(name, {dimension}, float64);
        check(variable && variable->CreateAttribute("units", {}, GDALExtendedDataType::CreateString())->Write(units),
              name + " units");
        const GUInt64 start[] = {0};
        const size_t count[] = {at.size()};
        check(variable->Write(start, count, nullptr, nullptr, float64, at.data()), name);
        return dimension;
    };
    auto y = axis("ETOPO_Y", lats, "degrees_north");
    auto x = axis("ETOPO_X", lons, "degrees_east");
    auto rose = root->CreateMDArray("ROSE", {y, x}, float32);
    check(rose && rose->CreateAttribute("_FillValue", {}, float32)->Write(-1e34), "ROSE _FillValue");
    check(rose->CreateAttribute("units", {}, GDALExtendedDataType::CreateString())->Write("METERS"), "ROSE units");
    const GUInt64 start[] = {0, 0};
    const size_t count[] = {lats.size(), lons.size()};
    check(rose->Write(start, count, nullptr, nullptr, float32, values.data()), "ROSE");
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> namesIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::array<double, 2> toLonLat(int epsg, double x, double y) {
    OGRSpatialReference source, wgs84;
    source.importFromEPSG(epsg);
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(OGRCreateCoordinateTransformation(&source, &wgs84));
    check(transform && transform->Transform(1, &x, &y), "transform");
    return {x, y};
}

int bindUnixSocket(const std::filesystem::path& path) {
    const int sock = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const std::string text = path.string();
    if (sock < 0 || text.size() >= sizeof address.sun_path) throw std::runtime_error("cannot make socket " + text);
    std::copy(text.begin(), text.end(), address.sun_path);
    if (bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error("cannot bind socket " + text);
    return sock;
}

} // namespace geo::test
