#include "renderer/Declutter.h"

namespace renderer {

bool Declutter::isFree(const ScreenBox& box, float margin, size_t except) const {
    for (size_t i = 0; i < _placed.size(); ++i)
        if (i != except && _placed[i].box.overlaps(box, margin)) return false;
    return true;
}

bool Declutter::tryPlace(const PlacedBox& placed, float margin) {
    if (!isFree(placed.box, margin)) return false;
    _placed.push_back(placed);
    return true;
}

std::optional<size_t> Declutter::symbolOf(size_t index) const {
    for (size_t i = 0; i < _placed.size(); ++i)
        if (_placed[i].kind == BoxKind::Symbol && _placed[i].feature == int32_t(index)) return i;
    return std::nullopt;
}

const PlacedBox* Declutter::at(float x, float y, BoxKind kind) const {
    for (auto it = _placed.rbegin(); it != _placed.rend(); ++it)
        if (it->kind == kind && it->box.contains(x, y)) return &*it;
    return nullptr;
}

} // namespace renderer
