// SPDX-License-Identifier: MIT
// read_watch_files: tells each path's format from its content (a folder, a zip, a CSV header, a
// GPX or TCX root, a gzip or FIT signature), hands it to its reader, and gathers the entries.
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

constexpr std::size_t kSniffBytes = 4096;

// The header line of a CSV (up to the first newline), or empty.
std::string_view first_line(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    return head.substr(0, head.find_first_of("\r\n"));
}

bool ends_with_any(std::string_view name, std::initializer_list<std::string_view> endings) {
    auto lower = to_lower(name);
    return std::any_of(endings.begin(), endings.end(),
                       [&](std::string_view e) { return std::string_view(lower).ends_with(e); });
}

// Member and file names that may hold a track, in a folder or a zip without activities.csv.
bool track_name(std::string_view name) {
    return ends_with_any(name, {".gpx", ".tcx", ".fit", ".gpx.gz", ".tcx.gz", ".fit.gz"});
}

// Prefixes `name: ` to an error that does not start with it already.
[[noreturn]] void rethrow_in(const std::string& name, const UsageError& e) {
    if (std::string_view(e.what()).starts_with(name + ": ")) throw e;
    throw UsageError(fmt::format("{}: {}", name, e.what()));
}

// Gathers what every reader finds, once per uuid.
class Gatherer {
  public:
    explicit Gatherer(const WatchImportOptions& o) : m_options(o) {}

    ActivitySink sink(const std::string& file) {
        return [this, file](const Activity& a, const std::string& where) {
            if (++m_activities > kMaxActivities)
                throw UsageError(fmt::format(
                    "{}: holds more than {} activities, more than guilt imports at once", file,
                    kMaxActivities));
            m_sources.insert(a.source);
            if (a.start && m_options.now && in_future(*a.start, *m_options.now))
                throw UsageError(fmt::format("{}: {}: starts in the future (now is {}), got {}",
                                             file, where, format_iso(*m_options.now),
                                             format_iso(*a.start)));
            auto mapped = map_activity(a, m_options.unit, m_options.others_as_deposits,
                                       fmt::format("{}: {}", file, where));
            if (mapped.as == Mapped::As::skipped) {
                ++m_out.skipped[mapped.why];
            } else if (m_uuids.insert(mapped.entry.uuid).second) {
                m_out.entries.push_back(std::move(mapped.entry));
            }
            if (m_options.on_activity) m_options.on_activity();
        };
    }

    FileSkipper skipper() {
        return [this](const std::string& file, const std::string& reason) {
            m_out.skipped_files.push_back({file, reason});
        };
    }

    // Reads a GPX, TCX or FIT file (gzipped or not). An unusable track is refused, unless
    // `in_folder`, where it is skipped and named.
    void track(std::unique_ptr<ByteSource> source, const std::string& name, bool in_folder) {
        try {
            auto activities = read_track_source(std::move(source), name);
            auto add = sink(name);
            for (std::size_t i = 0; i < activities.size(); ++i)
                add(activities[i], fmt::format("track {}", i + 1));
        } catch (const UnusableTrack& e) {
            if (!in_folder) rethrow_in(name, e);
            m_out.skipped_files.push_back({name, e.what()});
        } catch (const UsageError& e) {
            rethrow_in(name, e);
        }
    }

    // Reads a Strava or Garmin CSV.
    void csv(ByteSource& source, const std::string& name, const LinkedFiles& linked) {
        try {
            CsvReader csv(source);
            std::vector<std::string> names;
            if (!csv.next(names)) throw UsageError("is empty");
            CsvHeader header(names);
            if (header.find("Activity ID") && header.find("Activity Date"))
                read_strava_csv(csv, header, m_options.unit, linked, sink(name), skipper());
            else if (header.find("Activity Type") && header.find("Date"))
                read_garmin_csv(csv, header, m_options.unit, sink(name));
            else
                throw UsageError(
                    "line 1: the header is neither Strava's activities.csv (Activity ID, Activity "
                    "Date, ...) nor Garmin Connect's (Activity Type, Date, Time, ...)");
        } catch (const UsageError& e) {
            rethrow_in(name, e);
        }
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
            auto source = archive->open(*index);
            csv(*source, fmt::format("{}: {}", path, *index),
                [&](const std::string& name) { return archive->open(root + name); });
            return;
        }
        std::size_t before = found();
        for (const auto& n : names)
            if (track_name(n)) track(archive->open(n), fmt::format("{}: {}", path, n), true);
        if (found() == before)
            throw UsageError(fmt::format(
                "{}: the zip holds no activities.csv (a Strava export), GPX, TCX or FIT files",
                path));
    }

    void folder(const std::string& path) {
        auto strava = fs::path(path) / "activities.csv";
        std::error_code ec;
        if (fs::is_regular_file(strava, ec)) {
            std::string head;
            auto source = peek_text(open_or_refuse(strava.string()), head, kSniffBytes);
            csv(*source, strava.string(),
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
            track(open_or_refuse(f.string()), f.string(), true);
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
                csv(*source, path, [&](const std::string& name) {
                    return linked_in(fs::path(path).parent_path(), name);
                });
                break;
            case FileKind::gzip:
            case FileKind::fit:
            case FileKind::gpx:
            case FileKind::tcx:
                track(std::move(source), path, false);
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
                throw UsageError(fmt::format(
                    "{}: is not a file guilt imports (a guilt or jrnl JSON export, a Strava or "
                    "Garmin CSV, GPX, TCX or FIT)",
                    path));
        }
    }

    WatchImport finish() {
        std::stable_sort(m_out.entries.begin(), m_out.entries.end(),
                         [](const Entry& a, const Entry& b) { return a.at.utc < b.at.utc; });
        m_out.source = m_sources.size() == 1 ? *m_sources.begin() : "watch";
        return std::move(m_out);
    }

  private:
    std::size_t found() const {
        std::int64_t skipped = 0;
        for (const auto& [noun, n] : m_out.skipped)
            skipped += n;
        return m_out.entries.size() + m_out.skipped_files.size() +
               static_cast<std::size_t>(skipped);
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
    WatchImport m_out;
    std::unordered_set<std::string> m_uuids;
    std::set<std::string> m_sources;
    std::size_t m_activities = 0;
};

}  // namespace

namespace import {

FileKind sniff(std::string_view head) {
    if (head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06")) return FileKind::zip;
    if (head.starts_with("\x1f\x8b")) return FileKind::gzip;
    if (head.size() >= 12 && head.substr(8, 4) == ".FIT") return FileKind::fit;
    auto text = head;
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    text = trim(text);
    if (text.starts_with('<')) {
        if (text.find("<TrainingCenterDatabase") != std::string_view::npos ||
            text.find(":TrainingCenterDatabase") != std::string_view::npos)
            return FileKind::tcx;
        return FileKind::gpx;  // the GPX reader names any other root element
    }
    auto line = first_line(head);
    auto has = [&](std::string_view column) { return line.find(column) != std::string_view::npos; };
    if (has("Activity ID") && has("Activity Date")) return FileKind::strava_csv;
    if (has("Activity Type") && has("Date")) return FileKind::garmin_csv;
    if (text.empty()) return FileKind::empty;
    if (head.find('\0') != std::string_view::npos) return FileKind::binary;
    return FileKind::unknown;
}

std::vector<Activity> read_track_source(std::unique_ptr<ByteSource> source,
                                        const std::string& name) {
    (void)name;
    std::string head;
    source = peek_text(std::move(source), head, kSniffBytes);
    if (sniff(head) == FileKind::gzip)
        source = peek_text(gunzip(std::move(source)), head, kSniffBytes);
    switch (sniff(head)) {
        case FileKind::fit:
            return read_fit(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::gpx:
            return read_gpx(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::tcx:
            return read_tcx(read_whole(*source, kMaxTrackFileBytes));
        case FileKind::empty:
            throw UsageError("is empty: neither a GPX, a TCX nor a FIT file");
        default:
            throw UsageError("is neither a GPX, a TCX nor a FIT file");
    }
}

}  // namespace import

bool is_watch_input(const std::string& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return true;
    try {
        std::string head;
        bool utf16 = false;
        peek_text(open_file(path), head, kSniffBytes, &utf16);
        return utf16 || sniff(head) != FileKind::unknown;
    } catch (const std::exception&) {
        return false;  // the JSON reader says why it cannot be read
    }
}

WatchImport read_watch_files(const std::vector<std::string>& paths, const WatchImportOptions& o) {
    Gatherer g(o);
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec))
            g.folder(path);
        else
            g.file(path);
    }
    return g.finish();
}

}  // namespace guilt
