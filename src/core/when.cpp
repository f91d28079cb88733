// SPDX-License-Identifier: MIT
// The WHEN grammar: "now", "2h ago", "yesterday 6pm", "last friday", ISO times.
#include "guilt/core/when.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"
#include "time_scan.hpp"

namespace guilt::time_scan {
namespace {

constexpr int kNoon = 12 * 3600;
// A time typed to the minute may lie up to 59 seconds after a "now" that has seconds.
constexpr std::int64_t kFutureSlack = kFutureSlackSeconds;
// "last night" is the evening before today, at this hour.
constexpr int kLastNight = 21 * 3600;

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
}  // namespace guilt::time_scan

namespace guilt {

std::optional<Date> parse_day(std::string_view text, Timestamp now, std::string_view field) {
    const auto s = to_lower(trim(text));
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') return parse_date(s, field);
    const bool has_time = std::any_of(s.begin(), s.end(), time_scan::is_digit);
    if (s.empty() || has_time || s == "now" || s.ends_with(" ago")) return std::nullopt;
    return local_date(parse_when(s, now, field));
}

Timestamp parse_when(std::string_view text, Timestamp now, std::string_view field) {
    const Timestamp t = time_scan::WhenParser(text, now, field).parse(to_lower(trim(text)));
    if (in_future(t, now))
        throw UsageError(fmt::format("{} {} is in the future", field, quoted(text)));
    return t;
}

Timestamp current_time(std::int64_t clock, const char* fixed) {
    // An empty GUILT_NOW counts as unset, as shells make it easy to leave one behind.
    if (fixed == nullptr || *fixed == '\0') return in_local_zone(clock);
    const auto dt = time_scan::scan_date_time(to_lower(trim(fixed)), false, true);
    if (!dt)
        throw UsageError(fmt::format("GUILT_NOW must be a local time like 2026-11-26T21:00, got {}",
                                     quoted(fixed)));
    if (dt->offset) return in_local_zone(dt->wall() - *dt->offset);
    return from_local(dt->date, dt->seconds_of_day, "GUILT_NOW", fixed);
}

}  // namespace guilt
