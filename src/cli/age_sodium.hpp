// SPDX-License-Identifier: MIT
// libsodium as the age files use it (age.cpp, age_keys.cpp): started once, bytes as its
// pointers, keys as bytes, random bytes. Private to src/cli/.
#pragma once

#include <sodium.h>

#include <cstddef>
#include <stdexcept>
#include <string_view>

#include "guilt/cli/age.hpp"

namespace guilt::age {

inline void need_sodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium cannot start");
}

inline const unsigned char* bytes_of(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

inline std::string_view view_of(const Key32& key) {
    return {reinterpret_cast<const char*>(key.data()), key.size()};
}

inline Bytes random_bytes(std::size_t n) {
    need_sodium();
    Bytes out(n, '\0');
    randombytes_buf(out.data(), n);
    return out;
}

}  // namespace guilt::age
