#include "app/Commands.h"
#include "app/UsageError.h"

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace app {

renderer::ContextOptions contextOptionsFromEnvironment() {
    renderer::ContextOptions options;
    const char* v = std::getenv("BULWARK_VALIDATION");
    options.validation = v && std::strcmp(v, "0") != 0 && *v;
    return options;
}

int finishWithValidation(const renderer::Context& context, int code) {
    if (context.validationErrors() == 0) return code;
    std::cerr << "bulwark: the Vulkan validation layer reported " << context.validationErrors() << " message(s) (errors, warnings and performance warnings):\n";
    for (const std::string& m : context.validationMessages()) std::cerr << "  " << m << "\n";
    return kExitValidation;
}

} // namespace app
