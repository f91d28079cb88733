// SPDX-License-Identifier: MIT
// The reflection engine: one day of her journal held against the ten strategies of
// docs/strategies.md. Pure: entries, priorities, the motto, what was shown before and what she
// said helped, in; findings with their evidence, score and reasons out; "the day" is passed in.
// The rules live in src/core/reflect/, one file per strategy with its situations, its rule and
// its thresholds named at the top, listed in one table (table.cpp); the ranking in
// src/core/reflect/rank.cpp; the words in data/strategies.json.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// What her journal says of her family's life that a stock line must fit: a baby in the house, a
// teenager, an injury that keeps her from running. A situation's wording may have a variant for
// one ("about-me-time@baby" in strategies.json); the rules that speak of runs or of the kids
// watching her take the context or stay silent.
inline constexpr std::string_view kContexts[] = {"baby", "teen", "injury"};

// The strategy ids, in the order of strategies.md, read from the engine's one table of
// strategies (src/core/reflect/table.cpp); and an id's place in it (the size when unknown).
const std::vector<std::string_view>& strategy_ids();
std::size_t strategy_place(std::string_view id);

// How many days of journal, ending with the reviewed day, the engine reads. Default: 28.
inline constexpr int kReflectWindowDays = 28;

// The situations each strategy's rule tells apart, and the placeholders each one fills, from the
// table, strategy by strategy. The wording in strategies.json is validated against them.
struct Situation {
    std::string_view strategy;
    std::string_view id;
    std::vector<std::string_view> placeholders;
};
const std::vector<Situation>& situations();

// Placeholders every message and question may use: {date}, {weekday}, {kids}, {kid}.
const std::vector<std::string_view>& common_placeholders();

// The topic and distortion ids of the lexicon that the rules read; a lexicon without one of them
// is refused (require_ids).
const std::vector<std::string_view>& rule_topic_ids();
const std::vector<std::string_view>& rule_distortion_ids();

// Her answer to the follow-up "did it help?" about a strategy.
enum class Helped { yes, little, no };
struct HelpedAnswer {
    Date asked_for;  // the day whose reflection showed the strategy
    Helped answer;
};

struct ReflectInput {
    Date day;                                // the day reviewed
    std::vector<Entry> entries;              // every entry of the window, any order
    std::vector<Priority> priorities;        // active and done
    std::optional<Motto> motto;              // in force at the end of the day
    std::map<std::string, Date> last_shown;  // strategy -> latest earlier day it was shown
    std::map<std::string, int> times_shown;  // strategy -> earlier days it was shown on
    std::map<std::string, std::vector<Date>> shown_on;  // strategy -> those days, oldest first
    // strategy -> how many questions its wording has (data/strategies.json); a strategy missing
    // here is asked in turn, with no rest or monthly limit (pick_question)
    std::map<std::string, std::size_t> question_counts;
    // strategy -> the questions (by index) she answered with a written "no", and on which night
    std::map<std::string, std::vector<std::pair<Date, std::size_t>>> said_no;
    // context id ("baby", "teen", "injury") -> the words that tell it in her entries, lower case
    // (data/strategies.json "contexts"); see kContexts
    std::map<std::string, std::vector<std::string>> context_cues;
    // strategy id -> her answers to "did it help?" for it, oldest first
    std::map<std::string, std::vector<HelpedAnswer>> helped;
};

// Her bank at the end of the reviewed day. The balance starts at 0 on the first day of the
// window that her journal covers; each day her deposits (runs and `deposit`s, one point per
// started 10 minutes, 1 to 12) are paid in and the day's demands drawn (1 point, 2 on a heavy
// day: a moment at intensity 8 or more, or 3 moments or more); it never goes below 0 nor above
// 28. deposits and withdrawals are the points paid in and drawn over the last seven days;
// days_since_deposit is empty when the window holds no deposit.
struct Balance {
    int deposits = 0;
    int withdrawals = 0;
    int value = 0;
    std::optional<int> days_since_deposit;
};

// How directly a finding answers what she wrote tonight: the ranking puts direct answers first,
// and a generic opener (motto, listen) never above one of them.
enum class Relevance { answers_tonight, about_her_time, generic, observation };

// Her follow-up answers for one strategy, counted.
struct Efficacy {
    int yes = 0;
    int little = 0;
    int no = 0;
    int rated() const { return yes + little + no; }
};

// A strategy that fired: which wording situation, the values for its placeholders, the entries
// it stands on (newest first), and why and how high it ranks.
struct Finding {
    std::string strategy;
    std::string situation;
    std::map<std::string, std::string> vars;
    std::vector<const Entry*> evidence;
    // The evidence of the strategy's own kind: it fires again after being shown only when one
    // of these falls after the day it was last shown.
    std::vector<const Entry*> own;
    Relevance relevance = Relevance::observation;
    double strength = 0;  // 0-1: how strong the evidence is
    double score = 0;     // set by the ranking: higher first
    std::string why;      // the situation that fired it, in words, with entry ids
    Efficacy efficacy;
    std::string helped_note;              // "this has helped you before: 4 of 5 times", or ""
    std::optional<std::size_t> question;  // which of the strategy's questions (pick_question)
    std::string context;  // "baby", "teen", "injury": the wording "situation@context" is used
};

Balance bank_balance(const ReflectInput& in);

// A question answered with a written "no" rests this many days. Default: 28.
inline constexpr int kQuestionRestDays = 28;
// Over this many days, no question is asked word for word more than kMaxAsksPerMonth times.
inline constexpr int kMonthDays = 30;
inline constexpr int kMaxAsksPerMonth = 2;

// Which of a strategy's `count` questions to ask on `day`, its questions asked on the days
// `shown` (oldest first) having been picked by this same rule: the one after the last asked, in
// turn, skipping one she answered "no" to (`said_no`) in the kQuestionRestDays before and one
// asked kMaxAsksPerMonth times in the kMonthDays before. nullopt when none is left: the strategy
// stays silent tonight.
std::optional<std::size_t> pick_question(std::size_t count, const std::vector<Date>& shown,
                                         const std::vector<std::pair<Date, std::size_t>>& said_no,
                                         Date day);

// When a run fell for the family: before breakfast, in family hours (the weekday breakfast and
// school run, after school to bedtime, weekend days: the hours the schedule rule watches), in
// the school and work day between them, or late (after bedtime, or before 04:00).
enum class RunSlot { early_morning, daytime, family_hours, late };
RunSlot run_slot(const Entry& run);

// Every strategy that fires for in.day, most relevant first (see rank()), with the no-nagging
// rule applied: a strategy shown for an earlier day fires again only when some of its own kind
// of evidence falls after that day. Pointers in the findings point into in.entries.
// With `silent`, also why each strategy that did not fire stayed silent, in the order of
// strategy_ids() ("reflect --json --explain").
struct Silence {
    std::string strategy;
    std::string why;  // "nothing in the last 28 days calls for it", "rested: ...", ...
};
std::vector<Finding> reflect(const ReflectInput& in, const Lexicon& lex,
                             std::vector<Silence>* silent = nullptr);

// The night's words of hopelessness or harm: the moments of the reviewed day that carry them
// (newest first), and her words. Empty when there are none.
struct Support {
    std::vector<const Entry*> moments;
    std::string words;
};
Support support(const ReflectInput& in, const Lexicon& lex);

// reflect() and support() from one reading of the window (each alone reads it whole): what
// `guilt reflect` shows.
struct Night {
    std::vector<Finding> findings;
    Support support;
};
Night read_night(const ReflectInput& in, const Lexicon& lex,
                 std::vector<Silence>* silent = nullptr);

}  // namespace guilt
