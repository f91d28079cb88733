// SPDX-License-Identifier: MIT
// The weekly summary written out: for the terminal, as Markdown, as one self-contained HTML page
// (inline CSS and SVG, nothing fetched), and as JSON (its schema: data/week.schema.json).
// Pure: a summary in, text out. Her own words are escaped for each format.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/markup.hpp"
#include "guilt/core/week.hpp"

namespace guilt {

enum class WeekFormat { text, md, html, json };

// Every format, in the order help lists them.
inline constexpr WeekFormat kWeekFormats[] = {WeekFormat::text, WeekFormat::md, WeekFormat::html,
                                              WeekFormat::json};

// "text", "md", "html", "json".
std::string_view to_string(WeekFormat f);

// The format named `name` ("text", "md", "markdown", "html", "json"), or nullopt.
std::optional<WeekFormat> week_format_from(std::string_view name);

// The format a file name's extension asks for (.txt, .md, .markdown, .html, .htm, .json,
// case-insensitive), or nullopt.
std::optional<WeekFormat> week_format_of_path(std::string_view path);

// For the terminal: lines wrapped to `width` columns (at least 40; the day table takes 57), her
// quoted words cut to one line, figures never; bars of Unicode blocks when `utf8`, else plain
// ASCII; ANSI colour when `color`.
std::string render_text(const WeekSummary& s, bool utf8, bool color, int width = 80);

// Headings, lists and GitHub-style pipe tables; her text escaped for Markdown.
std::string render_markdown(const WeekSummary& s);

// One HTML5 page: inline <style> and <svg> charts, no script, no external reference.
std::string render_html(const WeekSummary& s);

// The summary as one JSON document.
nlohmann::ordered_json render_json(const WeekSummary& s);

// The summary in `format`, ending with a newline (text: 80 columns, no colour).
std::string render_week(const WeekSummary& s, WeekFormat format, bool utf8);

// Any report (a WeekSummary, Insights) in `format` through the render_text, render_markdown,
// render_html and render_json of its type, ending with a newline (text: 80 columns, no colour).
template <class Report>
std::string render_report(const Report& r, WeekFormat format, bool utf8) {
    switch (format) {
        case WeekFormat::text:
            return render_text(r, utf8, false, 80);
        case WeekFormat::md:
            return render_markdown(r);
        case WeekFormat::html:
            return render_html(r);
        case WeekFormat::json:
            return render_json(r).dump(2) + "\n";
    }
    return "";
}

}  // namespace guilt
