// SPDX-License-Identifier: MIT
// The words and layout every format of the month and the year shares.
#include "month_words.hpp"

#include <fmt/format.h>

#include <cmath>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"

namespace guilt::month_words {

namespace {

// The rows of the totals table: a label and the figure of each stretch of days.
struct TotalsRow {
    std::string label;
    std::string (*figure)(const MonthTotals&, DistanceUnit);
};

const TotalsRow kTotalsRows[] = {
    {"Guilt moments", [](const MonthTotals& t, DistanceUnit) { return std::to_string(t.moments); }},
    {"Days with guilt",
     [](const MonthTotals& t, DistanceUnit) {
         return fmt::format("{} of {}", t.days_with_guilt, t.days);
     }},
    {"Mean intensity",
     [](const MonthTotals& t, DistanceUnit) {
         return t.mean_intensity ? one_decimal(*t.mean_intensity) : std::string("-");
     }},
    {"Runs",
     [](const MonthTotals& t, DistanceUnit unit) {
         return t.runs == 0 ? std::string("0")
                            : fmt::format("{}, {}", t.runs, format_distance(t.run_meters, unit));
     }},
    {"Engaged time",
     [](const MonthTotals& t, DistanceUnit) { return format_minutes(t.engaged_minutes); }},
    {"Good moments", [](const MonthTotals& t, DistanceUnit) { return std::to_string(t.wins); }},
};

}  // namespace

// The weeks of a month as rows of day numbers (0: a cell of another month).
std::vector<std::array<int, kDaysPerWeek>> weeks_of(YearMonth m, bool sunday_start) {
    int first = iso_weekday(Date{m.year, m.month, 1});  // 1 = Monday
    int column = sunday_start ? first % kDaysPerWeek : first - 1;
    std::vector<std::array<int, kDaysPerWeek>> weeks(1, std::array<int, kDaysPerWeek>{});
    for (int day = 1; day <= days_in(m); ++day, ++column) {
        if (column == kDaysPerWeek) {
            column = 0;
            weeks.emplace_back();
        }
        weeks.back()[column] = day;
    }
    return weeks;
}

// "Mon" ... "Sun" (or from "Sun"), in the order of the calendar's columns.
std::vector<std::string> weekday_heads(bool sunday_start) {
    std::vector<std::string> out;
    Date monday{2026, 11, 23};
    for (int i = 0; i < kDaysPerWeek; ++i)
        out.emplace_back(weekday_name(add_days(monday, i - (sunday_start ? 1 : 0))).substr(0, 3));
    return out;
}

std::string short_month(int month) {
    return std::string(month_name(month).substr(0, 3));
}

// "2 moments, mean intensity 5.5; 1 run, 5 km; 40 min with the kids; 1 good moment".
std::string day_note(const MonthDay& d, DistanceUnit unit) {
    std::vector<std::string> parts;
    if (d.moments > 0) {
        auto g = plural(d.moments, "guilt moment", "guilt moments");
        if (d.mean_intensity) g += ", mean intensity " + one_decimal(*d.mean_intensity);
        parts.push_back(g);
    }
    if (d.runs > 0)
        parts.push_back(plural(d.runs, "run", "runs") + ", " + format_distance(d.run_meters, unit));
    if (d.engaged_minutes > 0)
        parts.push_back(format_minutes(d.engaged_minutes) + " with the kids");
    if (d.wins > 0) parts.push_back(plural(d.wins, "good moment", "good moments"));
    if (d.ahead) return "still ahead";
    if (parts.empty()) return "nothing logged";
    return fmt::format("{}", fmt::join(parts, "; "));
}

// "Nov 26: ..." for a title or tooltip.
std::string day_title(const MonthDay& d, DistanceUnit unit) {
    return fmt::format("{}: {}", day_label(d.date), day_note(d, unit));
}

// The heading of the previous month's column: "October", or for a month in progress "October,
// first 26 days".
std::string previous_head(const MonthSummary& s) {
    auto name = std::string(month_name(s.previous_month.month));
    if (s.complete || s.previous.days == days_in(s.previous_month)) return name;
    return fmt::format("{}, first {}", name, plural(s.previous.days, "day", "days"));
}

std::string this_head(const MonthSummary& s) {
    auto name = std::string(month_name(s.month.month));
    return s.complete ? name
                      : fmt::format("{}, {} so far", name, plural(s.totals.days, "day", "days"));
}

// The totals table of a month: each row's label, this month, the month before.
std::vector<std::vector<std::string>> totals_rows(const MonthSummary& s, DistanceUnit unit,
                                                  std::string (*escape)(std::string_view)) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : kTotalsRows)
        rows.push_back({escape(r.label), escape(r.figure(s.totals, unit)),
                        escape(r.figure(s.previous, unit))});
    return rows;
}

// One row per month of a year: its name and its figures.
std::vector<std::vector<std::string>> year_rows(const YearSummary& y, DistanceUnit unit,
                                                std::string (*escape)(std::string_view)) {
    std::vector<std::vector<std::string>> rows;
    auto row = [&](std::string name, const MonthTotals& t) {
        std::vector<std::string> cells{escape(name)};
        for (const auto& r : kTotalsRows)
            cells.push_back(escape(r.figure(t, unit)));
        rows.push_back(cells);
    };
    for (const auto& m : y.months)
        if (m.totals.days > 0) row(short_month(m.month.month), m.totals);
    row(fmt::format("{}", y.year), y.totals);
    return rows;
}

std::vector<std::string> year_head() {
    std::vector<std::string> head{"Month"};
    for (const auto& r : kTotalsRows)
        head.push_back(r.label);
    return head;
}

std::string as_is(std::string_view text) {
    return std::string(text);
}

namespace {

struct Shades {
    std::array<std::string_view, kGuiltShades> month;  // a day in the month view
    std::string_view quiet;                            // a day without guilt, in the year view
};
constexpr Shades kUnicodeShades{{"  ", "░░", "▒▒", "▓▓", "██"}, "··"};
constexpr Shades kAsciiShades{{"  ", "--", "++", "**", "##"}, ".."};

}  // namespace

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

std::string strip_right(std::string s) {
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

}  // namespace guilt::month_words
