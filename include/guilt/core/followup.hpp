// SPDX-License-Identifier: MIT
// The follow-up: the next night she reflects, guilt asks whether what she answered last time
// helped. Pure rules: which reflections are due tonight, and how an answer is spelled. The store
// keeps the answers; the reflect session asks them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "guilt/core/reflect.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// A follow-up stays due until an interactive session has asked it (she answered or skipped it),
// however many nights she stays away, up to this many days after the night she answered; a
// month on, "did it help?" has no answer left. Default: 28.
inline constexpr int kFollowUpDays = 28;

// Follow-ups asked in one night, at most: one for each prompt the text view shows. Default: 3.
inline constexpr std::size_t kMaxFollowUps = 3;

// Days of her answers, ending the night before the reviewed day, that feed the ranking
// (ReflectInput::helped). Default: 90.
inline constexpr int kHelpedWindowDays = 90;

// Her answer to "did it help?" about one reflection entry.
struct FollowUp {
    std::int64_t reflection_id = 0;
    std::string reflection_uuid;   // what exports carry
    std::optional<Helped> answer;  // nullopt: she skipped it (it is not asked again)
    Date night;                    // the day reviewed on the night she answered
    Timestamp at;                  // when she answered
};

// "yes", "little", "no".
std::string_view to_string(Helped answer);

// The answer `text` names ("yes", "little", "no"), or nullopt.
std::optional<Helped> helped_from(std::string_view text);

// Whether her written answer to a prompt says plainly that it cannot be done or does not apply:
// it starts with "no" ("No.", "nope", "no hay"), or says "there isn't one", "there is no",
// "not possible", "impossible", "imposible", "no es posible". Such an answer counts as a "no" to
// "did it help?" and rests the question she answered (kQuestionRestDays).
bool says_no(std::string_view answer);

// The reflections to ask about when she reviews `day`: every prompt she answered on an earlier
// night (their `date`) at most kFollowUpDays before `day`, one per night and strategy (answering
// the same prompt twice is one prompt), leaving out those in `followed_up` (answered or skipped
// before); the oldest first, in the order she answered, at most kMaxFollowUps. `recent` holds her
// reflection entries, any order; the result points into it.
std::vector<const Entry*> due_followups(Date day, const std::vector<Entry>& recent,
                                        const std::set<std::int64_t>& followed_up);

}  // namespace guilt
