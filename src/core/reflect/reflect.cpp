// SPDX-License-Identifier: MIT
// Putting the strategies of the table together: each fires or not on the window, its evidence is
// put in order, the no-nagging rule drops what was already shown for the same evidence, and the
// ranking orders the rest. Also the night's support line, which is never a strategy.
#include "guilt/core/reflect.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt {

namespace {

namespace rules = reflect_rules;

constexpr std::size_t kMaxEvidence = 8;  // entries cited by one prompt
constexpr std::size_t kMaxKids = 3;      // kids named in one prompt

void finish(Finding& f, const rules::Journal& j) {
    // Newest evidence first, each entry once, at most kMaxEvidence.
    auto newest_first = [](const Entry* a, const Entry* b) {
        return std::tie(b->at.utc, b->id) < std::tie(a->at.utc, a->id);
    };
    for (auto* list : {&f.evidence, &f.own}) {
        std::sort(list->begin(), list->end(), newest_first);
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    if (f.evidence.size() > kMaxEvidence) f.evidence.resize(kMaxEvidence);

    auto kids = rules::kids_of(j, f.evidence);
    if (kids.empty()) kids = rules::kids_of(j, j.all);
    if (kids.size() > kMaxKids) kids.resize(kMaxKids);
    f.vars.try_emplace("kids", kids.empty() ? "your kids" : join_and(kids));
    f.vars.try_emplace("kid", kids.empty() ? "your child" : kids.front());
    f.vars["date"] = long_day_label(j.input().day);
    f.vars["weekday"] = weekday_name(j.input().day);
}

// A strategy shown for an earlier day needs evidence of its own kind from after that day.
bool nagging(const Finding& f, const rules::Journal& j) {
    auto shown = j.last_shown(f.strategy);
    if (!shown) return false;
    return std::none_of(f.own.begin(), f.own.end(),
                        [&](const Entry* e) { return rules::Journal::day_of(*e) > *shown; });
}

// Picks the question the finding asks tonight; false when every one of its questions rests or
// was asked often enough this month (pick_question).
bool asks_something(Finding& f, const ReflectInput& in) {
    auto count = in.question_counts.find(f.strategy);
    if (count == in.question_counts.end()) return true;
    static const std::vector<Date> kNever;
    static const std::vector<std::pair<Date, std::size_t>> kNoNo;
    auto shown = in.shown_on.find(f.strategy);
    auto nos = in.said_no.find(f.strategy);
    f.question = pick_question(count->second, shown == in.shown_on.end() ? kNever : shown->second,
                               nos == in.said_no.end() ? kNoNo : nos->second, in.day);
    return f.question.has_value();
}

}  // namespace

const std::vector<std::string_view>& common_placeholders() {
    static const std::vector<std::string_view> kCommon = {"date", "weekday", "kids", "kid"};
    return kCommon;
}

const std::vector<std::string_view>& rule_topic_ids() {
    static const std::vector<std::string_view> kTopics = {
        "running",    "me-time",  "attention",  "screens",    "family-time", "childcare",
        "comparison", "overload", "loneliness", "discipline", "sleep"};
    return kTopics;
}

const std::vector<std::string_view>& rule_distortion_ids() {
    static const std::vector<std::string_view> kDistortions = {"labelling", "sarcasm",
                                                               "catastrophising", "comparison"};
    return kDistortions;
}

namespace {

std::vector<Finding> findings_of(const rules::Journal& j, std::vector<Silence>* silent) {
    const auto& in = j.input();
    std::vector<Finding> out;
    std::vector<Silence> quiet;
    for (const auto* strategy : rules::strategy_table()) {
        auto said = strategy->rule(j);
        auto& f = said.finding;
        if (!f) {
            auto why = said.why.empty() ? fmt::format("nothing in the last {} days calls for it",
                                                      j.covered_days())
                                        : std::move(said.why);
            quiet.push_back({std::string(strategy->id), std::move(why)});
            continue;
        }
        finish(*f, j);
        if (f->evidence.empty()) {
            quiet.push_back({f->strategy, "no evidence in the window"});
        } else if (nagging(*f, j)) {
            quiet.push_back(
                {f->strategy,
                 fmt::format("no new evidence of its own kind since it was shown for {}",
                             format_date(j.input().last_shown.at(f->strategy)))});
        } else if (!asks_something(*f, in)) {
            quiet.push_back(
                {f->strategy, fmt::format("every question rests or was asked {} times in {} days",
                                          kMaxAsksPerMonth, kMonthDays)});
        } else {
            out.push_back(std::move(*f));
        }
    }
    rules::rank(out, in, silent ? &quiet : nullptr);
    if (silent) {
        std::sort(quiet.begin(), quiet.end(), [](const Silence& a, const Silence& b) {
            return strategy_place(a.strategy) < strategy_place(b.strategy);
        });
        *silent = std::move(quiet);
    }
    return out;
}

Support support_of(const rules::Journal& j) {
    Support s;
    for (auto it = j.moments.rbegin(); it != j.moments.rend(); ++it) {
        if (it->day != j.today) continue;
        if (it->support.empty()) continue;
        if (s.words.empty()) s.words = it->support;
        s.moments.push_back(it->entry);
    }
    return s;
}

}  // namespace

std::vector<Finding> reflect(const ReflectInput& in, const Lexicon& lex,
                             std::vector<Silence>* silent) {
    return findings_of(rules::Journal(in, lex), silent);
}

Support support(const ReflectInput& in, const Lexicon& lex) {
    return support_of(rules::Journal(in, lex));
}

Night read_night(const ReflectInput& in, const Lexicon& lex, std::vector<Silence>* silent) {
    rules::Journal j(in, lex);
    return {findings_of(j, silent), support_of(j)};
}

}  // namespace guilt
