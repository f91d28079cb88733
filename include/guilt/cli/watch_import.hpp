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

#include "guilt/cli/activity.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

struct WatchImportOptions {
    DistanceUnit unit = DistanceUnit::km;  // her unit: Garmin's distances, and pace. Default: km
    bool others_as_deposits = false;       // --others deposit. Default: skipped and counted
    UntypedAs untyped = UntypedAs::pace;   // --as run|deposit. Default: by their pace
    std::function<void()> on_activity;     // called after each activity read, for a progress line
    std::optional<Timestamp> now;          // an activity that starts after it is reported
};

// A file named and passed over, with the reason ("FIT, which guilt cannot read: ...").
struct SkippedFile {
    std::string file;
    std::string reason;
};

// One item of her files and what becomes of it, for messages and the dry run's list.
struct ImportItem {
    std::string file;   // the file (and zip member) it is in
    std::string where;  // "line 12", "track 2"; empty for a whole file
    std::optional<Timestamp> at;
    std::string what;  // "run", "deposit", or the noun of what was passed over: "ride"
    double distance_m = 0;
    std::optional<int> duration_s;
    std::string reason;  // why it was skipped; empty for what comes in
};

// What the files hold, every value checked.
struct WatchImport {
    std::string source;             // "strava", "garmin", "gpx", "tcx", or "watch" for a mix
    std::vector<Entry> entries;     // runs and deposits, oldest first; uuids stable, none twice
    std::vector<ImportItem> items;  // where each entry comes from, in the same order
    std::map<std::string, std::int64_t> skipped;  // activities passed over, by noun: "ride" -> 12
    std::vector<ImportItem> passed;               // those activities, one by one
    // Items that could not be read or are no plausible activity (a row, a track, a file): the
    // rest is imported, and the import says so (exit 3).
    std::vector<ImportItem> problems;
    std::vector<SkippedFile> skipped_files;  // FIT files
    std::vector<std::string> notes;  // what was assumed ("FILE: Garmin does not say ..."), one line
};

// "FILE: WHERE: REASON" of a problem, one line.
std::string describe_problem(const ImportItem& item);

// True when `path` is a folder, or a file whose content is a zip, a gzip stream, a FIT file, an
// XML document, or a CSV with Strava's or Garmin's header: something read_watch_files reads.
// False for anything else (a JSON export), and for a path that cannot be read.
bool is_watch_input(const std::string& path);

// Reads every path. An item that cannot be read (a damaged file, a bad value, a track with no
// times) or is no plausible activity is a problem, named with its file (and the member of a
// zip), line or element and value; the rest is read. Throws UsageError for the first problem
// when nothing at all could be read, and ImportLimit past kMaxActivities.
WatchImport read_watch_files(const std::vector<std::string>& paths, const WatchImportOptions& o);

}  // namespace guilt
