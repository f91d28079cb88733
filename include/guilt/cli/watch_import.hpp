// SPDX-License-Identifier: MIT
// `guilt import` of what her watch or phone recorded: Strava's bulk export (its folder, its
// activities.csv or the .zip), Garmin Connect's activities CSV, and GPX or TCX files (one or
// many, or a folder, gzipped or not), told apart by their content. Reads files; writes nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

struct WatchImportOptions {
    DistanceUnit unit = DistanceUnit::km;  // her unit: Garmin's distances, and pace. Default: km
    bool others_as_deposits = false;       // --others deposit. Default: skipped and counted
    std::function<void()> on_activity;     // called after each activity read, for a progress line
    std::optional<Timestamp> now;          // an activity that starts after it is refused
};

// A file named and passed over, with the reason ("FIT, which guilt cannot read: ...").
struct SkippedFile {
    std::string file;
    std::string reason;
};

// What the files hold, every value checked.
struct WatchImport {
    std::string source;          // "strava", "garmin", "gpx", "tcx", or "watch" for a mix
    std::vector<Entry> entries;  // runs and deposits, oldest first; uuids stable, none twice
    std::map<std::string, std::int64_t> skipped;  // activities passed over, by noun: "ride" -> 12
    std::vector<SkippedFile> skipped_files;       // FIT files; in a folder, unusable tracks too
    std::vector<std::string> notes;  // what was assumed ("FILE: Garmin does not say ..."), one line
};

// True when `path` is a folder, or a file whose content is a zip, a gzip stream, a FIT file, an
// XML document, or a CSV with Strava's or Garmin's header: something read_watch_files reads.
// False for anything else (a JSON export), and for a path that cannot be read.
bool is_watch_input(const std::string& path);

// Reads every path. Throws UsageError naming the file (and the member of a zip), the line or
// element and the value for the first problem: a damaged file, a bad value, a GPX or TCX given
// by name whose track has no times or a single point, a folder holding nothing guilt reads.
WatchImport read_watch_files(const std::vector<std::string>& paths, const WatchImportOptions& o);

}  // namespace guilt
