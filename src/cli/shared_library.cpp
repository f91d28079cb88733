// SPDX-License-Identifier: MIT
#include "guilt/cli/shared_library.hpp"

#include <dlfcn.h>
#include <fmt/format.h>

#include <stdexcept>

namespace guilt {

void* open_library(const char* soname, std::string_view needed_for, std::string_view package) {
    // Not a usage error: what she asked is fine, this machine lacks the library (exit 1).
    void* library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library)
        throw std::runtime_error(fmt::format("{} needs {} ({}; on Debian: apt install {})",
                                             needed_for, soname, dlerror(), package));
    return library;
}

void* library_symbol(void* library, const char* soname, const char* name) {
    void* found = dlsym(library, name);
    if (!found) throw std::runtime_error(fmt::format("{} has no {}", soname, name));
    return found;
}

}  // namespace guilt
