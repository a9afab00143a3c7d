#include "geo/edit/ScenarioFile.h"

#include "geo/GdalSession.h"

#include <atomic>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <set>

namespace geo {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

//! The file's bytes as a GDAL in-memory file, removed (with anything GDAL left beside it) when done.
class MemoryFile {
public:
    MemoryFile(const fs::path& name, const std::string& bytes) : _bytes(bytes) {
        static std::atomic<int> counter{0};
        _folder = "/vsimem/bulwark-edit-" + std::to_string(counter++);
        _path = _folder + "/" + name.filename().string();
        VSIFCloseL(VSIFileFromMemBuffer(_path.c_str(), reinterpret_cast<GByte*>(_bytes.data()), _bytes.size(), FALSE));
    }
    ~MemoryFile() { VSIRmdirRecursive(_folder.c_str()); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    const std::string& path() const { return _path; }
    //! Another file in the same folder.
    std::string beside(const std::string& name) const { return _folder + "/" + name; }

private:
    std::string _bytes; //!< GDAL reads this buffer in place
    std::string _folder, _path;
};

//! The single layer of a features file held in memory.
struct OpenedFile {
    GdalDatasetPtr dataset;
    OGRLayer* layer = nullptr;
};

Result<OpenedFile> openLayer(const GdalSession& gdal, const fs::path& file, const MemoryFile& memory) {
    GDALDataset* dataset = GDALDataset::Open(memory.path().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY);
    if (!dataset) return gdal.fail(file, "not a vector file GDAL can read");
    OpenedFile opened{GdalDatasetPtr(dataset), nullptr};
    if (dataset->GetLayerCount() != 1) return Failure{file.string(), "must hold exactly one layer of features"};
    opened.layer = dataset->GetLayer(0);
    return opened;
}

//! The fields Bulwark knows, as the loader reads them.
enum class FieldKind { Text, List, Integer, Real };
struct Field {
    const char* name;
    FieldKind kind;
};
constexpr Field kFields[] = {
    {"id", FieldKind::Text},
    {"kind", FieldKind::Text},
    {"name", FieldKind::Text},
    {"nations", FieldKind::List},
    {"personnel", FieldKind::Integer},
    {"floor_m", FieldKind::Real},
    {"ceiling_m", FieldKind::Real},
    {"status", FieldKind::Text},
    {"source", FieldKind::Text},
    {"scenarios", FieldKind::List},
    {"unique_designation", FieldKind::Text},
    {"higher_formation", FieldKind::Text},
    {"staff_comments", FieldKind::Text},
    {"additional_information", FieldKind::Text},
    {"why_not_later", FieldKind::Text},
    {"sidc", FieldKind::Text},
};

//! A known field's value in a feature: text, list, or number; nothing when absent.
struct Value {
    std::optional<std::string> text;
    std::optional<std::vector<std::string>> list;
    std::optional<double> number;
    bool operator==(const Value&) const = default;
};

Value valueOf(const EditableFeature& e, const std::string& field) {
    const ScenarioFeature& f = e.feature;
    auto text = [](const std::string& s) { return Value{s.empty() ? std::nullopt : std::optional(s), {}, {}}; };
    auto list = [](const std::vector<std::string>& l) {
        return Value{{}, l.empty() ? std::nullopt : std::optional(l), {}};
    };
    auto number = [](std::optional<double> n) { return Value{{}, {}, n}; };
    if (field == "id") return text(f.id);
    if (field == "kind") return text(kindName(f.kind));
    if (field == "name") return text(f.name);
    if (field == "nations") return list(f.nations);
    if (field == "personnel") return number(f.personnel ? std::optional(double(*f.personnel)) : std::nullopt);
    if (field == "floor_m") return number(f.floorM);
    if (field == "ceiling_m") return number(f.ceilingM);
    if (field == "status") return text(statusName(f.status));
    if (field == "source") return text(f.source);
    if (field == "scenarios") return list(f.scenarios);
    if (field == "why_not_later") return text(f.whyNotLater);
    if (field == "unique_designation") return text(f.amplifiers.uniqueDesignation);
    if (field == "higher_formation") return text(f.amplifiers.higherFormation);
    if (field == "staff_comments") return text(f.amplifiers.staffComments);
    if (field == "additional_information") return text(f.amplifiers.additionalInformation);
    return text(f.sidc);
}

bool sameGeometry(const ScenarioFeature& a, const ScenarioFeature& b) {
    if (a.points != b.points || a.polygons.size() != b.polygons.size()) return false;
    for (size_t i = 0; i < a.polygons.size(); ++i)
        if (a.polygons[i].rings != b.polygons[i].rings) return false;
    return true;
}

bool sameFeature(const EditableFeature& a, const EditableFeature& b) {
    for (const Field& field : kFields)
        if (!(valueOf(a, field.name) == valueOf(b, field.name))) return false;
    return sameGeometry(a.feature, b.feature);
}

//! The new geometry in lon/lat, shaped as the kind needs (and multi when the file had it multi).
std::unique_ptr<OGRGeometry> geometryOf(const ScenarioFeature& f, bool multi) {
    if (isMarker(f.kind)) return std::make_unique<OGRPoint>(f.points.at(0).x, f.points.at(0).y);
    if (!isArea(f.kind)) {
        auto line = std::make_unique<OGRLineString>();
        for (const glm::dvec2& p : f.points) line->addPoint(p.x, p.y);
        return line;
    }
    auto polygons = std::make_unique<OGRMultiPolygon>();
    for (const Polygon& polygon : f.polygons) {
        OGRPolygon ogr;
        for (const Ring& ring : polygon.rings) {
            OGRLinearRing r;
            for (const glm::dvec2& p : ring) r.addPoint(p.x, p.y);
            ogr.addRing(&r);
        }
        polygons->addGeometry(&ogr);
    }
    if (multi || polygons->getNumGeometries() != 1) return polygons;
    return std::unique_ptr<OGRGeometry>(polygons->getGeometryRef(0)->clone());
}

//! Writes one known field of `f` into `out`; `field` is its index there.
void writeField(OGRFeature& out, int field, const Value& value) {
    if (field < 0) return;
    const OGRFieldDefn& defn = *out.GetFieldDefnRef(field);
    if (!value.text && !value.list && !value.number) return out.UnsetField(field);
    if (value.text) return out.SetField(field, value.text->c_str());
    if (value.number) {
        if (defn.GetType() == OFTInteger || defn.GetType() == OFTInteger64)
            return out.SetField(field, static_cast<GIntBig>(*value.number));
        return out.SetField(field, *value.number);
    }
    if (defn.GetType() == OFTStringList) {
        CPLStringList items;
        for (const std::string& item : *value.list) items.AddString(item.c_str());
        return out.SetField(field, items.List());
    }
    // A text field: the JSON array the loader reads back (GeoPackage has no list type).
    out.SetField(field, json(*value.list).dump().c_str());
}

OGRFieldType creationType(FieldKind kind, bool listsSupported) {
    switch (kind) {
    case FieldKind::List: return listsSupported ? OFTStringList : OFTString;
    case FieldKind::Integer: return OFTInteger64;
    case FieldKind::Real: return OFTReal;
    case FieldKind::Text: break;
    }
    return OFTString;
}

//! What a GeoJSON file says beyond its features' properties, for writing it the same way.
struct GeoJsonHeader {
    bool featureIds = false; //!< some feature carries an "id" member of its own: FIDs are data, kept
    bool crs = false;        //!< the collection names a CRS (without one GeoJSON is lon/lat WGS84)
};

GeoJsonHeader geojsonHeader(const std::string& bytes) {
    GeoJsonHeader header;
    const json doc = json::parse(bytes, nullptr, false);
    if (!doc.is_object()) return header;
    header.crs = doc.contains("crs");
    if (doc.contains("features") && doc["features"].is_array())
        for (const json& f : doc["features"])
            if (f.is_object() && f.contains("id")) header.featureIds = true;
    return header;
}

//! What is written for each feature: copied as it is, copied with edits, or new.
struct Planned {
    const OGRFeature* source = nullptr; //!< the feature of the file it starts from; null for a new one
    const EditableFeature* now = nullptr;
    const EditableFeature* base = nullptr; //!< what the source says, as Bulwark read it; null: write every field
};

} // namespace

Result<RewrittenFile> rewriteFeatures(const fs::path& file, const std::string& bytes,
                                      const std::vector<EditableFeature>& features,
                                      const std::map<std::uint64_t, EditableFeature>& saved) {
    GdalSession gdal;
    const MemoryFile memory(file, bytes);
    auto opened = openLayer(gdal, file, memory);
    if (!opened) return opened.failure();
    GDALDataset& source = *opened.value().dataset;
    OGRLayer& sourceLayer = *opened.value().layer;
    GDALDriver* driver = source.GetDriver();
    const std::string driverName = driver->GetDescription();
    OGRFeatureDefn& sourceDefn = *sourceLayer.GetLayerDefn();

    // Every feature of the file, by FID, and which key (if any) each belongs to.
    std::vector<OGRFeatureUniquePtr> sourceFeatures;
    sourceLayer.ResetReading();
    for (OGRFeature* f; (f = sourceLayer.GetNextFeature()) != nullptr;) sourceFeatures.emplace_back(f);
    std::map<std::int64_t, std::uint64_t> keyOfFid;
    for (const auto& [key, f] : saved) keyOfFid[f.feature.fid] = key;
    std::map<std::uint64_t, const EditableFeature*> now;
    for (const EditableFeature& f : features) now[f.key] = &f;
    auto sourceOf = [&](std::uint64_t key) -> const OGRFeature* {
        const auto s = saved.find(key);
        if (s == saved.end()) return nullptr;
        for (const auto& f : sourceFeatures)
            if (f->GetFID() == s->second.feature.fid) return f.get();
        return nullptr;
    };

    std::vector<Planned> plan;
    for (const auto& f : sourceFeatures) {
        const auto key = keyOfFid.find(f->GetFID());
        if (key == keyOfFid.end()) {
            plan.push_back({f.get(), nullptr, nullptr}); // not Bulwark's to judge: kept as it is
            continue;
        }
        const auto current = now.find(key->second);
        if (current == now.end()) continue; // deleted
        const EditableFeature& base = saved.at(key->second);
        plan.push_back({f.get(), current->second, sameFeature(*current->second, base) ? nullptr : &base});
        if (!plan.back().base) plan.back().now = nullptr; // unchanged: a plain copy
    }
    for (const EditableFeature& f : features) {
        if (saved.count(f.key)) continue;
        Planned added{nullptr, &f, nullptr};
        if (f.copiedFrom)
            if (const OGRFeature* original = sourceOf(*f.copiedFrom)) {
                added.source = original;
                added.base = &saved.at(*f.copiedFrom);
            }
        plan.push_back(added);
    }

    // Known fields the edits need that the file lacks.
    const char* types = driver->GetMetadataItem(GDAL_DMD_CREATIONFIELDDATATYPES);
    const bool listsSupported = types && std::string(types).find("StringList") != std::string::npos;
    std::vector<const Field*> newFields;
    for (const Field& field : kFields) {
        if (sourceDefn.GetFieldIndex(field.name) >= 0) continue;
        for (const Planned& p : plan)
            if (p.now && !(valueOf(*p.now, field.name) == Value{})) {
                newFields.push_back(&field);
                break;
            }
    }

    // The copy: same driver, same layer name, CRS, geometry type and fields.
    const std::string outPath = memory.beside("saved-" + file.filename().string());
    GdalDatasetPtr target(driver->Create(outPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!target) return gdal.fail(file, "cannot write a " + driverName + " file");
    CPLStringList options;
    const bool geojson = driverName == "GeoJSON";
    const GeoJsonHeader header = geojson ? geojsonHeader(bytes) : GeoJsonHeader{true, true};
    if (geojson && file.stem().string() == sourceLayer.GetName()) options.SetNameValue("WRITE_NAME", "NO");
    if (driverName == "GPKG") {
        if (*sourceLayer.GetFIDColumn()) options.SetNameValue("FID", sourceLayer.GetFIDColumn());
        if (*sourceLayer.GetGeometryColumn()) options.SetNameValue("GEOMETRY_NAME", sourceLayer.GetGeometryColumn());
    }
    // GeoJSON without a "crs" member is lon/lat by definition: written without one, as it came.
    OGRLayer* out = target->CreateLayer(sourceLayer.GetName(), header.crs ? sourceLayer.GetSpatialRef() : nullptr,
                                        sourceLayer.GetGeomType(), options.List());
    if (!out) return gdal.fail(file, "cannot write its layer");
    for (int i = 0; i < sourceDefn.GetFieldCount(); ++i)
        if (out->CreateField(sourceDefn.GetFieldDefn(i)) != OGRERR_NONE)
            return gdal.fail(file, "cannot copy its fields");
    for (const Field* field : newFields) {
        OGRFieldDefn defn(field->name, creationType(field->kind, listsSupported));
        if (out->CreateField(&defn) != OGRERR_NONE)
            return gdal.fail(file, "cannot add the field " + std::string(field->name));
    }
    const OGRFeatureDefn& outDefn = *out->GetLayerDefn();

    // Lon/lat back into the layer's CRS, where it is another.
    OgrTransformPtr toLayer;
    if (const OGRSpatialReference* crs = sourceLayer.GetSpatialRef()) {
        OGRSpatialReference wgs84;
        wgs84.SetWellKnownGeogCS("WGS84");
        wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        if (!crs->IsSame(&wgs84)) {
            toLayer.reset(OGRCreateCoordinateTransformation(&wgs84, crs));
            if (!toLayer) return gdal.fail(file, "cannot reproject lon/lat into its coordinate reference system");
        }
    }

    const bool keepFids = header.featureIds;
    std::vector<std::optional<std::uint64_t>> written;
    for (const Planned& p : plan) {
        OGRFeature feature(const_cast<OGRFeatureDefn*>(&outDefn));
        if (p.source) {
            feature.SetFrom(p.source, TRUE);
            if (keepFids && p.now == nullptr) feature.SetFID(p.source->GetFID());
            if (keepFids && p.now && saved.count(p.now->key)) feature.SetFID(p.source->GetFID());
        }
        if (p.now) {
            for (const Field& field : kFields) {
                const Value value = valueOf(*p.now, field.name);
                if (p.base && value == valueOf(*p.base, field.name)) continue; // not edited: as the file has it
                writeField(feature, outDefn.GetFieldIndex(field.name), value);
            }
            if (!p.base || !sameGeometry(p.now->feature, p.base->feature)) {
                const OGRGeometry* old = p.source ? p.source->GetGeometryRef() : nullptr;
                const bool multi = (old && wkbFlatten(old->getGeometryType()) == wkbMultiPolygon) ||
                                   wkbFlatten(sourceLayer.GetGeomType()) == wkbMultiPolygon;
                std::unique_ptr<OGRGeometry> geometry = geometryOf(p.now->feature, multi);
                geometry->assignSpatialReference(sourceLayer.GetSpatialRef());
                if (toLayer && geometry->transform(toLayer.get()) != OGRERR_NONE)
                    return gdal.fail(file, "cannot reproject the geometry of " + p.now->feature.id);
                feature.SetGeometryDirectly(geometry.release());
            }
        }
        if (out->CreateFeature(&feature) != OGRERR_NONE)
            return gdal.fail(file, "cannot write " + (p.now ? p.now->feature.id : std::string("a feature")));
        written.push_back(p.now ? std::optional(p.now->key) : std::nullopt);
    }
    // Unchanged features with a key: they are in `written` by position too.
    for (size_t i = 0; i < plan.size(); ++i)
        if (!plan[i].now && plan[i].source) {
            const auto key = keyOfFid.find(plan[i].source->GetFID());
            if (key != keyOfFid.end()) written[i] = key->second;
        }
    target.reset(); // flushes and closes

    // The FIDs as a reader of the new file sees them, feature by feature in order.
    RewrittenFile result;
    {
        GDALDataset* reread = GDALDataset::Open(outPath.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY);
        if (!reread) return gdal.fail(file, "cannot read back what was written");
        GdalDatasetPtr owner(reread);
        OGRLayer& layer = *reread->GetLayer(0);
        size_t i = 0;
        for (auto& f : layer) {
            if (i < written.size() && written[i]) result.fids[*written[i]] = f->GetFID();
            ++i;
        }
        if (i != written.size())
            return Failure{file.string(),
                           "wrote " + std::to_string(written.size()) + " features but reads back " + std::to_string(i)};
    }
    vsi_l_offset length = 0;
    GByte* data = VSIGetMemFileBuffer(outPath.c_str(), &length, FALSE);
    if (!data) return gdal.fail(file, "cannot write a " + driverName + " file");
    result.bytes.assign(reinterpret_cast<const char*>(data), size_t(length));
    return result;
}

} // namespace geo
