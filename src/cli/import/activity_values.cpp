// SPDX-License-Identifier: MIT
// The dates and numbers of Strava and Garmin files: grouped decimals, day-first and Strava dates,
// clock durations, XML times. Each refuses what it cannot read with the field and the value.
#include "guilt/cli/activity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "guilt/cli/journal_import.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt {

using import::kMaxDurationSeconds;
using import::kSecondsPerDay;

namespace {

constexpr std::size_t kShownChars = 40;  // of a bad value quoted in an error
[[noreturn]] void bad_value(std::string_view field, std::string_view what, std::string_view got) {
    throw UsageError(
        fmt::format("{} must be {}, got \"{}\"", field, what, shorten(got, kShownChars)));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads an unsigned decimal integer at `s[i]`, advancing `i`; nullopt when there is none.
std::optional<int> scan_int(std::string_view s, std::size_t& i, std::size_t max_digits = 4) {
    std::size_t start = i;
    int v = 0;
    while (i < s.size() && is_digit(s[i]) && i - start < max_digits)
        v = v * 10 + (s[i++] - '0');
    if (i == start) return std::nullopt;
    return v;
}

// More digits before the point than this is no distance, time or code a file means.
constexpr std::size_t kMaxWholeDigits = 15;
// Digits after the point beyond these say nothing about meters or seconds.
constexpr std::size_t kMaxFractionDigits = 6;

// The number `whole`.`fraction` (ASCII digits, `fraction` may be empty); nullopt when `whole`
// has more than kMaxWholeDigits digits.
std::optional<double> decimal_value(std::string_view whole, std::string_view fraction) {
    whole.remove_prefix(std::min(whole.find_first_not_of('0'), whole.size()));
    if (whole.size() > kMaxWholeDigits) return std::nullopt;
    auto digits = fmt::format("0{}.{}0", whole, fraction.substr(0, kMaxFractionDigits));
    double v = 0;
    auto [end, ec] =
        std::from_chars(digits.data(), digits.data() + digits.size(), v, std::chars_format::fixed);
    if (ec != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return v;
}

bool valid_civil(Date d) {
    if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    return civil_from_days(days_from_civil(d)) == d;
}

// "2025-07-01 06:30:00" at `s[i]`, advancing `i`: a real date and the seconds of its day. With
// `strict` (XML Schema), a 'T' before the time and the seconds are required.
std::optional<std::pair<Date, int>> scan_wall_time(std::string_view s, std::size_t& i,
                                                   bool strict) {
    auto y = scan_int(s, i);
    if (!y || i >= s.size() || s[i++] != '-') return std::nullopt;
    auto mo = scan_int(s, i, 2);
    if (!mo || i >= s.size() || s[i++] != '-') return std::nullopt;
    auto dd = scan_int(s, i, 2);
    if (!dd || i >= s.size() || (s[i] != 'T' && (strict || s[i] != ' '))) return std::nullopt;
    ++i;
    auto hh = scan_int(s, i, 2);
    if (!hh || i >= s.size() || s[i++] != ':') return std::nullopt;
    auto mm = scan_int(s, i, 2);
    if (!mm) return std::nullopt;
    int ss = 0;  // a plain int: GCC 12 at -Os saw an optional<int> here as maybe uninitialised
    if (i < s.size() && s[i] == ':') {
        auto seconds = scan_int(s, ++i, 2);
        if (!seconds) return std::nullopt;
        ss = *seconds;
    } else if (strict) {
        return std::nullopt;
    }
    Date d{*y, *mo, *dd};
    // A leap second (60) counts as the last second of its minute.
    if (*hh > 23 || *mm > 59 || ss > (strict ? 60 : 59) || !valid_civil(d)) return std::nullopt;
    return std::pair{d, *hh * 3600 + *mm * 60 + std::min(ss, 59)};
}

}  // namespace

// ---- values ------------------------------------------------------------------------------------

namespace {

// Whether `p` is "1", "12" or "123", then groups of three after `mark`: "1,234,567".
bool grouped(std::string_view p, char mark) {
    auto first = p.find(mark);
    if (first == std::string_view::npos)
        return !p.empty() && std::all_of(p.begin(), p.end(), is_digit);
    if (first < 1 || first > 3) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
        bool at_mark = i >= first && (i - first) % 4 == 0;
        if (at_mark ? p[i] != mark : !is_digit(p[i])) return false;
    }
    return (p.size() - first) % 4 == 0;
}

}  // namespace

std::optional<double> parse_activity_number(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty() || s == "--") return std::nullopt;
    // Spaces between digit groups ("1 234,5"; also the no-break and narrow no-break spaces).
    std::string compact;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ' ') continue;
        if (s.substr(i).starts_with("\xC2\xA0") || s.substr(i).starts_with("\xE2\x80\xAF")) {
            i += s[i] == '\xC2' ? 1 : 2;
            continue;
        }
        compact += s[i];
    }
    std::string_view v = compact;
    // The decimal mark is the last '.' or ','; the other one groups thousands. A lone comma is
    // a thousands mark before exactly three digits ("1,234", as English exports write it), else
    // a decimal comma ("5,02", "21,1"); a lone point is always decimal.
    auto dot = v.rfind('.'), comma = v.rfind(',');
    char mark = 0;
    if (dot != std::string_view::npos && comma != std::string_view::npos)
        mark = dot > comma ? '.' : ',';
    else if (dot != std::string_view::npos)
        mark = v.find('.') == dot ? '.' : 0;
    else if (comma != std::string_view::npos)
        mark = v.find(',') == comma && v.size() - comma - 1 != 3 ? ',' : 0;
    const char group = mark == ',' ? '.' : ',';
    auto point = mark ? v.rfind(mark) : std::string_view::npos;
    auto whole = v.substr(0, point);
    auto fraction = point == std::string_view::npos ? std::string_view() : v.substr(point + 1);
    bool ok = grouped(whole, group) || (mark == 0 && grouped(whole, '.'));
    if (point != std::string_view::npos)
        ok = ok && !fraction.empty() && std::all_of(fraction.begin(), fraction.end(), is_digit);
    if (!ok) bad_value(field, "a number", text);
    std::string digits;
    for (char c : whole)
        if (is_digit(c)) digits += c;
    auto value = decimal_value(digits, fraction);
    if (!value)
        bad_value(field, fmt::format("a number of at most {} digits", kMaxWholeDigits), text);
    return value;
}

namespace {

// "18:30:00", "6:30:00 AM" at the end of `s` from `i`: the seconds of the day. With `twelve`,
// only the AM/PM form.
std::optional<int> clock_at_end(std::string_view s, std::size_t i, bool twelve) {
    auto hh = scan_int(s, i, 2);
    if (!hh || i >= s.size() || s[i++] != ':') return std::nullopt;
    auto mm = scan_int(s, i, 2);
    std::optional<int> ss = 0;
    if (mm && i < s.size() && s[i] == ':') ss = scan_int(s, ++i, 2);
    if (!mm || !ss || *mm > 59 || *ss > 59) return std::nullopt;
    // A space or the narrow no-break space (U+202F) newer locales put before AM/PM.
    while (i < s.size() && (s[i] == ' ' || s[i] == '\xE2' || s[i] == '\x80' || s[i] == '\xAF'))
        ++i;
    auto ampm = to_lower(s.substr(i));
    int h = *hh;
    if (ampm == "am" || ampm == "pm") {
        if (h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (ampm == "pm" ? 12 : 0);
    } else if (twelve || !ampm.empty() || h > 23) {
        return std::nullopt;
    }
    return h * 3600 + *mm * 60 + *ss;
}

// The day-first dates of Strava's other languages, read as UTC: "9 mei 2026, 19:00:00",
// "4 févr. 2026, 17:31:41", "1. Jan. 2026, 08:00:00", "3 de feb. de 2026, 7:00:00",
// "21.07.2026, 15:09:27", "21/07/2026 15:09:27". nullopt for anything else.
std::optional<std::int64_t> day_first_date(std::string_view s) {
    std::size_t i = 0;
    auto skip = [&](std::string_view chars) {
        while (i < s.size() && chars.find(s[i]) != std::string_view::npos)
            ++i;
    };
    auto day = scan_int(s, i, 2);
    if (!day) return std::nullopt;
    std::optional<int> month;
    if (i < s.size() && (s[i] == '.' || s[i] == '/' || s[i] == '-') && i + 1 < s.size() &&
        is_digit(s[i + 1])) {
        ++i;
        month = scan_int(s, i, 2);
        if (i >= s.size() || (s[i] != '.' && s[i] != '/' && s[i] != '-')) return std::nullopt;
        ++i;
    } else {
        skip(". ");
        if (s.substr(i).starts_with("de ")) i += 3;
        auto start = i;
        while (i < s.size() && s[i] != ' ' && !is_digit(s[i]))
            ++i;
        month = import::localised_month(s.substr(start, i - start));
        skip(". ");
        if (s.substr(i).starts_with("de ")) i += 3;
    }
    auto year = scan_int(s, i);
    if (!month || !year) return std::nullopt;
    skip(", ");
    // A word before the time, as some locales write it ("um", "à", "alle", "kl.").
    if (i < s.size() && !is_digit(s[i])) {
        while (i < s.size() && s[i] != ' ')
            ++i;
        skip(" ");
    }
    auto seconds = clock_at_end(s, i, false);
    Date d{*year, *month, *day};
    if (!seconds || !valid_civil(d)) return std::nullopt;
    return days_from_civil(d) * kSecondsPerDay + *seconds;
}

}  // namespace

std::optional<double> parse_distance_number(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (std::count(s.begin(), s.end(), ',') != 1 || s.find('.') != std::string_view::npos)
        return parse_activity_number(text, field);
    std::string dotted(s);
    dotted[dotted.find(',')] = '.';
    try {
        return parse_activity_number(dotted, field);
    } catch (const UsageError&) {
        bad_value(field, "a number", text);
    }
}

std::optional<std::int64_t> parse_strava_date(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty()) return std::nullopt;
    auto fail = [&]() -> std::int64_t {
        bad_value(field, "a date like \"Jul 1, 2025, 6:30:00 AM\"", text);
    };
    std::size_t i = 0;
    if (s.size() >= 4 && is_digit(s[0])) {  // "2025-07-01 06:30:00"
        auto wall = scan_wall_time(s, i, false);
        if (wall && i == s.size())
            return days_from_civil(wall->first) * kSecondsPerDay + wall->second;
        if (auto utc = day_first_date(s)) return *utc;  // "9 mei 2026, 19:00:00", "21.07.2026, ..."
        return fail();
    }
    // "Jul 1, 2025, 6:30:00 AM"
    while (i < s.size() && s[i] != ' ' && s[i] != '.' && !is_digit(s[i]))
        ++i;
    auto named = import::localised_month(s.substr(0, i));
    if (!named) return fail();
    const int month = *named;
    if (i < s.size() && s[i] == '.') ++i;  // "Sept." in some locales' exports
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto day = scan_int(s, i, 2);
    if (!day || i >= s.size() || s[i++] != ',') return fail();
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto year = scan_int(s, i);
    if (!year) return fail();
    if (i < s.size() && s[i] == ',') ++i;
    while (i < s.size() && s[i] == ' ')
        ++i;
    auto seconds = clock_at_end(s, i, true);  // English: "6:30:00 AM"
    Date d{*year, month, *day};
    if (!seconds || !valid_civil(d)) return fail();
    return days_from_civil(d) * kSecondsPerDay + *seconds;
}

std::pair<Date, int> parse_garmin_date(std::string_view text, std::string_view field) {
    auto s = trim(text);
    std::size_t i = 0;
    auto wall = scan_wall_time(s, i, false);
    if (!wall || i != s.size()) bad_value(field, "a date like \"2025-07-01 06:30:00\"", text);
    return *wall;
}

std::optional<int> parse_clock_duration(std::string_view text, std::string_view field) {
    auto s = trim(text);
    if (s.empty() || s == "--") return std::nullopt;
    auto fail = [&]() -> std::optional<int> {
        bad_value(field, "a duration like \"00:28:30\"", text);
    };
    std::vector<int> parts;
    std::size_t i = 0;
    for (;;) {
        auto v = scan_int(s, i, 3);
        if (!v) return fail();
        parts.push_back(*v);
        if (i < s.size() && s[i] == ':' && parts.size() < 3) {
            ++i;
            continue;
        }
        break;
    }
    // Tenths of a second after a point, or after a comma where the export writes decimal commas
    // ("00:04:33,1": a real Garmin export; a comma cannot be anything else after the seconds).
    double fraction = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i]))
            ++i;
        if (i == start) return fail();
        fraction = decimal_value("0", s.substr(start, i - start)).value_or(0);
    }
    if (i != s.size() || parts.size() < 2) return fail();
    for (std::size_t k = 1; k < parts.size(); ++k)
        if (parts[k] > 59) return fail();
    long total = 0;
    for (int p : parts)
        total = total * 60 + p;
    total += std::lround(fraction);
    if (total > kMaxDurationSeconds) fail();
    return static_cast<int>(total);
}

std::optional<std::int64_t> parse_xml_time(std::string_view text) {
    auto s = trim(text);
    std::size_t i = 0;
    auto wall = scan_wall_time(s, i, true);
    if (!wall) return std::nullopt;
    if (i < s.size() && s[i] == '.') {
        std::size_t start = ++i;
        while (i < s.size() && is_digit(s[i]))
            ++i;
        if (i == start) return std::nullopt;
    }
    int offset = 0;
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
        ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
        int sign = s[i++] == '-' ? -1 : 1;
        auto oh = scan_int(s, i, 2);
        if (!oh || i >= s.size() || s[i++] != ':') return std::nullopt;
        auto om = scan_int(s, i, 2);
        if (!om || *oh > 14 || *om > 59) return std::nullopt;
        offset = sign * (*oh * 3600 + *om * 60);
    }
    if (i != s.size()) return std::nullopt;
    return days_from_civil(wall->first) * kSecondsPerDay + wall->second - offset;
}

}  // namespace guilt
