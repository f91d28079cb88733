// SPDX-License-Identifier: MIT
// The weekly summary: one week of her journal in figures (guilt, good moments, runs, engaged
// time, deposits, the bank, the strategies that spoke and what she answered), and the change
// from the week before. Pure: entries in, a summary out; "today" is passed in. The renderers live
// in week_render.hpp.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// Days in a week.
inline constexpr int kWeekLength = 7;
// Days of journal read before a week's first day: the bank of its first day looks back 28 days,
// which covers the week before too. Default: 27.
inline constexpr int kWeekLookBackDays = kReflectWindowDays - 1;

struct IsoWeek {
    int year = 1970;
    int week = 1;  // 1-53

    friend auto operator<=>(const IsoWeek&, const IsoWeek&) = default;
};

// The ISO 8601 week holding `d` (weeks run Monday-Sunday; week 1 holds January 4).
IsoWeek iso_week_of(Date d);

// "2026-W48".
std::string format_iso_week(IsoWeek w);

// The first day of the week holding `day`: its Monday, or with `sunday_start` the Sunday on or
// before it.
Date week_start_of(Date day, bool sunday_start);

// The first day of the week WEEK names: an ISO week ("2026-W48", its Monday, or with
// `sunday_start` the Sunday before), or any day parse_day() or parse_when() accepts ("2026-11-25",
// "yesterday", "3d ago"), relative to `now`. Throws UsageError naming `field` and the text for
// anything else, for a week number the year does not have, and for a week that starts after
// today.
Date parse_week(std::string_view text, Timestamp now, bool sunday_start,
                std::string_view field = "WEEK");

// What summarize_week() reads. Entries outside the days it needs are ignored.
struct WeekInput {
    Date first_day;  // Monday, or Sunday when her week starts on Sunday
    Date today;      // days after it have not happened yet: no bank balance
    bool sunday_start = false;
    DistanceUnit unit = DistanceUnit::km;  // for distances and pace (config unit)
    // Entries from first_day - kWeekLookBackDays to the week's last day, in any order; also
    // reflection answers written the day after, which carry the reviewed day in `date`.
    std::vector<Entry> entries;
    std::vector<Priority> priorities;                    // done ones and ended seasons are left out
    std::optional<Motto> motto;                          // in force at the end of the week
    std::vector<std::pair<Date, std::string>> showings;  // (day, strategy) reflect showed
    std::map<std::string, std::string> strategy_titles;  // strategy id -> title
};

// A thing and how often it came up in the week.
struct Tally {
    std::string id;     // topic id, tag, kid name, companion
    std::string label;  // what she reads: topic label, tag, name
    int count = 0;
};

// Guilt moments: count, mean and highest intensity (of the moments with a known intensity).
struct GuiltFigures {
    int count = 0;
    std::optional<double> mean_intensity;
    std::optional<int> max_intensity;
};

struct DaySummary {
    Date date;
    GuiltFigures guilt;
    int engaged_minutes = 0;
    int child_led_minutes = 0;
    int runs = 0;
    double run_meters = 0;
    int deposits = 0;
    int deposit_minutes = 0;
    int wins = 0;                    // good moments
    std::optional<Balance> balance;  // empty for days after today
    bool reflected = false;          // reflect showed prompts, or she answered one, for this day
};

// When a run happened, as in RunSlot.
struct RunFigures {
    int count = 0;
    double meters = 0;
    int seconds = 0;          // of the runs with a duration
    double timed_meters = 0;  // the distance of those runs, for the pace
    std::vector<Tally> with;  // companions, most frequent first
    std::map<RunSlot, int> slots;
    int with_kids = 0;  // runs --with kids: the kids took part
};

struct KidTime {
    std::string name;
    int minutes = 0;
    int child_led_minutes = 0;
};

struct EngagedFigures {
    int minutes = 0;
    int child_led_minutes = 0;
    int days = 0;               // days of the week with engaged time
    std::vector<KidTime> kids;  // most minutes first
};

// One guilt moment as the summary quotes it.
struct MomentLine {
    Timestamp at;
    std::optional<int> intensity;
    std::string text;
    std::vector<std::string> topics;  // topic labels
};

// A good moment (guilt win) as the summary quotes it.
struct GoodMoment {
    Timestamp at;
    std::string text;
    std::vector<std::string> kids;
};

struct Answer {
    Date date;  // the day reviewed
    std::string text;
};

// A strategy that spoke during the week: the nights it was shown and what she answered.
struct StrategyWeek {
    std::string id;
    std::string title;
    std::vector<Date> days;
    std::vector<Answer> answers;
};

// This week against the one before: positive deltas mean more.
// The week against the week before; while the week is not over, against the same days of the
// week before (on a Tuesday: its Monday and Tuesday), so a week in progress is not called lighter
// for being shorter.
struct WeekChange {
    int compared_days = 7;  // of each week
    GuiltFigures previous_guilt;
    int previous_engaged_minutes = 0;
    int guilt_count = 0;                   // this week minus the week before
    std::optional<double> mean_intensity;  // empty when either week has no intensity
    int engaged_minutes = 0;
};

struct WeekSummary {
    Date first_day;
    Date last_day;
    IsoWeek week;  // the ISO week of the week's Monday
    bool sunday_start = false;
    bool complete = false;  // the week is over (today is after its last day)
    DistanceUnit unit = DistanceUnit::km;

    std::array<DaySummary, kWeekLength> days;
    GuiltFigures guilt;
    std::vector<Tally> topics;  // lexicon topics, most frequent first, at most kTopTallies
    std::vector<Tally> tags;
    std::vector<Tally> kids_named;
    std::vector<MomentLine> moments;  // oldest first
    std::vector<GoodMoment> wins;     // oldest first
    RunFigures runs;
    EngagedFigures engaged;
    int deposits = 0;
    int deposit_minutes = 0;
    std::vector<StrategyWeek> strategies;  // in the order of strategy_ids()
    int nights_reflected = 0;              // of kWeekLength
    std::optional<Motto> motto;
    std::vector<Priority> priorities;  // active, ranked
    WeekChange change;
};

// How many topics, tags, kids and companions a summary lists. Default: 5.
inline constexpr std::size_t kTopTallies = 5;

// The week starting in.first_day, summarized. Never throws for any input.
WeekSummary summarize_week(const WeekInput& in, const Lexicon& lex);

}  // namespace guilt
