// SPDX-License-Identifier: MIT
// The month and the year at a glance in four formats: a calendar of shaded cells for the
// terminal, Markdown tables, one self-contained HTML page, and JSON. Each shows the same figures.
#include "guilt/cli/month_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

using nlohmann::ordered_json;

constexpr int kDaysPerWeek = 7;

// ---- words and layout shared by every format ---------------------------------------------------

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

std::string tenths(double v) {
    return fmt::format("{:.1f}", v);
}

std::string short_month(int month) {
    return std::string(month_name(month).substr(0, 3));
}

// "2 moments, mean intensity 5.5; 1 run, 5 km; 40 min with the kids; 1 good moment".
std::string day_note(const MonthDay& d, DistanceUnit unit) {
    std::vector<std::string> parts;
    if (d.moments > 0) {
        auto g = plural(d.moments, "guilt moment", "guilt moments");
        if (d.mean_intensity) g += ", mean intensity " + tenths(*d.mean_intensity);
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
         return t.mean_intensity ? tenths(*t.mean_intensity) : std::string("-");
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
    out += paint(text_legend(st), Style::dim, st.color) + "\n";
    out +=
        paint("Marks: r run, e engaged time with the kids, w good moment.", Style::dim, st.color) +
        "\n\n";
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
    out += "\n" + paint(text_legend(st), Style::dim, st.color) + "\n\n";
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

// ---- HTML --------------------------------------------------------------------------------------

constexpr const char* kMonthStyle = R"(
.cal { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: .25rem;
       margin: .5rem 0; }
.cal .dow { font-size: .8rem; color: var(--muted); text-align: center; overflow: hidden; }
.day { min-height: 4.2rem; border: 1px solid var(--line); border-radius: .35rem;
       padding: .15rem .25rem; font-size: .8rem; line-height: 1.3; overflow: hidden;
       display: flex; flex-direction: column; gap: .1rem; }
.day .n { font-weight: 600; }
.day .marks { display: flex; flex-wrap: wrap; gap: .15rem; }
.mark { display: inline-block; max-width: 100%; border-radius: .2rem; padding: 0 .2rem;
        font-size: .7rem; line-height: 1.35; color: #fff; overflow-wrap: anywhere; }
.mark.run { background: var(--run); } .mark.eng { background: var(--engaged); }
.mark.win { background: var(--win); }
.ahead { color: #bbb; border-style: dashed; }
.s0 { background: #fff; } .s1 { background: #f8e3e1; } .s2 { background: #efbdb8; }
.s3 { background: #dc8178; } .s4 { background: #b5463f; color: #fff; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .9rem; font-size: .85rem; color: var(--muted);
          padding: 0; list-style: none; }
.legend li { display: flex; align-items: center; gap: .3rem; }
.swatch { display: inline-block; width: 1rem; height: 1rem; border: 1px solid var(--line);
          border-radius: .2rem; }
.year { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 1rem; }
.year h3 { font-size: .95rem; margin: 0 0 .2rem; }
.mini { display: grid; grid-template-columns: repeat(7, minmax(0, 1fr)); gap: 2px; }
.mini span { aspect-ratio: 1; border-radius: 2px; border: 1px solid var(--line); position: relative; }
.mini span.blank { border: 0; }
.mini span.w::after { content: ""; position: absolute; inset: 30%; border-radius: 50%;
                      background: var(--win); }
@media print { .day { min-height: 3.4rem; } }
)";

std::string html_page(std::string_view title, const std::string& body) {
    return fmt::format(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>{}</title>\n<style>{}{}</style>\n</head>\n<body>\n{}"
        "<footer><p class=\"muted\">guilt is a journal, not "
        "therapy.</p></footer>\n</body>\n</html>\n",
        html_escape(title), kReportStyle, kMonthStyle, body);
}

// "40m", "2h", "2h30": engaged time in a calendar cell.
std::string compact_minutes(int minutes) {
    if (minutes < 60) return fmt::format("{}m", minutes);
    if (minutes % 60 == 0) return fmt::format("{}h", minutes / 60);
    return fmt::format("{}h{:02}", minutes / 60, minutes % 60);
}

std::string html_legend(bool with_marks) {
    std::string out = "<ul class=\"legend\">\n<li>Guilt that day (moments × intensity):</li>\n";
    const char* names[] = {"none", "light", "some", "heavy", "heaviest"};
    for (int i = 0; i < kGuiltShades; ++i)
        out += fmt::format("<li><span class=\"swatch s{}\"></span>{}</li>\n", i, names[i]);
    if (with_marks)
        out +=
            "<li><span class=\"mark run\">run</span> a run</li>\n"
            "<li><span class=\"mark eng\">40m</span> time with the kids</li>\n"
            "<li><span class=\"mark win\">★</span> a good moment</li>\n";
    else
        out +=
            "<li><span class=\"swatch\" style=\"background: var(--win)\"></span>a good "
            "moment</li>\n";
    return out + "</ul>\n";
}

std::string html_month_body(const MonthSummary& s, const CalendarStyle& st) {
    std::string out = fmt::format("<header>\n<h1>{}</h1>\n", html_escape(month_title(s.month)));
    if (!s.complete) out += "<p class=\"muted\">So far: the month is not over yet.</p>\n";
    out += "</header>\n<section>\n<div class=\"cal\" role=\"grid\">\n";
    for (const auto& w : weekday_heads(st.sunday_start))
        out += fmt::format("<div class=\"dow\" role=\"columnheader\">{}</div>", w);
    out += "\n";
    for (const auto& week : weeks_of(s.month, st.sunday_start)) {
        for (int day : week) {
            if (day == 0) {
                out += "<div></div>";
                continue;
            }
            const auto& d = s.days[static_cast<std::size_t>(day - 1)];
            std::string marks;
            if (d.runs > 0)
                marks += fmt::format("<span class=\"mark run\">{}</span>",
                                     d.runs > 1 ? fmt::format("run×{}", d.runs) : "run");
            if (d.engaged_minutes > 0)
                marks += fmt::format("<span class=\"mark eng\">{}</span>",
                                     compact_minutes(d.engaged_minutes));
            if (d.wins > 0)
                marks += fmt::format("<span class=\"mark win\">★{}</span>",
                                     d.wins > 1 ? std::to_string(d.wins) : "");
            out += fmt::format(
                "<div class=\"day {}\" role=\"gridcell\" title=\"{}\"><span class=\"n\">{}</span>"
                "<span class=\"marks\">{}</span></div>",
                d.ahead ? "ahead" : fmt::format("s{}", guilt_shade(d)),
                html_escape(day_title(d, st.unit)), day, marks);
        }
        out += "\n";
    }
    out += "</div>\n" + html_legend(true) + "</section>\n";
    out += "<section>\n<h2>Totals</h2>\n";
    out += html_table({"", this_head(s), previous_head(s)}, totals_rows(s, st.unit, html_escape));
    return out + "</section>\n";
}

std::string html_year_body(const YearSummary& y, const CalendarStyle& st) {
    std::string out =
        fmt::format("<header>\n<h1>{}</h1>\n</header>\n<section>\n<div class=\"year\">\n", y.year);
    for (const auto& m : y.months) {
        out += fmt::format("<div>\n<h3>{}</h3>\n<div class=\"mini\">", month_name(m.month.month));
        for (const auto& week : weeks_of(m.month, st.sunday_start))
            for (int day : week) {
                if (day == 0) {
                    out += "<span class=\"blank\"></span>";
                    continue;
                }
                const auto& d = m.days[static_cast<std::size_t>(day - 1)];
                out += fmt::format("<span class=\"{}{}\" title=\"{}\"></span>",
                                   d.ahead ? "ahead" : fmt::format("s{}", guilt_shade(d)),
                                   d.wins > 0 && !d.ahead ? " w" : "",
                                   html_escape(day_title(d, st.unit)));
            }
        out += "</div>\n</div>\n";
    }
    out += "</div>\n" + html_legend(false) + "</section>\n";
    out += "<section>\n<h2>Month by month</h2>\n";
    out += html_table(year_head(), year_rows(y, st.unit, html_escape));
    return out + "</section>\n";
}

// ---- JSON --------------------------------------------------------------------------------------

ordered_json mean_json(const std::optional<double>& v) {
    return v ? ordered_json(std::round(*v * 100) / 100) : ordered_json(nullptr);
}

ordered_json totals_json(const MonthTotals& t) {
    return {{"days", t.days},
            {"moments", t.moments},
            {"mean_intensity", mean_json(t.mean_intensity)},
            {"days_with_guilt", t.days_with_guilt},
            {"runs", t.runs},
            {"run_distance_m", t.run_meters},
            {"engaged_minutes", t.engaged_minutes},
            {"wins", t.wins}};
}

}  // namespace

ordered_json month_json(const MonthSummary& s) {
    ordered_json out;
    out["month"] = format_month(s.month);
    out["complete"] = s.complete;
    auto days = ordered_json::array();
    for (const auto& d : s.days) {
        if (d.ahead) continue;  // not happened yet: no figures to give
        days.push_back({{"date", format_date(d.date)},
                        {"moments", d.moments},
                        {"mean_intensity", mean_json(d.mean_intensity)},
                        {"runs", d.runs},
                        {"engaged_minutes", d.engaged_minutes},
                        {"wins", d.wins}});
    }
    out["days"] = days;
    out["totals"] = totals_json(s.totals);
    ordered_json previous = {{"month", format_month(s.previous_month)}};
    auto figures = totals_json(s.previous);
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
    out["totals"] = totals_json(y.totals);
    return out;
}

std::string render_month(const MonthSummary& s, WeekFormat format, const CalendarStyle& style) {
    switch (format) {
        case WeekFormat::text:
            return text_month(s, style);
        case WeekFormat::md:
            return md_month(s, style);
        case WeekFormat::html:
            return html_page(month_title(s.month), html_month_body(s, style));
        case WeekFormat::json:
            return month_json(s).dump(2) + "\n";
    }
    return "";
}

std::string render_year(const YearSummary& y, WeekFormat format, const CalendarStyle& style) {
    switch (format) {
        case WeekFormat::text:
            return text_year(y, style);
        case WeekFormat::md:
            return md_year(y, style);
        case WeekFormat::html:
            return html_page(fmt::format("{}", y.year), html_year_body(y, style));
        case WeekFormat::json:
            return year_json(y).dump(2) + "\n";
    }
    return "";
}

}  // namespace guilt
