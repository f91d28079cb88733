// SPDX-License-Identifier: MIT
// The compiled cues matched over her words in one pass (docs/reading.md): every place where a cue
// of the vocabulary, or one of its exception phrases, stands in the text.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "guilt/core/lexicon.hpp"
#include "words.hpp"

namespace guilt::reading {

constexpr std::size_t kGap = 3;      // words a ".." of a cue may skip
constexpr std::size_t kTypoMin = 6;  // a word this long is read past one swapped pair

struct Match {
    CueRef ref;
    std::size_t first = 0;  // word indexes
    std::size_t last = 0;
    std::vector<std::pair<std::size_t, std::size_t>> gaps;  // words its ".." skipped: [from, to)
};

// The cue (or exception phrase) a reference names.
inline const Cue& cue_of(const Lexicon& lex, const CueRef& ref) {
    const auto& c = lex.concepts[static_cast<std::size_t>(ref.owner)];
    return (ref.except ? c.except : c.cues)[static_cast<std::size_t>(ref.cue)];
}

// Every match of the vocabulary's cues and exception phrases in `words`, in the order found.
std::vector<Match> match_cues(const Lexicon& lex, const std::vector<Word>& words);

}  // namespace guilt::reading
