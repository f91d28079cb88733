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

// Nights after the one she answered within which the follow-up is asked; later it is dropped,
// never asked. Default: 3.
inline constexpr int kFollowUpDays = 3;

// Follow-ups asked in one night, at most. Default: 2.
inline constexpr std::size_t kMaxFollowUps = 2;

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

// The reflections to ask about when she reviews `day`: those of the latest earlier night she
// answered (their `date`), when that night is at most kFollowUpDays before `day`; the first
// kMaxFollowUps strategies of it in the order she answered them, leaving out those in
// `followed_up` (answered or skipped before). `recent` holds her reflection entries, any order;
// the result points into it, in the order she answered.
std::vector<const Entry*> due_followups(Date day, const std::vector<Entry>& recent,
                                        const std::set<std::int64_t>& followed_up);

}  // namespace guilt
