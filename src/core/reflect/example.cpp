// SPDX-License-Identifier: MIT
// example: "you are setting a positive example". Fires on guilt about running or other time for
// herself, or when she runs regularly and the kids have not been part of a run in the window.
// The stock lines take her family's context: a baby or a teenager has wordings of its own; with a
// baby in the house or an injury, "the kids were part of no run" stays silent.
// "The kids were part of no run" does not come from tonight's words, so it speaks only to guilt it
// answers, and names it (the "-topic" wordings): missed family time (a run they share is family
// time too) or not being present with them (a run together is time with her whole attention).
// Guilt about her running or time for herself gets the line made for it (about-running,
// about-me-time) before this one. Guilt about anything else (work, school, food, the house...) is
// not answered by inviting the kids along: the line stays silent, and explain says so. A moment
// whose words name no topic does not tell it is about something else: the plain wording speaks.
#include <fmt/format.h>

#include <algorithm>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct ExampleThresholds {
    int regular_runs = 4;  // runs in the window that make running regular
    // Tonight's topics that "the kids were part of no run" answers, in the order it prefers them.
    std::string_view kids_not_involved_answers[2] = {"family-time", "attention"};
};
constexpr ExampleThresholds kExample;

}  // namespace

// The wording variant for the kids she has: "baby", "teen" or none.
std::string kids_context(const Journal& j) {
    if (in_context(j, "baby")) return "baby";
    if (in_context(j, "teen")) return "teen";
    return "";
}

Outcome example(const Journal& j) {
    for (const Moment* m : j.today_moments()) {
        if (!m->about_her_time()) continue;
        bool running = m->about("running") && j.runs_at_all();
        const char* topic = running ? "running" : "me-time";
        auto f = finding("example", running ? "about-running" : "about-me-time", 0.8,
                         Relevance::about_her_time);
        f.vars["quote"] = quote_moment(j, *m, m->about("running") ? "running" : "me-time");
        f.vars["topic"] = topic_label(j.lexicon(), topic);
        f.why = fmt::format("guilt about {} in today's moment #{}", topic_label(j.lexicon(), topic),
                            m->entry->id);
        cite(f, {m}, true);
        if (const Entry* run = latest(j.runs); run && running) f.evidence.push_back(run);
        f.context = kids_context(j);
        return f;
    }
    const auto& runs = j.runs;
    if (runs.empty() || j.today_moments().empty()) return std::nullopt;
    auto with_kids = runs;
    std::erase_if(with_kids, [](const Entry* r) { return !ran_with(*r, "kids"); });
    if (!with_kids.empty())
        return Outcome::silent(fmt::format("the kids took part in a run ({})", ids_of(with_kids)));
    if (static_cast<int>(runs.size()) < kExample.regular_runs)
        return Outcome::silent(
            fmt::format("below threshold: {} in the last {}, of the {} that make running "
                        "regular",
                        counted(static_cast<std::int64_t>(runs.size()), "run", "runs"),
                        counted(j.covered_days(), "day", "days"), kExample.regular_runs));
    if (in_context(j, "baby"))
        return Outcome::silent("her journal tells of a baby, too young to take part in a run");
    if (in_context(j, "injury"))
        return Outcome::silent("her journal tells of an injury that keeps her from running");
    auto tonight = answers_tonight(j, kExample.kids_not_involved_answers);
    if (!tonight.silent.empty()) return Outcome::silent(tonight.silent);
    // Races only once she has run one: before that, a sign for race day means nothing.
    bool raced =
        std::any_of(runs.begin(), runs.end(), [](const Entry* r) { return r->kind == "race"; });
    std::string situation = raced ? "kids-not-involved" : "kids-not-involved-no-race";
    if (tonight.moment) situation += "-topic";
    auto f = finding("example", situation, 0.5, Relevance::observation);
    f.vars["runs"] = counted(static_cast<std::int64_t>(runs.size()), "run", "runs");
    f.vars["window_days"] = std::to_string(j.covered_days());
    f.why = fmt::format("{} runs in {} days ({}), none with the kids", runs.size(),
                        j.covered_days(), ids_of(runs));
    if (tonight.moment) {
        f.vars["topic"] = tonight.topic;
        f.why += fmt::format("; guilt about {} in today's moment #{}", tonight.topic,
                             tonight.moment->entry->id);
        cite(f, {tonight.moment});
    }
    cite(f, runs, true);
    f.context = kids_context(j);
    return f;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kExampleQuoteTopic[] = {"quote", "topic"};
constexpr std::string_view kExampleRuns[] = {"runs", "window_days"};
constexpr std::string_view kExampleRunsTopic[] = {"runs", "window_days", "topic"};
constexpr SituationDef kExampleSituations[] = {
    {"about-running", kExampleQuoteTopic},
    {"about-me-time", kExampleQuoteTopic},
    {"kids-not-involved", kExampleRuns},
    {"kids-not-involved-no-race", kExampleRuns},
    {"kids-not-involved-topic", kExampleRunsTopic},
    {"kids-not-involved-no-race-topic", kExampleRunsTopic},
};

}  // namespace

extern constinit const Strategy kExampleStrategy{"example", kExampleSituations, example};

}  // namespace guilt::reflect_rules
