// SPDX-License-Identifier: MIT
// community: "run with other moms". Fires when every recent run was alone, or when her guilt
// compares her with other mothers and no run of the window was with them. Its own evidence is
// the solo runs (or the comparing moment): it speaks again only on a new one.
#include <fmt/format.h>

#include <algorithm>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct CommunityThresholds {
    int min_runs = 2;  // "all recent runs were alone" needs at least this many
};
constexpr CommunityThresholds kCommunity;

}  // namespace

Outcome community(const Journal& j) {
    if (!j.guilt_recently()) return std::nullopt;
    const auto& runs = j.runs;
    if (static_cast<int>(runs.size()) >= kCommunity.min_runs &&
        std::all_of(runs.begin(), runs.end(), [](const Entry* r) { return solo(*r); })) {
        // Her words tonight say she feels alone in it, or measures herself against other
        // mothers: then this is the direct answer.
        auto today = j.today_moments();
        bool feels_alone = std::any_of(today.begin(), today.end(), [](const Moment* m) {
            return m->about("loneliness") || m->about("comparison") || m->distorted("comparison");
        });
        auto f = finding("community", "all-solo", runs.size() / 4.0,
                         feels_alone ? Relevance::answers_tonight : Relevance::observation);
        f.vars["runs"] = counted(static_cast<std::int64_t>(runs.size()), "run", "runs");
        f.vars["window_days"] = std::to_string(j.covered_days());
        f.why = fmt::format("all {} runs of the last {} days alone ({})", runs.size(),
                            j.covered_days(), ids_of(runs));
        cite(f, runs, true);
        cite(f, j.moments_since(j.today - kRecentDays + 1));
        return f;
    }
    // Guilt that compares her with other mothers, and no run shared with them; a mother who has
    // logged no run is not asked about runs.
    if (!j.runs_at_all()) return std::nullopt;
    if (std::any_of(runs.begin(), runs.end(), [](const Entry* r) { return ran_with(*r, "moms"); }))
        return std::nullopt;
    for (const Moment* m : j.today_moments()) {
        if (!m->about("comparison") && !m->distorted("comparison")) continue;
        auto f = finding("community", "no-moms", 0.6, Relevance::answers_tonight);
        f.vars["quote"] = quote_moment(j, *m, "comparison");
        f.vars["window_days"] = std::to_string(j.covered_days());
        f.why = fmt::format(
            "comparison with other mothers in today's moment #{}, and no run "
            "with other moms in {} days",
            m->entry->id, j.covered_days());
        cite(f, {m}, true);
        cite(f, runs);
        return f;
    }
    return std::nullopt;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kCommunityRuns[] = {"runs", "window_days"};
constexpr std::string_view kCommunityQuote[] = {"quote", "window_days"};
constexpr SituationDef kCommunitySituations[] = {
    {"all-solo", kCommunityRuns},
    {"no-moms", kCommunityQuote},
};

}  // namespace

extern constinit const Strategy kCommunityStrategy{"community", kCommunitySituations, community};

}  // namespace guilt::reflect_rules
