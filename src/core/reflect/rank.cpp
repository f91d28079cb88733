// SPDX-License-Identifier: MIT
// The ranking: the prompt that answers what she wrote tonight comes first, her own time next, a
// generic opener (motto, listen) after every direct answer, observations from her data last;
// within each, stronger evidence and heavier moments first. Her ratings count from the first
// one, through a Beta prior: what she says helps rises and what she says does not sinks, a
// little after one answer and a lot after five. Three "no"s in a row rest a strategy for two
// weeks unless its evidence is strong; a strategy shown on each of the three nights before is
// not first tonight unless she rated it as helping.
#include <fmt/format.h>

#include <algorithm>
#include <iterator>

#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// How directly it answers tonight's words.
constexpr double kAnswersTonightWeight = 0.5;
constexpr double kAboutHerTimeWeight = 0.3;
constexpr double kGenericWeight = 0.2;
constexpr double kObservationWeight = 0.1;
constexpr double kBelowDirect = 0.01;  // a generic opener scores at least this below them
// Within a class.
constexpr double kStrengthWeight = 0.2;   // times the finding's strength (0-1)
constexpr double kIntensityWeight = 0.2;  // times the heaviest of tonight's cited moments / 10
// Her own answers to "did it help?": the chance it helps is the mean of a Beta(kPriorHelped,
// kPriorNotHelped) prior updated by her answers ("a little" is half a yes), so one answer moves
// the score by kEfficacyWeight / 5 and five answers the same way by more than half of it.
constexpr double kPriorHelped = 2;
constexpr double kPriorNotHelped = 2;
constexpr double kEfficacyWeight = 0.3;  // a certain "yes" adds this, a certain "no" takes it
constexpr int kFirstNightsRunning = 3;   // first on more nights running than this needs a "yes"
constexpr int kRestAfterNos = 3;         // this many "no"s in a row...
constexpr int kRestDays = 14;            // ...rest the strategy this long after the last one...
constexpr double kStrongEvidence = 0.9;  // ...unless its evidence is at least this strong

double class_weight(Relevance r) {
    switch (r) {
        case Relevance::answers_tonight:
            return kAnswersTonightWeight;
        case Relevance::about_her_time:
            return kAboutHerTimeWeight;
        case Relevance::generic:
            return kGenericWeight;
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

bool direct(const Finding& f) {
    return f.relevance == Relevance::answers_tonight || f.relevance == Relevance::about_her_time;
}

// She rated it as helping more often than not.
bool helps(const Efficacy& e) {
    return e.yes + e.little > e.no;
}

// Shown on each of the kFirstNightsRunning nights before the reviewed day.
bool shown_nights_running(const ReflectInput& in, const std::string& strategy) {
    auto it = in.shown_on.find(strategy);
    if (it == in.shown_on.end()) return false;
    auto today = days_from_civil(in.day);
    for (int back = 1; back <= kFirstNightsRunning; ++back)
        if (std::none_of(it->second.begin(), it->second.end(),
                         [&](Date d) { return days_from_civil(d) == today - back; }))
            return false;
    return true;
}

}  // namespace

void rank(std::vector<Finding>& findings, const ReflectInput& in, std::vector<Silence>* silent) {
    auto today = days_from_civil(in.day);
    static const std::vector<HelpedAnswer> kNone;
    std::erase_if(findings, [&](Finding& f) {
        auto it = in.helped.find(f.strategy);
        const auto& answers = it == in.helped.end() ? kNone : it->second;
        f.efficacy = tally(answers);
        if (!resting(f, answers, in.day)) return false;
        if (silent)
            silent->push_back(
                {f.strategy, fmt::format("rested: she answered \"no\" {} times in a "
                                         "row, the last for {}",
                                         kRestAfterNos, format_date(answers.back().asked_for))});
        return true;
    });
    for (auto& f : findings) {
        int heaviest = 0;
        for (const Entry* e : f.evidence)
            if (e->type == EntryType::guilt && Journal::day_of(*e) == today)
                heaviest = std::max(heaviest, e->intensity.value_or(0));
        f.score = class_weight(f.relevance) + kStrengthWeight * f.strength +
                  kIntensityWeight * heaviest / 10.0;
        const auto& e = f.efficacy;
        if (e.rated() > 0) {
            double helped = (e.yes + 0.5 * e.little + kPriorHelped) /
                            (e.rated() + kPriorHelped + kPriorNotHelped);
            f.score += kEfficacyWeight * (2 * helped - 1);
            f.why +=
                fmt::format("; she rated it {} yes, {} a little, {} no", e.yes, e.little, e.no);
            if (helps(e))
                f.helped_note = fmt::format("This has helped you before: {} of {} times.",
                                            e.yes + e.little, e.rated());
        }
    }
    // A generic opener never outranks a prompt that answers what she wrote tonight.
    double lowest_direct = 2;
    for (const auto& f : findings)
        if (direct(f)) lowest_direct = std::min(lowest_direct, f.score);
    for (auto& f : findings)
        if (f.relevance == Relevance::generic)
            f.score = std::min(f.score, lowest_direct - kBelowDirect);
    std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
        if (a.score != b.score) return a.score > b.score;
        return strategy_place(a.strategy) < strategy_place(b.strategy);
    });
    // Not first a fourth night running unless she says it helps.
    if (findings.empty() || helps(findings.front().efficacy) ||
        !shown_nights_running(in, findings.front().strategy))
        return;
    // Behind the next one, which is a direct answer too when it is one.
    auto next = std::find_if(findings.begin() + 1, findings.end(), [&](const Finding& f) {
        return direct(f) || !direct(findings.front());
    });
    if (next == findings.end()) return;
    auto& first = findings.front();
    first.why +=
        fmt::format("; shown the {} nights before, so not first tonight", kFirstNightsRunning);
    first.score = next->score - kBelowDirect;
    std::rotate(findings.begin(), findings.begin() + 1, next + 1);
}

}  // namespace guilt::reflect_rules
