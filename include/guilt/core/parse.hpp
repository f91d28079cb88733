// SPDX-License-Identifier: MIT
// Pure parsers for the values people type: distances, durations and 1-10 scales. Each one is
// strict: junk, signs, NaN, infinities and out-of-range values throw UsageError with a message
// naming the field and the value, never a silent default.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guilt {

// The unit a distance was typed in; it decides how pace is shown.
enum class DistanceUnit { km, mi };

struct Distance {
    double meters = 0;
    DistanceUnit unit = DistanceUnit::km;
};

// Longest distance a journal may hold for one run (an import's limit), in meters.
inline constexpr double kMaxDistanceMeters = 1'000'000;  // 1000 km
// The distances one can type for a run: a sprint in the park to beyond the 24-hour record.
inline constexpr double kMinRunMeters = 100;
inline constexpr double kMaxRunMeters = 400'000;  // 400 km
// The paces a run can have, in seconds per km: faster than the world records over 1 km is a
// typo, and so is slower than a walk with many stops.
inline constexpr int kFastestPacePerKm = 2 * 60;   // 2:00 /km
inline constexpr int kSlowestPacePerKm = 30 * 60;  // 30:00 /km
// At most this many words make one typed duration ("1 hour and 20 minutes").
inline constexpr std::size_t kMaxDurationWords = 6;

// Whether `word` is a unit of distance as typed apart from its number ("3.2 km", "3 miles").
bool is_distance_unit(std::string_view word);

// Parses "5k", "5km", "10000m", "3.1mi", "half", "marathon" (case-insensitive), also with a
// space and spelt out ("3.2 km", "3 miles", "half marathon"). Meters and
// kilometres count as km for pace. Must be > 0 and within kMinRunMeters..kMaxRunMeters.
Distance parse_distance(std::string_view text, std::string_view field = "DISTANCE");

// Throws UsageError naming `field` and `value` (as typed) when `meters` in `seconds` is a pace
// outside kFastestPacePerKm..kSlowestPacePerKm, with that range in the unit she typed.
void check_pace(double meters, int seconds, DistanceUnit unit, std::string_view field,
                std::string_view value);

// A duration as people say it, the one grammar of every command that takes one (engage,
// deposit, run, "-w 20m ago"): "45m", "1h5m", "1h20", "1 hour 20 min", "1 hour and 20
// minutes", "1.5h", "half an hour", "an hour and a half", "a quarter of an hour", "twenty
// minutes", "3 days", "2 weeks". Whole days (weeks are 7) apart from the hours, minutes and
// seconds, as "3 days ago" keeps the wall time. Takes lower-case text; nothing when it is not
// one (a clock duration "28:30" included: parse_duration reads those).
struct SpokenDuration {
    std::int64_t days = 0;
    double seconds = 0;
};
std::optional<SpokenDuration> read_duration(std::string_view text);

// How many of the first words (at most kMaxDurationWords) together are shaped like a duration:
// 2 for {"30", "min", "nap"}, 1 for {"25h", "nap"}, 0 for {"nap"}. The size is not checked,
// so that an out-of-range duration is refused by parse_duration rather than read as text.
std::size_t leading_duration(const std::vector<std::string>& words);

// How many of the last words are shaped like a duration, as for leading_duration: 1 for
// {"nap", "30m"}, 2 for {"read", "an", "hour"}; a clock time ("lunch at 12:30") never is.
std::size_t trailing_duration(const std::vector<std::string>& words);

// Parses "28:30" (m:ss), "1:45:00" (h:mm:ss), or a spoken duration without days (read_duration:
// "45m", "1h5m", "20 minutes", "half an hour") into seconds.
// Must be > 0 and at most `max_seconds`.
int parse_duration(std::string_view text, std::string_view field = "DURATION",
                   int max_seconds = 48 * 3600);

// Parses an integer in [lo, hi], e.g. "--intensity must be 1-10, got 12".
int parse_scale(std::string_view text, std::string_view field, int lo = 1, int hi = 10);

// Parses a positive whole number (a count, an id, a rank). Throws UsageError naming `field`.
long long parse_count(std::string_view text, std::string_view field, long long max = 1'000'000'000);

// "5.00 km", "3.10 mi".
std::string format_distance(double meters, DistanceUnit unit);

// "28:30", "1:45:00".
std::string format_duration(int seconds);

// Pace per km or per mile following the unit, e.g. "5:42 /km".
std::string format_pace(double meters, int seconds, DistanceUnit unit);

// "45 min", "1 h", "1 h 5 min".
std::string format_minutes(int minutes);

}  // namespace guilt
