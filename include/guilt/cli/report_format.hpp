// SPDX-License-Identifier: MIT
// The format of a report (the week, the month, insights): its names and file extensions, and
// render_report(), which picks a report's renderer by format.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace guilt {

enum class ReportFormat { text, md, html, json };

// Every format, in the order help lists them.
inline constexpr ReportFormat kReportFormats[] = {ReportFormat::text, ReportFormat::md,
                                                  ReportFormat::html, ReportFormat::json};

// "text", "md", "html", "json".
std::string_view to_string(ReportFormat f);

// The format named `name` ("text", "txt", "md", "markdown", "html", "json"), or nullopt.
std::optional<ReportFormat> report_format_from(std::string_view name);

// The format a file name's extension asks for (.txt, .md, .markdown, .html, .htm, .json,
// case-insensitive), or nullopt.
std::optional<ReportFormat> report_format_of_path(std::string_view path);

// Any report (a WeekSummary, Insights) in `format` through the render_text, render_markdown,
// render_html and render_json of its type, ending with a newline (text: 80 columns, no colour).
template <class Report>
std::string render_report(const Report& r, ReportFormat format, bool utf8) {
    switch (format) {
        case ReportFormat::text:
            return render_text(r, utf8, false, 80);
        case ReportFormat::md:
            return render_markdown(r);
        case ReportFormat::html:
            return render_html(r);
        case ReportFormat::json:
            return render_json(r).dump(2) + "\n";
    }
    return "";
}

}  // namespace guilt
