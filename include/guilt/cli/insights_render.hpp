// SPDX-License-Identifier: MIT
// Insights written out: one terminal screen, Markdown tables, one self-contained HTML page
// (inline CSS and SVG, nothing fetched) and JSON (its schema: data/insights.schema.json).
// Pure: insights in, text out. Every format says the same thing in the same plain words;
// render_report() (report_format.hpp) picks one.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "guilt/cli/report_format.hpp"
#include "guilt/core/insights.hpp"

namespace guilt {

// What one factor's figures say, in words that never claim more than the verdict: "On 14 days
// with a child-led 10 minutes you logged 1.1 moments a day after it, against 2.3 on 31 days
// without; the difference is clear." or "Not enough days yet: 2 with, 40 without."
std::string insight_words(const FactorInsight& f);

// For the terminal: one screen, the most telling first, lines of at most `width` columns (60 to
// 80); ANSI colour when `color`, ASCII only unless `utf8`.
std::string render_text(const Insights& s, bool utf8, bool color, int width = 80);

// A heading, the factors as a pipe table, and the words for each.
std::string render_markdown(const Insights& s);

// One HTML5 page: inline <style> and <svg> charts, no script, no external reference.
std::string render_html(const Insights& s);

// The insights as one JSON document, as cli.md shows.
nlohmann::ordered_json render_json(const Insights& s);

}  // namespace guilt
