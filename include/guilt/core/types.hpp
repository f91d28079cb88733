// SPDX-License-Identifier: MIT
// The journal's value types: what the store hands out and what the core and the commands use.
// Plain data; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/parse.hpp"
#include "guilt/core/time.hpp"

namespace guilt {

enum class EntryType { guilt, run, engage, deposit, reflection, win };

// Every entry type, in the order help lists them.
inline constexpr EntryType kEntryTypes[] = {EntryType::guilt,      EntryType::run,
                                            EntryType::engage,     EntryType::deposit,
                                            EntryType::reflection, EntryType::win};

// "guilt", "run", "engage", "deposit", "reflection", "win".
std::string_view to_string(EntryType type);

// The type named `text`, or nullopt.
std::optional<EntryType> entry_type_from(std::string_view text);

// One journal entry. Which fields mean something depends on `type`; the rest stay empty.
struct Entry {
    std::int64_t id = 0;  // what people type; 0 until stored
    std::string uuid;     // what exports carry
    EntryType type = EntryType::guilt;
    Timestamp at;

    // guilt: the moment; deposit: what she did; run, engage: the note; reflection: her answer;
    // win: the good moment.
    std::string text;
    std::optional<int> intensity;   // guilt, 1-10; absent when unknown (imported from jrnl)
    std::vector<std::string> tags;  // lower-case, without '#'
    std::vector<std::string> kids;  // as first written; matched case-insensitively

    // run
    double distance_m = 0;
    std::optional<int> duration_s;
    DistanceUnit unit = DistanceUnit::km;  // the unit she typed, for pace
    std::vector<std::string> with;         // solo, moms, friends, kids, partner, club
    std::optional<int> felt;               // 1-10
    std::string kind;                      // easy, long, race, workout, or empty

    // engage, deposit
    int minutes = 0;
    bool child_led = false;  // engage

    // reflection
    std::string date;      // the day reviewed, YYYY-MM-DD
    std::string strategy;  // a strategy id
    std::string prompt;    // the message and question she answered
};

// One line describing an entry, e.g. "5.00 km in 28:30 (5:42 /km) with moms".
std::string summary(const Entry& e);

// "guilt moment #12 on Wed, Nov 25 18:05" (in the entry's own offset).
std::string describe_entry(const Entry& e);

struct Priority {
    std::int64_t id = 0;
    std::string uuid;
    int rank = 0;  // 1 = most important; 0 once done
    std::string title;
    std::optional<Date> until;  // the end of its season, if it has one
    bool done = false;
};

// One state the priorities list held a priority in, and when: a past night is judged by the
// list it had.
struct PriorityVersion {
    Priority priority;                     // its id: the priority's, or 0 once it was removed
    std::optional<std::int64_t> from_utc;  // nullopt: since before the history was kept
    std::optional<std::int64_t> to_utc;    // nullopt: still so
};

struct Motto {
    std::string text;
    Timestamp at;
};

// Who a run can be with, in the order shown in help.
inline constexpr std::string_view kRunCompanions[] = {"solo", "moms",    "friends",
                                                      "kids", "partner", "club"};
// The kinds of run.
inline constexpr std::string_view kRunKinds[] = {"easy", "long", "race", "workout"};

}  // namespace guilt
