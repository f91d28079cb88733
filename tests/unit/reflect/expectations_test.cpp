// SPDX-License-Identifier: MIT
// Unit tests of the expectations strategy (src/core/reflect/expectations.cpp): it fires on its
// evidence and stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- expectations -----------------------------------------------------------------------------

TEST_CASE("expectations fires on three guilt moments in one day", "[reflect][expectations]") {
    Journal j;
    auto g1 = j.guilt(0, "07:00", 3, "Late for school");
    auto g2 = j.guilt(0, "12:00", 6, "Missed the call");
    auto g3 = j.guilt(0, "19:00", 4, "Cereal for dinner");
    auto findings = j.reflect();
    const Finding* f = find(findings, "expectations");
    REQUIRE(f);
    CHECK(f->situation == "many-moments");
    CHECK(f->vars.at("count") == "3");
    CHECK(ids(*f) == Ids{g3, g2, g1});
}

TEST_CASE("expectations stays quiet on two moments", "[reflect][expectations]") {
    Journal j;
    j.guilt(-1, "12:00", 6, "Missed the call");
    j.guilt(0, "07:00", 3, "Late for school");
    j.guilt(0, "19:00", 4, "Cereal for dinner");
    CHECK_FALSE(fires(j, "expectations"));
}

TEST_CASE("expectations answers guilt about the to-do list", "[reflect][expectations]") {
    Journal j;
    auto g = j.guilt(0, "21:00", 5, "So much to do and the laundry is still there");
    auto findings = j.reflect();
    const Finding* f = find(findings, "expectations");
    REQUIRE(f);
    CHECK(f->situation == "todo");
    CHECK(f->vars.at("quote") == "\"So much to do and the laundry is still there\"");
    CHECK(ids(*f) == Ids{g});
}

// strategies.md names "everything" and "failing" as expectations' evidence.
TEST_CASE("expectations hears 'not getting everything done' as guilt about the list",
          "[reflect][expectations]") {
    Journal j;
    j.guilt(0, "21:00", 5, "Couldn't get everything done again, failing at this");
    CHECK(situation(j, "expectations") == "todo");
}
