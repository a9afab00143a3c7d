#include "geo/edit/EditCommands.h"

#include "geo/Countries.h"
#include "geo/Sidc.h"
#include "geo/Spatial.h"
#include "geo/SymbolRules.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <tuple>

namespace geo {

namespace {

//! The shape a kind's geometry has: a point, a line or polygons.
enum class Shape { Point, Line, Area };
Shape shapeOf(FeatureKind kind) {
    if (isMarker(kind)) return Shape::Point;
    if (isArea(kind)) return Shape::Area;
    return Shape::Line;
}

std::string trimmed(const std::string& text) {
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

//! The points of a line or ring the vertex belongs to, or the reason there are none.
std::optional<std::string> locate(EditableFeature& f, const VertexRef& at, std::vector<glm::dvec2>*& points,
                                  bool& closed) {
    ScenarioFeature& s = f.feature;
    const Shape shape = shapeOf(s.kind);
    if (shape == Shape::Point) return "a " + std::string(kindName(s.kind)) + " has no vertices to edit: move it";
    if (shape == Shape::Line) {
        points = &s.points, closed = false;
        return std::nullopt;
    }
    if (at.polygon >= s.polygons.size() || at.ring >= s.polygons[at.polygon].rings.size())
        return "no such ring in " + s.id;
    points = &s.polygons[at.polygon].rings[at.ring], closed = true;
    return std::nullopt;
}

//! A ring without its closing point, and back.
void openRing(std::vector<glm::dvec2>& ring) {
    if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
}
void closeRing(std::vector<glm::dvec2>& ring) {
    if (!ring.empty()) ring.push_back(ring.front());
}

//! Edits the vertices of the line or ring `at` names through `edit(points)`, keeping a ring closed.
template <class Edit> std::optional<std::string> editVertices(EditableFeature& f, const VertexRef& at, Edit edit) {
    std::vector<glm::dvec2>* points = nullptr;
    bool closed = false;
    if (auto why = locate(f, at, points, closed)) return why;
    if (closed) openRing(*points);
    auto why = edit(*points);
    if (closed) closeRing(*points);
    return why;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream ss(text);
    for (std::string item; std::getline(ss, item, ',');)
        if (!(item = trimmed(item)).empty()) out.push_back(item);
    return out;
}

std::string uniqueId(const FeatureList& features, std::string base) {
    auto used = [&](const std::string& id) {
        return std::any_of(features.all().begin(), features.all().end(),
                           [&](const EditableFeature& f) { return f.feature.id == id; });
    };
    if (!used(base)) return base;
    for (int n = 2;; ++n)
        if (!used(base + "-" + std::to_string(n))) return base + "-" + std::to_string(n);
}

//! "hub-new-station-odesa" from the kind and the name: lower-case letters, digits and dashes.
std::string idFrom(const ScenarioFeature& f) {
    std::string id = std::string(kindName(f.kind)) + "-";
    for (char c : f.name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 128)
            id += char(std::tolower(u));
        else if (id.back() != '-')
            id += '-';
    }
    while (id.back() == '-') id.pop_back();
    std::replace(id.begin(), id.end(), '_', '-');
    return id;
}

} // namespace

std::optional<size_t> FeatureList::find(std::uint64_t key) const {
    for (size_t i = 0; i < _features.size(); ++i)
        if (_features[i].key == key) return i;
    return std::nullopt;
}

const EditableFeature* FeatureList::get(std::uint64_t key) const {
    const auto at = find(key);
    return at ? &_features[*at] : nullptr;
}

void FeatureList::insert(size_t position, EditableFeature feature) {
    _nextKey = std::max(_nextKey, feature.key + 1);
    _features.insert(_features.begin() + std::ptrdiff_t(std::min(position, _features.size())), std::move(feature));
}

EditableFeature FeatureList::remove(size_t position) {
    EditableFeature f = std::move(_features.at(position));
    _features.erase(_features.begin() + std::ptrdiff_t(position));
    return f;
}

void FeatureList::replace(size_t position, EditableFeature feature) {
    _features.at(position) = std::move(feature);
}

std::optional<std::string> FeatureChange::apply(FeatureList& features) {
    const auto at = features.find(_key);
    if (!at) return "the feature is no longer there";
    _before = features.all()[*at];
    _after = _before;
    if (auto why = change(_after)) return why;
    features.replace(*at, _after);
    return std::nullopt;
}

void FeatureChange::undo(FeatureList& features) {
    if (const auto at = features.find(_key)) features.replace(*at, _before);
}

void FeatureChange::redo(FeatureList& features) {
    if (const auto at = features.find(_key)) features.replace(*at, _after);
}

bool FeatureChange::absorb(EditCommand& next) {
    auto* later = dynamic_cast<FeatureChange*>(&next);
    if (!later || later->_key != _key || typeid(*later) != typeid(*this)) return false;
    _after = later->_after;
    return true;
}

std::optional<std::string> MoveSite::change(EditableFeature& f) const {
    if (!isMarker(f.feature.kind))
        return "a " + std::string(kindName(f.feature.kind)) + " is not a site: move its vertices";
    f.feature.points = {_to};
    return std::nullopt;
}

std::optional<std::string> InsertVertex::change(EditableFeature& f) const {
    return editVertices(f, _at, [&](std::vector<glm::dvec2>& points) -> std::optional<std::string> {
        if (_at.index > points.size()) return "no vertex " + std::to_string(_at.index) + " to insert before";
        points.insert(points.begin() + std::ptrdiff_t(_at.index), _lonLat);
        return std::nullopt;
    });
}

std::optional<std::string> MoveVertex::change(EditableFeature& f) const {
    return editVertices(f, _at, [&](std::vector<glm::dvec2>& points) -> std::optional<std::string> {
        if (_at.index >= points.size()) return "no vertex " + std::to_string(_at.index);
        points[_at.index] = _lonLat;
        return std::nullopt;
    });
}

std::optional<std::string> DeleteVertex::change(EditableFeature& f) const {
    return editVertices(f, _at, [&](std::vector<glm::dvec2>& points) -> std::optional<std::string> {
        if (_at.index >= points.size()) return "no vertex " + std::to_string(_at.index);
        points.erase(points.begin() + std::ptrdiff_t(_at.index));
        return std::nullopt;
    });
}

const char* attributeName(Attribute a) {
    switch (a) {
    case Attribute::Name: return "name";
    case Attribute::Kind: return "kind";
    case Attribute::Nations: return "nations";
    case Attribute::Personnel: return "personnel";
    case Attribute::Status: return "status";
    case Attribute::Source: return "source";
    case Attribute::WhyNotLater: return "why_not_later";
    case Attribute::Sidc: return "sidc";
    case Attribute::UniqueDesignation: return "unique_designation";
    case Attribute::HigherFormation: return "higher_formation";
    case Attribute::StaffComments: return "staff_comments";
    case Attribute::AdditionalInformation: return "additional_information";
    case Attribute::FloorM: return "floor_m";
    case Attribute::CeilingM: return "ceiling_m";
    }
    return "?";
}

std::optional<std::string> SetAttribute::change(EditableFeature& e) const {
    ScenarioFeature& f = e.feature;
    switch (_attribute) {
    case Attribute::Name: f.name = trimmed(_text); break;
    case Attribute::Source: f.source = trimmed(_text); break;
    case Attribute::WhyNotLater: f.whyNotLater = trimmed(_text); break;
    case Attribute::Sidc: f.sidc = trimmed(_text); break;
    case Attribute::UniqueDesignation: f.amplifiers.uniqueDesignation = trimmed(_text); break;
    case Attribute::HigherFormation: f.amplifiers.higherFormation = trimmed(_text); break;
    case Attribute::StaffComments: f.amplifiers.staffComments = trimmed(_text); break;
    case Attribute::AdditionalInformation: f.amplifiers.additionalInformation = trimmed(_text); break;
    case Attribute::Nations: f.nations = splitList(_text); break;
    case Attribute::Kind: {
        const auto kind = parseKind(trimmed(_text));
        if (!kind) return "unknown kind '" + _text + "'";
        if (shapeOf(*kind) != shapeOf(f.kind))
            return std::string("a ") + kindName(f.kind) + " cannot become a " + kindName(*kind) +
                   ": their geometry differs (add a new feature instead)";
        f.kind = *kind;
        break;
    }
    case Attribute::Status: {
        const auto status = parseStatus(trimmed(_text));
        if (!status) return "unknown status '" + _text + "' (announced, reported or illustrative)";
        f.status = *status;
        break;
    }
    case Attribute::Personnel:
        if (_number && !(*_number >= 0 && *_number <= kMaxPersonnel && *_number == std::floor(*_number)))
            return "personnel must be a whole number from 0 to " + std::to_string(std::int64_t(kMaxPersonnel));
        f.personnel = _number ? std::optional<std::int64_t>(std::int64_t(*_number)) : std::nullopt;
        break;
    case Attribute::FloorM: f.floorM = _number; break;
    case Attribute::CeilingM: f.ceilingM = _number; break;
    }
    return std::nullopt;
}

SetMembership::SetMembership(std::uint64_t key, const std::vector<ScenarioInfo>& scenarios, size_t scenarioIndex,
                             bool member)
    : FeatureChange(key), _index(scenarioIndex), _member(member) {
    for (const ScenarioInfo& s : scenarios) _order.push_back(s.id);
    if (_index < _order.size()) _scenario = _order[_index];
}

std::optional<std::string> SetMembership::change(EditableFeature& e) const {
    if (_index >= _order.size() || _index >= size_t(kMaxScenarios)) return "no scenario " + std::to_string(_index);
    ScenarioFeature& f = e.feature;
    if (_member)
        f.scenarioMask |= 1u << _index;
    else
        f.scenarioMask &= ~(1u << _index);
    // The ids in ladder order; ids the manifest does not know (reported at load) stay at the end.
    std::vector<std::string> ids;
    for (size_t i = 0; i < _order.size(); ++i)
        if (f.inScenario(i)) ids.push_back(_order[i]);
    for (const std::string& id : f.scenarios)
        if (std::find(_order.begin(), _order.end(), id) == _order.end()) ids.push_back(id);
    f.scenarios = ids;
    return std::nullopt;
}

std::optional<std::string> AddFeature::apply(FeatureList& features) {
    _feature.key = features.newKey();
    _feature.feature.fid = -1; // nothing in the file yet
    if (trimmed(_feature.feature.name).empty()) return "a feature needs a name";
    _feature.feature.id =
        uniqueId(features, _feature.feature.id.empty() ? idFrom(_feature.feature) : trimmed(_feature.feature.id));
    features.insert(features.all().size(), _feature);
    return std::nullopt;
}

void AddFeature::undo(FeatureList& features) {
    if (const auto at = features.find(_feature.key)) features.remove(*at);
}

void AddFeature::redo(FeatureList& features) {
    features.insert(features.all().size(), _feature);
}

std::optional<std::string> DuplicateFeature::apply(FeatureList& features) {
    const EditableFeature* original = features.get(_original);
    if (!original) return "the feature is no longer there";
    _originalId = original->feature.id;
    _feature = *original;
    _feature.copiedFrom = original->copiedFrom ? original->copiedFrom : original->key;
    _feature.feature.id = original->feature.id + "-copy";
    for (glm::dvec2& p : _feature.feature.points) p += _offset;
    for (Polygon& polygon : _feature.feature.polygons)
        for (Ring& ring : polygon.rings)
            for (glm::dvec2& p : ring) p += _offset;
    return AddFeature::apply(features);
}

std::optional<std::string> DeleteFeature::apply(FeatureList& features) {
    const auto at = features.find(_key);
    if (!at) return "the feature is no longer there";
    _position = *at;
    _removed = features.remove(*at);
    return std::nullopt;
}

void DeleteFeature::undo(FeatureList& features) {
    features.insert(_position, _removed);
}

void DeleteFeature::redo(FeatureList& features) {
    if (const auto at = features.find(_key)) features.remove(*at);
}

std::optional<std::string> whyInvalid(const ScenarioFeature& f) {
    if (trimmed(f.id).empty()) return "a feature needs an id";
    if (trimmed(f.name).empty()) return "a feature needs a name";
    if (f.personnel && (*f.personnel < 0 || double(*f.personnel) > kMaxPersonnel))
        return "personnel must be a whole number from 0 to " + std::to_string(std::int64_t(kMaxPersonnel));
    for (const std::string& code : f.nations)
        if (!countryNames().empty() && !countryNames().count(code))
            return "'" + code + "' is not an ISO 3166-1 alpha-2 code";
    if (!f.sidc.empty())
        if (auto sidc = parseSidc(f.sidc); !sidc) return "sidc: " + sidc.failure().what;
    for (const auto* m : {&f.floorM, &f.ceilingM})
        if (*m && !(std::isfinite(**m) && **m >= kLowestFloorM && **m <= kHighestCeilingM))
            return "heights must be within -500..100000 m of sea level";
    if ((f.floorM || f.ceilingM) && f.kind != FeatureKind::AirZone) return "only air zones have a floor and ceiling";
    if (f.floorM && f.ceilingM && *f.floorM >= *f.ceilingM) return "the floor must be below the ceiling";
    if (f.kind == FeatureKind::AirZone && f.floorM && *f.floorM < 0) return "an air zone's floor is below sea level";
    if (f.kind == FeatureKind::AirZone && f.ceilingM && *f.ceilingM <= 0)
        return "an air zone's ceiling is not above sea level";
    // The limits `bulwark validate` holds the amplifiers to (SymbolRules.h).
    const std::tuple<Attribute, const std::string*, size_t> amplifiers[] = {
        {Attribute::UniqueDesignation, &f.amplifiers.uniqueDesignation, kMaxDesignation},
        {Attribute::HigherFormation, &f.amplifiers.higherFormation, kMaxDesignation},
        {Attribute::StaffComments, &f.amplifiers.staffComments, kMaxComments},
        {Attribute::AdditionalInformation, &f.amplifiers.additionalInformation, kMaxComments}};
    for (const auto& [attribute, text, limit] : amplifiers)
        if (text->size() > limit)
            return std::string(attributeName(attribute)) + " is longer than " + std::to_string(limit) + " characters";

    const auto offEarth = [](const std::vector<glm::dvec2>& points) {
        return !std::all_of(points.begin(), points.end(), isFeatureLonLat);
    };
    switch (shapeOf(f.kind)) {
    case Shape::Point:
        if (f.points.size() != 1) return "a " + std::string(kindName(f.kind)) + " is one point";
        if (offEarth(f.points)) return "the point is off the globe: " + std::string(kOffEarth);
        break;
    case Shape::Line:
        if (f.points.size() < 2) return "a line needs at least two points";
        if (offEarth(f.points)) return std::string("a point is off the globe: ") + kOffEarth;
        break;
    case Shape::Area:
        if (f.polygons.empty()) return "an area needs a polygon";
        for (const Polygon& polygon : f.polygons) {
            for (const Ring& ring : polygon.rings) {
                if (ring.size() < 4) return "a polygon's ring needs at least three corners";
                if (offEarth(ring)) return std::string("a point is off the globe: ") + kOffEarth;
            }
            if (!isValid(polygon)) return "the polygon would cross itself (or its rings overlap)";
        }
        break;
    }
    return std::nullopt;
}

} // namespace geo
