#pragma once
// The size of a window, video frame or still as the command line gives it: "WIDTHxHEIGHT".
#include "geo/Result.h"

#include <cstdint>
#include <string>

namespace geo {

struct FrameSize {
    std::uint32_t width = 0, height = 0;
};

//! Parses "WxH" (or "WXH"), each side digits only and within 16..maxSide; the failure names
//! `option` and the text ("--size 0x0: ...").
Result<FrameSize> parseFrameSize(const std::string& text, const std::string& option, std::uint32_t maxSide);

} // namespace geo
