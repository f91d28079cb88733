// SPDX-License-Identifier: MIT
// The words and layout every format of the month and the year shares (src/cli/ only): the
// calendar's weeks and columns, each day's note, the totals tables; and the HTML page.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/cli/month_render.hpp"
#include "guilt/core/month.hpp"

namespace guilt::month_words {

inline constexpr int kDaysPerWeek = 7;

// The weeks of a month as rows of day numbers (0: a cell of another month).
std::vector<std::array<int, kDaysPerWeek>> weeks_of(YearMonth m, bool sunday_start);

// "Mon" ... "Sun" (or from "Sun"), in the order of the calendar's columns.
std::vector<std::string> weekday_heads(bool sunday_start);

// One decimal: "5.5".
std::string tenths(double v);

// "Nov".
std::string short_month(int month);

// "2 moments, mean intensity 5.5; 1 run, 5 km; 40 min with the kids; 1 good moment".
std::string day_note(const MonthDay& d, DistanceUnit unit);

// "Nov 26: ..." for a title or tooltip.
std::string day_title(const MonthDay& d, DistanceUnit unit);

// The heading of the previous month's column: "October", or for a month in progress "October,
// first 26 days".
std::string previous_head(const MonthSummary& s);

// The heading of this month's column.
std::string this_head(const MonthSummary& s);

// The totals table of a month: each row's label, this month, the month before.
std::vector<std::vector<std::string>> totals_rows(const MonthSummary& s, DistanceUnit unit,
                                                  std::string (*escape)(std::string_view));

// One row per month of a year: its name and its figures.
std::vector<std::vector<std::string>> year_rows(const YearSummary& y, DistanceUnit unit,
                                                std::string (*escape)(std::string_view));

// The head row of the year's table.
std::vector<std::string> year_head();

// `text` unchanged: the escape of plain text.
std::string as_is(std::string_view text);

// The month and the year as one self-contained HTML page (month_html.cpp).
std::string html_month(const MonthSummary& s, const CalendarStyle& st);
std::string html_year(const YearSummary& y, const CalendarStyle& st);

}  // namespace guilt::month_words
