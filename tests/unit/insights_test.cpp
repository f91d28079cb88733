// SPDX-License-Identifier: MIT
// Unit tests of insights (src/core/insights*.cpp) and its renderers (src/cli/insights_*.cpp):
// the seeded bootstrap, the verdict thresholds, the days counted on each side, the timing rule, and
// what each format promises.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/insights_render.hpp"
#include "guilt/core/insights.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

using Catch::Matchers::Contains;
using guilt::compare_days;
using guilt::Comparison;
using guilt::Date;
using guilt::DayGuilt;
using guilt::Entry;
using guilt::EntryType;
using guilt::FactorInsight;
using guilt::Verdict;

namespace {

// Days count from Monday 2026-11-02 (day 0); wall-clock times at -05:00.
constexpr Date kFirst{2026, 11, 2};
constexpr int kOffset = -5 * 3600;

Date day(int n) {
    return guilt::add_days(kFirst, n);
}

guilt::Timestamp at(int n, int hour, int minute = 0) {
    return test::local_at(day(n), hour, minute, kOffset);
}

std::vector<DayGuilt> days_of(std::vector<int> moments) {
    std::vector<DayGuilt> out;
    for (int m : moments)
        out.push_back({m, 5 * m, m});
    return out;
}

struct Journal {
    guilt::InsightsInput in;

    explicit Journal(int days = 28) {
        in.since = day(0);
        in.until = day(days - 1);
    }
    Journal& guilt(int n, int hour, int intensity = 5, test::Words tags = {}) {
        in.entries.push_back(
            test::guilt_moment(at(n, hour), intensity, "a moment", std::move(tags)));
        return *this;
    }
    Journal& run(int n, int hour, test::Words with = {"solo"}) {
        in.entries.push_back(test::run(at(n, hour), 5000, 1800, std::move(with)));
        return *this;
    }
    Journal& engage(int n, int hour, int minutes, bool child_led) {
        in.entries.push_back(test::engage(at(n, hour), minutes, {"Sam"}, child_led));
        return *this;
    }
    Journal& deposit(int n, int hour) {
        in.entries.push_back(test::deposit(at(n, hour), 30, "nap"));
        return *this;
    }
    guilt::Insights insights() const { return guilt::compute_insights(in); }
};

const FactorInsight& factor(const guilt::Insights& s, std::string_view id) {
    auto it = std::find_if(s.factors.begin(), s.factors.end(),
                           [&](const FactorInsight& f) { return f.id == id; });
    REQUIRE(it != s.factors.end());
    return *it;
}

// 40 days: on even days 20 child-led minutes at 08:00 and one moment at 19:00; on odd days three
// moments from 12:00, four on half of them (days that all looked alike would make an interval of
// no width, which is never clear); deposits at 07:00 on two days of every four, half of them even
// days, and as many four-moment days with a deposit as without.
Journal lighter_with_child_led() {
    Journal j(40);
    for (int n = 0; n < 40; ++n) {
        if (n % 2 == 0)
            j.engage(n, 8, 20, true).guilt(n, 19, 3);
        else
            j.guilt(n, 12, 7).guilt(n, 19, 7).guilt(n, 21, 7);
        if (n % 8 == 5 || n % 8 == 7) j.guilt(n, 22, 7);
        if (n % 4 < 2) j.deposit(n, 7);
    }
    return j;
}

bool has_factor(const guilt::Insights& s, std::string_view id) {
    return std::any_of(s.factors.begin(), s.factors.end(),
                       [&](const FactorInsight& f) { return f.id == id; });
}

}  // namespace

TEST_CASE("the bootstrap gives the same interval for the same days and seed",
          "[insights][bootstrap]") {
    auto with = days_of({0, 1, 0, 2, 1, 0, 1});
    auto without = days_of({2, 3, 1, 2, 4, 2, 3, 2});
    auto seed = guilt::data_seed("run", with, without);
    auto a = compare_days(with, without, seed);
    auto b = compare_days(with, without, seed);
    REQUIRE(a.interval);
    CHECK(*a.interval == *b.interval);
    CHECK(seed == guilt::data_seed("run", with, without));
    // The seed follows the data: another factor or another day's figures give another seed.
    CHECK(seed != guilt::data_seed("deposit", with, without));
    auto changed = without;
    changed[0].moments = 3;
    CHECK(seed != guilt::data_seed("run", with, changed));
    // The interval holds the difference of the means.
    REQUIRE(a.difference);
    CHECK((*a.interval)[0] <= *a.difference);
    CHECK(*a.difference <= (*a.interval)[1]);
    CHECK(*a.difference == Approx(5.0 / 7 - 19.0 / 8));
}

TEST_CASE("a verdict needs seven days on each side", "[insights][verdict]") {
    auto two = compare_days(days_of({0, 0}), days_of({4, 4, 4, 4}), 1);
    CHECK(two.verdict == Verdict::not_enough_days);
    CHECK_FALSE(two.interval);
    REQUIRE(two.difference);  // the figures are still there to read
    CHECK(*two.difference == Approx(-4));
    CHECK(compare_days(days_of({0, 0, 0, 0}), days_of({4, 4}), 1).verdict ==
          Verdict::not_enough_days);
    auto none = compare_days({}, days_of({1, 2, 3}), 1);
    CHECK(none.verdict == Verdict::not_enough_days);
    CHECK_FALSE(none.difference);
    // 4 days against 4, however far apart, is not clear (issue 20: it was).
    CHECK(compare_days(days_of({0, 1, 0, 1}), days_of({4, 5, 4, 5}), 1).verdict ==
          Verdict::not_enough_days);
    CHECK(compare_days(days_of({0, 1, 0, 1, 0, 1}), days_of({4, 5, 4, 5, 4, 5, 4}), 1).verdict ==
          Verdict::not_enough_days);
    CHECK(compare_days(days_of({0, 1, 0, 1, 0, 1, 0}), days_of({4, 5, 4, 5, 4, 5, 4}), 1).verdict ==
          Verdict::clear);
}

TEST_CASE("clear when the interval leaves out 0, unclear when it holds 0", "[insights][verdict]") {
    auto lighter = compare_days(days_of({0, 1, 0, 1, 0, 1, 0}), days_of({3, 4, 3, 4, 3, 4, 3}), 7);
    CHECK(lighter.verdict == Verdict::clear);
    CHECK((*lighter.interval)[1] < 0);
    auto heavier = compare_days(days_of({3, 4, 3, 4, 3, 4, 3}), days_of({0, 1, 0, 1, 0, 1, 0}), 7);
    CHECK(heavier.verdict == Verdict::clear);
    CHECK((*heavier.interval)[0] > 0);
    auto same = compare_days(days_of({0, 2, 1, 3, 0, 2, 1}), days_of({2, 0, 3, 1, 2, 0, 1}), 7);
    CHECK(same.verdict == Verdict::unclear);
    CHECK((*same.interval)[0] < 0);
    CHECK((*same.interval)[1] > 0);
    // No guilt at all on either side: a difference of exactly 0 is not a clear one.
    CHECK(compare_days(days_of({0, 0, 0, 0, 0, 0, 0}), days_of({0, 0, 0, 0, 0, 0, 0}), 7).verdict ==
          Verdict::unclear);
}

TEST_CASE("an interval of no width is not clear", "[insights][verdict]") {
    // Every day alike on each side: every resample gives -1.0, an interval from -1.0 to -1.0
    // that leaves out 0 yet says nothing of how sure the difference is.
    auto flat =
        compare_days(days_of({0, 0, 0, 0, 0, 0, 0, 0}), days_of({1, 1, 1, 1, 1, 1, 1, 1}), 3);
    REQUIRE(flat.interval);
    CHECK((*flat.interval)[0] == Approx(-1.0));
    CHECK((*flat.interval)[1] == Approx(-1.0));
    CHECK(flat.verdict == Verdict::unclear);
}

TEST_CASE("days before she first logged a kind of entry are not days without it",
          "[insights][days]") {
    // Ten days of two moments before her first run; then ten days, a run on every other one.
    Journal j(20);
    for (int n = 0; n < 20; ++n)
        j.guilt(n, 20).guilt(n, 21);
    for (int n = 10; n < 20; n += 2)
        j.run(n, 7);
    auto s = j.insights();
    const auto& run = factor(s, "run");
    REQUIRE(run.counted_from);
    CHECK(*run.counted_from == day(10));
    CHECK(run.days_left_out == 10);
    CHECK(run.comparison.with.days == 5);
    CHECK(run.comparison.without.days == 5);
    CHECK(factor(s, "run-with-moms").comparison.without.days == 10);  // any run starts it
    // No deposit ever: no day counts, on either side.
    const auto& deposit = factor(s, "deposit");
    CHECK_FALSE(deposit.counted_from);
    CHECK(deposit.days_left_out == 20);
    CHECK(deposit.comparison.without.days == 0);
    CHECK_THAT(guilt::insight_words(run), Contains("10 days before Nov 12, 2026, before the first "
                                                   "one you logged, are left out."));
    auto json = guilt::render_json(s);
    for (const auto& f : json["factors"])
        if (f["factor"] == "run") {
            CHECK(f["counted_from"] == "2026-11-12");
            CHECK(f["days_left_out"] == 10);
        }

    // A run logged before the window: every day of the window counts.
    j.in.first_logged = [](std::string_view kind) -> std::optional<Date> {
        if (kind == "run") return Date{2026, 6, 1};
        return std::nullopt;
    };
    const auto all = j.insights();
    CHECK(*factor(all, "run").counted_from == day(0));
    CHECK(factor(all, "run").days_left_out == 0);
    CHECK(factor(all, "run").comparison.without.days == 15);
}

TEST_CASE("her day ends at the day-boundary hour", "[insights][days]") {
    // A night shift: a moment at 01:30 and a run home at 02:00 after day 0 are day 0's.
    Journal j(2);
    j.guilt(0, 22);
    j.in.entries.push_back(
        test::guilt_moment(test::local_at(day(1), 1, 30, kOffset), 5, "a moment", {}));
    j.in.entries.push_back(test::run(test::local_at(day(1), 2, 0, kOffset), 5000, 1800, {"solo"}));
    j.guilt(1, 9);
    auto s = j.insights();
    const auto& run = factor(s, "run").comparison;
    CHECK(run.with.days == 1);
    CHECK(run.with.moments_per_day == Approx(0.0));  // her day 0's moments came before the run
    CHECK(run.without.days == 1);
    guilt::use_day_boundary(0);
    auto calendar = j.insights();
    guilt::use_day_boundary(4);
    CHECK(factor(calendar, "run").comparison.with.moments_per_day == Approx(1.0));  // 09:00
}

TEST_CASE("days are counted on each side, and days without entries on neither",
          "[insights][days]") {
    Journal j(10);
    j.run(0, 6).run(1, 6, {"moms"}).run(2, 13, {"moms", "kids"});
    j.engage(3, 16, 9, true);                         // 9 minutes: not 10
    j.engage(4, 16, 5, true).engage(4, 17, 5, true);  // 5 + 5 child-led: 10
    j.engage(5, 16, 30, false);                       // not child-led
    j.deposit(5, 12);
    j.guilt(6, 20).guilt(7, 20);
    // Days 8 and 9: nothing written; an entry the day after the window is ignored.
    j.run(10, 6);
    auto s = j.insights();
    CHECK(s.days == 10);
    CHECK(s.journal_days == 8);
    CHECK(factor(s, "run").comparison.with.days == 3);
    CHECK(factor(s, "run").comparison.without.days == 5);
    CHECK(factor(s, "run-with-moms").comparison.with.days == 2);
    CHECK(factor(s, "run-early").comparison.with.days == 2);  // 06:00, before family hours
    // Child-led time and deposits count from the first engaged time (day 3) and deposit (day 5).
    CHECK(factor(s, "child-led-10").comparison.with.days == 1);
    CHECK(factor(s, "child-led-10").comparison.without.days == 4);
    CHECK(factor(s, "deposit").comparison.with.days == 1);
    CHECK(factor(s, "deposit").comparison.without.days == 2);
    CHECK(factor(s, "win").comparison.with.days == 0);
}

TEST_CASE("a same-day factor counts for the guilt after it, on both sides the same hours",
          "[insights][timing]") {
    Journal j(6);
    // Runs at 12:00 on days 0-2: one moment before each run, one after.
    for (int n = 0; n < 3; ++n)
        j.run(n, 12).guilt(n, 8, 9).guilt(n, 18, 3);
    // Days without: at 08:00 and 18:00 too, and a moment after 18:00 on day 5.
    for (int n = 3; n < 6; ++n)
        j.guilt(n, 8, 9).guilt(n, 18, 3);
    j.guilt(5, 19, 3);
    const auto insights = j.insights();
    const auto& run = factor(insights, "run");
    REQUIRE(run.without_from_minute);
    CHECK(*run.without_from_minute == 12 * 60);
    const auto& c = run.comparison;
    CHECK(c.with.moments_per_day == Approx(1.0));  // the 08:00 moments came before
    CHECK(c.with.mean_intensity == Approx(3.0));
    CHECK(c.without.moments_per_day == Approx(4.0 / 3));  // only those after 12:00
    CHECK(c.without.mean_intensity == Approx(3.0));
    CHECK(c.difference == Approx(1.0 - 4.0 / 3));
}

TEST_CASE("reflecting the night before counts for the whole next day", "[insights][timing]") {
    Journal j(8);
    for (int n = 0; n < 8; ++n)
        j.guilt(n, 7, 5).guilt(n, 20, 5);
    j.guilt(1, 9).guilt(3, 9).guilt(5, 9);  // the days after a night without reflecting
    // Reflect showed "facts" for days 1, 3 and 5, and she answered a prompt for day -1 (the
    // night before the window) the next morning.
    j.in.showings = {{day(1), "facts"}, {day(3), "facts"}, {day(5), "facts"}};
    Entry answer;
    answer.type = EntryType::reflection;
    answer.at = at(0, 6);
    answer.date = guilt::format_date(day(-1));
    answer.strategy = "bank";
    j.in.entries.push_back(answer);
    j.in.strategy_titles = {{"facts", "Look at the facts"}};
    auto s = j.insights();
    const auto& reflected = factor(s, "reflected").comparison;
    CHECK(reflected.with.days == 4);  // days 0, 2, 4, 6
    CHECK(reflected.without.days == 4);
    CHECK(reflected.with.moments_per_day == Approx(2.0));  // 07:00 counts: the night came first
    CHECK(reflected.without.moments_per_day == Approx(2.75));
    const auto& facts = factor(s, "strategy:facts");
    CHECK(facts.title == "\"Look at the facts\" the night before");
    CHECK(facts.comparison.with.days == 3);       // the answer for day -1 was not about facts
    CHECK_FALSE(has_factor(s, "strategy:bank"));  // never shown
}

TEST_CASE("a strategy she answered the night before is a factor of its own", "[insights][timing]") {
    Journal j(8);
    for (int n = 0; n < 8; ++n)
        j.guilt(n, 20, 5);
    j.in.showings = {{day(1), "facts"}, {day(3), "facts"}, {day(5), "facts"}};
    auto reflection = [&](int night, std::string answer) {
        Entry e;
        e.type = EntryType::reflection;
        e.at = at(night, 22);
        e.date = guilt::format_date(day(night));
        e.strategy = "facts";
        e.text = std::move(answer);
        j.in.entries.push_back(e);
    };
    reflection(1, "It was one evening, not a pattern.");
    reflection(3, "  ");  // a blank answer is no answer
    reflection(5, "He was fine by bedtime.");
    j.in.strategy_titles = {{"facts", "Look at the facts"}};
    auto s = j.insights();
    CHECK(factor(s, "strategy:facts").comparison.with.days == 3);  // days 2, 4 and 6
    const auto& answered = factor(s, "answered:facts");
    CHECK(answered.title == "\"Look at the facts\" answered the night before");
    CHECK(answered.comparison.with.days == 2);  // days 2 and 6
    // Days 3, 4, 5 and 7: the days up to her first reflected night (day 1) are not days without.
    CHECK(answered.comparison.without.days == 4);
    CHECK_FALSE(has_factor(s, "answered:bank"));
}

TEST_CASE("frequent tags become trigger factors, the tagged moment itself not counted",
          "[insights][tags]") {
    Journal j(10);
    for (int n : {0, 2, 4})
        j.guilt(n, 9, 6, {"school"}).guilt(n, 19, 4);
    for (int n : {1, 3})
        j.guilt(n, 9, 6, {"work"});
    for (int n : {5, 6, 7})
        j.guilt(n, 19, 4);
    auto s = j.insights();
    REQUIRE(has_factor(s, "tag:school"));
    CHECK_FALSE(has_factor(s, "tag:work"));  // on 2 days only
    const auto& school = factor(s, "tag:school").comparison;
    CHECK(school.with.days == 3);
    CHECK(school.with.moments_per_day == Approx(1.0));  // the 19:00 moment, not the 09:00 one
    CHECK(school.without.days == 5);
}

TEST_CASE("insights are the same for the same journal, clear ones first", "[insights][order]") {
    auto j = lighter_with_child_led();
    auto a = j.insights(), b = j.insights();
    REQUIRE(a.factors.size() == b.factors.size());
    for (std::size_t i = 0; i < a.factors.size(); ++i) {
        CHECK(a.factors[i].id == b.factors[i].id);
        CHECK(a.factors[i].comparison.interval == b.factors[i].comparison.interval);
    }
    CHECK(a.factors.front().id == "child-led-10");
    CHECK(a.factors.front().comparison.verdict == Verdict::clear);
    CHECK(factor(a, "deposit").comparison.verdict == Verdict::unclear);
    CHECK(a.factors.back().comparison.verdict == Verdict::not_enough_days);
}

TEST_CASE("the words never claim more than the verdict", "[insights][render]") {
    auto j = lighter_with_child_led();
    j.run(3, 6).run(9, 6);
    auto s = j.insights();
    auto child = guilt::insight_words(factor(s, "child-led-10"));
    CHECK_THAT(child, Contains("On 20 days with a child-led 10 minutes you logged 1.0 moment a day "
                               "after it, against 3.5 on 20 days without"));
    CHECK_THAT(child, Contains("the difference is clear"));
    CHECK_THAT(guilt::insight_words(factor(s, "deposit")), Contains("no clear difference yet"));
    CHECK(guilt::insight_words(factor(s, "run")) ==
          "A run: not enough days yet: 2 with, 35 without (each side needs 7). 3 days before Nov "
          "5, 2026, before the first one you logged, are left out.");

    auto text = guilt::render_text(s, true, false, 80);
    std::size_t lines = std::count(text.begin(), text.end(), '\n');
    CHECK(lines <= 24);  // one screen
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        CHECK(guilt::display_width(text.substr(start, end - start)) <= 80);
        start = end + 1;
    }
    CHECK(text.find("child-led") < text.find("deposit"));  // the most telling first

    auto json = guilt::render_json(s);
    CHECK(json["days"] == 40);
    CHECK(json["factors"][0]["factor"] == "child-led-10");
    CHECK(json["factors"][0]["verdict"] == "clear");
    CHECK(json["factors"][0]["difference"] == -2.5);

    auto page = guilt::render_html(s);
    CHECK(page.find("http") == std::string::npos);
    CHECK(page.find("<script") == std::string::npos);
    CHECK_THAT(page, Contains("<svg"));
}

TEST_CASE("a few days of journal say there are not enough days", "[insights][render]") {
    Journal j(5);
    for (int n = 0; n < 5; ++n)
        j.guilt(n, 20).run(n % 2 == 0 ? n : 99, 6);
    auto s = j.insights();
    for (const auto& f : s.factors)
        CHECK(f.comparison.verdict == Verdict::not_enough_days);
    CHECK_THAT(guilt::render_text(s, false, false), Contains("Not enough days yet"));
}

TEST_CASE("a factor named in wide characters keeps the terminal's width and is shown whole",
          "[insights][render]") {
    // A tag of 12 CJK characters: "#坏妈妈… as a trigger" takes 38 columns, the name column 10
    // to 30, so the name goes on over lines measured in columns, not in code points.
    const std::string tag = "坏妈妈坏妈妈坏妈妈坏妈妈";
    Journal j(20);
    for (int n = 0; n < 10; ++n)
        j.guilt(n, 9, 6, {tag}).guilt(n, 19, 4).guilt(n, 20, 4);
    for (int n = 10; n < 20; ++n)
        j.guilt(n, 19, 4);
    auto s = j.insights();
    REQUIRE(has_factor(s, "tag:" + tag));
    REQUIRE(factor(s, "tag:" + tag).comparison.verdict != Verdict::not_enough_days);
    for (int width : {70, 80}) {  // at 60 the table's key line alone takes 68
        auto text = guilt::render_text(s, true, false, width);
        std::string shown;
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            auto line = text.substr(start, end - start);
            INFO(line);
            CHECK(guilt::display_width(line) <= static_cast<std::size_t>(width));
            for (std::size_t at = line.find("坏"); at != std::string::npos;
                 at = line.find("坏", at + 1))
                shown += "x";
            start = end + 1;
        }
        // Every one of the name's four 坏 is in the table (and in the words below it).
        CHECK(shown.size() >= 4);
    }
}
