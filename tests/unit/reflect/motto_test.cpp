// SPDX-License-Identifier: MIT
// Unit tests of the motto strategy (src/core/reflect/motto.cpp): it fires on its evidence and
// stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- motto ------------------------------------------------------------------------------------

TEST_CASE("motto, once she has one, speaks for harsh words and not for intensity alone",
          "[reflect][motto]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(0, "08:00", 3, "Late for school");
    j.guilt(0, "19:00", 9, "Screamed at them over shoes");
    CHECK_FALSE(fires(j, "motto"));
    auto g = j.guilt(0, "20:00", 7, "I ruin everything for them");
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    CHECK(f->situation == "intense");
    CHECK(f->relevance == guilt::Relevance::generic);
    CHECK(f->vars.at("intensity") == "7");
    CHECK(f->vars.at("motto") == "\"You're a good mom.\"");
    CHECK(f->vars.at("quote") == "\"I ruin everything for them\"");
    CHECK(ids(*f) == Ids{g});
}

TEST_CASE("motto stays quiet at intensity 6 without labelling", "[reflect][motto]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(0, "19:00", 6, "Screamed at them over shoes");
    CHECK_FALSE(fires(j, "motto"));
}

TEST_CASE("motto answers harsh self-labelling with her motto", "[reflect][motto]") {
    Journal j;
    j.motto("Mistakes are teaching moments.");
    j.guilt(0, "08:00", 8, "Screamed at them over shoes");  // heavy, but no harsh words
    auto label = j.guilt(0, "19:00", 3, "Honestly I'm a Bad Mom");
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    CHECK(f->situation == "labelling");
    CHECK(f->vars.at("label") == "\"Bad Mom\"");
    CHECK(f->vars.at("quote") == "\"Honestly I'm a Bad Mom\"");
    CHECK(ids(*f) == Ids{label});
}

TEST_CASE("motto does not hear 'not a bad mom' as labelling", "[reflect][motto]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(0, "19:00", 3, "I'm not a bad mom, just tired");
    CHECK_FALSE(fires(j, "motto"));
}

TEST_CASE("motto suggests setting one when there is none", "[reflect][motto]") {
    Journal j;
    auto g = j.guilt(0, "19:00", 8, "Screamed at them over shoes");
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    CHECK(f->situation == "no-motto");
    CHECK(f->vars.at("intensity") == "8");
    CHECK(f->vars.count("motto") == 0);
    CHECK(ids(*f) == Ids{g});
}
