// SPDX-License-Identifier: MIT
// libFuzzer target: the WHEN grammar and RFC 3339 timestamps never crash and only ever throw
// UsageError; whatever they accept is not in the future.
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "guilt/core/error.hpp"
#include "guilt/core/time.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool zone = (setenv("TZ", "America/New_York", 1), tzset(), true);
    (void)zone;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    static const guilt::Timestamp now = guilt::parse_iso("2026-11-26T21:00:00-05:00", "now");
    try {
        auto t = guilt::parse_when(text, now);
        if (t.utc > now.utc + 59) std::abort();
    } catch (const guilt::UsageError&) {
    }
    try {
        auto t = guilt::parse_iso(text, "at");
        // What parses formats back to something that parses to the same instant.
        if (guilt::parse_iso(guilt::format_iso(t), "at").utc != t.utc) std::abort();
    } catch (const guilt::UsageError&) {
    }
    try {
        (void)guilt::parse_day(text, now, "--date");
    } catch (const guilt::UsageError&) {
    }
    return 0;
}
