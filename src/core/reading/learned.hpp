// SPDX-License-Identifier: MIT
// The learned second reading of the darker words (Lexicon::darker_model, docs/reading.md):
// her words' features, and the model's sum over them. Internal to src/core/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "words.hpp"

namespace guilt {
struct Lexicon;
}

namespace guilt::reading {

// The features of her words, each once: every word's English and Spanish stems ("e:disappear",
// "s:desaparec") and every pair of neighbouring English stems of a clause ("b:without_me").
std::vector<std::string> darker_features(const std::vector<Word>& words);

// Whether the model's sum over her words' features (bias included) is above its threshold: then
// the word whose own stems weigh the most toward the darker words, else nullopt.
std::optional<std::size_t> darker_word(const Lexicon& lex, const std::vector<Word>& words);

// Reads the "darker_model" of a vocabulary into `lex` (nothing when there is none). Throws
// UsageError naming `source` and the JSON path of the first problem.
void read_darker_model(const nlohmann::json& doc, Lexicon& lex, std::string_view source);

}  // namespace guilt::reading
