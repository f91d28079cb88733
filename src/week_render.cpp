// SPDX-License-Identifier: MIT
// The weekly summary in four formats: terminal text with bars, Markdown, one self-contained HTML
// page with SVG charts, and JSON. Each one shows the same figures; her words are escaped.
#include "guilt/week_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>

#include "guilt/markup.hpp"
#include "guilt/terminal.hpp"
#include "guilt/text.hpp"

namespace guilt {

namespace {

using nlohmann::ordered_json;

constexpr int kMaxWidth = 80;
constexpr int kMinWidth = 60;  // the day table without bars
constexpr int kMaxBar = 10;    // cells of a full bar (intensity 10, the week's most minutes)
constexpr int kLabelWidth = 11;
constexpr int kMaxIntensity = 10;
constexpr std::size_t kHeaviestShown = 3;  // moments quoted in the text view

// ---- words shared by every format --------------------------------------------------------------

std::string weekday(Date d) {
    return std::string(weekday_name(d).substr(0, 3));
}

// "Mon Nov 23".
std::string day_label(Date d) {
    return fmt::format("{} {} {}", weekday(d), month_name(d.month).substr(0, 3), d.day);
}

std::string one_decimal(double v) {
    return fmt::format("{:.1f}", v);
}

// "2026-W48, Mon Nov 23 - Sun Nov 29, 2026".
std::string week_title(const WeekSummary& s, std::string_view dash) {
    return fmt::format("{}, {} {} {}, {}", format_iso_week(s.week), day_label(s.first_day), dash,
                       day_label(s.last_day), s.last_day.year);
}

// "7 moments, mean intensity 5.6, highest 8".
std::string guilt_line(const GuiltFigures& g) {
    if (g.count == 0) return "no guilt moments logged";
    auto out = plural(g.count, "moment", "moments");
    if (g.mean_intensity) out += ", mean intensity " + one_decimal(*g.mean_intensity);
    if (g.max_intensity) out += fmt::format(", highest {}", *g.max_intensity);
    return out;
}

// "the week before", or while the week is not over "the same 2 days of the week before".
std::string week_before(const WeekChange& c) {
    if (c.compared_days >= kWeekLength) return "the week before";
    if (c.compared_days == 1) return "the same day of the week before";
    return fmt::format("the same {} days of the week before", c.compared_days);
}

// "2 more than the week before (5, mean 5.0)".
std::string guilt_change(const WeekSummary& s) {
    const auto& c = s.change;
    std::string out = c.guilt_count == 0 ? "as many moments as " + week_before(c)
                      : c.guilt_count > 0
                          ? fmt::format("{} more than {}", c.guilt_count, week_before(c))
                          : fmt::format("{} fewer than {}", -c.guilt_count, week_before(c));
    out += fmt::format(" ({}", c.previous_guilt.count);
    if (c.previous_guilt.mean_intensity)
        out += ", mean " + one_decimal(*c.previous_guilt.mean_intensity);
    out += ")";
    if (c.mean_intensity && std::abs(*c.mean_intensity) >= 0.05)
        out += fmt::format(", intensity {} by {}", *c.mean_intensity > 0 ? "up" : "down",
                           one_decimal(std::abs(*c.mean_intensity)));
    return out;
}

std::string engaged_change(const WeekSummary& s) {
    const auto& c = s.change;
    if (c.engaged_minutes == 0) return "as much as " + week_before(c);
    return fmt::format("{} {} than {} ({})", format_minutes(std::abs(c.engaged_minutes)),
                       c.engaged_minutes > 0 ? "more" : "less", week_before(c),
                       format_minutes(c.previous_engaged_minutes));
}

// "school 3, work 2".
std::string tallies(const std::vector<Tally>& ts, std::string_view prefix = "") {
    std::vector<std::string> parts;
    for (const auto& t : ts)
        parts.push_back(fmt::format("{}{} {}", prefix, t.label, t.count));
    return fmt::format("{}", fmt::join(parts, ", "));
}

std::string slot_name(RunSlot slot) {
    switch (slot) {
        case RunSlot::early_morning:
            return "early morning";
        case RunSlot::daytime:
            return "daytime";
        case RunSlot::family_hours:
            return "family hours";
        case RunSlot::late:
            return "late";
    }
    return "daytime";
}

std::string_view slot_key(RunSlot slot) {
    switch (slot) {
        case RunSlot::early_morning:
            return "early_morning";
        case RunSlot::daytime:
            return "daytime";
        case RunSlot::family_hours:
            return "family_hours";
        case RunSlot::late:
            return "late";
    }
    return "daytime";
}

constexpr RunSlot kSlots[] = {RunSlot::early_morning, RunSlot::daytime, RunSlot::family_hours,
                              RunSlot::late};

// "3 runs, 24 km in 2:16:00 (5:40 /km)".
std::string runs_line(const WeekSummary& s) {
    const auto& r = s.runs;
    if (r.count == 0) return "no runs logged";
    auto out = plural(r.count, "run", "runs") + ", " + format_distance(r.meters, s.unit);
    if (r.seconds > 0)
        out += fmt::format(" in {} ({})", format_duration(r.seconds),
                           format_pace(r.timed_meters, r.seconds, s.unit));
    return out;
}

// "with moms 2, solo 1; the kids took part in 1 run".
std::string runs_with(const WeekSummary& s) {
    const auto& r = s.runs;
    return fmt::format("with {}; the kids took part in {}", tallies(r.with),
                       r.with_kids == 0 ? "none" : plural(r.with_kids, "run", "runs"));
}

// "early morning 2, family hours 1".
std::string runs_when(const WeekSummary& s) {
    std::vector<std::string> when;
    for (auto slot : kSlots)
        if (auto it = s.runs.slots.find(slot); it != s.runs.slots.end())
            when.push_back(fmt::format("{} {}", slot_name(slot), it->second));
    return fmt::format("{}", fmt::join(when, ", "));
}

std::string engaged_line(const WeekSummary& s) {
    const auto& e = s.engaged;
    if (e.minutes == 0) return "no engaged time logged";
    return fmt::format("{} on {} of {} days, {} child-led", format_minutes(e.minutes), e.days,
                       kWeekLength, format_minutes(e.child_led_minutes));
}

std::string kid_line(const KidTime& k) {
    return fmt::format("{} {} ({} child-led)", k.name, format_minutes(k.minutes),
                       format_minutes(k.child_led_minutes));
}

std::string deposits_line(const WeekSummary& s) {
    if (s.deposits == 0) return "none logged (runs count as deposits in the bank)";
    return plural(s.deposits, "deposit", "deposits") + ", " + format_minutes(s.deposit_minutes);
}

// "+2", "0", "-1".
std::string balance_value(const std::optional<Balance>& b) {
    if (!b) return "";
    return b->value == 0 ? "0" : fmt::format("{:+}", b->value);
}

// The bank on the last day that has happened, and on the first.
std::string bank_line(const WeekSummary& s) {
    const DaySummary* first = nullptr;
    const DaySummary* last = nullptr;
    for (const auto& d : s.days)
        if (d.balance) {
            if (!first) first = &d;
            last = &d;
        }
    if (!last) return "no days yet";
    auto out = fmt::format("{} on {}", balance_value(last->balance), weekday_name(last->date));
    if (first != last)
        out += fmt::format(" (from {} on {})", balance_value(first->balance),
                           weekday_name(first->date));
    return out;
}

constexpr const char* kBankNote = "runs and deposits pay in, guilt moments take out";

std::string days_list(const std::vector<Date>& days) {
    std::vector<std::string> names;
    for (auto d : days)
        names.push_back(weekday(d));
    return join_and(names);
}

std::string moment_when(const MomentLine& m) {
    int secs = local_seconds_of_day(m.at);
    return fmt::format("{} {:02}:{:02}", day_label(local_date(m.at)), secs / 3600, secs / 60 % 60);
}

std::string intensity_of(const MomentLine& m) {
    return m.intensity ? std::to_string(*m.intensity) : "?";
}

// The heaviest moments, heaviest first, then the latest.
std::vector<const MomentLine*> heaviest(const WeekSummary& s, std::size_t n) {
    std::vector<const MomentLine*> out;
    for (auto m = s.moments.rbegin(); m != s.moments.rend(); ++m)
        out.push_back(&*m);  // latest first
    std::stable_sort(out.begin(), out.end(), [](const MomentLine* a, const MomentLine* b) {
        return a->intensity.value_or(0) > b->intensity.value_or(0);
    });
    if (out.size() > n) out.resize(n);
    return out;
}

// "Thu Nov 26 19:40".
std::string win_when(const GoodMoment& w) {
    int secs = local_seconds_of_day(w.at);
    return fmt::format("{} {:02}:{:02}", day_label(local_date(w.at)), secs / 3600, secs / 60 % 60);
}

// "2 good moments", or a word for a week without one.
std::string wins_line(const WeekSummary& s) {
    if (s.wins.empty()) return "none written down yet (guilt win \"...\" keeps one)";
    return plural(static_cast<int>(s.wins.size()), "good moment", "good moments");
}

const std::vector<std::string> kDayTableHead = {
    "Day", "Guilt moments", "Mean intensity", "Highest", "Engaged",  "Child-led",
    "Run", "Deposits",      "Good moments",   "Bank",    "Reflected"};

// One row per day for the day table, each cell escaped with `escape`; `none` for no figure.
std::vector<std::vector<std::string>> day_rows(const WeekSummary& s,
                                               std::string (*escape)(std::string_view),
                                               std::string_view none) {
    std::vector<std::vector<std::string>> rows;
    auto or_none = [&](bool has, const std::string& v) {
        return has ? escape(v) : std::string(none);
    };
    for (const auto& d : s.days)
        rows.push_back(
            {escape(day_label(d.date)), std::to_string(d.guilt.count),
             or_none(d.guilt.mean_intensity.has_value(),
                     one_decimal(d.guilt.mean_intensity.value_or(0))),
             or_none(d.guilt.max_intensity.has_value(),
                     std::to_string(d.guilt.max_intensity.value_or(0))),
             escape(format_minutes(d.engaged_minutes)), escape(format_minutes(d.child_led_minutes)),
             or_none(d.run_meters > 0, format_distance(d.run_meters, s.unit)),
             std::to_string(d.deposits), std::to_string(d.wins),
             or_none(d.balance.has_value(), balance_value(d.balance)), d.reflected ? "yes" : "no"});
    return rows;
}

std::string priority_line(const Priority& p) {
    auto out = fmt::format("{}. {}", p.rank, p.title);
    if (p.until) out += fmt::format(" (until {})", format_date(*p.until));
    return out;
}

// ---- text --------------------------------------------------------------------------------------

// Characters of the text view: Unicode where the locale says UTF-8, else ASCII.
struct Glyphs {
    std::string_view guilt_bar, engaged_bar, dot, dash, check, quote_open, quote_close;
};
constexpr Glyphs kUnicode{"█", "█", " · ", "–", "✓", "“", "”"};
constexpr Glyphs kAscii{"#", "=", " - ", "-", "x", "\"", "\""};

class TextWriter {
  public:
    TextWriter(bool utf8, bool color, int width)
        : g(utf8 ? kUnicode : kAscii),
          m_utf8(utf8),
          m_color(color),
          m_width(std::clamp(width, kMinWidth, kMaxWidth)) {}

    const Glyphs g;

    // `text` cut to `max` characters; in ASCII, with "..." instead of "…".
    std::string fit(std::string_view text, std::size_t max) const {
        if (m_utf8 || display_width(text) <= max) return shorten(text, max);
        auto cut = shorten(text, max - 2);
        return cut.substr(0, cut.size() - std::string_view("…").size()) + "...";
    }

    // A labelled line: the label in its column, the rest cut to the width.
    void line(std::string_view label, std::string_view text) {
        auto head = fmt::format("{:<{}}", label, kLabelWidth);
        m_out += paint(head, Style::bold, m_color) +
                 fit(text, static_cast<std::size_t>(m_width - kLabelWidth)) + "\n";
    }
    void more(std::string_view text) { line("", text); }

    void raw(std::string_view text) { m_out += std::string(text) + "\n"; }
    std::string paint_if(std::string_view text, Style style) const {
        return paint(text, style, m_color);
    }

    // A bar of `cells` of `glyph`, padded to `width` cells.
    std::string bar(int cells, std::string_view glyph, int width) const {
        cells = std::min(cells, width);
        std::string out;
        for (int i = 0; i < cells; ++i)
            out += glyph;
        return out + std::string(static_cast<std::size_t>(width - cells), ' ');
    }

    int width() const { return m_width; }
    std::string str() const { return m_out; }

  private:
    bool m_utf8;
    bool m_color;
    int m_width;
    std::string m_out;
};

// One row per day: guilt (a bar of mean intensity, the mean and the count), engaged minutes (a
// bar scaled to the week's most), the run distance, the bank and whether she reflected.
void day_table(TextWriter& w, const WeekSummary& s) {
    constexpr int kFixed = 10 + 2 + 9 + 2 + 10 + 2 + 9 + 2 + 4 + 2 + 5;  // without the bars
    int bar = std::clamp((w.width() - kFixed - 2) / 2, 0, kMaxBar);
    int gap = bar > 0 ? 1 : 0;
    int most = 0;
    for (const auto& d : s.days)
        most = std::max(most, d.engaged_minutes);
    w.raw(w.paint_if(fmt::format("{:<10}  {:<{}}  {:<{}}  {:<9}  {:>4}  {}", "Day", "Guilt",
                                 bar + gap + 9, "Engaged", bar + gap + 10, "Run", "Bank", "Refl."),
                     Style::bold));
    for (const auto& d : s.days) {
        int guilt_cells = 0;
        std::string guilt = "-";
        if (d.guilt.count > 0) {
            double mean = d.guilt.mean_intensity.value_or(0);
            guilt_cells = std::max(1, static_cast<int>(std::lround(mean * bar / kMaxIntensity)));
            guilt = d.guilt.mean_intensity
                        ? fmt::format("{} ({})", one_decimal(mean), d.guilt.count)
                        : fmt::format("? ({})", d.guilt.count);
        }
        int engaged_cells =
            most > 0 && d.engaged_minutes > 0
                ? std::max(1, static_cast<int>(std::lround(1.0 * d.engaged_minutes * bar / most)))
                : 0;
        auto row = fmt::format(
            "{:<10}  {}{}{:<9}  {}{}{:<10}  {:<9}  {:>4}  {}", day_label(d.date),
            w.paint_if(w.bar(guilt_cells, w.g.guilt_bar, bar), Style::warn), gap ? " " : "", guilt,
            w.paint_if(w.bar(engaged_cells, w.g.engaged_bar, bar), Style::accent), gap ? " " : "",
            d.engaged_minutes > 0 ? format_minutes(d.engaged_minutes) : "-",
            d.run_meters > 0 ? format_distance(d.run_meters, s.unit) : "-",
            d.balance ? balance_value(d.balance) : "", d.reflected ? w.g.check : "");
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
        w.raw(row);
    }
    w.raw(w.paint_if(
        w.fit("Guilt: mean intensity (moments). Bank: " + std::string(kBankNote) + ".", w.width()),
        Style::dim));
}

}  // namespace

std::string render_text(const WeekSummary& s, bool utf8, bool color, int width) {
    TextWriter w(utf8, color, width);
    auto q = [&](std::string_view text) {
        return fmt::format("{}{}{}", w.g.quote_open, text, w.g.quote_close);
    };
    std::string_view so_far = s.complete ? "" : " (so far)";
    w.raw(w.paint_if(w.fit("Your week " + week_title(s, w.g.dash), w.width() - so_far.size()),
                     Style::bold) +
          w.paint_if(so_far, Style::dim));
    if (s.motto) w.line("Motto", q(s.motto->text));
    if (!s.priorities.empty()) {
        std::vector<std::string> ps;
        for (const auto& p : s.priorities)
            ps.push_back(priority_line(p));
        w.line("Priorities", fmt::format("{}", fmt::join(ps, std::string(w.g.dot))));
    }
    w.raw("");
    day_table(w, s);
    w.raw("");

    w.line("Guilt", guilt_line(s.guilt));
    w.more(guilt_change(s));
    if (!s.topics.empty()) w.more("About: " + tallies(s.topics));
    if (!s.tags.empty()) w.more("Tags: " + tallies(s.tags, "#"));
    if (!s.kids_named.empty()) w.more("Kids named: " + tallies(s.kids_named));
    for (const auto* m : heaviest(s, kHeaviestShown))
        w.more(fmt::format("{} [{}] {}", weekday(local_date(m->at)), intensity_of(*m), q(m->text)));
    w.line("Good", wins_line(s));
    for (const auto& win : s.wins)
        w.more(fmt::format("{} {}", weekday(local_date(win.at)), q(win.text)));
    w.line("Runs", runs_line(s));
    if (s.runs.count > 0) {
        w.more(runs_with(s));
        w.more(runs_when(s));
    }
    w.line("Engaged", engaged_line(s));
    std::vector<std::string> kids;
    for (const auto& k : s.engaged.kids)
        kids.push_back(kid_line(k));
    if (!kids.empty()) w.more(fmt::format("{}", fmt::join(kids, std::string(w.g.dot))));
    w.more(engaged_change(s));
    w.line("Deposits", deposits_line(s));
    w.line("Bank", bank_line(s));
    w.line("Reflected", fmt::format("{} of {} nights", s.nights_reflected, kWeekLength));
    for (const auto& st : s.strategies) {
        w.more(fmt::format("{} ({})", st.title, days_list(st.days)));
        for (const auto& a : st.answers)
            w.more(fmt::format("  {}: {}", weekday(a.date), q(a.text)));
    }
    return w.str();
}

// ---- Markdown ----------------------------------------------------------------------------------

namespace {

std::string md(std::string_view text) {
    return md_inline(text);
}

}  // namespace

std::string render_markdown(const WeekSummary& s) {
    std::string out = fmt::format("# Your week: {}\n\n", md(week_title(s, "to")));
    if (!s.complete) out += "*So far: the week is not over yet.*\n\n";
    if (s.motto) out += fmt::format("**Motto:** {}\n\n", md(s.motto->text));
    if (!s.priorities.empty()) {
        out += "**Priorities:**\n\n";
        for (const auto& p : s.priorities) {
            out += fmt::format("{}. {}", p.rank, md(p.title));
            if (p.until) out += fmt::format(" (until {})", format_date(*p.until));
            out += "\n";
        }
        out += "\n";
    }

    out += "## At a glance\n\n";
    out += fmt::format("- **Guilt:** {}; {}.\n", md(guilt_line(s.guilt)), md(guilt_change(s)));
    out += fmt::format("- **Good moments:** {}.\n", md(wins_line(s)));
    out += fmt::format("- **Runs:** {}.\n", md(runs_line(s)));
    out += fmt::format("- **Engaged time:** {}; {}.\n", md(engaged_line(s)), md(engaged_change(s)));
    out += fmt::format("- **Deposits:** {}.\n", md(deposits_line(s)));
    out += fmt::format("- **Bank:** {}; {}.\n", md(bank_line(s)), kBankNote);
    out += fmt::format("- **Reflected:** {} of {} nights.\n\n", s.nights_reflected, kWeekLength);

    out += "## Day by day\n\n";
    out += md_table(kDayTableHead, day_rows(s, md_inline, "-"));
    out += "\n";

    out += "## Guilt\n\n";
    if (!s.topics.empty()) out += fmt::format("- About: {}\n", md(tallies(s.topics)));
    if (!s.tags.empty()) out += fmt::format("- Tags: {}\n", md(tallies(s.tags, "#")));
    if (!s.kids_named.empty()) out += fmt::format("- Kids named: {}\n", md(tallies(s.kids_named)));
    for (const auto& m : s.moments)
        out += fmt::format("- {}, intensity {}: {}\n", md(moment_when(m)), intensity_of(m),
                           md(m.text));
    if (s.moments.empty()) out += "No guilt moments this week.\n";
    out += "\n## Good moments\n\n";
    for (const auto& w : s.wins)
        out += fmt::format("- {}: {}\n", md(win_when(w)), md(w.text));
    if (s.wins.empty()) out += "No good moments written down this week.\n";
    out += "\n## Runs\n\n" + md(runs_line(s)) + ".";
    if (s.runs.count > 0) out += " " + md(runs_with(s)) + "; " + md(runs_when(s)) + ".";
    out += "\n\n## Engaged time\n\n" + md(engaged_line(s)) + ".\n\n";
    for (const auto& k : s.engaged.kids)
        out += "- " + md(kid_line(k)) + "\n";

    out += "\n## Reflection\n\n";
    out += fmt::format("You reflected {} of {} nights.\n\n", s.nights_reflected, kWeekLength);
    for (const auto& st : s.strategies) {
        out += fmt::format("- **{}** ({})\n", md(st.title), md(days_list(st.days)));
        for (const auto& a : st.answers)
            out += fmt::format("  - {}: {}\n", md(day_label(a.date)), md(a.text));
    }
    return out;
}

// ---- HTML --------------------------------------------------------------------------------------

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
            weekday(d.date));
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

}  // namespace

std::string render_html(const WeekSummary& s) {
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Your week {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        html(format_iso_week(s.week)), std::string(kReportStyle) + kWeekStyle);
    out += fmt::format("<header>\n<h1>Your week: {}</h1>\n", html(week_title(s, "–")));
    if (!s.complete) out += "<p class=\"muted\">So far: the week is not over yet.</p>\n";
    if (s.motto) out += fmt::format("<p class=\"motto\">{}</p>\n", html(s.motto->text));
    out += "</header>\n";

    out += "<section>\n<h2>At a glance</h2>\n";
    out += html_list({
        fmt::format("<strong>Guilt:</strong> {}; {}.", html(guilt_line(s.guilt)),
                    html(guilt_change(s))),
        fmt::format("<strong>Good moments:</strong> {}.", html(wins_line(s))),
        fmt::format("<strong>Runs:</strong> {}.", html(runs_line(s))),
        fmt::format("<strong>Engaged time:</strong> {}; {}.", html(engaged_line(s)),
                    html(engaged_change(s))),
        fmt::format("<strong>Deposits:</strong> {}.", html(deposits_line(s))),
        fmt::format("<strong>Bank:</strong> {}; {}.", html(bank_line(s)), kBankNote),
        fmt::format("<strong>Reflected:</strong> {} of {} nights.", s.nights_reflected,
                    kWeekLength),
    });
    out += "</section>\n";

    double most_minutes = 0, most_meters = 0;
    for (const auto& d : s.days) {
        most_minutes = std::max(most_minutes, 1.0 * d.engaged_minutes);
        most_meters = std::max(most_meters, d.run_meters);
    }
    auto guilt_label = [](const DaySummary& d) { return guilt_line(d.guilt); };
    out += "<section>\n<h2>Day by day</h2>\n<div class=\"charts\">\n";
    out += "<figure>" +
           svg_chart(
               s, "guilt", "Guilt: mean intensity per day (0 to 10)",
               [](const DaySummary& d) { return d.guilt.mean_intensity.value_or(0); },
               kMaxIntensity, guilt_label, "10") +
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

    out += html_table(kDayTableHead, day_rows(s, html_escape, "–"));
    out += "</section>\n";

    out += "<section>\n<h2>Guilt</h2>\n";
    std::vector<std::string> about;
    if (!s.topics.empty()) about.push_back("About: " + html(tallies(s.topics)));
    if (!s.tags.empty()) about.push_back("Tags: " + html(tallies(s.tags, "#")));
    if (!s.kids_named.empty()) about.push_back("Kids named: " + html(tallies(s.kids_named)));
    out += html_list(about);
    std::vector<std::string> moments;
    for (const auto& m : s.moments)
        moments.push_back(fmt::format("<span class=\"muted\">{}, intensity {}:</span> {}",
                                      html(moment_when(m)), intensity_of(m), html(m.text)));
    out += moments.empty() ? "<p>No guilt moments this week.</p>\n" : html_list(moments);
    out += "</section>\n";

    out += "<section class=\"wins\">\n<h2>Good moments</h2>\n";
    std::vector<std::string> wins;
    for (const auto& w : s.wins)
        wins.push_back(
            fmt::format("<span class=\"muted\">{}:</span> {}", html(win_when(w)), html(w.text)));
    out += wins.empty() ? "<p>No good moments written down this week.</p>\n" : html_list(wins);
    out += "</section>\n";

    out += fmt::format("<section>\n<h2>Runs</h2>\n<p>{}.", html(runs_line(s)));
    if (s.runs.count > 0) out += " " + html(runs_with(s)) + "; " + html(runs_when(s)) + ".";
    out += "</p>\n</section>\n";

    out += fmt::format("<section>\n<h2>Engaged time</h2>\n<p>{}; {}.</p>\n", html(engaged_line(s)),
                       html(engaged_change(s)));
    std::vector<std::string> kids;
    for (const auto& k : s.engaged.kids)
        kids.push_back(html(kid_line(k)));
    out += html_list(kids) + "</section>\n";

    out += fmt::format("<section>\n<h2>Reflection</h2>\n<p>You reflected {} of {} nights.</p>\n",
                       s.nights_reflected, kWeekLength);
    for (const auto& st : s.strategies) {
        out += fmt::format("<p><strong>{}</strong> <span class=\"muted\">({})</span></p>\n",
                           html(st.title), html(days_list(st.days)));
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
    out += "<footer><p class=\"muted\">guilt is a journal, not therapy.</p></footer>\n";
    return out + "</body>\n</html>\n";
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

ordered_json optional_json(const std::optional<double>& v) {
    return v ? ordered_json(std::round(*v * 100) / 100) : ordered_json(nullptr);
}
ordered_json optional_json(const std::optional<int>& v) {
    return v ? ordered_json(*v) : ordered_json(nullptr);
}

ordered_json guilt_json(const GuiltFigures& g) {
    return {{"count", g.count},
            {"mean_intensity", optional_json(g.mean_intensity)},
            {"max_intensity", optional_json(g.max_intensity)}};
}

ordered_json tallies_json(const std::vector<Tally>& ts, const char* key, bool with_label) {
    auto out = ordered_json::array();
    for (const auto& t : ts) {
        ordered_json j = {{key, t.id}};
        if (with_label) j["label"] = t.label;
        j["count"] = t.count;
        out.push_back(j);
    }
    return out;
}

}  // namespace

ordered_json render_json(const WeekSummary& s) {
    ordered_json out;
    out["week"] = format_iso_week(s.week);
    out["first_day"] = format_date(s.first_day);
    out["last_day"] = format_date(s.last_day);
    out["week_start"] = s.sunday_start ? "sunday" : "monday";
    out["complete"] = s.complete;
    out["unit"] = s.unit == DistanceUnit::mi ? "mi" : "km";

    auto days = ordered_json::array();
    for (const auto& d : s.days) {
        ordered_json balance = nullptr;
        if (d.balance)
            balance = {{"deposits", d.balance->deposits},
                       {"withdrawals", d.balance->withdrawals},
                       {"value", d.balance->value},
                       {"days_since_deposit", optional_json(d.balance->days_since_deposit)}};
        days.push_back({{"date", format_date(d.date)},
                        {"weekday", weekday(d.date)},
                        {"guilt", guilt_json(d.guilt)},
                        {"engaged_minutes", d.engaged_minutes},
                        {"child_led_minutes", d.child_led_minutes},
                        {"runs", d.runs},
                        {"run_distance_m", d.run_meters},
                        {"deposits", d.deposits},
                        {"deposit_minutes", d.deposit_minutes},
                        {"wins", d.wins},
                        {"balance", balance},
                        {"reflected", d.reflected}});
    }
    out["days"] = days;

    auto guilt = guilt_json(s.guilt);
    guilt["topics"] = tallies_json(s.topics, "topic", true);
    guilt["tags"] = tallies_json(s.tags, "tag", false);
    guilt["kids"] = tallies_json(s.kids_named, "name", false);
    guilt["moments"] = ordered_json::array();
    for (const auto& m : s.moments)
        guilt["moments"].push_back({{"at", format_iso(m.at)},
                                    {"intensity", optional_json(m.intensity)},
                                    {"text", m.text},
                                    {"topics", m.topics}});
    out["guilt"] = guilt;

    auto wins = ordered_json::array();
    for (const auto& w : s.wins)
        wins.push_back({{"at", format_iso(w.at)}, {"text", w.text}, {"kids", w.kids}});
    out["wins"] = {{"count", s.wins.size()}, {"moments", wins}};

    const auto& r = s.runs;
    ordered_json slots;
    for (auto slot : kSlots) {
        auto it = r.slots.find(slot);
        slots[std::string(slot_key(slot))] = it == r.slots.end() ? 0 : it->second;
    }
    out["runs"] = {
        {"count", r.count},
        {"distance_m", r.meters},
        {"distance", format_distance(r.meters, s.unit)},
        {"duration_s", r.seconds},
        {"pace", r.seconds > 0 ? ordered_json(format_pace(r.timed_meters, r.seconds, s.unit))
                               : ordered_json(nullptr)},
        {"with", tallies_json(r.with, "who", false)},
        {"time_of_day", slots},
        {"with_kids", r.with_kids}};

    auto kids = ordered_json::array();
    for (const auto& k : s.engaged.kids)
        kids.push_back(
            {{"name", k.name}, {"minutes", k.minutes}, {"child_led_minutes", k.child_led_minutes}});
    out["engaged"] = {{"minutes", s.engaged.minutes},
                      {"child_led_minutes", s.engaged.child_led_minutes},
                      {"days", s.engaged.days},
                      {"kids", kids}};
    out["deposits"] = {{"count", s.deposits}, {"minutes", s.deposit_minutes}};

    auto strategies = ordered_json::array();
    for (const auto& st : s.strategies) {
        auto shown = ordered_json::array();
        for (auto d : st.days)
            shown.push_back(format_date(d));
        auto answers = ordered_json::array();
        for (const auto& a : st.answers)
            answers.push_back({{"date", format_date(a.date)}, {"answer", a.text}});
        strategies.push_back(
            {{"strategy", st.id}, {"title", st.title}, {"days", shown}, {"answers", answers}});
    }
    out["reflection"] = {{"nights", s.nights_reflected}, {"strategies", strategies}};

    out["motto"] = s.motto ? ordered_json(s.motto->text) : ordered_json(nullptr);
    auto priorities = ordered_json::array();
    for (const auto& p : s.priorities)
        priorities.push_back(
            {{"rank", p.rank},
             {"title", p.title},
             {"until", p.until ? ordered_json(format_date(*p.until)) : ordered_json(nullptr)}});
    out["priorities"] = priorities;

    const auto& c = s.change;
    out["previous_week"] = {{"first_day", format_date(add_days(s.first_day, -kWeekLength))},
                            {"days_compared", c.compared_days},
                            {"guilt", guilt_json(c.previous_guilt)},
                            {"engaged_minutes", c.previous_engaged_minutes}};
    out["change"] = {{"guilt_count", c.guilt_count},
                     {"mean_intensity", optional_json(c.mean_intensity)},
                     {"engaged_minutes", c.engaged_minutes}};
    return out;
}

// ---- formats -----------------------------------------------------------------------------------

std::string_view to_string(WeekFormat f) {
    switch (f) {
        case WeekFormat::text:
            return "text";
        case WeekFormat::md:
            return "md";
        case WeekFormat::html:
            return "html";
        case WeekFormat::json:
            return "json";
    }
    return "text";
}

std::optional<WeekFormat> week_format_from(std::string_view name) {
    auto n = to_lower(trim(name));
    if (n == "text" || n == "txt") return WeekFormat::text;
    if (n == "md" || n == "markdown") return WeekFormat::md;
    if (n == "html") return WeekFormat::html;
    if (n == "json") return WeekFormat::json;
    return std::nullopt;
}

std::optional<WeekFormat> week_format_of_path(std::string_view path) {
    auto slash = path.find_last_of('/');
    auto name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return std::nullopt;
    auto ext = to_lower(name.substr(dot + 1));
    if (ext == "htm") return WeekFormat::html;
    return week_format_from(ext);
}

std::string render_week(const WeekSummary& s, WeekFormat format, bool utf8) {
    return render_report(s, format, utf8);
}

}  // namespace guilt
