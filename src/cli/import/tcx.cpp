// SPDX-License-Identifier: MIT
// Garmin's Training Center XML (TCX), read with pugixml: one activity per <Activity>, its
// distance from the laps' own totals (else the track), its time from the first to the last
// trackpoint (else the laps), its sport from the Sport attribute.
#include <fmt/format.h>
#include <pugixml.hpp>

#include "readers.hpp"
#include "xml.hpp"

namespace guilt::import {

namespace {

Activity read_activity(const Xml& xml, pugi::xml_node activity) {
    TrackBuilder track;
    double laps_distance = 0, last_track_distance = 0;
    bool laps_have_distance = false;
    std::optional<std::int64_t> laps_start, laps_end;
    for (auto lap : children(activity, "Lap")) {
        std::optional<std::int64_t> lap_start;
        if (auto start = lap.attribute("StartTime")) {
            auto t = parse_xml_time(start.value());
            if (!t)
                throw UsageError(fmt::format(
                    "{}: <Lap> StartTime must be a time like 2025-07-01T10:30:00Z, got \"{}\"",
                    xml.line(lap), start.value()));
            lap_start = t;
            if (!laps_start) laps_start = t;
        }
        if (auto d = child(lap, "DistanceMeters")) {
            laps_distance += xml.number(d);
            laps_have_distance = true;
        }
        if (auto secs = child(lap, "TotalTimeSeconds"); secs && lap_start)
            laps_end = *lap_start + static_cast<std::int64_t>(xml.number(secs) + 0.5);
        for (auto trk : children(lap, "Track")) {
            track.new_segment();
            for (auto tp : children(trk, "Trackpoint")) {
                TrackPoint p;
                if (auto time = child(tp, "Time")) p.utc = xml.time(time);
                if (auto pos = child(tp, "Position")) {
                    p.lat = xml.number_in(child(pos, "LatitudeDegrees"), -90, 90);
                    p.lon = xml.number_in(child(pos, "LongitudeDegrees"), -180, 180);
                    p.has_position = true;
                }
                if (auto d = child(tp, "DistanceMeters"))
                    last_track_distance = std::max(last_track_distance, xml.number(d));
                track.add(p);
            }
        }
    }
    auto s = track.summary();
    Activity a;
    a.source = "tcx";
    a.sport = activity.attribute("Sport").value();
    a.description = child_text(activity, "Notes");
    std::optional<std::pair<std::int64_t, std::int64_t>> span;
    if (s.first_utc && s.last_utc && *s.last_utc > *s.first_utc)
        span = {*s.first_utc, *s.last_utc};
    else if (laps_start && laps_end)
        span = {*laps_start, *laps_end};  // laps without a track (a treadmill, a manual upload)
    if (span) {
        if (auto problem = span_problem(span->first, span->second)) throw UnusableTrack(*problem);
        a.start = in_local_zone(span->first);
        a.duration_s = static_cast<int>(span->second - span->first);
    } else if (auto problem = track_problem(s)) {
        throw UnusableTrack(*problem);
    } else {
        throw UnusableTrack("has a single time in its track; a run needs a start and an end");
    }
    a.distance_m = laps_have_distance        ? laps_distance
                   : last_track_distance > 0 ? last_track_distance
                                             : s.distance_m;
    if (s.first_located)
        a.key = track_key(s);
    else
        a.key = fmt::format("tcx:{}", child_text(activity, "Id"));
    return a;
}

}  // namespace

std::vector<Activity> read_tcx(std::string text) {
    Xml xml(std::move(text));
    auto root = xml.root("TrainingCenterDatabase", "a TCX file");
    std::vector<Activity> out;
    for (auto activity : children(child(root, "Activities"), "Activity"))
        out.push_back(read_activity(xml, activity));
    if (out.empty()) throw UnusableTrack("has no <Activity>: guilt reads recorded activities");
    return out;
}

}  // namespace guilt::import
