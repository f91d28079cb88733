// SPDX-License-Identifier: MIT
// Unit tests of the schedule strategy (src/core/reflect/schedule.cpp): it fires on its evidence and
// stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- schedule ---------------------------------------------------------------------------------

TEST_CASE("schedule fires when guilt follows runs in family hours", "[reflect][schedule]") {
    Journal j;
    auto r1 = j.run(-2, "07:30", 30);  // Monday, breakfast
    auto g1 = j.guilt(-2, "09:00", 5, "Missed breakfast with them for my run");
    auto r2 = j.run(-1, "17:00", 45);  // Tuesday, after school
    auto g2 = j.guilt(-1, "19:00", 5, "Missed bath time");
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    REQUIRE(f);
    CHECK(f->situation == "family-hour-runs");
    CHECK(f->vars.at("runs") == "2 runs");
    CHECK(f->vars.at("times") == "Mon 07:30-08:00 and Tue 17:00-17:45");
    CHECK(f->vars.at("window_days") == "14");
    CHECK(ids(*f) == Ids{g2, r2, g1, r1});
}

// A run is in family hours when at least 20 minutes of its span fall in them (or all of a
// shorter run).
TEST_CASE("schedule's weekday mornings run from 07:00 to 08:30", "[reflect][schedule]") {
    CHECK_FALSE(second_run_in_family_hours(-2, "06:00", 79));  // 19 minutes of breakfast
    CHECK(second_run_in_family_hours(-2, "06:00", 80));
    CHECK(second_run_in_family_hours(-2, "07:00", 0));  // no duration: its starting minute
    CHECK(second_run_in_family_hours(-2, "08:10", 30));
    CHECK_FALSE(second_run_in_family_hours(-2, "08:11", 30));
}

TEST_CASE("schedule's weekday evenings run from 16:30 to 20:30", "[reflect][schedule]") {
    CHECK_FALSE(second_run_in_family_hours(-2, "16:00", 49));
    CHECK(second_run_in_family_hours(-2, "16:00", 50));
    CHECK(second_run_in_family_hours(-2, "20:10", 30));
    CHECK_FALSE(second_run_in_family_hours(-2, "20:11", 30));
    CHECK_FALSE(second_run_in_family_hours(-2, "12:00", 60));  // a lunchtime run
}

TEST_CASE("schedule's weekends are family time from 08:30 to 20:30", "[reflect][schedule]") {
    REQUIRE(guilt::iso_weekday(day(-4)) == 6);
    CHECK_FALSE(second_run_in_family_hours(-4, "07:00", 95));  // home at 08:35: an early run
    CHECK_FALSE(second_run_in_family_hours(-4, "07:00", 109));
    CHECK(second_run_in_family_hours(-4, "07:00", 110));
    CHECK(second_run_in_family_hours(-3, "12:00", 60));  // Sunday lunchtime
    CHECK(second_run_in_family_hours(-4, "20:10", 30));
    CHECK_FALSE(second_run_in_family_hours(-4, "20:11", 30));
}

TEST_CASE("schedule counts guilt within six hours of a run, the same day", "[reflect][schedule]") {
    auto with_gap = [](int seconds) {
        Journal j;
        j.run(-1, "17:00", 45);
        j.guilt(-1, "19:00", 5, "Missed bath time");
        j.run(-2, "07:30", 30);
        Entry g;
        g.type = EntryType::guilt;
        g.at = {at(-2, "07:30").utc + seconds, kOffset};
        g.intensity = 5;
        g.text = "Rushed them out the door for my run";
        j.add(g);
        return situation(j, "schedule");
    };
    CHECK(with_gap(6 * 3600) == "family-hour-runs");
    CHECK(with_gap(6 * 3600 + 1) != "family-hour-runs");
    CHECK(with_gap(0) != "family-hour-runs");

    Journal j;  // guilt the next morning does not follow the evening run
    j.run(-1, "17:00", 45);
    j.guilt(-1, "19:00", 5, "Missed bath time");
    j.run(-3, "20:00", 30);
    j.guilt(-2, "00:30", 5, "Still up");
    CHECK_FALSE(fires(j, "schedule"));
}

TEST_CASE("schedule needs one of those runs in the last seven days", "[reflect][schedule]") {
    Journal j;
    j.run(-9, "07:30", 30);
    j.guilt(-9, "09:00", 5, "Rushed breakfast for my run");
    j.run(-8, "17:00", 45);
    j.guilt(-8, "19:00", 5, "Missed bath time");
    CHECK_FALSE(fires(j, "schedule"));
    j.run(-7, "17:00", 45);
    j.guilt(-7, "19:00", 5, "Missed bath time again");
    CHECK_FALSE(fires(j, "schedule"));
    j.run(-6, "17:00", 45);
    j.guilt(-6, "19:00", 5, "Missed bath time again");
    CHECK(situation(j, "schedule") == "family-hour-runs");
}

TEST_CASE("schedule looks back fourteen days for family-hour runs", "[reflect][schedule]") {
    Journal j;
    j.run(-14, "07:30", 30);
    j.guilt(-14, "09:00", 5, "Rushed breakfast for my run");
    j.run(-1, "17:00", 45);
    j.guilt(-1, "19:00", 5, "Missed bath time");
    CHECK_FALSE(fires(j, "schedule"));
    j.run(-13, "07:30", 30);
    j.guilt(-13, "09:00", 5, "Rushed breakfast for my run");
    CHECK(situation(j, "schedule") == "family-hour-runs");
}

TEST_CASE("schedule fires when engaged time is missing on most days and the guilt is about time",
          "[reflect][schedule]") {
    auto j = engaged_week(2, 0, kAboutAttention);
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    REQUIRE(f);
    CHECK(f->situation == "engaged-few-days");
    CHECK(f->vars.at("engaged_days") == "2 of the last 7 days");
    CHECK(f->vars.at("missing_days") == "5 days");
    CHECK(ids(*f) == Ids{4, 3, 2});  // tonight's moment and the two engaged times
}

TEST_CASE("schedule calls engaged time on four of seven days enough", "[reflect][schedule]") {
    auto j = engaged_week(3, 0, kAboutAttention);
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    REQUIRE(f);
    CHECK(f->situation == "engaged-few-days");
    CHECK(f->vars.at("engaged_days") == "3 of the last 7 days");
    CHECK(f->vars.at("missing_days") == "4 days");
    CHECK_FALSE(fires(engaged_week(4, 0, kAboutAttention), "schedule"));
}

TEST_CASE("schedule counts engaged time of the last seven days only", "[reflect][schedule]") {
    auto j = engaged_week(3, 0, kAboutAttention);
    j.engage(-7, "17:00", 20, {"Sam"});
    CHECK(situation(j, "schedule") == "engaged-few-days");
}

TEST_CASE("schedule judges a young journal by the days it knows, four at least",
          "[reflect][schedule]") {
    auto j = engaged_week(2, 0, kAboutAttention);
    j.in.entries.erase(j.in.entries.begin());  // the nap on day -6: six days known
    j.in.entries.erase(j.in.entries.begin());  // the engaged time on day -6: one of six
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    REQUIRE(f);
    CHECK(f->vars.at("engaged_days") == "1 of the last 6 days");
    CHECK(f->vars.at("missing_days") == "5 days");

    Journal young;  // three days known: too few to say "most days"
    young.guilt(-2, "19:00", 4, "Late with dinner");
    young.guilt(0, "20:00", 5, kAboutAttention);
    CHECK_FALSE(fires(young, "schedule"));
}

TEST_CASE("schedule counts a run the kids took part in as a day together", "[reflect][schedule]") {
    auto j = engaged_week(2, 0, kAboutAttention);  // engaged on days -6 and -5 of seven
    j.run(-3, "17:30", 35, {"kids"});
    j.run(-1, "17:30", 35, {"kids"});
    CHECK_FALSE(fires(j, "schedule"));  // together on four of seven days
}

TEST_CASE("schedule speaks of missing engaged time only on a night with guilt",
          "[reflect][schedule]") {
    CHECK(situation(engaged_week(0, 1, "Forgot the permission slip"), "schedule") ==
          "engaged-few-days");
    auto j = engaged_week(0, 2, "Forgot the permission slip");
    j.in.entries.pop_back();  // tonight's moment
    CHECK_FALSE(fires(j, "schedule"));
}

TEST_CASE("schedule shown yesterday needs a new day without engaged time",
          "[reflect][nagging][schedule]") {
    Journal j;
    j.guilt(-7, "20:00", 3, "Tired");
    j.engage(-5, "17:00", 20);
    j.in.last_shown["schedule"] = day(-1);
    j.engage(0, "17:00", 20);
    j.guilt(0, "20:00", 4, "Worked late again", {"work"});
    CHECK_FALSE(fires(j, "schedule"));  // today had engaged time: no new gap
    Journal k;
    k.guilt(-7, "20:00", 3, "Tired");
    k.engage(-5, "17:00", 20);
    k.in.last_shown["schedule"] = day(-1);
    k.guilt(0, "20:00", 4, "Worked late again", {"work"});
    CHECK(situation(k, "schedule") == "engaged-few-days");
}

TEST_CASE("schedule never counts runs with the kids, nor an early weekend run",
          "[reflect][schedule]") {
    Journal j;
    j.run(-2, "17:30", 35, {"kids"});
    j.guilt(-2, "19:30", 3, "The stroller run made dinner late", {"running"});
    j.run(0, "17:30", 35, {"kids"});
    j.guilt(0, "20:00", 3, "Another run with the stroller, bath time was rushed", {"running"});
    CHECK_FALSE(fires(j, "schedule"));
    Journal early;  // Saturday -4 and Sunday -3, 07:00 to 08:35
    early.run(-4, "07:00", 95);
    early.guilt(-4, "11:00", 4, "Guilty about my long run", {"running"});
    early.run(-3, "07:00", 95);
    early.guilt(-3, "11:00", 4, "Guilty about my long run again", {"running"});
    CHECK_FALSE(fires(early, "schedule"));
}

TEST_CASE("schedule names day and span, and counts only guilt about the run or being away",
          "[reflect][schedule]") {
    Journal j;
    j.run(-2, "17:30", 45);
    j.guilt(-2, "20:00", 3, "Bake sale forms again", {"school"});
    j.run(0, "17:30", 45);
    j.guilt(0, "20:00", 3, "Bake sale forms again", {"school"});
    CHECK_FALSE(fires(j, "schedule"));
    Journal k;
    k.run(-2, "17:30", 45);
    k.guilt(-2, "20:00", 3, "Missed bath time for my run");
    k.run(0, "17:30", 45);
    k.guilt(0, "20:00", 3, "Missed bath time for my run again");
    auto findings = k.reflect();
    const Finding* f = find(findings, "schedule");
    REQUIRE(f);
    CHECK(f->situation == "family-hour-runs");
    CHECK(f->vars.at("times") == "Mon 17:30-18:15 and Wed 17:30-18:15");
    CHECK(f->vars.at("runs") == "2 runs");
}
