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

// The units of a spoken duration, largest first, as an index into kUnitSeconds.
enum DurationUnit { kWeeks, kDays, kHours, kMinutes, kSeconds };
constexpr std::int64_t kUnitSeconds[] = {7 * 86'400, 86'400, 3600, 60, 1};

std::optional<int> duration_unit(std::string_view word) {
    static constexpr std::pair<std::string_view, int> kUnits[] = {
        {"w", kWeeks},        {"wk", kWeeks},        {"wks", kWeeks},      {"week", kWeeks},
        {"weeks", kWeeks},    {"d", kDays},          {"day", kDays},       {"days", kDays},
        {"h", kHours},        {"hr", kHours},        {"hrs", kHours},      {"hour", kHours},
        {"hours", kHours},    {"m", kMinutes},       {"min", kMinutes},    {"mins", kMinutes},
        {"minute", kMinutes}, {"minutes", kMinutes}, {"s", kSeconds},      {"sec", kSeconds},
        {"secs", kSeconds},   {"second", kSeconds},  {"seconds", kSeconds}};
    for (const auto& [name, unit] : kUnits)
        if (word == name) return unit;
    return std::nullopt;
}

// The numbers people spell out in a duration ("an hour", "twenty minutes").
std::optional<double> number_word(std::string_view word) {
    static constexpr std::pair<std::string_view, int> kNumbers[] = {
        {"a", 1},       {"an", 1},      {"one", 1},     {"two", 2},         {"three", 3},
        {"four", 4},    {"five", 5},    {"six", 6},     {"seven", 7},       {"eight", 8},
        {"nine", 9},    {"ten", 10},    {"eleven", 11}, {"twelve", 12},     {"fifteen", 15},
        {"twenty", 20}, {"thirty", 30}, {"forty", 40},  {"forty-five", 45}, {"fifty", 50},
        {"sixty", 60},  {"ninety", 90}};
    for (const auto& [name, value] : kNumbers)
        if (word == name) return value;
    return std::nullopt;
}

// "1h20" as "1", "h", "20"; "half an hour" as "half", "an", "hour". Nothing when a word holds
// anything but digits, a decimal point, letters and hyphens, or two spaces meet.
std::optional<std::vector<std::string_view>> duration_tokens(std::string_view s) {
    std::vector<std::string_view> tokens;
    const auto kind = [](char c) {
        return is_digit(c) || c == '.' ? 1 : is_letter(c) || c == '-' ? 2 : 0;
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (!tokens.empty()) {
            if (s[i] == ' ') ++i;
            if (i == s.size() || s[i] == ' ') return std::nullopt;
        }
        const int k = kind(s[i]);
        if (k == 0) return std::nullopt;
        const std::size_t start = i;
        while (i < s.size() && kind(s[i]) == k)
            ++i;
        tokens.push_back(s.substr(start, i - start));
    }
    return tokens;
}

struct DurationPart {
    double value;
    int unit;
    bool fractional;
};

// Reads the tokens of a spoken duration, one part ("an hour and a half", "20 min") at a time.
class DurationReader {
  public:
    explicit DurationReader(std::vector<std::string_view> tokens) : t_(std::move(tokens)) {}

    std::optional<std::vector<DurationPart>> parts() {
        std::vector<DurationPart> out;
        while (i_ < t_.size()) {
            if (!out.empty() && eat("and") && i_ == t_.size()) return std::nullopt;
            auto part = next(out);
            if (!part || (!out.empty() && part->unit <= out.back().unit)) return std::nullopt;
            out.push_back(*part);
        }
        if (out.empty()) return std::nullopt;
        return out;
    }

  private:
    std::vector<std::string_view> t_;
    std::size_t i_ = 0;

    bool eat(std::string_view word) {
        if (i_ < t_.size() && t_[i_] == word) return ++i_, true;
        return false;
    }
    bool eat_article() { return eat("a") || eat("an"); }
    // "and a half", "and a quarter" after an amount or a unit.
    double and_a_fraction() {
        if (i_ + 3 > t_.size()) return 0;
        if (t_[i_] != "and" || (t_[i_ + 1] != "a" && t_[i_ + 1] != "an")) return 0;
        const double f = t_[i_ + 2] == "half" ? 0.5 : t_[i_ + 2] == "quarter" ? 0.25 : 0;
        if (f > 0) i_ += 3;
        return f;
    }

    std::optional<DurationPart> next(const std::vector<DurationPart>& before) {
        if (i_ >= t_.size()) return std::nullopt;
        DurationPart p{0, -1, false};
        const std::string_view word = t_[i_];
        if (const auto v = decimal(word); v && is_digit(word.back())) {
            p.value = *v;
            p.fractional = word.find('.') != std::string_view::npos;
            ++i_;
        } else if (word == "half" || word == "quarter" ||
                   ((word == "a" || word == "an") && i_ + 1 < t_.size() &&
                    (t_[i_ + 1] == "half" || t_[i_ + 1] == "quarter"))) {
            // "half an hour", "a half hour", "a quarter of an hour"
            eat_article();
            p.value = eat("half") ? 0.5 : (eat("quarter"), 0.25);
            eat("of");
            eat_article();
            p.fractional = true;
        } else if (const auto n = number_word(word)) {
            p.value = *n;
            ++i_;
        } else {
            return std::nullopt;
        }
        if (const double f = and_a_fraction(); f > 0) p.value += f, p.fractional = true;
        if (i_ < t_.size()) {
            const auto unit = duration_unit(t_[i_]);
            if (!unit) return std::nullopt;
            p.unit = *unit;
            ++i_;
        } else if (!before.empty() && !p.fractional && is_digit(word.back()) &&
                   before.back().unit >= kHours && before.back().unit < kSeconds) {
            // A trailing bare number counts in the next smaller unit: "2h30" is 2 h 30 min.
            p.unit = before.back().unit + 1;
        } else {
            return std::nullopt;
        }
        if (const double f = and_a_fraction(); f > 0) {
            if (p.fractional) return std::nullopt;
            p.value += f, p.fractional = true;
        }
        return p;
    }
};

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

// The seconds of a duration as typed (lower-case), whatever its size, days and weeks left out;
// nothing when it is not shaped like one.
std::optional<double> duration_shape(std::string_view s) {
    if (s.find(':') != std::string_view::npos) return clock_duration(s);
    const auto spoken = read_duration(s);
    if (!spoken || spoken->days > 0) return std::nullopt;
    return spoken->seconds;
}

std::string joined_words(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string joined;
    for (std::size_t k = from; k < to; ++k) {
        if (k > from) joined += ' ';
        joined += to_lower(trim(words[k]));
    }
    return joined;
}

}  // namespace

std::optional<SpokenDuration> read_duration(std::string_view text) {
    const auto tokens = duration_tokens(text);
    if (!tokens) return std::nullopt;
    const auto parts = DurationReader(*tokens).parts();
    if (!parts) return std::nullopt;
    SpokenDuration out;
    for (std::size_t k = 0; k < parts->size(); ++k) {
        const auto& p = (*parts)[k];
        // A fraction only makes sense alone ("1.5h", "an hour and a half"); below the first
        // unit, 60 or more is a typo; days and weeks are whole.
        if ((parts->size() > 1 && p.fractional) || (k > 0 && p.value >= 60) ||
            (p.unit <= kDays && p.fractional))
            return std::nullopt;
        // Beyond this, no duration anyone types: it keeps the sums below far from overflow.
        if (p.value > 1e12) return std::nullopt;
        if (p.unit <= kDays)
            out.days += static_cast<std::int64_t>(p.value) * (p.unit == kWeeks ? 7 : 1);
        else
            out.seconds += p.value * static_cast<double>(kUnitSeconds[p.unit]);
    }
    return out;
}

std::size_t leading_duration(const std::vector<std::string>& words) {
    for (std::size_t n = std::min(words.size(), kMaxDurationWords); n > 0; --n)
        if (duration_shape(joined_words(words, 0, n))) return n;
    return 0;
}

std::size_t trailing_duration(const std::vector<std::string>& words) {
    for (std::size_t n = std::min(words.size(), kMaxDurationWords); n > 0; --n) {
        const auto joined = joined_words(words, words.size() - n, words.size());
        // A clock time at the end is when it happened ("lunch at 12:30"), not how long.
        if (joined.find(':') == std::string::npos && duration_shape(joined)) return n;
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

int parse_duration(std::string_view text, std::string_view field, int max_seconds) {
    const std::string s = to_lower(trim(text));
    if (decimal(s))
        throw UsageError(fmt::format("{} needs a unit, got {} (try \"{}m\" for minutes)", field,
                                     quoted(text), s));
    const auto total = duration_shape(s);
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
