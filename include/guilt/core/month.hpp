// SPDX-License-Identifier: MIT
// A month at a glance: one cell per day (guilt moments and their intensity, runs, engaged time,
// good moments), the month's totals beside the month before, and a year as twelve such months.
// Pure: entries in, a summary out; "today" is passed in. The renderers live in month_render.hpp.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

// A calendar month.
struct YearMonth {
    int year = 1970;
    int month = 1;  // 1-12

    friend auto operator<=>(const YearMonth&, const YearMonth&) = default;
};

// The month holding `d`.
YearMonth month_of(Date d);

// The month `n` months after (or before, when negative) `m`.
YearMonth add_months(YearMonth m, int n);

// The number of days in a month (28-31).
int days_in(YearMonth m);

// "2026-11".
std::string format_month(YearMonth m);

// "November 2026".
std::string month_title(YearMonth m);

// YYYY-MM ("2026-11"), or any day parse_day() or parse_when() accepts ("2026-11-25",
// "yesterday"), relative to `now`. Throws UsageError naming `field` and the text for anything
// else, and for a month that starts after today.
YearMonth parse_month(std::string_view text, Timestamp now, std::string_view field = "MONTH");

// A year YYYY (1-9999). Throws UsageError naming `field` and the text for anything else, and
// for a year that starts after today.
int parse_year(std::string_view text, Timestamp now, std::string_view field = "--year");

// One day of the calendar.
struct MonthDay {
    Date date;
    int moments = 0;                       // guilt moments
    std::optional<double> mean_intensity;  // of the moments with a known intensity
    int runs = 0;
    double run_meters = 0;
    int engaged_minutes = 0;
    int wins = 0;        // good moments
    bool ahead = false;  // after today: not happened yet
};

// What a stretch of days adds up to.
struct MonthTotals {
    int days = 0;  // days counted (the days so far, for a month in progress)
    int moments = 0;
    std::optional<double> mean_intensity;
    int days_with_guilt = 0;
    int runs = 0;
    double run_meters = 0;
    int engaged_minutes = 0;
    int wins = 0;
};

struct MonthSummary {
    YearMonth month;
    bool complete = false;       // today is after its last day
    std::vector<MonthDay> days;  // every day of the month, the 1st first
    MonthTotals totals;          // the days that have happened
    YearMonth previous_month;
    // The month before; while this month is in progress, only its same first days (on the 10th:
    // the 1st to the 10th of the month before), so a month in progress is not called lighter
    // for being shorter.
    MonthTotals previous;
};

struct YearSummary {
    int year = 1970;
    std::vector<MonthSummary> months;  // January to December
    MonthTotals totals;                // the days of the year that have happened
};

// How heavy a day's guilt was, for its shade: 0 (no moment) to kGuiltShades - 1. The weight is
// the sum of the day's intensities (a moment of unknown intensity weighs kUnknownIntensity).
inline constexpr int kGuiltShades = 5;
inline constexpr int kUnknownIntensity = 5;
// The highest weight of shades 1, 2 and 3; anything heavier is shade 4. Default: one mild
// moment, one heavy one or two mild, up to three heavy ones.
inline constexpr int kShadeLimits[] = {5, 10, 20};
int guilt_shade(const MonthDay& d);

// The first calendar day on which a summary of `m` needs entries (the 1st of the month before),
// and the last (the day after the month's last: its early hours belong to that last day).
Date month_window_start(YearMonth m);
Date month_window_end(YearMonth m);

// The month `m`, from `entries` (any order; those outside the month and the month before are
// ignored). Days after `today` are marked ahead and count in no total. Never throws.
MonthSummary summarize_month(YearMonth m, Date today, const std::vector<Entry>& entries);

// The twelve months of `year`, from `entries` of that year (and the December before, for
// January's previous month). Never throws.
YearSummary summarize_year(int year, Date today, const std::vector<Entry>& entries);

}  // namespace guilt
