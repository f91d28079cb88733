// SPDX-License-Identifier: MIT
// Insights as Markdown: a heading, the factors as a pipe table, and the words for each.
#include <fmt/format.h>

#include <string>
#include <vector>

#include "guilt/cli/insights_render.hpp"
#include "guilt/core/markup.hpp"
#include "guilt/core/text.hpp"
#include "insights_words.hpp"

namespace guilt {

using namespace insights_words;

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

}  // namespace guilt
