// SPDX-License-Identifier: MIT
// What the reading finds in one sentence, on the built-in vocabulary: the helpers of the reading's
// unit tests (reading_test.cpp, reading_senses_test.cpp).
#pragma once

#include <algorithm>
#include <string>

#include "builders.hpp"
#include "guilt/core/lexicon.hpp"

namespace test::reading {

inline bool has_topic(const std::string& text, const std::string& id) {
    auto r = guilt::read_words(test::built_in_lexicon(), text);
    return std::find(r.topics.begin(), r.topics.end(), id) != r.topics.end();
}

inline std::string distortion(const std::string& text, const std::string& id) {
    for (const auto& h : guilt::read_words(test::built_in_lexicon(), text).distortions)
        if (h.id == id) return h.words;
    return "";
}

inline bool darker(const std::string& text) {
    return !guilt::read_words(test::built_in_lexicon(), text).support.empty();
}

// The built-in vocabulary's cues alone, without its learned reading of the darker words.
inline const guilt::Lexicon& cues_only() {
    static const auto lex = [] {
        auto l = test::built_in_lexicon();
        l.darker_model.weights.clear();
        return l;
    }();
    return lex;
}

// Whether the cues alone hear darker words in `text`.
inline bool darker_by_cues(const std::string& text) {
    return !guilt::read_words(cues_only(), text).support.empty();
}

}  // namespace test::reading
