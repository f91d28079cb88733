// SPDX-License-Identifier: MIT
// guilt remind, the pure parts: her evening window, whether tonight's nudge is due, its one
// line (what she did, never what she missed), and the texts the delivery writes (the systemd
// units, the iCalendar file, the crontab line). Values in, values out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "guilt/core/calendar.hpp"

namespace guilt {

// Parses remind-at's "HH:MM" (also "H:MM", 00:00-23:59) into seconds since midnight. Throws
// UsageError naming `field` and the value.
int parse_clock(std::string_view text, std::string_view field);

// "21:00" for 75,600.
std::string clock_text(int seconds_of_day);

// Her evening of day `d`: from remind-at (on the morning after when remind-at falls before her
// day-boundary) to the last second of her day (her_day_end). UTC seconds, both included.
struct Evening {
    std::int64_t from = 0;
    std::int64_t to = 0;
};
Evening evening_of(Date d, int remind_at);

// What the reminder remembers between runs (guilt remind snooze, guilt pause, what was shown).
struct RemindState {
    std::optional<Date> shown;                  // the evening (her day) a nudge was last shown
    std::optional<std::int64_t> shown_at;       // when, UTC seconds
    std::optional<std::int64_t> snoozed_until;  // UTC seconds
    std::optional<Date> paused_until;           // the last of her days that is paused
    std::string pause_reason;
};

// Why tonight's nudge is or is not due, in the order check asks.
enum class Nudge { due, outside_evening, paused, snoozed, reflected, shown };

struct RemindFacts {
    std::int64_t now = 0;  // UTC seconds
    Date today;            // her day of `now`
    int remind_at = 21 * 3600;
    bool reflected_tonight = false;
    RemindState state;
};
Nudge nudge(const RemindFacts& facts);

// Whether her day `d` is paused.
bool is_paused(const RemindState& state, Date d);

// The one line: with N evenings reflected this week (tonight not counted), "N evenings this
// week - want to add tonight?"; with none, a plain invitation.
std::string remind_line(int evenings_this_week);

// The systemd user units of `guilt remind timer`: the service runs `guilt_path remind notify`
// with GUILT_DB=journal when `journal` is not empty. Throws UsageError for a path systemd
// cannot hold (a newline or another control character).
std::string timer_unit(int remind_at);
std::string service_unit(std::string_view guilt_path, std::string_view journal);

// The crontab line of `guilt remind cron`, for a user with this uid.
std::string cron_line(int remind_at, std::string_view guilt_path, std::string_view journal,
                      long uid);

// An iCalendar file (RFC 5545): a daily event at remind-at from day `first` in floating local
// time, with an alarm; `stamp` (UTC seconds) is its DTSTAMP. CRLF lines folded at 75 octets.
std::string remind_ics(Date first, int remind_at, std::int64_t stamp);

// The rc snippet of `guilt remind hook SHELL` (bash, zsh or fish) that runs `guilt_path remind
// check` at a prompt at most once every `every_seconds`. nullopt for another shell.
std::optional<std::string> remind_hook(std::string_view shell, std::string_view guilt_path,
                                       int every_seconds);

}  // namespace guilt
