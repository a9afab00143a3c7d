#include "geo/Countries.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace geo {

const std::map<std::string, std::string>& countryNames() {
    static const std::map<std::string, std::string> names = [] {
        std::map<std::string, std::string> out;
        std::ifstream in(kIsoCodesFile);
        const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
        if (!doc.is_object() || !doc.contains("3166-1")) return out;
        for (const nlohmann::json& entry : doc["3166-1"]) {
            if (!entry.contains("alpha_2") || !entry["alpha_2"].is_string()) continue;
            const char* field = entry.contains("common_name") ? "common_name" : "name";
            out[entry["alpha_2"].get<std::string>()] = entry.value(field, entry["alpha_2"].get<std::string>());
        }
        return out;
    }();
    return names;
}

std::string countryName(const std::string& iso2) {
    const auto& names = countryNames();
    const auto it = names.find(iso2);
    return it == names.end() ? iso2 : it->second;
}

} // namespace geo
