// SPDX-License-Identifier: MIT
// The WHEN grammar: "now", "2h ago", "yesterday 6pm", "last friday", ISO times.
#include "guilt/core/when.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
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

// "nov", "november", "sept": the month's number.
std::optional<int> month_number(std::string_view word) {
    if (word == "sept") return 9;
    for (int m = 1; m <= 12; ++m) {
        const auto name = to_lower(month_name(m));
        if (word == name || word == std::string_view(name).substr(0, 3)) return m;
    }
    return std::nullopt;
}

// "5", "5th", "1st", "22nd": a day of the month (not yet checked against its month).
std::optional<int> day_of_month(std::string_view word) {
    Cursor c{word};
    const auto d = c.digits(1, 2);
    if (!d || *d < 1 || *d > 31) return std::nullopt;
    const auto suffix = c.rest();
    if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
        return std::nullopt;
    return d;
}

// A part of the day she names ("this morning", "yesterday evening"): when it begins, and the
// time of day a moment in it is taken to be.
struct DayPart {
    int starts;
    int at;
};

std::optional<DayPart> day_part(std::string_view word) {
    if (word == "morning") return DayPart{5 * 3600, 9 * 3600};
    if (word == "afternoon") return DayPart{12 * 3600, 15 * 3600};
    if (word == "evening") return DayPart{17 * 3600, 19 * 3600};
    if (word == "night") return DayPart{kLastNight, kLastNight};
    return std::nullopt;
}

// Her words, with the spellings and small words of speech made plain: "last nite" is "last
// night", "6pm on monday" is "6pm monday", "November 5, 2026" is "november 5 2026". Nothing
// when two spaces meet (a typo guilt does not guess at).
std::optional<std::vector<std::string_view>> when_words(std::string_view s) {
    std::vector<std::string_view> words;
    for (std::size_t start = 0;;) {
        const auto space = s.find(' ', start);
        auto word = s.substr(start, space - start);
        if (word.ends_with(',')) word.remove_suffix(1);
        if (word.empty()) return std::nullopt;
        if (word == "nite") word = "night";
        if (word == "tonite") word = "tonight";
        if (word != "at" && word != "on" && word != "the" && word != "of") words.push_back(word);
        if (space == std::string_view::npos) break;
        start = space + 1;
    }
    return words;
}

// A day as she names it, and how many words that took.
struct NamedDay {
    Date date;
    std::size_t end = 0;               // the words after the day start here
    std::optional<DayPart> part;       // "this morning", "last night"
    std::optional<Timestamp> instant;  // "in 3 days": a time, not a day
    bool weekday = false;              // "mon", without last or next
    bool whole = false;                // "in 3 weeks": no hours
};

// Resolves one WHEN text against `now`; the future check is the caller's. `ahead`: a day
// named without its year or week ("Nov 5", "friday") is the next one rather than the last.
class WhenParser {
  public:
    WhenParser(std::string_view text, Timestamp now, std::string_view field, bool ahead = false)
        : text_(text), now_(now), field_(field), today_(local_date(now)), ahead_(ahead) {}

    Timestamp parse(std::string_view s) const {
        if (s == "now") return now_;
        if (s.ends_with(" ago")) return shifted(s.substr(0, s.size() - 4), -1);
        if (s.size() >= 5 && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3]) &&
            s[4] == '-')
            return absolute(s);
        if (const auto hint = day_month_hint(s, today_.year))
            fail(
                fmt::format("is not a date guilt reads: month and day come in a different "
                            "order in different countries, so write the year first, as in {}",
                            *hint));
        const auto words = when_words(s);
        if (!words) fail();
        return spoken(*words);
    }

    // Whether the last text parsed named a whole day, with no time of day.
    bool whole_day() const { return whole_day_; }

  private:
    std::string_view text_;
    Timestamp now_;
    std::string_view field_;
    Date today_;
    bool ahead_;
    mutable bool whole_day_ = false;

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
        whole_day_ = true;
        if (d == today_ && local_seconds_of_day(now_) < kNoon) return now_;
        return at(d, kNoon);
    }

    // A part of a day: its usual hour, or now when today's has begun and that hour is ahead.
    Timestamp part_of(Date d, DayPart part) const {
        const int now_sod = local_seconds_of_day(now_);
        if (d == today_ && now_sod >= part.starts && now_sod < part.at) return now_;
        return at(d, part.at);
    }

    // "20m ago" (sign -1), "in 3 weeks" (sign +1): a duration of read_duration from now.
    Timestamp shifted(std::string_view s, int sign) const {
        const auto d = read_duration(s);
        if (!d) fail();
        // Far beyond the years guilt accepts, and far from overflowing.
        if (d->days > 4'000'000 || d->seconds > 1e11) fail("is out of range (years 1900-9999)");
        const auto out_of_range = [&](Date day) {
            return day.year < kMinYear || day.year > kMaxYear;
        };
        Timestamp t = now_;
        if (d->days > 0) {
            // Calendar days keep the wall time ("3d ago" at 18:00 is 18:00), across DST too;
            // when that wall time was skipped, whole days of 24 h are the closest meaning.
            const Date day = add_days(today_, sign * d->days);
            if (out_of_range(day)) fail("is out of range (years 1900-9999)");
            const auto r = resolve_local(day, local_seconds_of_day(now_));
            t = r ? *r : in_local_zone(now_.utc + sign * d->days * kSecondsPerDay);
        }
        t = in_local_zone(t.utc + sign * static_cast<std::int64_t>(std::llround(d->seconds)));
        if (out_of_range(local_date(t))) fail("is out of range (years 1900-9999)");
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

    // The words from `from` to `to` as one clock time ("6pm", "6 pm", "18:30").
    static std::optional<int> clock_of(const std::vector<std::string_view>& w, std::size_t from,
                                       std::size_t to) {
        if (to <= from || to - from > 2) return std::nullopt;
        std::string joined(w[from]);
        if (to - from == 2) joined.append(" ").append(w[from + 1]);
        return scan_clock(joined);
    }

    // "Nov 5", "5th November", "november 5 2025": the latest such day not after today (the
    // next one not before it when `ahead_`), or the year written.
    std::optional<NamedDay> month_day(const std::vector<std::string_view>& w, std::size_t i) const {
        if (i + 1 >= w.size()) return std::nullopt;
        auto month = month_number(w[i]);
        auto day = day_of_month(w[i + 1]);
        if (!month || !day) {
            month = month_number(w[i + 1]);
            day = day_of_month(w[i]);
        }
        if (!month || !day) return std::nullopt;
        NamedDay out;
        out.end = i + 2;
        out.date = {today_.year, *month, *day};
        if (out.end < w.size() && w[out.end].size() == 4 &&
            std::all_of(w[out.end].begin(), w[out.end].end(), is_digit)) {
            out.date.year = std::stoi(std::string(w[out.end]));
            if (!year_in_range(out.date.year)) fail("is out of range (years 1900-9999)");
            ++out.end;
        } else if (!ahead_ && out.date > today_) {
            --out.date.year;
        } else if (ahead_ && out.date < today_) {
            ++out.date.year;
        }
        if (!valid_date(out.date)) fail("is not a real date");
        return out;
    }

    // The day named by the words from `i`: "today", "yesterday", "tomorrow", "tonight", "this
    // morning", "last night", "last fri", "next monday", "fri", "in 3 weeks", "Nov 5".
    std::optional<NamedDay> named_day(const std::vector<std::string_view>& w, std::size_t i) const {
        if (i >= w.size()) return std::nullopt;
        NamedDay out;
        out.date = today_;
        out.end = i + 1;
        const std::string_view word = w[i];
        const std::string_view next = i + 1 < w.size() ? w[i + 1] : std::string_view{};
        if (word == "today") return out;
        if (word == "yesterday" || word == "tomorrow") {
            out.date = add_days(today_, word == "yesterday" ? -1 : 1);
            return out;
        }
        // Before the morning begins (after a night shift, at 01:30), tonight is the night
        // still going, which began the evening before.
        const bool small_hours = local_seconds_of_day(now_) < day_part("morning")->starts;
        if (word == "tonight" || (word == "this" && (next == "evening" || next == "night"))) {
            out.part = day_part(word == "tonight" ? "evening" : next);
            if (small_hours) out.date = add_days(today_, -1);
            out.end = word == "tonight" ? i + 1 : i + 2;
            return out;
        }
        if (word == "this" && day_part(next)) {
            out.part = day_part(next);
            out.end = i + 2;
            return out;
        }
        if (word == "last" && next == "night") {
            out.date = add_days(today_, -1);
            out.part = day_part("night");
            out.end = i + 2;
            return out;
        }
        if (word == "in" && i + 1 < w.size()) {
            std::string rest;
            for (std::size_t k = i + 1; k < w.size(); ++k) {
                if (k > i + 1) rest += ' ';
                rest += w[k];
            }
            const auto d = read_duration(rest);
            if (!d) fail();
            out.instant = shifted(rest, 1);
            out.whole = d->seconds == 0;
            out.end = w.size();
            return out;
        }
        const bool last = word == "last", following = word == "next";
        if (last || following) {
            const auto weekday = weekday_number(next);
            if (!weekday) fail();
            const int now_wd = iso_weekday(today_);
            const int back = (now_wd - *weekday + 7) % 7, ahead = (*weekday - now_wd + 7) % 7;
            out.date = add_days(today_, last ? -(back == 0 ? 7 : back) : (ahead == 0 ? 7 : ahead));
            out.end = i + 2;
            return out;
        }
        if (const auto weekday = weekday_number(word)) {
            const int now_wd = iso_weekday(today_);
            out.date = ahead_ ? add_days(today_, (*weekday - now_wd + 7) % 7)
                              : add_days(today_, -((now_wd - *weekday + 7) % 7));
            out.weekday = true;
            return out;
        }
        return month_day(w, i);
    }

    // A named day at a time of day; a weekday is the latest such day not in the future: on a
    // Tuesday, "tue" is today, so "tue 7pm" typed at noon is ahead, and refused rather than
    // silently moved a week back.
    Timestamp day_at(const NamedDay& day, int sod) const {
        if (day.weekday && !ahead_ && day.date == today_ &&
            sod > local_seconds_of_day(now_) + kFutureSlack)
            fail(fmt::format("is in the future (today is {}; for last week's say \"last {}\")",
                             weekday_name(today_), trim(text_)));
        return at(day.date, sod);
    }

    // Everything but "now", "... ago" and the ISO forms: a day, a part of it or a time of day,
    // in either order ("yesterday 6pm", "6pm yesterday"), or a bare time (today).
    Timestamp spoken(const std::vector<std::string_view>& w) const {
        for (std::size_t k : {std::size_t{2}, std::size_t{1}}) {
            if (w.size() <= k) continue;
            const auto sod = clock_of(w, 0, k);
            if (!sod) continue;
            const auto day = named_day(w, k);
            if (!day || day->end != w.size() || day->instant) fail();
            return day_at(*day, *sod);
        }
        const auto day = named_day(w, 0);
        if (!day) {
            const auto sod = clock_of(w, 0, w.size());
            if (!sod) fail();
            return at(today_, *sod);
        }
        if (day->instant) {
            whole_day_ = day->whole;
            return *day->instant;
        }
        if (day->end == w.size())
            return day->part ? part_of(day->date, *day->part) : day_alone(day->date);
        if (!day->part && day->end + 1 == w.size() && day_part(w[day->end]))
            return part_of(day->date, *day_part(w[day->end]));
        const auto sod = clock_of(w, day->end, w.size());
        if (!sod) fail();
        return day_at(*day, *sod);
    }
};

}  // namespace
}  // namespace guilt::time_scan

namespace guilt {

std::optional<Date> parse_day(std::string_view text, Timestamp now, std::string_view field,
                              bool ahead) {
    const auto s = to_lower(trim(text));
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') return parse_date(s, field);
    const time_scan::WhenParser parser(text, now, field, ahead);
    const Timestamp t = parser.parse(s);
    if (!parser.whole_day()) return std::nullopt;
    // A day she names ahead ("tomorrow", "next monday") is the future unless `ahead` asks for it.
    if (!ahead && local_date(t) > local_date(now))
        throw UsageError(fmt::format("{} {} is in the future", field, quoted(text)));
    return local_date(t);
}

Date parse_until(std::string_view text, Timestamp now, std::string_view field) {
    if (auto day = parse_day(text, now, field, true)) return *day;
    throw UsageError(fmt::format(
        "{} must be a day (2027-04-20, \"next monday\", \"in 3 weeks\", \"Nov 5\"), got {}", field,
        quoted(text)));
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
