// SPDX-License-Identifier: MIT
// libFuzzer target: reading Garmin Connect's activities CSV either yields activities that map to
// valid entries or throws UsageError; it never crashes or throws anything else.
#include <cstdint>
#include <string_view>

#include "fuzz_watch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::fixed_zone();
    fuzz::read_csv(data, size, [](guilt::CsvReader& csv, const guilt::CsvHeader& header) {
        guilt::import::read_garmin_csv(csv, header, guilt::DistanceUnit::mi, fuzz::check_activity);
    });
    return 0;
}
