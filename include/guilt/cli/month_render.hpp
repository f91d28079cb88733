// SPDX-License-Identifier: MIT
// A month (or a year) at a glance written out: a calendar for the terminal, as Markdown, as one
// self-contained HTML page (inline CSS, nothing fetched), and as JSON (its schema:
// data/month.schema.json). Pure: a summary in, text out.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "guilt/cli/report_format.hpp"
#include "guilt/core/month.hpp"

namespace guilt {

// How a calendar is laid out and worded.
struct CalendarStyle {
    bool sunday_start = false;             // weeks from Sunday (config week-start)
    DistanceUnit unit = DistanceUnit::km;  // for distances (config unit)
    bool utf8 = true;                      // text: shades of Unicode blocks, else ASCII
    bool color = false;                    // text: ANSI colour
    int width = 80;                        // text: the columns its prose wraps to
};

// The month as `format` (text: its prose wrapped to style.width, the calendar 70 columns),
// ending with a newline.
std::string render_month(const MonthSummary& s, ReportFormat format, const CalendarStyle& style);

// The year as twelve small calendars and a table of the months, as `format`.
std::string render_year(const YearSummary& y, ReportFormat format, const CalendarStyle& style);

// The JSON documents: {"month", "complete", "days", "totals", "previous"} and
// {"year", "complete", "months", "totals"}.
nlohmann::ordered_json month_json(const MonthSummary& s);
nlohmann::ordered_json year_json(const YearSummary& y);

}  // namespace guilt
