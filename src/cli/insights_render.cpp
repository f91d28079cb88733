// SPDX-License-Identifier: MIT
// Insights in four formats: one terminal screen, Markdown, one self-contained HTML page with an
// SVG chart per factor, and JSON. Each says the same figures in the same words.
#include "guilt/cli/insights_render.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>

#include "guilt/cli/terminal.hpp"
#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

using nlohmann::ordered_json;

constexpr int kMaxWidth = 80;
constexpr int kMinWidth = 60;             // the table
constexpr std::size_t kTableRows = 10;    // factors in the terminal table (one screen)
constexpr std::size_t kWordsShown = 3;    // factors spelled out in words on the terminal, at most
constexpr std::size_t kScreenLines = 24;  // one screen of the terminal
constexpr int kTitleColumn = 30;

constexpr const char* kCaveat =
    "These are associations in your own journal, not causes: a difference can come from "
    "something else that goes with the factor.";

constexpr const char* kShortCaveat = "Associations in your own journal, not causes.";

// ---- words shared by every format --------------------------------------------------------------

std::string one_decimal(double v) {
    // Never "-0.0".
    auto out = fmt::format("{:.1f}", v);
    return out == "-0.0" ? "0.0" : out;
}

std::string period(const Insights& s, std::string_view dash) {
    return fmt::format("{} {} {}", dated_label(s.since), dash, dated_label(s.until));
}

std::string days_in(const Insights& s) {
    return fmt::format("{}, {} with journal entries", plural(s.days, "day", "days"),
                       s.journal_days);
}

// "07:40".
std::string clock(int minute) {
    return clock_label(minute * 60);
}

std::string moments_a_day(double v) {
    return fmt::format("{} {} a day", one_decimal(v),
                       one_decimal(v) == "1.0" ? "moment" : "moments");
}

std::string verdict_words(const Comparison& c) {
    switch (c.verdict) {
        case Verdict::clear:
            return "the difference is clear";
        case Verdict::unclear:
            return "no clear difference yet";
        case Verdict::not_enough_days:
            return "not enough days yet";
    }
    return "";
}

std::string interval_words(const Comparison& c) {
    if (!c.interval) return "";
    return fmt::format("{} to {}", one_decimal((*c.interval)[0]), one_decimal((*c.interval)[1]));
}

// "1.1 (14 d)": moments a day, and on how many days.
std::string side_cell(const SideFigures& side) {
    return fmt::format("{} ({} d)", one_decimal(side.moments_per_day), side.days);
}

std::string signed_decimal(const std::optional<double>& v) {
    if (!v) return "-";
    auto out = one_decimal(*v);
    return *v > 0 && out != "0.0" ? "+" + out : out;
}

// The columns `text` takes on a terminal: a wide character (CJK, most emoji) two, a combining
// mark none, a byte that is not UTF-8 one.
std::size_t columns(std::string_view text) {
    std::size_t n = 0;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t cp = 0;
        auto len = utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (len <= 0) {
            ++n;
            ++i;
            continue;
        }
        n += static_cast<std::size_t>(std::max(0, utf8proc_charwidth(cp)));
        i += static_cast<std::size_t>(len);
    }
    return n;
}

// `name` in lines of at most `width` columns, broken at spaces and after hyphens, and inside a
// piece longer than a line: a factor's name is never cut, so two rows never read the same.
std::vector<std::string> name_lines(std::string_view name, std::size_t width) {
    std::vector<std::string> lines{""};
    auto fits = [&](std::string_view more) {
        return columns(lines.back()) + columns(more) <= width;
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

// Wraps `text` into lines of at most `width` characters, breaking at spaces.
std::vector<std::string> wrap(std::string_view text, int width, std::string_view indent = "") {
    std::vector<std::string> lines;
    std::string line;
    std::size_t pos = 0;
    while (pos < text.size()) {
        auto space = text.find(' ', pos);
        auto word =
            text.substr(pos, space == std::string_view::npos ? text.size() - pos : space - pos);
        pos = space == std::string_view::npos ? text.size() : space + 1;
        if (word.empty()) continue;
        auto prefix = lines.empty() ? std::string_view() : indent;
        if (!line.empty() && display_width(line) + 1 + display_width(word) + prefix.size() >
                                 static_cast<std::size_t>(width)) {
            lines.push_back(std::string(prefix) + line);
            line.clear();
        }
        line += line.empty() ? std::string(word) : " " + std::string(word);
    }
    if (!line.empty()) lines.push_back(std::string(lines.empty() ? "" : indent) + line);
    return lines;
}

}  // namespace

namespace {

// " 12 days before Nov 10, 2026, before the first one you logged, are left out.", or nothing.
std::string left_out_words(const FactorInsight& f) {
    if (f.days_left_out == 0) return "";
    if (!f.counted_from)
        return fmt::format(" None logged yet, so none of your {} count.",
                           plural(f.days_left_out, "day", "days"));
    return fmt::format(" {} before {}, before the first one you logged, {} left out.",
                       plural(f.days_left_out, "day", "days"), dated_label(*f.counted_from),
                       f.days_left_out == 1 ? "is" : "are");
}

}  // namespace

std::string insight_words(const FactorInsight& f) {
    const auto& c = f.comparison;
    if (c.verdict == Verdict::not_enough_days)
        return fmt::format("{}: not enough days yet: {} with, {} without (each side needs {}).{}",
                           f.title, c.with.days, c.without.days, kMinDaysEachSide,
                           left_out_words(f));
    bool same_day = f.timing == Timing::same_day;
    auto without = fmt::format("{} on {} without", one_decimal(c.without.moments_per_day),
                               plural(c.without.days, "day", "days"));
    if (same_day && f.without_from_minute)
        without += fmt::format(" (after {}, its usual time)", clock(*f.without_from_minute));
    return fmt::format(
        "On {} with {} you logged {}{}, against {}; {} (difference {}, interval {}).{}",
        plural(c.with.days, "day", "days"), f.phrase, moments_a_day(c.with.moments_per_day),
        same_day ? " after it" : "", without, verdict_words(c), signed_decimal(c.difference),
        interval_words(c), left_out_words(f));
}

// ---- text --------------------------------------------------------------------------------------

std::string render_text(const Insights& s, bool utf8, bool color, int width) {
    width = std::clamp(width, kMinWidth, kMaxWidth);
    auto wrapped = [width](std::string_view text, std::string_view indent = "") {
        return wrap(text, width, indent);
    };
    std::vector<std::string> head, table, waiting_lines;
    head.push_back(
        paint(fmt::format("Insights, {}", period(s, utf8 ? "–" : "-")), Style::bold, color));
    for (auto& l : wrapped(days_in(s) + ". Guilt moments a day with and without each factor."))
        head.push_back(l);

    std::vector<const FactorInsight*> compared, waiting;
    for (const auto& f : s.factors)
        (f.comparison.verdict == Verdict::not_enough_days ? waiting : compared).push_back(&f);

    if (compared.empty()) {
        table.emplace_back();
        for (auto& l : wrapped(fmt::format(
                 "Not enough days yet to compare: each factor needs at least {} days with it and "
                 "{} without, on days you wrote in the journal.",
                 kMinDaysEachSide, kMinDaysEachSide)))
            table.push_back(l);
    } else {
        int title_width = std::clamp(width - 50, 10, kTitleColumn);
        table.emplace_back();
        table.push_back(paint(fmt::format("{:<{}}  {:>11}  {:>11}  {:>5}  {}", "Factor",
                                          title_width, "With", "Without", "Diff", "Verdict"),
                              Style::bold, color));
        std::size_t shown = std::min(compared.size(), kTableRows);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& f = *compared[i];
            const auto& c = f.comparison;
            // The whole name, over as many lines as it takes: the figures on its first.
            auto names = name_lines(visible(f.title), static_cast<std::size_t>(title_width));
            auto pad = static_cast<std::size_t>(title_width) - columns(names[0]);
            auto verdict = std::string(to_string(c.verdict));
            if (c.verdict == Verdict::clear) verdict = paint(verdict, Style::accent, color);
            table.push_back(fmt::format(
                "{}{}  {:>11}  {:>11}  {:>5}  {}", names[0], std::string(pad, ' '),
                side_cell(c.with), side_cell(c.without), signed_decimal(c.difference), verdict));
            for (std::size_t l = 1; l < names.size(); ++l)
                table.push_back("  " + names[l]);
        }
        if (compared.size() > shown)
            table.push_back(fmt::format("and {} more (guilt insights --format md shows all)",
                                        compared.size() - shown));
        table.push_back(
            paint("With, Without: guilt moments a day (days). Diff: with minus without.",
                  Style::dim, color));
    }
    if (!waiting.empty()) {
        std::vector<std::string> names;
        for (const auto* f : waiting)
            names.push_back(fmt::format("{} ({} with, {} without)", f->id, f->comparison.with.days,
                                        f->comparison.without.days));
        waiting_lines =
            wrapped(fmt::format("Not enough days yet: {}.", fmt::join(names, ", ")), "  ");
        if (waiting_lines.size() > 2) {
            waiting_lines.resize(2);
            waiting_lines[1] = shorten(waiting_lines[1] + " ...", static_cast<std::size_t>(width));
        }
    }
    auto caveat = paint(kShortCaveat, Style::dim, color);

    // The words for the most telling factors, as many as the screen has room for.
    std::vector<std::string> words;
    std::size_t used = head.size() + table.size() + waiting_lines.size() + 2, spelled = 0;
    for (const auto* f : compared) {
        if (spelled++ == kWordsShown) break;
        auto lines = wrapped(std::string(utf8 ? "• " : "* ") + insight_words(*f), "  ");
        if (used + (words.empty() ? 1 : 0) + lines.size() > kScreenLines) break;
        if (words.empty()) {
            words.emplace_back();
            ++used;
        }
        used += lines.size();
        words.insert(words.end(), lines.begin(), lines.end());
    }

    std::string out;
    for (const auto* part : {&head, &table, &words, &waiting_lines})
        for (const auto& l : *part)
            out += l + "\n";
    return out + "\n" + caveat + "\n";
}

// ---- Markdown ----------------------------------------------------------------------------------

std::string render_markdown(const Insights& s) {
    std::string out = fmt::format("# Insights: {}\n\n", md_inline(period(s, "to")));
    out += md_inline(days_in(s)) +
           ". Guilt moments a day on days with and without each "
           "factor, most telling first.\n\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : s.factors) {
        const auto& c = f.comparison;
        auto intensity = [](const SideFigures& side) {
            return side.mean_intensity ? one_decimal(*side.mean_intensity) : std::string("-");
        };
        rows.push_back({md_inline(f.title), std::to_string(c.with.days),
                        std::to_string(c.without.days), one_decimal(c.with.moments_per_day),
                        one_decimal(c.without.moments_per_day), intensity(c.with),
                        intensity(c.without), signed_decimal(c.difference),
                        c.interval ? interval_words(c) : "-", std::string(to_string(c.verdict))});
    }
    if (!rows.empty())
        out += md_table({"Factor", "Days with", "Days without", "Moments a day with",
                         "Moments a day without", "Intensity with", "Intensity without",
                         "Difference", "Interval", "Verdict"},
                        rows) +
               "\n";
    out += "## In words\n\n";
    for (const auto& f : s.factors)
        out += "- " + md_inline(insight_words(f)) + "\n";
    out += "\n" + std::string(kCaveat) + "\n";
    return out;
}

// ---- HTML --------------------------------------------------------------------------------------

namespace {

constexpr const char* kStyle = R"(
:root { --ink: #222; --muted: #666; --line: #ddd; --with: #3f7cc0; --without: #b9b9b9;
        --clear: #2f7d4f; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: #fff; max-width: 48rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 0; }
.muted { color: var(--muted); }
.factors { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
.factor { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; min-width: 0; }
.verdict { font-size: .8rem; padding: 0 .4rem; border-radius: 4px; background: #eee;
           white-space: nowrap; }
.verdict.clear { background: var(--clear); color: #fff; }
.factor p { margin: .4rem 0; font-size: .9rem; }
svg { width: 100%; max-width: 30rem; height: auto; display: block; }
svg text { font: 11px system-ui, sans-serif; fill: #444; }
.with { fill: var(--with); } .without { fill: var(--without); }
ul { padding-left: 1.2rem; }
@media print { body { max-width: none; font-size: 11pt; padding: 0; }
  .factor { break-inside: avoid; } }
)";

// Two bars (moments a day with and without) and, under them, the difference with its interval
// on a scale from -`span` to `span` with 0 marked.
std::string factor_chart(const FactorInsight& f, double most, double span, std::size_t n) {
    const auto& c = f.comparison;
    constexpr double kLabel = 96, kBarEnd = 226, kWidth = 300;
    auto bar = [&](double y, const SideFigures& side, const char* cls, const char* label) {
        double w = most > 0 ? (kBarEnd - kLabel) * side.moments_per_day / most : 0;
        return fmt::format(
            "<text x=\"0\" y=\"{0:.0f}\">{1} ({2} d)</text>"
            "<rect class=\"{3}\" x=\"{4:.0f}\" y=\"{5:.0f}\" width=\"{6:.1f}\" height=\"14\" "
            "rx=\"2\">"
            "<title>{1}: {7} on {2} days</title></rect>"
            "<text x=\"{8:.1f}\" y=\"{0:.0f}\">{9}</text>\n",
            y + 11, label, side.days, cls, kLabel, y, w,
            html_escape(moments_a_day(side.moments_per_day)), kLabel + w + 4,
            one_decimal(side.moments_per_day));
    };
    std::string out = fmt::format(
        "<svg viewBox=\"0 0 {0:.0f} 90\" role=\"img\" aria-labelledby=\"f{1}-t\">"
        "<title id=\"f{1}-t\">{2}: guilt moments a day with and without</title>\n",
        kWidth, n, html_escape(f.title));
    out += bar(2, c.with, "with", "with");
    out += bar(22, c.without, "without", "without");
    // The difference and its interval.
    auto x_of = [&](double v) { return kLabel + (kBarEnd - kLabel) * (v + span) / (2 * span); };
    out += fmt::format(
        "<text x=\"0\" y=\"60\">difference</text>"
        "<line x1=\"{0:.1f}\" y1=\"44\" x2=\"{0:.1f}\" y2=\"70\" stroke=\"#999\" "
        "stroke-dasharray=\"2 2\"/>"
        "<text x=\"{0:.1f}\" y=\"81\" text-anchor=\"middle\">0</text>\n",
        x_of(0));
    if (c.difference && c.interval) {
        double lo = x_of(std::clamp((*c.interval)[0], -span, span));
        double hi = x_of(std::clamp((*c.interval)[1], -span, span));
        out += fmt::format(
            "<line x1=\"{0:.1f}\" y1=\"56\" x2=\"{1:.1f}\" y2=\"56\" stroke=\"#444\" "
            "stroke-width=\"2\"><title>interval {3}</title></line>"
            "<circle cx=\"{2:.1f}\" cy=\"56\" r=\"4\" class=\"with\"/>"
            "<text x=\"{4:.0f}\" y=\"60\">{5}</text>\n",
            lo, hi, x_of(std::clamp(*c.difference, -span, span)), interval_words(c), kBarEnd + 4,
            signed_decimal(c.difference));
    }
    return out + "</svg>\n";
}

}  // namespace

std::string render_html(const Insights& s) {
    std::string out = fmt::format(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>Insights {}</title>\n<style>{}</style>\n</head>\n<body>\n",
        html_escape(period(s, "–")), kStyle);
    out += fmt::format("<header>\n<h1>Insights</h1>\n<p class=\"muted\">{}: {}.</p>\n</header>\n",
                       html_escape(period(s, "–")), html_escape(days_in(s)));
    out += fmt::format(
        "<p>Guilt moments a day on days with and without each factor, most telling "
        "first. A verdict is clear with at least {} days on each side and an interval "
        "of the difference that has a width and leaves out 0; days before the first "
        "one you logged are left out.</p>\n",
        kMinDaysEachSide);

    double most = 0, span = 0.5;
    for (const auto& f : s.factors) {
        const auto& c = f.comparison;
        if (c.verdict == Verdict::not_enough_days) continue;
        most = std::max({most, c.with.moments_per_day, c.without.moments_per_day});
        if (c.interval)
            span = std::max({span, std::abs((*c.interval)[0]), std::abs((*c.interval)[1])});
    }

    std::string cards, waiting;
    std::size_t n = 0;
    for (const auto& f : s.factors) {
        const auto& c = f.comparison;
        if (c.verdict == Verdict::not_enough_days) {
            waiting += "<li>" + html_escape(insight_words(f)) + "</li>\n";
            continue;
        }
        cards += fmt::format(
            "<section class=\"factor\">\n<h3>{} <span class=\"verdict {}\">{}</span></h3>\n"
            "<p>{}</p>\n{}</section>\n",
            html_escape(f.title), to_string(c.verdict), html_escape(verdict_words(c)),
            html_escape(insight_words(f)), factor_chart(f, most, span, ++n));
    }
    if (!cards.empty())
        out += "<h2>Compared</h2>\n<div class=\"factors\">\n" + cards + "</div>\n";
    else
        out += fmt::format(
            "<p>Not enough days yet to compare: each factor needs at least {} days "
            "with it and {} without, on days you wrote in the journal.</p>\n",
            kMinDaysEachSide, kMinDaysEachSide);
    if (!waiting.empty()) out += "<h2>Not enough days yet</h2>\n<ul>\n" + waiting + "</ul>\n";
    out += fmt::format("<footer><p class=\"muted\">{}</p></footer>\n", html_escape(kCaveat));
    return out + "</body>\n</html>\n";
}

// ---- JSON --------------------------------------------------------------------------------------

namespace {

ordered_json rounded(double v) {
    return std::round(v * 100) / 100;
}

ordered_json side_json(const SideFigures& side) {
    return {{"moments_per_day", rounded(side.moments_per_day)},
            {"mean_intensity",
             side.mean_intensity ? rounded(*side.mean_intensity) : ordered_json(nullptr)}};
}

}  // namespace

ordered_json render_json(const Insights& s) {
    ordered_json out;
    out["since"] = format_date(s.since);
    out["until"] = format_date(s.until);
    out["days"] = s.days;
    out["journal_days"] = s.journal_days;
    auto factors = ordered_json::array();
    for (const auto& f : s.factors) {
        const auto& c = f.comparison;
        ordered_json j;
        j["factor"] = f.id;
        j["title"] = f.title;
        j["days_with"] = c.with.days;
        j["days_without"] = c.without.days;
        j["counted_from"] =
            f.counted_from ? ordered_json(format_date(*f.counted_from)) : ordered_json(nullptr);
        j["days_left_out"] = f.days_left_out;
        j["with"] = side_json(c.with);
        j["without"] = side_json(c.without);
        j["difference"] = c.difference ? rounded(*c.difference) : ordered_json(nullptr);
        j["interval"] =
            c.interval ? ordered_json::array({rounded((*c.interval)[0]), rounded((*c.interval)[1])})
                       : ordered_json(nullptr);
        j["verdict"] = to_string(c.verdict);
        j["timing"] = f.timing == Timing::same_day ? "same-day" : "night-before";
        j["without_counted_from"] = f.without_from_minute
                                        ? ordered_json(clock(*f.without_from_minute))
                                        : ordered_json(nullptr);
        j["words"] = insight_words(f);
        factors.push_back(j);
    }
    out["factors"] = factors;
    return out;
}

}  // namespace guilt
