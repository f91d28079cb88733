// SPDX-License-Identifier: MIT
// Strict parsers and formatters for distances, scales and counts, and the formatters of
// durations. Reading durations is in parse_duration.cpp.
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
#include "parse_numbers.hpp"

namespace guilt {
namespace {

constexpr double kMetersPerMile = 1609.344;
constexpr double kHalfMarathonMeters = 21'097.5;
constexpr double kMarathonMeters = 42'195;
// More digits than this cannot be a count anyone means; it also keeps the value in range.
constexpr std::size_t kMaxWholeDigits = 18;

// A number as typed, bare when that is unambiguous ("got 12"), quoted otherwise ("got \"\"").
std::string shown(std::string_view text) {
    const std::string_view s = trim(text);
    if (s.empty() || s.find_first_of(" \t\n\v\f\r\"\\") != std::string_view::npos)
        return quoted(text);
    for (const char c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return quoted(text);
    return std::string(s);
}

}  // namespace

namespace parse_detail {

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

}  // namespace parse_detail

using parse_detail::decimal;
using parse_detail::whole;

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

namespace {

// "a", "a or b", "a, b or c".
std::string or_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t k = 0; k < items.size(); ++k)
        out += (k == 0 ? "" : k + 1 == items.size() ? " or " : ", ") + items[k];
    return out;
}

// The metres in one of a distance's units ("k", "km", "kilometres", "mi", "miles", "m"), with
// the unit pace is shown in; nothing for another word.
std::optional<std::pair<double, DistanceUnit>> distance_unit(std::string_view word) {
    static constexpr std::pair<std::string_view, double> kUnits[] = {{"k", 1000},
                                                                     {"km", 1000},
                                                                     {"kms", 1000},
                                                                     {"kilometre", 1000},
                                                                     {"kilometres", 1000},
                                                                     {"kilometer", 1000},
                                                                     {"kilometers", 1000},
                                                                     {"m", 1},
                                                                     {"metre", 1},
                                                                     {"metres", 1},
                                                                     {"meter", 1},
                                                                     {"meters", 1},
                                                                     {"mi", kMetersPerMile},
                                                                     {"mile", kMetersPerMile},
                                                                     {"miles", kMetersPerMile}};
    for (const auto& [name, meters] : kUnits)
        if (word == name)
            return std::pair{meters,
                             meters == kMetersPerMile ? DistanceUnit::mi : DistanceUnit::km};
    return std::nullopt;
}

}  // namespace

bool is_distance_unit(std::string_view word) {
    return distance_unit(to_lower(trim(word))).has_value();
}

Distance parse_distance(std::string_view text, std::string_view field) {
    const std::string s = to_lower(trim(text));
    const auto bad = [&] {
        return UsageError(fmt::format(
            "{} must look like 5k, 10000m, 3.1mi, half or marathon, got {}", field, quoted(text)));
    };
    const auto in_range = [](double meters) {
        return meters >= kMinRunMeters && meters <= kMaxRunMeters;
    };
    Distance d;
    if (s == "half" || s == "half marathon") {
        d.meters = kHalfMarathonMeters;
    } else if (s == "marathon") {
        d.meters = kMarathonMeters;
    } else {
        const auto split = std::min(s.find_first_not_of("0123456789."), s.size());
        const auto value = decimal(std::string_view(s).substr(0, split));
        std::string_view unit = std::string_view(s).substr(split);
        if (value && unit.empty()) {
            // Only the units that make a run of it: "5m" is refused as too short.
            std::vector<std::string> tries;
            for (const auto& [suffix, meters] :
                 {std::pair{"k", 1000.0}, {"m", 1.0}, {"mi", kMetersPerMile}})
                if (in_range(*value * meters)) tries.push_back(s + suffix);
            throw UsageError(
                fmt::format("{} needs a unit, got {}{}", field, quoted(text),
                            tries.empty() ? "" : fmt::format(" (try {})", or_list(tries))));
        }
        if (unit.starts_with(' ')) unit.remove_prefix(1);
        const auto per = distance_unit(unit);
        if (!value || !per) throw bad();
        d.meters = *value * per->first;
        d.unit = per->second;
    }
    if (!(d.meters > 0))
        throw UsageError(fmt::format("{} must be more than 0, got {}", field, quoted(text)));
    if (!in_range(d.meters))
        throw UsageError(fmt::format("{} must be {} m to {} km for one run, got {}", field,
                                     kMinRunMeters, kMaxRunMeters / 1000, quoted(text)));
    return d;
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
