// SPDX-License-Identifier: MIT
// Unit tests of the community strategy (src/core/reflect/community.cpp): it fires on its evidence
// and stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- community --------------------------------------------------------------------------------

TEST_CASE("community fires when every recent run was alone", "[reflect][community]") {
    Journal j;
    auto r1 = j.run(-5, "06:00", 30, {"solo"});
    auto r2 = j.run(-2, "06:00", 30, {});
    auto old = j.guilt(-4, "18:00", 5, "Missed pickup");
    auto g = j.guilt(0, "19:00", 4, "Late with dinner");
    auto findings = j.reflect();
    const Finding* f = find(findings, "community");
    REQUIRE(f);
    CHECK(f->situation == "all-solo");
    CHECK(f->vars.at("runs") == "2 runs");
    CHECK(f->vars.at("window_days") == "6");
    CHECK(ids(*f) == Ids{g, r2, r1});
    CHECK_FALSE(cites(*f, old));
}

TEST_CASE("community needs two solo runs before calling them all alone", "[reflect][community]") {
    Journal j;
    j.run(-5, "06:00");
    j.guilt(0, "19:00", 4, "Late with dinner");
    CHECK_FALSE(fires(j, "community"));
}

TEST_CASE("community stays quiet when a run had company", "[reflect][community]") {
    Journal j;
    j.run(-5, "06:00", 30, {"solo"});
    j.run(-3, "06:00", 30, {"friends"});
    j.run(-1, "06:00", 30, {"solo"});
    j.guilt(0, "19:00", 4, "Late with dinner");
    CHECK_FALSE(fires(j, "community"));
}

TEST_CASE("community stays quiet without guilt in the last three days", "[reflect][community]") {
    Journal j;
    j.run(-5, "06:00");
    j.run(-1, "06:00");
    j.guilt(-3, "19:00", 4, "Late with dinner");
    CHECK_FALSE(fires(j, "community"));
    j.guilt(-2, "19:00", 4, "Late with dinner again");
    CHECK(situation(j, "community") == "all-solo");
}

TEST_CASE("community answers comparison with other moms when she never ran with them",
          "[reflect][community]") {
    Journal j;
    auto r = j.run(-3, "06:00", 30, {"friends"});
    auto g = j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
    auto findings = j.reflect();
    const Finding* f = find(findings, "community");
    REQUIRE(f);
    CHECK(f->situation == "no-moms");
    CHECK(f->vars.at("quote") == "\"Every other mom at the gate has it together\"");
    CHECK(ids(*f) == Ids{g, r});
}

TEST_CASE("community says nothing of comparison when she ran with other moms",
          "[reflect][community]") {
    Journal j;
    j.run(-20, "06:00", 30, {"moms", "kids"});
    j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
    CHECK_FALSE(fires(j, "community"));
}

TEST_CASE("community never asks a mother who has logged no run to run with others",
          "[reflect][community]") {
    Journal j;
    j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
    CHECK_FALSE(fires(j, "community"));
}

TEST_CASE("community shown yesterday stays quiet after an unrelated moment, speaks on a new run",
          "[reflect][nagging][community]") {
    Journal j;
    j.run(-6, "06:00");
    j.run(-3, "06:00");
    j.guilt(-1, "20:00", 5, "Every run is alone and lonely");
    j.in.last_shown["community"] = day(-1);
    j.guilt(0, "20:00", 5, "Late call, missed bath time", {"work"});
    CHECK_FALSE(fires(j, "community"));
    j.run(0, "06:00");
    CHECK(fires(j, "community"));
}

TEST_CASE("community answers first when she says she feels alone and every run was solo",
          "[reflect][ranking][community]") {
    Journal j;
    j.run(-6, "06:00");
    j.run(-3, "06:00");
    j.run(0, "06:00");
    j.guilt(0, "20:00", 5, "Running alone again, I feel guilty and lonely");
    auto findings = j.reflect();
    REQUIRE(find(findings, "community"));
    CHECK(findings.front().strategy == "community");
    CHECK(find(findings, "community")->relevance == guilt::Relevance::answers_tonight);
    Journal quiet;  // the same runs, guilt about something else: an observation, ranked lower
    quiet.run(-6, "06:00");
    quiet.run(-3, "06:00");
    quiet.run(0, "06:00");
    quiet.guilt(0, "20:00", 5, "Forgot the school photos", {"school"});
    auto later = quiet.reflect();
    REQUIRE(find(later, "community"));
    CHECK(find(later, "community")->relevance == guilt::Relevance::observation);
}
