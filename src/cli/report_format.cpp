// SPDX-License-Identifier: MIT
// The formats of the reports by name and file extension.
#include "guilt/cli/report_format.hpp"

#include "guilt/core/text.hpp"

namespace guilt {

std::string_view to_string(ReportFormat f) {
    switch (f) {
        case ReportFormat::text:
            return "text";
        case ReportFormat::md:
            return "md";
        case ReportFormat::html:
            return "html";
        case ReportFormat::json:
            return "json";
    }
    return "text";
}

std::optional<ReportFormat> report_format_from(std::string_view name) {
    auto n = to_lower(trim(name));
    if (n == "text" || n == "txt") return ReportFormat::text;
    if (n == "md" || n == "markdown") return ReportFormat::md;
    if (n == "html") return ReportFormat::html;
    if (n == "json") return ReportFormat::json;
    return std::nullopt;
}

std::optional<ReportFormat> report_format_of_path(std::string_view path) {
    auto slash = path.find_last_of('/');
    auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    auto ext = to_lower(name.substr(dot + 1));
    if (ext == "htm") return ReportFormat::html;
    return report_format_from(ext);
}

}  // namespace guilt
