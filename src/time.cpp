// SPDX-License-Identifier: MIT
// Civil-date arithmetic, RFC 3339 timestamps, local-zone conversion and the WHEN grammar.
#include "guilt/time.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <utility>
#include <vector>

#include "guilt/error.hpp"
#include "guilt/text.hpp"

namespace guilt {
namespace {

constexpr std::int64_t kSecondsPerDay = 86'400;
constexpr int kNoon = 12 * 3600;
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 9999;
// A time typed to the minute may lie up to 59 seconds after a "now" that has seconds.
constexpr std::int64_t kFutureSlack = 59;
// "last night" is the evening before today, at this hour.
constexpr int kLastNight = 21 * 3600;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - (a % b < 0 ? 1 : 0);
}

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

bool valid_date(Date d) {
    return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

bool year_in_range(int y) {
    return y >= kMinYear && y <= kMaxYear;
}

// Reads a string left to right; every read either matches and advances or leaves it alone.
struct Cursor {
    std::string_view s;
    std::size_t i = 0;

    bool done() const { return i == s.size(); }
    std::string_view rest() const { return s.substr(i); }
    bool eat(char c) {
        if (i < s.size() && s[i] == c) {
            ++i;
            return true;
        }
        return false;
    }
    // Between `min` and `max` ASCII digits (few enough to fit an int).
    std::optional<int> digits(std::size_t min, std::size_t max) {
        std::size_t n = 0;
        int v = 0;
        while (n < max && i + n < s.size() && is_digit(s[i + n]))
            v = v * 10 + (s[i + n++] - '0');
        if (n < min) return std::nullopt;
        i += n;
        return v;
    }
    std::optional<int> digits(std::size_t n) { return digits(n, n); }
};

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

// "z", "+05:30", "-0500" (the colon optional only when `colon_optional`) as seconds east of UTC.
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

struct DateTime {
    Date date;
    int seconds_of_day = 0;
    std::optional<int> offset;

    std::int64_t wall() const { return days_from_civil(date) * kSecondsPerDay + seconds_of_day; }
};

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

// A clock time as people type it: "6pm", "6:30pm", "6 pm", "12am", "18:30", "6:05", "18:30:15".
std::optional<int> scan_clock(std::string_view s) {
    Cursor c{s};
    const auto h = c.digits(1, 2);
    if (!h) return std::nullopt;
    std::optional<int> m;
    int sec = 0;
    if (c.eat(':')) {
        m = c.digits(2);
        if (!m) return std::nullopt;
        if (c.eat(':')) {
            const auto s2 = c.digits(2);
            if (!s2) return std::nullopt;
            sec = *s2;
        }
    }
    const bool spaced = c.eat(' ');
    const std::string_view meridiem = c.rest();
    if (m.value_or(0) > 59 || sec > 59) return std::nullopt;
    if (meridiem == "am" || meridiem == "pm") {
        if (*h < 1 || *h > 12) return std::nullopt;
        return (*h % 12 + (meridiem == "pm" ? 12 : 0)) * 3600 + m.value_or(0) * 60 + sec;
    }
    // Without am/pm a lone hour ("18") is too easy to misread, so minutes are required.
    if (!meridiem.empty() || spaced || !m || *h > 23) return std::nullopt;
    return *h * 3600 + *m * 60 + sec;
}

std::optional<int> weekday_number(std::string_view word) {
    static constexpr std::pair<std::string_view, int> kNames[] = {
        {"mon", 1},       {"monday", 1}, {"tue", 2},      {"tues", 2},  {"tuesday", 2},  {"wed", 3},
        {"wednesday", 3}, {"thu", 4},    {"thur", 4},     {"thurs", 4}, {"thursday", 4}, {"fri", 5},
        {"friday", 5},    {"sat", 6},    {"saturday", 6}, {"sun", 7},   {"sunday", 7}};
    for (const auto& [name, number] : kNames)
        if (word == name) return number;
    return std::nullopt;
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

// The units of "N ago", as an index into its amounts: 0 days, 1 hours, 2 minutes, 3 seconds.
std::optional<int> ago_unit(std::string_view word) {
    static constexpr std::pair<std::string_view, int> kUnits[] = {
        {"d", 0},       {"day", 0},   {"days", 0}, {"h", 1},    {"hr", 1},     {"hrs", 1},
        {"hour", 1},    {"hours", 1}, {"m", 2},    {"min", 2},  {"mins", 2},   {"minute", 2},
        {"minutes", 2}, {"s", 3},     {"sec", 3},  {"secs", 3}, {"second", 3}, {"seconds", 3}};
    for (const auto& [name, unit] : kUnits)
        if (word == name) return unit;
    return std::nullopt;
}

// The instant of a local wall time, or nothing when the zone skips it. mktime alone cannot
// be trusted to pick the first of two occurrences, so every plausible offset is tried and
// the earliest instant that really shows this wall time wins.
std::optional<Timestamp> resolve_local(Date d, int seconds_of_day) {
    const std::int64_t wall = days_from_civil(d) * kSecondsPerDay + seconds_of_day;
    std::optional<std::int64_t> best;
    const auto consider = [&](std::int64_t utc) {
        const Timestamp t = in_local_zone(utc);
        if (t.utc + t.offset == wall && (!best || utc < *best)) best = utc;
    };
    for (const int isdst : {1, 0, -1}) {
        std::tm tm{};
        tm.tm_year = d.year - 1900;
        tm.tm_mon = d.month - 1;
        tm.tm_mday = d.day;
        tm.tm_hour = seconds_of_day / 3600;
        tm.tm_min = seconds_of_day / 60 % 60;
        tm.tm_sec = seconds_of_day % 60;
        tm.tm_isdst = isdst;
        consider(std::mktime(&tm));
    }
    // Some zones change their offset without a DST flag; the offsets a day either side
    // cover those changes too.
    for (const std::int64_t probe : {wall - kSecondsPerDay, wall + kSecondsPerDay})
        consider(wall - in_local_zone(probe).offset);
    if (!best) return std::nullopt;
    return in_local_zone(*best);
}

// Resolves one WHEN text against `now`; the future check is the caller's.
class WhenParser {
  public:
    WhenParser(std::string_view text, Timestamp now, std::string_view field)
        : text_(text), now_(now), field_(field), today_(local_date(now)) {}

    Timestamp parse(std::string_view s) const {
        if (s == "now") return now_;
        if (s.ends_with(" ago")) return relative(s.substr(0, s.size() - 4));
        if (s.size() >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
            s[4] == '-')
            return absolute(s);
        if (const auto hint = day_month_hint(s, today_.year))
            fail(
                fmt::format("is not a date guilt reads: month and day come in a different "
                            "order in different countries, so write the year first, as in {}",
                            *hint));
        return named_day(s);
    }

  private:
    std::string_view text_;
    Timestamp now_;
    std::string_view field_;
    Date today_;

    [[noreturn]] void fail() const {
        throw UsageError(
            fmt::format("{} {} is not a time guilt understands (try \"yesterday 6pm\", \"2h ago\", "
                        "\"2026-11-25 18:00\")",
                        field_, quoted(text_)));
    }
    [[noreturn]] void fail(std::string_view why) const {
        throw UsageError(fmt::format("{} {} {}", field_, quoted(text_), why));
    }

    Timestamp at(Date d, int seconds_of_day) const {
        return from_local(d, seconds_of_day, field_, text_);
    }

    // A day without a time means its noon, but "today" before noon means right now.
    Timestamp day_alone(Date d) const {
        if (d == today_ && local_seconds_of_day(now_) < kNoon) return now_;
        return at(d, kNoon);
    }

    // "20m ago", "2h ago", "3d ago", "1h30m ago", "1d 2h ago".
    Timestamp relative(std::string_view s) const {
        std::int64_t amount[4] = {};
        int next_unit = 0;  // units come largest first, each at most once
        Cursor c{s};
        while (!c.done()) {
            if (next_unit > 0) c.eat(' ');
            const auto n = c.digits(1, 6);
            if (!n) fail();
            c.eat(' ');
            const std::size_t start = c.i;
            while (!c.done() && c.s[c.i] >= 'a' && c.s[c.i] <= 'z')
                ++c.i;
            const auto unit = ago_unit(s.substr(start, c.i - start));
            if (!unit || *unit < next_unit) fail();
            amount[*unit] = *n;
            next_unit = *unit + 1;
        }
        if (next_unit == 0) fail();

        Timestamp t = now_;
        if (amount[0] > 0) {
            // Calendar days keep the wall time ("3d ago" at 18:00 is 18:00), across DST too;
            // when that wall time was skipped, whole days of 24 h are the closest meaning.
            const Date d = add_days(today_, -amount[0]);
            if (d.year < kMinYear) fail("is out of range (years 1900-9999)");
            const auto r = resolve_local(d, local_seconds_of_day(now_));
            t = r ? *r : in_local_zone(now_.utc - amount[0] * kSecondsPerDay);
        }
        t = in_local_zone(t.utc - amount[1] * 3600 - amount[2] * 60 - amount[3]);
        if (local_date(t).year < kMinYear) fail("is out of range (years 1900-9999)");
        return t;
    }

    // "2026-11-25", "2026-11-25 18:00", "2026-11-25T18:00:15-05:00", "2026-11-25 6pm".
    Timestamp absolute(std::string_view s) const {
        Cursor c{s};
        const auto d = scan_date(c);
        if (!d) fail();
        if (!year_in_range(d->year)) fail("is out of range (years 1900-9999)");
        if (!valid_date(*d)) fail("is not a real date");
        if (c.done()) return day_alone(*d);
        if (!c.eat(' ') && !c.eat('t')) fail();

        std::string_view clock = c.rest();
        std::optional<int> offset;
        const auto sign = clock.find_last_of("+-z");
        if (sign != std::string_view::npos) {
            Cursor oc{clock, sign};
            offset = scan_offset(oc, true);
            if (!offset || !oc.done()) fail();
            clock = clock.substr(0, sign);
            // People write "18:00 -05:00" with a space before the offset.
            if (clock.ends_with(' ')) clock.remove_suffix(1);
        }
        const auto sod = scan_clock(clock);
        if (!sod) fail();
        if (!offset) return at(*d, *sod);
        // A typed offset is kept as typed: the entry happened there.
        return {days_from_civil(*d) * kSecondsPerDay + *sod - *offset, *offset};
    }

    // "today", "yesterday 6pm", "yesterday at 6pm", "mon", "last friday 18:30", "last night",
    // or a bare time ("6pm": today).
    Timestamp named_day(std::string_view s) const {
        if (s == "last night") return at(add_days(today_, -1), kLastNight);
        const bool last = s.starts_with("last ");
        if (last) s.remove_prefix(5);
        const auto space = s.find(' ');
        const std::string_view word = s.substr(0, space);
        std::string_view after =
            space == std::string_view::npos ? std::string_view{} : s.substr(space + 1);
        if (after.starts_with("at ")) after.remove_prefix(3);

        Date day = today_;
        std::string_view clock = s;
        std::optional<int> weekday;
        if (!last && word == "today") {
            clock = after;
        } else if (!last && word == "yesterday") {
            day = add_days(today_, -1);
            clock = after;
        } else if ((weekday = weekday_number(word))) {
            int back = (iso_weekday(today_) - *weekday + 7) % 7;
            if (last && back == 0) back = 7;
            day = add_days(today_, -back);
            clock = after;
        } else if (last) {
            fail();
        }
        if (clock.empty()) {
            if (s.empty()) fail();
            return day_alone(day);
        }
        const auto sod = scan_clock(clock);
        if (!sod) fail();
        // A weekday is the latest such day not in the future: on a Tuesday, "tue" is today, so
        // "tue 7pm" typed at noon is ahead, and refused rather than silently moved a week back.
        if (weekday && !last && day == today_ && *sod > local_seconds_of_day(now_) + kFutureSlack)
            fail(fmt::format("is in the future (today is {}; for last week's say \"last {}\")",
                             weekday_name(today_), trim(text_)));
        return at(day, *sod);
    }
};

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

Date parse_date(std::string_view text, std::string_view field) {
    const std::string_view s = trim(text);
    Cursor c{s};
    const auto d = scan_date(c);
    if (!d || !c.done()) {
        if (const auto hint = day_month_hint(s, std::nullopt))
            throw UsageError(fmt::format("{} must be a date with the year first ({}), got {}",
                                         field, *hint, quoted(text)));
        throw UsageError(
            fmt::format("{} must be a date like 2026-11-25, got {}", field, quoted(text)));
    }
    if (!year_in_range(d->year))
        throw UsageError(
            fmt::format("{} {} is out of range (years 1900-9999)", field, quoted(text)));
    if (!valid_date(*d))
        throw UsageError(fmt::format("{} {} is not a real date", field, quoted(text)));
    return *d;
}

Date local_date(Timestamp t) {
    return civil_from_days(floor_div(t.utc + t.offset, kSecondsPerDay));
}

int local_seconds_of_day(Timestamp t) {
    const std::int64_t local = t.utc + t.offset;
    return static_cast<int>(local - floor_div(local, kSecondsPerDay) * kSecondsPerDay);
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
    const auto dt = scan_date_time(to_lower(trim(text)), true, false);
    if (!dt)
        throw UsageError(fmt::format("{} must be a time like 2026-11-25T18:05:00-05:00, got {}",
                                     field, quoted(text)));
    return {dt->wall() - *dt->offset, *dt->offset};
}

Timestamp in_local_zone(std::int64_t utc) {
    const auto t = static_cast<std::time_t>(utc);
    std::tm tm{};
    if (localtime_r(&t, &tm) == nullptr) return {utc, 0};
    return {utc, static_cast<int>(tm.tm_gmtoff)};
}

Timestamp from_local(Date d, int seconds_of_day, std::string_view field, std::string_view text) {
    const auto t = resolve_local(d, seconds_of_day);
    if (!t)
        throw UsageError(
            fmt::format("{} {} does not exist in the local time zone (the clocks skip it)", field,
                        quoted(text)));
    return *t;
}

std::optional<Date> parse_day(std::string_view text, Timestamp now, std::string_view field) {
    const auto s = to_lower(trim(text));
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') return parse_date(s, field);
    const bool has_time = std::any_of(s.begin(), s.end(), is_digit);
    if (s.empty() || has_time || s == "now" || s.ends_with(" ago")) return std::nullopt;
    return local_date(parse_when(s, now, field));
}

Timestamp parse_when(std::string_view text, Timestamp now, std::string_view field) {
    const Timestamp t = WhenParser(text, now, field).parse(to_lower(trim(text)));
    if (t.utc - now.utc > kFutureSlack)
        throw UsageError(fmt::format("{} {} is in the future", field, quoted(text)));
    return t;
}

Timestamp current_time(std::int64_t clock, const char* fixed) {
    // An empty GUILT_NOW counts as unset, as shells make it easy to leave one behind.
    if (fixed == nullptr || *fixed == '\0') return in_local_zone(clock);
    const auto dt = scan_date_time(to_lower(trim(fixed)), false, true);
    if (!dt)
        throw UsageError(fmt::format("GUILT_NOW must be a local time like 2026-11-26T21:00, got {}",
                                     quoted(fixed)));
    if (dt->offset) return in_local_zone(dt->wall() - *dt->offset);
    return from_local(dt->date, dt->seconds_of_day, "GUILT_NOW", fixed);
}

}  // namespace guilt
