// SPDX-License-Identifier: MIT
// Durations: as people say them (read_duration, and the durations leading or trailing her words)
// and as typed in an option (parse_duration). The other parsers are in parse.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "parse_numbers.hpp"

namespace guilt {

using parse_detail::decimal;
using parse_detail::whole;

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
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

}  // namespace guilt
