// SPDX-License-Identifier: MIT
// The weekly summary for the terminal: labelled lines, a day table with bars (Unicode or
// ASCII), ANSI colour when asked.
#include "guilt/cli/week_render.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"
#include "week_words.hpp"

namespace guilt {

namespace {

constexpr int kMinWidth = 40;  // narrower, the lines are wrapped to 40 (the day table takes 57)
constexpr int kMaxBar = 10;    // cells of a full bar (intensity 10, the week's most minutes)
constexpr int kLabelWidth = 11;
constexpr std::size_t kHeaviestShown = 3;  // moments quoted in the text view

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
          m_width(std::max(width, kMinWidth)) {}

    const Glyphs g;

    // `text` cut to `max` characters; in ASCII, with "..." instead of "…".
    std::string fit(std::string_view text, std::size_t max) const {
        if (m_utf8 || display_width(text) <= max) return shorten(text, max);
        auto cut = shorten(text, max - 2);
        return cut.substr(0, cut.size() - std::string_view("…").size()) + "...";
    }

    // A labelled line: the label in its column, the rest wrapped to the width under it. Names
    // in it (kids, tags) are data: escaped as visible() does, tabs and newlines as spaces.
    void line(std::string_view label, std::string_view text) {
        const std::string column(kLabelWidth, ' ');
        auto lines = wrap_lines(flat(text), static_cast<std::size_t>(m_width), column, column);
        if (lines.empty()) lines.push_back(column);
        auto head = fmt::format("{:<{}}", label, kLabelWidth);
        lines[0] = paint(head, Style::bold, m_color) + lines[0].substr(column.size());
        for (const auto& l : lines)
            m_out += l + "\n";
    }
    void more(std::string_view text) { line("", text); }
    // A line that quotes her words, after `label`: one line, the words cut to the width ("…").
    void quote(std::string_view text, std::string_view label = "") {
        m_out += paint(fmt::format("{:<{}}", label, kLabelWidth), Style::bold, m_color) +
                 fit(text, static_cast<std::size_t>(m_width - kLabelWidth)) + "\n";
    }

    void raw(std::string_view text) { m_out += std::string(text) + "\n"; }
    // Prose across the whole width, wrapped, in `style`.
    void prose(std::string_view text, Style style) {
        for (const auto& l : wrap_lines(flat(text), static_cast<std::size_t>(m_width)))
            raw(paint_if(l, style));
    }
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
    static std::string flat(std::string_view text) {
        auto out = visible(text);
        std::replace_if(
            out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n'; }, ' ');
        return out;
    }

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
            guilt_cells =
                std::max(1, static_cast<int>(std::lround(mean * bar / week_words::kMaxIntensity)));
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
            d.balance ? week_words::balance_value(d.balance) : "", d.reflected ? w.g.check : "");
        while (!row.empty() && row.back() == ' ')
            row.pop_back();
        w.raw(row);
    }
    w.prose("Guilt: mean intensity (moments). Bank: " + std::string(week_words::kBankNote) + ".",
            Style::dim);
}

}  // namespace

std::string render_text(const WeekSummary& s, bool utf8, bool color, int width) {
    TextWriter w(utf8, color, width);
    auto q = [&](std::string_view text) {
        return fmt::format("{}{}{}", w.g.quote_open, text, w.g.quote_close);
    };
    std::string_view so_far = s.complete ? "" : " (so far)";
    auto title = wrap_lines("Your week " + week_words::week_title(s, w.g.dash),
                            static_cast<std::size_t>(w.width()));
    bool room = display_width(title.back()) + so_far.size() <= static_cast<std::size_t>(w.width());
    for (auto& l : title)
        l = w.paint_if(l, Style::bold);
    if (!room) title.emplace_back();
    title.back() += w.paint_if(title.back().empty() ? trim(so_far) : so_far, Style::dim);
    for (const auto& l : title)
        w.raw(l);
    if (s.motto) w.quote(q(s.motto->text), "Motto");
    if (!s.priorities.empty()) {
        std::vector<std::string> ps;
        for (const auto& p : s.priorities)
            ps.push_back(week_words::priority_line(p));
        w.line("Priorities", fmt::format("{}", fmt::join(ps, std::string(w.g.dot))));
    }
    w.raw("");
    day_table(w, s);
    w.raw("");

    w.line("Guilt", week_words::guilt_line(s.guilt));
    w.more(week_words::guilt_change(s));
    if (!s.topics.empty()) w.more("About: " + week_words::tallies(s.topics));
    if (!s.tags.empty()) w.more("Tags: " + week_words::tallies(s.tags, "#"));
    if (!s.kids_named.empty()) w.more("Kids named: " + week_words::tallies(s.kids_named));
    for (const auto* m : week_words::heaviest(s, kHeaviestShown))
        w.quote(fmt::format("{} [{}] {}", week_words::weekday(her_day(m->at)),
                            week_words::intensity_of(*m), q(m->text)));
    w.line("Good", week_words::wins_line(s));
    for (const auto& win : s.wins)
        w.quote(fmt::format("{} {}", week_words::weekday(her_day(win.at)), q(win.text)));
    w.line("Runs", week_words::runs_line(s));
    if (s.runs.count > 0) {
        w.more(week_words::runs_with(s));
        w.more(week_words::runs_when(s));
    }
    w.line("Engaged", week_words::engaged_line(s));
    std::vector<std::string> kids;
    for (const auto& k : s.engaged.kids)
        kids.push_back(week_words::kid_line(k));
    if (!kids.empty()) w.more(fmt::format("{}", fmt::join(kids, std::string(w.g.dot))));
    w.more(week_words::engaged_change(s));
    w.line("Deposits", week_words::deposits_line(s));
    w.line("Bank", week_words::bank_line(s));
    w.line("Reflected", fmt::format("{} of {} nights", s.nights_reflected, kWeekLength));
    for (const auto& st : s.strategies) {
        w.more(fmt::format("{} ({})", st.title, week_words::days_list(st.days)));
        for (const auto& a : st.answers)
            w.quote(fmt::format("  {}: {}", week_words::weekday(a.date), q(a.text)));
    }
    return w.str();
}

}  // namespace guilt
