// SPDX-License-Identifier: MIT
// Unit tests of the better-mom strategy (src/core/reflect/better_mom.cpp): it fires on its evidence
// and stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- better-mom -------------------------------------------------------------------------------

TEST_CASE("better-mom fires when guilt is a full point lower on run days",
          "[reflect][better-mom]") {
    auto j = run_and_rest_days(3, 3, 3, 4);
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->situation == "lower-on-run-days");
    CHECK(f->vars.at("run_mean") == "3.0");
    CHECK(f->vars.at("rest_mean") == "4.0");
    CHECK(f->vars.at("run_days") == "3 run days");
    CHECK(f->vars.at("rest_days") == "3 other days");
    CHECK(f->vars.at("window_days") == "6");
    // Today's moment (7) and the three runs, newest first.
    CHECK(ids(*f) == Ids{7, 1, 3, 5});
}

TEST_CASE("better-mom's lighter run days answer her time, presence, yelling and tiredness only",
          "[reflect][better-mom][stock]") {
    struct Case {
        const char* words;
        const char* topic;  // "" for silence
    };
    for (auto [words, topic] :
         {Case{"Too distracted to listen to Sam at dinner", "attention and presence"},
          Case{"I screamed at Owen over his shoes", "discipline and yelling"},
          Case{"Stayed late at the office to finish the quarterly report", ""},
          Case{"Small wobble about the laundry pile", ""}}) {
        INFO(words);
        // Guilt at 2 on three run days, at 6 on three other days, and tonight's at 5.
        Journal j;
        for (int d : {-1, -3, -5}) {
            j.run(d, "06:00", 30, {"friends"});
            j.guilt(d, "19:00", 2, "Late pickup");
        }
        for (int d : {-2, -4, -6})
            j.guilt(d, "19:00", 6, "Late with dinner");
        j.guilt(0, "20:00", 5, words);
        auto findings = j.reflect();
        const Finding* f = find(findings, "better-mom");
        if (*topic) {
            REQUIRE(f);
            CHECK(f->situation == "lower-on-run-days-topic");
            CHECK(f->vars.at("topic") == topic);
        } else {
            CHECK_FALSE(f);
            CHECK_THAT(why_silent(j, "better-mom"), Contains("which this line does not answer"));
        }
    }
}

TEST_CASE("better-mom stays quiet when the gap is under one point", "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 3, 3, 4);
    j.guilt(-3, "20:00", 5, "Late with dinner");  // run day 3 averages 4: run mean 3.3
    CHECK_FALSE(fires(j, "better-mom"));
}

TEST_CASE("better-mom compares only with three days on each side", "[reflect][better-mom]") {
    CHECK_FALSE(fires(run_and_rest_days(2, 2, 3, 6), "better-mom"));
    CHECK_FALSE(fires(run_and_rest_days(3, 2, 2, 6), "better-mom"));
    CHECK(situation(run_and_rest_days(3, 2, 3, 6), "better-mom") == "lower-on-run-days");
}

TEST_CASE("better-mom counts a day without guilt as a day, not as guilt at zero",
          "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 1, 3, 4);
    j.engage(-6, "17:00", 30);  // a rest day with no guilt: the mean is of her moments, 4
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->vars.at("rest_mean") == "4.0");
    CHECK(f->vars.at("rest_moments") == "3 moments");
    CHECK(f->vars.at("rest_days") == "4 other days");
}

TEST_CASE("better-mom needs three days without a run that had guilt logged",
          "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 1, 2, 5);
    j.engage(-6, "17:00", 30);  // a third rest day, but without guilt
    CHECK_FALSE(fires(j, "better-mom"));
    j.guilt(-6, "19:00", 5, "Late with dinner");
    CHECK(situation(j, "better-mom") == "lower-on-run-days");
}

TEST_CASE("better-mom counts a day holding only a reflection as a day without guilt",
          "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 3, 3, 4);
    Entry answer;
    answer.type = EntryType::reflection;
    answer.at = at(-6, "12:30");  // a day with nothing else (00:30 would be the day before's)
    answer.text = "A walk tomorrow";
    answer.strategy = "bank";
    j.add(answer);
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->vars.at("rest_days") == "4 other days");  // every day of the window counts
    CHECK(f->vars.at("rest_mean") == "4.0");           // the answer is no guilt
}

TEST_CASE("better-mom answers guilt about running", "[reflect][better-mom]") {
    Journal j;
    auto r = j.run(-1, "06:00");
    auto g = j.guilt(0, "08:00", 6, "Went for a run while they were at grandma's");
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->situation == "about-running-few-days");  // too few days to compare: it says so
    CHECK(f->vars.at("quote") == "\"Went for a run while they were at grandma's\"");
    CHECK(ids(*f) == Ids{g, r});
}

TEST_CASE("better-mom keeps quiet about running when her run days are heavier",
          "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 6, 3, 2);
    j.guilt(0, "20:00", 2, "Skipped bath time for a run");
    CHECK_FALSE(fires(j, "better-mom"));
}

TEST_CASE("better-mom needs guilt on the reviewed day", "[reflect][better-mom]") {
    Journal j = run_and_rest_days(3, 3, 4, 5);  // rest days 0, -2, -4 and -6
    REQUIRE(fires(j, "better-mom"));
    j.in.entries.erase(j.in.entries.begin() + 6);  // tonight's moment: the numbers still hold
    CHECK_FALSE(fires(j, "better-mom"));
}

TEST_CASE("better-mom counts every day of the window, and says when there are too few",
          "[reflect][better-mom]") {
    auto j = facts_and_numbers();
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    // Tonight's moment is about yelling, which lighter run days answer: the wording names it.
    CHECK(f->situation == "lower-on-run-days-topic");
    CHECK(f->vars.at("topic") == "discipline and yelling");
    CHECK(f->vars.at("run_days") == "6 run days");
    CHECK(f->vars.at("rest_days") == "7 other days");  // 13 days in all
    CHECK(f->vars.at("run_mean") == "2.0");
    CHECK(f->vars.at("rest_mean") == "6.3");  // 6 six times and the 8 tonight
    Journal few;
    few.run(-1, "06:00");
    few.guilt(0, "20:00", 5, "Guilty about my run this morning");
    auto quiet = few.reflect();
    REQUIRE(find(quiet, "better-mom"));
    CHECK(find(quiet, "better-mom")->situation == "about-running-few-days");
}
