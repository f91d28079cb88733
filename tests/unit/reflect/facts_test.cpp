// SPDX-License-Identifier: MIT
// Unit tests of the facts strategy (src/core/reflect/facts.cpp): it fires on its evidence and
// stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- facts ------------------------------------------------------------------------------------

TEST_CASE("facts sets engaged time today against distorted words", "[reflect][facts]") {
    Journal j;
    auto week = j.engage(-3, "17:00", 30, {"Sam"});
    auto park = j.engage(0, "16:10", 120, {"Sam"});
    auto g = j.guilt(0, "20:00", 6, "I never play with him");
    auto findings = j.reflect();
    const Finding* f = find(findings, "facts");
    REQUIRE(f);
    CHECK(f->situation == "engaged-today");
    CHECK(f->vars.at("quote") == "\"I never play with him\"");
    CHECK(f->vars.at("minutes") == "2 h");
    CHECK(f->vars.at("week_minutes") == "2 h 30 min");
    CHECK(f->vars.at("engaged_days") == "2 of the last 7 days");
    CHECK(f->vars.at("kids") == "Sam");
    CHECK(ids(*f) == Ids{g, park});
    CHECK_FALSE(cites(*f, week));
}

TEST_CASE("facts cites the week's engaged time when today had none", "[reflect][facts]") {
    Journal j;
    auto e1 = j.engage(-6, "17:00", 30, {"Sam"});
    auto e2 = j.engage(-2, "17:00", 20, {"Mia"});
    auto g = j.guilt(0, "20:00", 6, "I should have played with them");
    auto findings = j.reflect();
    const Finding* f = find(findings, "facts");
    REQUIRE(f);
    CHECK(f->situation == "engaged-this-week");
    CHECK(f->vars.at("week_minutes") == "50 min");
    CHECK(f->vars.at("engaged_days") == "2 of the last 7 days");
    CHECK(f->vars.at("kids") == "Sam and Mia");
    CHECK(ids(*f) == Ids{g, e2, e1});
}

TEST_CASE("facts says honestly when no engaged time was logged in seven days", "[reflect][facts]") {
    Journal j;
    j.engage(-7, "17:00", 30, {"Sam"});
    auto g = j.guilt(0, "20:00", 6, "Was on my phone the whole evening");
    auto findings = j.reflect();
    const Finding* f = find(findings, "facts");
    REQUIRE(f);
    CHECK(f->situation == "none");
    CHECK(ids(*f) == Ids{g});
}

TEST_CASE("facts stays quiet on guilt without distortions or attention", "[reflect][facts]") {
    Journal j;
    j.guilt(0, "20:00", 6, "Forgot the permission slip");
    j.guilt(0, "21:00", 6, "I'm not a bad mom, just tired");
    CHECK_FALSE(fires(j, "facts"));
}
