// SPDX-License-Identifier: MIT
// What the watch-import fuzz targets share: every activity a reader yields (and could read) must
// map to a valid entry or a skip; the reader may only throw UsageError.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string_view>

#include "../src/cli/import/readers.hpp"

namespace fuzz {

inline void check_activity(const guilt::Activity& a, const std::string& where) {
    if (!a.problem.empty()) return;  // an item its reader could not read: named, never mapped
    try {
        auto m = guilt::map_activity(a, guilt::DistanceUnit::km, true, where);
        if (m.as == guilt::Mapped::As::run &&
            (!(m.entry.distance_m > 0) || m.entry.with.empty() || m.entry.uuid.size() != 36))
            std::abort();
        if (m.as == guilt::Mapped::As::deposit && (m.entry.minutes < 0 || m.entry.minutes > 1440))
            std::abort();
    } catch (const guilt::UsageError&) {
    }
}

// Reads `data` as a CSV: its header, then the rest through `read(csv, header)`.
template <class Read>
void read_csv(const std::uint8_t* data, std::size_t size, Read read) {
    guilt::StringSource source(std::string_view(reinterpret_cast<const char*>(data), size));
    try {
        guilt::CsvReader csv(source);
        std::vector<std::string> names;
        if (!csv.next(names)) return;
        read(csv, guilt::CsvHeader(names));
    } catch (const guilt::UsageError&) {
    }
}

inline void fixed_zone() {
    static const bool zone = (setenv("TZ", "America/New_York", 1), tzset(), true);
    (void)zone;
}

}  // namespace fuzz
