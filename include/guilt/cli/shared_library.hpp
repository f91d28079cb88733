// SPDX-License-Identifier: MIT
// Libraries guilt opens with dlopen when a command needs them, not at every start: libzip (and
// the libcrypto it brings) for a Strava .zip, libedit for answers typed at the terminal. Linked,
// they were most of what `guilt log` spent before main() (bench/README.md).
#pragma once

#include <string_view>

namespace guilt {

// The library by its SONAME (e.g. "libzip.so.4"), kept loaded until guilt exits. Throws
// std::runtime_error naming what it is needed for and the Debian package that has it.
void* open_library(const char* soname, std::string_view needed_for, std::string_view package);

// The address of `name` in `library`; throws std::runtime_error when it has none.
void* library_symbol(void* library, const char* soname, const char* name);

// Fills the function pointer `fn` with `name` from `library`.
template <typename F>
void find_function(void* library, const char* soname, F& fn, const char* name) {
    fn = reinterpret_cast<F>(library_symbol(library, soname, name));
}

}  // namespace guilt

// Declares `struct TYPE` with a pointer for each function LIST names (PREFIX followed by the
// name) and `const TYPE& ACCESSOR()`, which opens SONAME and finds them the first time it is
// called. LIST(X, p) expands to X(p, name) for each name.
#define GUILT_LIBRARY_DECLARE(prefix, name) decltype(&::prefix##name) name;
#define GUILT_LIBRARY_FIND(prefix, name) \
    ::guilt::find_function(library, soname, lib.name, #prefix #name);
#define GUILT_SHARED_LIBRARY(TYPE, ACCESSOR, LIST, PREFIX, SONAME, NEEDED_FOR, PACKAGE) \
    struct TYPE {                                                                       \
        LIST(GUILT_LIBRARY_DECLARE, PREFIX)                                             \
    };                                                                                  \
    const TYPE& ACCESSOR() {                                                            \
        static const TYPE loaded = [] {                                                 \
            const char* soname = SONAME;                                                \
            void* library = ::guilt::open_library(soname, NEEDED_FOR, PACKAGE);         \
            TYPE lib{};                                                                 \
            LIST(GUILT_LIBRARY_FIND, PREFIX)                                            \
            return lib;                                                                 \
        }();                                                                            \
        return loaded;                                                                  \
    }
