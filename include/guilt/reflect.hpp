// SPDX-License-Identifier: MIT
// The reflection engine: one day of her journal held against the ten strategies of
// docs/strategies.md. Pure: entries, priorities and the motto in; findings with their evidence
// out; "the day" is passed in. The rules, one function per strategy with its thresholds named at
// the top, live in src/reflect.cpp; the words live in data/strategies.json.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/lexicon.hpp"
#include "guilt/types.hpp"

namespace guilt {

// The ten strategy ids, in the order of strategies.md.
inline constexpr std::string_view kStrategyIds[] = {
    "bank", "community", "example", "better-mom", "priorities",
    "listen", "facts", "schedule", "expectations", "motto"};

// How many days of journal, ending with the reviewed day, the engine reads. Default: 28.
inline constexpr int kReflectWindowDays = 28;

// The situations each strategy's rule tells apart, and the placeholders each one fills. The
// wording in strategies.json is validated against this table.
struct Situation {
    std::string_view strategy;
    std::string_view id;
    std::vector<std::string_view> placeholders;
};
const std::vector<Situation>& situations();

// Placeholders every message and question may use: {date}, {weekday}, {kids}, {kid}.
const std::vector<std::string_view>& common_placeholders();

enum class Helped { yes, little, no };
struct HelpedAnswer { Date asked_for; Helped answer; };

struct ReflectInput {
    Date day;                                  // the day reviewed
    std::vector<Entry> entries;                // every entry of the window, any order
    std::vector<Priority> priorities;          // active and done
    std::optional<Motto> motto;                // in force at the end of the day
    std::map<std::string, Date> last_shown;    // strategy -> latest earlier day it was shown
    // in ReflectInput: strategy id -> her answers to "did it help?" for it, oldest first
    std::map<std::string, std::vector<HelpedAnswer>> helped;
};

// Her bank over the last seven days: runs and deposits pay in one each; a guilt moment
// withdraws one, two from intensity 7. days_since_deposit is empty when none in the window.
struct Balance {
    int deposits = 0;
    int withdrawals = 0;
    int value = 0;  // deposits - withdrawals
    std::optional<int> days_since_deposit;
};

// A strategy that fired: which wording situation, the values for its placeholders, and the
// entries it stands on (newest first).
struct Finding {
    std::string strategy;
    std::string situation;
    std::map<std::string, std::string> vars;
    std::vector<const Entry*> evidence;
    double score = 0;  // strength of evidence, then intensity, then recency
};

Balance bank_balance(const ReflectInput& in);

// When a run fell for the family: before breakfast, in family hours (the weekday breakfast and
// school run, after school to bedtime, weekend days: the hours the schedule rule watches), in
// the school and work day between them, or late (after bedtime, or before 04:00).
enum class RunSlot { early_morning, daytime, family_hours, late };
RunSlot run_slot(const Entry& run);

// Every strategy that fires for in.day, most relevant first, with the no-nagging rule applied:
// a strategy shown for an earlier day fires again only when some of its evidence falls after
// that day. Pointers in the findings point into in.entries.
std::vector<Finding> reflect(const ReflectInput& in, const Lexicon& lex);

}  // namespace guilt
