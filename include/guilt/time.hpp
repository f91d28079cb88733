// SPDX-License-Identifier: MIT
// Instants, local dates and the WHEN grammar of cli.md ("yesterday 6pm", "2h ago",
// "2026-11-25T18:00-05:00"). Local time follows the process's zone (TZ is honoured), so these
// functions are pure given TZ; "now" is always passed in.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guilt {

// A moment as captured: the UTC instant and the UTC offset in force there and then, so an entry
// keeps its local day when its owner travels.
struct Timestamp {
    std::int64_t utc = 0;  // seconds since 1970-01-01T00:00:00Z
    int offset = 0;        // seconds east of UTC, e.g. -18000 for -05:00

    friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// A civil date on the proleptic Gregorian calendar.
struct Date {
    int year = 1970;
    int month = 1;  // 1-12
    int day = 1;    // 1-31

    friend auto operator<=>(const Date&, const Date&) = default;
};

// Days since 1970-01-01 for a civil date, and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(Date d);
Date civil_from_days(std::int64_t days);

// The date `days` days after (or before, when negative) `d`.
Date add_days(Date d, std::int64_t days);

// ISO weekday, 1 = Monday ... 7 = Sunday.
int iso_weekday(Date d);

// "Monday" ... "Sunday"; the first three letters are the short form.
std::string_view weekday_name(Date d);

// "January" ... "December" for month 1 ... 12; the first three letters are the short form.
std::string_view month_name(int month);

// "2026-11-25".
std::string format_date(Date d);

// Parses "YYYY-MM-DD" strictly (a real calendar date). Throws UsageError naming `field`.
Date parse_date(std::string_view text, std::string_view field);

// The local date of a timestamp under its own stored offset.
Date local_date(Timestamp t);

// Seconds since local midnight of a timestamp under its own stored offset (0-86399).
int local_seconds_of_day(Timestamp t);

// "2026-11-25T18:05:00-05:00" (RFC 3339, the offset as stored; "+00:00" for UTC).
std::string format_iso(Timestamp t);

// Parses the form format_iso writes, and also "Z" for UTC. Throws UsageError naming `field`.
Timestamp parse_iso(std::string_view text, std::string_view field);

// The timestamp of a UTC instant in the process's local zone (offset from the zone rules).
Timestamp in_local_zone(std::int64_t utc);

// The instant of a local wall-clock time in the process's zone. Throws UsageError naming
// `field` and `text` when that wall time does not exist (a DST gap); an ambiguous wall time
// (DST overlap) resolves to its first occurrence.
Timestamp from_local(Date d, int seconds_of_day, std::string_view field, std::string_view text);

// Parses WHEN as cli.md defines it, relative to `now` (a timestamp in the local zone). A date
// alone means 12:00 that day, or `now` when that day is today and 12:00 is still ahead.
// Throws UsageError naming `field` and the text for anything else, and for a time in the future.
Timestamp parse_when(std::string_view text, Timestamp now, std::string_view field = "--when");

// The day a WHEN names when it names a whole day: "2026-11-25" (any date, future included),
// "today", "yesterday", "mon", "last friday". nullopt for a WHEN with a time of day, "now" or
// "... ago". Throws UsageError naming `field` for a malformed day.
std::optional<Date> parse_day(std::string_view text, Timestamp now, std::string_view field);

// "now": `fixed`, the value of GUILT_NOW (a local ISO time, e.g. 2026-11-26T21:00), when it is
// set and not empty, else `clock` (UTC seconds, the system clock's). The core reads neither the
// clock nor the environment: the command line passes both in. Throws UsageError when `fixed` is
// not a valid time.
Timestamp current_time(std::int64_t clock, const char* fixed);

}  // namespace guilt
