// SPDX-License-Identifier: MIT
#include "guilt/core/text.hpp"

#include <catch2/catch.hpp>
#include <chrono>

#include "guilt/core/error.hpp"

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
        {"@D'Andre cried", {"D'Andre"}},
        {"@D\u2019Andre cried", {"D\u2019Andre"}},
        {"@Sam's lunch, @Sam\u2019s coat", {"Sam"}},
        {"@D'Andre's shoes", {"D'Andre"}},
        {"@James' coat", {"James"}},
        {"@Mary-Kate and @Mary-kate", {"Mary-Kate"}},
        {"@ZO\u00cb and @zo\u00eb and @Zoe\u0308", {"ZO\u00cb"}},
        {"@zoe and @Zo\u00eb are two names", {"zoe", "Zo\u00eb"}},
        {"@O''Brien", {"O"}},
        {"'@Sam'", {"Sam"}},
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

TEST_CASE("shorten cuts on columns, never inside a UTF-8 sequence", "[text]") {
    CHECK(guilt::shorten("short", 10) == "short");
    CHECK(guilt::shorten("line one\nline two", 40) == "line one line two");
    CHECK(guilt::shorten("abcdefghij", 5) == "abcd…");
    CHECK(guilt::shorten("ééééééé", 4) == "ééé…");
    CHECK(guilt::display_width(guilt::shorten("ééééééé", 4)) == 4);
}

TEST_CASE("display width counts the columns a terminal shows", "[text][wrap]") {
    CHECK(guilt::display_width("bad mom") == 7);
    CHECK(guilt::display_width("é") == 1);                // one precomposed letter
    CHECK(guilt::display_width("e\u0301") == 1);          // a letter and its combining accent
    CHECK(guilt::display_width("坏妈妈") == 6);           // wide: two columns each
    CHECK(guilt::display_width("\U0001F61E") == 2);       // an emoji
    CHECK(guilt::display_width("a\u200Bb") == 2);         // a zero-width space
    CHECK(guilt::display_width("\xff") == 1);             // a byte that is not UTF-8
    CHECK(guilt::shorten("坏妈妈坏妈妈", 5) == "坏妈…");  // cut by columns, never half a character
    CHECK(guilt::shorten("cafe\u0301s", 5) == "cafe\u0301s");
    CHECK(guilt::shorten("cafe\u0301s and more", 5) == "cafe\u0301…");
}

TEST_CASE("wrap_lines breaks at spaces, never inside a word or a figure", "[text][wrap]") {
    using Lines = std::vector<std::string>;
    CHECK(guilt::wrap_lines("intensity down by 3.0", 12) == Lines{"intensity", "down by 3.0"});
    CHECK(guilt::wrap_lines("a b c", 80) == Lines{"a b c"});
    CHECK(guilt::wrap_lines("", 80).empty());
    // A word wider than the line stands alone, whole.
    CHECK(guilt::wrap_lines("see supercalifragilistic now", 8) ==
          Lines{"see", "supercalifragilistic", "now"});
    // Indents count in the width: the first line's and the others'.
    CHECK(guilt::wrap_lines("one two three four", 12, "Label ", "      ") ==
          Lines{"Label one", "      two", "      three", "      four"});
    // Wide characters take two columns.
    CHECK(guilt::wrap_lines("坏妈妈 坏妈妈", 10) == Lines{"坏妈妈", "坏妈妈"});
    CHECK(guilt::wrap_lines("坏妈妈 ab", 9) == Lines{"坏妈妈 ab"});
    // Newlines start lines; an empty line stays; runs of spaces are one.
    CHECK(guilt::wrap_lines("one\n\ntwo   three", 80) == Lines{"one", "", "two three"});
    CHECK(guilt::wrap("one two", 5, "  ") == "  one\n  two\n");
    for (std::size_t width : {20u, 40u, 61u})
        for (const auto& line : guilt::wrap_lines(
                 "Every text view wraps to the terminal's width, measuring display width with "
                 "utf8proc: 坏妈妈 and 😞 take two columns each, combining marks none.",
                 width))
            CHECK(guilt::display_width(line) <= width);
}

TEST_CASE("wrap_lines fits half as many wide characters on a line, and marks take none",
          "[text][wrap]") {
    using Lines = std::vector<std::string>;
    // Four letters a word: four words of ASCII fit in 20 columns, two of CJK (8 columns each).
    CHECK(guilt::wrap_lines("abcd abcd abcd abcd", 20) == Lines{"abcd abcd abcd abcd"});
    CHECK(guilt::wrap_lines("坏妈妈坏 坏妈妈坏 坏妈妈坏 坏妈妈坏", 20) ==
          Lines{"坏妈妈坏 坏妈妈坏", "坏妈妈坏 坏妈妈坏"});
    // A combining accent takes no column: "café café" is 9 columns in 10 code points.
    CHECK(guilt::wrap_lines("cafe\u0301 cafe\u0301", 9) == Lines{"cafe\u0301 cafe\u0301"});
    CHECK(guilt::wrap_lines("cafe\u0301 cafe\u0301", 8) == Lines{"cafe\u0301", "cafe\u0301"});
    // An emoji takes two.
    CHECK(guilt::wrap_lines("\U0001F61E\U0001F61E \U0001F61E\U0001F61E", 9) ==
          Lines{"\U0001F61E\U0001F61E \U0001F61E\U0001F61E"});
    CHECK(guilt::wrap_lines("\U0001F61E\U0001F61E \U0001F61E\U0001F61E", 8) ==
          Lines{"\U0001F61E\U0001F61E", "\U0001F61E\U0001F61E"});
}

TEST_CASE("one_decimal rounds to one decimal and never shows -0.0", "[text]") {
    CHECK(guilt::one_decimal(5.64) == "5.6");
    CHECK(guilt::one_decimal(3) == "3.0");
    CHECK(guilt::one_decimal(-1.26) == "-1.3");
    CHECK(guilt::one_decimal(-0.04) == "0.0");
}

TEST_CASE("a niece, a friend or a partner named with @ is not one of her kids", "[text][kids]") {
    CHECK(extract_kids("Took my niece @Mia to the park with @Sam") == Names{"Sam"});
    CHECK(extract_kids("niece @Mia and nephew @Leo came over") == Names{});
    CHECK(extract_kids("Ignored @Leo (my nephew) and @Sam") == Names{"Sam"});
    CHECK(extract_kids("Called @Dan, my husband, about @Sam") == Names{"Sam"});
    CHECK(extract_kids("her friend @Zoe slept over") == Names{});
    CHECK(extract_kids("Fought with my sister @Ana") == Names{});
    CHECK(extract_kids("mi sobrina @Lucía y @Sam") == Names{"Sam"});
    // Her children are each other's siblings: those stay her kids.
    CHECK(extract_kids("his sister @Ana heard it") == Names{"Ana"});
    CHECK(extract_kids("@Ana, his sister, heard it") == Names{"Ana"});
    CHECK(extract_kids("my son @Sam and my daughter @Ana") == Names{"Sam", "Ana"});
    // extract_mentions keeps every name: what is-a-kid links back.
    CHECK(guilt::extract_mentions("Took my niece @Mia") == Names{"Mia"});
}

TEST_CASE("lists read naturally", "[text]") {
    CHECK(guilt::join_and({}) == "");
    CHECK(guilt::join_and({"Sam"}) == "Sam");
    CHECK(guilt::join_and({"Sam", "Ava"}) == "Sam and Ava");
    CHECK(guilt::join_and({"Sam", "Ava", "Noah"}) == "Sam, Ava and Noah");
}

TEST_CASE("text of only white space and invisible characters is blank", "[text][blank]") {
    for (const char* blank : {"", " \t\n", "\u00a0", "\u3000", "\u200b", "\u2060\ufeff",
                              "\u2003\u202f\u205f", "\u3164", "\u2800", "\u00a0\u200b "}) {
        CAPTURE(blank);
        CHECK(guilt::is_blank(blank));
    }
    for (const char* words : {"a", "\u00a0Zo\u00eb", "\u200b.", "\u0301", "\xff"}) {
        CAPTURE(words);
        CHECK_FALSE(guilt::is_blank(words));
    }
    // An @ or # before an invisible space names no kid and no tag.
    CHECK(extract_kids("Snapped @\u00a0 and @\u3000").empty());
    CHECK(extract_tags("#\u200b").empty());
}

TEST_CASE("names that look alike but are spelled with other letters are confusable",
          "[text][kids]") {
    using guilt::confusable;
    using guilt::lookalike_letter;
    using guilt::name_skeleton;
    const std::string cyrillic_anna = "\u0410nna";  // Cyrillic capital A, then Latin
    CHECK(confusable("Anna", cyrillic_anna));
    CHECK(confusable(cyrillic_anna, "anna"));
    CHECK(confusable("\u0421laire", "claire"));  // Cyrillic С
    CHECK(confusable("\u039dina", "Nina"));      // Greek capital Nu
    CHECK(confusable("\u03bdina", "vina"));      // Greek small nu
    CHECK(confusable("\u0440\u0430\u0443", "pay"));
    // One name, or two names that do not look alike, are not confusable.
    CHECK_FALSE(confusable("Anna", "ANNA"));
    CHECK_FALSE(confusable("Anna", "Anne"));
    CHECK_FALSE(confusable("Zo\u00eb", "Zoe"));
    CHECK_FALSE(confusable("\u041dina", "Nina"));  // Cyrillic Н is drawn like H
    CHECK(name_skeleton(cyrillic_anna) == "anna");
    CHECK(name_skeleton("\xff") == guilt::fold_name("\xff"));
    CHECK(lookalike_letter(cyrillic_anna) == "Cyrillic \u0410");
    CHECK(lookalike_letter("\u039dina") == "Greek \u039d");
    CHECK(lookalike_letter("Anna").empty());
    CHECK(lookalike_letter("\u0414\u0438\u043c\u0430") == "Cyrillic \u0430");  // Дима
}

TEST_CASE("fold_name gives every spelling of one name the same key, keeping accents",
          "[text][kids]") {
    using guilt::fold_name;
    using guilt::same_name;
    // Case, composed or decomposed marks, compatibility forms and the apostrophe typed.
    CHECK(fold_name("Zo\u00eb") == "zo\u00eb");
    CHECK(fold_name("ZO\u00cb") == "zo\u00eb");
    CHECK(fold_name("Zoe\u0308") == "zo\u00eb");
    CHECK(fold_name("\uff3aoe") == "zoe");  // fullwidth Z
    CHECK(fold_name("D\u2019Andre") == "d'andre");
    CHECK(fold_name("Stra\u00dfe") == "strasse");
    CHECK(fold_name("Ma\u200brie") == "marie");  // a zero-width space is not part of a name
    CHECK(same_name("\u00c9lodie", "\u00e9LODIE"));
    CHECK(same_name("\u0391\u03b8\u03b7\u03bd\u03ac", "\u03b1\u03b8\u03b7\u03bd\u03ac"));
    // Accents and marks tell names apart: stripping them would also strip Indic vowel signs.
    CHECK_FALSE(same_name("Zoe", "Zo\u00eb"));
    CHECK_FALSE(same_name("\u0930\u093e\u092e", "\u0930\u092e"));  // Ram and Rm in Devanagari
    CHECK_FALSE(same_name("Sam", "Sama"));
    // Bytes that are not UTF-8 are their own key, never an error.
    CHECK(fold_name("bad \xff") == "bad \xff");
}

TEST_CASE("merge_names with folding keeps the first spelling of each name", "[text][kids]") {
    Names names = {"Zo\u00eb"};
    guilt::merge_names(names, {"ZO\u00cb", "zoe", "Zoe\u0308", "Sam"}, true);
    CHECK(names == Names{"Zo\u00eb", "zoe", "Sam"});
    Names exact = {"Zo\u00eb"};
    guilt::merge_names(exact, {"ZO\u00cb"}, false);
    CHECK(exact == Names{"Zo\u00eb", "ZO\u00cb"});
}

TEST_CASE("C1 controls, CR and bidi controls are refused, naming the code point", "[text]") {
    struct Row {
        std::string text, code_point;
    };
    const Row rows[] = {
        {"next\xc2\x85line", "U+0085"},  {"carriage\rreturn", "U+000D"},
        {"csi \xc2\x9b", "U+009B"},      {"evil\xe2\x80\xaetxt", "U+202E"},
        {"embed\xe2\x80\xaa", "U+202A"}, {"isolate\xe2\x81\xa6", "U+2066"},
        {"pop\xe2\x81\xa9", "U+2069"},   {"esc\x1b[31m", "U+001B"},
    };
    for (const auto& r : rows) {
        INFO(r.code_point);
        CHECK_THROWS_WITH(guilt::check_text(r.text, "TEXT"),
                          Catch::Contains("TEXT") && Catch::Contains(r.code_point));
        CHECK(guilt::has_unprintable(r.text));
    }
    // Marks that only say which way a letter runs are text.
    CHECK_NOTHROW(guilt::check_text("mark \xe2\x80\x8f and \xe2\x80\x8e", "TEXT"));
    CHECK_FALSE(guilt::has_unprintable("two\nlines\tand a tab, Zoë 🏃"));
}

TEST_CASE("is_utf8 tells text from bytes that are not UTF-8, controls or not", "[text]") {
    CHECK(guilt::is_utf8(""));
    CHECK(guilt::is_utf8("Zo\u00eb, \U0001F3C3, a tab\t and esc\x1b"));
    CHECK_FALSE(guilt::is_utf8("bad \xff byte"));
    CHECK_FALSE(guilt::is_utf8("cut \xc3"));           // a sequence cut short
    CHECK_FALSE(guilt::is_utf8("overlong \xc0\xaf"));  // '/' in two bytes
    CHECK_FALSE(guilt::is_utf8("surrogate \xed\xa0\x80"));
    // Long ASCII runs are read eight bytes at a time: a bad byte or a character is found at
    // every place of such a run, and a character across two runs is one character.
    for (std::size_t at = 0; at < 20; ++at) {
        CAPTURE(at);
        auto with = [at](std::string_view bytes) {
            return std::string(at, 'a').append(bytes).append(24 - at, 'a');
        };
        CHECK_FALSE(guilt::is_utf8(with("\xff")));
        CHECK_FALSE(guilt::is_utf8(with("\xe2\x82")));
        CHECK(guilt::is_utf8(with("\xe2\x82\xac")));
    }
}

TEST_CASE("visible escapes what a terminal would act on and leaves text as it is", "[text]") {
    CHECK(guilt::visible("plain Zoë\n\ttab") == "plain Zoë\n\ttab");
    CHECK(guilt::visible("red\x1b[31m") == "red\\x1b[31m");
    CHECK(guilt::visible("cr\rnel\xc2\x85") == "cr\\x0dnel\\u0085");
    CHECK(guilt::visible("a\xe2\x80\xae"
                         "b\xe2\x81\xa6") == "a\\u202eb\\u2066");
    CHECK(guilt::visible("bad \xff byte") == "bad \\xff byte");
    // Once escaped, nothing is left to escape.
    auto once = guilt::visible("x\x1b\xe2\x80\xae");
    CHECK(guilt::visible(once) == once);
    CHECK(guilt::shorten("bell\x07 here", 40) == "bell\\x07 here");
}

TEST_CASE("merge_names keeps the first spelling and is linear in the names", "[text]") {
    std::vector<std::string> names = {"Sam"};
    guilt::merge_names(names, {"sam", "Theo", "SAM", "theo", "Ava"}, true);
    CHECK(names == std::vector<std::string>{"Sam", "Theo", "Ava"});
    std::vector<std::string> tags = {"work"};
    guilt::merge_names(tags, {"Work", "work"}, false);
    CHECK(tags == std::vector<std::string>{"work", "Work"});

    std::vector<std::string> many, merged;
    for (int i = 0; i < 30000; ++i)
        many.push_back("Kid" + std::to_string(i % 20000));
    auto start = std::chrono::steady_clock::now();
    guilt::merge_names(merged, many, true);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(merged.size() == 20000);
    CHECK(took < std::chrono::seconds(1));  // the quadratic merge took over ten
}

TEST_CASE("an entry holds at most 32 tags and 32 kids", "[text]") {
    CHECK_NOTHROW(guilt::check_name_count(32, "--tag", "tags"));
    CHECK_THROWS_WITH(guilt::check_name_count(33, "--tag and #tags", "tags"),
                      "--tag and #tags: 33 tags given; an entry holds at most 32");
}
