// SPDX-License-Identifier: MIT
// Which follow-ups are due tonight: every prompt she answered on an earlier night, at most three,
// until a session asked it (within four weeks), never one asked before; how her answers are
// spelled; and which written answers say "no".
#include "guilt/core/followup.hpp"

#include <catch2/catch.hpp>

using namespace guilt;

namespace {

constexpr Date kThu{2026, 11, 26};

// Her answer to `strategy`'s prompt for `date`, stored with id `id`.
Entry answered(std::int64_t id, const std::string& date, const std::string& strategy) {
    Entry e;
    e.id = id;
    e.type = EntryType::reflection;
    e.date = date;
    e.strategy = strategy;
    e.text = "an answer";
    return e;
}

std::vector<std::int64_t> ids(const std::vector<const Entry*>& due) {
    std::vector<std::int64_t> out;
    for (const Entry* e : due)
        out.push_back(e->id);
    return out;
}

using Ids = std::vector<std::int64_t>;

}  // namespace

TEST_CASE("the prompts she answered last night are due, in the order she answered them",
          "[followup]") {
    std::vector<Entry> recent = {answered(8, "2026-11-25", "motto"),
                                 answered(7, "2026-11-25", "facts")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7, 8});
}

TEST_CASE("at most three follow-ups a night; the fourth waits for the next session", "[followup]") {
    std::vector<Entry> recent = {
        answered(7, "2026-11-25", "facts"), answered(8, "2026-11-25", "motto"),
        answered(9, "2026-11-25", "bank"), answered(10, "2026-11-25", "listen")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7, 8, 9});
    // Once the first three are answered, the fourth is asked.
    CHECK(ids(due_followups(kThu, recent, {7, 8, 9})) == Ids{10});
}

TEST_CASE("a follow-up answered or skipped before is not due again", "[followup]") {
    std::vector<Entry> recent = {answered(7, "2026-11-25", "facts"),
                                 answered(8, "2026-11-25", "motto")};
    CHECK(ids(due_followups(kThu, recent, {7})) == Ids{8});
}

TEST_CASE("a follow-up of an older night stays due until a session asks it, oldest first",
          "[followup]") {
    std::vector<Entry> recent = {answered(5, "2026-11-23", "bank"),
                                 answered(7, "2026-11-24", "facts")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{5, 7});
    CHECK(ids(due_followups(kThu, recent, {5})) == Ids{7});
}

TEST_CASE("a follow-up is dropped after kFollowUpDays days", "[followup]") {
    REQUIRE(kFollowUpDays == 28);
    std::vector<Entry> recent = {answered(7, "2026-10-29", "facts")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7});  // 28 days later: still asked
    CHECK(ids(due_followups(Date{2026, 11, 27}, recent, {})).empty());  // 29 days: dropped
}

TEST_CASE("tonight's own answers and later nights are not follow-ups for tonight", "[followup]") {
    std::vector<Entry> recent = {answered(7, "2026-11-26", "facts"),
                                 answered(8, "2026-11-27", "motto")};
    CHECK(ids(due_followups(kThu, recent, {})).empty());
}

TEST_CASE("the same prompt answered twice in a night is one follow-up", "[followup]") {
    std::vector<Entry> recent = {answered(7, "2026-11-25", "facts"),
                                 answered(8, "2026-11-25", "facts"),
                                 answered(9, "2026-11-25", "motto")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7, 9});
    CHECK(ids(due_followups(kThu, recent, {7})) == Ids{9});
}

TEST_CASE("a night without answers asks nothing", "[followup]") {
    CHECK(due_followups(kThu, {}, {}).empty());
}

TEST_CASE("her answers are spelled yes, little and no, and nothing else reads as one",
          "[followup]") {
    for (auto h : {Helped::yes, Helped::little, Helped::no})
        CHECK(helped_from(to_string(h)) == h);
    CHECK(to_string(Helped::little) == "little");
    for (const char* other : {"", "Yes", "a little", "skip", "maybe", "y"})
        CHECK_FALSE(helped_from(other));
}

TEST_CASE("a written answer that plainly says no reads as a no", "[followup]") {
    for (const char* no : {"no", "No.", "No, there isn't one near us", "nope",
                           "There is no moms' group within 40 km", "there isn't one",
                           "Honestly it's not possible with my shifts", "Impossible this week",
                           "No hay ninguno cerca", "imposible", "there\u2019s no time"})
        CHECK(says_no(no));
    for (const char* other :
         {"", "Ten minutes of lego", "Not sure yet", "nobody asked me", "I know it's possible",
          "A walk, no phone", "notice it and breathe", "Yes, no doubt"})
        CHECK_FALSE(says_no(other));
}
