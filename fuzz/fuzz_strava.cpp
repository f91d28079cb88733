// SPDX-License-Identifier: MIT
// libFuzzer target: reading Strava's activities.csv either yields activities that map to valid
// entries or throws UsageError; it never crashes or throws anything else.
#include <cstdint>
#include <string_view>

#include "fuzz_watch.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::fixed_zone();
    fuzz::read_csv(data, size, [](guilt::CsvReader& csv, const guilt::CsvHeader& header) {
        guilt::import::read_strava_csv(
            csv, header, guilt::DistanceUnit::km,
            [](const std::string&) { return std::unique_ptr<guilt::ByteSource>(); },
            fuzz::check_activity, [](const std::string&, const std::string&) {});
    });
    return 0;
}
