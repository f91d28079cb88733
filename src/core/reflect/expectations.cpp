// SPDX-License-Identifier: MIT
// expectations: "examine your expectations". Fires on a day with many guilt moments, or on guilt
// about the to-do list and not getting things done.
#include <fmt/format.h>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

constexpr int kManyMoments = 3;  // moments in one day that make it an overloaded day

}  // namespace

std::optional<Finding> expectations(const Journal& j) {
    auto today = j.today_moments();
    if (static_cast<int>(today.size()) >= kManyMoments) {
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

}  // namespace guilt::reflect_rules
