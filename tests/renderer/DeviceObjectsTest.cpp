// The RAII owners of Vulkan objects, with the validation layer on: a moved-from owner holds nothing and
// destroys nothing, each object is destroyed exactly once (a leak or a double destroy is a validation
// error), and a frame slot's pieces work together: record, submit with the fence, wait.
#include "renderer/DeviceObjects.h"
#include "renderer/VulkanError.h"

#include <gtest/gtest.h>
#include <utility>
#include <vector>

namespace {

renderer::ContextOptions validated() {
    renderer::ContextOptions options;
    options.validation = true; // fails loudly if the layer is missing: never skipped
    return options;
}

void expectClean(const renderer::Context& context) {
    EXPECT_EQ(context.validationErrors(), 0u);
    for (const std::string& m : context.validationMessages()) ADD_FAILURE() << m;
}

} // namespace

TEST(DeviceObjects, AMovedOwnerHoldsNothingAndEachObjectIsDestroyedOnce) {
    renderer::Context context(validated());
    {
        renderer::Fence fence(context, true);
        const VkFence handle = fence.vk();
        ASSERT_NE(handle, VK_NULL_HANDLE);
        renderer::Fence moved(std::move(fence));
        EXPECT_EQ(moved.vk(), handle);
        EXPECT_FALSE(fence);
        renderer::Fence assigned(context, false);
        assigned = std::move(moved); // the unsignalled fence it held is destroyed here
        EXPECT_EQ(assigned.vk(), handle);
        EXPECT_FALSE(moved);
        assigned.wait(); // created signalled: returns at once
        std::vector<renderer::Semaphore> semaphores;
        for (int i = 0; i < 8; ++i) semaphores.emplace_back(context); // moved as the vector grows
        renderer::CommandBuffer a(context);
        renderer::CommandBuffer b(std::move(a));
        EXPECT_EQ(a.vk(), VK_NULL_HANDLE);
        EXPECT_NE(b.vk(), VK_NULL_HANDLE);
    }
    vkDeviceWaitIdle(context.device());
    expectClean(context);
}

TEST(DeviceObjects, AFrameSlotRecordsSubmitsAndWaitsTwice) {
    renderer::Context context(validated());
    {
        renderer::CommandBuffer cmd(context);
        renderer::Fence fence(context, true);
        for (int frame = 0; frame < 2; ++frame) { // the second round reuses what the first one submitted
            fence.wait();
            fence.reset();
            cmd.begin();
            cmd.end();
            const VkCommandBuffer handle = cmd.vk();
            VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
            submit.commandBufferCount = 1;
            submit.pCommandBuffers = &handle;
            VK_CHECK(vkQueueSubmit(context.queue(), 1, &submit, fence.vk()));
        }
        fence.wait();
    }
    expectClean(context);
}
