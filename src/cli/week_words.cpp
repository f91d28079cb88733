// SPDX-License-Identifier: MIT
#include "week_words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "guilt/core/text.hpp"

namespace guilt::week_words {

std::string weekday(Date d) {
    return std::string(weekday_name(d).substr(0, 3));
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
std::string tallies(const std::vector<Tally>& ts, std::string_view prefix) {
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

std::string days_list(const std::vector<Date>& days) {
    std::vector<std::string> names;
    for (auto d : days)
        names.push_back(weekday(d));
    return join_and(names);
}

std::string moment_when(const MomentLine& m) {
    return moment_label(m.at);
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
    return moment_label(w.at);
}

// "2 good moments", or a word for a week without one.
std::string wins_line(const WeekSummary& s) {
    if (s.wins.empty()) return "none written down yet (guilt win \"...\" keeps one)";
    return plural(static_cast<int>(s.wins.size()), "good moment", "good moments");
}

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

}  // namespace guilt::week_words
