// SPDX-License-Identifier: MIT
#include "guilt/core/entry_rules.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "builders.hpp"
#include "guilt/cli/journal_import.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"

using namespace guilt;
using test::error_of;
using Names = std::vector<std::string>;

namespace {

nlohmann::json run_entry(nlohmann::json with) {
    return {{"uuid", "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
            {"type", "run"},
            {"at", "2026-11-25T07:00:00-05:00"},
            {"distance_m", 5000},
            {"with", std::move(with)}};
}

}  // namespace

TEST_CASE("each type of entry has its own fields, and needs some of them", "[rules]") {
    CHECK(has_field(EntryType::run, Field::with));
    CHECK(has_field(EntryType::engage, Field::child_led));
    CHECK_FALSE(has_field(EntryType::guilt, Field::felt));
    CHECK_FALSE(has_field(EntryType::win, Field::note));
    CHECK(has_field(EntryType::deposit, Field::minutes));
    const auto required = [](EntryType type) {
        Names out;
        for (const auto& r : fields_of(type))
            if (r.required) out.emplace_back(to_string(r.field));
        return out;
    };
    CHECK(required(EntryType::guilt) == Names{"text"});
    CHECK(required(EntryType::run) == Names{"distance_m"});
    CHECK(required(EntryType::engage) == Names{"minutes"});
    CHECK(required(EntryType::reflection) == Names{"date", "strategy", "answer"});
}

TEST_CASE("the export writes each type's fields, in the order the rules give", "[rules][json]") {
    for (auto type : kEntryTypes) {
        Entry e;
        e.type = type;
        e.text = "words";
        e.minutes = 10;
        e.distance_m = 5000;
        const auto j = entry_to_json(e, false);
        Names keys;
        for (auto it = j.begin(); it != j.end(); ++it)
            keys.push_back(it.key());
        Names expected = {"uuid", "type", "at"};
        for (const auto& r : fields_of(type))
            expected.emplace_back(to_string(r.field));
        expected.insert(expected.end(), {"tags", "kids"});
        CHECK(keys == expected);
    }
}

TEST_CASE("a time or a day after now is in the future, as for a WHEN she types", "[rules]") {
    const auto now = test::local_at(Date{2026, 11, 26}, 21, 0, -5 * 3600);
    CHECK_FALSE(in_future(now, now));
    CHECK_FALSE(in_future(Timestamp{now.utc + 59, now.offset}, now));
    CHECK(in_future(Timestamp{now.utc + 60, now.offset}, now));
    CHECK_FALSE(in_future(Date{2026, 11, 26}, now));
    CHECK(in_future(Date{2026, 11, 27}, now));
    CHECK(in_future(Date{9999, 12, 31}, now));
    // The same rule refuses what an import brings.
    const nlohmann::json doc{{"format", "guilt"},
                             {"version", 1},
                             {"entries",
                              {{{"uuid", "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60"},
                                {"type", "win"},
                                {"at", "2099-01-01T12:00:00-05:00"},
                                {"text", "later"}}}}};
    CHECK_THAT(error_of([&] { read_import(doc, now); }),
               Catch::StartsWith("/entries/0/at: is in the future"));
    CHECK(read_import(doc).entries.size() == 1);  // without a now, times are not compared
}

TEST_CASE("a kid's name of invisible spaces is no name", "[rules]") {
    for (const char* blank : {"\u00a0", "@\u3000", "\u200b"}) {
        CAPTURE(blank);
        CHECK_THAT(error_of([&] { kid_rule(blank, "--kid"); }),
                   Catch::StartsWith("--kid needs a name"));
    }
}

TEST_CASE("a tag or a kid is normalised the same way wherever it comes from", "[rules]") {
    CHECK(tag_rule(" #School ", "--tag") == "school");
    CHECK(kid_rule("@Maya", "--kid") == "Maya");
    CHECK(error_of([] { kid_rule("Ma ya", "--kid"); }) ==
          "--kid must be one name without spaces or commas, got \"Ma ya\"");
    CHECK(error_of([] {
              tag_rule("two words", "/entries/0/tags/1:");
          }).starts_with("/entries/0/tags/1: must be a tag"));
    // The command line and import once disagreed on a carriage return in a kid's name.
    CHECK_FALSE(error_of([] { kid_rule("Ma\rya", "--kid"); }).empty());
    CHECK_FALSE(error_of([] { kid_rule("Ma\rya", "/entries/0/kids/0:"); }).empty());
}

TEST_CASE("who she ran with: known names in any case, without repeats, solo alone", "[rules]") {
    CHECK(companions_rule({"Moms", "moms", " club "}, "--with") == Names{"moms", "club"});
    CHECK(error_of([] {
              companions_rule({"solo", "moms"}, "--with");
          }) == "--with cannot hold solo with others, got solo, moms");
    CHECK(error_of([] { companions_rule({"cat"}, "--with"); }) ==
          "--with must be one of solo, moms, friends, kids, partner, club, got \"cat\"");
    // Import reads "with" by the same rule as --with (it once required lower case).
    const auto data = read_import(nlohmann::json{{"format", "guilt"},
                                                 {"version", 1},
                                                 {"exported_at", "2026-11-26T21:00:00-05:00"},
                                                 {"entries", {run_entry({"Moms"})}}});
    REQUIRE(data.entries.size() == 1);
    CHECK(data.entries[0].with == Names{"moms"});
}
