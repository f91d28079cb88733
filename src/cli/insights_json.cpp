// SPDX-License-Identifier: MIT
// Insights as one JSON document (its schema: data/insights.schema.json), figures rounded to
// two decimals.
#include <cmath>

#include "guilt/cli/insights_render.hpp"
#include "guilt/core/calendar.hpp"
#include "insights_words.hpp"

namespace guilt {

using insights_words::clock;
using nlohmann::ordered_json;

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
