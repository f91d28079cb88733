// SPDX-License-Identifier: MIT
// Which follow-ups are due tonight: the last night she answered, at most two, within a few
// days, never one asked before; and how her answers are spelled.
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

TEST_CASE("at most two follow-ups a night; the third prompt she answered is never asked",
          "[followup]") {
    std::vector<Entry> recent = {answered(7, "2026-11-25", "facts"),
                                 answered(8, "2026-11-25", "motto"),
                                 answered(9, "2026-11-25", "bank")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7, 8});
    // Once the first two are answered, the third does not move up.
    CHECK(ids(due_followups(kThu, recent, {7, 8})).empty());
}

TEST_CASE("a follow-up answered or skipped before is not due again", "[followup]") {
    std::vector<Entry> recent = {answered(7, "2026-11-25", "facts"),
                                 answered(8, "2026-11-25", "motto")};
    CHECK(ids(due_followups(kThu, recent, {7})) == Ids{8});
}

TEST_CASE("only the latest night she answered counts, not the nights before it", "[followup]") {
    std::vector<Entry> recent = {answered(5, "2026-11-23", "bank"),
                                 answered(7, "2026-11-24", "facts")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7});
    // Even when that night's follow-up is done, the older night is not asked about.
    CHECK(ids(due_followups(kThu, recent, {7})).empty());
}

TEST_CASE("a follow-up is dropped after kFollowUpDays nights", "[followup]") {
    REQUIRE(kFollowUpDays == 3);
    std::vector<Entry> recent = {answered(7, "2026-11-23", "facts")};
    CHECK(ids(due_followups(kThu, recent, {})) == Ids{7});  // 3 nights later: still asked
    CHECK(ids(due_followups(Date{2026, 11, 27}, recent, {})).empty());  // 4 nights: dropped
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
