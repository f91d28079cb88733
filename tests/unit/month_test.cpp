// SPDX-License-Identifier: MIT
// Unit tests of the month at a glance (src/core/month.cpp) and its renderers (src/cli/month_*.cpp):
// months and MONTH parsing, each day's cell, the totals beside the month before, days across a
// DST change, the year, and what each format promises.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/month_render.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/month.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

using Catch::Matchers::Contains;
using guilt::Date;
using guilt::Entry;
using guilt::MonthDay;
using guilt::YearMonth;

namespace {

constexpr int kEst = -5 * 3600;
constexpr int kEdt = -4 * 3600;
constexpr YearMonth kNovember{2026, 11};
constexpr Date kDecember3{2026, 12, 3};  // November is over

guilt::Timestamp at(Date d, int hour, int minute = 0, int offset = kEst) {
    return test::local_at(d, hour, minute, offset);
}

Date nov(int day) {
    return {2026, 11, day};
}
Date oct(int day) {
    return {2026, 10, day};
}

// A November with a bit of everything, and an October to compare it with.
std::vector<Entry> autumn() {
    return {
        test::guilt_moment(at(nov(3), 8), 4, "Late for drop-off"),
        test::guilt_moment(at(nov(3), 21), 7, "Snapped at bedtime"),
        test::run(at(nov(3), 6), 5000, 1700),
        test::engage(at(nov(3), 17), 40, {"Sam"}, true),
        test::win(at(nov(5), 19), "Theo and I baked bread, he beamed", {"Theo"}),
        test::deposit(at(nov(6), 13), 30, "nap"),
        test::run(at(nov(28), 7), 10000, 3300),
        test::engage(at(nov(28), 15), 150, {"Ava"}),
        test::guilt_moment(at(oct(2), 9), 8, "October, heavy"),
        test::guilt_moment(at(oct(20), 9), 2, "October, light"),
        test::win(at(oct(20), 12), "October win"),
        test::guilt_moment(at(Date{2026, 9, 30}, 9), 9, "September: neither month"),
    };
}

}  // namespace

TEST_CASE("months: lengths, leap years, arithmetic across years", "[month]") {
    CHECK(guilt::days_in({2026, 2}) == 28);
    CHECK(guilt::days_in({2028, 2}) == 29);
    CHECK(guilt::days_in({2100, 2}) == 28);
    CHECK(guilt::days_in({2000, 2}) == 29);
    CHECK(guilt::days_in({2026, 11}) == 30);
    CHECK(guilt::days_in({2026, 12}) == 31);
    CHECK(guilt::add_months({2026, 1}, -1) == YearMonth{2025, 12});
    CHECK(guilt::add_months({2026, 12}, 1) == YearMonth{2027, 1});
    CHECK(guilt::add_months({2026, 11}, -13) == YearMonth{2025, 10});
    CHECK(guilt::format_month({2026, 3}) == "2026-03");
    CHECK(guilt::month_title(kNovember) == "November 2026");
    CHECK(guilt::month_window_start(kNovember) == Date{2026, 10, 1});
    // A day after the month's last: the early hours of December 1 are November 30's.
    CHECK(guilt::month_window_end(kNovember) == Date{2026, 12, 1});
}

TEST_CASE("MONTH is YYYY-MM or any day in it, never a future month", "[month][parse]") {
    auto now = at(nov(26), 21);
    CHECK(guilt::parse_month("2026-11", now) == kNovember);
    CHECK(guilt::parse_month("2025-02", now) == YearMonth{2025, 2});
    CHECK(guilt::parse_month("2026-10-15", now) == YearMonth{2026, 10});
    CHECK(guilt::parse_month("30d ago", now) == YearMonth{2026, 10});
    CHECK_THROWS_WITH(guilt::parse_month("2026-13", now), Contains("\"2026-13\""));
    CHECK_THROWS_WITH(guilt::parse_month("2026-12", now), Contains("in the future"));
    CHECK_THROWS_WITH(guilt::parse_month("november", now), Contains("MONTH must be a month"));
    CHECK(guilt::parse_year("2025", now) == 2025);
    CHECK_THROWS_WITH(guilt::parse_year("2027", now), Contains("in the future"));
    CHECK_THROWS_WITH(guilt::parse_year("26", now), Contains("--year must be a year like 2026"));
}

TEST_CASE("one cell per day with its guilt, runs, engaged time and good moments", "[month]") {
    auto s = guilt::summarize_month(kNovember, kDecember3, autumn());
    REQUIRE(s.days.size() == 30);
    CHECK(s.complete);
    const auto& d3 = s.days[2];
    CHECK(d3.date == nov(3));
    CHECK(d3.moments == 2);
    REQUIRE(d3.mean_intensity);
    CHECK(*d3.mean_intensity == Approx(5.5));
    CHECK(d3.runs == 1);
    CHECK(d3.run_meters == 5000);
    CHECK(d3.engaged_minutes == 40);
    CHECK(d3.wins == 0);
    CHECK(s.days[4].wins == 1);
    CHECK(s.days[4].moments == 0);  // a win is never guilt
    CHECK_FALSE(s.days[4].mean_intensity);
    CHECK(s.days[5].moments + s.days[5].runs + s.days[5].engaged_minutes + s.days[5].wins == 0);
    CHECK(s.days[27].engaged_minutes == 150);
    for (const auto& d : s.days)
        CHECK_FALSE(d.ahead);
}

TEST_CASE("totals of the month beside the whole month before", "[month]") {
    auto s = guilt::summarize_month(kNovember, kDecember3, autumn());
    CHECK(s.totals.days == 30);
    CHECK(s.totals.moments == 2);
    CHECK(s.totals.days_with_guilt == 1);
    CHECK(*s.totals.mean_intensity == Approx(5.5));
    CHECK(s.totals.runs == 2);
    CHECK(s.totals.run_meters == 15000);
    CHECK(s.totals.engaged_minutes == 190);
    CHECK(s.totals.wins == 1);
    CHECK(s.previous_month == YearMonth{2026, 10});
    CHECK(s.previous.days == 31);
    CHECK(s.previous.moments == 2);
    CHECK(s.previous.days_with_guilt == 2);
    CHECK(*s.previous.mean_intensity == Approx(5.0));
    CHECK(s.previous.wins == 1);
}

TEST_CASE("a month in progress: days ahead are marked, and compared with the same days before",
          "[month]") {
    auto s = guilt::summarize_month(kNovember, nov(10), autumn());
    CHECK_FALSE(s.complete);
    CHECK_FALSE(s.days[9].ahead);
    CHECK(s.days[10].ahead);
    CHECK(s.days[27].ahead);
    CHECK(s.days[27].engaged_minutes == 0);  // not counted, even if the journal holds it
    CHECK(s.totals.days == 10);
    CHECK(s.totals.runs == 1);
    CHECK(s.previous.days == 10);
    CHECK(s.previous.moments == 1);  // October 2nd, not the 20th
    CHECK(s.previous.wins == 0);
}

TEST_CASE("January's month before is December of the year before", "[month]") {
    std::vector<Entry> entries{test::guilt_moment(at({2025, 12, 31}, 22), 6, "New Year's Eve"),
                               test::guilt_moment(at({2026, 1, 1}, 9), 3, "New Year's Day")};
    auto s = guilt::summarize_month({2026, 1}, Date{2026, 3, 1}, entries);
    CHECK(s.previous_month == YearMonth{2025, 12});
    CHECK(s.previous.moments == 1);
    CHECK(s.totals.moments == 1);
    CHECK(s.days[0].moments == 1);
}

TEST_CASE("across a DST change each entry keeps the local day it was written on", "[month][dst]") {
    // US clocks go back at 02:00 on Sunday 2026-11-01 (-04:00 to -05:00) and forward at 02:00 on
    // Sunday 2026-03-08 (-05:00 to -04:00): those days last 25 and 23 hours. Calendar days here
    // (day-boundary 0); the next test ends her day at 04:00.
    guilt::use_day_boundary(0);
    std::vector<Entry> entries{
        test::guilt_moment(at(oct(31), 23, 30, kEdt), 5, "Halloween night"),
        test::guilt_moment(at(nov(1), 0, 30, kEdt), 5, "just after midnight, summer time"),
        test::guilt_moment(at(nov(1), 1, 30, kEst), 5, "the second 01:30"),
        test::guilt_moment(at(nov(1), 23, 30, kEst), 5, "late, winter time"),
        test::guilt_moment(at(nov(2), 0, 10, kEst), 5, "the next day"),
    };
    auto s = guilt::summarize_month(kNovember, kDecember3, entries);
    CHECK(s.days[0].moments == 3);
    CHECK(s.days[1].moments == 1);
    CHECK(s.previous.moments == 1);

    std::vector<Entry> spring{
        test::guilt_moment(at({2026, 3, 8}, 1, 59, kEst), 4, "before the change"),
        test::guilt_moment(at({2026, 3, 8}, 3, 0, kEdt), 4, "after the change"),
        test::guilt_moment(at({2026, 3, 8}, 23, 59, kEdt), 4, "last minute"),
        test::guilt_moment(at({2026, 3, 7}, 23, 59, kEst), 4, "the day before"),
    };
    auto march = guilt::summarize_month({2026, 3}, Date{2026, 4, 2}, spring);
    guilt::use_day_boundary(4);
    CHECK(march.days[7].moments == 3);
    CHECK(march.days[6].moments == 1);
    CHECK(march.totals.days_with_guilt == 2);
}

TEST_CASE("her day ends at the day-boundary hour, across a DST change too", "[month][dst]") {
    // With the default boundary, 04:00: what comes before it belongs to the day before, by the
    // wall clock of each moment's own offset.
    std::vector<Entry> entries{
        test::guilt_moment(at(oct(31), 23, 30, kEdt), 5, "Halloween night"),
        test::guilt_moment(at(nov(1), 1, 30, kEdt), 5, "the first 01:30"),
        test::guilt_moment(at(nov(1), 3, 59, kEst), 5, "a night feed"),
        test::guilt_moment(at(nov(1), 4, 0, kEst), 5, "Sunday begins"),
        test::guilt_moment(at(nov(2), 1, 0, kEst), 5, "a night shift into Monday"),
    };
    auto s = guilt::summarize_month(kNovember, kDecember3, entries);
    CHECK(s.days[0].moments == 2);  // 04:00 Sunday and 01:00 Monday
    CHECK(s.days[1].moments == 0);
    CHECK(s.previous.moments == 3);  // October 31, to 04:00 on November 1
    // The last day's night reaches into the next month: its entries are read with the month.
    CHECK(guilt::month_window_end(kNovember) == Date{2026, 12, 1});
}

TEST_CASE("the shade grows with the moments and their intensity", "[month][shade]") {
    auto day = [](int moments, std::optional<double> mean) {
        MonthDay d;
        d.moments = moments;
        d.mean_intensity = mean;
        return d;
    };
    struct Row {
        MonthDay day;
        int shade;
    };
    const Row rows[] = {
        {day(0, std::nullopt), 0}, {day(1, 3.0), 1},          {day(1, 5.0), 1}, {day(1, 8.0), 2},
        {day(2, 5.0), 2},          {day(2, 7.0), 3},          {day(3, 6.0), 3}, {day(3, 7.0), 4},
        {day(9, 9.0), 4},          {day(1, std::nullopt), 1},  // unknown intensity weighs 5
        {day(3, std::nullopt), 3},
    };
    for (const auto& r : rows) {
        INFO(r.day.moments << " moments, mean " << r.day.mean_intensity.value_or(0));
        CHECK(guilt::guilt_shade(r.day) == r.shade);
    }
}

TEST_CASE("a year: twelve months, January to December, totals of the days so far",
          "[month][year]") {
    auto entries = autumn();
    entries.push_back(test::guilt_moment(at({2025, 12, 24}, 20), 6, "last Christmas"));
    entries.push_back(test::guilt_moment(at({2026, 1, 5}, 20), 6, "back to school"));
    auto y = guilt::summarize_year(2026, nov(26), entries);
    REQUIRE(y.months.size() == 12);
    CHECK(y.months.front().month == YearMonth{2026, 1});
    CHECK(y.months.back().month == YearMonth{2026, 12});
    CHECK(y.months.front().previous.moments == 1);  // December 2025
    CHECK(y.months[11].totals.days == 0);
    CHECK(y.months[10].days[26].ahead);
    CHECK(y.totals.days == 330);   // 2026-01-01 .. 2026-11-26
    CHECK(y.totals.moments == 6);  // not last Christmas; not November 28's run either
    CHECK(y.totals.runs == 1);
    CHECK(y.totals.wins == 2);
}

TEST_CASE("text: a calendar within 80 columns, weeks from Monday or Sunday", "[month][render]") {
    auto s = guilt::summarize_month(kNovember, kDecember3, autumn());
    guilt::CalendarStyle style;
    auto text = guilt::render_month(s, guilt::ReportFormat::text, style);
    CHECK_THAT(text, Contains("November 2026"));
    CHECK_THAT(text, Contains("Mon       Tue"));
    CHECK_THAT(text, Contains(" 3 ▓▓ re "));  // 4 + 7 = 11: shade 3; a run and engaged time
    CHECK_THAT(text, Contains(" 5      w"));  // no guilt, a good moment
    CHECK_THAT(text, Contains("October"));
    for (const auto& line : test::lines_of(text))
        CHECK(guilt::display_width(line) <= 80);
    // 2026-11-01 is a Sunday: the last column of the first row, or the first with sunday_start.
    auto first_row = test::lines_of(text)[3];
    CHECK(first_row.find(" 1") == 60);
    style.sunday_start = true;
    auto sunday = guilt::render_month(s, guilt::ReportFormat::text, style);
    CHECK_THAT(sunday, Contains("Sun       Mon"));
    CHECK(test::lines_of(sunday)[3].rfind(" 1", 0) == 0);
}

TEST_CASE("text: the ASCII fallback has no byte over 0x7f, and colour only when asked",
          "[month][render]") {
    auto s = guilt::summarize_month(kNovember, kDecember3, autumn());
    auto y = guilt::summarize_year(2026, kDecember3, autumn());
    guilt::CalendarStyle ascii;
    ascii.utf8 = false;
    for (const auto& text : {guilt::render_month(s, guilt::ReportFormat::text, ascii),
                             guilt::render_year(y, guilt::ReportFormat::text, ascii)}) {
        for (unsigned char c : text)
            CHECK(c < 0x80);
        CHECK(text.find('\x1b') == std::string::npos);
        for (const auto& line : test::lines_of(text))
            CHECK(line.size() <= 80);
    }
    guilt::CalendarStyle color;
    color.color = true;
    CHECK_THAT(guilt::render_month(s, guilt::ReportFormat::text, color), Contains("\x1b["));
}

TEST_CASE("markdown and html: the calendar, the legend and the totals; nothing external",
          "[month][render]") {
    auto s = guilt::summarize_month(kNovember, kDecember3, autumn());
    guilt::CalendarStyle style;
    auto md = guilt::render_month(s, guilt::ReportFormat::md, style);
    CHECK_THAT(md, Contains("# November 2026"));
    CHECK_THAT(md, Contains("| Mon | Tue | Wed | Thu | Fri | Sat | Sun |"));
    CHECK_THAT(md, Contains("| Good moments | 1 | 1 |"));
    CHECK_THAT(md, Contains("| Runs | 2, 15 km | 0 |"));
    auto page = guilt::render_month(s, guilt::ReportFormat::html, style);
    CHECK(page.rfind("<!doctype html>", 0) == 0);
    CHECK_THAT(page, Contains("<meta name=\"viewport\""));
    CHECK_THAT(page, !Contains("<script"));
    CHECK_THAT(page, !Contains("http"));
    CHECK_THAT(page, Contains("class=\"day s3\""));  // the 3rd: 4 + 7 = 11
    CHECK_THAT(page, Contains("<span class=\"mark eng\">2h30</span>"));
    CHECK_THAT(page, Contains("<span class=\"mark win\">★</span>"));
    auto year = guilt::render_year(guilt::summarize_year(2026, kDecember3, autumn()),
                                   guilt::ReportFormat::html, style);
    CHECK_THAT(year, Contains("<h3>January</h3>"));
    CHECK_THAT(year, Contains("<h3>December</h3>"));
    CHECK_THAT(year, !Contains("http"));
}

TEST_CASE("json: the days that happened with exactly cli.md's keys, totals and previous",
          "[month][render]") {
    auto j = guilt::month_json(guilt::summarize_month(kNovember, nov(10), autumn()));
    CHECK(j["month"] == "2026-11");
    CHECK(j["complete"] == false);
    REQUIRE(j["days"].size() == 10);
    const auto& d = j["days"][2];
    std::set<std::string> keys;
    for (const auto& [k, v] : d.items())
        keys.insert(k);
    CHECK(keys == std::set<std::string>{"date", "moments", "mean_intensity", "runs",
                                        "engaged_minutes", "wins"});
    CHECK(d["date"] == "2026-11-03");
    CHECK(d["moments"] == 2);
    CHECK(d["mean_intensity"] == 5.5);
    CHECK(d["runs"] == 1);
    CHECK(d["engaged_minutes"] == 40);
    CHECK(j["days"][4]["wins"] == 1);
    CHECK(j["days"][0]["mean_intensity"].is_null());
    CHECK(j["totals"]["moments"] == 2);
    CHECK(j["previous"]["month"] == "2026-10");
    CHECK(j["previous"]["days"] == 10);
    auto y = guilt::year_json(guilt::summarize_year(2026, nov(10), autumn()));
    CHECK(y["year"] == 2026);
    CHECK(y["months"].size() == 11);
    CHECK(y["months"][10]["month"] == "2026-11");
}
