// SPDX-License-Identifier: MIT
// better-mom: "running makes you a better mom". Every day of the window is a run day or another
// day, and the two add up; fires when the guilt she logged on run days is lighter on average than
// on other days (enough days with guilt on each side), or when tonight's guilt is about running,
// and then says honestly when there are too few days to compare (with its own words for the
// baby months). Silent while her journal tells of an injury.
// "Guilt is lighter on run days" does not come from tonight's words, so it speaks only to guilt it
// answers, and names it (the "-topic" wording): her running or other time for herself (the time
// away gives back), being present (a run leaves her more present), yelling or snapping (more
// patience on run days), sleep and tiredness (more energy). Guilt about anything else (work,
// school, food, the house...) is not answered by her run-day numbers: the line stays silent, and
// explain says so. A moment whose words name no topic does not tell it is about something else: the
// plain wording speaks.
#include <fmt/format.h>

#include <set>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct BetterMomThresholds {
    int min_days = 3;      // days with guilt logged, on each side, to compare
    double min_gap = 1.0;  // mean intensity lower on run days by at least this
    // Tonight's topics that "guilt is lighter on run days" answers, in the order it prefers them.
    std::string_view lower_on_run_days_answers[5] = {"running", "me-time", "attention",
                                                     "discipline", "sleep"};
};
constexpr BetterMomThresholds kBetterMom;

struct Side {
    int days = 0;     // days of the window on this side
    int moments = 0;  // guilt moments logged on them
    int guilt_days = 0;
    int sum = 0;
    double mean() const { return moments ? static_cast<double>(sum) / moments : 0; }
    double per_day() const { return days ? static_cast<double>(moments) / days : 0; }
};

// Why it stays silent when her numbers do not make the case: which threshold they are below.
Outcome below_threshold(const Side& ran, const Side& rest, bool enough) {
    if (!enough)
        return Outcome::silent(fmt::format(
            "below threshold: guilt logged on {} and {}, of the {} on each side it needs to "
            "compare",
            counted(ran.guilt_days, "run day", "run days"),
            counted(rest.guilt_days, "other day", "other days"), kBetterMom.min_days));
    return Outcome::silent(fmt::format(
        "below threshold: guilt averaged {} on run days and {} on other days, less "
        "than the {} lower it needs",
        one_decimal(ran.mean()), one_decimal(rest.mean()), one_decimal(kBetterMom.min_gap)));
}

}  // namespace

Outcome better_mom(const Journal& j) {
    if (!j.runs_at_all()) return std::nullopt;  // a mother who does not run is not told about runs
    if (in_context(j, "injury"))                // nor one an injury keeps from running
        return Outcome::silent("her journal tells of an injury that keeps her from running");
    auto today = j.today_moments();
    if (today.empty()) return std::nullopt;

    std::set<std::int64_t> run_days;
    for (const Entry* r : j.runs)
        run_days.insert(Journal::day_of(*r));
    Side ran, rest;
    for (auto d = j.first_day; d <= j.today; ++d)
        ++(run_days.contains(d) ? ran : rest).days;
    std::set<std::int64_t> guilt_days;
    for (const auto& m : j.moments) {
        if (!m.entry->intensity) continue;
        auto& side = run_days.contains(m.day) ? ran : rest;
        ++side.moments;
        side.sum += m.intensity();
        if (guilt_days.insert(m.day).second) ++side.guilt_days;
    }
    bool enough = ran.guilt_days >= kBetterMom.min_days && rest.guilt_days >= kBetterMom.min_days;
    auto numbers = [&](Finding& f) {
        f.vars["run_mean"] = one_decimal(ran.mean());
        f.vars["rest_mean"] = one_decimal(rest.mean());
        f.vars["run_days"] = counted(ran.days, "run day", "run days");
        f.vars["rest_days"] = counted(rest.days, "other day", "other days");
        f.vars["run_moments"] = counted(ran.moments, "moment", "moments");
        f.vars["rest_moments"] = counted(rest.moments, "moment", "moments");
        f.vars["run_per_day"] = one_decimal(ran.per_day());
        f.vars["rest_per_day"] = one_decimal(rest.per_day());
        f.vars["window_days"] = std::to_string(j.covered_days());
    };
    if (enough && rest.mean() - ran.mean() >= kBetterMom.min_gap) {
        auto tonight = answers_tonight(j, kBetterMom.lower_on_run_days_answers);
        if (!tonight.silent.empty()) return Outcome::silent(tonight.silent);
        auto f =
            finding("better-mom", tonight.moment ? "lower-on-run-days-topic" : "lower-on-run-days",
                    (rest.mean() - ran.mean()) / 3.0, Relevance::observation);
        numbers(f);
        f.why = fmt::format("guilt averaged {} on {} and {} on {} in the last {} days",
                            one_decimal(ran.mean()), counted(ran.days, "run day", "run days"),
                            one_decimal(rest.mean()), counted(rest.days, "other day", "other days"),
                            j.covered_days());
        if (tonight.moment) {
            f.vars["topic"] = tonight.topic;
            f.why += fmt::format("; guilt about {} in today's moment #{}", tonight.topic,
                                 tonight.moment->entry->id);
        }
        cite(f, today);
        cite(f, j.runs, true);
        return f;
    }
    // Guilt about running, unless her own numbers say run days are heavier.
    if (enough && ran.mean() > rest.mean())
        return Outcome::silent(
            fmt::format("guilt averaged {} on run days and {} on other days: "
                        "run days are not lighter",
                        one_decimal(ran.mean()), one_decimal(rest.mean())));
    for (const Moment* m : today) {
        if (!m->about("running")) continue;
        auto f = finding("better-mom", enough ? "about-running" : "about-running-few-days", 0.6,
                         Relevance::about_her_time);
        numbers(f);
        f.vars["quote"] = quote_moment(j, *m, "running");
        f.vars["min_days"] = std::to_string(kBetterMom.min_days);
        f.why = fmt::format("guilt about running in today's moment #{}", m->entry->id);
        if (in_context(j, "baby")) f.context = "baby";
        cite(f, {m}, true);
        if (const Entry* run = latest(j.runs)) f.evidence.push_back(run);
        return f;
    }
    return below_threshold(ran, rest, enough);
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kBetterMomNumbers[] = {"run_mean",    "rest_mean",    "run_days",
                                                  "rest_days",   "run_moments",  "rest_moments",
                                                  "run_per_day", "rest_per_day", "window_days"};
constexpr std::string_view kBetterMomNumbersTopic[] = {
    "run_mean",     "rest_mean",   "run_days",     "rest_days",   "run_moments",
    "rest_moments", "run_per_day", "rest_per_day", "window_days", "topic"};
constexpr std::string_view kBetterMomNumbersQuote[] = {
    "run_mean",    "rest_mean",    "run_days",    "rest_days", "run_moments", "rest_moments",
    "run_per_day", "rest_per_day", "window_days", "quote",     "min_days"};
constexpr SituationDef kBetterMomSituations[] = {
    {"lower-on-run-days", kBetterMomNumbers},
    {"lower-on-run-days-topic", kBetterMomNumbersTopic},
    {"about-running", kBetterMomNumbersQuote},
    {"about-running-few-days", kBetterMomNumbersQuote},
};

}  // namespace

extern constinit const Strategy kBetterMomStrategy{"better-mom", kBetterMomSituations, better_mom};

}  // namespace guilt::reflect_rules
