// SPDX-License-Identifier: MIT
// read_watch_files: tells each path's format from its content (a folder, a zip, a CSV header, a
// GPX or TCX root, a gzip or FIT signature: watch_sniff.cpp), hands it to its reader, and
// gathers the entries.
#include "guilt/cli/watch_import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <unordered_set>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt {

namespace fs = std::filesystem;
using namespace guilt::import;

namespace {

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> endings) {
    auto lower = to_lower(name);
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return std::string_view(lower).ends_with(e); });
}

// Member and file names that may hold a track, in a folder or a zip without activities.csv.
bool track_name(std::string_view name) {
    return ends_with_any(name, {".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz"});
}

// Prefixes `name: ` to an error that does not start with it already; an ImportLimit stays one.
[[noreturn]] void rethrow_in(const std::string& name, const UsageError& e) {
    if (std::string_view(e.what()).starts_with(name + ": ")) throw;
    auto message = fmt::format("{}: {}", name, e.what());
    if (dynamic_cast<const ImportLimit*>(&e)) throw ImportLimit(message);
    throw UsageError(message);
}

// The message of `e` without the `name: ` it may start with.
std::string reason_in(const std::string& name, const UsageError& e) {
    std::string_view what = e.what();
    if (what.starts_with(name + ": ")) what.remove_prefix(name.size() + 2);
    return std::string(what);
}

// Gathers what every reader finds, once per uuid, and the items it could not read.
class Gatherer {
  public:
    explicit Gatherer(const WatchImportOptions& o) : m_options(o) {
        m_rules.unit = o.unit;
        m_rules.others_as_deposits = o.others_as_deposits;
        m_rules.untyped = o.untyped;
        m_rules.now = o.now;
    }

    ActivitySink sink(const std::string& file) {
        return [this, file](const Activity& a, const std::string& where) {
            if (++m_activities > kMaxActivities)
                throw ImportLimit(fmt::format(
                    "{}: holds more than {} activities, more than guilt imports at once", file,
                    kMaxActivities));
            add(a, file, where);
            if (m_options.on_activity) m_options.on_activity();
        };
    }

    // A whole file (or a zip member) that cannot be read.
    void problem(const std::string& file, const UsageError& e) {
        ImportItem item;
        item.file = file;
        item.reason = reason_in(file, e);
        m_out.problems.push_back(std::move(item));
    }

    FileSkipper skipper() {
        return [this](const std::string& file, const std::string& reason) {
            m_out.skipped_files.push_back({file, reason});
        };
    }

    // Reads a GPX, TCX or FIT file (gzipped or not) that `open` opens; one that cannot be
    // opened or read is a problem.
    void track(const std::function<std::unique_ptr<ByteSource>()>& open, const std::string& name) {
        try {
            auto activities = read_track_source(open(), name);
            auto add = sink(name);
            for (auto& a : activities) {
                a.label = fs::path(name).filename().string();
                add(a, a.where);
            }
        } catch (const ImportLimit&) {
            throw;
        } catch (const UsageError& e) {
            problem(name, e);
        }
    }

    // Reads a Strava or Garmin CSV, in any language and with any of the delimiters they use.
    void csv(std::unique_ptr<ByteSource> source, const std::string& name,
             const LinkedFiles& linked) {
        try {
            std::string head;
            source = peek_text(std::move(source), head, kSniffBytes);
            CsvReader csv(*source, csv_delimiter(first_line(head)));
            std::vector<std::string> names;
            if (!csv.next(names)) throw UsageError("is empty; there is nothing in it to import");
            auto layout = match_csv_header(names);
            CsvHeader header(layout.names);
            if (layout.format == CsvFormat::garmin && !layout.unit) {
                layout.unit = unit_from_strides(head);
                if (!layout.unit)
                    assumed_unit(name);
                else if (*layout.unit != m_options.unit)
                    unit_from_values(name, *layout.unit);
            }
            auto unit = layout.unit.value_or(m_options.unit);
            switch (layout.format) {
                case CsvFormat::strava:
                case CsvFormat::strava_2014:
                    read_strava_csv(csv, header, unit, linked, sink(name), skipper());
                    break;
                case CsvFormat::garmin:
                    read_garmin_csv(csv, header, unit, sink(name));
                    break;
                case CsvFormat::none:
                    throw UsageError(fmt::format(
                        "line 1: the header is neither Strava's activities.csv (Activity ID, "
                        "Activity Date, ...) nor Garmin Connect's (Activity Type, Date, ...) in "
                        "any language guilt knows; {}",
                        kFormatsGuiltReads));
            }
        } catch (const UsageError& e) {
            rethrow_in(name, e);
        }
    }

    // A Garmin CSV whose strides say its distances are in another unit than hers.
    void unit_from_values(const std::string& name, DistanceUnit unit) {
        m_out.notes.push_back(fmt::format(
            "{}: read its distances in {}, as its runs' cadence and stride length say (Garmin "
            "does not name the unit; yours is {})",
            name, unit == DistanceUnit::mi ? "miles" : "kilometers",
            m_options.unit == DistanceUnit::mi ? "mi" : "km"));
    }

    // Garmin writes distances in the account's unit without naming it: says which one is read.
    void assumed_unit(const std::string& name) {
        const bool mi = m_options.unit == DistanceUnit::mi;
        m_out.notes.push_back(fmt::format(
            "{}: Garmin does not say the unit of its distances; read them in {} (your unit "
            "setting). If they are in {}, run `guilt config set unit {}` and import again",
            name, mi ? "miles" : "kilometers", mi ? "kilometers" : "miles", mi ? "km" : "mi"));
    }

    void zip(const std::string& path) {
        std::unique_ptr<ZipArchive> archive;
        try {
            archive = std::make_unique<ZipArchive>(path);
        } catch (const UsageError& e) {
            rethrow_in(path, e);
        }
        auto names = archive->names();
        // Strava's zip holds activities.csv at its root; a re-zipped folder one level down.
        std::optional<std::string> index;
        for (const auto& n : names)
            if ((n == "activities.csv" || n.ends_with("/activities.csv")) &&
                (!index || n.size() < index->size()))
                index = n;
        if (index) {
            auto root = index->substr(0, index->size() - std::string("activities.csv").size());
            csv(archive->open(*index), fmt::format("{}: {}", path, *index),
                [&](const std::string& name) { return archive->open(root + name); });
            return;
        }
        std::size_t before = found();
        for (const auto& n : names)
            if (track_name(n))
                track([&] { return archive->open(n); }, fmt::format("{}: {}", path, n));
        if (found() == before)
            throw UsageError(fmt::format(
                "{}: the zip holds no activities.csv (a Strava export), GPX, TCX or FIT files",
                path));
    }

    void folder(const std::string& path) {
        auto strava = fs::path(path) / "activities.csv";
        std::error_code ec;
        if (fs::is_regular_file(strava, ec)) {
            csv(open_or_refuse(strava.string()), strava.string(),
                [&](const std::string& name) { return linked_in(fs::path(path), name); });
            return;
        }
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && track_name(it->path().filename().string()))
                files.push_back(it->path());
        if (ec) throw UsageError(fmt::format("{}: cannot read the folder: {}", path, ec.message()));
        std::sort(files.begin(), files.end());
        std::size_t before = found();
        for (const auto& f : files)
            track([&] { return open_or_refuse(f.string()); }, f.string());
        if (found() == before)
            throw UsageError(fmt::format(
                "{}: the folder holds no activities.csv (a Strava export), GPX, TCX or FIT "
                "files",
                path));
    }

    void file(const std::string& path) {
        auto source = open_or_refuse(path);
        std::string head;
        bool utf16 = false;
        source = peek_text(std::move(source), head, kSniffBytes, &utf16);
        switch (sniff(head)) {
            case FileKind::zip:
                source.reset();
                zip(path);
                break;
            case FileKind::strava_csv:
            case FileKind::garmin_csv:
                csv(std::move(source), path, [&](const std::string& name) {
                    return linked_in(fs::path(path).parent_path(), name);
                });
                break;
            case FileKind::gzip:
            case FileKind::fit:
            case FileKind::gpx:
            case FileKind::tcx:
                track([&] { return std::move(source); }, path);
                break;
            case FileKind::empty:
                throw UsageError(
                    fmt::format("{}: is empty; there is nothing in it to import", path));
            case FileKind::binary:
                throw UsageError(fmt::format(
                    "{}: is not text guilt reads (it holds NUL bytes): UTF-16 without a byte order "
                    "mark, or not an export; save it as UTF-8",
                    path));
            case FileKind::unknown:
                if (utf16)  // the JSON reader takes UTF-8 only
                    throw UsageError(fmt::format(
                        "{}: is UTF-16 text but not a Strava or Garmin CSV, GPX or TCX; a guilt "
                        "or jrnl JSON export must be UTF-8 (save it as UTF-8)",
                        path));
                throw UsageError(
                    fmt::format("{}: is not a file guilt imports; {}", path, kFormatsGuiltReads));
        }
    }

    // What was gathered, its entries (and their items) oldest first; every other field as it is.
    WatchImport finish() {
        std::vector<std::size_t> order(m_out.entries.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_out.entries[a].at.utc < m_out.entries[b].at.utc;
        });
        WatchImport out = std::move(m_out);
        std::vector<Entry> entries;
        std::vector<ImportItem> items;
        for (auto i : order) {
            entries.push_back(std::move(out.entries[i]));
            items.push_back(std::move(out.items[i]));
        }
        out.entries = std::move(entries);
        out.items = std::move(items);
        out.source = m_sources.size() == 1 ? *m_sources.begin() : "watch";
        return out;
    }

    // Something was read: an activity (imported or passed over) or a file named as skipped.
    bool read_anything() const {
        return !m_out.entries.empty() || !m_out.passed.empty() || !m_out.skipped_files.empty() ||
               m_duplicates > 0;
    }

  private:
    std::size_t found() const {
        return m_out.entries.size() + m_out.skipped_files.size() + m_out.passed.size() +
               m_out.problems.size() + m_duplicates;
    }

    // One activity: mapped by the rules, then an entry, passed over, or a problem.
    void add(const Activity& a, const std::string& file, const std::string& where) {
        ImportItem item;
        item.file = file;
        item.where = where;
        item.at = a.start;
        item.what = trim(a.sport).empty() ? "track" : activity_noun(a.sport);
        item.distance_m = a.distance_m;
        item.duration_s = a.duration_s;
        if (!a.problem.empty()) {
            // What it is comes first: a ride she does not import is passed over, readable or not.
            if (item.what != "run" && item.what != "track" && !m_options.others_as_deposits) {
                auto noun = item.what;
                return pass(std::move(item), noun);
            }
            item.reason = a.problem;
            m_out.problems.push_back(std::move(item));
            return;
        }
        if (!a.source.empty()) m_sources.insert(a.source);
        Mapped mapped;
        try {
            mapped = map_activity(a, m_rules);
        } catch (const UsageError& e) {
            mapped.problem = e.what();
        }
        if (!mapped.problem.empty()) {
            item.reason = mapped.problem;
            m_out.problems.push_back(std::move(item));
        } else if (mapped.as == Mapped::As::skipped) {
            pass(std::move(item), mapped.why);
        } else if (m_uuids.insert(mapped.entry.uuid).second) {
            item.what = mapped.as == Mapped::As::run ? "run" : "deposit";
            m_out.entries.push_back(std::move(mapped.entry));
            m_out.items.push_back(std::move(item));
        } else {
            ++m_duplicates;  // the same activity twice in her files (a .gpx and its .gpx.gz)
        }
    }

    void pass(ImportItem item, const std::string& why) {
        ++m_out.skipped[why];
        item.reason = why;
        m_out.passed.push_back(std::move(item));
    }

    static std::unique_ptr<ByteSource> open_or_refuse(const std::string& path) {
        try {
            return open_file(path);
        } catch (const UsageError& e) {
            rethrow_in(path, e);
        }
    }

    // The file `name` of the export in the folder `root`. Only what the folder holds is read: a
    // name that is absolute, climbs out with "..", or leads out through a symbolic link is
    // refused with OutsideExport, whether it exists or not.
    static std::unique_ptr<ByteSource> linked_in(const fs::path& root, const std::string& name) {
        const fs::path relative(name);
        auto climbs = std::find(relative.begin(), relative.end(), fs::path("..")) != relative.end();
        if (relative.is_absolute() || relative.has_root_name() || climbs) throw OutsideExport();
        std::error_code ec;
        auto p = root / relative;
        if (!fs::is_regular_file(p, ec)) return nullptr;
        auto real = fs::canonical(p, ec);
        auto folder = ec ? fs::path() : fs::canonical(root.empty() ? "." : root, ec);
        if (ec || std::mismatch(folder.begin(), folder.end(), real.begin(), real.end()).first !=
                      folder.end())
            throw OutsideExport();
        return open_file(real.string());
    }

    WatchImportOptions m_options;
    MapRules m_rules;
    WatchImport m_out;
    std::size_t m_duplicates = 0;
    std::unordered_set<std::string> m_uuids;
    std::set<std::string> m_sources;
    std::size_t m_activities = 0;
};

}  // namespace

std::string describe_problem(const ImportItem& item) {
    if (item.where.empty()) return fmt::format("{}: {}", item.file, item.reason);
    return fmt::format("{}: {}: {}", item.file, item.where, item.reason);
}

WatchImport read_watch_files(const std::vector<std::string>& paths, const WatchImportOptions& o) {
    Gatherer g(o);
    for (const auto& path : paths) {
        // One file that cannot be read is one problem: the others are read.
        try {
            std::error_code ec;
            if (fs::is_directory(path, ec))
                g.folder(path);
            else
                g.file(path);
        } catch (const ImportLimit&) {
            throw;
        } catch (const UsageError& e) {
            g.problem(path, e);
        }
    }
    bool read = g.read_anything();
    auto out = g.finish();
    if (!read && !out.problems.empty()) {
        // Nothing could be read at all: the input is bad, not a few of its items.
        auto first = describe_problem(out.problems.front());
        if (out.problems.size() > 1)
            first +=
                fmt::format(" (and {} more items that cannot be read)", out.problems.size() - 1);
        throw UsageError(first);
    }
    return out;
}

}  // namespace guilt
