// SPDX-License-Identifier: MIT
// Insights for the terminal: one screen, the most telling factors first.
#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "guilt/cli/insights_render.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/text.hpp"
#include "insights_words.hpp"

namespace guilt {

namespace {

using namespace insights_words;

constexpr int kMaxWidth = 80;
constexpr int kMinWidth = 60;             // the table
constexpr std::size_t kTableRows = 10;    // factors in the terminal table (one screen)
constexpr std::size_t kWordsShown = 3;    // factors spelled out in words on the terminal, at most
constexpr std::size_t kScreenLines = 24;  // one screen of the terminal
constexpr int kTitleColumn = 30;

constexpr const char* kShortCaveat = "Associations in your own journal, not causes.";

// "1.1 (14 d)": moments a day, and on how many days.
std::string side_cell(const SideFigures& side) {
    return fmt::format("{} ({} d)", one_decimal(side.moments_per_day), side.days);
}

// `name` in lines of at most `width` columns, broken at spaces and after hyphens, and inside a
// piece longer than a line: a factor's name is never cut, so two rows never read the same.
std::vector<std::string> name_lines(std::string_view name, std::size_t width) {
    std::vector<std::string> lines{""};
    auto fits = [&](std::string_view more) {
        return display_width(lines.back()) + display_width(more) <= width;
    };
    std::size_t pos = 0;
    while (pos < name.size()) {
        // The next piece: up to a space (left out at the end of a line) or after a hyphen.
        auto end = std::min(name.find_first_of(" -", pos), name.size());
        bool space = end < name.size() && name[end] == ' ';
        if (end < name.size() && !space) ++end;
        auto piece = name.substr(pos, end - pos);
        pos = space ? end + 1 : end;
        if (!fits(piece)) {
            while (!lines.back().empty() && lines.back().back() == ' ')
                lines.back().pop_back();
            if (!lines.back().empty()) lines.emplace_back();
        }
        // A piece too long for a line of its own goes on character by character.
        for (std::size_t i = 0; i < piece.size();) {
            std::size_t len = 1;
            while (i + len < piece.size() &&
                   (static_cast<unsigned char>(piece[i + len]) & 0xC0) == 0x80)
                ++len;
            auto ch = piece.substr(i, len);
            if (!lines.back().empty() && !fits(ch)) lines.emplace_back();
            lines.back() += ch;
            i += len;
        }
        if (space && fits(" ")) lines.back() += ' ';
    }
    while (!lines.back().empty() && lines.back().back() == ' ')
        lines.back().pop_back();
    return lines;
}

// What the terminal shows: the parts of the screen, in order, and its width.
struct Screen {
    int width;
    bool utf8;
    bool color;
    std::vector<const FactorInsight*> compared, waiting;

    std::vector<std::string> wrapped(std::string_view text, std::string_view indent = "") const {
        return wrap_lines(text, static_cast<std::size_t>(width), "", indent);
    }
};

// The factors compared, as a table of at most kTableRows rows; or why there is none yet.
std::vector<std::string> table_lines(const Screen& sc) {
    std::vector<std::string> table{""};
    if (sc.compared.empty()) {
        for (auto& l : sc.wrapped(fmt::format(
                 "Not enough days yet to compare: each factor needs at least {} days with it and "
                 "{} without, on days you wrote in the journal.",
                 kMinDaysEachSide, kMinDaysEachSide)))
            table.push_back(l);
        return table;
    }
    int title_width = std::clamp(sc.width - 50, 10, kTitleColumn);
    table.push_back(paint(fmt::format("{:<{}}  {:>11}  {:>11}  {:>5}  {}", "Factor", title_width,
                                      "With", "Without", "Diff", "Verdict"),
                          Style::bold, sc.color));
    std::size_t shown = std::min(sc.compared.size(), kTableRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& f = *sc.compared[i];
        const auto& c = f.comparison;
        // The whole name, over as many lines as it takes: the figures on its first.
        auto names = name_lines(visible(f.title), static_cast<std::size_t>(title_width));
        auto pad = static_cast<std::size_t>(title_width) - display_width(names[0]);
        auto verdict = std::string(to_string(c.verdict));
        if (c.verdict == Verdict::clear) verdict = paint(verdict, Style::accent, sc.color);
        table.push_back(fmt::format("{}{}  {:>11}  {:>11}  {:>5}  {}", names[0],
                                    std::string(pad, ' '), side_cell(c.with), side_cell(c.without),
                                    signed_decimal(c.difference), verdict));
        for (std::size_t l = 1; l < names.size(); ++l)
            table.push_back("  " + names[l]);
    }
    if (sc.compared.size() > shown)
        table.push_back(fmt::format("and {} more (guilt insights --format md shows all)",
                                    sc.compared.size() - shown));
    table.push_back(paint("With, Without: guilt moments a day (days). Diff: with minus without.",
                          Style::dim, sc.color));
    return table;
}

// The factors without enough days yet, on at most two lines.
std::vector<std::string> waiting_lines(const Screen& sc) {
    if (sc.waiting.empty()) return {};
    std::vector<std::string> names;
    for (const auto* f : sc.waiting)
        names.push_back(fmt::format("{} ({} with, {} without)", f->id, f->comparison.with.days,
                                    f->comparison.without.days));
    auto lines = sc.wrapped(fmt::format("Not enough days yet: {}.", fmt::join(names, ", ")), "  ");
    if (lines.size() > 2) {
        lines.resize(2);
        lines[1] = shorten(lines[1] + " ...", static_cast<std::size_t>(sc.width));
    }
    return lines;
}

// The words for the most telling factors, as many as the screen has room for after `used`
// lines.
std::vector<std::string> words_lines(const Screen& sc, std::size_t used) {
    std::vector<std::string> words;
    std::size_t spelled = 0;
    for (const auto* f : sc.compared) {
        if (spelled++ == kWordsShown) break;
        auto lines = sc.wrapped(std::string(sc.utf8 ? "• " : "* ") + insight_words(*f), "  ");
        if (used + (words.empty() ? 1 : 0) + lines.size() > kScreenLines) break;
        if (words.empty()) {
            words.emplace_back();
            ++used;
        }
        used += lines.size();
        words.insert(words.end(), lines.begin(), lines.end());
    }
    return words;
}

}  // namespace

std::string render_text(const Insights& s, bool utf8, bool color, int width) {
    Screen sc{std::clamp(width, kMinWidth, kMaxWidth), utf8, color, {}, {}};
    for (const auto& f : s.factors)
        (f.comparison.verdict == Verdict::not_enough_days ? sc.waiting : sc.compared).push_back(&f);
    std::vector<std::string> head{
        paint(fmt::format("Insights, {}", period(s, utf8 ? "–" : "-")), Style::bold, color)};
    for (auto& l : sc.wrapped(days_in(s) + ". Guilt moments a day with and without each factor."))
        head.push_back(l);
    auto table = table_lines(sc);
    auto waiting = waiting_lines(sc);
    auto words = words_lines(sc, head.size() + table.size() + waiting.size() + 2);

    std::string out;
    for (const auto* part : {&head, &table, &words, &waiting})
        for (const auto& l : *part)
            out += l + "\n";
    return out + "\n" + paint(kShortCaveat, Style::dim, color) + "\n";
}

}  // namespace guilt
