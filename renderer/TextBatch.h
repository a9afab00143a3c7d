#pragma once
// Text drawn by a layer (place names, the overlay): its glyph atlas on the GPU, and each frame's
// quads (label.vert) in the frame slot's own buffer, one range per half of the frame.
#include "renderer/Buffer.h"
#include "renderer/GlyphAtlas.h"
#include "renderer/GpuTypes.h"
#include "renderer/Layer.h"

#include <array>
#include <memory>
#include <utility>

namespace renderer {

class TextBatch {
public:
    TextBatch(const LayerSetup& setup, size_t maxVertices);
    //! Bakes the atlas for `codepoints` (plus ASCII) and uploads it; the GPU must be idle.
    void bake(const std::vector<unsigned char>& font, const std::vector<char32_t>& codepoints);
    const GlyphAtlas& atlas() const { return *_atlas; }
    size_t maxVertices() const { return _maxVertices; }
    //! This frame's quads for frame slot `slot`; `ranges[h]` (first, count) is half h's part.
    void upload(uint32_t slot, const std::vector<LabelVertex>& vertices,
                const std::array<std::pair<uint32_t, uint32_t>, 2>& ranges);
    //! Draws the part of `frame`'s half uploaded for its slot.
    void draw(const DrawContext& frame) const;

private:
    const Context& _context;
    const size_t _maxVertices;
    std::unique_ptr<GlyphAtlas> _atlas;
    std::unique_ptr<Image> _image;
    ImageSet _imageSet;
    std::unique_ptr<Pipeline> _pipeline;
    std::vector<Buffer> _vertices; //!< per frame slot
    std::vector<std::array<std::pair<uint32_t, uint32_t>, 2>> _ranges;
};

} // namespace renderer
