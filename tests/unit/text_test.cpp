// SPDX-License-Identifier: MIT
#include "guilt/text.hpp"

#include <catch2/catch.hpp>

#include "guilt/error.hpp"

using guilt::extract_kids;
using guilt::extract_tags;
using Names = std::vector<std::string>;

TEST_CASE("tags are read from #words, lower-cased, in order, without duplicates", "[text][tags]") {
    struct Row {
        const char* text;
        Names tags;
    };
    const Row rows[] = {
        {"Missed #School pickup #work", {"school", "work"}},
        {"#food at the start", {"food"}},
        {"end of line #sleep.", {"sleep"}},
        {"twice #Work and #work", {"work"}},
        {"hyphens #me-time count", {"me-time"}},
        {"trailing hyphen #run- stops", {"run"}},
        {"C# is a language, not a tag", {}},
        {"issue#42 inside a word", {}},
        {"#1 priority is a number, not a tag", {}},
        {"a lone # sign", {}},
        {"unicode #école works", {"école"}},
        {"(#bedtime) in brackets", {"bedtime"}},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        CHECK(extract_tags(r.text) == r.tags);
    }
}

TEST_CASE("kids are read from @Names with their case, but not from e-mail addresses",
          "[text][kids]") {
    struct Row {
        const char* text;
        Names kids;
    };
    const Row rows[] = {
        {"Played lego with @Sam", {"Sam"}},
        {"@Eleanor and @Theo at the park", {"Eleanor", "Theo"}},
        {"@Sam, then @sam again", {"Sam"}},
        {"mail jane@example.com about it", {}},
        {"write to @example.com please", {}},
        {"@Zoë's recital", {"Zoë"}},
        {"@Mary-Jane's turn", {"Mary-Jane"}},
        {"@ alone", {}},
        {"@42 is not a name", {}},
    };
    for (const auto& r : rows) {
        INFO(r.text);
        CHECK(extract_kids(r.text) == r.kids);
    }
}

TEST_CASE("text must be UTF-8 without control characters and within the size limit", "[text]") {
    CHECK_NOTHROW(
        guilt::check_text("Plain words, emoji 🏃‍♀️ and Hebrew שלום", "TEXT"));
    CHECK_NOTHROW(guilt::check_text("two\nlines\tand a tab", "TEXT"));
    CHECK_THROWS_AS(guilt::check_text(std::string("nul\0byte", 8), "TEXT"), guilt::UsageError);
    CHECK_THROWS_AS(guilt::check_text("bad \xff byte", "TEXT"), guilt::UsageError);
    CHECK_THROWS_AS(guilt::check_text("overlong \xc0\xaf", "TEXT"), guilt::UsageError);
    CHECK_THROWS_AS(guilt::check_text("surrogate \xed\xa0\x80", "TEXT"), guilt::UsageError);
    CHECK_THROWS_AS(guilt::check_text("cut \xe2\x82", "TEXT"), guilt::UsageError);
    CHECK_THROWS_AS(guilt::check_text(std::string(guilt::kMaxTextBytes + 1, 'a'), "TEXT"),
                    guilt::UsageError);
    CHECK_THROWS_WITH(guilt::check_text("bad \xff", "--note"), Catch::Contains("--note"));
}

TEST_CASE("shorten cuts on characters, never inside a UTF-8 sequence", "[text]") {
    CHECK(guilt::shorten("short", 10) == "short");
    CHECK(guilt::shorten("line one\nline two", 40) == "line one line two");
    CHECK(guilt::shorten("abcdefghij", 5) == "abcd…");
    CHECK(guilt::shorten("ééééééé", 4) == "ééé…");
    CHECK(guilt::display_width(guilt::shorten("ééééééé", 4)) == 4);
}

TEST_CASE("lists read naturally", "[text]") {
    CHECK(guilt::join_and({}) == "");
    CHECK(guilt::join_and({"Sam"}) == "Sam");
    CHECK(guilt::join_and({"Sam", "Ava"}) == "Sam and Ava");
    CHECK(guilt::join_and({"Sam", "Ava", "Noah"}) == "Sam, Ava and Noah");
}
