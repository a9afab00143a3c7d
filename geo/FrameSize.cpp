#include "geo/FrameSize.h"

#include <charconv>

namespace geo {

namespace {

//! Digits only (no sign, space or exponent), at most 9 of them so the value fits; nothing otherwise.
bool parseSide(const char* first, const char* last, std::uint32_t& side) {
    if (first == last || last - first > 9) return false;
    const auto [end, error] = std::from_chars(first, last, side);
    return error == std::errc() && end == last;
}

} // namespace

Result<FrameSize> parseFrameSize(const std::string& text, const std::string& option, std::uint32_t maxSide) {
    const std::string where = option + " " + text;
    const size_t x = text.find_first_of("xX");
    FrameSize size;
    if (x == std::string::npos || !parseSide(text.data(), text.data() + x, size.width) ||
        !parseSide(text.data() + x + 1, text.data() + text.size(), size.height))
        return Failure{where, "expected WIDTHxHEIGHT, e.g. 1920x1080"};
    if (size.width < 16 || size.height < 16 || size.width > maxSide || size.height > maxSide)
        return Failure{where, "each side must be within 16.." + std::to_string(maxSide) + " pixels"};
    return size;
}

} // namespace geo
