// SPDX-License-Identifier: MIT
// schedule: "create a schedule". Fires when her runs (not those with the kids) keep landing in
// family hours and guilt about the run or her absence follows them, naming day and span; or when
// engaged time is missing on most of the last seven days. Never recommends what she already does.
#include <fmt/format.h>

#include <algorithm>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt {

namespace {

// Its thresholds, named.
struct ScheduleThresholds {
    // Family hours, in minutes after midnight.
    int weekday_morning[2] = {7 * 60, 8 * 60 + 30};         // breakfast and school run
    int weekday_evening[2] = {16 * 60 + 30, 20 * 60 + 30};  // after school to bedtime
    int weekend_day[2] = {8 * 60 + 30, 20 * 60 + 30};       // weekends start later
    int night_ends = 4 * 60;          // a run before this is a late-night one (run_slot)
    int family_overlap_minutes = 20;  // a run in family hours for at least this long

    int window_days = 14;
    int min_runs = 2;  // family-hour runs that guilt followed
    int guilt_follows_within_seconds = 6 * 3600;
    // Engaged time missing on most of the last 7 days, or of the days since her journal began when
    // it is younger: at least this many days must be known, since days before she started logging
    // are not days without.
    int engaged_min_known_days = 4;
};
constexpr ScheduleThresholds kSchedule;

int overlap(int start, int end, const int (&span)[2]) {
    return std::max(0, std::min(end, span[1]) - std::max(start, span[0]));
}

}  // namespace

namespace reflect_rules {

bool in_family_hours(const Entry& run) {
    auto weekday = iso_weekday(local_date(run.at));
    int start = local_seconds_of_day(run.at) / 60;
    // The run's whole span; a run without a duration still takes its starting minute.
    int end = start + std::max(1, run.duration_s.value_or(0) / 60);
    int minutes = weekday >= 6 ? overlap(start, end, kSchedule.weekend_day)
                               : overlap(start, end, kSchedule.weekday_morning) +
                                     overlap(start, end, kSchedule.weekday_evening);
    return minutes >= std::min(kSchedule.family_overlap_minutes, end - start);
}

namespace {

// Guilt about the run itself or about not being there.
bool about_run_or_absence(const Moment& m) {
    return m.about_her_time() || m.about("family-time") || m.about("attention") ||
           m.about("childcare");
}

bool starts_before_family_hours(const Entry& run) {
    int start = local_seconds_of_day(run.at) / 60;
    bool weekend = iso_weekday(local_date(run.at)) >= 6;
    return start < (weekend ? kSchedule.weekend_day : kSchedule.weekday_morning)[0] &&
           start >= kSchedule.night_ends;
}

}  // namespace

Outcome schedule(const Journal& j) {
    std::vector<const Entry*> followed, after;
    for (const Entry* run : Journal::since(j.runs, j.today - kSchedule.window_days + 1)) {
        if (ran_with(*run, "kids") || !in_family_hours(*run)) continue;
        for (const auto& m : j.moments) {
            auto gap = m.entry->at.utc - run->at.utc;
            if (m.day == Journal::day_of(*run) && gap > 0 &&
                gap <= kSchedule.guilt_follows_within_seconds && about_run_or_absence(m)) {
                followed.push_back(run);
                after.push_back(m.entry);
                break;
            }
        }
    }
    bool lately = !followed.empty() && Journal::day_of(*followed.back()) > j.today - kWeekDays;
    if (static_cast<int>(followed.size()) >= kSchedule.min_runs && lately) {
        bool early = std::any_of(followed.begin(), followed.end(),
                                 [](const Entry* r) { return starts_before_family_hours(*r); });
        auto f = finding("schedule", early ? "family-hour-runs-early" : "family-hour-runs",
                         followed.size() / 3.0, Relevance::observation);
        std::vector<std::string> spans;
        for (const Entry* r : followed)
            spans.push_back(run_span(*r, j.input().day));
        f.vars["runs"] = counted(static_cast<std::int64_t>(followed.size()), "run", "runs");
        f.vars["times"] = join_and(spans);
        f.vars["window_days"] = std::to_string(kSchedule.window_days);
        f.why = fmt::format(
            "{} in family hours ({}) followed by guilt about the run or being "
            "away ({})",
            counted(static_cast<std::int64_t>(followed.size()), "run", "runs"), ids_of(followed),
            ids_of(after));
        cite(f, followed, true);
        cite(f, after);
        return f;
    }

    auto today = j.today_moments();
    int known = std::min(kWeekDays, j.covered_days());
    if (today.empty() || known < kSchedule.engaged_min_known_days) return std::nullopt;
    auto time = engaged(j);
    // Days without time together: no engaged time, and no run the kids took part in either.
    std::vector<std::int64_t> apart;
    for (auto d : time.days_without)
        if (std::none_of(j.runs.begin(), j.runs.end(), [&](const Entry* r) {
                return ran_with(*r, "kids") && Journal::day_of(*r) == d;
            }))
            apart.push_back(d);
    auto missing = static_cast<int>(apart.size());
    if (missing * 2 <= known) return std::nullopt;  // together on half of them or more
    // Shown before: only a new day apart is new evidence.
    if (auto shown = j.last_shown("schedule");
        shown &&
        std::none_of(apart.begin(), apart.end(), [&](std::int64_t d) { return d > *shown; }))
        return std::nullopt;
    auto f =
        finding("schedule", "engaged-few-days", missing / double(known), Relevance::observation);
    f.vars["engaged_days"] = days_of(time.days, known);
    f.vars["missing_days"] = counted(missing, "day", "days");
    f.why = fmt::format("engaged time on {} ({})", days_of(time.days, known),
                        time.week.empty() ? std::string("none logged") : ids_of(time.week));
    cite(f, today, true);
    cite(f, time.week);
    return f;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kScheduleRuns[] = {"runs", "times", "window_days"};
constexpr std::string_view kScheduleEngaged[] = {"engaged_days", "missing_days"};
constexpr SituationDef kScheduleSituations[] = {
    {"family-hour-runs", kScheduleRuns},
    {"family-hour-runs-early", kScheduleRuns},
    {"engaged-few-days", kScheduleEngaged},
};

}  // namespace

extern constinit const Strategy kScheduleStrategy{"schedule", kScheduleSituations, schedule};

}  // namespace reflect_rules

RunSlot run_slot(const Entry& run) {
    if (reflect_rules::in_family_hours(run)) return RunSlot::family_hours;
    bool weekend = iso_weekday(local_date(run.at)) >= 6;
    int start = local_seconds_of_day(run.at) / 60;
    if (start < kSchedule.night_ends ||
        start >= (weekend ? kSchedule.weekend_day : kSchedule.weekday_evening)[1])
        return RunSlot::late;
    return start < (weekend ? kSchedule.weekend_day : kSchedule.weekday_morning)[0]
               ? RunSlot::early_morning
               : RunSlot::daytime;
}

}  // namespace guilt
