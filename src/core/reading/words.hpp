// SPDX-License-Identifier: MIT
// The words of a moment as the reading sees them: folded (lower case, no accents, curly
// apostrophes straight), stemmed in English and in Spanish with the Snowball stemmers, and placed
// in their sentence and clause. Internal to src/core/ (lexicon.cpp, reading/).
#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace guilt {
struct Lexicon;
}

namespace guilt::reading {

enum Lang : int { en = 0, es = 1 };
inline constexpr int kLangs = 2;

// The Snowball stemmers for English and Spanish. One per Lexicon; stemming changes the
// stemmer's buffer, so a Stemmers is used by one thread at a time (guilt has one).
class Stemmers {
  public:
    Stemmers();
    ~Stemmers();
    Stemmers(const Stemmers&) = delete;
    Stemmers& operator=(const Stemmers&) = delete;
    // The stem of a folded word ("running" -> "run", "cocinaría" folded -> "cocin").
    std::string stem(Lang lang, std::string_view folded) const;

  private:
    sb_stemmer* m_stemmer[kLangs];
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    mutable std::unordered_map<std::string, std::string, Hash, std::equal_to<>> m_memo[kLangs];
};

struct Word {
    std::string word;          // folded: "i'm", "mama", "to-do"
    std::string stem[kLangs];  // its English and Spanish stems
    std::size_t begin = 0;     // byte offsets of her words in the text
    std::size_t end = 0;
    bool quoted = false;       // inside "..." or “...” (or '...' opened before a word)
    std::size_t clause = 0;    // sentence and clause breaks before the word
    std::size_t sentence = 0;  // sentence breaks before the word
};

// Lower case without accents ("Mamá" -> "mama", "Ñ" stays "ñ"); curly apostrophes become '.
std::string fold(std::string_view text);

// Her words, in order. Quotes (straight or curly double quotes, and single quotes that open
// before a word and close after one) mark the words between them; . ! ? ; : , newlines, dashes
// and ellipses separate clauses, and . ! ? newlines and ellipses sentences. A slash between two
// single letters joins them ("w/o", "b/c"), as text-speak writes one word.
// `only` (a Lang) stems in that language alone, for a cue of the vocabulary: -1 stems in both.
std::vector<Word> split_words(std::string_view text, const Stemmers& stemmers, int only = -1);

// Her words as spelled out: a word the class "spelled" lists as "typed read" ("wasnt wasn't",
// "abt about", "w/o without", "q que") is read as the word it stands for, and stemmed again.
// Cues are respelled the same way, so "dont" and "don't" in the vocabulary are one cue.
void respell(const Lexicon& lex, std::vector<Word>& words, int only = -1);

// The languages of each sentence: English, Spanish or both, by its function words (the
// classes "lang_en" and "lang_es": "the", "and"; "el", "que"). A sentence with neither is read
// in both, and so is every sentence of a moment that mixes the two; a cue is tried only in a
// sentence of its language.
std::vector<std::array<bool, kLangs>> sentence_langs(const Lexicon& lex,
                                                     const std::vector<Word>& words);

// Whether the sentence `sentence` of `text` ends with a question mark.
bool is_question(std::string_view text, const std::vector<Word>& words, std::size_t sentence);

}  // namespace guilt::reading
