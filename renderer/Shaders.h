#pragma once
// The SPIR-V of every shader, compiled by glslc at build time and embedded (shaders/CMakeLists.txt).
#include <cstdint>
#include <span>

namespace renderer::shaders {
std::span<const uint32_t> terrainVert();
std::span<const uint32_t> terrainFrag();
std::span<const uint32_t> lineVert();
std::span<const uint32_t> lineFrag();
std::span<const uint32_t> labelVert();
std::span<const uint32_t> labelFrag();
std::span<const uint32_t> skyVert();
std::span<const uint32_t> skyFrag();
std::span<const uint32_t> markerVert();
std::span<const uint32_t> markerFrag();
std::span<const uint32_t> areaVert();
std::span<const uint32_t> areaFrag();
std::span<const uint32_t> highlightFrag();
std::span<const uint32_t> symbolVert();
std::span<const uint32_t> symbolFrag();
std::span<const uint32_t> coverageFrag();
std::span<const uint32_t> imageryFrag();
} // namespace renderer::shaders
