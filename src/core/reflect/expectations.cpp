// SPDX-License-Identifier: MIT
// expectations: "examine your expectations". Fires on a day with many guilt moments, or on guilt
// about the to-do list and not getting things done.
#include <fmt/format.h>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct ExpectationsThresholds {
    int many_moments = 3;  // moments in one day that make it an overloaded day
};
constexpr ExpectationsThresholds kExpectations;

}  // namespace

Outcome expectations(const Journal& j) {
    auto today = j.today_moments();
    if (static_cast<int>(today.size()) >= kExpectations.many_moments) {
        auto f =
            finding("expectations", "many-moments", today.size() / 5.0, Relevance::answers_tonight);
        f.vars["count"] = std::to_string(today.size());
        f.why = fmt::format("{} guilt moments today ({})", today.size(), ids_of(today));
        cite(f, today, true);
        return f;
    }
    for (const Moment* m : today) {
        if (!m->about("overload")) continue;
        auto f = finding("expectations", "todo", 0.7, Relevance::answers_tonight);
        f.vars["quote"] = quote_moment(j, *m, "overload");
        f.why =
            fmt::format("guilt about not getting things done in today's moment #{}", m->entry->id);
        cite(f, {m}, true);
        return f;
    }
    return std::nullopt;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kExpectationsCount[] = {"count"};
constexpr std::string_view kExpectationsQuote[] = {"quote"};
constexpr SituationDef kExpectationsSituations[] = {
    {"many-moments", kExpectationsCount},
    {"todo", kExpectationsQuote},
};

}  // namespace

extern constinit const Strategy kExpectationsStrategy{"expectations", kExpectationsSituations,
                                                      expectations};

}  // namespace guilt::reflect_rules
