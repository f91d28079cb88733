// SPDX-License-Identifier: MIT
// Garmin's Training Center XML (TCX), read with pugixml: one activity per <Activity>, and one per
// leg of a <MultiSportSession> (a triathlon's swim, bike and run). Its distance and its time come
// from the same place: the laps' own totals when every lap has both (timer time, as the watch
// counted it), else its trackpoints (elapsed, first to last). Its sport is the Sport attribute.
#include <fmt/format.h>
#include <pugixml.hpp>

#include "readers.hpp"
#include "xml.hpp"

namespace guilt::import {

namespace {

// What the laps say of themselves: their totals, when every lap has both.
struct Laps {
    double distance_m = 0, seconds = 0;
    bool complete = true;  // every lap has its DistanceMeters and TotalTimeSeconds
    std::optional<std::int64_t> start;
};

Laps read_laps(const Xml& xml, pugi::xml_node activity, TrackBuilder& track,
               double& track_distance) {
    Laps laps;
    for (auto lap : children(activity, "Lap")) {
        if (auto start = lap.attribute("StartTime"); start && !laps.start) {
            laps.start = parse_xml_time(start.value());
            if (!laps.start)
                throw UsageError(fmt::format(
                    "{}: <Lap> StartTime must be a time like 2025-07-01T10:30:00Z, got \"{}\"",
                    xml.line(lap), start.value()));
        }
        auto d = child(lap, "DistanceMeters");
        auto secs = child(lap, "TotalTimeSeconds");
        laps.complete = laps.complete && d && secs;
        if (d) laps.distance_m += xml.number(d);
        if (secs) laps.seconds += xml.number(secs);
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
                if (auto dm = child(tp, "DistanceMeters"))
                    track_distance = std::max(track_distance, xml.number(dm));
                track.add(p);
            }
        }
    }
    laps.complete = laps.complete && laps.seconds >= 1 && laps.distance_m > 0;
    return laps;
}

void read_activity(const Xml& xml, pugi::xml_node activity, Activity& a) {
    TrackBuilder track;
    double track_distance = 0;
    auto laps = read_laps(xml, activity, track, track_distance);
    auto s = track.summary();
    const bool timed_track = s.first_utc && s.last_utc && *s.last_utc > *s.first_utc;
    std::optional<std::int64_t> start = laps.start ? laps.start : s.first_utc;
    if (laps.complete && start) {
        a.distance_m = laps.distance_m;
        a.duration_s = static_cast<int>(laps.seconds + 0.5);
    } else if (timed_track) {
        start = s.first_utc;
        a.distance_m = track_distance > 0 ? track_distance : s.distance_m;
        a.duration_s = static_cast<int>(*s.last_utc - *s.first_utc);
    } else if (start && laps.seconds >= 1) {
        // Laps with a time and no distance: a treadmill, a manual upload.
        a.distance_m = laps.distance_m;
        a.duration_s = static_cast<int>(laps.seconds + 0.5);
    } else if (auto problem = track_problem(s)) {
        throw UnusableTrack(*problem);
    } else {
        throw UnusableTrack("has a single time in its track; a run needs a start and an end");
    }
    if (auto problem = span_problem(*start, *start + *a.duration_s)) throw UnusableTrack(*problem);
    a.start = in_local_zone(*start);
    if (s.first_located)
        a.key = track_key(s);
    else
        a.key = fmt::format("tcx:{}", child_text(activity, "Id"));
}

// The <Activity> elements of a document, a multisport session's legs in their order.
std::vector<pugi::xml_node> activities_of(pugi::xml_node root) {
    std::vector<pugi::xml_node> out;
    for (auto node : child(root, "Activities").children()) {
        std::string_view name = local_name(node);
        if (name == "Activity") out.push_back(node);
        if (name != "MultiSportSession") continue;
        for (auto sport : node.children()) {
            std::string_view part = local_name(sport);
            if (part == "FirstSport" || part == "NextSport")
                if (auto leg = child(sport, "Activity")) out.push_back(leg);
        }
    }
    return out;
}

}  // namespace

std::vector<Activity> read_tcx(std::string text) {
    Xml xml(std::move(text));
    auto root = xml.root("TrainingCenterDatabase", "a TCX file");
    std::vector<Activity> out;
    auto activities = activities_of(root);
    for (std::size_t i = 0; i < activities.size(); ++i) {
        Activity a;
        a.source = "tcx";
        a.sport = activities[i].attribute("Sport").value();
        a.description = child_text(activities[i], "Notes");
        if (activities.size() > 1) a.where = fmt::format("activity {}", i + 1);
        try {
            read_activity(xml, activities[i], a);
        } catch (const UsageError& e) {
            a.problem = e.what();  // this activity only: the others are read
        }
        out.push_back(std::move(a));
    }
    if (out.empty()) throw UnusableTrack("has no <Activity>: guilt reads recorded activities");
    return out;
}

}  // namespace guilt::import
