// SPDX-License-Identifier: MIT
// GPX 1.0 and 1.1 (what watches, phones and Strava write), read with pugixml: one activity per
// <trk>, its distance along the points of each segment, its time from the first to the last
// timestamp. Extensions (heart rate, cadence) are passed over.
#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
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
    std::size_t number = 0, tracks = 0;
    for (auto trk : children(root, "trk")) {
        ++number;
        Activity a;
        a.source = "gpx";
        a.sport = child_text(trk, "type");
        a.name = child_text(trk, "name");
        a.description = child_text(trk, "desc");
        a.where = fmt::format("track {}", number);
        try {
            auto s = read_track(xml, trk);
            if (s.points == 0) continue;  // an empty track: nothing recorded, nothing to say
            ++tracks;
            if (auto problem = track_problem(s)) throw UnusableTrack(*problem);
            if (auto problem = span_problem(*s.first_utc, *s.last_utc))
                throw UnusableTrack(*problem);
            a.key = track_key(s);
            a.start = in_local_zone(*s.first_utc);
            a.distance_m = s.distance_m;
            a.duration_s = static_cast<int>(*s.last_utc - *s.first_utc);
        } catch (const UsageError& e) {
            a.problem = e.what();  // this track only: the others are read
            tracks = std::max<std::size_t>(tracks, 1);
        }
        out.push_back(std::move(a));
    }
    if (number == 0) throw UnusableTrack("has no track (<trk>): guilt reads recorded tracks");
    if (tracks == 0) throw UnusableTrack("has no track points");
    if (number == 1) out.front().where.clear();
    return out;
}

}  // namespace guilt::import
