// SPDX-License-Identifier: MIT
// Instants and civil dates: calendar arithmetic, day and month names, and the ISO forms
// (2026-11-25, 2026-11-25T18:05:00-05:00). No time zone here beyond the offset a timestamp
// carries.
#pragma once

#include <compare>
#include <cstdint>
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

// The one way guilt shows her a day or a time of day (the ISO forms aside).
// "Mon Nov 23"; "Mon Nov 23 2025" with the year.
std::string day_label(Date d, bool with_year = false);
// "Monday, Nov 23", inside a sentence.
std::string long_day_label(Date d);
// "Nov 23, 2026", for the ends of a span of dates.
std::string dated_label(Date d);
// "18:05", to the minute.
std::string clock_label(int seconds_of_day);
// "Mon Nov 23 18:05" in the timestamp's own offset; the year after the day with `with_year`.
std::string moment_label(Timestamp t, bool with_year = false);

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

}  // namespace guilt
