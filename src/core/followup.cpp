// SPDX-License-Identifier: MIT
// Which follow-ups are due tonight, and the spelling of her answers.
#include "guilt/core/followup.hpp"

#include <algorithm>

namespace guilt {

std::string_view to_string(Helped answer) {
    switch (answer) {
        case Helped::yes:
            return "yes";
        case Helped::little:
            return "little";
        case Helped::no:
            return "no";
    }
    return "no";
}

std::optional<Helped> helped_from(std::string_view text) {
    for (auto h : {Helped::yes, Helped::little, Helped::no})
        if (text == to_string(h)) return h;
    return std::nullopt;
}

std::vector<const Entry*> due_followups(Date day, const std::vector<Entry>& recent,
                                        const std::set<std::int64_t>& followed_up) {
    // The reflections of each earlier night, by the day they reviewed.
    std::optional<Date> last_night;
    for (const auto& e : recent) {
        if (e.type != EntryType::reflection || e.date.empty()) continue;
        auto night = parse_date(e.date, "reflection date");
        if (night < day && (!last_night || night > *last_night)) last_night = night;
    }
    std::vector<const Entry*> out;
    if (!last_night || days_from_civil(day) - days_from_civil(*last_night) > kFollowUpDays)
        return out;

    std::vector<const Entry*> that_night;
    for (const auto& e : recent)
        if (e.type == EntryType::reflection && e.date == format_date(*last_night))
            that_night.push_back(&e);
    std::sort(that_night.begin(), that_night.end(),
              [](const Entry* a, const Entry* b) { return a->id < b->id; });

    // The first strategies she answered that night, one follow-up each; answering the same
    // prompt twice (reflect run again) is one prompt.
    std::vector<std::string> strategies;
    for (const Entry* e : that_night) {
        if (std::find(strategies.begin(), strategies.end(), e->strategy) != strategies.end())
            continue;
        if (strategies.size() == kMaxFollowUps) break;
        strategies.push_back(e->strategy);
        if (!followed_up.contains(e->id)) out.push_back(e);
    }
    return out;
}

}  // namespace guilt
