// SPDX-License-Identifier: MIT
// Insights as one self-contained HTML page: a card per factor with an SVG chart of its figures.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "guilt/cli/insights_render.hpp"
#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"
#include "insights_words.hpp"

namespace guilt {

using namespace insights_words;

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

}  // namespace guilt
