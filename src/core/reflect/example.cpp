// SPDX-License-Identifier: MIT
// example: "you are setting a positive example". Fires on guilt about running or other time for
// herself, or when she runs regularly and the kids have not been part of a run in the window.
// The stock lines take her family's context: a baby or a teenager has wordings of its own; with a
// baby in the house or an injury, "the kids were part of no run" stays silent.
#include <fmt/format.h>

#include <algorithm>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

constexpr int kExampleRegularRuns = 4;  // runs in the window that make running regular

}  // namespace

// The wording variant for the kids she has: "baby", "teen" or none.
std::string kids_context(const Journal& j) {
    if (in_context(j, "baby")) return "baby";
    if (in_context(j, "teen")) return "teen";
    return "";
}

std::optional<Finding> example(const Journal& j) {
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
    bool kids_ran =
        std::any_of(runs.begin(), runs.end(), [](const Entry* r) { return ran_with(*r, "kids"); });
    if (static_cast<int>(runs.size()) >= kExampleRegularRuns && !kids_ran &&
        !j.today_moments().empty() && !in_context(j, "baby") && !in_context(j, "injury")) {
        // Races only once she has run one: before that, a sign for race day means nothing.
        bool raced =
            std::any_of(runs.begin(), runs.end(), [](const Entry* r) { return r->kind == "race"; });
        auto f = finding("example", raced ? "kids-not-involved" : "kids-not-involved-no-race", 0.5,
                         Relevance::observation);
        f.vars["runs"] = counted(static_cast<std::int64_t>(runs.size()), "run", "runs");
        f.vars["window_days"] = std::to_string(j.covered_days());
        f.why = fmt::format("{} runs in {} days ({}), none with the kids", runs.size(),
                            j.covered_days(), ids_of(runs));
        cite(f, runs, true);
        f.context = kids_context(j);
        return f;
    }
    return std::nullopt;
}

}  // namespace guilt::reflect_rules
