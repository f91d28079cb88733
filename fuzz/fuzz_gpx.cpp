// SPDX-License-Identifier: MIT
// libFuzzer target: reading a GPX document either yields activities that map to valid entries or
// throws UsageError; it never crashes or throws anything else.
#include <cstdint>
#include <string>

#include "fuzz_watch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::fixed_zone();
    try {
        auto found =
            guilt::import::read_gpx(std::string(reinterpret_cast<const char*>(data), size));
        for (std::size_t i = 0; i < found.size(); ++i)
            fuzz::check_activity(found[i], "track");
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
