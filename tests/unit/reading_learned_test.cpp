// SPDX-License-Identifier: MIT
// Unit tests of the learned second reading of the darker words (src/core/reading/learned.cpp,
// docs/reading.md): the features it weighs, and where it may speak. The model's weights here
// are written for each test, so what is pinned is the rule, not a training run.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "builders.hpp"
#include "guilt/core/lexicon.hpp"
#include "reading_helpers.hpp"

namespace {

// The built-in vocabulary with a model of one feature that outweighs any threshold.
guilt::Lexicon with_model(std::string_view feature) {
    auto lex = test::built_in_lexicon();
    lex.darker_model.weights = {{guilt::key_hash(feature), 100000}};
    lex.darker_model.bias = 0;
    lex.darker_model.threshold = 0;
    return lex;
}

bool darker(const guilt::Lexicon& lex, std::string_view text) {
    return !guilt::read_words(lex, text).support.empty();
}

bool has(const std::vector<std::string>& list, std::string_view f) {
    return std::ranges::find(list, f) != list.end();
}

}  // namespace

TEST_CASE("the learned reading weighs stems in both languages and neighbouring stems",
          "[reading][learned]") {
    auto f = guilt::darker_features(test::built_in_lexicon(), "Nobody would miss me. Ya no");
    CHECK(has(f, "e:miss"));
    CHECK(has(f, "s:nobody"));
    CHECK(has(f, "b:would_miss"));
    CHECK(has(f, "b:miss_me"));
    // Neighbours across a sentence's end are no pair.
    CHECK_FALSE(has(f, "b:me_ya"));
    CHECK(std::ranges::is_sorted(f));
    CHECK(std::ranges::adjacent_find(f) == f.end());
}

TEST_CASE("the learned reading speaks only where no darker cue stood", "[reading][learned]") {
    auto lex = with_model("e:sofa");
    // No cue of the darker words: the model's verdict is the reading's.
    CHECK(darker(lex, "I sat on the sofa all evening"));
    CHECK_FALSE(darker(test::reading::cues_only(), "I sat on the sofa all evening"));
    // A cue heard and set aside (negated, someone else's, a saying) stays set aside.
    CHECK_FALSE(darker(lex, "I don't want to die, I just want an evening on the sofa"));
    CHECK_FALSE(darker(lex, "my sister says she wants to disappear. we sat on the sofa"));
    // Without her words' feature the model is silent.
    CHECK_FALSE(darker(lex, "I sat in the garden all evening"));
}

TEST_CASE("the trained model hears darker words no cue names", "[reading][learned]") {
    const auto& lex = test::built_in_lexicon();
    const std::string text = "a veces pienso que sería más fácil dormirme y ya";
    CHECK_FALSE(darker(test::reading::cues_only(), text));
    CHECK(darker(lex, text));
    // An ordinary evening stays ordinary.
    CHECK_FALSE(darker(lex, "made pasta, bath, two books, asleep by eight. good night"));
}
