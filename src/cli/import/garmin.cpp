// SPDX-License-Identifier: MIT
// Garmin Connect's activities CSV (Activities, Export CSV): local start times as
// "2025-07-01 06:30:00", "Time" as "00:28:30", "Distance" in the account's unit, "--" for
// nothing. It carries no activity id: the key is the start and the activity type.
#include <fmt/format.h>

#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

void read_garmin_csv(CsvReader& csv, const CsvHeader& h, DistanceUnit unit,
                     const ActivitySink& sink) {
    const auto type = h.find("Activity Type"), date = h.find("Date"), title = h.find("Title"),
               distance = h.find("Distance");
    const auto time = h.find("Time") ? h.find("Time") : h.find("Elapsed Time");
    for_each_row(csv, sink, type, [&](const auto& row, const std::string& where, const auto& at) {
        Activity a;
        a.source = "garmin";
        a.sport = trim(cell(row, type));
        a.name = cell(row, title);
        auto when = trim(cell(row, date));
        auto [day, seconds] = parse_garmin_date(when, at("Date"));
        a.start = from_local(day, seconds, at("Date"), when);
        a.key = fmt::format("garmin:{}|{}", when, a.sport);
        if (auto d = parse_distance_number(cell(row, distance), at("Distance")))
            a.distance_m = meters_in(*d, unit);
        a.duration_s = parse_clock_duration(cell(row, time), at("Time"));
        sink(a, where);
    });
}

}  // namespace guilt::import
