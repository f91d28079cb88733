// SPDX-License-Identifier: MIT
// The words and layout every format of the month and the year shares (src/cli/ only): the
// calendar's weeks, columns and shades, each day's note, the totals tables; and the formats.
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

// A day's cell of the calendar: its shade of guilt (painted when st.color), blank ahead of
// today; in the year view a day without guilt is a dot.
std::string shade_cell(const MonthDay& d, const CalendarStyle& st, bool year_view);

// "r w": a run, engaged time, a good moment.
std::string marks(const MonthDay& d);

// "Shade: guilt that day (moments x intensity): ░░ light, ▒▒, ▓▓, ██ heavy."
std::string text_legend(const CalendarStyle& st);

// `s` without trailing spaces.
std::string strip_right(std::string s);

// The month and the year for the terminal (month_text.cpp), as Markdown (month_markdown.cpp)
// and as one self-contained HTML page (month_html.cpp).
std::string text_month(const MonthSummary& s, const CalendarStyle& st);
std::string text_year(const YearSummary& y, const CalendarStyle& st);
std::string md_month(const MonthSummary& s, const CalendarStyle& st);
std::string md_year(const YearSummary& y, const CalendarStyle& st);
std::string html_month(const MonthSummary& s, const CalendarStyle& st);
std::string html_year(const YearSummary& y, const CalendarStyle& st);

}  // namespace guilt::month_words
