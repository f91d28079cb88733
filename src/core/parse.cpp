// SPDX-License-Identifier: MIT
// Strict parsers and formatters for distances, durations, scales and counts.
#include "guilt/core/parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {
namespace {

constexpr double kMetersPerMile = 1609.344;
constexpr double kHalfMarathonMeters = 21'097.5;
constexpr double kMarathonMeters = 42'195;
// More digits than this cannot be a count anyone means; it also keeps the value in range.
constexpr std::size_t kMaxWholeDigits = 18;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}

// A number as typed, bare when that is unambiguous ("got 12"), quoted otherwise ("got \"\"").
std::string shown(std::string_view text) {
    const std::string_view s = trim(text);
    if (s.empty() || s.find_first_of(" \t\n\v\f\r\"\\") != std::string_view::npos)
        return quoted(text);
    for (const char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return quoted(text);
    return std::string(s);
}

// Digits with at most one decimal point followed by a digit: "5", "5.25", ".5". Never a
// sign, exponent, hex, inf or nan, which std::stod would happily take.
std::optional<double> decimal(std::string_view s) {
    const auto dot = s.find('.');
    if (s.empty() || s.find_first_not_of("0123456789.") != std::string_view::npos ||
        (dot != std::string_view::npos && (dot + 1 == s.size() || s.find('.', dot + 1) != s.npos)))
        return std::nullopt;
    double v = 0;
    const auto [end, ec] =
        std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::fixed);
    if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

// ASCII digits only. Values too long to fit saturate, so range checks reject them.
std::optional<long long> whole(std::string_view s) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    s.remove_prefix(std::min(s.find_first_not_of('0'), s.size()));
    if (s.size() > kMaxWholeDigits) return std::numeric_limits<long long>::max();
    long long v = 0;
    for (const char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// "48 h" for a limit in whole minutes, "1:00:30" otherwise.
std::string format_limit(int seconds) {
    return seconds % 60 == 0 ? format_minutes(seconds / 60) : format_duration(seconds);
}

struct DurationPart {
    double value;
    int unit;  // 0 hours, 1 minutes, 2 seconds
    bool fractional;
};

constexpr int kUnitSeconds[] = {3600, 60, 1};

// The units of a duration, as an index into kUnitSeconds.
int duration_unit(std::string_view word) {
    static constexpr std::pair<std::string_view, int> kUnits[] = {
        {"h", 0}, {"hr", 0},  {"hrs", 0},  {"hour", 0},   {"hours", 0},
        {"m", 1}, {"min", 1}, {"mins", 1}, {"minute", 1}, {"minutes", 1},
        {"s", 2}, {"sec", 2}, {"secs", 2}, {"second", 2}, {"seconds", 2}};
    for (const auto& [name, unit] : kUnits)
        if (word == name) return unit;
    return -1;
}

// "28:30" (m:ss) or "1:45:00" (h:mm:ss) in seconds; nothing when malformed.
std::optional<double> clock_duration(std::string_view s) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const auto colon = s.find(':', start);
        parts.push_back(s.substr(start, colon - start));
        if (colon == std::string_view::npos) break;
        start = colon + 1;
    }
    const auto two_digits_below_60 = [](std::string_view p) -> std::optional<long long> {
        const auto v = whole(p);
        if (p.size() != 2 || !v || *v > 59) return std::nullopt;
        return v;
    };
    if (parts.size() < 2 || parts.size() > 3 || parts[0].size() > 3) return std::nullopt;
    const auto lead = whole(parts[0]);
    const auto mid = two_digits_below_60(parts[1]);
    if (!lead || !mid) return std::nullopt;
    if (parts.size() == 2) return static_cast<double>(*lead * 60 + *mid);
    const auto sec = two_digits_below_60(parts[2]);
    if (!sec) return std::nullopt;
    return static_cast<double>(*lead * 3600 + *mid * 60 + *sec);
}

// "45m", "1h 5m", "2h30", "90s", "1.5h" in seconds; nothing when malformed.
std::optional<double> unit_duration(std::string_view s) {
    std::vector<DurationPart> parts;
    std::size_t i = 0;
    while (i < s.size()) {
        if (!parts.empty() && s[i] == ' ') ++i;
        const std::size_t start = i;
        while (i < s.size() && (is_digit(s[i]) || s[i] == '.'))
            ++i;
        const std::string_view number = s.substr(start, i - start);
        const auto value = decimal(number);
        if (!value) return std::nullopt;
        if (i + 1 < s.size() && s[i] == ' ' && is_letter(s[i + 1])) ++i;
        const std::size_t word_start = i;
        while (i < s.size() && is_letter(s[i]))
            ++i;
        const std::string_view word = s.substr(word_start, i - word_start);
        int unit = duration_unit(word);
        // A trailing bare number counts in the next smaller unit: "2h30" is 2 h 30 min.
        if (word.empty() && i == s.size() && !parts.empty() && parts.back().unit < 2)
            unit = parts.back().unit + 1;
        if (unit < 0 || (!parts.empty() && unit <= parts.back().unit)) return std::nullopt;
        parts.push_back({*value, unit, number.find('.') != std::string_view::npos});
    }
    if (parts.empty()) return std::nullopt;
    double total = 0;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        // A fraction only makes sense alone ("1.5h"); below the first unit, 60 or more is a typo.
        if (parts.size() > 1 && (parts[k].fractional || (k > 0 && parts[k].value >= 60)))
            return std::nullopt;
        total += parts[k].value * kUnitSeconds[parts[k].unit];
    }
    return total;
}

// The seconds of a duration as typed (lower-case), whatever its size; nothing when it is not
// shaped like one.
std::optional<double> duration_shape(std::string_view s) {
    return s.find(':') != std::string_view::npos ? clock_duration(s) : unit_duration(s);
}

}  // namespace

std::size_t leading_duration(const std::vector<std::string>& words) {
    for (std::size_t n = std::min(words.size(), kMaxDurationWords); n > 0; --n) {
        std::string joined;
        for (std::size_t k = 0; k < n; ++k)
            joined += (k ? " " : "") + to_lower(trim(words[k]));
        if (duration_shape(joined)) return n;
    }
    return 0;
}

void check_pace(double meters, int seconds, DistanceUnit unit, std::string_view field,
                std::string_view value) {
    const double per_km = seconds / (meters / 1000);
    if (per_km >= kFastestPacePerKm && per_km <= kSlowestPacePerKm) return;
    const double per_unit = unit == DistanceUnit::mi ? kMetersPerMile : 1000.0;
    const auto limit = [&](int per_km_limit) {
        return format_pace(per_unit, static_cast<int>(std::lround(per_km_limit * per_unit / 1000)),
                           unit);
    };
    throw UsageError(fmt::format("{} {} for {} is a pace of {}; a run's pace is {} to {}", field,
                                 quoted(value), format_distance(meters, unit),
                                 format_pace(meters, seconds, unit), limit(kFastestPacePerKm),
                                 limit(kSlowestPacePerKm)));
}

Distance parse_distance(std::string_view text, std::string_view field) {
    const std::string s = to_lower(trim(text));
    const auto bad = [&] {
        return UsageError(fmt::format(
            "{} must look like 5k, 10000m, 3.1mi, half or marathon, got {}", field, quoted(text)));
    };
    Distance d;
    if (s == "half") {
        d.meters = kHalfMarathonMeters;
    } else if (s == "marathon") {
        d.meters = kMarathonMeters;
    } else {
        const auto split = std::min(s.find_first_not_of("0123456789."), s.size());
        const auto value = decimal(std::string_view(s).substr(0, split));
        std::string_view unit = std::string_view(s).substr(split);
        if (value && unit.empty())
            throw UsageError(fmt::format("{} needs a unit, got {} (try {}k, {}m or {}mi)", field,
                                         quoted(text), s, s, s));
        if (unit.starts_with(' ')) unit.remove_prefix(1);
        if (!value) throw bad();
        if (unit == "k" || unit == "km") {
            d.meters = *value * 1000;
        } else if (unit == "m") {
            d.meters = *value;
        } else if (unit == "mi") {
            d.meters = *value * kMetersPerMile;
            d.unit = DistanceUnit::mi;
        } else {
            throw bad();
        }
    }
    if (!(d.meters > 0))
        throw UsageError(fmt::format("{} must be more than 0, got {}", field, quoted(text)));
    if (d.meters < kMinRunMeters || d.meters > kMaxRunMeters)
        throw UsageError(fmt::format("{} must be {} m to {} km for one run, got {}", field,
                                     kMinRunMeters, kMaxRunMeters / 1000, quoted(text)));
    return d;
}

int parse_duration(std::string_view text, std::string_view field, int max_seconds) {
    const std::string s = to_lower(trim(text));
    if (decimal(s))
        throw UsageError(fmt::format("{} needs a unit, got {} (try \"{}m\" for minutes)", field,
                                     quoted(text), s));
    const auto total = s.find(':') != std::string::npos ? clock_duration(s) : unit_duration(s);
    if (!total)
        throw UsageError(fmt::format("{} must look like 28:30, 1:45:00, 45m or 1h5m, got {}", field,
                                     quoted(text)));
    // Compare before rounding so a huge value never reaches the integer conversion.
    if (*total > max_seconds + 0.5)
        throw UsageError(fmt::format("{} must be at most {}, got {}", field,
                                     format_limit(max_seconds), quoted(text)));
    const auto seconds = static_cast<int>(std::lround(*total));
    if (seconds <= 0)
        throw UsageError(fmt::format("{} must be more than 0, got {}", field, quoted(text)));
    if (seconds > max_seconds)
        throw UsageError(fmt::format("{} must be at most {}, got {}", field,
                                     format_limit(max_seconds), quoted(text)));
    return seconds;
}

int parse_scale(std::string_view text, std::string_view field, int lo, int hi) {
    const auto v = whole(trim(text));
    if (!v || *v < lo || *v > hi)
        throw UsageError(fmt::format("{} must be {}-{}, got {}", field, lo, hi, shown(text)));
    return static_cast<int>(*v);
}

long long parse_count(std::string_view text, std::string_view field, long long max) {
    const auto v = whole(trim(text));
    if (!v || *v < 1)
        throw UsageError(
            fmt::format("{} must be a whole number, 1 or more, got {}", field, shown(text)));
    if (*v > max)
        throw UsageError(fmt::format("{} must be at most {}, got {}", field, max, shown(text)));
    return *v;
}

// Two decimals at most, and none she would not write: "5 km", "21.1 km", "13.1 mi".
std::string format_distance(double meters, DistanceUnit unit) {
    const bool miles = unit == DistanceUnit::mi;
    auto text = fmt::format("{:.2f}", meters / (miles ? kMetersPerMile : 1000.0));
    while (text.back() == '0')
        text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text + (miles ? " mi" : " km");
}

std::string format_duration(int seconds) {
    const long long s = seconds < 0 ? -static_cast<long long>(seconds) : seconds;
    const std::string_view sign = seconds < 0 ? "-" : "";
    if (s < 3600) return fmt::format("{}{}:{:02}", sign, s / 60, s % 60);
    return fmt::format("{}{}:{:02}:{:02}", sign, s / 3600, s / 60 % 60, s % 60);
}

std::string format_pace(double meters, int seconds, DistanceUnit unit) {
    const bool miles = unit == DistanceUnit::mi;
    const std::string_view per = miles ? "/mi" : "/km";
    // No distance or time, or a pace too slow to mean anything: show a placeholder.
    if (!(meters > 0) || seconds <= 0) return fmt::format("-:-- {}", per);
    const double pace = seconds / (meters / (miles ? kMetersPerMile : 1000.0));
    if (!(pace < 1e9)) return fmt::format("-:-- {}", per);
    // Rounding the whole pace first makes 5:59.6 come out as 6:00, not 5:60.
    return fmt::format("{} {}", format_duration(static_cast<int>(std::llround(pace))), per);
}

std::string format_minutes(int minutes) {
    if (minutes < 60) return fmt::format("{} min", minutes);
    if (minutes % 60 == 0) return fmt::format("{} h", minutes / 60);
    return fmt::format("{} h {} min", minutes / 60, minutes % 60);
}

}  // namespace guilt
