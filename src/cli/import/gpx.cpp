// SPDX-License-Identifier: MIT
// GPX 1.0 and 1.1 (what watches, phones and Strava write), read with pugixml: one activity per
// <trk>, its distance along the points of each segment, its time from the first to the last
// timestamp. Extensions (heart rate, cadence) are passed over.
#include <fmt/format.h>
#include <pugixml.hpp>

#include <cstring>

#include "guilt/core/text.hpp"
#include "readers.hpp"
#include "xml.hpp"

namespace guilt::import {

namespace {

// A coordinate attribute, checked.
double coordinate(const Xml& xml, pugi::xml_node point, const char* name, double limit) {
    auto attr = point.attribute(name);
    std::string text = attr.value();
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (!attr || text.empty() || *end != '\0' || !(v >= -limit && v <= limit))
        throw UsageError(fmt::format("{}: <{}> {} must be a number from {} to {}, got \"{}\"",
                                     xml.line(point), point.name(), name, -limit, limit,
                                     shorten(text, 40)));
    return v;
}

TrackSummary read_track(const Xml& xml, pugi::xml_node trk) {
    TrackBuilder track;
    for (auto seg : children(trk, "trkseg")) {
        track.new_segment();
        for (auto pt : children(seg, "trkpt")) {
            TrackPoint p;
            p.lat = coordinate(xml, pt, "lat", 90);
            p.lon = coordinate(xml, pt, "lon", 180);
            p.has_position = true;
            if (auto time = child(pt, "time")) p.utc = xml.time(time);
            track.add(p);
        }
    }
    return track.summary();
}

}  // namespace

std::vector<Activity> read_gpx(std::string text) {
    Xml xml(std::move(text));
    auto root = xml.root("gpx", "a GPX file");
    std::vector<Activity> out;
    for (auto trk : children(root, "trk")) {
        auto s = read_track(xml, trk);
        if (auto problem = track_problem(s)) throw UnusableTrack(*problem);
        if (auto problem = span_problem(*s.first_utc, *s.last_utc)) throw UnusableTrack(*problem);
        Activity a;
        a.source = "gpx";
        a.key = track_key(s);
        a.sport = child_text(trk, "type");
        a.name = child_text(trk, "name");
        a.description = child_text(trk, "desc");
        a.start = in_local_zone(*s.first_utc);
        a.distance_m = s.distance_m;
        a.duration_s = static_cast<int>(*s.last_utc - *s.first_utc);
        out.push_back(std::move(a));
    }
    if (out.empty()) throw UnusableTrack("has no track (<trk>): guilt reads recorded tracks");
    return out;
}

}  // namespace guilt::import
