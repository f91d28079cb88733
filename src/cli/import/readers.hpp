// SPDX-License-Identifier: MIT
// The readers behind read_watch_files, one per format, and the sources of their bytes. Private
// to src/import/. Each reader hands every activity it finds to an ActivitySink, in file order.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "guilt/cli/activity.hpp"
#include "guilt/core/error.hpp"

namespace guilt::import {

// Bounds on what one import may take in memory, whatever its files hold (a zip of 65 KB can
// inflate to gigabytes). A GPX or TCX file is read whole: a 48-hour track recorded every second
// with heart rate is about 40 MB of text, and its parsed tree, counted by xml.cpp, a few times
// that.
inline constexpr std::size_t kMaxTrackFileBytes = 64u << 20;
inline constexpr std::size_t kMaxXmlTreeBytes = 384u << 20;
// The inflated bytes of one zip member or gzip stream: ten times the largest activities.csv.
inline constexpr std::size_t kMaxInflatedBytes = 256u << 20;
// The activities of one import: a run a day for 270 years.
inline constexpr std::size_t kMaxActivities = 100'000;
// Activity values (activity*.cpp): one run's longest duration, as parse_duration allows.
inline constexpr int kMaxDurationSeconds = 48 * 3600;
inline constexpr std::int64_t kSecondsPerDay = 86400;

// More than one import takes (activities, or the bytes a zip or gzip member inflates to): ends
// the import, never skipped as one bad item.
class ImportLimit : public UsageError {
  public:
    using UsageError::UsageError;
};

// Receives an activity and where it came from ("activities.csv: line 12"), for messages.
using ActivitySink = std::function<void(const Activity&, const std::string& where)>;

// Names a file passed over and why (a link that leads out of the export).
using FileSkipper = std::function<void(const std::string& file, const std::string& reason)>;

// A track guilt cannot make a run of (no times, one point): refused when named, skipped in a
// folder. The message is the reason, without the file's name.
class UnusableTrack : public UsageError {
  public:
    using UsageError::UsageError;
};

// A file named by an export (Strava's "Filename") that lies outside the export's folder: never
// read, and the row is skipped with this reason.
class OutsideExport : public UsageError {
  public:
    OutsideExport()
        : UsageError(
              "lies outside the export's folder, and guilt reads only the files of the export") {}
};

// ---- sources (source.cpp) ----------------------------------------------------------------------

// A file's bytes. Throws UsageError "cannot read it: ..." when it cannot be opened.
std::unique_ptr<ByteSource> open_file(const std::string& path);

// The inflated bytes of a gzip stream. Throws UsageError when it is damaged.
std::unique_ptr<ByteSource> gunzip(std::unique_ptr<ByteSource> compressed);

// The first bytes of a source, without consuming them: returns a source that yields them again.
std::unique_ptr<ByteSource> peek(std::unique_ptr<ByteSource> source, std::string& head,
                                 std::size_t n);

// peek() for text: UTF-16 with its byte order mark (what some tools write for "Unicode") is
// decoded to UTF-8 first, and `head` holds the decoded bytes; `was_utf16` says whether it was.
// Anything else is left as it is.
std::unique_ptr<ByteSource> peek_text(std::unique_ptr<ByteSource> source, std::string& head,
                                      std::size_t n, bool* was_utf16 = nullptr);

// A zip archive, read with libzip.
class ZipArchive {
  public:
    // Throws UsageError naming `path` when it is not a zip or cannot be read.
    explicit ZipArchive(const std::string& path);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // The names of its files (not its folders), in archive order.
    std::vector<std::string> names() const;
    // A member's bytes, or nullptr when there is no such member. Throws UsageError when damaged.
    std::unique_ptr<ByteSource> open(const std::string& name);

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

// ---- what a file holds (watch_sniff.cpp) --------------------------------------------------------

enum class FileKind { zip, gzip, fit, gpx, tcx, strava_csv, garmin_csv, empty, binary, unknown };

// The kind of data that starts with `head` (its first few kilobytes): `empty` for nothing but
// blanks, `binary` for NUL bytes that are none of the above (UTF-16 without a byte order mark).
FileKind sniff(std::string_view head);
// The bytes read to tell a file's format (sniff).
inline constexpr std::size_t kSniffBytes = 4096;
// The header line of a CSV (up to the first newline), or empty (watch_sniff.cpp).
std::string_view first_line(std::string_view head);

// ---- what a CSV is (csv_formats.cpp, tables in data/watch_csv.json) ----------------------------

enum class CsvFormat { none, strava, strava_2014, garmin };

// A CSV header matched against the exports guilt reads.
struct CsvLayout {
    CsvFormat format = CsvFormat::none;
    // The header's names, each column the table knows under its English name ("Afstand" as
    // "Distance"; Strava's 2014-2018 "distance", in meters, as "Distance (m)"), a unit set apart.
    std::vector<std::string> names;
    // The distance unit the header names ("Distance (mi)", "Distanz (km)"), if it does.
    std::optional<DistanceUnit> unit;
};

// Which formats guilt reads, for a file that is none of them.
inline constexpr const char* kFormatsGuiltReads =
    "guilt reads a guilt or jrnl export (JSON, or jrnl's plain text), Strava's bulk export "
    "(its folder, .zip or activities.csv, of any year and language), Garmin Connect's "
    "activities CSV (any language), and GPX, TCX and FIT files";

// The delimiter of a CSV from its header line: ',' ';' or a tab, the most frequent outside quotes.
char csv_delimiter(std::string_view header_line);

// The export whose header `names` is, by the meaning of its columns in any language of the table.
CsvLayout match_csv_header(const std::vector<std::string>& names);

// The unit of a Garmin CSV's distances as its runs' values say, from `head`, its first bytes:
// cadence (steps a minute) x stride length x time is the distance run, in meters when the
// stride is in meters (feet in some accounts), so its ratio to the "Distance" value is about
// 1000 (or 3281) for kilometers and 1609 (or 5280) for miles. The median over the runs in
// `head`, within 15% of one of those; nullopt when the columns are missing or the runs disagree.
std::optional<DistanceUnit> unit_from_strides(std::string_view head);

// "Garmin Connect's activities CSV", for messages.
std::string_view csv_format_name(CsvFormat format);

// The noun of an activity type in another language ("Laufen", "Løb": run), or nullopt.
std::optional<std::string_view> localised_sport_noun(std::string_view sport);

// The month (1-12) a localised month word or abbreviation names ("mei", "févr.", "März").
std::optional<int> localised_month(std::string_view word);

// ---- readers -----------------------------------------------------------------------------------

// Opens a file named in a Strava export's "Filename" column, relative to the export's root;
// nullptr when the export does not hold it. Throws OutsideExport for a name that leads out.
using LinkedFiles = std::function<std::unique_ptr<ByteSource>(const std::string& name)>;

// Reads the activities of a GPX, TCX or FIT file (gzipped or not) named `name`, for the
// start, distance or time a Strava row lacks. Throws UsageError, or UnusableTrack.
std::vector<Activity> read_track_source(std::unique_ptr<ByteSource> source,
                                        const std::string& name);

// ---- CSV rows (csv_rows.cpp) -------------------------------------------------------------------

inline constexpr double kMetersPerMile = 1609.344;

// A distance in `unit` (km or mi) in meters.
inline double meters_in(double distance, DistanceUnit unit) {
    return distance * (unit == DistanceUnit::mi ? kMetersPerMile : 1000.0);
}

// The field of `row` in `column`; empty when the column is absent or the row is short.
std::string_view cell(const std::vector<std::string>& row, std::optional<std::size_t> column);

// Calls `fn(row, where, at)` for each record after the header that is not a blank line: `where`
// is "line L", and `at(column)` is "line L: column", for messages. A row `fn` cannot read (it
// throws UsageError) goes to `sink` as an activity with that problem and the sport in
// `sport_column`, and the next row is read.
using RowReader = std::function<void(const std::vector<std::string>& row, const std::string& where,
                                     const std::function<std::string(std::string_view)>& at)>;
void for_each_row(CsvReader& csv, const ActivitySink& sink, std::optional<std::size_t> sport_column,
                  const RowReader& fn);

// Strava's activities.csv (strava.cpp). `header` is its first record, already read.
void read_strava_csv(CsvReader& csv, const CsvHeader& header, DistanceUnit unit,
                     const LinkedFiles& linked, const ActivitySink& sink,
                     const FileSkipper& skip_file);

// Garmin Connect's activities CSV (garmin.cpp); distances in `unit`, times in the local zone.
void read_garmin_csv(CsvReader& csv, const CsvHeader& header, DistanceUnit unit,
                     const ActivitySink& sink);

// A GPX 1.0 or 1.1 document (gpx.cpp): one activity per <trk>. Errors name the line.
std::vector<Activity> read_gpx(std::string xml);

// A TCX document (tcx.cpp): one activity per <Activity>. Errors name the line.
std::vector<Activity> read_tcx(std::string xml);

// A FIT file (fit.cpp): one activity per session, or one from its records when it has none.
// Throws UnusableTrack for a file that is damaged, cut short, or not a recorded activity.
std::vector<Activity> read_fit(std::string_view bytes);
// FIT's names (fit_names.cpp): the sport as guilt names it, running with its sub-sport ("trail
// running"), else the FIT name; the kind of a file that is not an activity ("course").
std::string sport_name(std::optional<std::uint64_t> sport, std::optional<std::uint64_t> sub);
const char* file_type_name(std::uint64_t type);

// The FIT protocol's CRC-16 of `bytes` (for its header and file checksums).
std::uint16_t fit_crc(std::string_view bytes);

// "line L" of byte `offset` in `text`, for XML errors.
std::string line_of(std::string_view text, std::ptrdiff_t offset);

}  // namespace guilt::import
