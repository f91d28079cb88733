// SPDX-License-Identifier: MIT
// The one owner of what a valid entry is: which fields each type of entry has, which of them it
// needs, and what each may hold. The command line and import both ask here, and each names the
// field its own way: a rule says "FIELD must be ...", so the same rule reads "--with must be
// one of ..." at the command line and "/entries/12/with: must be one of ..." in an import.
// Every rule throws UsageError.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

// The fields an entry may have besides its uuid, type, time, tags and kids, named as in the
// JSON export. Entry keeps her words in `text`, which the export calls text, note or answer.
enum class Field {
    text,
    intensity,
    distance_m,
    duration_s,
    unit,
    with,
    felt,
    kind,
    note,
    minutes,
    child_led,
    date,
    strategy,
    prompt,
    answer,
};

// "distance_m", "child_led", ...
std::string_view to_string(Field field);

struct FieldRule {
    Field field;
    bool required = false;
};

// The fields of an entry of `type`, in the order the export writes them.
std::span<const FieldRule> fields_of(EntryType type);

// Whether an entry of `type` has `field`.
bool has_field(EntryType type, Field field);

// Limits of one entry's values.
inline constexpr int kMinScale = 1;  // intensity and felt
inline constexpr int kMaxScale = 10;
inline constexpr int kMaxMinutes = 24 * 60;       // one engagement or deposit
inline constexpr int kMaxRunSeconds = 48 * 3600;  // one run
inline constexpr int kMaxEngageSeconds = kMaxMinutes * 60;

// How far past "now" a time may be and still be now (a typed "now" and the clock differ by
// seconds).
inline constexpr std::int64_t kFutureSlackSeconds = 59;

// Whether an entry's time, or a day, is in the future of `now`: a WHEN she types, and every
// time and day an import brings, are refused when it is. A day is in the future when it comes
// after now's local date.
bool in_future(Timestamp at, Timestamp now);
bool in_future(Date day, Timestamp now);

// "#School", "school" -> "school": letters, digits, '-' and '_', with a letter.
std::string tag_rule(std::string_view raw, std::string_view field);

// "@Maya", "Maya" -> "Maya": one name, trimmed, without blanks or commas; a name that is_blank
// (only NBSP, U+3000, U+200B...) is no name.
std::string kid_rule(std::string_view raw, std::string_view field);

// One of `allowed`, in any case and with blanks around it; returned as written in `allowed`.
std::string one_of_rule(std::string_view raw, std::span<const std::string_view> allowed,
                        std::string_view field);

// Who she ran with: each one of kRunCompanions, without repeats, and "solo" only alone.
std::vector<std::string> companions_rule(const std::vector<std::string>& raw,
                                         std::string_view field);

}  // namespace guilt
