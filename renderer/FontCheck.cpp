#include "renderer/FontCheck.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stb/stb_truetype.h>

namespace renderer {

namespace {

constexpr int kMaxComponentDepth = 8; //!< composite glyphs nest a level or two in real fonts
constexpr int kMaxGlyphEms = 16;      //!< a glyph box wider or taller than this many line heights is damage

//! Big-endian reads that never leave the file: out of range is an error, not a read.
class Bytes {
public:
    explicit Bytes(const std::vector<unsigned char>& data) : _data(data) {}
    bool has(uint64_t offset, uint64_t length) const {
        return offset <= _data.size() && length <= _data.size() - offset;
    }
    uint32_t u8(uint64_t at) const { return _data[at]; }
    uint32_t u16(uint64_t at) const { return uint32_t(_data[at]) << 8 | _data[at + 1]; }
    int32_t i16(uint64_t at) const { return int16_t(u16(at)); }
    uint32_t u32(uint64_t at) const { return u16(at) << 16 | u16(at + 2); }
    size_t size() const { return _data.size(); }

private:
    const std::vector<unsigned char>& _data;
};

struct Table {
    uint32_t offset = 0, length = 0;
};

struct Font {
    Bytes bytes;
    Table cmap, head, hhea, hmtx, loca, glyf, maxp;
    uint32_t glyphs = 0;
    bool longLoca = false;
    int lineHeight = 0;
};

uint32_t tag(const char* t) {
    return uint32_t(uint8_t(t[0])) << 24 | uint32_t(uint8_t(t[1])) << 16 | uint32_t(uint8_t(t[2])) << 8 | uint8_t(t[3]);
}

//! The glyph's bytes within glyf, from loca (checked already): [start, end).
std::pair<uint32_t, uint32_t> glyphSpan(const Font& f, uint32_t glyph) {
    const Bytes& b = f.bytes;
    if (f.longLoca) return {b.u32(f.loca.offset + 4 * glyph), b.u32(f.loca.offset + 4 * glyph + 4)};
    return {b.u16(f.loca.offset + 2 * glyph) * 2, b.u16(f.loca.offset + 2 * glyph + 2) * 2};
}

//! The outline of a simple glyph (numberOfContours > 0) fits in its `length` bytes at `at`.
std::string checkSimpleGlyph(const Bytes& b, uint64_t at, uint64_t length, uint32_t contours) {
    uint64_t used = 10 + 2 * uint64_t(contours) + 2;
    if (used > length) return "cut short";
    uint32_t points = 0;
    for (uint32_t c = 0; c < contours; ++c) {
        const uint32_t end = b.u16(at + 10 + 2 * c) + 1;
        if (end <= points) return "contour ends out of order";
        points = end;
    }
    used += b.u16(at + 10 + 2 * contours); // instructions
    uint64_t xBytes = 0, yBytes = 0;
    for (uint32_t p = 0; p < points;) {
        if (used + 1 > length) return "cut short";
        const uint32_t flag = b.u8(at + used++);
        uint32_t repeat = 1;
        if (flag & 8) {
            if (used + 1 > length) return "cut short";
            repeat += b.u8(at + used++);
        }
        // stb reads exactly the flags of `points` points, so a repeat past the last one must not count.
        repeat = std::min(repeat, points - p);
        xBytes += repeat * ((flag & 2) ? 1 : (flag & 16) ? 0 : 2);
        yBytes += repeat * ((flag & 4) ? 1 : (flag & 32) ? 0 : 2);
        p += repeat;
    }
    return used + xBytes + yBytes <= length ? std::string() : "cut short";
}

//! A glyph and every component it draws on, checked; `depth` guards against cycles and deep nesting.
std::string checkGlyph(const Font& f, uint32_t glyph, int depth, std::vector<int8_t>& state) {
    if (state[glyph] == 1) return {};
    if (depth > kMaxComponentDepth) return "composite glyph nested too deep (or in a cycle)";
    const auto [start, end] = glyphSpan(f, glyph);
    const uint64_t length = end - start;
    if (length == 0) return state[glyph] = 1, std::string(); // a blank glyph, as a space
    const Bytes& b = f.bytes;
    const uint64_t at = uint64_t(f.glyf.offset) + start;
    if (length < 10) return "glyph " + std::to_string(glyph) + " cut short";
    const int32_t contours = b.i16(at);
    const int32_t xMin = b.i16(at + 2), yMin = b.i16(at + 4), xMax = b.i16(at + 6), yMax = b.i16(at + 8);
    if (xMin > xMax || yMin > yMax || xMax - xMin > kMaxGlyphEms * f.lineHeight ||
        yMax - yMin > kMaxGlyphEms * f.lineHeight)
        return "glyph " + std::to_string(glyph) + " has an impossible size";
    if (contours > 0) {
        if (std::string problem = checkSimpleGlyph(b, at, length, uint32_t(contours)); !problem.empty())
            return "glyph " + std::to_string(glyph) + ": " + problem;
    } else if (contours < 0) {
        uint64_t used = 10;
        for (bool more = true; more;) {
            if (used + 4 > length) return "glyph " + std::to_string(glyph) + ": cut short";
            const uint32_t flags = b.u16(at + used), component = b.u16(at + used + 2);
            used += 4 + ((flags & 1) ? 4 : 2) + ((flags & 8) ? 2 : (flags & 64) ? 4 : (flags & 128) ? 8 : 0);
            if (used > length) return "glyph " + std::to_string(glyph) + ": cut short";
            if (component >= f.glyphs) return "glyph " + std::to_string(glyph) + " draws on a glyph the font lacks";
            if (std::string problem = checkGlyph(f, component, depth + 1, state); !problem.empty()) return problem;
            more = flags & 0x20;
        }
    }
    state[glyph] = 1;
    return {};
}

//! A cmap subtable stb may look code points up in: all it reads lies inside the cmap table.
std::string checkCmapSubtable(const Font& f, uint64_t at) {
    const Bytes& b = f.bytes;
    const uint64_t end = uint64_t(f.cmap.offset) + f.cmap.length;
    auto inside = [&](uint64_t from, uint64_t length) { return from <= end && length <= end - from; };
    if (!inside(at, 4)) return "character map outside its table";
    switch (b.u16(at)) {
    case 0: return inside(at, 6) && b.u16(at + 2) >= 6 && inside(at, b.u16(at + 2)) ? "" : "character map cut short";
    case 6: return inside(at, 10) && inside(at, 10 + 2 * uint64_t(b.u16(at + 8))) ? "" : "character map cut short";
    case 12:
    case 13: return inside(at, 16) && inside(at, 16 + 12 * uint64_t(b.u32(at + 12))) ? "" : "character map cut short";
    case 4: {
        if (!inside(at, 14)) return "character map cut short";
        const uint32_t segments = b.u16(at + 6) / 2;
        if (segments == 0 || !inside(at, 16 + 8 * uint64_t(segments))) return "character map cut short";
        // stb's binary search trusts searchRange, entrySelector and rangeShift: they must be what
        // the segment count implies, or it reads elsewhere.
        uint32_t power = 1, log = 0;
        while (power * 2 <= segments) power *= 2, ++log;
        if (b.u16(at + 8) != 2 * power || b.u16(at + 10) != log || b.u16(at + 12) != 2 * segments - 2 * power)
            return "character map's search fields are damaged";
        const uint64_t ends = at + 14, starts = ends + 2 * segments + 2, offsets = starts + 4 * segments;
        for (uint32_t s = 0; s < segments; ++s) {
            const uint32_t first = b.u16(starts + 2 * s), last = b.u16(ends + 2 * s),
                           rangeOffset = b.u16(offsets + 2 * s);
            if (first > last) return "character map's segments are damaged";
            if (rangeOffset && !inside(offsets + 2 * s + rangeOffset, 2 * (uint64_t(last - first) + 1)))
                return "character map points outside its table";
        }
        return {};
    }
    default: return "character map in format " + std::to_string(b.u16(at)) + ", which stb_truetype cannot read";
    }
}

std::optional<Table> findTable(const Bytes& b, uint64_t directory, uint32_t tables, const char* name) {
    for (uint32_t i = 0; i < tables; ++i)
        if (b.u32(directory + 12 + 16 * i) == tag(name))
            return Table{b.u32(directory + 12 + 16 * i + 8), b.u32(directory + 12 + 16 * i + 12)};
    return std::nullopt;
}

} // namespace

std::string checkFont(const std::vector<unsigned char>& ttf) {
    const Bytes b(ttf);
    if (!b.has(0, 12)) return "not a TrueType font (too short)";
    uint64_t directory = 0;
    if (b.u32(0) == tag("ttcf")) { // a collection: stb (and Bulwark) uses its first font
        if (!b.has(0, 16) || b.u32(8) == 0) return "a font collection with no fonts";
        directory = b.u32(12);
        if (!b.has(directory, 12)) return "cut short: the font's table directory is missing";
    }
    const uint32_t version = b.u32(directory);
    if (version == tag("OTTO")) return "has PostScript (CFF) outlines: give a TrueType font (glyf outlines)";
    if (version != 0x00010000 && version != tag("true")) return "not a TrueType font";
    const uint32_t tables = b.u16(directory + 4);
    if (!b.has(directory + 12, 16 * uint64_t(tables))) return "cut short: the table directory runs past the end";
    for (uint32_t i = 0; i < tables; ++i) {
        const uint64_t record = directory + 12 + 16 * i;
        if (!b.has(b.u32(record + 8), b.u32(record + 12)))
            return "cut short or damaged: a table lies past the end of the file (" + std::to_string(b.size()) +
                   " bytes)";
    }
    Font f{b, {}, {}, {}, {}, {}, {}, {}};
    const std::pair<Table*, const char*> needed[] = {{&f.cmap, "cmap"}, {&f.head, "head"}, {&f.hhea, "hhea"},
                                                     {&f.hmtx, "hmtx"}, {&f.loca, "loca"}, {&f.glyf, "glyf"},
                                                     {&f.maxp, "maxp"}};
    for (const auto& [table, name] : needed) {
        const auto found = findTable(b, directory, tables, name);
        if (!found) return std::string("lacks the '") + name + "' table stb_truetype needs";
        *table = *found;
    }
    if (f.head.length < 54 || f.hhea.length < 36 || f.maxp.length < 6 || f.cmap.length < 4)
        return "damaged: a header table is too short";
    f.glyphs = b.u16(f.maxp.offset + 4);
    f.longLoca = b.i16(f.head.offset + 50) != 0;
    f.lineHeight = b.i16(f.hhea.offset + 4) - b.i16(f.hhea.offset + 6);
    const uint32_t metrics = b.u16(f.hhea.offset + 34);
    if (f.glyphs == 0 || f.lineHeight <= 0 || metrics == 0 || metrics > f.glyphs)
        return "damaged: impossible glyph count or line height";
    if (f.hmtx.length < 4 * uint64_t(metrics) + 2 * uint64_t(f.glyphs - metrics)) return "damaged: 'hmtx' too short";
    if (f.loca.length < (uint64_t(f.glyphs) + 1) * (f.longLoca ? 4 : 2)) return "damaged: 'loca' too short";
    for (uint32_t g = 0; g < f.glyphs; ++g) {
        const auto [start, end] = glyphSpan(f, g);
        if (start > end || end > f.glyf.length) return "damaged: glyph " + std::to_string(g) + " lies outside 'glyf'";
    }
    std::vector<int8_t> state(f.glyphs, 0);
    for (uint32_t g = 0; g < f.glyphs; ++g)
        if (std::string problem = checkGlyph(f, g, 0, state); !problem.empty()) return "damaged: " + problem;

    const uint32_t encodings = b.u16(f.cmap.offset + 2);
    if (4 + 8 * uint64_t(encodings) > f.cmap.length) return "damaged: 'cmap' too short";
    for (uint32_t i = 0; i < encodings; ++i) {
        const uint64_t record = uint64_t(f.cmap.offset) + 4 + 8 * i;
        const uint32_t platform = b.u16(record), encoding = b.u16(record + 2);
        if (platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10)))
            if (std::string problem = checkCmapSubtable(f, f.cmap.offset + uint64_t(b.u32(record + 4)));
                !problem.empty())
                return "damaged: " + problem;
    }
    stbtt_fontinfo info;
    const int offset = stbtt_GetFontOffsetForIndex(ttf.data(), 0);
    if (offset < 0 || uint64_t(offset) != directory || !stbtt_InitFont(&info, ttf.data(), offset))
        return "not a TrueType font stb_truetype can read";
    for (const char* range : {"AZ", "az", "09"})
        for (int c = range[0]; c <= range[1]; ++c)
            if (stbtt_FindGlyphIndex(&info, c) == 0)
                return std::string("has no glyph for '") + char(c) + "': labels need Latin letters and digits";
    return {};
}

} // namespace renderer
