#pragma once
// Graphics pipelines for Bulwark's classic render pass: a small builder for the few settings the
// layers differ in (shaders, vertex layout, depth, blending, push constants).
#include "renderer/Context.h"

#include <cstdint>
#include <span>
#include <vector>

namespace renderer {

struct PipelineDesc {
    std::span<const uint32_t> vertexSpirv;
    std::span<const uint32_t> fragmentSpirv;
    std::vector<VkVertexInputBindingDescription> bindings;
    std::vector<VkVertexInputAttributeDescription> attributes;
    bool depthTest = true;
    bool depthWrite = true;
    bool alphaBlend = false;
    uint32_t pushConstantBytes = 0;
    uint32_t fragmentVariant = 0; //!< value of the fragment shader's `layout(constant_id = 0)`, if it has one
    VkDescriptorSetLayout layerSet = VK_NULL_HANDLE; //!< set 1, the layer's own images; none when null
};

//! Owns a pipeline layout and a pipeline.
class Pipeline {
public:
    Pipeline(const Context& context, VkRenderPass renderPass, VkDescriptorSetLayout setLayout,
             const PipelineDesc& desc);
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    VkPipeline vk() const { return _pipeline; }
    VkPipelineLayout layout() const { return _layout; }

private:
    const Context& _context;
    VkPipelineLayout _layout = VK_NULL_HANDLE;
    VkPipeline _pipeline = VK_NULL_HANDLE;
};

} // namespace renderer
