// SPDX-License-Identifier: MIT
// libFuzzer target: reading a guilt or jrnl JSON export either yields checked values or throws
// UsageError; it never crashes or throws anything else.
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "guilt/cli/journal_import.hpp"
#include "guilt/core/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool zone = (setenv("TZ", "Europe/Paris", 1), tzset(), true);
    (void)zone;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        auto doc = guilt::parse_import_json(text);
        auto imported = guilt::read_import(doc);
        for (const auto& e : imported.entries)
            if (e.uuid.empty() || (e.intensity && (*e.intensity < 1 || *e.intensity > 10)))
                std::abort();
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
