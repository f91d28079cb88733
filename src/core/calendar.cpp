// SPDX-License-Identifier: MIT
// Civil-date arithmetic and the ISO forms of dates and timestamps.
#include "guilt/core/calendar.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "time_scan.hpp"

namespace guilt::time_scan {
namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

}  // namespace

std::optional<int> scan_offset(Cursor& c, bool colon_optional) {
    if (c.eat('z')) return 0;
    const int sign = c.eat('+') ? 1 : c.eat('-') ? -1 : 0;
    if (sign == 0) return std::nullopt;
    const auto h = c.digits(2);
    if (!h) return std::nullopt;
    if (!c.eat(':') && !colon_optional) return std::nullopt;
    const auto m = c.digits(2);
    if (!m || *h > 23 || *m > 59) return std::nullopt;
    return sign * (*h * 3600 + *m * 60);
}

bool valid_date(Date d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

bool year_in_range(int y) {
    return y >= kMinYear && y <= kMaxYear;
}

std::optional<Date> scan_date(Cursor& c) {
    const auto y = c.digits(4);
    if (!y || !c.eat('-')) return std::nullopt;
    const auto m = c.digits(2);
    if (!m || !c.eat('-')) return std::nullopt;
    const auto d = c.digits(2);
    if (!d) return std::nullopt;
    return Date{*y, *m, *d};
}

// "HH:MM" or "HH:MM:SS", 24-hour, as seconds of the day.
std::optional<int> scan_hms(Cursor& c) {
    const auto h = c.digits(2);
    if (!h || !c.eat(':')) return std::nullopt;
    const auto m = c.digits(2);
    if (!m) return std::nullopt;
    int s = 0;
    if (c.eat(':')) {
        const auto sec = c.digits(2);
        if (!sec) return std::nullopt;
        s = *sec;
    }
    if (*h > 23 || *m > 59 || s > 59) return std::nullopt;
    return *h * 3600 + *m * 60 + s;
}

// "YYYY-MM-DDTHH:MM[:SS][offset]" on lower-cased text; also a space for the 'T' when
// `space_ok` (GUILT_NOW is typed by people).
std::optional<DateTime> scan_date_time(std::string_view s, bool offset_required, bool space_ok) {
    Cursor c{s};
    DateTime dt;
    const auto date = scan_date(c);
    if (!date || !valid_date(*date) || !year_in_range(date->year)) return std::nullopt;
    dt.date = *date;
    if (!c.eat('t') && !(space_ok && c.eat(' '))) return std::nullopt;
    const auto sod = scan_hms(c);
    if (!sod) return std::nullopt;
    dt.seconds_of_day = *sod;
    if (!c.done()) {
        dt.offset = scan_offset(c, false);
        if (!dt.offset) return std::nullopt;
    }
    if (!c.done() || (offset_required && !dt.offset)) return std::nullopt;
    return dt;
}

// "11/05/2026", "5.11.26", "11-05-2026" (a time may follow): a date whose month and day
// order differs by country. Returns the ISO dates it could mean, as a hint ("2026-11-05 or
// 2026-05-11"), or nothing when `s` is not such a date. `year` stands in for a missing year;
// with nullopt, the year must be written.
std::optional<std::string> day_month_hint(std::string_view s, std::optional<int> year) {
    Cursor c{s};
    const auto a = c.digits(1, 2);
    if (!a || c.done()) return std::nullopt;
    const char sep = c.s[c.i];
    if (sep != '/' && sep != '.' && sep != '-') return std::nullopt;
    ++c.i;
    const auto b = c.digits(1, 2);
    if (!b) return std::nullopt;
    if (c.eat(sep)) {
        const auto y = c.digits(2, 4);
        if (!y || (*y >= 100 && *y < 1000)) return std::nullopt;
        year = *y < 100 ? 2000 + *y : *y;
    } else if (sep != '/' || !year) {
        return std::nullopt;  // "11-05" or "5.5" is not a date anyone writes without a year
    }
    if (!c.done() && !c.eat(' ')) return std::nullopt;
    std::vector<std::string> dates;
    for (const Date d : {Date{*year, *a, *b}, Date{*year, *b, *a}}) {
        const auto iso = format_date(d);
        if (valid_date(d) && std::find(dates.begin(), dates.end(), iso) == dates.end())
            dates.push_back(iso);
    }
    if (dates.empty()) return std::nullopt;
    return fmt::format("{}", fmt::join(dates, " or "));
}

}  // namespace guilt::time_scan

namespace guilt {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b < 0 ? 1 : 0);
}

}  // namespace

std::int64_t days_from_civil(Date d) {
    const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const auto m = static_cast<unsigned>(d.month);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + static_cast<unsigned>(d.day) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146'097 + static_cast<std::int64_t>(doe) - 719'468;
}

Date civil_from_days(std::int64_t days) {
    const std::int64_t z = days + 719'468;
    const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
    const auto doe = static_cast<unsigned>(z - era * 146'097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

Date add_days(Date d, std::int64_t days) {
    return civil_from_days(days_from_civil(d) + days);
}

int iso_weekday(Date d) {
    // 1970-01-01 was a Thursday (4).
    return static_cast<int>((days_from_civil(d) % 7 + 7 + 3) % 7) + 1;
}

std::string_view weekday_name(Date d) {
    static constexpr std::string_view kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
    return kNames[iso_weekday(d) - 1];
}

std::string_view month_name(int month) {
    static constexpr std::string_view kNames[] = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};
    return kNames[month - 1];
}

std::string format_date(Date d) {
    return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string day_label(Date d, bool with_year) {
    auto out = fmt::format("{} {} {}", weekday_name(d).substr(0, 3),
                           month_name(d.month).substr(0, 3), d.day);
    if (with_year) out += fmt::format(" {}", d.year);
    return out;
}

std::string long_day_label(Date d) {
    return fmt::format("{}, {} {}", weekday_name(d), month_name(d.month).substr(0, 3), d.day);
}

std::string dated_label(Date d) {
    return fmt::format("{} {}, {}", month_name(d.month).substr(0, 3), d.day, d.year);
}

std::string clock_label(int seconds_of_day) {
    return fmt::format("{:02}:{:02}", seconds_of_day / 3600, seconds_of_day / 60 % 60);
}

std::string moment_label(Timestamp t, bool with_year) {
    return fmt::format("{} {}", day_label(local_date(t), with_year),
                       clock_label(local_seconds_of_day(t)));
}

Date parse_date(std::string_view text, std::string_view field) {
    const std::string_view s = trim(text);
    time_scan::Cursor c{s};
    const auto d = time_scan::scan_date(c);
    if (!d || !c.done()) {
        if (const auto hint = time_scan::day_month_hint(s, std::nullopt))
            throw UsageError(fmt::format("{} must be a date with the year first ({}), got {}",
                                         field, *hint, quoted(text)));
        throw UsageError(
            fmt::format("{} must be a date like 2026-11-25, got {}", field, quoted(text)));
    }
    if (!time_scan::year_in_range(d->year))
        throw UsageError(
            fmt::format("{} {} is out of range (years 1900-9999)", field, quoted(text)));
    if (!time_scan::valid_date(*d))
        throw UsageError(fmt::format("{} {} is not a real date", field, quoted(text)));
    return *d;
}

Date local_date(Timestamp t) {
    return civil_from_days(floor_div(t.utc + t.offset, time_scan::kSecondsPerDay));
}

int local_seconds_of_day(Timestamp t) {
    const std::int64_t local = t.utc + t.offset;
    return static_cast<int>(local - floor_div(local, time_scan::kSecondsPerDay) *
                                        time_scan::kSecondsPerDay);
}

std::string format_iso(Timestamp t) {
    // RFC 3339 offsets have no seconds; a historical offset like -00:44:30 is written to the
    // minute and the clock follows it, so the text still names the exact instant.
    const int offset = t.offset / 60 * 60;
    const Timestamp shown{t.utc, offset};
    const int sod = local_seconds_of_day(shown);
    const int off = offset < 0 ? -offset : offset;
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(local_date(shown)),
                       sod / 3600, sod / 60 % 60, sod % 60, offset < 0 ? '-' : '+', off / 3600,
                       off / 60 % 60);
}

Timestamp parse_iso(std::string_view text, std::string_view field) {
    const auto dt = time_scan::scan_date_time(to_lower(trim(text)), true, false);
    if (!dt)
        throw UsageError(fmt::format("{} must be a time like 2026-11-25T18:05:00-05:00, got {}",
                                     field, quoted(text)));
    return {dt->wall() - *dt->offset, *dt->offset};
}

}  // namespace guilt
