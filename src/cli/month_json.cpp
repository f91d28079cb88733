// SPDX-License-Identifier: MIT
// The month and the year as JSON documents (their schema: data/month.schema.json), figures
// rounded to two decimals.
#include <cmath>
#include <optional>

#include "guilt/cli/month_render.hpp"
#include "guilt/core/calendar.hpp"

namespace guilt {

using nlohmann::ordered_json;

namespace {

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

}  // namespace guilt
