// SPDX-License-Identifier: MIT
// The weekly summary's formats by name and file extension, and render_week. Each format is its
// own file (week_text.cpp, week_markdown.cpp, week_html.cpp, week_json.cpp), on the words they
// share (week_words.hpp); each one shows the same figures, her words escaped.
#include "guilt/cli/week_render.hpp"

#include "guilt/core/text.hpp"

namespace guilt {

std::string_view to_string(WeekFormat f) {
    switch (f) {
        case WeekFormat::text:
            return "text";
        case WeekFormat::md:
            return "md";
        case WeekFormat::html:
            return "html";
        case WeekFormat::json:
            return "json";
    }
    return "text";
}

std::optional<WeekFormat> week_format_from(std::string_view name) {
    auto n = to_lower(trim(name));
    if (n == "text" || n == "txt") return WeekFormat::text;
    if (n == "md" || n == "markdown") return WeekFormat::md;
    if (n == "html") return WeekFormat::html;
    if (n == "json") return WeekFormat::json;
    return std::nullopt;
}

std::optional<WeekFormat> week_format_of_path(std::string_view path) {
    auto slash = path.find_last_of('/');
    auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    auto ext = to_lower(name.substr(dot + 1));
    if (ext == "htm") return WeekFormat::html;
    return week_format_from(ext);
}

std::string render_week(const WeekSummary& s, WeekFormat format, bool utf8) {
    return render_report(s, format, utf8);
}

}  // namespace guilt
