// SPDX-License-Identifier: MIT
// The scanners that the calendar's ISO forms and the WHEN grammar share (src/core/ only).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "guilt/core/calendar.hpp"

namespace guilt::time_scan {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;

inline bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// A real calendar date, in the years guilt accepts (1900-9999).
bool valid_date(Date d);
bool year_in_range(int y);

// Reads a string left to right; every read either matches and advances or leaves it alone.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i == s.size(); }
    std::string_view rest() const { return s.substr(i); }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    // Between `min` and `max` ASCII digits (few enough to fit an int).
    std::optional<int> digits(std::size_t min, std::size_t max) {
        std::size_t n = 0;
        int v = 0;
        while (n < max && i + n < s.size() && is_digit(s[i + n]))
            v = v * 10 + (s[i + n++] - '0');
        if (n < min) return std::nullopt;
        i += n;
        return v;
    }
    std::optional<int> digits(std::size_t n) { return digits(n, n); }
};

// "YYYY-MM-DD" (not yet checked to be a real date).
std::optional<Date> scan_date(Cursor& c);

// "HH:MM" or "HH:MM:SS", 24-hour, as seconds of the day.
std::optional<int> scan_hms(Cursor& c);

// "z", "+05:30", "-0500" (the colon optional only when `colon_optional`) as seconds east of UTC.
std::optional<int> scan_offset(Cursor& c, bool colon_optional);

struct DateTime {
    Date date;
    int seconds_of_day = 0;
    std::optional<int> offset;

    std::int64_t wall() const { return days_from_civil(date) * kSecondsPerDay + seconds_of_day; }
};

// "YYYY-MM-DDTHH:MM[:SS][offset]" on lower-cased text; also a space for the 'T' when
// `space_ok` (GUILT_NOW is typed by people).
std::optional<DateTime> scan_date_time(std::string_view s, bool offset_required, bool space_ok);

// "11/05/2026", "5.11.26", "11-05-2026" (a time may follow): a date whose month and day
// order differs by country. Returns the ISO dates it could mean, as a hint ("2026-11-05 or
// 2026-05-11"), or nothing when `s` is not such a date. `year` stands in for a missing year;
// with nullopt, the year must be written.
std::optional<std::string> day_month_hint(std::string_view s, std::optional<int> year);

}  // namespace guilt::time_scan
