// SPDX-License-Identifier: MIT
// Unit tests of the listen strategy (src/core/reflect/listen.cpp): it fires on its evidence and
// stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- listen -----------------------------------------------------------------------------------

TEST_CASE("listen fires on three moments about one trigger over two days", "[reflect][listen]") {
    Journal j;
    auto g1 = j.guilt(-2, "16:00", 4, "Gave him the iPad so I could think");
    auto g2 = j.guilt(0, "09:00", 4, "iPad at breakfast");
    auto g3 = j.guilt(0, "17:00", 5, "Netflix babysat again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->situation == "recurring");
    CHECK(f->vars.at("topic") == "screen time");
    CHECK(f->vars.at("count") == "3 times");
    CHECK(f->vars.at("days") == "3");
    CHECK(f->vars.at("first") == "Monday, Nov 23");
    CHECK(ids(*f) == Ids{g3, g2, g1});
}

TEST_CASE("listen calls three moments on one day a hard day, not a pattern", "[reflect][listen]") {
    Journal j;
    j.guilt(0, "08:00", 4, "Gave him the iPad so I could think");
    j.guilt(0, "09:00", 4, "iPad at breakfast");
    j.guilt(0, "17:00", 5, "Netflix babysat again");
    CHECK_FALSE(fires(j, "listen"));
}

TEST_CASE("listen needs three moments", "[reflect][listen]") {
    Journal j;
    j.guilt(-2, "16:00", 4, "Gave him the iPad so I could think");
    j.guilt(0, "17:00", 5, "Netflix babysat again");
    CHECK_FALSE(fires(j, "listen"));
}

TEST_CASE("listen looks back fourteen days", "[reflect][listen]") {
    Journal j;
    j.guilt(-13, "16:00", 4, "Gave him the iPad so I could think");
    j.guilt(0, "09:00", 4, "iPad at breakfast");
    j.guilt(0, "17:00", 5, "Netflix babysat again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->vars.at("days") == "14");

    Journal k;
    k.guilt(-14, "16:00", 4, "Gave him the iPad so I could think");
    k.guilt(0, "09:00", 4, "iPad at breakfast");
    k.guilt(0, "17:00", 5, "Netflix babysat again");
    CHECK_FALSE(fires(k, "listen"));
}

TEST_CASE("listen speaks of a recurrence without a moment on it tonight", "[reflect][listen]") {
    Journal j;
    j.guilt(-3, "16:00", 4, "Gave him the iPad so I could think");
    j.guilt(-2, "09:00", 4, "iPad at breakfast");
    j.guilt(-1, "17:00", 5, "Netflix babysat again");
    j.guilt(0, "17:00", 5, "Forgot the permission slip");
    CHECK(situation(j, "listen") == "recurring");
}

TEST_CASE("listen counts a tag as a trigger", "[reflect][listen]") {
    Journal j;
    j.guilt(-5, "16:00", 4, "Again", {"piano"});
    j.guilt(-1, "16:00", 4, "Skipped it", {"piano"});
    j.guilt(0, "16:00", 4, "No practice", {"piano"});
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->vars.at("topic") == "#piano");
}

TEST_CASE("listen counts a kid she names as a trigger, named as she wrote it",
          "[reflect][listen]") {
    Journal j;
    auto a = j.guilt(-4, "08:30", 5, "Cried at drop-off", {}, {"Maya"});
    auto b = j.guilt(-2, "07:45", 5, "Snapped over her shoes", {}, {"maya"});
    auto c = j.guilt(0, "19:00", 6, "Forgot the recital money", {}, {"MAYA"});
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->vars.at("topic") == "Maya");
    CHECK(f->relevance == guilt::Relevance::generic);
    CHECK(ids(*f) == Ids{c, b, a});
}

TEST_CASE("listen picks the trigger that came back most often", "[reflect][listen]") {
    Journal j;
    j.guilt(-6, "16:00", 4, "Gave him the iPad so I could think");
    j.guilt(-5, "16:00", 4, "Netflix again");
    j.guilt(-4, "16:00", 4, "Missed pickup", {"school"});
    j.guilt(-3, "16:00", 4, "Forgot her reading log");
    j.guilt(-2, "16:00", 4, "Homework left undone");
    j.guilt(0, "16:00", 4, "iPad during homework");
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->vars.at("topic") == "school");
    CHECK(f->vars.at("count") == "4 times");
}

TEST_CASE("listen speaks when she catches up on earlier days, once per new moment",
          "[reflect][listen][nagging]") {
    Journal j;
    j.guilt(-3, "21:00", 5, "Bedtime took two hours", {"bedtime"});
    j.guilt(-2, "21:00", 5, "Bedtime fight", {"bedtime"});
    j.guilt(-1, "21:00", 5, "Bedtime again", {"bedtime"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "listen"));
    CHECK(find(findings, "listen")->vars.at("count") == "3 times");
    j.in.last_shown["listen"] = day(-1);
    CHECK_FALSE(fires(j, "listen"));  // nothing on the trigger since it was shown
    j.guilt(0, "21:00", 4, "Bedtime, but shorter", {"bedtime"});
    CHECK(fires(j, "listen"));
}

TEST_CASE("listen needs the latest moment on the trigger within four days", "[reflect][listen]") {
    Journal j;
    j.guilt(-6, "21:00", 5, "Bedtime took two hours", {"bedtime"});
    j.guilt(-5, "21:00", 5, "Bedtime fight", {"bedtime"});
    j.guilt(-4, "21:00", 5, "Bedtime again", {"bedtime"});
    CHECK_FALSE(fires(j, "listen"));
    j.guilt(-3, "21:00", 5, "Bedtime again", {"bedtime"});
    CHECK(fires(j, "listen"));
}
