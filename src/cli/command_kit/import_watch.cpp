// SPDX-License-Identifier: MIT
// guilt import of what her watch recorded: the runs come in once (a re-import adds nothing),
// a run she typed by hand within 20 minutes and 10% of the watch's is the same run (her company,
// feeling and note stay; the watch's distance and duration replace hers), the other sports are
// counted, or imported as deposits with --others deposit. Items that cannot be read are named
// and the rest comes in (exit 3), or nothing does with --strict; --dry-run lists every item.
#include "import_watch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <iostream>

#include <nlohmann/json.hpp>

#include "guilt/cli/activity.hpp"
#include "guilt/cli/watch_import.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "progress.hpp"

namespace guilt {

namespace {

// What became of one imported entry.
struct Fate {
    enum class Is { added, merged, there } is = Is::added;
    std::int64_t id = 0;  // the run she typed, for merged
};

struct Outcome {
    std::int64_t runs = 0, deposits = 0, there = 0;
    std::vector<std::int64_t> merged;     // ids of her runs that took the watch's figures
    std::vector<std::int64_t> solo_runs;  // ids of the new runs (0 in a dry run)
    std::vector<Fate> fates;              // of each entry, in order
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

// The run she typed (`typed`: runs of the journal guilt did not import) that `run` repeats:
// the nearest in time that same_run() accepts.
Entry* same_run_in(std::vector<Entry>& typed, const Entry& run) {
    Entry* best = nullptr;
    for (auto& c : typed)
        if (same_run(c, run) &&
            (!best || std::llabs(c.at.utc - run.at.utc) < std::llabs(best->at.utc - run.at.utc)))
            best = &c;
    return best;
}

// A recorded run this one is a copy of: an imported run of the journal, or one of this import
// from another file (a Strava export and the watch's GPX of the same run). Two activities of
// one file are never the same: the export lists them apart, each with its own id.
bool recorded_before(const std::vector<Entry>& journal,
                     const std::vector<std::pair<Entry, std::string>>& added, const Entry& run,
                     const std::string& file) {
    return std::any_of(journal.begin(), journal.end(),
                       [&](const Entry& c) { return same_recording(c, run); }) ||
           std::any_of(added.begin(), added.end(), [&](const auto& c) {
               return c.second != file && same_recording(c.first, run);
           });
}

// Her typed run `mine` takes the watch's figures, unless it has them already.
Fate merge_into(Store& store, Entry& mine, const Entry& e, bool write, Outcome& out) {
    // A run merged by an earlier import has the watch's figures.
    if (mine.distance_m == e.distance_m && mine.duration_s == e.duration_s)
        return {Fate::Is::there};
    // One typed run takes the figures of one watch run, not of each one near it.
    if (std::find(out.merged.begin(), out.merged.end(), mine.id) != out.merged.end())
        return {Fate::Is::added};
    mine.distance_m = e.distance_m;
    mine.duration_s = e.duration_s;
    if (mine.kind.empty()) mine.kind = e.kind;
    if (trim(mine.text).empty()) mine.text = e.text;
    if (write) store.update(mine);
    out.merged.push_back(mine.id);
    return {Fate::Is::merged, mine.id};
}

Outcome merge(Store& store, std::vector<Entry>& entries, const std::vector<ImportItem>& items,
              bool write) {
    Outcome out;
    Progress progress(write ? "Importing activities" : "Checking activities", entries.size(), 0);
    std::size_t done = 0;
    std::vector<Entry> typed, recorded;
    for (auto& r : runs_around(store, entries))
        (is_stable_uuid(r.uuid) ? recorded : typed).push_back(std::move(r));
    std::vector<std::pair<Entry, std::string>> added;  // this import's runs, and their file
    for (std::size_t i = 0; i < entries.size(); ++i) {
        auto& e = entries[i];
        progress.step(++done);
        Fate fate;
        if (store.has_uuid(e.uuid)) {
            fate.is = Fate::Is::there;
        } else if (e.type == EntryType::run) {
            if (Entry* mine = same_run_in(typed, e)) fate = merge_into(store, *mine, e, write, out);
            if (fate.is == Fate::Is::added && recorded_before(recorded, added, e, items[i].file))
                fate.is = Fate::Is::there;
        }
        out.fates.push_back(fate);
        if (fate.is == Fate::Is::there) ++out.there;
        if (fate.is != Fate::Is::added) continue;
        if (write) store.add(e);
        if (e.type == EntryType::run) {
            ++out.runs;
            out.solo_runs.push_back(e.id);
            added.emplace_back(e, items[i].file);
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

// Problems named one per line, at most kShownProblems, then how many more.
constexpr std::size_t kShownProblems = 5;

void report_problems(const WatchImport& data, bool dry_run) {
    const auto& problems = data.problems;
    for (std::size_t i = 0; i < problems.size() && i < kShownProblems; ++i)
        std::cerr << fmt::format("Skipped {}.\n", visible(describe_problem(problems[i])));
    if (problems.size() > kShownProblems)
        std::cerr << fmt::format("... and {} more{}.\n", problems.size() - kShownProblems,
                                 dry_run ? "" : " (guilt import --dry-run lists them all)");
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
        bool treadmill = data.skipped.contains("run without a distance");
        std::cerr << fmt::format("Skipped {}{}.\n", join_and(parts),
                                 others || treadmill
                                     ? " (guilt import --others deposit brings them in as time for "
                                       "yourself)"
                                     : "");
    }
    for (const auto& f : data.skipped_files)
        std::cerr << fmt::format("Skipped {}: {}.\n", f.file, f.reason);
    report_problems(data, dry_run);
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

// What becomes of an entry, in the dry run's list.
std::string fate_text(const Fate& f) {
    switch (f.is) {
        case Fate::Is::added:
            return "new";
        case Fate::Is::merged:
            return fmt::format("merges with #{}", f.id);
        case Fate::Is::there:
            return "already there";
    }
    return "";
}

// Every item of a dry run, entries first (oldest first), then what would be skipped.
std::vector<std::pair<const ImportItem*, std::string>> dry_run_rows(const WatchImport& data,
                                                                    const Outcome& out) {
    std::vector<std::pair<const ImportItem*, std::string>> rows;
    for (std::size_t i = 0; i < data.items.size(); ++i)
        rows.emplace_back(&data.items[i], fate_text(out.fates[i]));
    for (const auto& item : data.passed)
        rows.emplace_back(&item, "skipped: " + item.reason);
    for (const auto& item : data.problems)
        rows.emplace_back(&item, "skipped: " + item.reason);
    return rows;
}

// The dry run's list as a table on stdout: date, what, distance, time, where, and what becomes of
// it. Her file names are data: shown escaped.
void list_text(const WatchImport& data, const Outcome& out, DistanceUnit unit) {
    std::vector<std::array<std::string, 6>> table{
        {"DATE", "WHAT", "DISTANCE", "TIME", "FROM", "OUTCOME"}};
    for (const auto& [item, fate] : dry_run_rows(data, out)) {
        auto at = item->at ? fmt::format("{} {}", format_date(local_date(*item->at)),
                                         clock_label(local_seconds_of_day(*item->at)))
                           : std::string("-");
        auto from = item->where.empty() ? item->file : item->file + ": " + item->where;
        table.push_back({at, item->what,
                         item->distance_m > 0 ? format_distance(item->distance_m, unit) : "-",
                         item->duration_s ? format_duration(*item->duration_s) : "-", visible(from),
                         visible(fate)});
    }
    std::array<std::size_t, 6> widths{};
    for (const auto& row : table)
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    for (const auto& row : table) {
        std::string line;
        for (std::size_t c = 0; c < row.size(); ++c) {
            line += row[c];
            if (c + 1 < row.size()) line += std::string(widths[c] - display_width(row[c]) + 2, ' ');
        }
        std::cout << line << '\n';
    }
}

nlohmann::ordered_json item_json(const ImportItem& item) {
    nlohmann::ordered_json j{
        {"file", item.file},
        {"where",
         item.where.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(item.where)},
        {"at", item.at ? nlohmann::ordered_json(format_iso(*item.at)) : nlohmann::ordered_json()},
        {"kind", item.what.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(item.what)},
        {"distance_m",
         item.distance_m > 0 ? nlohmann::ordered_json(item.distance_m) : nlohmann::ordered_json()},
        {"duration_s",
         item.duration_s ? nlohmann::ordered_json(*item.duration_s) : nlohmann::ordered_json()}};
    if (!item.reason.empty()) j["reason"] = item.reason;
    return j;
}

void report_json(const std::vector<std::string>& files, const WatchImport& data, const Outcome& out,
                 bool dry_run) {
    auto skipped = nlohmann::ordered_json::object();
    for (const auto& [noun, n] : data.skipped)
        skipped[noun] = n;
    auto skipped_files = nlohmann::ordered_json::array();
    for (const auto& f : data.skipped_files)
        skipped_files.push_back({{"file", f.file}, {"reason", f.reason}});
    auto problems = nlohmann::ordered_json::array();
    for (const auto& p : data.problems)
        problems.push_back(item_json(p));
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
    j["problems"] = problems;
    j["solo_runs"] = out.runs;
    if (dry_run) {
        auto would_import = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < data.items.size(); ++i) {
            if (out.fates[i].is == Fate::Is::there) continue;
            auto item = item_json(data.items[i]);
            item["merges_with"] = out.fates[i].is == Fate::Is::merged
                                      ? nlohmann::ordered_json(out.fates[i].id)
                                      : nlohmann::ordered_json();
            would_import.push_back(item);
        }
        auto would_skip = nlohmann::ordered_json::array();
        for (const auto& item : data.passed)
            would_skip.push_back(item_json(item));
        for (const auto& item : data.problems)
            would_skip.push_back(item_json(item));
        j["would_import"] = would_import;
        j["would_skip"] = would_skip;
    }
    std::cout << j.dump(2) << '\n';
}

// With --strict, an item that cannot be read refuses the whole import.
void refuse_when_strict(const WatchImport& data) {
    if (data.problems.empty()) return;
    auto first = describe_problem(data.problems.front());
    if (data.problems.size() > 1)
        first += fmt::format(" (and {} more items that cannot be read)", data.problems.size() - 1);
    throw UsageError(first + "; --strict imports nothing when an item cannot be read");
}

}  // namespace

void run_watch_import(const std::vector<std::string>& files, const WatchImportChoices& choices,
                      Context& ctx) {
    WatchImportOptions o;
    o.unit = ctx.settings().unit;
    o.others_as_deposits = choices.others_as_deposits;
    o.untyped = choices.untyped;
    o.now = ctx.now();
    WatchImport data;
    {
        Progress reading("Reading activities", 0, 0);
        std::size_t read = 0;
        o.on_activity = [&] { reading.step(++read); };
        data = read_watch_files(files, o);
    }
    for (const auto& note : data.notes)
        std::cerr << note << '\n';
    if (choices.strict) refuse_when_strict(data);

    Outcome out;
    if (choices.dry_run) {
        ctx.quiet_when_missing = true;  // nothing to show is no news for what would come in
        out = merge(ctx.store(), data.entries, data.items, false);  // missing reads as empty
    } else {
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { out = merge(store, data.entries, data.items, true); });
    }
    if (ctx.json) {
        report_json(files, data, out, choices.dry_run);
    } else {
        if (choices.dry_run) list_text(data, out, ctx.settings().unit);
        report_text(data, out, choices.dry_run);
    }
    if (!data.problems.empty()) ctx.exit_code = kExitSkipped;
}

}  // namespace guilt
