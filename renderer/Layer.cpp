#include "renderer/Layer.h"

#include "renderer/GpuTypes.h"
#include "renderer/VulkanError.h"

#include <tuple>

namespace renderer {

std::unique_ptr<Pipeline> PipelineCache::make(const PipelineDesc& desc) const {
    return std::make_unique<Pipeline>(_context, _renderPass, _frameSet, desc);
}

const Pipeline& PipelineCache::shared(const std::string& key, PipelineDesc (*desc)()) {
    std::unique_ptr<Pipeline>& p = _shared[key];
    if (!p) p = make(desc());
    return *p;
}

Layer* LayerSetup::find(std::string_view name) const {
    for (const auto& layer : earlier)
        if (layer && layer->name() == name) return layer.get();
    return nullptr;
}

void DrawContext::bind(const Pipeline& pipeline, VkDescriptorSet layerSet) const {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.vk());
    const VkDescriptorSet sets[2] = {frameSet, layerSet};
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, layerSet ? 2 : 1, sets, 0,
                            nullptr);
}

std::pair<VkDescriptorSetLayout, VkDescriptorPool>
createSetLayoutAndPool(VkDevice device, std::span<const VkDescriptorSetLayoutBinding> bindings, uint32_t sets) {
    VkDescriptorSetLayoutCreateInfo dslci{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    dslci.bindingCount = uint32_t(bindings.size());
    dslci.pBindings = bindings.data();
    VkDescriptorSetLayout layout = VK_NULL_HANDLE;
    VK_CHECK(vkCreateDescriptorSetLayout(device, &dslci, nullptr, &layout));
    const VkDescriptorPoolSize size{bindings.front().descriptorType, sets * uint32_t(bindings.size())};
    VkDescriptorPoolCreateInfo dpci{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    dpci.maxSets = sets;
    dpci.poolSizeCount = 1;
    dpci.pPoolSizes = &size;
    VkDescriptorPool pool = VK_NULL_HANDLE;
    if (const VkResult r = vkCreateDescriptorPool(device, &dpci, nullptr, &pool); r != VK_SUCCESS) {
        vkDestroyDescriptorSetLayout(device, layout, nullptr);
        VK_CHECK(r);
    }
    return {layout, pool};
}

ImageSet::ImageSet(const Context& context, uint32_t sets, uint32_t bindings, bool mipmapped)
    : _context(context), _sampler(context, mipmapped) {
    VkDevice device = context.device();
    std::vector<VkDescriptorSetLayoutBinding> images;
    for (uint32_t b = 0; b < bindings; ++b)
        images.push_back({binding::kLayerImage + b, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                          VK_SHADER_STAGE_FRAGMENT_BIT, nullptr});
    std::tie(_layout, _pool) = createSetLayoutAndPool(device, images, sets);
    _sets.resize(sets);
    const std::vector<VkDescriptorSetLayout> layouts(sets, _layout);
    VkDescriptorSetAllocateInfo dsai{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    dsai.descriptorPool = _pool;
    dsai.descriptorSetCount = sets;
    dsai.pSetLayouts = layouts.data();
    VK_CHECK(vkAllocateDescriptorSets(device, &dsai, _sets.data()));
}

ImageSet::~ImageSet() {
    vkDestroyDescriptorPool(_context.device(), _pool, nullptr);
    vkDestroyDescriptorSetLayout(_context.device(), _layout, nullptr);
}

void ImageSet::write(uint32_t i, const Image& image, uint32_t which) const {
    const VkDescriptorImageInfo info{_sampler.vk(), image.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
    write.dstSet = _sets.at(i);
    write.dstBinding = binding::kLayerImage + which;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    write.pImageInfo = &info;
    vkUpdateDescriptorSets(_context.device(), 1, &write, 0, nullptr);
}

} // namespace renderer
