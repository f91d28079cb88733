// SPDX-License-Identifier: MIT
// The month and the year for the terminal: a calendar of shaded cells, twelve small ones for the
// year, and the totals, on the words of month_words.hpp.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"
#include "month_words.hpp"

namespace guilt::month_words {

namespace {

// `text` wrapped to the style's width, each line painted dim.
std::string dim_prose(std::string_view text, const CalendarStyle& st) {
    std::string out;
    for (const auto& l : wrap_lines(text, static_cast<std::size_t>(std::max(st.width, 40))))
        out += paint(l, Style::dim, st.color) + "\n";
    return out;
}

}  // namespace

std::string text_month(const MonthSummary& s, const CalendarStyle& st) {
    constexpr int kCell = 10;
    constexpr int kLabel = 16, kFigure = 30;
    std::string out = paint(month_title(s.month), Style::bold, st.color);
    if (!s.complete) out += paint(" (so far)", Style::dim, st.color);
    out += "\n\n";
    std::string head;
    for (const auto& w : weekday_heads(st.sunday_start))
        head += fmt::format("{:<{}}", w, kCell);
    out += paint(strip_right(head), Style::bold, st.color) + "\n";
    for (const auto& week : weeks_of(s.month, st.sunday_start)) {
        std::string line;
        for (int day : week) {
            if (day == 0) {
                line += std::string(kCell, ' ');
                continue;
            }
            const auto& d = s.days[static_cast<std::size_t>(day - 1)];
            line += fmt::format("{:>2} ", day) + shade_cell(d, st, false) + " " +
                    (d.ahead ? "   " : marks(d)) + " ";
        }
        out += strip_right(line) + "\n";
    }
    out += dim_prose(text_legend(st), st);
    out += dim_prose("Marks: r run, e engaged time with the kids, w good moment.", st) + "\n";
    out += paint(fmt::format("{:<{}}{:<{}}{}", "", kLabel, this_head(s), kFigure, previous_head(s)),
                 Style::bold, st.color) +
           "\n";
    for (const auto& r : totals_rows(s, st.unit, as_is))
        out += strip_right(fmt::format("{:<{}}{:<{}}{}", r[0], kLabel, r[1], kFigure, r[2])) + "\n";
    return out;
}

std::string text_year(const YearSummary& y, const CalendarStyle& st) {
    constexpr int kMonthsAcross = 3;
    constexpr int kBlock = 22;  // 7 cells of 3 columns, and a gap
    bool complete = y.totals.days == 0 || y.months.back().complete;
    std::string out = paint(fmt::format("{}", y.year), Style::bold, st.color);
    if (!complete) out += paint(" (so far)", Style::dim, st.color);
    out += "\n";
    std::string heads;
    for (const auto& w : weekday_heads(st.sunday_start))
        heads += w.substr(0, 2) + " ";
    for (int row = 0; row < 12 / kMonthsAcross; ++row) {
        std::vector<std::vector<std::string>> blocks;
        std::size_t lines = 0;
        for (int col = 0; col < kMonthsAcross; ++col) {
            const auto& m = y.months[static_cast<std::size_t>(row * kMonthsAcross + col)];
            std::vector<std::string> block{std::string(month_name(m.month.month)), heads};
            for (const auto& week : weeks_of(m.month, st.sunday_start)) {
                std::string line;
                for (int day : week)
                    line += (day == 0 ? std::string("  ")
                                      : shade_cell(m.days[static_cast<std::size_t>(day - 1)], st,
                                                   true)) +
                            " ";
                block.push_back(line);
            }
            lines = std::max(lines, block.size());
            blocks.push_back(block);
        }
        out += "\n";
        for (std::size_t i = 0; i < lines; ++i) {
            std::string line;
            for (const auto& b : blocks) {
                std::string cell = i < b.size() ? b[i] : "";
                // Pad by what shows, not by bytes: the shades are multi-byte and may be painted.
                std::size_t shown = i >= b.size() ? 0
                                    : i < 2       ? display_width(cell)
                                                  : 3 * kDaysPerWeek;
                line += cell + std::string(kBlock - std::min<std::size_t>(shown, kBlock), ' ');
            }
            out += (i == 0 ? paint(strip_right(line), Style::bold, st.color) : strip_right(line)) +
                   "\n";
        }
    }
    out += "\n" + dim_prose(text_legend(st), st) + "\n";
    const std::string_view short_heads[] = {"Month", "Moments", "Days", "Mean",
                                            "Runs",  "Engaged", "Good"};
    const int widths[] = {6, 9, 10, 6, 16, 14, 5};
    // The month's name left-aligned, the figures right-aligned.
    auto cell = [&](std::string_view text, std::size_t i) {
        return i == 0 ? fmt::format("{:<{}}", text, widths[i])
                      : fmt::format("{:>{}}", text, widths[i]);
    };
    std::string head;
    for (std::size_t i = 0; i < std::size(short_heads); ++i)
        head += cell(short_heads[i], i);
    out += paint(head, Style::bold, st.color) + "\n";
    for (const auto& r : year_rows(y, st.unit, as_is)) {
        std::string line;
        for (std::size_t i = 0; i < r.size(); ++i)
            line += cell(r[i], i);
        out += line + "\n";
    }
    return out;
}

}  // namespace guilt::month_words
