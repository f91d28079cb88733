// SPDX-License-Identifier: MIT
// Unit tests of the weekly summary (src/core/week.cpp) and its renderers (src/cli/week_*.cpp): ISO
// weeks and WEEK parsing, the figures of a hand-built week, and what each format promises
// (80 columns, ASCII fallback, escaping, no external reference).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/week_render.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/week.hpp"

using Catch::Matchers::Contains;
using guilt::Date;
using guilt::Entry;
using guilt::EntryType;
using guilt::WeekInput;
using guilt::WeekSummary;

namespace {

// The week of Monday 2026-11-23; days in the builder count from it (0 = Monday, -7 = the Monday
// before, 7 = the Monday after); wall-clock times at -05:00.
constexpr Date kMonday{2026, 11, 23};
constexpr int kOffset = -5 * 3600;

Date day(int n) {
    return guilt::add_days(kMonday, n);
}

guilt::Timestamp at(int n, int hour, int minute = 0) {
    return test::local_at(day(n), hour, minute, kOffset);
}

const guilt::Lexicon& lexicon() {
    return test::built_in_lexicon();
}

struct Week {
    WeekInput in;

    Week() {
        in.first_day = kMonday;
        in.today = day(9);  // the week is over
    }

    Week& guilt(int n, int hour, int intensity, std::string text, test::Words tags = {},
                test::Words kids = {}) {
        in.entries.push_back(test::guilt_moment(at(n, hour), intensity, std::move(text),
                                                std::move(tags), std::move(kids)));
        return *this;
    }
    Week& run(int n, int hour, double meters, std::optional<int> seconds,
              test::Words with = {"solo"}) {
        in.entries.push_back(test::run(at(n, hour), meters, seconds, std::move(with)));
        return *this;
    }
    Week& engage(int n, int hour, int minutes, test::Words kids, bool child_led = false) {
        in.entries.push_back(test::engage(at(n, hour), minutes, std::move(kids), child_led));
        return *this;
    }
    Week& deposit(int n, int hour, int minutes, std::string text) {
        in.entries.push_back(test::deposit(at(n, hour), minutes, std::move(text)));
        return *this;
    }
    Week& win(int n, int hour, std::string text, test::Words kids = {}) {
        in.entries.push_back(test::win(at(n, hour), std::move(text), std::move(kids)));
        return *this;
    }
    Week& answer(int written, int hour, int reviewed, std::string strategy, std::string text) {
        Entry e;
        e.type = EntryType::reflection;
        e.at = at(written, hour);
        e.date = guilt::format_date(day(reviewed));
        e.strategy = std::move(strategy);
        e.text = std::move(text);
        in.entries.push_back(e);
        return *this;
    }

    WeekSummary summary() const { return guilt::summarize_week(in, lexicon()); }
};

// A week with a bit of everything, used by the renderer tests.
Week full_week() {
    Week w;
    w.guilt(0, 8, 6, "Sam cried at drop-off #school", {"school"}, {"Sam"})
        .guilt(1, 21, 8, "I should keep up with everything | and I never do")
        .guilt(3, 19, 4, "<script>alert(1)</script> & \"quotes\" 'too'", {}, {"Ava"})
        .run(0, 5, 8000, 2760, {"moms"})
        .run(5, 7, 18000, 6240, {"club", "kids"})
        .engage(0, 17, 25, {"Sam", "Ava"}, true)
        .engage(3, 18, 2 * 60, {"Ava"})
        .deposit(6, 20, 45, "read in the bath");
    w.in.showings = {{day(1), "facts"}, {day(3), "motto"}};
    w.answer(1, 22, 1, "facts", "I did play lego for 20 minutes | really");
    w.in.strategy_titles = {{"facts", "Look at the facts"}, {"motto", "Create a motto"}};
    w.in.motto = guilt::Motto{"You're a good mom.", at(-30, 9)};
    w.in.priorities = {guilt::Priority{1, "", 1, "Kids", std::nullopt, false}};
    return w;
}

}  // namespace

TEST_CASE("ISO weeks: week 1 holds January 4, and some years have 53", "[week][iso]") {
    using guilt::iso_week_of;
    CHECK(iso_week_of({2026, 11, 23}) == guilt::IsoWeek{2026, 48});
    CHECK(iso_week_of({2026, 11, 29}) == guilt::IsoWeek{2026, 48});
    CHECK(iso_week_of({2021, 1, 3}) == guilt::IsoWeek{2020, 53});
    CHECK(iso_week_of({2024, 12, 30}) == guilt::IsoWeek{2025, 1});
    CHECK(guilt::format_iso_week({2026, 8}) == "2026-W08");
    CHECK(guilt::week_start_of({2026, 11, 29}, false) == Date{2026, 11, 23});
    CHECK(guilt::week_start_of({2026, 11, 29}, true) == Date{2026, 11, 29});
    CHECK(guilt::week_start_of({2026, 11, 28}, true) == Date{2026, 11, 22});
}

TEST_CASE("WEEK is an ISO week or any day inside it, never a future week", "[week][parse]") {
    auto now = at(3, 21);  // Thursday 2026-11-26 21:00
    using guilt::parse_week;
    CHECK(parse_week("2026-W48", now, false) == Date{2026, 11, 23});
    CHECK(parse_week("2026-w47", now, false) == Date{2026, 11, 16});
    CHECK(parse_week("2026-W48", now, true) == Date{2026, 11, 22});
    CHECK(parse_week("2026-11-25", now, false) == Date{2026, 11, 23});
    CHECK(parse_week("2026-11-25", now, true) == Date{2026, 11, 22});
    CHECK(parse_week("2020-W53", now, false) == Date{2020, 12, 28});
    CHECK_THROWS_AS(parse_week("2026-W49", now, false), guilt::UsageError);
    CHECK_THROWS_WITH(parse_week("2025-W53", now, false), Contains("52 weeks"));
    CHECK_THROWS_WITH(parse_week("2026-12-01", now, false), Contains("in the future"));
    CHECK_THROWS_AS(parse_week("2026-W00", now, false), guilt::UsageError);
    CHECK_THROWS_WITH(parse_week("banana", now, false), Contains("WEEK"));
}

TEST_CASE("guilt per day: count, mean and highest intensity, seven days", "[week]") {
    Week w;
    w.guilt(0, 8, 6, "a").guilt(0, 18, 3, "b").guilt(2, 9, 9, "c").guilt(6, 23, 5, "d");
    auto s = w.summary();
    REQUIRE(s.days.size() == 7);
    CHECK(s.days[0].date == kMonday);
    CHECK(s.days[6].date == Date{2026, 11, 29});
    CHECK(s.days[0].guilt.count == 2);
    CHECK(*s.days[0].guilt.mean_intensity == Approx(4.5));
    CHECK(*s.days[0].guilt.max_intensity == 6);
    CHECK(s.days[1].guilt.count == 0);
    CHECK_FALSE(s.days[1].guilt.mean_intensity);
    CHECK(s.days[6].guilt.count == 1);
    CHECK(s.guilt.count == 4);
    CHECK(*s.guilt.mean_intensity == Approx(23.0 / 4));
    CHECK(*s.guilt.max_intensity == 9);
    CHECK(s.moments.size() == 4);
}

TEST_CASE("entries before and after the week are left out of its figures", "[week]") {
    Week w;
    // Her Monday after begins at 04:00, the day-boundary (before it, it is still Sunday).
    w.guilt(-1, 23, 7, "Sunday before").guilt(7, 4, 7, "Monday after").guilt(3, 12, 2, "in");
    w.run(-1, 8, 5000, 1500).engage(7, 8, 30, {"Sam"}).deposit(-3, 9, 20, "nap");
    auto s = w.summary();
    CHECK(s.guilt.count == 1);
    CHECK(*s.guilt.max_intensity == 2);
    CHECK(s.runs.count == 0);
    CHECK(s.engaged.minutes == 0);
    CHECK(s.deposits == 0);
}

TEST_CASE("runs: count, distance, time and pace in her unit, companions and time of day",
          "[week][runs]") {
    Week w;
    w.run(0, 5, 5000, 25 * 60, {"moms"})                      // Monday 05:00, early morning
        .run(2, 12, 10000, 50 * 60, {"solo"})                 // Wednesday noon, daytime
        .run(3, 18, 3000, std::nullopt, {"kids", "partner"})  // family hours, no time
        .run(4, 21, 2000, 12 * 60, {"moms"});                 // late
    auto s = w.summary();
    CHECK(s.runs.count == 4);
    CHECK(s.runs.meters == Approx(20000));
    CHECK(s.runs.seconds == 87 * 60);
    CHECK(s.runs.timed_meters == Approx(17000));
    CHECK(s.runs.with_kids == 1);
    REQUIRE(!s.runs.with.empty());
    CHECK(s.runs.with[0].id == "moms");
    CHECK(s.runs.with[0].count == 2);
    CHECK(s.runs.slots[guilt::RunSlot::early_morning] == 1);
    CHECK(s.runs.slots[guilt::RunSlot::daytime] == 1);
    CHECK(s.runs.slots[guilt::RunSlot::family_hours] == 1);
    CHECK(s.runs.slots[guilt::RunSlot::late] == 1);
    CHECK(s.days[2].run_meters == Approx(10000));
    auto json = guilt::render_json(s);
    CHECK(json["runs"]["pace"] == "5:07 /km");
    CHECK(json["runs"]["distance"] == "20 km");

    w.in.unit = guilt::DistanceUnit::mi;
    json = guilt::render_json(w.summary());
    CHECK(json["runs"]["pace"] == "8:14 /mi");
    CHECK(json["unit"] == "mi");
}

TEST_CASE("engaged time per day and per kid, child-led minutes apart", "[week][engaged]") {
    Week w;
    w.engage(0, 17, 30, {"Sam", "Ava"}, true).engage(0, 19, 20, {"sam"}).engage(4, 10, 15, {});
    auto s = w.summary();
    CHECK(s.engaged.minutes == 65);
    CHECK(s.engaged.child_led_minutes == 30);
    CHECK(s.engaged.days == 2);
    CHECK(s.days[0].engaged_minutes == 50);
    CHECK(s.days[0].child_led_minutes == 30);
    REQUIRE(s.engaged.kids.size() == 2);
    CHECK(s.engaged.kids[0].name == "Sam");
    CHECK(s.engaged.kids[0].minutes == 50);
    CHECK(s.engaged.kids[0].child_led_minutes == 30);
    CHECK(s.engaged.kids[1].name == "Ava");
    CHECK(s.engaged.kids[1].minutes == 30);
}

TEST_CASE("topics, tags and kids named come from the guilt moments, most frequent first",
          "[week][guilt]") {
    Week w;
    w.guilt(0, 8, 5, "Late for school again", {"school"}, {"Sam"})
        .guilt(1, 8, 5, "Answered emails at dinner", {"work"}, {"Sam"})
        .guilt(2, 8, 5, "School meltdown", {"school"}, {"Ava"});
    auto s = w.summary();
    REQUIRE(!s.topics.empty());
    CHECK(s.topics[0].id == "school");
    CHECK(s.topics[0].count == 2);
    CHECK(s.tags[0].id == "school");
    CHECK(s.tags[0].count == 2);
    CHECK(s.kids_named[0].label == "Sam");
    CHECK(s.kids_named[0].count == 2);
}

TEST_CASE("the bank for each day that has happened, over the 28 days ending that day",
          "[week][bank]") {
    Week w;
    w.in.today = day(2);       // Wednesday: Thursday to Sunday are still ahead
    w.run(-27, 9, 5000, 1800)  // 28 days before Wednesday... only inside Monday's window
        .deposit(0, 14, 30, "nap")
        .guilt(1, 20, 8, "heavy")
        .guilt(2, 20, 3, "light");
    auto s = w.summary();
    // The fair bank of issue 9: a 30-minute nap pays 3 points, each day draws 1, a heavy day 2,
    // never below 0. Monday's window still holds the run, which paid 3 and was drawn down since.
    REQUIRE(s.days[0].balance);
    CHECK(s.days[0].balance->deposits == 3);
    CHECK(s.days[0].balance->value == 2);
    CHECK(*s.days[0].balance->days_since_deposit == 0);
    REQUIRE(s.days[1].balance);
    CHECK(s.days[1].balance->value == 0);  // 2 - 2 on Tuesday's heavy day
    REQUIRE(s.days[2].balance);
    CHECK(s.days[2].balance->withdrawals == 4);  // Monday 1, Tuesday 2, Wednesday 1
    CHECK(s.days[2].balance->value == 0);
    CHECK(*s.days[2].balance->days_since_deposit == 2);
    CHECK_FALSE(s.days[3].balance);
    CHECK_FALSE(s.days[6].balance);
    CHECK_FALSE(s.complete);
}

TEST_CASE("good moments are listed and counted per day, and are never guilt", "[week][win]") {
    Week w;
    w.win(1, 19, "Theo and I baked bread, he beamed", {"Theo"})
        .win(1, 8, "Breakfast together, no rush")
        .win(-2, 9, "last week's")
        .guilt(1, 20, 6, "Late again");
    auto s = w.summary();
    REQUIRE(s.wins.size() == 2);
    CHECK(s.wins[0].text == "Breakfast together, no rush");  // oldest first
    CHECK(s.wins[1].kids == test::Words{"Theo"});
    CHECK(s.days[1].wins == 2);
    CHECK(s.days[0].wins == 0);
    CHECK(s.guilt.count == 1);
    CHECK(s.days[1].guilt.count == 1);
}

TEST_CASE("the bank counts a good moment as neither deposit nor withdrawal", "[week][bank][win]") {
    Week with_wins, without;
    with_wins.guilt(0, 20, 5, "tired").win(0, 9, "a lovely morning").win(1, 9, "and another");
    without.guilt(0, 20, 5, "tired");
    auto a = with_wins.summary();
    auto b = without.summary();
    for (int i = 0; i < 2; ++i) {
        REQUIRE(a.days[i].balance);
        CHECK(a.days[i].balance->deposits == b.days[i].balance->deposits);
        CHECK(a.days[i].balance->withdrawals == b.days[i].balance->withdrawals);
        CHECK(a.days[i].balance->days_since_deposit == b.days[i].balance->days_since_deposit);
    }
}

TEST_CASE("every format has a Good moments section with her words escaped", "[week][render][win]") {
    auto w = full_week();
    w.win(2, 18, "Lego <castle> & a | pipe");
    auto s = w.summary();
    auto text = guilt::render_text(s, true, false);
    CHECK_THAT(text, Contains("Good"));
    CHECK_THAT(text, Contains("1 good moment"));
    CHECK_THAT(text, Contains("Lego <castle>"));
    auto md = guilt::render_markdown(s);
    CHECK_THAT(md, Contains("## Good moments"));
    CHECK_THAT(md, Contains("Lego \\<castle\\> \\& a \\| pipe"));
    auto page = guilt::render_html(s);
    CHECK_THAT(page, Contains("<h2>Good moments</h2>"));
    CHECK_THAT(page, Contains("Lego &lt;castle&gt; &amp; a | pipe"));
    auto j = guilt::render_json(s);
    CHECK(j["wins"]["count"] == 1);
    CHECK(j["wins"]["moments"][0]["text"] == "Lego <castle> & a | pipe");
    CHECK(j["days"][2]["wins"] == 1);
    CHECK(j["guilt"]["count"] == 3);
    auto empty = guilt::render_markdown(Week().summary());
    CHECK_THAT(empty, Contains("No good moments written down this week."));
}

TEST_CASE("html: chart labels sit inside the picture, whatever their length", "[week][render]") {
    auto w = full_week();
    w.engage(2, 17, 150, {"Sam"});
    auto page = guilt::render_html(w.summary());
    // The top of each axis is labelled above it from the axis rightwards (no text-anchor end
    // that would push a long label off the left edge); only the short "0" is right-aligned.
    CHECK_THAT(page, Contains("<text x=\"16\" y=\"15\">2 h 30 min</text>"));
    CHECK_THAT(page, Contains("<text x=\"13\" y=\"146\" text-anchor=\"end\">0</text>"));
    CHECK_THAT(page, Contains("<table class=\"cards\">"));
    CHECK_THAT(page, Contains("data-label=\"Engaged\""));
}

TEST_CASE("nights reflected: days with a showing or an answer, and the answers per strategy",
          "[week][reflection]") {
    Week w;
    w.in.showings = {{day(-1), "bank"}, {day(0), "facts"}, {day(0), "bank"}, {day(3), "facts"}};
    w.in.strategy_titles = {{"facts", "Look at the facts"},
                            {"bank", "Think of yourself as a bank"}};
    w.answer(7, 0, 6, "motto", "Good enough is good")  // Sunday's answer, written after midnight
        .answer(0, 22, 0, "facts", "Two hours at the park")
        .answer(-1, 22, -1, "bank", "last week");
    auto s = w.summary();
    CHECK(s.nights_reflected == 3);
    CHECK(s.days[0].reflected);
    CHECK(s.days[3].reflected);
    CHECK(s.days[6].reflected);
    CHECK_FALSE(s.days[1].reflected);
    REQUIRE(s.strategies.size() == 3);
    CHECK(s.strategies[0].id == "bank");  // in the order of the strategies
    CHECK(s.strategies[0].title == "Think of yourself as a bank");
    CHECK(s.strategies[0].days == std::vector<Date>{day(0)});
    CHECK(s.strategies[0].answers.empty());
    CHECK(s.strategies[1].id == "facts");
    CHECK(s.strategies[1].days == std::vector<Date>{day(0), day(3)});
    REQUIRE(s.strategies[1].answers.size() == 1);
    CHECK(s.strategies[1].answers[0].text == "Two hours at the park");
    CHECK(s.strategies[2].id == "motto");
    CHECK(s.strategies[2].title == "motto");  // no title given: the id
}

TEST_CASE("the change from the week before: guilt count, mean intensity, engaged minutes",
          "[week][change]") {
    Week w;
    w.guilt(-7, 9, 4, "a").guilt(-1, 9, 6, "b").engage(-3, 9, 90, {"Sam"});
    w.guilt(1, 9, 7, "c").guilt(2, 9, 7, "d").guilt(3, 9, 7, "e").engage(1, 9, 30, {"Sam"});
    w.guilt(-8, 9, 10, "two weeks ago");  // outside both weeks
    auto s = w.summary();
    CHECK(s.change.previous_guilt.count == 2);
    CHECK(*s.change.previous_guilt.mean_intensity == Approx(5));
    CHECK(s.change.guilt_count == 1);
    CHECK(*s.change.mean_intensity == Approx(2));
    CHECK(s.change.previous_engaged_minutes == 90);
    CHECK(s.change.engaged_minutes == -60);
}

TEST_CASE("with week-start sunday the week runs Sunday to Saturday", "[week][sunday]") {
    Week w;
    w.in.first_day = day(-1);  // Sunday 2026-11-22
    w.in.sunday_start = true;
    w.guilt(-1, 10, 5, "Sunday, first day").guilt(5, 10, 5, "Saturday, last day");
    w.guilt(6, 10, 5, "Sunday after: next week");
    auto s = w.summary();
    CHECK(s.first_day == Date{2026, 11, 22});
    CHECK(s.last_day == Date{2026, 11, 28});
    CHECK(s.week == guilt::IsoWeek{2026, 48});
    CHECK(s.guilt.count == 2);
    CHECK(s.days[0].guilt.count == 1);
    CHECK(s.days[6].guilt.count == 1);
    CHECK(guilt::render_json(s)["week_start"] == "sunday");
}

TEST_CASE("motto and active priorities: done ones and ended seasons are left out", "[week]") {
    Week w;
    w.in.priorities = {guilt::Priority{1, "", 2, "Sleep", std::nullopt, false},
                       guilt::Priority{2, "", 1, "Kids", std::nullopt, false},
                       guilt::Priority{3, "", 3, "Potty training", Date{2026, 11, 1}, false},
                       guilt::Priority{4, "", 0, "Old", std::nullopt, true}};
    auto s = w.summary();
    REQUIRE(s.priorities.size() == 2);
    CHECK(s.priorities[0].title == "Kids");
    CHECK(s.priorities[1].title == "Sleep");
}

TEST_CASE("text: every line fits 80 columns, in Unicode and in ASCII", "[week][render]") {
    auto s = full_week().summary();
    for (bool utf8 : {true, false}) {
        for (int width : {80, 60}) {
            auto text = guilt::render_text(s, utf8, false, width);
            for (const auto& line : test::lines_of(text)) {
                INFO(line);
                CHECK(guilt::display_width(line) <= static_cast<std::size_t>(width));
            }
        }
    }
    CHECK_THAT(guilt::render_text(s, true, false, 80), Contains("█"));
}

TEST_CASE("text: the ASCII fallback draws its bars without a byte over 0x7f", "[week][render]") {
    auto s = full_week().summary();
    auto text = guilt::render_text(s, false, false, 80);
    CHECK(std::none_of(text.begin(), text.end(),
                       [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
    CHECK_THAT(text, Contains("#"));
    CHECK_THAT(text, Contains("="));
}

TEST_CASE("text: colour only when asked", "[week][render]") {
    auto s = full_week().summary();
    CHECK_THAT(guilt::render_text(s, true, false, 80), !Contains("\x1b["));
    CHECK_THAT(guilt::render_text(s, true, true, 80), Contains("\x1b["));
}

TEST_CASE("html: one page, her text escaped, nothing external", "[week][render]") {
    auto page = guilt::render_html(full_week().summary());
    CHECK(page.rfind("<!doctype html>", 0) == 0);
    CHECK_THAT(page, Contains("<meta charset=\"utf-8\">"));
    CHECK_THAT(page, Contains("<meta name=\"viewport\""));
    CHECK_THAT(
        page,
        Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;"));
    CHECK_THAT(page, !Contains("<script"));
    CHECK_THAT(page, !Contains("http"));
    CHECK_THAT(page, Contains("<svg"));
    CHECK_THAT(page, Contains("@media print"));
}

TEST_CASE("markdown: pipe tables, her text escaped", "[week][render]") {
    auto md = guilt::render_markdown(full_week().summary());
    CHECK_THAT(md, Contains("| Day |"));
    CHECK_THAT(md, Contains("| Mon Nov 23 |"));
    CHECK_THAT(md, Contains("everything \\| and I never do"));
    CHECK_THAT(md, Contains("lego for 20 minutes \\| really"));
    CHECK_THAT(md, Contains("\\<script\\>"));
    CHECK_THAT(md, !Contains("<script>"));
}

TEST_CASE("json: the same figures, seven days", "[week][render]") {
    auto j = guilt::render_json(full_week().summary());
    CHECK(j["week"] == "2026-W48");
    CHECK(j["days"].size() == 7);
    CHECK(j["guilt"]["count"] == 3);
    CHECK(j["guilt"]["max_intensity"] == 8);
    CHECK(j["engaged"]["minutes"] == 145);
    CHECK(j["reflection"]["nights"] == 2);
    CHECK(j["motto"] == "You're a good mom.");
    CHECK(j["days"][0]["balance"]["value"] == 4);  // a 46-minute run pays 5, the day draws 1
}

TEST_CASE("formats from names and file extensions", "[week][render]") {
    using guilt::ReportFormat;
    CHECK(guilt::report_format_of_path("out/week.MD") == ReportFormat::md);
    CHECK(guilt::report_format_of_path("week.html") == ReportFormat::html);
    CHECK(guilt::report_format_of_path("week.json") == ReportFormat::json);
    CHECK(guilt::report_format_of_path("week.txt") == ReportFormat::text);
    CHECK_FALSE(guilt::report_format_of_path("week.pdf"));
    CHECK_FALSE(guilt::report_format_of_path("week"));
    CHECK_FALSE(guilt::report_format_of_path("dir.d/week"));
    CHECK(guilt::report_format_from("markdown") == ReportFormat::md);
    CHECK_FALSE(guilt::report_format_from("pdf"));
}
