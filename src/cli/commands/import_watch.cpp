// SPDX-License-Identifier: MIT
// guilt import of what her watch recorded: the runs come in once (a re-import adds nothing),
// a run she typed by hand within 20 minutes and 10% of the watch's is the same run (her company,
// feeling and note stay; the watch's distance and duration replace hers), the other sports are
// counted, or imported as deposits with --others deposit.
#include "import_watch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "guilt/cli/activity.hpp"
#include "guilt/cli/watch_import.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "progress.hpp"

namespace guilt {

namespace {

struct Outcome {
    std::int64_t runs = 0, deposits = 0, there = 0;
    std::vector<std::int64_t> merged;     // ids of her runs that took the watch's figures
    std::vector<std::int64_t> solo_runs;  // ids of the new runs (0 in a dry run)
};

// "rides", "other activities", "runs without a distance".
std::string counted(std::int64_t n, const std::string& noun) {
    if (n == 1) return fmt::format("1 {}", noun);
    if (noun.ends_with("activity"))
        return fmt::format("{} {}ies", n, noun.substr(0, noun.size() - 1));
    if (noun.starts_with("run ")) return fmt::format("{} runs{}", n, noun.substr(3));
    return fmt::format("{} {}s", n, noun);
}

// The runs of the journal around the imported ones, in one query (one per run would make a
// large import quadratic).
std::vector<Entry> runs_around(const Store& store, const std::vector<Entry>& entries) {
    std::optional<std::int64_t> first, last;
    for (const auto& e : entries) {
        if (e.type != EntryType::run) continue;
        first = std::min(first.value_or(e.at.utc), e.at.utc);
        last = std::max(last.value_or(e.at.utc), e.at.utc);
    }
    if (!first) return {};
    EntryFilter f;
    f.type = EntryType::run;
    f.since_utc = *first - kSameRunSeconds;
    f.until_utc = *last + kSameRunSeconds;
    return store.entries(f);
}

// The run of `known` (the journal's, and this import's so far) that `run` repeats: the nearest
// in time that same_run() accepts.
Entry* same_run_in(std::vector<Entry>& known, const Entry& run) {
    Entry* best = nullptr;
    for (auto& c : known)
        if (same_run(c, run) &&
            (!best || std::llabs(c.at.utc - run.at.utc) < std::llabs(best->at.utc - run.at.utc)))
            best = &c;
    return best;
}

Outcome merge(Store& store, std::vector<Entry>& entries, bool write) {
    Outcome out;
    Progress progress(write ? "Importing activities" : "Checking activities", entries.size(), 0);
    std::size_t done = 0;
    auto known = runs_around(store, entries);
    std::vector<Entry> added;  // this import's runs, matched like the journal's
    added.reserve(entries.size());
    for (auto& e : entries) {
        progress.step(++done);
        if (store.has_uuid(e.uuid)) {
            ++out.there;
            continue;
        }
        if (e.type == EntryType::run) {
            Entry* mine = same_run_in(known, e);
            if (!mine) mine = same_run_in(added, e);
            // One typed run takes the figures of one watch run, not of each one near it.
            if (mine &&
                std::find(out.merged.begin(), out.merged.end(), mine->id) != out.merged.end())
                mine = nullptr;
            if (mine) {
                bool has_watch_figures =
                    mine->distance_m == e.distance_m && mine->duration_s == e.duration_s;
                // The same run from another of her files, or a run merged by an earlier import.
                if (is_stable_uuid(mine->uuid) || has_watch_figures) {
                    ++out.there;
                    continue;
                }
                mine->distance_m = e.distance_m;
                mine->duration_s = e.duration_s;
                if (mine->kind.empty()) mine->kind = e.kind;
                if (trim(mine->text).empty()) mine->text = e.text;
                if (write) store.update(*mine);
                out.merged.push_back(mine->id);
                continue;
            }
        }
        if (write) store.add(e);
        if (e.type == EntryType::run) {
            ++out.runs;
            out.solo_runs.push_back(e.id);
            added.push_back(e);
        } else {
            ++out.deposits;
        }
    }
    return out;
}

std::string source_name(const std::string& source) {
    if (source == "strava") return "a Strava export";
    if (source == "garmin") return "a Garmin Connect export";
    if (source == "gpx") return "GPX";
    if (source == "tcx") return "TCX";
    if (source == "fit") return "FIT";
    return "watch files";
}

std::string ids_text(const std::vector<std::int64_t>& ids) {
    std::vector<std::string> shown;
    for (auto id : ids)
        shown.push_back(fmt::format("#{}", id));
    return join_and(shown);
}

void report_text(const WatchImport& data, const Outcome& out, bool dry_run) {
    std::vector<std::string> added;
    if (out.runs > 0 || out.deposits == 0) added.push_back(counted(out.runs, "run"));
    if (out.deposits > 0) added.push_back(counted(out.deposits, "deposit"));
    std::cerr << fmt::format("{} {} from {}{}.\n", dry_run ? "Would import" : "Imported",
                             join_and(added), source_name(data.source),
                             out.there > 0 ? fmt::format(" ({} already there)", out.there) : "");
    if (!out.merged.empty())
        std::cerr << fmt::format(
            "{} {} you typed with the watch's: {} {} its distance and duration, and kept who "
            "you ran with, how it felt and your note.\n",
            dry_run ? "Would merge" : "Merged",
            counted(static_cast<std::int64_t>(out.merged.size()), "run"), ids_text(out.merged),
            dry_run ? "would take" : "took");
    if (!data.skipped.empty()) {
        std::vector<std::string> parts;
        bool others = false;
        for (const auto& [noun, n] : data.skipped) {
            parts.push_back(counted(n, noun));
            others = others || !noun.starts_with("run");
        }
        std::cerr << fmt::format("Skipped {}{}.\n", join_and(parts),
                                 others ? " (guilt import --others deposit brings them in as time "
                                          "for yourself)"
                                        : "");
    }
    for (const auto& f : data.skipped_files)
        std::cerr << fmt::format("Skipped {}: {}.\n", f.file, f.reason);
    if (out.runs > 0) {
        auto which = dry_run || out.solo_runs.size() > 10
                         ? std::string()
                         : fmt::format(" ({})", ids_text(out.solo_runs));
        std::cerr << fmt::format(
            "{} {} solo{}: the files cannot say who ran with you. Mark the others with guilt "
            "edit ID --with moms (or friends, kids, partner, club).\n",
            counted(out.runs, "new run"),
            dry_run         ? "would say"
            : out.runs == 1 ? "says"
                            : "say",
            which);
    }
}

void report_json(const std::vector<std::string>& files, const WatchImport& data, const Outcome& out,
                 bool dry_run) {
    auto skipped = nlohmann::ordered_json::object();
    for (const auto& [noun, n] : data.skipped)
        skipped[noun] = n;
    auto skipped_files = nlohmann::ordered_json::array();
    for (const auto& f : data.skipped_files)
        skipped_files.push_back({{"file", f.file}, {"reason", f.reason}});
    nlohmann::ordered_json j;
    if (files.size() == 1) j["file"] = files.front();
    j["files"] = files;
    j["source"] = data.source;
    j["dry_run"] = dry_run;
    j["added"] = {
        {"entries", out.runs + out.deposits}, {"runs", out.runs}, {"deposits", out.deposits}};
    j["already_there"] = {{"entries", out.there}};
    j["merged"] = out.merged;
    j["skipped"] = skipped;
    j["skipped_files"] = skipped_files;
    j["solo_runs"] = out.runs;
    std::cout << j.dump(2) << '\n';
}

}  // namespace

void run_watch_import(const std::vector<std::string>& files, bool dry_run, bool others_as_deposits,
                      Context& ctx) {
    WatchImportOptions o;
    o.unit = ctx.settings().unit;
    o.others_as_deposits = others_as_deposits;
    o.now = ctx.now();
    WatchImport data;
    {
        Progress reading("Reading activities", 0, 0);
        std::size_t read = 0;
        o.on_activity = [&] { reading.step(++read); };
        data = read_watch_files(files, o);
    }

    Outcome out;
    if (dry_run) {
        out = merge(ctx.store(), data.entries, false);  // a missing journal reads as empty
    } else {
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { out = merge(store, data.entries, true); });
    }
    if (ctx.json)
        report_json(files, data, out, dry_run);
    else
        report_text(data, out, dry_run);
}

}  // namespace guilt
