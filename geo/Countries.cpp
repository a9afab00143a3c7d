#include "geo/Countries.h"

#include "geo/JsonFields.h"

namespace geo {

const std::map<std::string, std::string>& countryNames() {
    static const std::map<std::string, std::string> names = [] {
        std::map<std::string, std::string> out;
        const auto doc = readJsonFile(kIsoCodesFile);
        if (!doc || !doc.value().is_object()) return out; // the caller reports the missing codes
        const JsonFields file(doc.value(), [](const std::string&, const std::string&) {});
        const nlohmann::json* entries = file.array("3166-1");
        if (!entries) return out;
        for (const nlohmann::json& entry : *entries) {
            const JsonFields country(entry, [](const std::string&, const std::string&) {});
            const auto code = country.text("alpha_2");
            if (!code) continue;
            out[*code] = country.text("common_name").value_or(country.text("name").value_or(*code));
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
