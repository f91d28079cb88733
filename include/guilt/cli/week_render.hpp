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

#include "guilt/cli/report_format.hpp"
#include "guilt/core/markup.hpp"
#include "guilt/core/week.hpp"

namespace guilt {

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
std::string render_week(const WeekSummary& s, ReportFormat format, bool utf8);

}  // namespace guilt
