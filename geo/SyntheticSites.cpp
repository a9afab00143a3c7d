#include "geo/SyntheticSites.h"

#include "geo/OutputFile.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

namespace geo {

namespace {

//! A small deterministic generator (splitmix64): the same sequence on every platform and library.
struct Sequence {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * double(next() >> 11) * 0x1.0p-53; }
};

//! SIDC number `i` of kSyntheticSidcs: identity x (land unit at an echelon | air | sea | installation).
std::string sidcOf(size_t i) {
    constexpr std::array identities{'3', '6', '4', '1'}; // friend, hostile, neutral, unknown
    constexpr std::array land{"121100", "120500", "121000", "130300", "140700", "163400"};
    constexpr std::array echelons{"11", "14", "15", "16", "18", "21"};
    const char identity = identities[i % 4];
    const size_t kind = (i / 4) % 24;
    const size_t variant = i % (kSyntheticSidcs / 2) / 4;     // 0..23 twice
    const char status = i >= kSyntheticSidcs / 2 ? '1' : '0'; // the second half planned
    std::string code = "100";
    code += identity;
    if (kind < 18)
        code += std::string("10") + status + "0" + echelons[kind % 6] + land[(kind / 6 + variant) % 6] + "0000";
    else if (kind < 20)
        code += std::string("01") + status + "000" + (kind == 18 ? "110104" : "110116") + "0000";
    else if (kind < 22)
        code += std::string("30") + status + "000" + (kind == 20 ? "120100" : "120405") + "0000";
    else
        code += std::string("20") + status + "000" + (kind == 22 ? "121301" : "120802") + "0000";
    return code;
}

} // namespace

std::filesystem::path writeSyntheticSites(const std::filesystem::path& dir, size_t sites) {
    constexpr std::array nations{"GB", "FR", "PL", "DE", "US", "IT", "ES", "NL", "RO", "UA", "SE", "CA"};
    const std::filesystem::path manifest = dir / "scenarios.json";
    writeOutputFile(manifest, R"json({
  "format": "bulwark-scenarios/1",
  "features": "features.geojson",
  "scenarios": [
    {"id": "sites-a", "name": "Synthetic sites A", "description": "Two thirds of the sites (bench)"},
    {"id": "sites-b", "name": "Synthetic sites B", "description": "Every site (bench)"}
  ]
}
)json");
    Sequence random{0x5eed0000ull + sites};
    std::string text = "{\"type\": \"FeatureCollection\", \"features\": [\n";
    text.reserve(sites * 330);
    char line[512];
    for (size_t i = 0; i < sites; ++i) {
        const double lon = random.uniform(22.5, 39.5), lat = random.uniform(44.5, 52.0);
        const std::string sidc = sidcOf(size_t(random.next() % kSyntheticSidcs));
        const bool planned = sidc[6] == '1';
        std::snprintf(line, sizeof line,
                      "%s{\"type\": \"Feature\", \"properties\": {\"id\": \"site-%zu\", \"kind\": \"force\", "
                      "\"name\": \"Site %zu\", \"nations\": [\"%s\"], \"status\": \"%s\", \"source\": \"Synthetic "
                      "(bulwark bench --sites)\", \"scenarios\": %s, \"sidc\": \"%s\"}, \"geometry\": {\"type\": "
                      "\"Point\", \"coordinates\": [%.5f, %.5f]}}",
                      i ? ",\n" : "", i, i, nations[random.next() % nations.size()],
                      planned ? "illustrative" : "reported",
                      i % 3 == 0 ? "[\"sites-b\"]" : "[\"sites-a\", \"sites-b\"]", sidc.c_str(), lon, lat);
        text += line;
    }
    text += "\n]}\n";
    writeOutputFile(dir / "features.geojson", text);
    return manifest;
}

} // namespace geo
