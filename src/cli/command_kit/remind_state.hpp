// SPDX-License-Identifier: MIT
// What guilt remind and guilt pause share: the reminder's small state file beside the journal
// and tonight's facts, read from the journal opened read-only.
#pragma once

#include <string>

#include "guilt/cli/cli.hpp"
#include "guilt/core/remind.hpp"

namespace guilt {

// The reminder's state file: the journal's path with "-remind" (0600, in the journal's folder).
std::string remind_state_path(Context& ctx);

// The state as stored; an absent or unreadable file is an empty state (a reminder never fails
// for it).
RemindState read_remind_state(const std::string& path);

// Writes `state` as a new file renamed over the old one. Throws StoreError when it cannot.
void write_remind_state(const std::string& path, const RemindState& state);

// Tonight as check sees it: why the nudge is or is not due, and its line.
struct Tonight {
    RemindFacts facts;
    Nudge nudge = Nudge::outside_evening;
    int evenings_this_week = 0;  // reflected, tonight not counted
    std::string line;
};
// Reads the journal (which must exist) and the state. Throws StoreError as reads do.
Tonight look_at_tonight(Context& ctx);

// Whether the journal exists (a reminder never creates it).
bool journal_exists(Context& ctx);

// This guilt binary's absolute path (/proc/self/exe).
std::string own_path();

}  // namespace guilt
