// SPDX-License-Identifier: MIT
// facts: "look at the facts". Fires on tonight's harsh or distorted words (labels,
// catastrophising, always/never, should) and on guilt about being there for the kids, and puts
// them next to the engaged time she logged, or says honestly that there was none.
#include <fmt/format.h>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct FactsThresholds {
    double base = 0.5;             // strength of a finding with one distortion...
    double per_distortion = 0.1;   // ...and this much more for each other one
    double catastrophising = 0.9;  // catastrophising is answered first

    // Guilt about being there for them: attention, screens handed over, family time missed.
};
constexpr FactsThresholds kFacts;

bool about_presence(const Moment& m) {
    return m.about("attention") || m.about("screens") || m.about("family-time");
}

}  // namespace

Outcome facts(const Journal& j) {
    std::vector<const Moment*> hits;
    for (const Moment* m : j.today_moments())
        if (!m->distortions.empty() || about_presence(*m)) hits.push_back(m);
    if (hits.empty()) return std::nullopt;
    // The moment to answer: one that catastrophises, else the heaviest.
    const Moment* first = hits.front();
    for (const Moment* m : hits)
        if (m->distorted("catastrophising")) {
            first = m;
            break;
        }
    auto time = engaged(j);
    const char* situation = time.today_minutes > 0  ? "engaged-today"
                            : time.week_minutes > 0 ? "engaged-this-week"
                                                    : "none";
    double strength = first->distorted("catastrophising")
                          ? kFacts.catastrophising
                          : kFacts.base + kFacts.per_distortion * first->distortions.size();
    auto f = finding("facts", situation, strength, Relevance::answers_tonight);
    f.vars["quote"] = quote_moment(j, *first, about_presence(*first) ? "attention" : "");
    f.vars["minutes"] = format_minutes(time.today_minutes);
    f.vars["week_minutes"] = format_minutes(time.week_minutes);
    f.vars["engaged_days"] = days_of(time.days, kWeekDays);
    std::string words = first->distorted("catastrophising") ? "catastrophising"
                        : first->distorted("labelling")     ? "harsh self-label"
                        : !first->distortions.empty()       ? first->distortions.front().id
                                                            : "guilt about being there";
    f.why = fmt::format("{} in today's moment #{}; {}", words, first->entry->id,
                        time.today_minutes > 0  ? "engaged time logged today"
                        : time.week_minutes > 0 ? "engaged time logged in the last 7 days"
                                                : "no engaged time in the last 7 days");
    cite(f, {first}, true);
    for (const Moment* m : hits)
        if (m != first) cite(f, {m}, true);
    auto& shown = time.today.empty() ? time.week : time.today;
    cite(f, shown);
    cite(f, Journal::since(j.wins, j.today));  // her good moments today are facts too
    if (auto kids = kids_of(j, shown); !kids.empty()) f.vars["kids"] = join_and(kids);
    return f;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kFactsToday[] = {"quote", "minutes", "week_minutes", "engaged_days"};
constexpr std::string_view kFactsWeek[] = {"quote", "week_minutes", "engaged_days"};
constexpr std::string_view kFactsQuote[] = {"quote"};
constexpr SituationDef kFactsSituations[] = {
    {"engaged-today", kFactsToday},
    {"engaged-this-week", kFactsWeek},
    {"none", kFactsQuote},
};

}  // namespace

extern constinit const Strategy kFactsStrategy{"facts", kFactsSituations, facts};

}  // namespace guilt::reflect_rules
