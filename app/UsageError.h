#pragma once
// Bad input from the user (a file, a value): printed as one line, exit code 2.
#include <stdexcept>
#include <string>

namespace app {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

constexpr int kExitBadInput = 2;
constexpr int kExitValidation = 3; //!< the Vulkan validation layer reported errors

} // namespace app
