// SPDX-License-Identifier: MIT
// Unit tests of the bank strategy (src/core/reflect/bank.cpp): it fires on its evidence and
// stays quiet without it, at and around every threshold named at the top of that file.
#include "fixtures.hpp"

using namespace reflect_test;

// ---- bank -------------------------------------------------------------------------------------
// The balance starts at 0 on the first day the window covers; deposits pay a point per started
// 15 minutes (1 to 8); each day draws 1, a heavy day 2; never below 0 nor above 21.

TEST_CASE("bank_balance pays one point per started 10 minutes of a deposit, 1 to 12",
          "[reflect][bank][balance]") {
    auto paid = [](int minutes) {
        Journal j;
        j.deposit(0, "12:00", minutes, "nap");
        return guilt::bank_balance(j.in).deposits;
    };
    CHECK(paid(0) == 1);
    CHECK(paid(10) == 1);
    CHECK(paid(11) == 2);
    CHECK(paid(45) == 5);
    CHECK(paid(120) == 12);
    CHECK(paid(240) == 12);
}

TEST_CASE("bank_balance pays a run by its time, or by its distance without one",
          "[reflect][bank][balance]") {
    Journal timed;
    timed.run(0, "06:00", 36);
    CHECK(guilt::bank_balance(timed.in).deposits == 4);
    Journal untimed;
    untimed.run(0, "06:00", 0, {"solo"}, 9);
    CHECK(guilt::bank_balance(untimed.in).deposits == 5);  // a point per started 2 km
}

TEST_CASE("bank_balance draws one point a day and two on a heavy day", "[reflect][bank][balance]") {
    Journal j;
    j.guilt(-6, "20:00", 5, "Late pickup");  // the window starts here: 7 days
    CHECK(guilt::bank_balance(j.in).withdrawals == 7);
    Journal heavy = j;
    heavy.guilt(-2, "20:00", 8, "Awful evening");
    CHECK(guilt::bank_balance(heavy.in).withdrawals == 8);
    Journal seven = j;
    seven.guilt(-2, "20:00", 7, "Hard evening");
    CHECK(guilt::bank_balance(seven.in).withdrawals == 7);
    Journal three = j;
    for (const char* t : {"08:00", "12:00", "18:00"})
        three.guilt(-1, t, 3, "Small thing");
    CHECK(guilt::bank_balance(three.in).withdrawals == 8);
    Journal two = j;
    for (const char* t : {"08:00", "12:00"})
        two.guilt(-1, t, 3, "Small thing");
    CHECK(guilt::bank_balance(two.in).withdrawals == 7);
}

TEST_CASE("logging light moments honestly never lowers the balance", "[reflect][bank][balance]") {
    Journal j;
    j.run(-6, "06:00", 60);
    j.deposit(-3, "20:00", 60, "yoga");
    auto before = guilt::bank_balance(j.in);
    for (int d = -6; d <= 0; ++d)
        j.guilt(d, "21:00", 4, "Forgot the reading log");
    auto after = guilt::bank_balance(j.in);
    CHECK(after.value == before.value);
    CHECK(after.withdrawals == before.withdrawals);
}

TEST_CASE("bank_balance never goes below zero nor above 28", "[reflect][bank][balance]") {
    Journal empty;
    for (int d = -20; d <= 0; ++d)
        empty.guilt(d, "21:00", 9, "Everything went wrong");
    CHECK(guilt::bank_balance(empty.in).value == 0);
    Journal full;
    for (int d = -20; d <= 0; ++d)
        full.deposit(d, "12:00", 120, "long lunch with friends");
    CHECK(guilt::bank_balance(full.in).value == 28);
}

TEST_CASE("a regular runner who logs deposits and guilt has a healthy bank for two weeks",
          "[reflect][bank][balance]") {
    Journal j;
    for (int d = -13; d <= 0; ++d) {
        if ((d + 13) % 2 == 0) j.run(d, "06:00", 36);
        if ((d + 13) % 4 == 0) j.deposit(d, "19:00", 60, "yoga class");
        j.guilt(d, "20:00", 4, "Forgot the homework folder");
        j.in.day = day(d);
        CHECK(guilt::bank_balance(j.in).value > 0);
    }
    j.in.day = kDay;
    CHECK_FALSE(fires(j, "bank"));
}

TEST_CASE("bank fires after four days without a deposit while guilt keeps coming",
          "[reflect][bank]") {
    Journal j;
    for (int d = -9; d <= -4; ++d)
        j.deposit(d, "12:00", 120, "long lunch with friends");  // a full account
    auto a = j.guilt(-1, "20:00", 4, "Short with the kids");
    auto b = j.guilt(0, "20:00", 4, "Short with the kids again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK(f->situation == "no-deposit");
    CHECK(f->vars.at("days") == "4 days");
    CHECK(f->vars.at("moments") == "2 guilt moments");
    CHECK(f->vars.at("last_deposit") == "\"long lunch with friends\" on Sat Nov 21");
    CHECK(cites(*f, a));
    CHECK(cites(*f, b));
    CHECK_THAT(f->why, Contains("no deposit for 4 days"));

    Journal three;
    for (int d = -9; d <= -3; ++d)
        three.deposit(d, "12:00", 120, "long lunch with friends");
    three.guilt(-1, "20:00", 4, "Short with the kids");
    three.guilt(0, "20:00", 4, "Short with the kids again");
    CHECK_FALSE(fires(three, "bank"));  // three dry days and a full account
}

TEST_CASE("bank needs two moments since the last deposit for a dry spell", "[reflect][bank]") {
    Journal j;
    for (int d = -9; d <= -5; ++d)
        j.deposit(d, "12:00", 120, "long lunch with friends");
    j.guilt(0, "20:00", 4, "Short with the kids");
    CHECK_FALSE(fires(j, "bank"));
    j.guilt(-1, "20:00", 4, "Short with them again");
    CHECK(situation(j, "bank") == "no-deposit");
}

TEST_CASE("bank fires at a balance of 0 even two days after a deposit, not at 1",
          "[reflect][bank]") {
    Journal j;
    j.guilt(-3, "20:00", 4, "Tired");
    j.deposit(-2, "12:00", 30, "walk");  // 3 points
    j.guilt(-1, "20:00", 4, "Snapped");
    j.guilt(0, "20:00", 4, "Snapped again");
    // -3: 0, -2: 3 - 1 = 2, -1: 1, 0: 0
    REQUIRE(guilt::bank_balance(j.in).value == 0);
    CHECK(situation(j, "bank") == "low");

    Journal k;
    k.guilt(-3, "20:00", 4, "Tired");
    k.deposit(-2, "12:00", 40, "walk");  // 4 points
    k.guilt(-1, "20:00", 4, "Snapped");
    k.guilt(0, "20:00", 4, "Snapped again");
    REQUIRE(guilt::bank_balance(k.in).value == 1);
    CHECK_FALSE(fires(k, "bank"));
    k.guilt(0, "21:00", 8, "And again, badly");  // a moment at 8 makes the day heavy
    REQUIRE(guilt::bank_balance(k.in).value == 0);
    CHECK(situation(k, "bank") == "low");
}

TEST_CASE("bank needs guilt within the last three days", "[reflect][bank]") {
    Journal j;
    j.guilt(-9, "20:00", 4, "Tired");
    j.guilt(-3, "20:00", 4, "Tired again");
    CHECK_FALSE(fires(j, "bank"));
    j.guilt(-2, "20:00", 4, "Still tired");
    CHECK(situation(j, "bank") == "never");
}

TEST_CASE("bank says what would raise it, without runs for a mother who does not run",
          "[reflect][bank]") {
    Journal j;
    for (int d = -6; d <= 0; ++d)
        j.guilt(d, "20:00", 4, "Tired");
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK_THAT(f->vars.at("raise"), Contains("an hour that is only yours"));
    CHECK_THAT(f->vars.at("raise") + f->vars.at("ideas"), !Contains("run"));
    j.run(-20, "06:00", 30);
    findings = j.reflect();
    REQUIRE(find(findings, "bank"));
    CHECK_THAT(find(findings, "bank")->vars.at("raise"), Contains("run"));
}

TEST_CASE("bank, once shown, speaks again only after three more dry days or a new deposit",
          "[reflect][bank][nagging]") {
    Journal j;
    for (int d = -9; d <= 0; ++d)
        j.guilt(d, "20:00", 4, "Tired");
    j.in.last_shown["bank"] = day(-1);
    CHECK_FALSE(fires(j, "bank"));
    j.in.last_shown["bank"] = day(-3);
    CHECK(fires(j, "bank"));
    j.in.last_shown["bank"] = day(-2);
    CHECK_FALSE(fires(j, "bank"));
    j.deposit(-1, "12:00", 15, "short walk");  // 2 points; the account is back at zero tonight
    CHECK(fires(j, "bank"));
}

TEST_CASE("bank_balance follows the README's worked example", "[reflect][bank][balance]") {
    Journal j;
    j.in.day = day(-3);  // Sunday 22 Nov; Monday is day(-9)
    j.guilt(-9, "20:00", 5, "Late pickup");
    j.deposit(-8, "14:00", 20, "nap");  // 2 points
    j.guilt(-8, "20:00", 5, "Short with them");
    j.guilt(-7, "20:00", 8, "Awful evening");  // a heavy day
    j.run(-6, "06:00", 30);                    // 3 points
    for (const char* t : {"08:00", "12:00", "18:00"})
        j.guilt(-4, t, 3, "Small thing");  // three moments: a heavy day
    auto b = guilt::bank_balance(j.in);
    CHECK(b.deposits == 5);
    CHECK(b.withdrawals == 9);
    CHECK(b.value == 0);
    CHECK(b.days_since_deposit == 3);
    CHECK(situation(j, "bank") == "low");
    // With an hour of yoga on Wednesday, the same week ends well above zero.
    j.deposit(-7, "19:00", 60, "yoga class");  // 6 points
    CHECK(guilt::bank_balance(j.in).value == 3);
    CHECK_FALSE(fires(j, "bank"));
}
