// SPDX-License-Identifier: MIT
// The weekly summary as one self-contained HTML page: inline CSS and SVG charts, nothing
// fetched, her words escaped.
#include "guilt/cli/week_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"
#include "week_words.hpp"

namespace guilt {

namespace {

std::string html(std::string_view text) {
    return html_escape(text);
}

constexpr const char* kWeekStyle = R"(
.motto { font-style: italic; font-size: 1.1rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 1rem; }
svg { width: 100%; height: auto; display: block; }
svg text { font: 11px system-ui, sans-serif; fill: #555; }
.guilt rect { fill: var(--guilt); } .engaged rect { fill: var(--engaged); }
.run rect { fill: var(--run); }
@media print { .charts { grid-template-columns: repeat(3, 1fr); } }
)";

// A bar chart of one value per day, with a y-axis from 0 to `max`, day names under the bars and
// a <title> per bar and for the whole chart.
std::string svg_chart(const WeekSummary& s, std::string_view id, std::string_view title,
                      const std::function<double(const DaySummary&)>& value, double max,
                      const std::function<std::string(const DaySummary&)>& label,
                      std::string_view axis_max) {
    // The top of the axis is labelled above it, reading rightwards from the axis, so a label
    // of any length ("2 h 30 min", "13.1 mi") stays inside the picture.
    constexpr double kLeft = 16, kRight = 314, kTop = 22, kBottom = 146;
    constexpr double kSlot = (kRight - kLeft) / kWeekLength, kBar = kSlot * 0.62;
    std::string out = fmt::format(
        "<svg class=\"{0}\" viewBox=\"0 0 320 172\" role=\"img\" aria-labelledby=\"{0}-title\">"
        "<title id=\"{0}-title\">{1}</title>\n",
        id, html(title));
    out += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#999\"/>"
        "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#999\"/>\n"
        "<text x=\"{0}\" y=\"{5}\">{6}</text>"
        "<text x=\"{4}\" y=\"{2}\" text-anchor=\"end\">0</text>\n",
        kLeft, kTop, kBottom, kRight, kLeft - 3, kTop - 7, html(axis_max));
    for (int i = 0; i < kWeekLength; ++i) {
        const auto& d = s.days[i];
        double v = max > 0 ? std::clamp(value(d) / max, 0.0, 1.0) : 0;
        double h = (kBottom - kTop) * v, x = kLeft + kSlot * i + (kSlot - kBar) / 2;
        out += fmt::format(
            "<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" rx=\"2\">"
            "<title>{}: {}</title></rect>"
            "<text x=\"{:.1f}\" y=\"162\" text-anchor=\"middle\">{}</text>\n",
            x, kBottom - h, kBar, h, html(day_label(d.date)), html(label(d)), x + kBar / 2,
            week_words::weekday(d.date));
    }
    return out + "</svg>";
}

std::string html_list(const std::vector<std::string>& items) {
    if (items.empty()) return "";
    std::string out = "<ul>\n";
    for (const auto& i : items)
        out += "<li>" + i + "</li>\n";
    return out + "</ul>\n";
}

// "At a glance": a line for each kind of entry.
std::string glance_section(const WeekSummary& s) {
    std::string out;
    out += "<section>\n<h2>At a glance</h2>\n";
    out += html_list({
        fmt::format("<strong>Guilt:</strong> {}; {}.", html(week_words::guilt_line(s.guilt)),
                    html(week_words::guilt_change(s))),
        fmt::format("<strong>Good moments:</strong> {}.", html(week_words::wins_line(s))),
        fmt::format("<strong>Runs:</strong> {}.", html(week_words::runs_line(s))),
        fmt::format("<strong>Engaged time:</strong> {}; {}.", html(week_words::engaged_line(s)),
                    html(week_words::engaged_change(s))),
        fmt::format("<strong>Deposits:</strong> {}.", html(week_words::deposits_line(s))),
        fmt::format("<strong>Bank:</strong> {}; {}.", html(week_words::bank_line(s)),
                    week_words::kBankNote),
        fmt::format("<strong>Reflected:</strong> {} of {} nights.", s.nights_reflected,
                    kWeekLength),
    });
    out += "</section>\n";
    return out;
}

// "Day by day": a chart of guilt, engaged time and runs, and the table of days.
std::string days_section(const WeekSummary& s) {
    std::string out;
    double most_minutes = 0, most_meters = 0;
    for (const auto& d : s.days) {
        most_minutes = std::max(most_minutes, 1.0 * d.engaged_minutes);
        most_meters = std::max(most_meters, d.run_meters);
    }
    auto guilt_label = [](const DaySummary& d) { return week_words::guilt_line(d.guilt); };
    out += "<section>\n<h2>Day by day</h2>\n<div class=\"charts\">\n";
    out += "<figure>" +
           svg_chart(
               s, "guilt", "Guilt: mean intensity per day (0 to 10)",
               [](const DaySummary& d) { return d.guilt.mean_intensity.value_or(0); },
               week_words::kMaxIntensity, guilt_label, "10") +
           "<figcaption>Guilt: mean intensity per day</figcaption></figure>\n";
    out += "<figure>" +
           svg_chart(
               s, "engaged", "Engaged minutes with the kids per day",
               [](const DaySummary& d) { return 1.0 * d.engaged_minutes; }, most_minutes,
               [](const DaySummary& d) { return format_minutes(d.engaged_minutes); },
               format_minutes(static_cast<int>(most_minutes))) +
           "<figcaption>Engaged time with the kids per day</figcaption></figure>\n";
    auto unit = s.unit;
    out += "<figure>" +
           svg_chart(
               s, "run", "Run distance per day", [](const DaySummary& d) { return d.run_meters; },
               most_meters,
               [unit](const DaySummary& d) { return format_distance(d.run_meters, unit); },
               format_distance(most_meters, unit)) +
           "<figcaption>Run distance per day</figcaption></figure>\n</div>\n";

    out += html_table(week_words::kDayTableHead, week_words::day_rows(s, html_escape, "–"));
    out += "</section>\n";
    return out;
}

// "Guilt": what the moments were about, and each moment.
std::string guilt_section(const WeekSummary& s) {
    std::string out;
    out += "<section>\n<h2>Guilt</h2>\n";
    std::vector<std::string> about;
    if (!s.topics.empty()) about.push_back("About: " + html(week_words::tallies(s.topics)));
    if (!s.tags.empty()) about.push_back("Tags: " + html(week_words::tallies(s.tags, "#")));
    if (!s.kids_named.empty())
        about.push_back("Kids named: " + html(week_words::tallies(s.kids_named)));
    out += html_list(about);
    std::vector<std::string> moments;
    for (const auto& m : s.moments)
        moments.push_back(fmt::format("<span class=\"muted\">{}, intensity {}:</span> {}",
                                      html(week_words::moment_when(m)), week_words::intensity_of(m),
                                      html(m.text)));
    out += moments.empty() ? "<p>No guilt moments this week.</p>\n" : html_list(moments);
    out += "</section>\n";
    return out;
}

// The good moments, the runs and the engaged time.
std::string doing_sections(const WeekSummary& s) {
    std::string out;
    out += "<section class=\"wins\">\n<h2>Good moments</h2>\n";
    std::vector<std::string> wins;
    for (const auto& w : s.wins)
        wins.push_back(fmt::format("<span class=\"muted\">{}:</span> {}",
                                   html(week_words::win_when(w)), html(w.text)));
    out += wins.empty() ? "<p>No good moments written down this week.</p>\n" : html_list(wins);
    out += "</section>\n";

    out += fmt::format("<section>\n<h2>Runs</h2>\n<p>{}.", html(week_words::runs_line(s)));
    if (s.runs.count > 0)
        out += " " + html(week_words::runs_with(s)) + "; " + html(week_words::runs_when(s)) + ".";
    out += "</p>\n</section>\n";

    out += fmt::format("<section>\n<h2>Engaged time</h2>\n<p>{}; {}.</p>\n",
                       html(week_words::engaged_line(s)), html(week_words::engaged_change(s)));
    std::vector<std::string> kids;
    for (const auto& k : s.engaged.kids)
        kids.push_back(html(week_words::kid_line(k)));
    out += html_list(kids) + "</section>\n";
    return out;
}

// The nights she reflected, what she answered, and her priorities.
std::string reflection_sections(const WeekSummary& s) {
    std::string out;
    out += fmt::format("<section>\n<h2>Reflection</h2>\n<p>You reflected {} of {} nights.</p>\n",
                       s.nights_reflected, kWeekLength);
    for (const auto& st : s.strategies) {
        out += fmt::format("<p><strong>{}</strong> <span class=\"muted\">({})</span></p>\n",
                           html(st.title), html(week_words::days_list(st.days)));
        for (const auto& a : st.answers)
            out += fmt::format("<blockquote>{}: {}</blockquote>\n", html(day_label(a.date)),
                               html(a.text));
    }
    out += "</section>\n";

    if (!s.priorities.empty()) {
        out += "<section>\n<h2>Priorities</h2>\n<ol>\n";
        for (const auto& p : s.priorities) {
            out += "<li>" + html(p.title);
            if (p.until)
                out +=
                    fmt::format(" <span class=\"muted\">(until {})</span>", format_date(*p.until));
            out += "</li>\n";
        }
        out += "</ol>\n</section>\n";
    }
    return out;
}

}  // namespace

std::string render_html(const WeekSummary& s) {
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Your week {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        html(format_iso_week(s.week)), std::string(kReportStyle) + kWeekStyle);
    out += fmt::format("<header>\n<h1>Your week: {}</h1>\n", html(week_words::week_title(s, "–")));
    if (!s.complete) out += "<p class=\"muted\">So far: the week is not over yet.</p>\n";
    if (s.motto) out += fmt::format("<p class=\"motto\">{}</p>\n", html(s.motto->text));
    out += "</header>\n";

    out += glance_section(s) + days_section(s) + guilt_section(s) + doing_sections(s) +
           reflection_sections(s);
    out += "<footer><p class=\"muted\">guilt is a journal, not therapy.</p></footer>\n";
    return out + "</body>\n</html>\n";
}

}  // namespace guilt
