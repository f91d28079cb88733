// SPDX-License-Identifier: MIT
// Strava's bulk export: activities.csv, one row per activity. The header repeats "Elapsed Time"
// (whole seconds, then seconds with a fraction) and "Distance" (the account's unit with two
// decimals, then meters); the precise second ones are used. Dates are UTC, as "Jul 1, 2025,
// 6:30:00 AM". "Filename" links the recorded file, read when the row lacks the start.
#include <fmt/format.h>

#include <cmath>

#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt::import {

namespace {

// The precise (second) column of a name Strava repeats; nullopt when it is there once.
std::optional<std::size_t> precise(const CsvHeader& h, std::string_view name) {
    return h.count(name) >= 2 ? h.find(name, 1) : std::nullopt;
}

}  // namespace

void read_strava_csv(CsvReader& csv, const CsvHeader& h, DistanceUnit unit,
                     const LinkedFiles& linked, const ActivitySink& sink,
                     const FileSkipper& skip_file) {
    const auto id = h.find("Activity ID"), date = h.find("Activity Date"),
               name = h.find("Activity Name"), type = h.find("Activity Type"),
               description = h.find("Activity Description"), filename = h.find("Filename"),
               workout = h.find("Workout Type");
    const auto time_rough = h.find("Elapsed Time"), time_precise = precise(h, "Elapsed Time");
    // The 2014-2018 export has one "distance", in meters (csv_formats.cpp names it so).
    const auto distance_rough = h.find("Distance"), distance_precise = h.find("Distance (m)")
                                                                           ? h.find("Distance (m)")
                                                                           : precise(h, "Distance");
    if (!type)
        throw UsageError(
            "line 1: the header has no \"Activity Type\" column (is this Strava's "
            "activities.csv?)");

    for_each_row(csv, sink, type, [&](const auto& row, const std::string& where, const auto& at) {
        Activity a;
        a.source = "strava";
        auto activity_id = trim(cell(row, id));
        if (activity_id.empty())
            throw UsageError(
                fmt::format("{} is empty (every Strava activity has one)", at("Activity ID")));
        a.key = fmt::format("strava:{}", activity_id);
        a.sport = trim(cell(row, type));
        a.name = cell(row, name);
        a.description = cell(row, description);
        a.kind = strava_workout_kind(parse_activity_number(cell(row, workout), at("Workout Type")));
        if (auto utc = parse_strava_date(cell(row, date), at("Activity Date")))
            a.start = in_local_zone(*utc);
        if (auto m = parse_activity_number(cell(row, distance_precise), at("Distance")))
            a.distance_m = *m;
        else if (auto d = parse_activity_number(cell(row, distance_rough), at("Distance")))
            a.distance_m = meters_in(*d, unit);
        auto secs = parse_activity_number(cell(row, time_precise), at("Elapsed Time"));
        if (!secs) secs = parse_activity_number(cell(row, time_rough), at("Elapsed Time"));
        if (secs) {
            if (*secs > 1e9)
                throw UsageError(fmt::format("{} is too large, got {}", at("Elapsed Time"), *secs));
            a.duration_s = static_cast<int>(std::lround(*secs));
        }

        // A row without its start (older exports) has it in the recorded file.
        auto file = std::string(trim(cell(row, filename)));
        if (!a.start && file.empty())
            throw UsageError(fmt::format("{} is empty, and there is no Filename to read it from",
                                         at("Activity Date")));
        if (!a.start) {
            std::unique_ptr<ByteSource> source;
            try {
                source = linked(file);
            } catch (const OutsideExport& e) {
                skip_file(fmt::format("{} ({})", visible(file), where), e.what());
                return;
            }
            if (!source)
                throw UsageError(
                    fmt::format("{} is empty, and the export does not hold its Filename \"{}\"",
                                at("Activity Date"), file));
            std::vector<Activity> recorded;
            try {
                recorded = read_track_source(std::move(source), file);
            } catch (const UsageError& e) {
                throw UsageError(fmt::format("{} ({}): {}", file, where, e.what()));
            }
            if (recorded.empty())
                throw UsageError(fmt::format("{} ({}): holds no activity", file, where));
            const auto& track = recorded.front();  // a row is one activity: its first track
            if (!track.problem.empty())
                throw UsageError(fmt::format("{} ({}): {}", file, where, track.problem));
            a.start = track.start;
            if (a.distance_m <= 0) a.distance_m = track.distance_m;
            if (!a.duration_s) a.duration_s = track.duration_s;
        }
        sink(a, where);
    });
}

}  // namespace guilt::import
