// SPDX-License-Identifier: MIT
// The weekly summary as one JSON document (its schema: data/week.schema.json).
#include "guilt/cli/week_render.hpp"

#include <cmath>

#include "guilt/core/text.hpp"
#include "week_words.hpp"

namespace guilt {

namespace {

using nlohmann::ordered_json;

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

// Each day's figures.
ordered_json days_json(const WeekSummary& s) {
    auto days = ordered_json::array();
    for (const auto& d : s.days) {
        ordered_json balance = nullptr;
        if (d.balance)
            balance = {{"deposits", d.balance->deposits},
                       {"withdrawals", d.balance->withdrawals},
                       {"value", d.balance->value},
                       {"days_since_deposit", optional_json(d.balance->days_since_deposit)}};
        days.push_back({{"date", format_date(d.date)},
                        {"weekday", week_words::weekday(d.date)},
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
    return days;
}

// The moments of guilt, what they were about, and their figures.
ordered_json moments_json(const WeekSummary& s) {
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
    return guilt;
}

ordered_json runs_json(const WeekSummary& s) {
    const auto& r = s.runs;
    ordered_json slots;
    for (auto slot : week_words::kSlots) {
        auto it = r.slots.find(slot);
        slots[std::string(week_words::slot_key(slot))] = it == r.slots.end() ? 0 : it->second;
    }
    return {{"count", r.count},
            {"distance_m", r.meters},
            {"distance", format_distance(r.meters, s.unit)},
            {"duration_s", r.seconds},
            {"pace", r.seconds > 0 ? ordered_json(format_pace(r.timed_meters, r.seconds, s.unit))
                                   : ordered_json(nullptr)},
            {"with", tallies_json(r.with, "who", false)},
            {"time_of_day", slots},
            {"with_kids", r.with_kids}};
}

// The strategies that spoke, the days they did and what she answered.
ordered_json strategies_json(const WeekSummary& s) {
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
    return strategies;
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

    out["days"] = days_json(s);

    out["guilt"] = moments_json(s);

    auto wins = ordered_json::array();
    for (const auto& w : s.wins)
        wins.push_back({{"at", format_iso(w.at)}, {"text", w.text}, {"kids", w.kids}});
    out["wins"] = {{"count", s.wins.size()}, {"moments", wins}};

    out["runs"] = runs_json(s);

    auto kids = ordered_json::array();
    for (const auto& k : s.engaged.kids)
        kids.push_back(
            {{"name", k.name}, {"minutes", k.minutes}, {"child_led_minutes", k.child_led_minutes}});
    out["engaged"] = {{"minutes", s.engaged.minutes},
                      {"child_led_minutes", s.engaged.child_led_minutes},
                      {"days", s.engaged.days},
                      {"kids", kids}};
    out["deposits"] = {{"count", s.deposits}, {"minutes", s.deposit_minutes}};

    out["reflection"] = {{"nights", s.nights_reflected}, {"strategies", strategies_json(s)}};

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

}  // namespace guilt
