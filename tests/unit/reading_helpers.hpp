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

}  // namespace test::reading
