// SPDX-License-Identifier: MIT
// Unit tests of the priorities strategy (src/core/reflect/priorities.cpp): it fires on its evidence
// and stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- priorities -------------------------------------------------------------------------------

TEST_CASE("priorities sees a lower rank that got more of her than the kids",
          "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Health");
    j.priority(3, "Work");
    auto g = j.guilt(0, "20:00", 7, "Worked late again and missed bedtime", {"work"}, {"Sam"});
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->situation == "lower-got-more");
    CHECK(f->vars.at("about") == "Kids");
    CHECK(f->vars.at("about_rank") == "1");
    CHECK(f->vars.at("cause") == "Work");
    CHECK(f->vars.at("cause_rank") == "3");
    CHECK(ids(*f) == Ids{g});
    // Ranked the other way round, work is not "lower": nothing to say.
    Journal other;
    other.priority(1, "Work");
    other.priority(2, "Kids");
    other.guilt(0, "20:00", 7, "Worked late again and missed bedtime", {"work"}, {"Sam"});
    auto theirs = other.reflect();
    const Finding* o = find(theirs, "priorities");
    CHECK((!o || o->situation != "lower-got-more"));
}

TEST_CASE("priorities suggests a list when there is none", "[reflect][priorities]") {
    Journal j;
    auto g1 = j.guilt(0, "10:00", 3, "Cleaned the house while she begged me to play");
    auto g2 = j.guilt(0, "18:00", 2, "Forgot the permission slip");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->situation == "no-list");
    CHECK(f->vars.at("topic") == "the house and chores");
    CHECK(ids(*f) == Ids{g2, g1});
}

TEST_CASE("priorities quotes her when the guilt has no topic", "[reflect][priorities]") {
    Journal j;
    j.guilt(0, "10:00", 3, "Felt off all day");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->vars.at("topic") == "\"Felt off all day\"");
}

TEST_CASE("priorities counts a list of done priorities as no list", "[reflect][priorities]") {
    Journal j;
    j.priority(0, "Work", {}, true);
    j.guilt(0, "10:00", 3, "Answered work emails at dinner");
    CHECK(situation(j, "priorities") == "no-list");
}

TEST_CASE("priorities fires when the guilt is about a priority ranked in the lower half",
          "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Health");
    j.priority(3, "Work");
    j.priority(4, "Garden");
    auto g = j.guilt(0, "19:00", 5, "Behind on work emails again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->situation == "ranked-low");
    CHECK(f->vars.at("topic") == "work");
    CHECK(f->vars.at("priority") == "Work");
    CHECK(f->vars.at("rank") == "3");
    CHECK(f->vars.at("count") == "4");
    CHECK(f->vars.at("top") == "Kids");
    CHECK(ids(*f) == Ids{g});
}

TEST_CASE("priorities stays quiet about a priority in the upper half", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Work");
    j.priority(3, "Health");
    j.priority(4, "Garden");
    j.guilt(0, "19:00", 5, "Behind on work emails again");
    CHECK_FALSE(fires(j, "priorities"));

    Journal odd;  // of three, the middle one is not in the lower half
    odd.priority(1, "Kids");
    odd.priority(2, "Work");
    odd.priority(3, "Health");
    odd.guilt(0, "19:00", 5, "Behind on work emails again");
    CHECK_FALSE(fires(odd, "priorities"));
}

TEST_CASE("priorities leaves done priorities out of the count", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Work");
    j.priority(0, "Marathon", {}, true);
    j.priority(0, "Garden", {}, true);
    j.guilt(0, "19:00", 5, "Behind on work emails again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->vars.at("count") == "2");
    CHECK(f->vars.at("rank") == "2");
}

TEST_CASE("priorities fires when the priority's season ended yesterday", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Housework", day(-1));
    j.priority(2, "Kids");
    auto g = j.guilt(0, "19:00", 5, "Weeds everywhere again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->situation == "out-of-season");
    CHECK(f->vars.at("topic") == "the house and chores");
    CHECK(f->vars.at("priority") == "Housework");
    CHECK(f->vars.at("until") == "Tue Nov 24");
    CHECK(ids(*f) == Ids{g});
}

TEST_CASE("priorities keeps a season that ends today in season", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Housework", kDay);
    j.priority(2, "Kids");
    j.guilt(0, "19:00", 5, "Weeds everywhere again");
    CHECK_FALSE(fires(j, "priorities"));
}

TEST_CASE("priorities does not treat guilt about running as a neglected priority",
          "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Work");
    j.priority(3, "Marathon training");
    j.guilt(0, "08:00", 5, "Skipped my marathon training run");
    CHECK_FALSE(fires(j, "priorities"));
}

TEST_CASE("priorities matches a tag against a priority's title", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Kids");
    j.priority(2, "Piano");
    j.guilt(0, "19:00", 5, "Skipped practice again", {"piano"});
    CHECK(situation(j, "priorities") == "ranked-low");
}
