// SPDX-License-Identifier: MIT
// The month and the year at a glance in four formats: a calendar of shaded cells for the
// terminal, Markdown tables, JSON, and one self-contained HTML page (month_html.cpp). Each
// shows the same figures, in the words of month_words.hpp.
#include "guilt/cli/month_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"
#include "month_words.hpp"

namespace guilt {

using nlohmann::ordered_json;

namespace month_words {
namespace {

// ---- text --------------------------------------------------------------------------------------

struct Shades {
    std::array<std::string_view, kGuiltShades> month;  // a day in the month view
    std::string_view quiet;                            // a day without guilt, in the year view
};
constexpr Shades kUnicodeShades{{"  ", "░░", "▒▒", "▓▓", "██"}, "··"};
constexpr Shades kAsciiShades{{"  ", "--", "++", "**", "##"}, ".."};

std::string shade_cell(const MonthDay& d, const CalendarStyle& st, bool year_view) {
    const auto& g = st.utf8 ? kUnicodeShades : kAsciiShades;
    if (d.ahead) return "  ";
    int shade = guilt_shade(d);
    if (shade == 0) return std::string(year_view ? g.quiet : g.month[0]);
    return paint(g.month[static_cast<std::size_t>(shade)], Style::warn, st.color);
}

// "r w": a run, engaged time, a good moment.
std::string marks(const MonthDay& d) {
    std::string out;
    out += d.runs > 0 ? 'r' : ' ';
    out += d.engaged_minutes > 0 ? 'e' : ' ';
    out += d.wins > 0 ? 'w' : ' ';
    return out;
}

std::string text_legend(const CalendarStyle& st) {
    const auto& g = st.utf8 ? kUnicodeShades : kAsciiShades;
    return fmt::format("Shade: guilt that day (moments x intensity): {} light, {}, {}, {} heavy.",
                       g.month[1], g.month[2], g.month[3], g.month[4]);
}

// `text` wrapped to the style's width, each line painted dim.
std::string dim_prose(std::string_view text, const CalendarStyle& st) {
    std::string out;
    for (const auto& l : wrap_lines(text, static_cast<std::size_t>(std::max(st.width, 40))))
        out += paint(l, Style::dim, st.color) + "\n";
    return out;
}

std::string strip_right(std::string s) {
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

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

// ---- Markdown ----------------------------------------------------------------------------------

std::string md_text(std::string_view text) {
    return md_inline(text);
}

std::string md_calendar(const MonthSummary& s, const CalendarStyle& st, bool year_view) {
    CalendarStyle flat = st;
    flat.color = false;
    std::vector<std::vector<std::string>> rows;
    for (const auto& week : weeks_of(s.month, st.sunday_start)) {
        std::vector<std::string> cells;
        for (int day : week) {
            if (day == 0) {
                cells.emplace_back("");
                continue;
            }
            const auto& d = s.days[static_cast<std::size_t>(day - 1)];
            auto cell = fmt::format("{} {}", day, shade_cell(d, flat, year_view));
            if (!year_view && !d.ahead) cell += " " + marks(d);
            cells.push_back(strip_right(cell));
        }
        rows.push_back(cells);
    }
    return md_table(weekday_heads(st.sunday_start), rows, false);
}

std::string md_month(const MonthSummary& s, const CalendarStyle& st) {
    std::string out = fmt::format("# {}\n\n", md_text(month_title(s.month)));
    if (!s.complete) out += "*So far: the month is not over yet.*\n\n";
    out += md_calendar(s, st, false) + "\n";
    out += md_text(text_legend(st)) +
           " Marks: r run, e engaged time with the kids, w good moment.\n\n";
    out += "## Totals\n\n";
    out += md_table({"", this_head(s), previous_head(s)}, totals_rows(s, st.unit, md_inline));
    return out;
}

std::string md_year(const YearSummary& y, const CalendarStyle& st) {
    std::string out = fmt::format("# {}\n\n", y.year);
    out += md_table(year_head(), year_rows(y, st.unit, md_inline)) + "\n";
    out += md_text(text_legend(st)) + "\n";
    for (const auto& m : y.months) {
        if (m.totals.days == 0) continue;
        out += fmt::format("\n## {}\n\n", md_text(month_title(m.month)));
        out += md_calendar(m, st, true);
    }
    return out;
}

// ---- JSON --------------------------------------------------------------------------------------

ordered_json mean_json(const std::optional<double>& v) {
    return v ? ordered_json(std::round(*v * 100) / 100) : ordered_json(nullptr);
}

ordered_json totals_json(const MonthTotals& t) {
    return {{"days", t.days},
            {"moments", t.moments},
            {"mean_intensity", month_words::mean_json(t.mean_intensity)},
            {"days_with_guilt", t.days_with_guilt},
            {"runs", t.runs},
            {"run_distance_m", t.run_meters},
            {"engaged_minutes", t.engaged_minutes},
            {"wins", t.wins}};
}

}  // namespace
}  // namespace month_words

ordered_json month_json(const MonthSummary& s) {
    ordered_json out;
    out["month"] = format_month(s.month);
    out["complete"] = s.complete;
    auto days = ordered_json::array();
    for (const auto& d : s.days) {
        if (d.ahead) continue;  // not happened yet: no figures to give
        days.push_back({{"date", format_date(d.date)},
                        {"moments", d.moments},
                        {"mean_intensity", month_words::mean_json(d.mean_intensity)},
                        {"runs", d.runs},
                        {"engaged_minutes", d.engaged_minutes},
                        {"wins", d.wins}});
    }
    out["days"] = days;
    out["totals"] = month_words::totals_json(s.totals);
    ordered_json previous = {{"month", format_month(s.previous_month)}};
    auto figures = month_words::totals_json(s.previous);
    for (const auto& [key, value] : figures.items())
        previous[key] = value;
    out["previous"] = previous;
    return out;
}

ordered_json year_json(const YearSummary& y) {
    ordered_json out;
    out["year"] = y.year;
    out["complete"] = y.months.back().complete;
    auto months = ordered_json::array();
    for (const auto& m : y.months)
        if (m.totals.days > 0) months.push_back(month_json(m));
    out["months"] = months;
    out["totals"] = month_words::totals_json(y.totals);
    return out;
}

std::string render_month(const MonthSummary& s, WeekFormat format, const CalendarStyle& style) {
    switch (format) {
        case WeekFormat::text:
            return month_words::text_month(s, style);
        case WeekFormat::md:
            return month_words::md_month(s, style);
        case WeekFormat::html:
            return month_words::html_month(s, style);
        case WeekFormat::json:
            return month_json(s).dump(2) + "\n";
    }
    return "";
}

std::string render_year(const YearSummary& y, WeekFormat format, const CalendarStyle& style) {
    switch (format) {
        case WeekFormat::text:
            return month_words::text_year(y, style);
        case WeekFormat::md:
            return month_words::md_year(y, style);
        case WeekFormat::html:
            return month_words::html_year(y, style);
        case WeekFormat::json:
            return year_json(y).dump(2) + "\n";
    }
    return "";
}

}  // namespace guilt
