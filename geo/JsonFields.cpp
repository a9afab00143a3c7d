#include "geo/JsonFields.h"

#include "geo/Checked.h"
#include "geo/InputPath.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace geo {

Result<nlohmann::json> readJsonFile(const std::filesystem::path& file) {
    auto content = readInputFile(file);
    if (!content) return content.failure();
    try {
        return nlohmann::json::parse(content.value());
    } catch (const nlohmann::json::parse_error& e) {
        return Failure{file.string(), "not valid JSON (at byte " + std::to_string(e.byte) + ")"};
    } catch (const nlohmann::json::exception&) { // e.g. nesting too deep
        return Failure{file.string(), "not valid JSON"};
    }
}

std::string formatNumber(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", value);
    return text;
}

JsonFields::JsonFields(const nlohmann::json& value, Sink sink, std::string prefix)
    : _sink(std::move(sink)), _prefix(std::move(prefix)) {
    if (value.is_object())
        _object = &value;
    else
        _sink(_prefix.empty() ? std::string() : _prefix.substr(0, _prefix.size() - 1), "must be an object");
}

const nlohmann::json* JsonFields::find(std::string_view field) const {
    if (!_object) return nullptr;
    const auto it = _object->find(field);
    return it == _object->end() ? nullptr : &*it;
}

bool JsonFields::has(std::string_view field) const {
    return find(field) != nullptr;
}

void JsonFields::report(std::string_view field, const std::string& message) const {
    _sink(_prefix + std::string(field), message);
}

const nlohmann::json* JsonFields::findTyped(std::string_view field, bool (nlohmann::json::*is)() const noexcept,
                                            const char* what) const {
    const nlohmann::json* v = find(field);
    if (!v || (v->*is)()) return v;
    report(field, std::string("must be ") + what);
    return nullptr;
}

std::optional<std::string> JsonFields::text(std::string_view field) const {
    const nlohmann::json* v = findTyped(field, &nlohmann::json::is_string, "text");
    if (!v) return std::nullopt;
    return v->get<std::string>();
}

std::optional<double> JsonFields::number(std::string_view field, double lo, double hi) const {
    const nlohmann::json* v = findTyped(field, &nlohmann::json::is_number, "a number");
    if (!v) return std::nullopt;
    const double d = v->get<double>();
    if (!std::isfinite(d) || d < lo || d > hi) {
        const bool bounded = lo > std::numeric_limits<double>::lowest() || hi < std::numeric_limits<double>::max();
        report(field, bounded ? "must be within " + formatNumber(lo) + ".." + formatNumber(hi)
                              : std::string("must be a finite number"));
        return std::nullopt;
    }
    return d;
}

std::optional<long long> JsonFields::integer(std::string_view field, long long lo, long long hi) const {
    const nlohmann::json* v = find(field);
    if (!v) return std::nullopt;
    const bool whole = v->is_number_integer() || (v->is_number_float() && std::isfinite(v->get<double>()) &&
                                                  v->get<double>() == std::trunc(v->get<double>()));
    if (!whole) {
        report(field, "must be a whole number");
        return std::nullopt;
    }
    // Compared as doubles: an unsigned 2^64-1 or a float 1e300 must not wrap before the range check.
    const double d = v->is_number_unsigned() ? double(v->get<unsigned long long>()) : v->get<double>();
    const std::optional<long long> n = checkedInteger<long long>(d);
    if (!n || *n < lo || *n > hi) {
        report(field, "must be within " + std::to_string(lo) + ".." + std::to_string(hi));
        return std::nullopt;
    }
    return n;
}

std::optional<bool> JsonFields::flag(std::string_view field) const {
    const nlohmann::json* v = findTyped(field, &nlohmann::json::is_boolean, "true or false");
    if (!v) return std::nullopt;
    return v->get<bool>();
}

std::optional<JsonFields> JsonFields::object(std::string_view field) const {
    const nlohmann::json* v = findTyped(field, &nlohmann::json::is_object, "an object");
    if (!v) return std::nullopt;
    return JsonFields(*v, _sink, _prefix + std::string(field) + ".");
}

const nlohmann::json* JsonFields::array(std::string_view field) const {
    return findTyped(field, &nlohmann::json::is_array, "a list");
}

void JsonFields::refuseUnknown(std::initializer_list<std::string_view> known) const {
    if (!_object) return;
    for (const auto& [key, value] : _object->items())
        if (std::find(known.begin(), known.end(), key) == known.end()) report(key, "unknown field");
}

} // namespace geo
