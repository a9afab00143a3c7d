#pragma once
// Military symbols as pixels, packed into one atlas image for the renderer, cached on disk by code
// and size so a symbol is drawn by the library once per machine.
//
//     auto library = geo::SymbolLibrary::start();
//     geo::SymbolAtlas atlas(library ? library.value().get() : nullptr);   // null: disk cache only
//     auto entries = atlas.require({{"10031000161211000000", 48}});        // one batch for all misses
//     const geo::AtlasEntry& e = *entries[0];   // e.x, e.y, e.width, e.height in atlas.page() pixels
//     atlas.page()          // premultiplied RGBA, kWidth wide; atlas.revision() changes when it does
//     atlas.mipChain()      // the page and its box-filtered halvings, for a mip-mapped texture
//
// Entries start on a grid of kCell pixels with kCell-pixel gaps, so mip levels up to log2(kCell)
// never mix two symbols. The atlas only grows; a full atlas (kMaxHeight) marks new entries failed.
#include "geo/Result.h"
#include "geo/SymbolLibrary.h"
#include "geo/SymbolRaster.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace geo {

struct SymbolKey {
    std::string code;            //!< the SIDC as given to the library
    int size = 48;               //!< milsymbol's size, in pixels
    SymbolAmplifiers amplifiers; //!< text drawn around the frame (the close-up variant)
    std::string country;
    auto operator<=>(const SymbolKey&) const = default;
};

struct AtlasEntry {
    int x = 0, y = 0, width = 0, height = 0; //!< in the page; 0 x 0 when failed
    float anchorX = 0, anchorY = 0;          //!< the pixel (from the entry's top left) standing on the point
    std::string failure;                     //!< why there are no pixels (library missing or failed); empty when drawn
    bool ok() const { return failure.empty(); }
};

//! $XDG_CACHE_HOME/bulwark/symbols, else ~/.cache/bulwark/symbols, else none (no disk cache).
std::filesystem::path defaultSymbolCacheDir();

class SymbolAtlas {
public:
    static constexpr int kWidth = 2048, kMaxHeight = 4096, kCell = 8;

    //! `library` may be null (every miss in the disk cache then fails); `cacheDir` empty: no disk cache.
    explicit SymbolAtlas(SymbolLibrary* library, std::filesystem::path cacheDir = defaultSymbolCacheDir());

    //! The entry of every key, in order: those already packed, those in the disk cache, and the rest
    //! drawn by the library in one batch and rasterized. Pointers stay valid while the atlas lives.
    std::vector<const AtlasEntry*> require(const std::vector<SymbolKey>& keys);
    const AtlasEntry* find(const SymbolKey& key) const;

    const RgbaImage& page() const { return _page; }
    std::vector<RgbaImage> mipChain() const;
    std::uint64_t revision() const { return _revision; }
    size_t size() const { return _entries.size(); }

    //! Counters since construction, for the bench: drawn by the library, read from disk.
    size_t drawn() const { return _drawn; }
    size_t fromDisk() const { return _fromDisk; }

private:
    bool pack(const RgbaImage& image, AtlasEntry& entry);
    std::filesystem::path cacheFile(const SymbolKey& key) const;

    SymbolLibrary* _library;
    std::filesystem::path _cacheDir;
    std::map<SymbolKey, AtlasEntry> _entries;
    RgbaImage _page;
    int _shelfX = 0, _shelfY = 0, _shelfHeight = 0;
    std::uint64_t _revision = 0;
    size_t _drawn = 0, _fromDisk = 0;
};

} // namespace geo
