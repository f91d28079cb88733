// SPDX-License-Identifier: MIT
// Unit tests of cue-word matching (src/core/lexicon.cpp): topics from tags and text, distortions
// with negation and quotation, the words reported, and parse_lexicon's errors. The matching rules
// are pinned on a small lexicon written here; the documented examples run on the built-in one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "builders.hpp"
#include "guilt/cli/embedded.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/lexicon.hpp"
#include "guilt/core/reflect.hpp"

namespace Catch {
template <>
struct StringMaker<guilt::DistortionHit> {
    static std::string convert(const guilt::DistortionHit& h) {
        return h.id + ": \"" + h.words + "\"";
    }
};
}  // namespace Catch

using guilt::DistortionHit;
using guilt::Lexicon;
using Strings = std::vector<std::string>;
using Hits = std::vector<DistortionHit>;

namespace {

constexpr const char* kSmallLexicon = R"({
  "version": 1,
  "topics": [
    {"id": "running", "label": "running and time for yourself",
     "cues": ["run", "long run", "jog*", "me-time", "time for myself"]},
    {"id": "screens", "label": "screen time", "cues": ["ipad", "screen*"]},
    {"id": "attention", "label": "attention and presence", "cues": ["wasn't present", "my phone"]}
  ],
  "distortions": [
    {"id": "labelling", "label": "labelling", "cues": ["bad mom", "selfish"]},
    {"id": "should", "label": "should statements", "cues": ["should", "supposed to"]},
    {"id": "all-or-nothing", "label": "all-or-nothing thinking", "cues": ["always", "never"]}
  ],
  "negations": ["not", "don't", "no"]
})";

const Lexicon& small() {
    static const Lexicon lex = guilt::parse_lexicon(kSmallLexicon, "test lexicon");
    return lex;
}

const Lexicon& built_in() {
    return test::built_in_lexicon();
}

Strings sorted(Strings s) {
    std::sort(s.begin(), s.end());
    return s;
}

std::string labelling(const Lexicon& lex, const std::string& text) {
    for (const auto& h : guilt::detect_distortions(lex, text))
        if (h.id == "labelling") return h.words;
    return "";
}

// The message of the UsageError parse_lexicon throws for `json`, or "" when it throws none.
std::string lexicon_error(const std::string& json) {
    try {
        guilt::parse_lexicon(json, "my lexicon.json");
    } catch (const guilt::UsageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// ---- topics -----------------------------------------------------------------------------------

TEST_CASE("topics come from tags first, then from the text", "[lexicon][topics]") {
    struct Row {
        const char* text;
        Strings tags;
        Strings want;
    };
    const Row rows[] = {
        {"Gave him the iPad", {"running"}, {"running", "screens"}},  // the tag before the text
        {"", {"screens"}, {"screens"}},                              // a tag naming a topic
        {"", {"ipad"}, {"ipad", "screens"}},        // a one-word cue: itself, then its topic
        {"", {"iPad"}, {"ipad", "screens"}},        // tags are read in lower case
        {"", {"jogging"}, {"jogging", "running"}},  // a prefix cue
        {"", {"long"}, {"long"}},                   // a word of a multi-word cue is not one
        {"", {"piano"}, {"piano"}},                 // a tag that is no topic is still a trigger
        {"", {"screens", "ipad"}, {"screens", "ipad"}},  // no duplicates
        {"Went for a run, then the iPad", {"piano", "running"}, {"piano", "running", "screens"}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text, row.tags);
        CHECK(guilt::detect_topics(small(), row.text, row.tags) == row.want);
    }
}

TEST_CASE("topics in the text are found by cue words", "[lexicon][topics]") {
    struct Row {
        const char* text;
        Strings want;
    };
    const Row rows[] = {
        {"Went for a run", {"running"}},
        {"RUN before breakfast", {"running"}},
        {"She runs every morning", {"running"}},             // a cue covers its stem
        {"rerun of the show", {}},                           // ...not part of one
        {"Did my long run", {"running"}},                    // multi-word cue
        {"A long day", {}},                                  // half of a multi-word cue
        {"Took time for myself", {"running"}},               // three words
        {"time for my self", {}},                            //
        {"Jogged to the park", {"running"}},                 // prefix cue
        {"jog", {"running"}},                                // a prefix matches itself
        {"too many screens", {"screens"}},                   //
        {"Some me-time", {"running"}},                       // a hyphenated word is one word
        {"I wasn't present at dinner", {"attention"}},       // an apostrophe inside a word
        {"I wasn\u2019t present at dinner", {"attention"}},  // ...curly
        {"On my phone all evening", {"attention"}},          //
        {"ran around all day", {}},                          // no cue at all
        {"iPad, then a run, then the iPad again", {"running", "screens"}},  // each topic once
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(sorted(guilt::detect_topics(small(), row.text, {})) == sorted(row.want));
    }
}

TEST_CASE("topics of the built-in lexicon cover the article's examples", "[lexicon][topics]") {
    struct Row {
        const char* text;
        const char* topic;
    };
    const Row rows[] = {
        {"Poor spelling test, I should have practised with her", "school"},
        {"Read about toxins in baby food I didn't make myself", "food"},
        {"Cut my run short, the newborn was screaming", "running"},
        {"Cleaned the house while he begged me to play", "house"},
        {"Cleaned the house while he begged me to play", "attention"},
        {"Took a shower while she was on the iPad", "screens"},
        {"Answered emails through dinner", "work"},
        {"Everyone else seems to manage", "comparison"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text, row.topic);
        auto topics = guilt::detect_topics(built_in(), row.text, {});
        CHECK(std::find(topics.begin(), topics.end(), row.topic) != topics.end());
    }
}

TEST_CASE("topic_label names a topic, or gives a tag back as it is", "[lexicon][topics]") {
    CHECK(guilt::topic_label(small(), "screens") == "screen time");
    CHECK(guilt::topic_label(small(), "piano") == "#piano");  // a tag, shown as one
}

// ---- distortions ------------------------------------------------------------------------------

TEST_CASE("distortions are found unless negated within three words", "[lexicon][distortions]") {
    struct Row {
        const char* text;
        Hits want;
    };
    const Row rows[] = {
        {"I'm a bad mom", {{"labelling", "bad mom"}}},
        {"I'm not a bad mom", {}},
        {"I always yell", {{"all-or-nothing", "always"}}},
        {"I don't always yell", {}},
        {"I don\u2019t always yell", {}},  // a curly apostrophe in the negation
        {"not so very bad mom", {}},       // three words back
        {"not so very much a bad mom", {{"labelling", "bad mom"}}},   // four words back
        {"No run today. Selfish.", {{"labelling", "Selfish"}}},       // another sentence
        {"No, selfish", {{"labelling", "selfish"}}},                  // another clause
        {"No run today \u2014 selfish", {{"labelling", "selfish"}}},  // after a dash
        {"Not selfish, just tired", {}},
        {"I should be there", {{"should", "should"}}},
        {"I'm supposed to do it all", {{"should", "supposed to"}}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(guilt::detect_distortions(small(), row.text) == row.want);
    }
}

TEST_CASE("distortions inside quotation marks are someone else's words", "[lexicon][distortions]") {
    struct Row {
        const char* text;
        const char* want;
    };
    const Row rows[] = {
        {"He said \"you're a bad mom\"", ""},
        {"He said \u201cyou\u2019re a bad mom\u201d", ""},
        {"He said \"you're tired\" but I'm a bad mom", "bad mom"},
        {"He said \u201cyou\u2019re tired\u201d but I'm a bad mom", "bad mom"},
        {"\"bad mom\" he said, and I thought: bad mom", "bad mom"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        CHECK(labelling(small(), row.text) == row.want);
    }
}

TEST_CASE("distortions report her own words, one hit per distortion", "[lexicon][distortions]") {
    CHECK(guilt::detect_distortions(small(), "Honestly I'm a BAD Mom!") ==
          Hits{{"labelling", "BAD Mom"}});
    CHECK(guilt::detect_distortions(small(), "bad mom, bad mom, selfish") ==
          Hits{{"labelling", "bad mom"}});
    // In the order of the lexicon, not of the text.
    CHECK(guilt::detect_distortions(small(), "I always should, such a bad mom") ==
          Hits{{"labelling", "bad mom"}, {"should", "should"}, {"all-or-nothing", "always"}});
    // Single quotes, straight or curly, quote words as double quotes do ('you never listen').
    CHECK(labelling(small(), "I felt 'selfish' today") == "");
    CHECK(labelling(small(), "I felt \u2018selfish\u2019 today") == "");
    CHECK(labelling(small(), "so -selfish- of me") == "selfish");
}

TEST_CASE("distortions of the built-in lexicon follow strategies.md", "[lexicon][distortions]") {
    struct Row {
        const char* text;
        const char* id;
        const char* words;  // "" when it must not be found
    };
    const Row rows[] = {
        {"I'm a bad mom", "labelling", "bad mom"},
        {"I'm not a bad mom", "labelling", ""},
        {"He said \"you're a bad mom\"", "labelling", ""},
        {"He said \u201cyou\u2019re a bad mom\u201d", "labelling", ""},
        {"So selfish of me", "labelling", "selfish of me"},
        {"I'm not selfish", "labelling", ""},
        {"I don't always yell", "all-or-nothing", ""},
        {"I always yell", "all-or-nothing", "I always"},
        {"I never play with him", "all-or-nothing", "I never play"},
        {"I should have stayed home", "should", "should have"},
        {"I'm going to mess them up", "catastrophising", "mess them up"},
        {"She thinks I don't care", "mind-reading", "She thinks I"},
        {"Other moms make it look easy", "comparison", "Other moms"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text, row.id);
        std::string found;
        for (const auto& h : guilt::detect_distortions(built_in(), row.text))
            if (h.id == row.id) found = h.words;
        CHECK(found == row.words);
    }
}

// ---- parse_lexicon ----------------------------------------------------------------------------

TEST_CASE("the built-in lexicon parses", "[lexicon][parse]") {
    const auto& lex = built_in();
    CHECK(lex.topic_count >= 16);
    CHECK(lex.distortion_count >= 7);
    CHECK(lex.negation >= 0);
    CHECK(lex.support >= 0);
    for (std::size_t i = 0; i < lex.topic_count; ++i) {
        CAPTURE(lex.topic(i).id);
        CHECK_FALSE(lex.topic(i).label.empty());
        CHECK_FALSE(lex.topic(i).cues.empty());
    }
}

TEST_CASE("the built-in lexicon is data/lexicon.json as parse_lexicon reads it",
          "[lexicon][parse]") {
    auto parsed = guilt::parse_lexicon(test::source_file("data/lexicon.json"), "lexicon.json");
    const auto& compiled = built_in();
    CHECK(compiled.topic_count == parsed.topic_count);
    CHECK(compiled.distortion_count == parsed.distortion_count);
    CHECK(compiled.classes == parsed.classes);
    CHECK(compiled.index == parsed.index);
    CHECK(compiled.index_slots == parsed.index_slots);
    CHECK(compiled.index_next == parsed.index_next);
    CHECK(compiled.prefixes == parsed.prefixes);
    CHECK(compiled.suffixes == parsed.suffixes);
    CHECK(std::tie(compiled.support, compiled.hopeful, compiled.negation, compiled.disclaimer,
                   compiled.reporting, compiled.asking, compiled.clause_word, compiled.clarifying,
                   compiled.labelling, compiled.sarcasm, compiled.mind_reading,
                   compiled.comparison) ==
          std::tie(parsed.support, parsed.hopeful, parsed.negation, parsed.disclaimer,
                   parsed.reporting, parsed.asking, parsed.clause_word, parsed.clarifying,
                   parsed.labelling, parsed.sarcasm, parsed.mind_reading, parsed.comparison));
    CHECK(compiled.darker_model.weights == parsed.darker_model.weights);
    CHECK(compiled.darker_model.bias == parsed.darker_model.bias);
    CHECK(compiled.darker_model.threshold == parsed.darker_model.threshold);
    CHECK_FALSE(parsed.darker_model.weights.empty());
    REQUIRE(compiled.concepts.size() == parsed.concepts.size());
    for (std::size_t i = 0; i < parsed.concepts.size(); ++i) {
        CAPTURE(parsed.concepts[i].id);
        CHECK(compiled.concepts[i] == parsed.concepts[i]);
    }
    // And it reads her words the same.
    for (const char* text :
         {"I yelled at the kids again, I'm such a bad mom",
          "Soy una mala madre, no tengo tiempo para nada", "I wish I could disappear"}) {
        auto a = guilt::read_words(compiled, text);
        auto b = guilt::read_words(parsed, text);
        CHECK(a.topics == b.topics);
        CHECK(a.distortions == b.distortions);
        CHECK(a.support == b.support);
    }
}

TEST_CASE("a compiled lexicon that is not one is refused, naming it", "[lexicon][parse]") {
    auto bytes = guilt::compiled_lexicon(built_in());
    for (auto bad :
         {std::string("{}"), bytes.substr(0, bytes.size() / 2), bytes + "x", std::string()}) {
        CHECK(test::error_of([&] { guilt::read_compiled_lexicon(bad, "built-in"); }) ==
              "built-in: is not a compiled lexicon of this build of guilt");
    }
}

TEST_CASE("a compiled index naming a cue that is not there, or out of order, is refused",
          "[lexicon][parse]") {
    auto damaged = [](auto change) {
        auto lex = built_in();
        REQUIRE(lex.index.size() > 1);
        change(lex);
        auto bytes = guilt::compiled_lexicon(lex);
        return test::error_of([&] { guilt::read_compiled_lexicon(bytes, "built-in"); });
    };
    const std::string refused = "built-in: is not a compiled lexicon of this build of guilt";
    CHECK(damaged([](guilt::Lexicon& l) { l.index.front().second.cue = 1 << 20; }) == refused);
    CHECK(damaged([](guilt::Lexicon& l) { l.index.back().second.owner = -1; }) == refused);
    CHECK(damaged([](guilt::Lexicon& l) { std::swap(l.index.front(), l.index.back()); }) ==
          refused);
    CHECK(damaged([](guilt::Lexicon& l) { l.index_next.back().lang = 7; }) == refused);
    // The prefixes are sorted too: a word finds its beginnings among those of its first byte.
    CHECK(damaged([](guilt::Lexicon& l) {
              REQUIRE(l.prefixes.size() > 1);
              std::swap(l.prefixes.front(), l.prefixes.back());
          }) == refused);
    // The index's hash table is compiled too: a slot past the index, or a size that is no power
    // of two, is refused; so are the darker model's features out of order.
    CHECK(damaged([](guilt::Lexicon& l) {
              for (auto& slot : l.index_slots)
                  if (slot.second) slot.second = static_cast<std::uint32_t>(l.index.size() + 1);
          }) == refused);
    CHECK(damaged([](guilt::Lexicon& l) { l.index_slots.push_back({0, 0}); }) == refused);
    CHECK(damaged([](guilt::Lexicon& l) {
              REQUIRE(l.darker_model.weights.size() > 1);
              std::swap(l.darker_model.weights.front(), l.darker_model.weights.back());
          }) == refused);
    // Unchanged, the same bytes read back whole.
    CHECK(damaged([](guilt::Lexicon&) {}).empty());
}

TEST_CASE("the prefixes sharing a word's first byte hold every beginning of that word",
          "[lexicon]") {
    const auto lex = built_in();
    for (std::string_view word : {"overwhelmed", "exhausting", "agotadísima", "zzz", "a"}) {
        auto near = guilt::prefixes_sharing_first_byte(lex, word);
        for (const auto& prefix : lex.prefixes) {
            const auto& begin = prefix.first;
            bool found = std::any_of(near.begin(), near.end(),
                                     [&](const auto& p) { return p.first == begin; });
            if (word.starts_with(begin)) CHECK(found);
        }
        for (const auto& [begin, ref] : near)
            CHECK(begin.substr(0, 1) == word.substr(0, 1));
    }
    CHECK(guilt::prefixes_sharing_first_byte(lex, "").empty());
}

TEST_CASE("parse_lexicon names the file and the JSON path of the first problem",
          "[lexicon][parse]") {
    struct Row {
        const char* json;
        const char* want;
    };
    const Row rows[] = {
        {R"({"topics": [)", "my lexicon.json: /: not valid JSON"},
        {R"([])", "my lexicon.json: /: must be a JSON object"},
        {R"({"distortions": [], "negations": []})", "my lexicon.json: /topics: must be an array"},
        {R"({"topics": [7], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0: must be an object"},
        {R"({"topics": [{"id": "", "label": "x", "cues": ["a"]}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/id: must be a non-empty string"},
        {R"({"topics": [{"id": "a", "cues": ["a"]}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/label: must be a non-empty string"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": []}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/cues: must be a non-empty array of strings"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["a", 5]}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/cues/1: must be a non-empty string"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["a", "!"]}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/cues/1: must hold at least one word"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["a @nothing"]}], "distortions": [],
            "negations": []})",
         "my lexicon.json: /topics/0/cues/0: names no class \"nothing\""},
        {R"({"topics": [{"id": "a", "label": "x", "cues": [".. a"]}], "distortions": [],
            "negations": []})",
         "my lexicon.json: /topics/0/cues/0: must start and end with a word"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["it doesn't. i've"]}], "distortions": [],
            "negations": []})",
         "my lexicon.json: /topics/0/cues/0: cannot cross a sentence"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["a"], "except": "b"}], "distortions": [],
            "negations": []})",
         "my lexicon.json: /topics/0/except: must be an array of strings or an object"},
        {R"({"topics": [], "distortions": [{"id": "a", "label": "x", "cues": ["a"]}, {"id": "b"}],
            "negations": []})",
         "my lexicon.json: /distortions/1/label: must be a non-empty string"},
        {R"({"topics": [{"id": "a", "label": "x", "senses": [{"listed": "yes", "en": ["a"]}]}],
            "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/senses/0/listed: must be true or false"},
        {R"({"topics": [{"id": "a", "label": "x", "cues": ["a"], "except": [{"listed": true,
            "en": ["b"]}]}], "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/except: cannot be listed"},
        {R"({"topics": [{"id": "a", "label": "x", "senses": [{"with": "b", "en": ["a"]}]}],
            "distortions": [], "negations": []})",
         "my lexicon.json: /topics/0/senses/0/with: must be a topic id"},
        {R"({"topics": [], "distortions": []})",
         "my lexicon.json: /negation: must be an array of strings"},
        {R"({"topics": [], "distortions": [], "negations": ["not", "no", 3]})",
         "my lexicon.json: /negations/2: must be a non-empty string"},
        {R"({"topics": [], "distortions": [], "negation": ["not"],
            "darker_model": {"threshold": 1.5, "bias": 0, "weights": {"e:a": 1}}})",
         "my lexicon.json: /darker_model/threshold: must be a number between 0 and 1"},
        {R"({"topics": [], "distortions": [], "negation": ["not"],
            "darker_model": {"threshold": 0.9, "bias": 0, "weights": {"e:a": "x"}}})",
         "my lexicon.json: /darker_model/weights/e:a: must be a feature and a number"},
        {R"({"topics": [], "distortions": [], "negation": ["not"],
            "darker_model": {"threshold": 0.9, "weights": {"e:a": 1}}})",
         "my lexicon.json: /darker_model/bias: must be a number"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.json);
        CHECK_THAT(lexicon_error(row.json), Catch::StartsWith(row.want));
    }
}

TEST_CASE("parse_lexicon reads cues and negations like the text they are matched against",
          "[lexicon][parse]") {
    auto lex = guilt::parse_lexicon(R"({
      "topics": [{"id": "t", "label": "T", "cues": ["Half Marathon", "Jog*", "mom\u2019s night"]}],
      "distortions": [{"id": "d", "label": "D", "cues": ["always"]}],
      "negations": ["Don\u2019t"]
    })",
                                    "x");
    REQUIRE(lex.topic_count == 1);
    const auto& cues = lex.topic(0).cues;
    REQUIRE(cues.size() == 3);
    using Kind = guilt::CueElement::Kind;
    REQUIRE(cues[0].elements.size() == 2);
    CHECK(cues[0].elements[0].kind == Kind::stem);
    CHECK(cues[0].elements[0].word == "half");
    CHECK(cues[0].elements[1].word == "marathon");
    CHECK(cues[1].elements[0].kind == Kind::prefix);
    CHECK(cues[1].elements[0].value == "jog");
    CHECK(cues[2].elements[0].word == "mom's");
    CHECK(guilt::detect_distortions(lex, "I don't always").empty());
    CHECK(guilt::detect_topics(lex, "My mom's night out", {}) == Strings{"t"});
    CHECK(guilt::detect_topics(lex, "Jogging again", {}) == Strings{"t"});
    CHECK(guilt::detect_topics(lex, "Two half marathons", {}) == Strings{"t"});
}

// ---- reading her right (built-in lexicon)
// ---------------------------------------------------------

TEST_CASE("me-time that is not a run is its own topic", "[lexicon][topics][me-time]") {
    for (const char* text : {"Felt guilty about my evening class", "Booked a massage and felt bad",
                             "Book club again tonight", "Choir rehearsal ran late",
                             "Took a nap while they watched a film"}) {
        CAPTURE(text);
        auto topics = guilt::detect_topics(built_in(), text, {});
        CHECK(std::find(topics.begin(), topics.end(), "me-time") != topics.end());
        CHECK(std::find(topics.begin(), topics.end(), "food") == topics.end());
    }
    auto run = guilt::detect_topics(built_in(), "Went for a long run", {});
    CHECK(std::find(run.begin(), run.end(), "running") != run.end());
    CHECK(std::find(run.begin(), run.end(), "me-time") == run.end());
    CHECK(guilt::topic_label(built_in(), "running") == "running");
    CHECK(guilt::topic_label(built_in(), "me-time") == "time for yourself");
}

TEST_CASE("a tag that is no topic is shown as a tag", "[lexicon][topics]") {
    CHECK(guilt::topic_label(built_in(), "pta") == "#pta");
}

TEST_CASE("sarcastic self-labelling is heard", "[lexicon][distortions][sarcasm]") {
    auto hits = guilt::detect_distortions(built_in(),
                                          "Three hours of cartoons. Great parenting, as usual.");
    bool sarcasm = std::any_of(hits.begin(), hits.end(),
                               [](const DistortionHit& h) { return h.id == "sarcasm"; });
    CHECK(sarcasm);
    auto quoted = guilt::detect_distortions(built_in(), "The card said \"mother of the year\"");
    CHECK(std::none_of(quoted.begin(), quoted.end(),
                       [](const DistortionHit& h) { return h.id == "sarcasm"; }));
}

TEST_CASE("a negation reaches only its own clause", "[lexicon][distortions][negation]") {
    CHECK(labelling(built_in(), "I'm not lazy, I'm a disaster") == "I'm a disaster");
    CHECK(labelling(built_in(), "I'm not lazy but I'm a failure") == "I'm a failure");
    CHECK(labelling(built_in(), "I'm not lazy") == "");
}

TEST_CASE("'not that I'm X, but' is no label", "[lexicon][distortions][negation]") {
    CHECK(labelling(built_in(), "Not that I'm a bad mom, but I wish I had packed a coat") == "");
    CHECK(labelling(built_in(), "Not that it matters, but I'm a bad mom") == "bad mom");
}

TEST_CASE("not getting things done is about expectations", "[lexicon][topics]") {
    for (const char* text : {"I never get anything done", "Nothing got done today",
                             "Fell behind on everything again"}) {
        CAPTURE(text);
        auto topics = guilt::detect_topics(built_in(), text, {});
        CHECK(std::find(topics.begin(), topics.end(), "overload") != topics.end());
    }
}

TEST_CASE("hopeful and grateful lines are told apart", "[lexicon][hopeful]") {
    CHECK(guilt::hopeful(built_in(), "Hard day. Maybe we're okay."));
    CHECK(guilt::hopeful(built_in(), "So grateful for this afternoon"));
    CHECK_FALSE(guilt::hopeful(built_in(), "I'm not grateful enough"));
    CHECK_FALSE(guilt::hopeful(built_in(), "I yelled at him again"));
}

TEST_CASE("the loader refuses a lexicon without a topic the rules need", "[lexicon][validation]") {
    auto doc = nlohmann::json::parse(test::source_file("data/lexicon.json"));
    auto& topics = doc["topics"];
    for (std::size_t i = 0; i < topics.size(); ++i)
        if (topics[i]["id"] == "me-time") topics.erase(i);
    auto lex = guilt::parse_lexicon(doc.dump(), "my lexicon.json");
    try {
        guilt::require_ids(lex, guilt::rule_topic_ids(), guilt::rule_distortion_ids(),
                           "my lexicon.json");
        FAIL("no error");
    } catch (const guilt::UsageError& e) {
        CHECK(std::string(e.what()) ==
              "my lexicon.json: /topics: has no \"me-time\" (the reflection rules need it)");
    }
    CHECK_NOTHROW(guilt::require_ids(built_in(), guilt::rule_topic_ids(),
                                     guilt::rule_distortion_ids(), "lexicon.json"));
}
