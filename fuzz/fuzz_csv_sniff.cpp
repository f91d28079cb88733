// SPDX-License-Identifier: MIT
// libFuzzer target: any bytes, told apart as src/cli/import/watch_sniff.cpp tells them (sniff on
// the first bytes, the delimiter and the header matched against data/watch_csv.json in every
// language), then read by the reader of the export they match, or as jrnl's plain-text journal.
// Every activity maps to a valid entry or a skip, every jrnl entry is a valid entry or refused;
// only UsageError may be thrown.
#include <cstdint>
#include <sstream>
#include <string_view>

#include "../include/guilt/cli/journal_import.hpp"
#include "../include/guilt/cli/jrnl_text.hpp"
#include "fuzz_watch.hpp"

namespace {

void read_as_csv(std::string_view text) {
    guilt::StringSource source(text);
    try {
        auto line = text.substr(0, text.find_first_of("\r\n"));
        guilt::CsvReader csv(source, guilt::import::csv_delimiter(line));
        std::vector<std::string> names;
        if (!csv.next(names)) return;
        auto layout = guilt::import::match_csv_header(names);
        guilt::CsvHeader header(layout.names);
        auto unit = layout.unit.value_or(guilt::DistanceUnit::km);
        if (layout.format == guilt::import::CsvFormat::garmin)
            guilt::import::read_garmin_csv(csv, header, unit, fuzz::check_activity);
        else if (layout.format != guilt::import::CsvFormat::none)
            guilt::import::read_strava_csv(
                csv, header, unit,
                [](const std::string&) { return std::unique_ptr<guilt::ByteSource>(); },
                fuzz::check_activity, [](const std::string&, const std::string&) {});
    } catch (const guilt::UsageError&) {
    }
}

void read_as_jrnl(std::string_view text) {
    std::istringstream in{std::string(text)};
    std::string first;
    std::getline(in, first);
    if (!guilt::is_jrnl_header(first)) return;
    try {
        guilt::read_jrnl_text(first, in, [](const nlohmann::json& j, std::size_t) {
            try {
                guilt::entry_from_jrnl(j, "line 1");
            } catch (const guilt::UsageError&) {
            }
        });
    } catch (const guilt::UsageError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::fixed_zone();
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)guilt::import::sniff(text.substr(0, 4096));
    read_as_csv(text);
    read_as_jrnl(text);
    return 0;
}
