// SPDX-License-Identifier: MIT
// Activities from her watch or phone (Strava, Garmin Connect, GPX, TCX) and what they become in
// the journal: the pure pieces the readers share. A CSV tokenizer over a byte stream, the date and
// time shapes of those files, distance and time from track points, and the rules that turn an
// activity into a run, a deposit or a skip. Values in, values out; no I/O.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

// ---- byte streams ------------------------------------------------------------------------------

// Where a reader takes its bytes from: a file, a zip member, a gzip stream, a string in tests.
class ByteSource {
  public:
    virtual ~ByteSource() = default;
    // Up to `n` bytes into `buf`; 0 at the end. Throws UsageError when the data is damaged
    // (a gzip stream that does not inflate) and StoreError when the file cannot be read.
    virtual std::size_t read(char* buf, std::size_t n) = 0;
};

// The bytes of a string, for tests and for data already in memory.
class StringSource : public ByteSource {
  public:
    explicit StringSource(std::string_view text) : m_text(text) {}
    std::size_t read(char* buf, std::size_t n) override;

  private:
    std::string_view m_text;
    std::size_t m_at = 0;
};

// Everything `source` holds. Throws UsageError "is larger than N MB" past `max_bytes`, so a
// single GPX or TCX file never takes more memory than that.
std::string read_whole(ByteSource& source, std::size_t max_bytes);

// ---- CSV (RFC 4180, as Strava and Garmin write it) ---------------------------------------------

// Reads one record at a time from a stream, so a large export never sits in memory whole.
// Quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF and a lone CR (old Mac
// files) each end a record; a UTF-8 byte order mark at the start is dropped. Fields are
// separated by `delimiter`: ',' or, in some locales' exports, ';' or a tab.
class CsvReader {
  public:
    explicit CsvReader(ByteSource& source, char delimiter = ',')
        : m_source(source), m_delimiter(delimiter) {}

    // The next record into `fields`; false at the end of the input. Throws UsageError
    // "line L: ..." for a quoted field that never ends, or a field, record or field count past
    // the bounds below.
    bool next(std::vector<std::string>& fields);

    // The line (from 1) on which the last record read began.
    std::size_t line() const { return m_record_line; }

    // Bounds on what one record may take in memory, whatever the file holds: a field, a whole
    // record (a "line", quoted line breaks included) and the fields of a record.
    static constexpr std::size_t kMaxFieldBytes = 1 << 20;
    static constexpr std::size_t kMaxRecordBytes = 4 << 20;
    static constexpr std::size_t kMaxFields = 1000;

  private:
    int get();       // the next byte, or -1 at the end
    void take_lf();  // after a CR: the LF of a CRLF, if one follows
    void end_field(std::vector<std::string>& fields, std::string& field);
    ByteSource& m_source;
    char m_delimiter;
    std::string m_buf;
    std::size_t m_pos = 0;
    bool m_eof = false;
    bool m_started = false;
    std::size_t m_line = 1;
    std::size_t m_record_line = 1;
};

// The index of each column of a header row, by name; a repeated name (Strava repeats
// "Elapsed Time" and "Distance") keeps every index, in order.
class CsvHeader {
  public:
    explicit CsvHeader(const std::vector<std::string>& names);
    // The index of the `nth` (0-based) column named `name`, or nullopt.
    std::optional<std::size_t> find(std::string_view name, std::size_t nth = 0) const;
    // How many columns are named `name`.
    std::size_t count(std::string_view name) const;

  private:
    std::vector<std::string> m_names;
};

// ---- the values in those files -----------------------------------------------------------------

// "1234.5", "1,234.56", "5.00" as a number; nullopt for an empty field or Garmin's "--". Throws
// UsageError "FIELD must be a number, got VALUE" for anything else, and for negatives.
std::optional<double> parse_activity_number(std::string_view text, std::string_view field);

// A distance in km or miles as Garmin's CSV writes it: parse_activity_number, except that a lone
// comma is always the decimal one ("21,130" is 21.13; no activity covers a thousand km or more).
std::optional<double> parse_distance_number(std::string_view text, std::string_view field);

// Strava's "Jul 1, 2025, 6:30:00 AM" (also without the second comma, and "2025-07-01 06:30:00")
// as seconds since the epoch, read as UTC. nullopt for an empty field. Throws UsageError naming
// `field` and the value for anything else.
std::optional<std::int64_t> parse_strava_date(std::string_view text, std::string_view field);

// Garmin Connect's local "2025-07-01 06:30:00" (seconds optional) as a date and the seconds of
// its day. Throws UsageError naming `field` and the value.
std::pair<Date, int> parse_garmin_date(std::string_view text, std::string_view field);

// A clock duration, "00:28:30", "1:02:03.4", "28:30", as whole seconds (rounded); nullopt for an
// empty field or "--". Throws UsageError naming `field` and the value.
std::optional<int> parse_clock_duration(std::string_view text, std::string_view field);

// An XML Schema dateTime as GPX and TCX write it: "2025-07-01T10:30:00Z", with fractions of a
// second, a "+02:00" offset, or no zone (read as UTC). Seconds since the epoch, or nullopt when
// it is not one.
std::optional<std::int64_t> parse_xml_time(std::string_view text);

// ---- tracks ------------------------------------------------------------------------------------

// One point of a recorded track.
struct TrackPoint {
    double lat = 0, lon = 0;
    bool has_position = false;
    std::optional<std::int64_t> utc;
};

// Great-circle distance in meters between two points (haversine, mean Earth radius 6371 km).
double distance_between(const TrackPoint& a, const TrackPoint& b);

// What a track says: its length and its first and last timestamps.
struct TrackSummary {
    double distance_m = 0;  // along consecutive points with a position, segment by segment
    std::optional<std::int64_t> first_utc, last_utc;
    std::size_t points = 0;
    std::optional<TrackPoint> first_located;  // the first point with a position
};

// Folds points into a summary one at a time, so a long track is never held whole.
class TrackBuilder {
  public:
    // A new segment starts: no distance between its first point and the last of the one before.
    void new_segment() { m_previous.reset(); }
    void add(const TrackPoint& p);
    const TrackSummary& summary() const { return m_summary; }

  private:
    TrackSummary m_summary;
    std::optional<TrackPoint> m_previous;
};

// Why a track cannot become a run ("has no times ...", "has a single point ..."), or nullopt.
std::optional<std::string> track_problem(const TrackSummary& s);

// Why a track from `first` to `last` (seconds since the epoch) cannot be one run: its times go
// backwards, or it spans more than the 48 hours a run may last (136 years of a broken clock are
// not an hour's run). nullopt when the span can be a run's duration.
std::optional<std::string> span_problem(std::int64_t first, std::int64_t last);

// The stable identity of a track: its first point (to 1e-5 degrees, about a metre) and time.
std::string track_key(const TrackSummary& s);

// ---- what becomes what -------------------------------------------------------------------------

// One activity as a source describes it, before it becomes an entry.
struct Activity {
    std::string source;  // the format it came from: strava, garmin, gpx, tcx
    std::string key;     // the source's id ("strava:123") or a stable hash; the entry's uuid
    std::string sport;   // as the source names it: "Run", "Trail Running", "Biking", "running"
    std::optional<Timestamp> start;
    double distance_m = 0;  // 0 when unknown
    std::optional<int> duration_s;
    std::string name, description;
    std::string kind;     // race, long, workout, or empty
    std::string label;    // the file it came from, to name a deposit that has no name
    std::string where;    // which item of its file: "track 2", "leg 3"; empty for the only one
    std::string problem;  // why the reader could not read it (the sport may still be known)
};

// What makes an activity a plausible run, in one place: a pace between kFastestPace and
// kSlowestPace (seconds per km), at least kShortestMeters, and a start from kEarliestYear on and
// not in the future. A track with no sport type is taken as a run only at the pace most runs
// keep, from kUntypedFastestPace to kUntypedSlowestPace: slower, it may as well be a walk or a
// hike; faster, a ride more likely than a race.
struct RunLimits {
    static constexpr int kFastestPace = 150;         // 2:30 min/km: faster is a ride or a drive
    static constexpr int kSlowestPace = 20 * 60;     // 20:00 min/km: slower is no run
    static constexpr int kUntypedFastestPace = 180;  // 3:00 min/km
    static constexpr int kUntypedSlowestPace = 600;  // 10:00 min/km
    static constexpr double kShortestMeters = 200;
    static constexpr int kEarliestYear = 1990;
};

// "run" for running activities (Run, Trail Run, Treadmill, Virtual Run, Race, Garmin's
// "... Running", GPX's "running" or none), else the noun the summary counts them by: "ride",
// "swim", "walk", "hike", "yoga session", "strength workout" or "other activity".
std::string_view activity_noun(std::string_view sport);

// Strava's "Workout Type" code as a kind: 1 race, 2 long, 3 workout; empty otherwise.
std::string strava_workout_kind(std::optional<double> code);

// What one activity becomes.
struct Mapped {
    enum class As { run, deposit, skipped } as = As::skipped;
    Entry entry;          // for run and deposit
    std::string noun;     // activity_noun of its sport
    std::string why;      // for skipped: "ride", or "run without a distance"
    std::string problem;  // for skipped: why it is no plausible run, to report (why is empty)
};

// What she chose for tracks with no sport type: --as run, --as deposit, or by their pace.
enum class UntypedAs { pace, run, deposit };

struct MapRules {
    DistanceUnit unit = DistanceUnit::km;  // for pace
    bool others_as_deposits = false;       // --others deposit
    UntypedAs untyped = UntypedAs::pace;   // --as
    std::optional<Timestamp> now;          // a start after it is no plausible activity
};

// The entry an activity becomes. What it is comes first, then its values: a run (with solo,
// the note from name and description, `unit` for pace) when RunLimits find it plausible; with
// `others_as_deposits`, a deposit of its minutes for another sport, a run without a distance
// (a treadmill) or a "run" at no running pace; else skipped, normally (`why`: a ride) or with a
// `problem` to report (a run of 50 m, a track with no sport at a walking pace, a start in 1901).
// Throws UsageError for a name or description a journal entry cannot hold.
Mapped map_activity(const Activity& a, const MapRules& rules);

// map_activity with the default rules for tracks and no clock; throws UsageError naming `where`
// for what map_activity reports as a problem.
Mapped map_activity(const Activity& a, DistanceUnit unit, bool others_as_deposits,
                    std::string_view where);

// How close an imported run must be to one she typed to be the same run.
inline constexpr std::int64_t kSameRunSeconds = 20 * 60;
inline constexpr double kSameRunDistanceShare = 0.10;

// True when `typed` (a run in the journal) and `imported` are the same run: starts within
// kSameRunSeconds and distances within kSameRunDistanceShare of the imported one.
bool same_run(const Entry& typed, const Entry& imported);

// Two recorded activities (two files, or a file and an earlier import) are one recording only
// when they start within a minute of each other, with distances within kSameRunDistanceShare:
// two runs she did one after the other (five 800 m reps) never do.
inline constexpr std::int64_t kSameRecordingSeconds = 60;
bool same_recording(const Entry& earlier, const Entry& imported);

// True when `uuid` is one guilt made from a source's own data (stable_uuid, version 8) rather
// than at random when she typed the entry.
bool is_stable_uuid(std::string_view uuid);

}  // namespace guilt
