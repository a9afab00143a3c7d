#include "geo/SymbolAtlas.h"

#include "geo/OutputFile.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace geo {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'B', 'S', 'Y', 'M', 'B', 'O', 'L', '1'};

struct CacheHeader {
    char magic[8];
    std::int32_t width, height;
    float anchorX, anchorY;
};
static_assert(sizeof(CacheHeader) == 24);

std::uint64_t fnv1a(const std::string& text) {
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
    return h;
}

int roundUp(int value, int step) {
    return (value + step - 1) / step * step;
}

//! Reads a cached symbol; nullopt when absent, truncated or of another format.
std::optional<std::pair<RgbaImage, AtlasEntry>> readCached(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    CacheHeader h{};
    if (!in.read(reinterpret_cast<char*>(&h), sizeof h) || std::memcmp(h.magic, kMagic, sizeof kMagic) != 0)
        return std::nullopt;
    if (h.width <= 0 || h.height <= 0 || h.width > SymbolAtlas::kWidth || h.height > SymbolAtlas::kMaxHeight)
        return std::nullopt;
    RgbaImage image;
    image.width = h.width;
    image.height = h.height;
    image.premultiplied = true;
    image.pixels.resize(size_t(h.width) * size_t(h.height) * 4);
    if (!in.read(reinterpret_cast<char*>(image.pixels.data()), std::streamsize(image.pixels.size())))
        return std::nullopt;
    AtlasEntry entry;
    entry.anchorX = h.anchorX;
    entry.anchorY = h.anchorY;
    return std::pair{std::move(image), entry};
}

//! Writes a symbol to the disk cache; a cache that cannot be written is no error (the next run draws again).
void writeCached(const fs::path& file, const RgbaImage& image, const AtlasEntry& entry) {
    try {
        std::error_code ec;
        fs::create_directories(file.parent_path(), ec);
        CacheHeader h{};
        std::memcpy(h.magic, kMagic, sizeof kMagic);
        h.width = image.width;
        h.height = image.height;
        h.anchorX = entry.anchorX;
        h.anchorY = entry.anchorY;
        std::string bytes(reinterpret_cast<const char*>(&h), sizeof h);
        bytes.append(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size());
        writeOutputFile(file, bytes, Durability::Cache);
    } catch (const OutputError&) {
    }
}

} // namespace

fs::path defaultSymbolCacheDir() {
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "bulwark" / "symbols";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "bulwark" / "symbols";
    return {};
}

SymbolAtlas::SymbolAtlas(SymbolLibrary* library, fs::path cacheDir)
    : _library(library), _cacheDir(std::move(cacheDir)) {
    _page.width = kWidth;
    _page.height = 256;
    _page.premultiplied = true;
    _page.pixels.assign(size_t(_page.width) * size_t(_page.height) * 4, 0);
}

fs::path SymbolAtlas::cacheFile(const SymbolKey& key) const {
    if (_cacheDir.empty()) return {};
    // The library's version is part of the key: a newer milsymbol may draw the same code differently.
    const std::string text = (_library ? _library->version() : std::string("?")) + "|" + key.code + "|" +
                             std::to_string(key.size) + "|" + key.amplifiers.uniqueDesignation + "|" +
                             key.amplifiers.higherFormation + "|" + key.amplifiers.staffComments + "|" +
                             key.amplifiers.additionalInformation + "|" + key.country;
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.sym", static_cast<unsigned long long>(fnv1a(text)));
    return _cacheDir / name;
}

bool SymbolAtlas::pack(const RgbaImage& image, AtlasEntry& entry) {
    const int w = roundUp(image.width + kCell, kCell), h = roundUp(image.height + kCell, kCell);
    if (w > kWidth) return false;
    if (_shelfX + w > kWidth) { // next shelf
        _shelfY += _shelfHeight;
        _shelfX = 0;
        _shelfHeight = 0;
    }
    if (_shelfY + h > kMaxHeight) return false;
    while (_shelfY + h > _page.height) { // grow: rows are appended, packed pixels keep their place
        _page.height = std::min(_page.height * 2, kMaxHeight);
        _page.pixels.resize(size_t(_page.width) * size_t(_page.height) * 4, 0);
    }
    entry.x = _shelfX;
    entry.y = _shelfY;
    entry.width = image.width;
    entry.height = image.height;
    for (int y = 0; y < image.height; ++y)
        std::memcpy(&_page.pixels[(size_t(entry.y + y) * size_t(kWidth) + size_t(entry.x)) * 4],
                    &image.pixels[size_t(y) * size_t(image.width) * 4], size_t(image.width) * 4);
    _shelfX += w;
    _shelfHeight = std::max(_shelfHeight, h);
    ++_revision;
    return true;
}

std::vector<const AtlasEntry*> SymbolAtlas::require(const std::vector<SymbolKey>& keys) {
    std::vector<SymbolKey> missing;
    for (const SymbolKey& key : keys) {
        if (_entries.count(key) || std::find(missing.begin(), missing.end(), key) != missing.end()) continue;
        if (const fs::path file = cacheFile(key); !file.empty())
            if (auto cached = readCached(file)) {
                AtlasEntry& entry = _entries[key] = cached->second;
                if (!pack(cached->first, entry)) entry.failure = "the symbol atlas is full";
                ++_fromDisk;
                continue;
            }
        missing.push_back(key);
    }
    if (!missing.empty()) {
        std::vector<SymbolRequest> requests;
        for (const SymbolKey& k : missing) requests.push_back({k.code, double(k.size), k.amplifiers, k.country, true});
        auto drawn = _library ? _library->draw(requests)
                              : Result<std::vector<SymbolDrawing>>(Failure{"", "the symbol library is not running"});
        for (size_t i = 0; i < missing.size(); ++i) {
            AtlasEntry& entry = _entries[missing[i]];
            if (!drawn) {
                entry.failure = drawn.failure().message();
                continue;
            }
            const SymbolDrawing& d = drawn.value()[i];
            if (!d.error.empty() || d.svg.empty()) {
                entry.failure = d.error.empty() ? "the library drew nothing" : d.error;
                continue;
            }
            auto image = rasterizeSvg(d.svg, true);
            if (!image) {
                entry.failure = image.failure().message();
                continue;
            }
            entry.anchorX = float(d.anchorX);
            entry.anchorY = float(d.anchorY);
            if (!pack(image.value(), entry)) {
                entry.failure = "the symbol atlas is full";
                continue;
            }
            ++_drawn;
            if (const fs::path file = cacheFile(missing[i]); !file.empty()) writeCached(file, image.value(), entry);
        }
    }
    std::vector<const AtlasEntry*> out;
    out.reserve(keys.size());
    for (const SymbolKey& key : keys) out.push_back(&_entries.at(key));
    return out;
}

const AtlasEntry* SymbolAtlas::find(const SymbolKey& key) const {
    const auto it = _entries.find(key);
    return it == _entries.end() ? nullptr : &it->second;
}

std::vector<RgbaImage> SymbolAtlas::mipChain() const {
    std::vector<RgbaImage> chain{_page};
    while (chain.back().width > 1 && chain.back().height > 1) {
        const RgbaImage& up = chain.back();
        RgbaImage down;
        down.width = up.width / 2;
        down.height = up.height / 2;
        down.premultiplied = true;
        down.pixels.resize(size_t(down.width) * size_t(down.height) * 4);
        for (int y = 0; y < down.height; ++y)
            for (int x = 0; x < down.width; ++x)
                for (int c = 0; c < 4; ++c) {
                    const auto at = [&](int dx, int dy) {
                        return int(up.pixels[(size_t(2 * y + dy) * size_t(up.width) + size_t(2 * x + dx)) * 4 + c]);
                    };
                    down.pixels[(size_t(y) * size_t(down.width) + size_t(x)) * 4 + c] =
                        std::uint8_t((at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) / 4);
                }
        chain.push_back(std::move(down));
    }
    return chain;
}

} // namespace geo
