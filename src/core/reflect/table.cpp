// SPDX-License-Identifier: MIT
// The one table of strategies. Each strategy's file (bank.cpp ... motto.cpp) defines its
// Strategy: its id, its situations with their placeholders, its rule, and its thresholds named at
// its top. reflect(), situations(), strategy_ids() and `reflect --explain` read this table and
// nothing else: a new strategy is its file, its line here, and its wording in strategies.json.
#include <algorithm>

#include "journal.hpp"

namespace guilt {

namespace reflect_rules {

extern const Strategy kBankStrategy, kCommunityStrategy, kExampleStrategy, kBetterMomStrategy,
    kPrioritiesStrategy, kListenStrategy, kFactsStrategy, kScheduleStrategy, kExpectationsStrategy,
    kMottoStrategy;

namespace {

// In the order of strategies.md, which is the order they are listed and explained in.
constexpr const Strategy* kTable[] = {
    &kBankStrategy,          // bank.cpp
    &kCommunityStrategy,     // community.cpp
    &kExampleStrategy,       // example.cpp
    &kBetterMomStrategy,     // better_mom.cpp
    &kPrioritiesStrategy,    // priorities.cpp
    &kListenStrategy,        // listen.cpp
    &kFactsStrategy,         // facts.cpp
    &kScheduleStrategy,      // schedule.cpp
    &kExpectationsStrategy,  // expectations.cpp
    &kMottoStrategy,         // motto.cpp
};

}  // namespace

std::span<const Strategy* const> strategy_table() {
    return kTable;
}

}  // namespace reflect_rules

const std::vector<std::string_view>& strategy_ids() {
    static const std::vector<std::string_view> kIds = [] {
        std::vector<std::string_view> ids;
        for (const auto* s : reflect_rules::strategy_table())
            ids.push_back(s->id);
        return ids;
    }();
    return kIds;
}

std::size_t strategy_place(std::string_view id) {
    const auto& ids = strategy_ids();
    return static_cast<std::size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
}

const std::vector<Situation>& situations() {
    static const std::vector<Situation> kSituations = [] {
        std::vector<Situation> all;
        for (const auto* s : reflect_rules::strategy_table())
            for (const auto& sit : s->situations)
                all.push_back({s->id, sit.id, {sit.placeholders.begin(), sit.placeholders.end()}});
        return all;
    }();
    return kSituations;
}

}  // namespace guilt
