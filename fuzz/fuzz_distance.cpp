// SPDX-License-Identifier: MIT
// libFuzzer target: DISTANCE is positive, finite and bounded whenever it is accepted.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto d = guilt::parse_distance(text);
        if (!std::isfinite(d.meters) || d.meters <= 0 || d.meters > guilt::kMaxDistanceMeters)
            std::abort();
        (void)guilt::format_distance(d.meters, d.unit);
        (void)guilt::format_pace(d.meters, 1800, d.unit);
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
