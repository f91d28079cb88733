// SPDX-License-Identifier: MIT
// listen: "listen to your guilt". Fires when one trigger (a tag, a topic, or a kid she named)
// comes back several
// times on more than one day within two weeks, whether or not the reviewed day holds one of its
// moments, as long as the latest is recent and some of them have not been shown yet. It is a
// generic opener: it ranks below every prompt that answers tonight's words.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// Its thresholds, named.
struct ListenThresholds {
    int window_days = 14;
    int min_moments = 3;
    int min_days = 2;     // on one day only, it is a hard day, not a pattern
    int recent_days = 4;  // the latest moment on the trigger within this many days
};
constexpr ListenThresholds kListen;

}  // namespace

Outcome listen(const Journal& j) {
    auto recent = j.moments_since(j.today - kListen.window_days + 1);
    std::erase_if(recent, [](const Moment* m) { return m->hopeful; });
    // Triggers in the order they first appear, so that ties go to the older one.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Moment*>> by_topic;
    std::map<std::string, std::string> kid_label;  // "@sam" -> "Sam", as she first wrote it
    auto add = [&](const std::string& trigger, const Moment* m) {
        auto& same = by_topic[trigger];
        if (same.empty()) order.push_back(trigger);
        if (same.empty() || same.back() != m) same.push_back(m);
    };
    for (const Moment* m : recent) {
        for (const auto& t : m->topics)
            add(t, m);
        for (const auto& kid : m->entry->kids) {
            auto key = fmt::format("@{}", to_lower(kid));
            kid_label.try_emplace(key, kid);
            add(key, m);
        }
    }
    auto label = [&](const std::string& trigger) {
        auto kid = kid_label.find(trigger);
        return kid != kid_label.end() ? kid->second : topic_label(j.lexicon(), trigger);
    };
    auto shown = j.last_shown("listen");
    std::optional<Finding> best;
    std::size_t best_count = 0;
    bool best_today = false;
    for (const auto& topic : order) {
        const auto& same = by_topic[topic];
        std::set<std::int64_t> days;
        for (const Moment* m : same)
            days.insert(m->day);
        bool today = *days.rbegin() == j.today;
        if (static_cast<int>(same.size()) < kListen.min_moments ||
            static_cast<int>(days.size()) < kListen.min_days ||
            *days.rbegin() <= j.today - kListen.recent_days)
            continue;
        if (shown && std::none_of(same.begin(), same.end(),
                                  [&](const Moment* m) { return m->day > *shown; }))
            continue;
        // Tonight's trigger first, then the one that came back most.
        if (best && (best_today && !today)) continue;
        if (best && best_today == today && same.size() <= best_count) continue;
        best_count = same.size();
        best_today = today;
        auto f = finding("listen", "recurring", same.size() / 5.0,
                         today ? Relevance::generic : Relevance::observation);
        f.vars["topic"] = label(topic);
        f.vars["count"] = counted(static_cast<std::int64_t>(same.size()), "time", "times");
        f.vars["days"] = std::to_string(j.today - *days.begin() + 1);
        f.vars["first"] = long_day_label(her_day(same.front()->entry->at));
        f.why = fmt::format("guilt about {} {} in {} days ({})", label(topic),
                            counted(static_cast<std::int64_t>(same.size()), "time", "times"),
                            j.today - *days.begin() + 1, ids_of(same));
        cite(f, same, true);
        best = std::move(f);
    }
    return best;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kListenRecurring[] = {"topic", "count", "days", "first"};
constexpr SituationDef kListenSituations[] = {
    {"recurring", kListenRecurring},
};

}  // namespace

extern constinit const Strategy kListenStrategy{"listen", kListenSituations, listen};

}  // namespace guilt::reflect_rules
