#pragma once
// The one way Bulwark reads a JSON file the user gave it: each field with the type it must have.
// A value of the wrong type is a problem reported to a sink (naming the field), never an exception
// with nlohmann's text. Used for scenario manifests, tours and the viewer's settings.
//
//     JsonFields key(k, [&](const std::string& field, const std::string& message) {
//         problems.push_back({file, "keyframe 2", field, message});
//     });
//     const auto caption = key.text("caption");           // absent: nullopt; a number: "must be text"
//     const auto lat = key.object("camera")->number("lat", -90, 90); // problems name "camera.lat"
//
// Not in a public geo header: it includes nlohmann/json.
#include "geo/Result.h"

#include <filesystem>
#include <functional>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace geo {

//! The file's content parsed as JSON; the Failure names the file and says "not valid JSON (at byte N)"
//! or why the file cannot be read (see readInputFile).
Result<nlohmann::json> readJsonFile(const std::filesystem::path& file);

//! A number as a message shows it: 100000, 0.5, 1e+300.
std::string formatNumber(double value);

class JsonFields {
public:
    //! Receives each problem: the field (with the prefix of the objects it is in) and what is wrong.
    using Sink = std::function<void(const std::string& field, const std::string& message)>;

    //! `value` must be an object (else one problem, "must be an object", and every read gives nothing).
    JsonFields(const nlohmann::json& value, Sink sink, std::string prefix = "");
    //! It keeps a pointer to `value`: a temporary would be gone before the first read.
    JsonFields(nlohmann::json&& value, Sink sink, std::string prefix = "") = delete;

    bool isObject() const { return _object != nullptr; }
    bool has(std::string_view field) const;

    std::optional<std::string> text(std::string_view field) const;
    //! A finite number within lo..hi; else a problem and nothing.
    std::optional<double> number(std::string_view field, double lo = std::numeric_limits<double>::lowest(),
                                 double hi = std::numeric_limits<double>::max()) const;
    //! A whole number within lo..hi.
    std::optional<long long> integer(std::string_view field, long long lo, long long hi) const;
    std::optional<bool> flag(std::string_view field) const;
    //! The nested object, whose problems name "field.inner"; nothing when absent or not an object (a problem).
    std::optional<JsonFields> object(std::string_view field) const;
    //! The array; nullptr when absent or not an array (a problem).
    const nlohmann::json* array(std::string_view field) const;

    //! Reports every field not in `known` as "unknown field" (a typo must not silently do nothing).
    void refuseUnknown(std::initializer_list<std::string_view> known) const;

    //! Reports a problem of `field` through the sink (for checks beyond the type).
    void report(std::string_view field, const std::string& message) const;

private:
    const nlohmann::json* find(std::string_view field) const;
    //! The field when present and `(value.*is)()`; when present but of another type, reports "must be <what>".
    const nlohmann::json* findTyped(std::string_view field, bool (nlohmann::json::*is)() const noexcept,
                                    const char* what) const;
    const nlohmann::json* _object = nullptr;
    Sink _sink;
    std::string _prefix;
};

} // namespace geo
