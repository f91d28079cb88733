// SPDX-License-Identifier: MIT
// The month and the year as Markdown: the calendar and the totals as pipe tables.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "guilt/core/markup.hpp"
#include "month_words.hpp"

namespace guilt::month_words {

namespace {

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

}  // namespace

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

}  // namespace guilt::month_words
