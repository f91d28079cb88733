// SPDX-License-Identifier: MIT
// The WHEN grammar of cli.md ("yesterday 6pm", "2h ago", "last friday",
// "2026-11-25T18:00-05:00"), read against a "now" that is always passed in.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "guilt/core/calendar.hpp"

namespace guilt {

// Parses WHEN as cli.md defines it, relative to `now` (a timestamp in the local zone). A date
// alone means 12:00 that day, or `now` when that day is today and 12:00 is still ahead.
// Throws UsageError naming `field` and the text for anything else, and for a time in the future.
Timestamp parse_when(std::string_view text, Timestamp now, std::string_view field = "--when");

// The day a WHEN names when it names a whole day: "2026-11-25" (any date, future included),
// "today", "yesterday", "tomorrow", "mon", "last friday", "next monday", "Nov 5", "5th
// November", "in 3 weeks". nullopt for a WHEN with a time or part of day ("6pm", "this
// morning"), "now" or "... ago". A day named without its year or week ("Nov 5", "friday") is the
// latest one not after today, or with `ahead` the next one not before it. Throws UsageError
// naming `field` for a malformed day, and without `ahead` for a spoken day after today.
std::optional<Date> parse_day(std::string_view text, Timestamp now, std::string_view field,
                              bool ahead = false);

// The last day of a season (priority add --until): a day as parse_day reads it with `ahead`,
// future included ("next monday", "in 3 weeks", "2027-04-20"). Throws UsageError naming
// `field` for anything else.
Date parse_until(std::string_view text, Timestamp now, std::string_view field);

// "now": `fixed`, the value of GUILT_NOW (a local ISO time, e.g. 2026-11-26T21:00), when it is
// set and not empty, else `clock` (UTC seconds, the system clock's). The core reads neither the
// clock nor the environment: the command line passes both in. Throws UsageError when `fixed` is
// not a valid time.
Timestamp current_time(std::int64_t clock, const char* fixed);

}  // namespace guilt
