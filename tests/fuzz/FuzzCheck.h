#pragma once
// What a fuzz target asserts beyond "no crash": a loader that reports success must not have read a
// value the program cannot draw. A broken invariant aborts, which libFuzzer saves as a crash.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <glm/glm.hpp>

namespace fuzz {

[[noreturn]] inline void broken(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void expect(bool condition, const char* what) {
    if (!condition) broken(what);
}

//! A lon/lat a loader accepted: finite, latitude within the poles.
inline void expectLonLat(const glm::dvec2& p, const char* what) {
    expect(std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.y) <= 90.0, what);
}

} // namespace fuzz
