// SPDX-License-Identifier: MIT
// The month and the year at a glance in four formats, each its own file on the words of
// month_words.hpp: a calendar of shaded cells for the terminal (month_text.cpp), Markdown
// tables (month_markdown.cpp), one self-contained HTML page (month_html.cpp) and JSON
// (month_json.cpp). Each shows the same figures.
#include "guilt/cli/month_render.hpp"

#include "month_words.hpp"

namespace guilt {

std::string render_month(const MonthSummary& s, ReportFormat format, const CalendarStyle& style) {
    switch (format) {
        case ReportFormat::text:
            return month_words::text_month(s, style);
        case ReportFormat::md:
            return month_words::md_month(s, style);
        case ReportFormat::html:
            return month_words::html_month(s, style);
        case ReportFormat::json:
            return month_json(s).dump(2) + "\n";
    }
    return "";
}

std::string render_year(const YearSummary& y, ReportFormat format, const CalendarStyle& style) {
    switch (format) {
        case ReportFormat::text:
            return month_words::text_year(y, style);
        case ReportFormat::md:
            return month_words::md_year(y, style);
        case ReportFormat::html:
            return month_words::html_year(y, style);
        case ReportFormat::json:
            return year_json(y).dump(2) + "\n";
    }
    return "";
}

}  // namespace guilt
