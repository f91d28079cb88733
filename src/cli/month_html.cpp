// SPDX-License-Identifier: MIT
// The month and the year as one self-contained HTML page: the calendar's cells shaded by the
// day's guilt, the totals and the legend.
#include <fmt/format.h>

#include <algorithm>

#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"
#include "month_words.hpp"

namespace guilt::month_words {

namespace {

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

}  // namespace

std::string html_month(const MonthSummary& s, const CalendarStyle& st) {
    return html_page(month_title(s.month), html_month_body(s, st));
}

std::string html_year(const YearSummary& y, const CalendarStyle& st) {
    return html_page(fmt::format("{}", y.year), html_year_body(y, st));
}

}  // namespace guilt::month_words
