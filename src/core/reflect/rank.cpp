// SPDX-License-Identifier: MIT
// The ranking: the prompt that answers what she wrote tonight comes first, her own time next,
// observations from her data last; within each, stronger evidence and heavier moments first; and
// once she has rated a strategy at least three times, what she says helps rises and what she says
// does not sinks. Three "no"s in a row rest a strategy for two weeks unless its evidence is strong.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// How directly it answers tonight's words.
constexpr double kAnswersTonightWeight = 0.5;
constexpr double kAboutHerTimeWeight = 0.3;
constexpr double kObservationWeight = 0.1;
// Within a class.
constexpr double kStrengthWeight = 0.2;   // times the finding's strength (0-1)
constexpr double kIntensityWeight = 0.2;  // times the heaviest of tonight's cited moments / 10
// Her own answers to "did it help?".
constexpr int kEfficacyMinAnswers = 3;   // rated answers before they count
constexpr double kEfficacyWeight = 0.2;  // all "yes" adds this, all "no" takes it away
constexpr int kRestAfterNos = 3;         // this many "no"s in a row...
constexpr int kRestDays = 14;            // ...rest the strategy this long after the last one...
constexpr double kStrongEvidence = 0.9;  // ...unless its evidence is at least this strong

double class_weight(Relevance r) {
    switch (r) {
        case Relevance::answers_tonight:
            return kAnswersTonightWeight;
        case Relevance::about_her_time:
            return kAboutHerTimeWeight;
        case Relevance::observation:
            return kObservationWeight;
    }
    return kObservationWeight;
}

Efficacy tally(const std::vector<HelpedAnswer>& answers) {
    Efficacy e;
    for (const auto& a : answers)
        ++(a.answer == Helped::yes ? e.yes : a.answer == Helped::little ? e.little : e.no);
    return e;
}

bool resting(const Finding& f, const std::vector<HelpedAnswer>& answers, Date day) {
    if (static_cast<int>(answers.size()) < kRestAfterNos || f.strength >= kStrongEvidence)
        return false;
    auto tail = answers.end() - kRestAfterNos;
    if (!std::all_of(tail, answers.end(),
                     [](const HelpedAnswer& a) { return a.answer == Helped::no; }))
        return false;
    return days_from_civil(day) - days_from_civil(answers.back().asked_for) < kRestDays;
}

}  // namespace

void rank(std::vector<Finding>& findings, const ReflectInput& in) {
    auto today = days_from_civil(in.day);
    static const std::vector<HelpedAnswer> kNone;
    std::erase_if(findings, [&](Finding& f) {
        auto it = in.helped.find(f.strategy);
        const auto& answers = it == in.helped.end() ? kNone : it->second;
        f.efficacy = tally(answers);
        return resting(f, answers, in.day);
    });
    for (auto& f : findings) {
        int heaviest = 0;
        for (const Entry* e : f.evidence)
            if (e->type == EntryType::guilt && Journal::day_of(*e) == today)
                heaviest = std::max(heaviest, e->intensity.value_or(0));
        f.score = class_weight(f.relevance) + kStrengthWeight * f.strength +
                  kIntensityWeight * heaviest / 10.0;
        const auto& e = f.efficacy;
        if (e.rated() >= kEfficacyMinAnswers) {
            double helped = (e.yes + 0.5 * e.little) / e.rated();  // 0 (never) to 1 (always)
            f.score += kEfficacyWeight * (2 * helped - 1);
            f.why +=
                fmt::format("; she rated it {} yes, {} a little, {} no", e.yes, e.little, e.no);
            if (e.yes + e.little > e.no)
                f.helped_note = fmt::format("This has helped you before: {} of {} times.",
                                            e.yes + e.little, e.rated());
        }
    }
    auto place = [](const Finding& f) {
        return std::find(std::begin(kStrategyIds), std::end(kStrategyIds), f.strategy) -
               std::begin(kStrategyIds);
    };
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        if (a.score != b.score) return a.score > b.score;
        return place(a) < place(b);
    });
}

}  // namespace guilt::reflect_rules
