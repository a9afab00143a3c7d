#include "renderer/TextBatch.h"

#include "renderer/Shaders.h"

#include <algorithm>
#include <cstring>

namespace renderer {

namespace {

PipelineDesc labelPipeline(VkDescriptorSetLayout glyphs) {
    PipelineDesc label;
    label.vertexSpirv = shaders::labelVert();
    label.fragmentSpirv = shaders::labelFrag();
    label.bindings = {{0, sizeof(LabelVertex), VK_VERTEX_INPUT_RATE_VERTEX}};
    const auto attribute = [](uint32_t location, VkFormat format, uint32_t offset) {
        return VkVertexInputAttributeDescription{location, 0, format, offset};
    };
    label.attributes = {attribute(0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(LabelVertex, anchor)),
                        attribute(1, VK_FORMAT_R32G32_SFLOAT, offsetof(LabelVertex, offset)),
                        attribute(2, VK_FORMAT_R32G32_SFLOAT, offsetof(LabelVertex, uv)),
                        attribute(3, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(LabelVertex, color)),
                        attribute(4, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(LabelVertex, halo)),
                        attribute(5, VK_FORMAT_R32_SFLOAT, offsetof(LabelVertex, screen))};
    label.depthTest = false;
    label.depthWrite = false;
    label.alphaBlend = true;
    label.layerSet = glyphs;
    return label;
}

} // namespace

TextBatch::TextBatch(const LayerSetup& setup, size_t maxVertices)
    : _context(setup.context), _maxVertices(maxVertices), _imageSet(setup.context),
      _pipeline(setup.pipelines.make(labelPipeline(_imageSet.layout()))), _ranges(setup.frameSlots) {
    for (uint32_t i = 0; i < setup.frameSlots; ++i)
        _vertices.emplace_back(setup.context, BufferDomain::Upload, VK_BUFFER_USAGE_VERTEX_BUFFER_BIT,
                               maxVertices * sizeof(LabelVertex));
}

void TextBatch::bake(const std::vector<unsigned char>& font, const std::vector<char32_t>& codepoints) {
    _atlas = std::make_unique<GlyphAtlas>(font, codepoints);
    _image = std::make_unique<Image>(_context, _atlas->width(), _atlas->height(), VK_FORMAT_R8_UNORM,
                                     VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
                                     VK_IMAGE_ASPECT_COLOR_BIT);
    _image->upload(_atlas->pixels().data(), _atlas->pixels().size());
    _imageSet.write(0, *_image);
}

void TextBatch::upload(uint32_t slot, const std::vector<LabelVertex>& vertices,
                       const std::array<std::pair<uint32_t, uint32_t>, 2>& ranges) {
    const size_t count = std::min(vertices.size(), _maxVertices);
    if (count) std::memcpy(_vertices.at(slot).mapped(), vertices.data(), count * sizeof(LabelVertex));
    _ranges.at(slot) = ranges;
}

void TextBatch::draw(const DrawContext& frame) const {
    const auto [first, count] = _ranges.at(frame.slot).at(frame.halfIndex);
    if (count == 0) return;
    frame.bind(*_pipeline, _imageSet.set());
    const VkBuffer vb = _vertices.at(frame.slot).vk();
    const VkDeviceSize offset = 0;
    vkCmdBindVertexBuffers(frame.cmd, 0, 1, &vb, &offset);
    vkCmdDraw(frame.cmd, count, 1, first, 0);
}

} // namespace renderer
