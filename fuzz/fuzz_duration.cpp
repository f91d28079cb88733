// SPDX-License-Identifier: MIT
// libFuzzer target: DURATION and 1-10 scales accept only what is in range, and throw only
// UsageError.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        int s = guilt::parse_duration(text);
        if (s <= 0 || s > 48 * 3600) std::abort();
        (void)guilt::format_duration(s);
    } catch (const guilt::UsageError&) {
    }
    try {
        int v = guilt::parse_scale(text, "--intensity");
        if (v < 1 || v > 10) std::abort();
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
