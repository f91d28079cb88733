// SPDX-License-Identifier: MIT
// The pure parts of the line editor: which control character an answer holds (so that one
// answer is refused and asked again), and what a paste becomes in one line.
#include "guilt/cli/line_editor.hpp"

#include <catch2/catch.hpp>

using namespace guilt;

TEST_CASE("an answer in plain words, accents and emoji holds no control character",
          "[line_editor]") {
    for (const char* ok :
         {"", "I did play with Sam on Tuesday", "Zoë baked bread 🌟, café", "«non», 日本語 — fine"})
        CHECK_FALSE(first_control_character(ok));
}

TEST_CASE("the escape of an arrow key, DEL, tab and other controls are found", "[line_editor]") {
    CHECK(first_control_character("went \x1b[Dwell") == U'\x1b');
    CHECK(first_control_character("oops\x7f") == U'\x7f');
    CHECK(first_control_character("a\tb") == U'\t');
    CHECK(first_control_character(std::string("nul\0here", 8)) == U'\0');
    CHECK(first_control_character("bell\x07") == U'\x07');
    // A C1 control (U+009B, the one-character CSI) is one too; U+00A0 and U+00C2 are not.
    CHECK(first_control_character("x\xc2\x9b") == U'\x9b');
    CHECK_FALSE(
        first_control_character("no\xc2\xa0"
                                "break \xc3\x82"));
}

TEST_CASE("a refused control character is named in hex", "[line_editor]") {
    CHECK(control_character_name(U'\x1b') == "0x1b");
    CHECK(control_character_name(U'\x7f') == "0x7f");
}

TEST_CASE("a pasted paragraph becomes one line: breaks and tabs are one space", "[line_editor]") {
    CHECK(flatten_paste("first line\nsecond line") == "first line second line");
    CHECK(flatten_paste("windows\r\nline\r\n\r\nend") == "windows line end");
    CHECK(flatten_paste("a\tb") == "a b");
    CHECK(flatten_paste("ends with a space \nnext") == "ends with a space next");
    CHECK(flatten_paste("\n\nleading and trailing\n") == "leading and trailing");
    CHECK(flatten_paste("Zoë 🌟\nbread") == "Zoë 🌟 bread");
}

TEST_CASE("other control characters in a paste are dropped", "[line_editor]") {
    CHECK(flatten_paste("bell\x07 and\x1b escape") == "bell and escape");
    CHECK(flatten_paste(std::string("nul\0byte", 8)) == "nulbyte");
    CHECK(flatten_paste("del\x7f") == "del");
}

TEST_CASE("a refused answer comes back without its control characters, her words kept",
          "[line_editor]") {
    CHECK(without_control_characters("Two hours\x1b at the park") == "Two hours at the park");
    CHECK(without_control_characters("tab\there\x7f") == "tabhere");
    CHECK(without_control_characters("x\xc2\x9by") == "xy");
    std::string words =
        "Zoë \xc2\xa0"
        "café 🌟";
    CHECK(without_control_characters(words) == words);
    for (const char* line : {"a\x1b[D", "\x07\x07", "mixed\x01\xc2\x80 text"})
        CHECK_FALSE(first_control_character(without_control_characters(line)));
}
