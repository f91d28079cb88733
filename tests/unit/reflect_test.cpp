// SPDX-License-Identifier: MIT
// Unit tests of the reflection engine (src/core/reflect/): each of the ten strategies fires on its
// evidence and stays quiet without it, at and around every threshold named at the top of that
// file; then the no-nagging rule, the ranking, the 28-day window, the bank balance and the
// placeholders. Journals are built in code, in a fixed offset, against the built-in lexicon.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/embedded.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"
#include "guilt/core/strategies.hpp"
#include "guilt/core/text.hpp"

using Catch::Matchers::Contains;
using guilt::Date;
using guilt::Entry;
using guilt::EntryType;
using guilt::Finding;
using guilt::ReflectInput;

namespace {

// The reviewed day: Wednesday 2026-11-25. Days in the builder are counted from it (0 = that
// day, -1 = Tuesday, -4 = Saturday), and times are wall-clock times at -05:00.
constexpr Date kDay{2026, 11, 25};
constexpr int kOffset = -5 * 3600;

Date day(int n) {
    return guilt::add_days(kDay, n);
}

guilt::Timestamp at(int n, const char* hhmm) {
    int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
    int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    return test::local_at(day(n), h, m, kOffset);
}

const guilt::Lexicon& lexicon() {
    return test::built_in_lexicon();
}

using Ids = std::vector<std::int64_t>;
using test::Words;

// One journal under construction. Each entry gets the next id, starting at 1, and the builder
// returns it. Findings point into `in.entries`, so the builder must outlive them.
struct Journal {
    ReflectInput in;

    Journal() { in.day = kDay; }

    std::int64_t add(Entry e) {
        e.id = static_cast<std::int64_t>(in.entries.size()) + 1;
        in.entries.push_back(std::move(e));
        return in.entries.back().id;
    }

    std::int64_t guilt(int n, const char* hhmm, int intensity, std::string text, Words tags = {},
                       Words kids = {}) {
        return add(test::guilt_moment(at(n, hhmm), intensity, std::move(text), std::move(tags),
                                      std::move(kids)));
    }

    std::int64_t run(int n, const char* hhmm, int minutes = 30, Words with = {"solo"},
                     double km = 5) {
        std::optional<int> seconds;
        if (minutes > 0) seconds = minutes * 60;
        return add(test::run(at(n, hhmm), km * 1000, seconds, std::move(with)));
    }

    std::int64_t engage(int n, const char* hhmm, int minutes, Words kids = {}) {
        return add(test::engage(at(n, hhmm), minutes, std::move(kids)));
    }

    std::int64_t deposit(int n, const char* hhmm, int minutes, std::string text) {
        return add(test::deposit(at(n, hhmm), minutes, std::move(text)));
    }

    void priority(int rank, std::string title, std::optional<Date> until = {}, bool done = false) {
        guilt::Priority p;
        p.id = static_cast<std::int64_t>(in.priorities.size()) + 1;
        p.rank = done ? 0 : rank;
        p.title = std::move(title);
        p.until = until;
        p.done = done;
        in.priorities.push_back(std::move(p));
    }

    void motto(std::string text) { in.motto = guilt::Motto{std::move(text), at(-10, "09:00")}; }

    std::vector<Finding> reflect() const { return guilt::reflect(in, lexicon()); }
};

// The finding of `strategy`, or nullptr when it did not fire.
const Finding* find(const std::vector<Finding>& findings, std::string_view strategy) {
    for (const auto& f : findings)
        if (f.strategy == strategy) return &f;
    return nullptr;
}

bool fires(const Journal& j, std::string_view strategy) {
    return find(j.reflect(), strategy) != nullptr;
}

Ids ids(const Finding& f) {
    Ids out;
    for (const Entry* e : f.evidence)
        out.push_back(e->id);
    return out;
}

bool cites(const Finding& f, std::int64_t id) {
    auto cited = ids(f);
    return std::find(cited.begin(), cited.end(), id) != cited.end();
}

// Why `strategy` stayed silent ("reflect --explain"), or "" when it fired.
std::string why_silent(const Journal& j, std::string_view strategy) {
    std::vector<guilt::Silence> silent;
    guilt::reflect(j.in, lexicon(), &silent);
    for (const auto& s : silent)
        if (s.strategy == strategy) return s.why;
    return "";
}

// The situation a strategy fired with, or "" when it stayed quiet.
std::string situation(const Journal& j, std::string_view strategy) {
    auto findings = j.reflect();
    const Finding* f = find(findings, strategy);
    return f ? f->situation : "";
}

}  // namespace

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

// ---- example ----------------------------------------------------------------------------------

TEST_CASE("example fires on guilt about running", "[reflect][example]") {
    Journal j;
    j.run(-4, "06:00");
    auto last = j.run(-1, "06:00");
    auto g = j.guilt(0, "08:00", 6, "Left them with their dad for my long run");
    auto findings = j.reflect();
    const Finding* f = find(findings, "example");
    REQUIRE(f);
    CHECK(f->situation == "about-running");
    CHECK(f->vars.at("topic") == "running");
    CHECK(f->vars.at("quote") == "\"Left them with their dad for my long run\"");
    CHECK(ids(*f) == Ids{g, last});
}

TEST_CASE("example fires on four runs without the kids", "[reflect][example]") {
    Journal j;
    Ids runs;
    for (int n : {-20, -14, -7, -2})
        runs.push_back(j.run(n, "06:00"));
    // Words that name no topic: nothing tells the line that tonight is about something else.
    j.guilt(0, "19:00", 4, "Felt heavy and cross all day");
    auto findings = j.reflect();
    const Finding* f = find(findings, "example");
    REQUIRE(f);
    // None of them a race: the wording that speaks of races waits for one (issue 20).
    CHECK(f->situation == "kids-not-involved-no-race");
    CHECK(f->vars.at("runs") == "4 runs");
    CHECK(f->vars.at("window_days") == "21");
    CHECK(ids(*f) == Ids{runs[3], runs[2], runs[1], runs[0]});
    j.in.entries[static_cast<std::size_t>(runs[1] - 1)].kind = "race";
    findings = j.reflect();
    REQUIRE(find(findings, "example"));
    CHECK(find(findings, "example")->situation == "kids-not-involved");
}

TEST_CASE("example and better-mom take her family's context or stay silent",
          "[reflect][example][better-mom]") {
    Journal j;
    j.in.context_cues = {{"baby", {"newborn"}}, {"teen", {"teenager"}}, {"injury", {"physio"}}};
    for (int n : {-20, -14, -7, -2})
        j.run(n, "06:00");
    j.guilt(0, "19:00", 4, "Felt guilty about my run this morning");
    auto plain = j.reflect();
    REQUIRE(find(plain, "example"));
    CHECK(find(plain, "example")->context.empty());
    REQUIRE(find(plain, "better-mom"));

    // The same journal with one more moment, three days ago, that may tell a context.
    auto with = [&](const char* words) {
        Journal more = j;
        more.guilt(-3, "19:00", 4, words);
        return more.reflect();
    };
    auto t = with("My Teenager slammed the door");
    REQUIRE(find(t, "example"));
    CHECK(find(t, "example")->context == "teen");
    auto b = with("Up all night with the newborn");
    REQUIRE(find(b, "example"));
    CHECK(find(b, "example")->context == "baby");
    REQUIRE(find(b, "better-mom"));
    CHECK(find(b, "better-mom")->context == "baby");
    CHECK_FALSE(find(with("Physio again, no running"), "better-mom"));
    // "newborns" is not "newborn": cues match whole words.
    auto p = with("Read about newborns");
    REQUIRE(find(p, "example"));
    CHECK(find(p, "example")->context.empty());
}

TEST_CASE("community never asks a mother who has logged no run to run with others",
          "[reflect][community]") {
    Journal j;
    j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
    CHECK_FALSE(fires(j, "community"));
}

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

TEST_CASE("example does not call three runs regular", "[reflect][example]") {
    Journal j;
    for (int n : {-14, -7, -2})
        j.run(n, "06:00");
    j.guilt(0, "19:00", 4, "Forgot the permission slip");
    CHECK_FALSE(fires(j, "example"));
}

TEST_CASE("example stays quiet when the kids took part in a run", "[reflect][example]") {
    Journal j;
    j.run(-20, "06:00", 30, {"kids"});
    for (int n : {-14, -7, -2})
        j.run(n, "06:00");
    j.guilt(0, "19:00", 4, "Forgot the permission slip");
    CHECK_FALSE(fires(j, "example"));
}

// Regular runs without the kids, and tonight one moment in `words`.
Journal regular_runs_tonight(const char* words) {
    Journal j;
    for (int n : {-20, -14, -7, -2})
        j.run(n, "06:00");
    j.guilt(0, "19:00", 5, words);
    return j;
}

TEST_CASE("example's 'the kids were part of no run' answers missed family time and being present",
          "[reflect][example][stock]") {
    auto family = regular_runs_tonight("Missed family dinner again");
    auto findings = family.reflect();
    const Finding* f = find(findings, "example");
    REQUIRE(f);
    CHECK(f->situation == "kids-not-involved-no-race-topic");
    CHECK(f->vars.at("topic") == "family time");
    CHECK(cites(*f, 5));  // tonight's moment, which it answers
    auto present = regular_runs_tonight("Too distracted to listen to Sam at dinner");
    findings = present.reflect();
    REQUIRE(find(findings, "example"));
    CHECK(find(findings, "example")->vars.at("topic") == "attention and presence");
}

TEST_CASE("example's 'the kids were part of no run' stays silent on guilt it does not answer",
          "[reflect][example][stock]") {
    for (const char* words :
         {"Stayed late at the office to finish the quarterly report", "Forgot the permission slip",
          "Small wobble about the laundry pile"}) {
        INFO(words);
        auto j = regular_runs_tonight(words);
        CHECK_FALSE(fires(j, "example"));
        CHECK_THAT(why_silent(j, "example"), Contains("tonight's guilt is about ") &&
                                                 Contains(", which this line does not answer"));
    }
    auto work = regular_runs_tonight("Stayed late at the office to finish the quarterly report");
    CHECK(why_silent(work, "example") ==
          "tonight's guilt is about work, which this line does not answer");
}

TEST_CASE("a moment about work beside one about family time lets the stock line speak",
          "[reflect][example][stock]") {
    auto j = regular_runs_tonight("Stayed late at the office to finish the quarterly report");
    j.guilt(0, "21:00", 3, "Missed family dinner again");
    auto findings = j.reflect();
    REQUIRE(find(findings, "example"));
    CHECK(find(findings, "example")->vars.at("topic") == "family time");
}

// ---- better-mom -------------------------------------------------------------------------------

// Three run days with guilt `run_guilt` and `rest` days without a run, each with one moment;
// the last rest day is the reviewed day.
Journal run_and_rest_days(int run_days, int run_guilt, int rest_days, int rest_guilt) {
    Journal j;
    for (int i = 0; i < run_days; ++i) {
        j.run(-2 * i - 1, "06:00", 30, {"friends"});
        j.guilt(-2 * i - 1, "19:00", run_guilt, "Forgot the permission slip");
    }
    for (int i = 0; i < rest_days; ++i)
        j.guilt(-2 * i, "19:00", rest_guilt, "Late with dinner");
    return j;
}

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

// ---- priorities -------------------------------------------------------------------------------

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
    j.priority(1, "Garden", day(-1));
    j.priority(2, "Kids");
    auto g = j.guilt(0, "19:00", 5, "Weeds everywhere again");
    auto findings = j.reflect();
    const Finding* f = find(findings, "priorities");
    REQUIRE(f);
    CHECK(f->situation == "out-of-season");
    CHECK(f->vars.at("topic") == "the house and chores");
    CHECK(f->vars.at("priority") == "Garden");
    CHECK(f->vars.at("until") == "Tue Nov 24");
    CHECK(ids(*f) == Ids{g});
}

TEST_CASE("priorities keeps a season that ends today in season", "[reflect][priorities]") {
    Journal j;
    j.priority(1, "Garden", kDay);
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
    j.guilt(-3, "16:00", 4, "Late for school");
    j.guilt(-2, "16:00", 4, "Homework left undone");
    j.guilt(0, "16:00", 4, "iPad during homework");
    auto findings = j.reflect();
    const Finding* f = find(findings, "listen");
    REQUIRE(f);
    CHECK(f->vars.at("topic") == "school");
    CHECK(f->vars.at("count") == "4 times");
}

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

// A family-hour run followed by guilt on Tuesday, and one run on day `n` at `hhmm` lasting
// `minutes`, followed by guilt two hours later: schedule fires only when that run is in family
// hours too.
bool second_run_in_family_hours(int n, const char* hhmm, int minutes) {
    Journal j;
    j.run(-1, "17:00", 45);
    j.guilt(-1, "19:00", 5, "Missed bath time");
    auto r = j.run(n, hhmm, minutes);
    auto start = j.in.entries.back().at;
    Entry g;
    g.type = EntryType::guilt;
    g.at = {start.utc + 2 * 3600, start.offset};
    g.intensity = 5;
    g.text = "Guilty after that run";
    j.add(g);
    auto findings = j.reflect();
    const Finding* f = find(findings, "schedule");
    if (!f || !f->situation.starts_with("family-hour-runs")) return false;
    return cites(*f, r);
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

// A week of journal from day -6: engaged time on `engaged` days, guilt on `guilt_days` earlier
// days, and tonight's moment `tonight`.
Journal engaged_week(int engaged, int guilt_days, const char* tonight) {
    Journal j;
    j.deposit(-6, "12:00", 30, "nap");
    for (int i = 0; i < engaged; ++i)
        j.engage(-6 + i, "17:00", 20, {"Sam"});
    for (int i = 0; i < guilt_days; ++i)
        j.guilt(-1 - i, "19:00", 4, "Late with dinner");
    j.guilt(0, "20:00", 5, tonight);
    return j;
}

constexpr const char* kAboutAttention = "Scrolled my phone while he talked to me";

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

// strategies.md names "everything" and "failing" as expectations' evidence, but the overload topic
// of data/lexicon.json has neither. This documents the intended behaviour; [!mayfail] reports it
// without failing the run until the lexicon learns those cues.
TEST_CASE("expectations hears 'not getting everything done' as guilt about the list",
          "[reflect][expectations][!mayfail]") {
    Journal j;
    j.guilt(0, "21:00", 5, "Couldn't get everything done again, failing at this");
    CHECK(situation(j, "expectations") == "todo");
}

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

// ---- the no-nagging rule ----------------------------------------------------------------------

// Guilt on days -4 and -1 and no deposit: bank fires ("never") on evidence up to yesterday.
Journal nothing_new_tonight() {
    Journal j;
    j.guilt(-4, "18:00", 5, "Missed pickup");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    return j;
}

TEST_CASE("a strategy shown yesterday does not fire again without newer evidence",
          "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    REQUIRE(fires(j, "bank"));
    j.in.last_shown["bank"] = day(-1);
    CHECK_FALSE(fires(j, "bank"));
}

TEST_CASE("a strategy shown earlier fires again on evidence of its own kind after that day",
          "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    j.in.last_shown["bank"] = day(-4);  // three dry days with guilt since then
    CHECK(fires(j, "bank"));

    auto k = nothing_new_tonight();
    k.in.last_shown["bank"] = day(-1);
    k.guilt(0, "19:00", 3, "Cereal for dinner");
    CHECK_FALSE(fires(k, "bank"));  // one more moment is not a longer dry spell
}

TEST_CASE("the no-nagging rule holds back only the strategy that was shown", "[reflect][nagging]") {
    auto j = nothing_new_tonight();
    j.in.last_shown["community"] = day(-1);
    j.in.last_shown["motto"] = day(-1);
    CHECK(fires(j, "bank"));
}

TEST_CASE("reflecting twice on the same day gives identical findings", "[reflect][nagging]") {
    Journal j;
    j.motto("You're a good mom.");
    j.run(-3, "17:00", 30);
    j.guilt(-3, "19:00", 5, "Missed bath time");
    j.engage(-2, "16:00", 30, {"Sam"});
    j.guilt(-1, "18:00", 5, "Missed pickup", {"school"});
    j.guilt(0, "08:00", 8, "I'm a bad mom, I always yell");
    j.guilt(0, "19:00", 4, "Homework left undone");
    j.in.last_shown["listen"] = day(-3);
    auto first = j.reflect();
    auto second = j.reflect();
    REQUIRE(first.size() >= 3);
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        CHECK(first[i].strategy == second[i].strategy);
        CHECK(first[i].situation == second[i].situation);
        CHECK(first[i].vars == second[i].vars);
        CHECK(ids(first[i]) == ids(second[i]));
        CHECK(first[i].score == second[i].score);
    }
}

// ---- ranking and the window -------------------------------------------------------------------

TEST_CASE("a generic opener ranks below every prompt that answers tonight's words",
          "[reflect][ranking]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(-6, "17:00", 5, "Screens all afternoon", {"screens"});
    j.guilt(-2, "17:00", 5, "Screens again", {"screens"});
    j.guilt(0, "17:00", 10, "I'm a lazy mother, screens all day", {"screens"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "motto"));
    REQUIRE(find(findings, "listen"));
    double lowest_direct = 2, highest_generic = -1;
    for (const auto& f : findings) {
        if (f.relevance == guilt::Relevance::generic)
            highest_generic = std::max(highest_generic, f.score);
        else if (f.relevance != guilt::Relevance::observation)
            lowest_direct = std::min(lowest_direct, f.score);
    }
    REQUIRE(lowest_direct < 2);
    CHECK(highest_generic < lowest_direct);
}

TEST_CASE("reflect says why each strategy that did not fire stayed silent", "[reflect][explain]") {
    Journal j;
    j.guilt(0, "19:00", 4, "Late with dinner");
    std::vector<guilt::Silence> silent;
    auto findings = guilt::reflect(j.in, lexicon(), &silent);
    std::set<std::string> all;
    for (const auto& f : findings)
        all.insert(f.strategy);
    for (const auto& s : silent) {
        CAPTURE(s.strategy);
        CHECK(all.insert(s.strategy).second);  // once each
        CHECK_FALSE(s.why.empty());
    }
    CHECK(all.size() == guilt::strategy_ids().size());
    CHECK(guilt::reflect(j.in, lexicon()).size() == findings.size());
}

TEST_CASE("findings come most relevant first", "[reflect][ranking]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(-5, "18:00", 2, "Missed pickup");
    j.guilt(0, "08:00", 9, "I'm a bad mom");
    auto findings = j.reflect();
    REQUIRE(findings.size() >= 3);
    CHECK(std::is_sorted(findings.begin(), findings.end(),
                         [](const Finding& a, const Finding& b) { return a.score > b.score; }));
    // facts weighs 0.6, priorities without a list 0.5, both answering tonight's moment of
    // intensity 9; motto on labelling weighs 0.8 but is a generic opener, below every direct
    // answer (issue 20: it came first on any heavy night).
    std::vector<std::string> order;
    for (const auto& f : findings)
        if (f.strategy == "motto" || f.strategy == "facts" || f.strategy == "priorities")
            order.push_back(f.strategy);
    CHECK(order == std::vector<std::string>{"facts", "priorities", "motto"});
    // bank "never" (and schedule, six days without engaged time) are observations from her
    // data: they rank below the direct answers.
    auto rank_of = [&](std::string_view id) {
        return std::find_if(findings.begin(), findings.end(),
                            [&](const Finding& f) { return f.strategy == id; }) -
               findings.begin();
    };
    CHECK(rank_of("bank") > rank_of("priorities"));
    CHECK(rank_of("bank") < static_cast<std::ptrdiff_t>(findings.size()));
}

TEST_CASE("findings weigh tonight's moments by their intensity", "[reflect][ranking]") {
    Journal j;
    j.guilt(-4, "18:00", 5, "Missed pickup");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    j.guilt(0, "18:00", 5, "Cereal for dinner");
    auto today = j.reflect();
    j.in.entries.pop_back();
    auto yesterday = j.reflect();
    const Finding* a = find(today, "bank");
    const Finding* b = find(yesterday, "bank");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->score == Approx(b->score + 0.2 * 5 / 10));  // kIntensityWeight times 5 / 10
}

TEST_CASE("entries after the reviewed day are ignored", "[reflect][window]") {
    Journal j;
    j.motto("You're a good mom.");
    j.guilt(0, "19:00", 3, "Late with dinner");
    j.guilt(1, "08:00", 9, "I'm a bad mom");
    j.guilt(1, "09:00", 9, "Forgot the lunch box");
    j.guilt(1, "10:00", 9, "Late for school");
    auto findings = j.reflect();
    CHECK_FALSE(find(findings, "motto"));
    CHECK_FALSE(find(findings, "expectations"));
    for (const auto& f : findings)
        for (const Entry* e : f.evidence)
            CHECK(guilt::local_date(e->at) <= kDay);
}

TEST_CASE("the engine reads 28 days ending with the reviewed day", "[reflect][window]") {
    Journal j;
    j.guilt(-27, "12:00", 5, "The window's first day");
    j.guilt(-1, "18:00", 5, "Late with dinner");
    j.guilt(0, "18:00", 5, "Cereal for dinner");
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK(f->vars.at("window_days") == "28");
    CHECK(f->vars.at("moments") == "3 guilt moments");

    Journal k;
    k.guilt(-28, "12:00", 5, "Before the window");
    k.run(-28, "06:00");
    k.guilt(-2, "18:00", 5, "Late with dinner");
    k.guilt(0, "18:00", 5, "Cereal for dinner");
    auto later = k.reflect();
    const Finding* g = find(later, "bank");
    REQUIRE(g);
    CHECK(g->situation == "never");
    CHECK(g->vars.at("window_days") == "3");
    CHECK(g->vars.at("moments") == "2 guilt moments");
}

TEST_CASE("a finding cites at most eight entries, the newest", "[reflect][evidence]") {
    Journal j;
    Ids moments;
    for (int n = -9; n <= 0; ++n)
        moments.push_back(j.guilt(n, "12:00", 3, "Late again"));
    auto findings = j.reflect();
    const Finding* f = find(findings, "bank");
    REQUIRE(f);
    CHECK(f->vars.at("moments") == "10 guilt moments");
    CHECK(ids(*f) == Ids(moments.rbegin(), moments.rbegin() + 8));
}

TEST_CASE("a finding quotes her words up to 90 characters, never through a word",
          "[reflect][evidence]") {
    std::string ninety(90, 'x');
    Journal j;
    j.guilt(0, "19:00", 8, ninety);
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    CHECK(f->vars.at("quote") == "\"" + ninety + "\"");

    Journal k;
    k.guilt(0, "19:00", 8, ninety + "yz");
    auto longer = k.reflect();
    const Finding* g = find(longer, "motto");
    REQUIRE(g);
    CHECK(g->vars.at("quote") == "\"" + ninety + "yz\"");  // one word is kept whole

    Journal huge;  // ...unless it is far too long to show
    huge.guilt(0, "19:00", 8, std::string(300, 'x'));
    auto cut = huge.reflect();
    REQUIRE(find(cut, "motto"));
    CHECK(find(cut, "motto")->vars.at("quote") == "\"" + std::string(89, 'x') + "\u2026\"");
}

// ---- placeholders -----------------------------------------------------------------------------

TEST_CASE("every finding fills every placeholder of its situation", "[reflect][placeholders]") {
    // One journal per situation of situations(), built by the scenarios above.
    std::vector<std::function<Journal()>> journals = {
        [] {  // priorities out of season
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Garden", day(-1));
            j.guilt(0, "19:00", 3, "The garden is full of weeds");
            return j;
        },
        [] {  // example about me-time, better-mom about running with enough days
            Journal j;
            j.deposit(0, "10:00", 60, "massage");
            j.guilt(0, "12:00", 4, "Felt guilty at my massage");
            return j;
        },
        [] {  // better-mom about running, with days enough to compare and no lower run days
            Journal j;
            for (int d = -8; d <= -1; ++d) {
                if (d % 2 == 0) j.run(d, "06:00");
                j.guilt(d, "20:00", 4, "Late with dinner");
            }
            j.guilt(0, "20:00", 4, "Guilty about my run this morning");
            return j;
        },
        [] {  // schedule: early runs that reach into family hours
            Journal j;
            j.run(-2, "06:30", 60);
            j.guilt(-2, "09:00", 5, "Missed breakfast with them for my run");
            j.run(0, "06:30", 60);
            j.guilt(0, "09:00", 5, "Missed breakfast with them for my run again");
            return j;
        },
        [] {  // bank no-deposit, community all-solo, example kids-not-involved-no-race
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.guilt(-1, "18:00", 5, "Missed pickup", {}, {"Sam"});
            j.guilt(0, "19:00", 4, "Late with dinner");
            return j;
        },
        [] {  // example kids-not-involved (one of the runs a race)
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.in.entries.back().kind = "race";
            j.guilt(0, "19:00", 4, "Late with dinner");
            return j;
        },
        [] {  // priorities lower-got-more
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Work");
            j.guilt(0, "20:00", 7, "Worked late again and missed bedtime", {"work"}, {"Sam"});
            return j;
        },
        [] { return nothing_new_tonight(); },  // bank never
        [] {                                   // bank overdrawn, motto no-motto
            Journal j;
            j.guilt(-5, "18:00", 8, "Screamed at bedtime");
            j.deposit(-2, "13:00", 30, "nap");
            j.guilt(0, "19:00", 8, "Late with dinner");
            return j;
        },
        [] {  // community no-moms, priorities no-list
            Journal j;
            j.run(-3, "06:00", 30, {"friends"});
            j.guilt(0, "19:00", 6, "Every other mom at the gate has it together");
            return j;
        },
        [] {  // example and better-mom about-running
            Journal j;
            j.run(-1, "06:00");
            j.guilt(0, "08:00", 6, "Left them with their dad for my long run");
            return j;
        },
        [] { return run_and_rest_days(3, 3, 3, 4); },  // better-mom lower-on-run-days
        [] {                                           // better-mom lower-on-run-days-topic
            auto j = run_and_rest_days(3, 3, 3, 4);
            j.guilt(0, "20:00", 4, "Too distracted to listen to Sam at dinner");
            return j;
        },
        [] {  // example kids-not-involved-no-race-topic
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.guilt(0, "19:00", 4, "Missed family dinner again");
            return j;
        },
        [] {  // example kids-not-involved-topic
            Journal j;
            for (int n : {-20, -14, -7, -4})
                j.run(n, "06:00");
            j.in.entries.back().kind = "race";
            j.guilt(0, "19:00", 4, "Missed family dinner again");
            return j;
        },
        [] {  // priorities ranked-low
            Journal j;
            j.priority(1, "Kids");
            j.priority(2, "Health");
            j.priority(3, "Work");
            j.guilt(0, "19:00", 5, "Behind on work emails again");
            return j;
        },
        [] {  // priorities out-of-season
            Journal j;
            j.priority(1, "Garden", day(-1));
            j.guilt(0, "19:00", 5, "Weeds everywhere again");
            return j;
        },
        [] {  // listen recurring, expectations many-moments
            Journal j;
            j.guilt(-2, "16:00", 4, "Gave him the iPad so I could think");
            j.guilt(0, "09:00", 4, "iPad at breakfast");
            j.guilt(0, "12:00", 4, "Movie at lunch");
            j.guilt(0, "17:00", 5, "Netflix babysat again");
            return j;
        },
        [] {  // facts engaged-today
            Journal j;
            j.engage(0, "16:10", 120, {"Sam"});
            j.guilt(0, "20:00", 6, "I never play with him");
            return j;
        },
        [] {  // facts engaged-this-week
            Journal j;
            j.engage(-2, "17:00", 20, {"Mia"});
            j.guilt(0, "20:00", 6, "I should have played with them");
            return j;
        },
        [] {  // facts none, schedule engaged-few-days
            return engaged_week(0, 0, kAboutAttention);
        },
        [] {  // schedule family-hour-runs
            Journal j;
            j.run(-2, "07:30", 30);
            j.guilt(-2, "09:00", 5, "Rushed breakfast for my run");
            j.run(-1, "17:00", 45);
            j.guilt(-1, "19:00", 5, "Missed bath time");
            return j;
        },
        [] {  // expectations todo
            Journal j;
            j.guilt(0, "21:00", 5, "So much to do and the laundry is still there");
            return j;
        },
        [] {  // motto intense
            Journal j;
            j.motto("You're a good mom.");
            j.guilt(0, "19:00", 7, "I ruin everything for them");
            return j;
        },
        [] {  // motto labelling
            Journal j;
            j.motto("You're a good mom.");
            j.guilt(0, "19:00", 3, "I'm a bad mom");
            return j;
        },
    };

    auto book =
        guilt::parse_strategies(*guilt::embedded_file("strategies.json"), "strategies.json");
    std::set<std::string> seen;
    for (const auto& make : journals) {
        auto j = make();
        for (const auto& f : j.reflect()) {
            seen.insert(f.strategy + "/" + f.situation);
            const guilt::Situation* sit = nullptr;
            for (const auto& s : guilt::situations())
                if (s.strategy == f.strategy && s.id == f.situation) sit = &s;
            INFO(f.strategy << "/" << f.situation);
            REQUIRE(sit);
            for (auto name : sit->placeholders) {
                INFO("{" << name << "}");
                CHECK(f.vars.count(std::string(name)) == 1);
            }
            for (auto name : guilt::common_placeholders()) {
                INFO("{" << name << "}");
                CHECK(f.vars.count(std::string(name)) == 1);
            }
            // Every wording and every question, taken in turn, reads without a brace.
            for (int shown = 0; shown < 5; ++shown) {
                auto p = guilt::make_prompt(f, book, shown);
                CHECK_THAT(p.message, !Contains("{") && !Contains("}"));
                CHECK_THAT(p.question, !Contains("{") && !Contains("}"));
            }
        }
    }
    std::set<std::string> all;
    for (const auto& s : guilt::situations())
        all.insert(std::string(s.strategy) + "/" + std::string(s.id));
    CHECK(seen == all);
}

TEST_CASE("findings name the kids of their evidence, else the window's, else 'your kids'",
          "[reflect][placeholders]") {
    Journal j;
    j.guilt(-3, "18:00", 5, "Missed pickup", {}, {"Mia"});
    j.guilt(-2, "18:00", 5, "Forgot the lunch box", {}, {"Mia"});
    j.engage(-1, "17:00", 20, {"Theo"});
    j.guilt(0, "19:00", 8, "Screamed at them over shoes", {}, {"Sam"});
    auto findings = j.reflect();
    const Finding* motto = find(findings, "motto");
    REQUIRE(motto);
    CHECK(motto->vars.at("kids") == "Sam");
    CHECK(motto->vars.at("kid") == "Sam");
    CHECK(motto->vars.at("date") == "Wednesday, Nov 25");
    CHECK(motto->vars.at("weekday") == "Wednesday");

    Journal k;
    k.guilt(-3, "18:00", 5, "Missed pickup", {}, {"Mia"});
    k.guilt(-2, "18:00", 5, "Forgot the lunch box", {}, {"Mia", "Theo"});
    k.guilt(0, "19:00", 8, "Screamed at them over shoes");
    auto theirs = k.reflect();
    const Finding* m = find(theirs, "motto");
    REQUIRE(m);
    CHECK(m->vars.at("kids") == "Mia and Theo");
    CHECK(m->vars.at("kid") == "Mia");

    Journal none;
    none.guilt(0, "19:00", 8, "Screamed at them over shoes");
    auto nobody = none.reflect();
    const Finding* n = find(nobody, "motto");
    REQUIRE(n);
    CHECK(n->vars.at("kids") == "your kids");
    CHECK(n->vars.at("kid") == "your child");
}

// ---- ranking: relevance, efficacy and rest ------------------------------------------------------

namespace {

using guilt::Helped;
using guilt::HelpedAnswer;

// A night on which facts (catastrophising) and the running numbers of better-mom both fire.
Journal facts_and_numbers() {
    Journal j;
    for (int d = -12; d <= -1; ++d) {
        if (d % 2 == 0) {
            j.run(d, "06:00", 30, {"moms"});
            j.guilt(d, "20:00", 2, "Late pickup");
        } else {
            j.guilt(d, "20:00", 6, "Missed the game for work");
        }
    }
    j.engage(0, "17:00", 30, {"Owen"});
    j.guilt(0, "21:00", 8, "I screamed at Owen. I've damaged him for good.");
    return j;
}

std::vector<HelpedAnswer> answers(std::initializer_list<Helped> list, int last_day = -1) {
    std::vector<HelpedAnswer> out;
    int d = last_day - static_cast<int>(list.size()) + 1;
    for (auto h : list)
        out.push_back({day(d++), h});
    return out;
}

double score_of(const Journal& j, std::string_view strategy) {
    auto findings = j.reflect();
    const Finding* f = find(findings, strategy);
    return f ? f->score : -1;
}

}  // namespace

TEST_CASE("the direct answer to tonight's words outranks an observation from her data",
          "[reflect][ranking]") {
    auto j = facts_and_numbers();
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    REQUIRE(find(findings, "better-mom"));
    CHECK(findings.front().strategy == "facts");
    CHECK(find(findings, "facts")->score > find(findings, "better-mom")->score);
    CHECK_THAT(find(findings, "facts")->why, Contains("catastrophising in today's moment #"));
    CHECK_THAT(find(findings, "facts")->why, Contains("engaged time logged today"));
}

TEST_CASE("her answers count in the ranking from the first, through a Beta(2, 2) prior",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    double base = score_of(j, "better-mom");
    // One "yes": (1 + 2) / (1 + 4) = 0.6, so 0.3 x (2 x 0.6 - 1) = 0.06 more.
    j.in.helped["better-mom"] = answers({Helped::yes});
    CHECK(score_of(j, "better-mom") == Approx(base + 0.06));
    // Five: (5 + 2) / (5 + 4), 0.17 more.
    j.in.helped["better-mom"] =
        answers({Helped::yes, Helped::yes, Helped::yes, Helped::yes, Helped::yes});
    CHECK(score_of(j, "better-mom") == Approx(base + 0.3 * (2 * 7.0 / 9 - 1)));
    j.in.helped["better-mom"] = answers({Helped::no});
    CHECK(score_of(j, "better-mom") == Approx(base - 0.06));
    j.in.helped["better-mom"] = answers({Helped::yes, Helped::no, Helped::little});
    CHECK(score_of(j, "better-mom") == Approx(base));
    j.in.helped["better-mom"] = answers({Helped::no, Helped::little, Helped::no});
    CHECK(score_of(j, "better-mom") < base);
}

TEST_CASE("each finding carries her efficacy figures and says when it has helped",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    j.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::yes, Helped::no});
    j.in.helped["better-mom"] =
        answers({Helped::yes, Helped::yes, Helped::little, Helped::yes, Helped::no});
    auto findings = j.reflect();
    const Finding* f = find(findings, "better-mom");
    REQUIRE(f);
    CHECK(f->efficacy.yes == 3);
    CHECK(f->efficacy.little == 1);
    CHECK(f->efficacy.no == 1);
    CHECK(f->helped_note == "This has helped you before: 4 of 5 times.");
    CHECK(find(findings, "facts")->helped_note.empty());
}

TEST_CASE("three 'no's in a row rest a strategy for two weeks after the last",
          "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();  // motto: no motto set, strength 0.6
    j.in.helped["motto"] = answers({Helped::yes, Helped::no, Helped::no, Helped::no}, -1);
    CHECK_FALSE(fires(j, "motto"));
    j.in.helped["motto"] = answers({Helped::no, Helped::no, Helped::no}, -13);
    CHECK_FALSE(fires(j, "motto"));
    j.in.helped["motto"] = answers({Helped::no, Helped::no, Helped::no}, -14);
    CHECK(fires(j, "motto"));  // rested long enough
    j.in.helped["motto"] = answers({Helped::no, Helped::yes, Helped::no, Helped::no}, -1);
    CHECK(fires(j, "motto"));  // not three in a row
}

TEST_CASE("strong evidence speaks through a rest", "[reflect][ranking][efficacy]") {
    auto j = facts_and_numbers();
    // Catastrophising gives facts a strength of 0.9, the threshold.
    j.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::no}, -1);
    CHECK(fires(j, "facts"));
    Journal light;
    light.engage(0, "17:00", 30, {"Owen"});
    light.guilt(0, "21:00", 4, "I always rush him in the morning");
    REQUIRE(fires(light, "facts"));
    light.in.helped["facts"] = answers({Helped::no, Helped::no, Helped::no}, -1);
    CHECK_FALSE(fires(light, "facts"));
}

TEST_CASE("a strategy shown the three nights before is not first a fourth, unless it helps",
          "[reflect][ranking]") {
    auto j = facts_and_numbers();
    REQUIRE(j.reflect().front().strategy == "facts");
    j.in.shown_on["facts"] = {day(-3), day(-2), day(-1)};
    j.in.last_shown["facts"] = day(-1);  // its evidence is tonight's: it speaks again
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    CHECK(findings.front().strategy != "facts");
    CHECK_THAT(find(findings, "facts")->why, Contains("not first tonight"));
    j.in.shown_on["facts"] = {day(-4), day(-2), day(-1)};  // not three running
    CHECK(j.reflect().front().strategy == "facts");
    j.in.shown_on["facts"] = {day(-3), day(-2), day(-1)};
    j.in.helped["facts"] = answers({Helped::yes, Helped::little});
    CHECK(j.reflect().front().strategy == "facts");
}

// ---- no nagging: new evidence of the strategy's own kind ----------------------------------------

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

// ---- reading her right
// ---------------------------------------------------------------------------

TEST_CASE("a mother who does not run is never told about runs", "[reflect][me-time]") {
    Journal j;
    for (int d = -8; d <= -1; ++d)
        j.engage(d, "17:00", 30, {"Tomas"});
    j.deposit(0, "19:30", 120, "choir rehearsal");
    j.guilt(0, "22:00", 6, "Left Tomas with grandma again for choir, feels selfish to sing", {},
            {"Tomas"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "example"));
    CHECK(find(findings, "example")->situation == "about-me-time");
    CHECK_FALSE(find(findings, "better-mom"));
    auto book =
        guilt::parse_strategies(*guilt::embedded_file("strategies.json"), "strategies.json");
    for (const auto& f : findings) {
        CAPTURE(f.strategy);
        for (int shown = 0; shown < 5; ++shown) {
            auto p = guilt::make_prompt(f, book, shown);
            for (const char* word : {" run", "running", "miles"}) {
                CHECK_THAT(p.message, !Contains(word));
                CHECK_THAT(p.question, !Contains(word));
            }
        }
    }
}

TEST_CASE("a hopeful, grateful line is not guilt to argue with", "[reflect][hopeful]") {
    Journal j;
    j.engage(0, "16:00", 30, {"Leo"});
    j.guilt(0, "21:00", 2,
            "Hard week, but tonight he hugged me and I'm grateful. Maybe we're okay.");
    CHECK(j.reflect().empty());
    Journal heavy;
    heavy.engage(0, "16:00", 30, {"Leo"});
    heavy.guilt(0, "21:00", 2, "Grateful for today, but I always snap at him in the morning");
    CHECK(fires(heavy, "facts"));  // harsh words keep it guilt
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

TEST_CASE("quotes are cut at word boundaries and keep the cue", "[reflect][evidence]") {
    Journal j;
    j.guilt(0, "21:00", 6,
            "Spent the whole afternoon on the laundry and the dishes and the emails and the "
            "forms, and by the evening I felt like a failure with nothing to show for it at all");
    auto findings = j.reflect();
    const Finding* f = find(findings, "motto");
    REQUIRE(f);
    const auto& q = f->vars.at("quote");
    CHECK_THAT(q, Contains("failure"));
    CHECK(q.front() == '"');
    CHECK(q.back() == '"');
    CHECK(guilt::display_width(q) <= 92 + 2);
    // Each word of the quote is one of her words, whole.
    std::string inner = q.substr(1, q.size() - 2);
    for (const char* cut : {"…"})
        for (auto at = inner.find(cut); at != std::string::npos; at = inner.find(cut))
            inner.replace(at, std::string(cut).size(), "");
    std::istringstream words(inner);
    std::string text = " " + j.in.entries.back().text + " ";
    for (std::string w; words >> w;) {
        CAPTURE(w);
        CHECK(text.find(" " + w) != std::string::npos);
    }
    Journal short_one;
    short_one.guilt(0, "21:00", 8, "I felt like a failure");
    auto s = short_one.reflect();
    REQUIRE(find(s, "motto"));
    CHECK(find(s, "motto")->vars.at("quote") == "\"I felt like a failure\"");  // nothing left out
}

TEST_CASE("kids are named in the order she wrote them", "[reflect][evidence]") {
    Journal j;
    j.engage(-1, "17:00", 30, {"Zoe"});
    j.engage(0, "17:00", 30, {"Adam", "Zoe"});
    j.guilt(0, "21:00", 5, "I always rush them", {}, {"Zoe", "Adam"});
    auto findings = j.reflect();
    REQUIRE(find(findings, "facts"));
    CHECK(find(findings, "facts")->vars.at("kids") == "Zoe and Adam");
}

// ---- the support line
// -----------------------------------------------------------------------------

TEST_CASE("words of hopelessness or harm tonight call for the support line", "[reflect][support]") {
    Journal j;
    j.guilt(-1, "21:00", 9, "He would be better off with another mother");
    CHECK(guilt::support(j.in, lexicon()).moments.empty());  // not tonight
    auto id = j.guilt(0, "23:00", 10, "Maybe he would be better off with another mother");
    auto s = guilt::support(j.in, lexicon());
    REQUIRE(s.moments.size() == 1);
    CHECK(s.moments.front()->id == id);
    CHECK(s.words == "better off with another mother");
    // Never a strategy.
    for (const auto& f : j.reflect())
        CHECK(f.strategy != "support");
}

TEST_CASE("the support line respects negation and quotation", "[reflect][support]") {
    for (const char* text : {"I would never want to hurt him, I just felt so tired",
                             "I don't feel hopeless, only worn out",
                             "She joked \"I want to die\" about the bake sale"}) {
        CAPTURE(text);
        Journal j;
        j.guilt(0, "21:00", 6, text);
        CHECK(guilt::support(j.in, lexicon()).moments.empty());
    }
    Journal j;
    j.guilt(0, "21:00", 9, "I feel hopeless tonight");
    CHECK(guilt::support(j.in, lexicon()).words == "feel hopeless");
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
