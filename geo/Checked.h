#pragma once
// Checked conversions from double to an integer type: a value from a file or a computation that is
// NaN, infinite or out of the type's range gives nothing, never undefined behaviour or INT_MIN.
#include <cmath>
#include <limits>
#include <optional>
#include <type_traits>

namespace geo {

//! `value` truncated toward zero (as static_cast) when it is finite and the result fits in T;
//! nullopt otherwise. Callers that want rounding round first: checkedInteger<int>(std::round(x)).
template <class T> std::optional<T> checkedInteger(double value) {
    static_assert(std::is_integral_v<T> && !std::is_same_v<T, bool>);
    if (!std::isfinite(value)) return std::nullopt;
    // Both bounds are powers of two (or zero), so exact as doubles: [min, max + 1).
    constexpr double lowest = static_cast<double>(std::numeric_limits<T>::min());
    constexpr double beyond = (static_cast<double>(std::numeric_limits<T>::max() / 2) + 1.0) * 2.0;
    const double whole = std::trunc(value);
    if (whole < lowest || whole >= beyond) return std::nullopt;
    return static_cast<T>(whole);
}

} // namespace geo
