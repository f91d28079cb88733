// SPDX-License-Identifier: MIT
// Unit tests of civil dates, RFC 3339 timestamps, local-zone conversion and the WHEN grammar.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <ctime>
#include <optional>
#include <random>
#include <string>

#include "guilt/cli/system_zone.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/time.hpp"

using guilt::Date;
using guilt::Timestamp;
using guilt::UsageError;

namespace {

// Sets an environment variable for one scope and restores it afterwards, re-reading TZ both
// times, so no test leaks its zone or clock into another.
class EnvGuard {
  public:
    EnvGuard(const char* name, const char* value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value != nullptr)
            setenv(name, value, 1);
        else
            unsetenv(name);
        tzset();
        guilt::use_zone(guilt::system_zone());
    }
    ~EnvGuard() {
        guilt::use_zone(*prev_);
        if (old_)
            setenv(name_, old_->c_str(), 1);
        else
            unsetenv(name_);
        tzset();
    }
    EnvGuard(const EnvGuard&) = delete;
    EnvGuard& operator=(const EnvGuard&) = delete;

  private:
    const char* name_;
    std::optional<std::string> old_;
    const guilt::Zone* prev_ = &guilt::local_zone();
};

// New York: -05:00 in winter, -04:00 in summer; DST 2026 runs from 03-08 02:00 to 11-01 02:00.
struct NewYork : EnvGuard {
    NewYork() : EnvGuard("TZ", "America/New_York") {}
};

// A wall time in the current zone.
Timestamp local(const char* date, int h, int m = 0, int s = 0) {
    return guilt::from_local(guilt::parse_date(date, "test"), h * 3600 + m * 60 + s, "test", date);
}

std::string when(const std::string& text, Timestamp now) {
    return guilt::format_iso(guilt::parse_when(text, now));
}

std::string when_error(const std::string& text, Timestamp now) {
    try {
        guilt::parse_when(text, now);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "(accepted)";
}

std::int64_t utc_of(Date d, int h, int m = 0) {
    return guilt::days_from_civil(d) * 86'400 + h * 3600 + m * 60;
}

// Inputs no parser may accept.
const char* const kJunk[] = {"5kk",   "28:75", "1:60:00", "-5k",   "nan",     "inf",
                             "",      "   ",   "\t\n",    "1e999", "0x10",    "5k5",
                             "5..5k", "+5k",   "NaN",     "-inf",  "\xff\xfe"};

}  // namespace

TEST_CASE("days_from_civil and civil_from_days agree with known dates", "[time][date]") {
    const auto [date, days] = GENERATE(table<Date, std::int64_t>({
        {{1970, 1, 1}, 0},
        {{1969, 12, 31}, -1},
        {{2000, 3, 1}, 11'017},
        {{1900, 1, 1}, -25'567},
        {{2026, 11, 25}, 20'782},
        {{9999, 12, 31}, 2'932'896},
    }));
    CHECK(guilt::days_from_civil(date) == days);
    CHECK(guilt::civil_from_days(days) == date);
}

TEST_CASE("civil_from_days walks every day 1900-2100 in calendar order", "[time][date]") {
    const auto month_length = [](int y, int m) {
        if (m == 2) return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28;
        return m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
    };
    Date want{1900, 1, 1};
    int weekday = 1;  // 1900-01-01 was a Monday
    for (std::int64_t d = guilt::days_from_civil(want); want.year <= 2100; ++d) {
        const Date got = guilt::civil_from_days(d);
        if (got != want || guilt::days_from_civil(got) != d || guilt::iso_weekday(got) != weekday)
            FAIL("day " << d << " is " << guilt::format_date(got) << ", want "
                        << guilt::format_date(want));
        weekday = weekday % 7 + 1;
        if (++want.day > month_length(want.year, want.month)) {
            want.day = 1;
            if (++want.month > 12) {
                want.month = 1;
                ++want.year;
            }
        }
    }
    CHECK(want == Date{2101, 1, 1});
}

TEST_CASE("add_days crosses months, years and leap days both ways", "[time][date]") {
    CHECK(guilt::add_days({2026, 11, 25}, 0) == Date{2026, 11, 25});
    CHECK(guilt::add_days({2026, 11, 30}, 1) == Date{2026, 12, 1});
    CHECK(guilt::add_days({2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(guilt::add_days({2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(guilt::add_days({2026, 2, 28}, 1) == Date{2026, 3, 1});
    CHECK(guilt::add_days({2026, 3, 1}, -1) == Date{2026, 2, 28});
    CHECK(guilt::add_days({2026, 1, 1}, -1) == Date{2025, 12, 31});
    CHECK(guilt::add_days({2026, 11, 25}, -7) == Date{2026, 11, 18});
    CHECK(guilt::add_days({2026, 11, 25}, 365) == Date{2027, 11, 25});
}

TEST_CASE("iso_weekday counts Monday as 1 and Sunday as 7", "[time][date]") {
    const auto [date, weekday] = GENERATE(table<Date, int>({
        {{1970, 1, 1}, 4},
        {{1969, 12, 29}, 1},
        {{1900, 1, 1}, 1},
        {{2000, 1, 1}, 6},
        {{2026, 11, 23}, 1},
        {{2026, 11, 25}, 3},
        {{2026, 11, 29}, 7},
    }));
    CHECK(guilt::iso_weekday(date) == weekday);
}

TEST_CASE("format_date pads to YYYY-MM-DD", "[time][date]") {
    CHECK(guilt::format_date({2026, 11, 25}) == "2026-11-25");
    CHECK(guilt::format_date({1900, 1, 5}) == "1900-01-05");
}

TEST_CASE("parse_date accepts real calendar dates", "[time][date]") {
    const auto [text, date] = GENERATE(table<std::string, Date>({
        {"2026-11-25", {2026, 11, 25}},
        {" 2026-11-25\t", {2026, 11, 25}},
        {"2024-02-29", {2024, 2, 29}},
        {"2000-02-29", {2000, 2, 29}},
        {"1900-01-01", {1900, 1, 1}},
        {"9999-12-31", {9999, 12, 31}},
        {"2026-04-30", {2026, 4, 30}},
    }));
    CHECK(guilt::parse_date(text, "--until") == date);
}

TEST_CASE("parse_date refuses impossible dates and other shapes", "[time][date]") {
    const std::string text =
        GENERATE("2026-02-29", "2100-02-29", "1900-02-29", "2026-02-30", "2026-13-01", "2026-00-01",
                 "2026-04-31", "2026-11-00", "2026-11-32", "1899-12-31", "0000-01-01", "2026-1-5",
                 "26-11-25", "2026/11/25", "2026-11-25T00:00", "2026-11-25x", "+2026-11-25",
                 "20261125", "2026 -11-25", "today", "5kk", "", "   ");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_date(text, "--until"), UsageError);
}

TEST_CASE("parse_date messages name the field and the value", "[time][date]") {
    CHECK_THROWS_WITH(
        guilt::parse_date("25/11/2026", "--until"),
        "--until must be a date with the year first (2026-11-25), got \"25/11/2026\"");
    CHECK_THROWS_WITH(guilt::parse_date("tomorrow", "--until"),
                      "--until must be a date like 2026-11-25, got \"tomorrow\"");
    CHECK_THROWS_WITH(guilt::parse_date("2026-02-30", "--date"),
                      "--date \"2026-02-30\" is not a real date");
    CHECK_THROWS_WITH(guilt::parse_date("1899-12-31", "--date"),
                      "--date \"1899-12-31\" is out of range (years 1900-9999)");
}

TEST_CASE("local_date and local_seconds_of_day use the stored offset", "[time]") {
    const std::int64_t utc = utc_of({2026, 11, 26}, 3);  // 2026-11-26T03:00Z
    CHECK(guilt::local_date({utc, -5 * 3600}) == Date{2026, 11, 25});
    CHECK(guilt::local_seconds_of_day({utc, -5 * 3600}) == 22 * 3600);
    CHECK(guilt::local_date({utc, 0}) == Date{2026, 11, 26});
    CHECK(guilt::local_seconds_of_day({utc, 0}) == 3 * 3600);
    CHECK(guilt::local_date({utc, 14 * 3600}) == Date{2026, 11, 26});
    CHECK(guilt::local_seconds_of_day({utc, 14 * 3600}) == 17 * 3600);

    // Negative instants round toward the earlier day, not toward 1970.
    CHECK(guilt::local_date({-1, 0}) == Date{1969, 12, 31});
    CHECK(guilt::local_seconds_of_day({-1, 0}) == 86'399);
    CHECK(guilt::local_date({0, -5 * 3600}) == Date{1969, 12, 31});
    CHECK(guilt::local_seconds_of_day({0, -5 * 3600}) == 19 * 3600);
    CHECK(guilt::local_seconds_of_day({86'400, 0}) == 0);

    SECTION("whatever the process's zone is") {
        const EnvGuard tokyo("TZ", "Asia/Tokyo");
        CHECK(guilt::local_date({utc, -5 * 3600}) == Date{2026, 11, 25});
    }
}

TEST_CASE("format_iso writes RFC 3339 with the stored offset", "[time][iso]") {
    const std::int64_t utc = utc_of({2026, 11, 25}, 23, 5);
    CHECK(guilt::format_iso({utc, -5 * 3600}) == "2026-11-25T18:05:00-05:00");
    CHECK(guilt::format_iso({utc, 0}) == "2026-11-25T23:05:00+00:00");
    CHECK(guilt::format_iso({utc, 5 * 3600 + 1800}) == "2026-11-26T04:35:00+05:30");
    CHECK(guilt::format_iso({utc + 7, -3 * 3600 - 1800}) == "2026-11-25T19:35:07-03:30");
    CHECK(guilt::format_iso({-1, 0}) == "1969-12-31T23:59:59+00:00");
}

TEST_CASE("format_iso keeps the instant for an offset with seconds", "[time][iso]") {
    // Liberia's -00:44:30 cannot be written in RFC 3339; the text must still parse back to
    // the same instant.
    const Timestamp odd{0, -(44 * 60 + 30)};
    CHECK(guilt::format_iso(odd) == "1969-12-31T23:16:00-00:44");
    CHECK(guilt::parse_iso(guilt::format_iso(odd), "at").utc == 0);
}

TEST_CASE("parse_iso reads back what format_iso writes", "[time][iso]") {
    const std::string text = GENERATE("2026-11-25T18:05:00-05:00", "2026-11-25T23:05:00+00:00",
                                      "2026-11-26T04:35:00+05:30", "1969-12-31T23:59:59+00:00",
                                      "1900-01-01T00:00:00+00:00", "9999-12-31T23:59:59+14:00",
                                      "2024-02-29T12:00:00-10:00", "2026-01-01T00:00:00+23:59");
    CHECK(guilt::format_iso(guilt::parse_iso(text, "at")) == text);
}

TEST_CASE("parse_iso accepts Z, lower case and a missing seconds field", "[time][iso]") {
    const std::int64_t utc = utc_of({2026, 11, 25}, 23, 5);
    CHECK(guilt::parse_iso("2026-11-25T23:05:00Z", "at") == Timestamp{utc, 0});
    CHECK(guilt::parse_iso("2026-11-25t23:05:00z", "at") == Timestamp{utc, 0});
    CHECK(guilt::parse_iso("2026-11-25T18:05-05:00", "at") == Timestamp{utc, -5 * 3600});
    CHECK(guilt::parse_iso(" 2026-11-25T18:05:00-05:00\n", "at") == Timestamp{utc, -5 * 3600});
}

TEST_CASE("parse_iso refuses anything but strict RFC 3339", "[time][iso]") {
    const std::string text = GENERATE(
        "2026-11-25T18:05:00", "2026-11-25 18:05:00-05:00", "2026-11-25T18:05:00-0500",
        "2026-11-25T18:05:00.5Z", "2026-11-25T24:00:00Z", "2026-11-25T18:60:00Z",
        "2026-11-25T18:05:60Z", "2026-02-30T00:00:00Z", "1899-12-31T23:59:59Z", "2026-11-25",
        "2026-11-25T18:05:00+24:00", "2026-11-25T18:05:00-05:60", "2026-11-25T18:05:00-05",
        "2026-11-25T18:05:00-05:00x", "2026-11-25T8:05:00Z", "2026-11-25T18:5:00Z", "now");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_iso(text, "at"), UsageError);
}

TEST_CASE("parse_iso message names the field and the value", "[time][iso]") {
    CHECK_THROWS_WITH(guilt::parse_iso("yesterday", "exported_at"),
                      "exported_at must be a time like 2026-11-25T18:05:00-05:00, got "
                      "\"yesterday\"");
}

TEST_CASE("in_local_zone takes the offset from the zone rules", "[time][zone]") {
    SECTION("New York switches between -05:00 and -04:00") {
        const NewYork tz;
        CHECK(guilt::in_local_zone(utc_of({2026, 1, 15}, 12)).offset == -5 * 3600);
        CHECK(guilt::in_local_zone(utc_of({2026, 7, 15}, 12)).offset == -4 * 3600);
    }
    SECTION("UTC has no offset") {
        const EnvGuard utc("TZ", "UTC0");
        CHECK(guilt::in_local_zone(utc_of({2026, 7, 15}, 12)) ==
              Timestamp{utc_of({2026, 7, 15}, 12), 0});
    }
    SECTION("Kolkata is +05:30 all year") {
        const EnvGuard kolkata("TZ", "Asia/Kolkata");
        CHECK(guilt::in_local_zone(utc_of({2026, 7, 15}, 12)).offset == 5 * 3600 + 1800);
    }
}

TEST_CASE("from_local finds the instant of a wall time", "[time][zone]") {
    const NewYork tz;
    CHECK(guilt::format_iso(local("2026-11-25", 18, 5)) == "2026-11-25T18:05:00-05:00");
    CHECK(guilt::format_iso(local("2026-07-04", 9, 30, 15)) == "2026-07-04T09:30:15-04:00");
    CHECK(local("2026-11-25", 18, 5).utc == utc_of({2026, 11, 25}, 23, 5));
}

TEST_CASE("from_local refuses a wall time skipped by DST", "[time][zone][dst]") {
    const NewYork tz;
    const int sod = 2 * 3600 + 30 * 60;
    CHECK_THROWS_WITH(guilt::from_local({2026, 3, 8}, sod, "--when", "2026-03-08 02:30"),
                      "--when \"2026-03-08 02:30\" does not exist in the local time zone (the "
                      "clocks skip it)");
    CHECK_THROWS_AS(guilt::from_local({2026, 3, 8}, 2 * 3600, "--when", "x"), UsageError);
    CHECK(guilt::format_iso(local("2026-03-08", 1, 59, 59)) == "2026-03-08T01:59:59-05:00");
    CHECK(guilt::format_iso(local("2026-03-08", 3)) == "2026-03-08T03:00:00-04:00");
}

TEST_CASE("from_local resolves a repeated wall time to its first occurrence", "[time][zone][dst]") {
    const NewYork tz;
    CHECK(guilt::format_iso(local("2026-11-01", 1, 30)) == "2026-11-01T01:30:00-04:00");
    CHECK(guilt::format_iso(local("2026-11-01", 1)) == "2026-11-01T01:00:00-04:00");
    CHECK(guilt::format_iso(local("2026-11-01", 1, 59, 59)) == "2026-11-01T01:59:59-04:00");
    CHECK(guilt::format_iso(local("2026-11-01", 0, 59)) == "2026-11-01T00:59:00-04:00");
    CHECK(guilt::format_iso(local("2026-11-01", 2)) == "2026-11-01T02:00:00-05:00");
}

TEST_CASE("parse_when understands every form of cli.md", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);  // a Wednesday, before noon
    const auto [text, want] = GENERATE(table<std::string, std::string>({
        {"now", "2026-11-25T10:00:00-05:00"},
        {"NOW", "2026-11-25T10:00:00-05:00"},
        {"today", "2026-11-25T10:00:00-05:00"},
        {"yesterday", "2026-11-24T12:00:00-05:00"},
        {"yesterday 6pm", "2026-11-24T18:00:00-05:00"},
        {"yesterday 6:30pm", "2026-11-24T18:30:00-05:00"},
        {"yesterday 6 pm", "2026-11-24T18:00:00-05:00"},
        {"yesterday 6:30 pm", "2026-11-24T18:30:00-05:00"},
        {"yesterday 18:30", "2026-11-24T18:30:00-05:00"},
        {"yesterday 06:05", "2026-11-24T06:05:00-05:00"},
        {"yesterday 6:05", "2026-11-24T06:05:00-05:00"},
        {"yesterday 18:30:15", "2026-11-24T18:30:15-05:00"},
        {"yesterday 6:30:15pm", "2026-11-24T18:30:15-05:00"},
        {"yesterday 12am", "2026-11-24T00:00:00-05:00"},
        {"yesterday 12:30am", "2026-11-24T00:30:00-05:00"},
        {"yesterday 12pm", "2026-11-24T12:00:00-05:00"},
        {"yesterday 11:59pm", "2026-11-24T23:59:00-05:00"},
        {"yesterday 0:00", "2026-11-24T00:00:00-05:00"},
        {"yesterday 23:59", "2026-11-24T23:59:00-05:00"},
        {"yesterday 23:59:59", "2026-11-24T23:59:59-05:00"},
        {"YESTERDAY 6PM", "2026-11-24T18:00:00-05:00"},
        {"  yesterday 6pm\t", "2026-11-24T18:00:00-05:00"},
        {"today 9am", "2026-11-25T09:00:00-05:00"},
        {"today 09:30", "2026-11-25T09:30:00-05:00"},
        {"9am", "2026-11-25T09:00:00-05:00"},
        {"9:59", "2026-11-25T09:59:00-05:00"},
        {"10:00", "2026-11-25T10:00:00-05:00"},
        {"10:00:59", "2026-11-25T10:00:59-05:00"},
        {"mon", "2026-11-23T12:00:00-05:00"},
        {"monday", "2026-11-23T12:00:00-05:00"},
        {"tue", "2026-11-24T12:00:00-05:00"},
        {"tues", "2026-11-24T12:00:00-05:00"},
        {"tuesday", "2026-11-24T12:00:00-05:00"},
        {"wed", "2026-11-25T10:00:00-05:00"},
        {"thu", "2026-11-19T12:00:00-05:00"},
        {"thurs", "2026-11-19T12:00:00-05:00"},
        {"thursday", "2026-11-19T12:00:00-05:00"},
        {"fri", "2026-11-20T12:00:00-05:00"},
        {"saturday", "2026-11-21T12:00:00-05:00"},
        {"Sun", "2026-11-22T12:00:00-05:00"},
        {"mon 6pm", "2026-11-23T18:00:00-05:00"},
        {"tuesday 18:30", "2026-11-24T18:30:00-05:00"},
        {"wed 9am", "2026-11-25T09:00:00-05:00"},
        {"wednesday 10:00", "2026-11-25T10:00:00-05:00"},
        {"last mon", "2026-11-23T12:00:00-05:00"},
        {"last wed", "2026-11-18T12:00:00-05:00"},
        {"last wed 9am", "2026-11-18T09:00:00-05:00"},
        {"last thu 6pm", "2026-11-19T18:00:00-05:00"},
        {"LAST Sunday 18:30", "2026-11-22T18:30:00-05:00"},
        {"20m ago", "2026-11-25T09:40:00-05:00"},
        {"2h ago", "2026-11-25T08:00:00-05:00"},
        {"3d ago", "2026-11-22T10:00:00-05:00"},
        {"1h30m ago", "2026-11-25T08:30:00-05:00"},
        {"1h 30m ago", "2026-11-25T08:30:00-05:00"},
        {"90m ago", "2026-11-25T08:30:00-05:00"},
        {"2 hours ago", "2026-11-25T08:00:00-05:00"},
        {"1 day ago", "2026-11-24T10:00:00-05:00"},
        {"45 min ago", "2026-11-25T09:15:00-05:00"},
        {"30s ago", "2026-11-25T09:59:30-05:00"},
        {"1d2h ago", "2026-11-24T08:00:00-05:00"},
        {"11h ago", "2026-11-24T23:00:00-05:00"},
        {"0m ago", "2026-11-25T10:00:00-05:00"},
        {"2026-11-25", "2026-11-25T10:00:00-05:00"},
        {"2026-11-24", "2026-11-24T12:00:00-05:00"},
        {"2026-11-25 09:00", "2026-11-25T09:00:00-05:00"},
        {"2026-11-25T09:00", "2026-11-25T09:00:00-05:00"},
        {"2026-11-25t09:00", "2026-11-25T09:00:00-05:00"},
        {"2026-11-24 18:00:15", "2026-11-24T18:00:15-05:00"},
        {"2026-11-24 6pm", "2026-11-24T18:00:00-05:00"},
        {"2026-11-24T18:00-08:00", "2026-11-24T18:00:00-08:00"},
        {"2026-11-24T18:00:30-08:00", "2026-11-24T18:00:30-08:00"},
        {"2026-11-24 18:00-08:00", "2026-11-24T18:00:00-08:00"},
        {"2026-11-24 18:00 -08:00", "2026-11-24T18:00:00-08:00"},
        {"2026-11-20 07:00 +01:00", "2026-11-20T07:00:00+01:00"},
        {"2026-11-24 6pm +0530", "2026-11-24T18:00:00+05:30"},
        {"2026-11-24 18:00 Z", "2026-11-24T18:00:00+00:00"},
        {"yesterday at 6pm", "2026-11-24T18:00:00-05:00"},
        {"today at 9am", "2026-11-25T09:00:00-05:00"},
        {"mon at 18:30", "2026-11-23T18:30:00-05:00"},
        {"last thu at 6pm", "2026-11-19T18:00:00-05:00"},
        {"last night", "2026-11-24T21:00:00-05:00"},
        {"Last Night", "2026-11-24T21:00:00-05:00"},
        {"2026-11-24T18:00+0530", "2026-11-24T18:00:00+05:30"},
        {"2026-11-24T18:00+05:30", "2026-11-24T18:00:00+05:30"},
        {"2026-11-24T18:00Z", "2026-11-24T18:00:00+00:00"},
        {"2026-11-24t18:00z", "2026-11-24T18:00:00+00:00"},
        {"2026-11-25T15:00Z", "2026-11-25T15:00:00+00:00"},
        {"2026-07-04 09:00", "2026-07-04T09:00:00-04:00"},
        {"2024-02-29", "2024-02-29T12:00:00-05:00"},
        {"1900-01-01", "1900-01-01T12:00:00-05:00"},
    }));
    CAPTURE(text);
    CHECK(when(text, now) == want);
}

TEST_CASE("parse_when reads the ways people say a time (issue 20)", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);  // a Thursday evening
    const auto [text, want] = GENERATE(table<std::string, std::string>({
        {"this morning", "2026-11-26T09:00:00-05:00"},
        {"this afternoon", "2026-11-26T15:00:00-05:00"},
        {"this evening", "2026-11-26T19:00:00-05:00"},
        {"tonight", "2026-11-26T19:00:00-05:00"},
        {"tonite", "2026-11-26T19:00:00-05:00"},
        {"yesterday morning", "2026-11-25T09:00:00-05:00"},
        {"yesterday evening", "2026-11-25T19:00:00-05:00"},
        {"Yesterday Evening", "2026-11-25T19:00:00-05:00"},
        {"yesterday night", "2026-11-25T21:00:00-05:00"},
        {"last night", "2026-11-25T21:00:00-05:00"},
        {"last nite", "2026-11-25T21:00:00-05:00"},
        {"6pm yesterday", "2026-11-25T18:00:00-05:00"},
        {"6 pm yesterday", "2026-11-25T18:00:00-05:00"},
        {"6:30pm on monday", "2026-11-23T18:30:00-05:00"},
        {"7am last friday", "2026-11-20T07:00:00-05:00"},
        {"monday morning", "2026-11-23T09:00:00-05:00"},
        {"last friday evening", "2026-11-20T19:00:00-05:00"},
        {"5th November", "2026-11-05T12:00:00-05:00"},
        {"5 november", "2026-11-05T12:00:00-05:00"},
        {"the 5th of november", "2026-11-05T12:00:00-05:00"},
        {"Nov 5", "2026-11-05T12:00:00-05:00"},
        {"november 5th", "2026-11-05T12:00:00-05:00"},
        {"Nov 5, 2025", "2025-11-05T12:00:00-05:00"},
        {"5 nov 6pm", "2026-11-05T18:00:00-05:00"},
        {"6pm 5th november", "2026-11-05T18:00:00-05:00"},
        {"nov 5 at 18:30", "2026-11-05T18:30:00-05:00"},
        {"dec 25", "2025-12-25T12:00:00-05:00"},  // the latest one not ahead
        {"sept 1", "2026-09-01T12:00:00-04:00"},
        {"half an hour ago", "2026-11-26T20:30:00-05:00"},
        {"an hour ago", "2026-11-26T20:00:00-05:00"},
        {"20 minutes ago", "2026-11-26T20:40:00-05:00"},
        {"1h20 ago", "2026-11-26T19:40:00-05:00"},
        {"1.5h ago", "2026-11-26T19:30:00-05:00"},
        {"1 week ago", "2026-11-19T21:00:00-05:00"},
        {"an hour and a half ago", "2026-11-26T19:30:00-05:00"},
    }));
    CAPTURE(text);
    CHECK(when(text, now) == want);
}

TEST_CASE("parse_when: a part of today that has begun but whose hour is ahead is now",
          "[time][when]") {
    const NewYork tz;
    const Timestamp early = local("2026-11-26", 7, 30);
    CHECK(guilt::parse_when("this morning", early) == early);
    CHECK(when_error("this evening", early) == "--when \"this evening\" is in the future");
    CHECK(when_error("this morning", local("2026-11-26", 4)) ==
          "--when \"this morning\" is in the future");
    CHECK(when("this morning", local("2026-11-26", 10)) == "2026-11-26T09:00:00-05:00");
    // At 01:30 after a night shift, tonight is the night still going.
    CHECK(when("tonight", local("2026-11-27", 1, 30)) == "2026-11-26T19:00:00-05:00");
    CHECK(when("this evening", local("2026-11-27", 1, 30)) == "2026-11-26T19:00:00-05:00");
    CHECK(when("this night", local("2026-11-27", 1, 30)) == "2026-11-26T21:00:00-05:00");
    CHECK(when_error("this morning", local("2026-11-27", 1, 30)) ==
          "--when \"this morning\" is in the future");
}

TEST_CASE("parse_when refuses a day ahead as the future", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);
    const std::string text =
        GENERATE("tomorrow", "next monday", "next thu", "in 3 weeks", "in 2 days", "6pm tomorrow",
                 "tomorrow morning", "2026-11-27");
    CAPTURE(text);
    CHECK(when_error(text, now) == "--when \"" + text + "\" is in the future");
}

TEST_CASE("parse_until reads a season's last day, future included", "[time][when][until]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);  // a Thursday
    const auto [text, want] = GENERATE(table<std::string, std::string>({
        {"next monday", "2026-11-30"},
        {"next thursday", "2026-12-03"},
        {"monday", "2026-11-30"},
        {"thursday", "2026-11-26"},
        {"tomorrow", "2026-11-27"},
        {"in 3 weeks", "2026-12-17"},
        {"in 10 days", "2026-12-06"},
        {"Nov 5", "2027-11-05"},
        {"5th December", "2026-12-05"},
        {"2027-04-20", "2027-04-20"},
        {"2026-01-01", "2026-01-01"},
        {"today", "2026-11-26"},
    }));
    CAPTURE(text);
    CHECK(guilt::format_date(guilt::parse_until(text, now, "--until")) == want);
    const std::string bad =
        GENERATE("6pm", "in 2 hours", "this morning", "soon", "next", "04/20/2027");
    CAPTURE(bad);
    CHECK_THROWS_AS(guilt::parse_until(bad, now, "--until"), UsageError);
}

TEST_CASE("parse_day names whole days only, month and day included", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);
    CHECK(guilt::parse_day("nov 5", now, "--since") == Date{2026, 11, 5});
    CHECK(guilt::parse_day("5th november", now, "--since") == Date{2026, 11, 5});
    CHECK(guilt::parse_day("tomorrow", now, "--until", true) == Date{2026, 11, 27});
    CHECK_THROWS_WITH(guilt::parse_day("tomorrow", now, "--since"),
                      "--since \"tomorrow\" is in the future");
    CHECK_FALSE(guilt::parse_day("this morning", now, "--since"));
    CHECK_FALSE(guilt::parse_day("6pm yesterday", now, "--since"));
    CHECK_FALSE(guilt::parse_day("2h ago", now, "--since"));
}

TEST_CASE("parse_when reads the literal examples of cli.md", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);  // cli.md's GUILT_NOW, a Thursday evening
    const auto [text, want] = GENERATE(table<std::string, std::string>({
        {"now", "2026-11-26T21:00:00-05:00"},
        {"today", "2026-11-26T12:00:00-05:00"},
        {"yesterday", "2026-11-25T12:00:00-05:00"},
        {"yesterday 6pm", "2026-11-25T18:00:00-05:00"},
        {"mon", "2026-11-23T12:00:00-05:00"},
        {"monday", "2026-11-23T12:00:00-05:00"},
        {"last mon", "2026-11-23T12:00:00-05:00"},
        {"mon 6pm", "2026-11-23T18:00:00-05:00"},
        {"6pm", "2026-11-26T18:00:00-05:00"},
        {"6:30pm", "2026-11-26T18:30:00-05:00"},
        {"18:30", "2026-11-26T18:30:00-05:00"},
        {"06:05", "2026-11-26T06:05:00-05:00"},
        {"20m ago", "2026-11-26T20:40:00-05:00"},
        {"2h ago", "2026-11-26T19:00:00-05:00"},
        {"3d ago", "2026-11-23T21:00:00-05:00"},
        {"2026-11-25", "2026-11-25T12:00:00-05:00"},
        {"2026-11-25 18:00", "2026-11-25T18:00:00-05:00"},
        {"2026-11-25T18:00", "2026-11-25T18:00:00-05:00"},
        {"2026-11-25T18:00-05:00", "2026-11-25T18:00:00-05:00"},
        {"2026-11-25T18:05:00-05:00", "2026-11-25T18:05:00-05:00"},
    }));
    CAPTURE(text);
    CHECK(when(text, now) == want);
}

TEST_CASE("parse_when: a day alone is its noon, or now when that is still ahead", "[time][when]") {
    const NewYork tz;
    SECTION("before noon, today means now") {
        const Timestamp now = local("2026-11-25", 11, 59, 59);
        CHECK(guilt::parse_when("today", now) == now);
        CHECK(guilt::parse_when("wed", now) == now);
        CHECK(guilt::parse_when("2026-11-25", now) == now);
    }
    SECTION("from noon on, today means 12:00") {
        const Timestamp now = local("2026-11-25", 15);
        const Timestamp noon = local("2026-11-25", 12);
        CHECK(guilt::parse_when("today", now) == noon);
        CHECK(guilt::parse_when("wednesday", now) == noon);
        CHECK(guilt::parse_when("2026-11-25", now) == noon);
        CHECK(guilt::parse_when("today", noon) == noon);
    }
}

TEST_CASE("parse_when: a weekday on that same weekday", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-23", 10);  // a Monday morning
    CHECK(when("mon", now) == "2026-11-23T10:00:00-05:00");
    CHECK(when("mon 9am", now) == "2026-11-23T09:00:00-05:00");
    CHECK(when("monday 10:00", now) == "2026-11-23T10:00:00-05:00");
    CHECK(when("mon 10:00:59", now) == "2026-11-23T10:00:59-05:00");
    // Monday is today: a time still ahead is in the future, and says how to mean last week's.
    CHECK(when_error("mon 6pm", now) ==
          "--when \"mon 6pm\" is in the future (today is Monday; for last week's say \"last mon "
          "6pm\")");
    CHECK(when_error("Monday 10:01", now) ==
          "--when \"Monday 10:01\" is in the future (today is Monday; for last week's say \"last "
          "Monday 10:01\")");
    CHECK(when("last mon 6pm", now) == "2026-11-16T18:00:00-05:00");
    CHECK(when("last mon", now) == "2026-11-16T12:00:00-05:00");
    CHECK(when("last mon 9am", now) == "2026-11-16T09:00:00-05:00");
    CHECK(when("sun", now) == "2026-11-22T12:00:00-05:00");
    CHECK(when("last sun", now) == "2026-11-22T12:00:00-05:00");
    CHECK(when("tue", now) == "2026-11-17T12:00:00-05:00");
}

TEST_CASE("parse_when refuses the future, allowing the current minute", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    const std::string text =
        GENERATE("2026-11-26", "2026-11-25 18:00", "2026-11-25T10:01", "today 6pm", "6pm", "10:01",
                 "10:01:00", "today 10:01", "2026-11-25T10:00-06:00", "2026-11-25T15:01Z",
                 "9999-12-31", "2026-12-01 00:00");
    CAPTURE(text);
    CHECK(when_error(text, now) == "--when \"" + text + "\" is in the future");
}

TEST_CASE("parse_when future message matches cli.md", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-26", 21);
    CHECK(when_error("2026-11-27", now) == "--when \"2026-11-27\" is in the future");
    CHECK(guilt::parse_when("21:00:59", now).utc == now.utc + 59);
    CHECK(when_error("21:01", now) == "--when \"21:01\" is in the future");
}

TEST_CASE("parse_when refuses junk and impossible dates and times", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    const std::string text = GENERATE(
        "tomorrow", "yesterday  6pm", "yesterday6pm", "last today", "last yesterday", "last",
        "last now", "last last mon", "now 6pm", "today today", "mon mon", "monday6pm", "6", "18",
        "13pm", "0am", "00am", "12", "6pmm", "6 pm pm", "6: 30pm", "24:00", "23:60", "28:75",
        "12:5", "6:30:60", "yesterday 24:00", "yesterday 23:60", "2026-02-30", "2026-02-29",
        "2026-13-01", "2026-00-10", "2026-11-00", "2026-11-31", "1899-12-31", "10000-01-01",
        "2026-1-5", "2026-11-25 24:00", "2026-11-25  18:00", "2026-11-25 18:00  -05:00",
        "2026-11-25T18:00+24:00", "2026-11-25T18:00+05", "2026-11-25T", "2026-11-25x",
        "2026-11-24 18:00zz", "2026-11-24Z", "2026-11-24 -05:00", "+2h ago", "-2h ago", "2h", "ago",
        "2x ago", "1m1h ago", "1h1h ago", "1e3m ago", "1.5d ago", "2h ago ago", "1234567d ago",
        "999999d ago", "h ago", "5 ago", "1 fortnight ago", "5kk", "0x10", "nan", "inf", "1e999",
        "", "this", "this monday", "last morning", "next", "next night", "in", "in 3", "feb 30",
        "nov 31 2026", "5th", "november", "32 nov", "5xx nov", "6pm 6pm", "6pm in 2 days",
        "this morning morning", "yesterday evening 6pm 6pm", "nov 5 1899", "6pm this", "nov  5");
    CAPTURE(text);
    CHECK_THROWS_AS(guilt::parse_when(text, now), UsageError);
}

TEST_CASE("parse_when refuses the shared junk list", "[time][when][junk]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    for (const char* text : kJunk) {
        CAPTURE(text);
        CHECK_THROWS_AS(guilt::parse_when(text, now), UsageError);
        CHECK_THROWS_AS(guilt::parse_iso(text, "at"), UsageError);
        CHECK_THROWS_AS(guilt::parse_date(text, "--date"), UsageError);
    }
}

TEST_CASE("parse_when messages name the field, the text and a hint", "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    CHECK(when_error("soon", now) ==
          "--when \"soon\" is not a time guilt understands (try \"yesterday 6pm\", \"2h "
          "ago\", \"2026-11-25 18:00\")");
    // A day she can name, but ahead: the future, said as such.
    CHECK(when_error("tomorrow", now) == "--when \"tomorrow\" is in the future");
    CHECK(when_error("2026-02-30", now) == "--when \"2026-02-30\" is not a real date");
    CHECK(when_error("1899-12-31", now) ==
          "--when \"1899-12-31\" is out of range (years 1900-9999)");
    CHECK_THROWS_WITH(guilt::parse_when("soon", now, "--since"),
                      Catch::StartsWith("--since \"soon\" is not a time"));
    // Control characters are escaped so the message stays on one line.
    CHECK(when_error("6pm\nrm", now).find('\n') == std::string::npos);
}

TEST_CASE("parse_when refuses a date in month and day order, showing the ISO dates it could be",
          "[time][when]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    const auto [text, dates] = GENERATE(table<std::string, std::string>({
        {"11/05/2026", "2026-11-05 or 2026-05-11"},
        {"5/11/2026", "2026-05-11 or 2026-11-05"},
        {"25/11/2026", "2026-11-25"},
        {"11/25/2026 18:00", "2026-11-25"},
        {"11.05.2026", "2026-11-05 or 2026-05-11"},
        {"11-05-2026", "2026-11-05 or 2026-05-11"},
        {"11/05/26", "2026-11-05 or 2026-05-11"},
        {"11/05", "2026-11-05 or 2026-05-11"},
        {"5/5/2026", "2026-05-05"},
    }));
    CAPTURE(text);
    CHECK(when_error(text, now) ==
          "--when \"" + text +
              "\" is not a date guilt reads: month and day come in a different order in different "
              "countries, so write the year first, as in " +
              dates);
    // Not a date either way: the usual message.
    CHECK_THROWS_WITH(guilt::parse_when("13/13/2026", now),
                      Catch::Contains("is not a time guilt understands"));
    CHECK_THROWS_WITH(
        guilt::parse_date("04/20/2027", "--until"),
        "--until must be a date with the year first (2027-04-20), got \"04/20/2027\"");
}

TEST_CASE("parse_when across DST in New York", "[time][when][dst]") {
    const NewYork tz;
    SECTION("a wall time skipped in spring is refused") {
        const Timestamp now = local("2026-03-10", 12);
        CHECK(when_error("2026-03-08 02:30", now) ==
              "--when \"2026-03-08 02:30\" does not exist in the local time zone (the clocks "
              "skip it)");
        CHECK_THROWS_AS(guilt::parse_when("sun 2:30am", now), UsageError);
        CHECK(when("2026-03-08 01:59", now) == "2026-03-08T01:59:00-05:00");
        CHECK(when("2026-03-08 03:30", now) == "2026-03-08T03:30:00-04:00");
    }
    SECTION("a wall time repeated in autumn is its first occurrence") {
        const Timestamp now = local("2026-11-03", 18);
        CHECK(when("2026-11-01 01:30", now) == "2026-11-01T01:30:00-04:00");
        CHECK(when("sun 1:30am", now) == "2026-11-01T01:30:00-04:00");
        // A typed offset picks the other occurrence.
        CHECK(when("2026-11-01 01:30-05:00", now) == "2026-11-01T01:30:00-05:00");
    }
    SECTION("days ago keep the wall time and take the offset of their day") {
        const Timestamp autumn = local("2026-11-03", 18);
        const Timestamp back = guilt::parse_when("3d ago", autumn);
        CHECK(guilt::format_iso(back) == "2026-10-31T18:00:00-04:00");
        CHECK(autumn.utc - back.utc == 3 * 86'400 + 3600);

        const Timestamp spring = local("2026-03-10", 18);
        CHECK(when("3d ago", spring) == "2026-03-07T18:00:00-05:00");
        CHECK(when("yesterday 6pm", local("2026-11-02", 10)) == "2026-11-01T18:00:00-05:00");
    }
    SECTION("hours ago are elapsed hours") {
        CHECK(when("24h ago", local("2026-11-01", 12)) == "2026-10-31T13:00:00-04:00");
        CHECK(when("2h ago", local("2026-03-08", 3, 30)) == "2026-03-08T00:30:00-05:00");
    }
    SECTION("days ago onto a skipped wall time fall back to whole days of 24 hours") {
        CHECK(when("1d ago", local("2026-03-09", 2, 30)) == "2026-03-08T01:30:00-05:00");
    }
    SECTION("an entry keeps its local day under its stored offset") {
        const Timestamp evening =
            guilt::parse_when("2026-11-24T22:30-05:00", local("2026-11-25", 10));
        CHECK(guilt::local_date(evening) == Date{2026, 11, 24});
        const EnvGuard tokyo("TZ", "Asia/Tokyo");
        CHECK(guilt::local_date(evening) == Date{2026, 11, 24});
        CHECK(guilt::local_date(guilt::in_local_zone(evening.utc)) == Date{2026, 11, 25});
    }
}

TEST_CASE("parse_when never lets anything but UsageError escape", "[time][when][junk]") {
    const NewYork tz;
    const Timestamp now = local("2026-11-25", 10);
    constexpr std::string_view kAlphabet = "0123456789:-+ tzamp.hdsagolnywe";
    std::mt19937 rng(2026);
    std::uniform_int_distribution<std::size_t> length(0, 20), pick(0, kAlphabet.size() - 1);
    int accepted = 0;
    for (int i = 0; i < 20'000; ++i) {
        std::string text(length(rng), ' ');
        for (char& c : text)
            c = kAlphabet[pick(rng)];
        try {
            const Timestamp t = guilt::parse_when(text, now);
            if (t.utc > now.utc + 59) FAIL("future accepted: " << text);
            ++accepted;
        } catch (const UsageError&) {
        }
        try {
            guilt::parse_iso(text, "at");
        } catch (const UsageError&) {
        }
    }
    CHECK(accepted > 0);  // the random texts do reach the accepting paths
}

TEST_CASE("current_time reads GUILT_NOW as a local time", "[time][now]") {
    const NewYork tz;
    const auto [value, want] = GENERATE(table<std::string, std::string>({
        {"2026-11-26T21:00", "2026-11-26T21:00:00-05:00"},
        {"2026-11-26T21:00:30", "2026-11-26T21:00:30-05:00"},
        {"2026-11-26 21:00", "2026-11-26T21:00:00-05:00"},
        {" 2026-11-26T21:00\n", "2026-11-26T21:00:00-05:00"},
        {"2026-07-04T09:00", "2026-07-04T09:00:00-04:00"},
        {"2026-11-01T01:30", "2026-11-01T01:30:00-04:00"},
        // With an offset the instant is kept and shown in the local zone.
        {"2026-11-26T21:00-08:00", "2026-11-27T00:00:00-05:00"},
        {"2026-11-26T21:00Z", "2026-11-26T16:00:00-05:00"},
    }));
    CHECK(guilt::format_iso(guilt::current_time(std::time(nullptr), value.c_str())) == want);
}

TEST_CASE("current_time refuses a bad GUILT_NOW, naming it", "[time][now]") {
    const NewYork tz;
    const std::string value =
        GENERATE("tomorrow", "2026-11-26", "2026-02-30T10:00", "2026-11-26T25:00", "2026-11-26T21",
                 "2026-03-08T02:30", "1899-12-31T12:00", "now", "5kk", "  ");
    CAPTURE(value);
    CHECK_THROWS_WITH(guilt::current_time(std::time(nullptr), value.c_str()),
                      Catch::Contains("GUILT_NOW"));
    CHECK_THROWS_AS(guilt::current_time(std::time(nullptr), value.c_str()), UsageError);
}

TEST_CASE("current_time without GUILT_NOW is the clock it is given", "[time][now]") {
    const char* value = GENERATE(static_cast<const char*>(nullptr), "");
    const Timestamp now = guilt::current_time(1795651200, value);
    CHECK(now.utc == 1795651200);
    CHECK(now.offset == guilt::in_local_zone(now.utc).offset);
}
