// SPDX-License-Identifier: MIT
// Splitting a moment into folded, stemmed words placed in sentences and clauses.
#include "words.hpp"

#include "guilt/core/lexicon.hpp"

#include <libstemmer.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace guilt::reading {

Stemmers::Stemmers() {
    m_stemmer[en] = sb_stemmer_new("english", "UTF_8");
    m_stemmer[es] = sb_stemmer_new("spanish", "UTF_8");
    if (!m_stemmer[en] || !m_stemmer[es]) {
        for (auto* s : m_stemmer)
            if (s) sb_stemmer_delete(s);
        throw std::runtime_error("the Snowball stemmers for English and Spanish are missing");
    }
}

Stemmers::~Stemmers() {
    for (auto* s : m_stemmer)
        sb_stemmer_delete(s);
}

std::string Stemmers::stem(Lang lang, std::string_view folded) const {
    // The vocabulary repeats its words thousands of times ("my", "the", "kids"): each is stemmed
    // once.
    auto& memo = m_memo[lang];
    if (auto it = memo.find(folded); it != memo.end()) return it->second;
    const auto* out =
        sb_stemmer_stem(m_stemmer[lang], reinterpret_cast<const sb_symbol*>(folded.data()),
                        static_cast<int>(folded.size()));
    std::string stemmed =
        out ? std::string(reinterpret_cast<const char*>(out),
                          static_cast<std::size_t>(sb_stemmer_length(m_stemmer[lang])))
            : std::string(folded);
    memo.emplace(std::string(folded), stemmed);
    return stemmed;
}

std::string fold(std::string_view text) {
    // Plain ASCII folds to its lower case (most of her words, and the whole vocabulary).
    if (std::all_of(text.begin(), text.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string lower(text);
        for (auto& c : lower)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return lower;
    }
    utf8proc_uint8_t* out = nullptr;
    const auto n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &out,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                                    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
    if (n < 0) return std::string(text);  // not UTF-8: read it as it is
    std::string folded(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
    std::free(out);
    std::string plain;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded.compare(i, 3, "\u2019") == 0 || folded.compare(i, 3, "\u2018") == 0) {
            plain += '\'';
            i += 2;
        } else {
            plain += folded[i];
        }
    }
    return plain;
}

namespace {

// What the character at `i` is to the reading.
enum class Kind { letter, pictograph, apostrophe, hyphen, quote, clause, sentence, space };

struct Char {
    Kind kind;
    std::size_t size;
};

Char char_at(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
        if (std::isalnum(c)) return {Kind::letter, 1};
        switch (c) {
            case '\'':
                return {Kind::apostrophe, 1};
            case '-':
                return {Kind::hyphen, 1};
            case '"':
                return {Kind::quote, 1};
            case '.':
            case '!':
            case '?':
            case '\n':
                return {Kind::sentence, 1};
            case ',':
            case ';':
            case ':':
            case '(':
            case ')':
            case '+':
            case '&':
                return {Kind::clause, 1};
            default:
                return {Kind::space, 1};
        }
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return {Kind::space, 1};
    auto size = static_cast<std::size_t>(n);
    if (cp == 0x2018 || cp == 0x2019) return {Kind::apostrophe, size};
    if (cp == 0x201C || cp == 0x201D || cp == 0xAB || cp == 0xBB) return {Kind::quote, size};
    if (cp == 0x2026) return {Kind::sentence, size};                // …
    if (cp >= 0x2010 && cp <= 0x2015) return {Kind::clause, size};  // dashes
    // An emoji is a word of its own: "can't do this anymore 😂" is a joke.
    if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF))
        return {Kind::pictograph, size};
    switch (utf8proc_category(cp)) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ND:
            return {Kind::letter, size};
        default:
            return {Kind::space, size};  // emoji, ¿ ¡ and the like
    }
}

// Whether one ASCII letter stands at `i`, with no letter after it ("o" of "w/o").
bool one_letter_at(std::string_view text, std::size_t i) {
    return i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) &&
           (i + 1 == text.size() || char_at(text, i + 1).kind != Kind::letter);
}

}  // namespace

std::vector<Word> split_words(std::string_view text, const Stemmers& stemmers, int only) {
    std::vector<Word> out;
    bool quoted = false;
    bool single_quoted = false;
    std::size_t clause = 0;
    std::size_t sentence = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        auto c = char_at(text, i);
        if (c.kind != Kind::letter && c.kind != Kind::pictograph) {
            if (c.kind == Kind::quote) quoted = !quoted;
            if (c.kind == Kind::clause || c.kind == Kind::hyphen) ++clause;
            if (c.kind == Kind::sentence) {
                ++clause;
                ++sentence;
                single_quoted = false;  // an apostrophe left open ends with its sentence
            }
            // A single quote before a word opens a quotation ('the shouty one').
            if (c.kind == Kind::apostrophe && i + c.size < text.size() &&
                char_at(text, i + c.size).kind == Kind::letter)
                single_quoted = true;
            i += c.size;
            continue;
        }
        Word w;
        w.begin = i;
        if (c.kind == Kind::pictograph) i += c.size;
        while (c.kind == Kind::letter && i < text.size()) {
            auto k = char_at(text, i);
            bool inner = (k.kind == Kind::apostrophe || k.kind == Kind::hyphen) &&
                         i + k.size < text.size() && char_at(text, i + k.size).kind == Kind::letter;
            inner = inner || (text[i] == '/' && i == w.begin + 1 && one_letter_at(text, i + 1));
            if (k.kind != Kind::letter && !inner) break;
            i += k.size;
        }
        w.end = i;
        w.quoted = quoted || single_quoted;
        w.clause = clause;
        w.sentence = sentence;
        w.word = fold(text.substr(w.begin, w.end - w.begin));
        for (int l = 0; l < kLangs; ++l)
            if (only < 0 || only == l) w.stem[l] = stemmers.stem(static_cast<Lang>(l), w.word);
        out.push_back(std::move(w));
        // A single quote right after a word closes a quotation that one opened.
        if (single_quoted && i < text.size() && char_at(text, i).kind == Kind::apostrophe) {
            single_quoted = false;
            i += char_at(text, i).size;
        }
    }
    return out;
}

void respell(const Lexicon& lex, std::vector<Word>& words, int only) {
    auto spelled = lex.classes.find("spelled");
    if (spelled == lex.classes.end()) return;
    const auto& list = spelled->second;  // sorted: "typed read"
    for (auto& w : words) {
        // "typed read" sorts right after "typed" (a space before every other character).
        auto it = std::ranges::lower_bound(list, w.word);
        auto n = w.word.size();
        if (it == list.end() || it->size() <= n || it->compare(0, n, w.word) != 0 ||
            (*it)[n] != ' ')
            continue;
        w.word = it->substr(n + 1);
        for (int l = 0; l < kLangs; ++l)
            if (only < 0 || only == l) w.stem[l] = lex.stemmers->stem(static_cast<Lang>(l), w.word);
    }
}

bool is_question(std::string_view text, const std::vector<Word>& words, std::size_t sentence) {
    std::size_t last = 0;
    bool found = false;
    for (const auto& w : words)
        if (w.sentence == sentence) {
            last = w.end;
            found = true;
        }
    if (!found) return false;
    for (std::size_t i = last; i < text.size(); ++i) {
        if (text[i] == '?') return true;
        if (text[i] == '.' || text[i] == '!' || text[i] == '\n') return false;
    }
    return false;
}

std::vector<std::array<bool, kLangs>> sentence_langs(const Lexicon& lex,
                                                     const std::vector<Word>& words) {
    std::vector<std::array<bool, kLangs>> out(words.empty() ? 0 : words.back().sentence + 1,
                                              {false, false});
    const std::vector<std::string>* lang_words[kLangs] = {};
    for (int l = 0; l < kLangs; ++l)
        if (auto it = lex.classes.find(l == en ? "lang_en" : "lang_es"); it != lex.classes.end())
            lang_words[l] = &it->second;
    for (const auto& w : words)
        for (int l = 0; l < kLangs; ++l)
            if (lang_words[l] && std::ranges::binary_search(*lang_words[l], w.word))
                out[w.sentence][static_cast<std::size_t>(l)] = true;
    // She switches languages mid-thought ("Night shift otra vez, los niños con la abuela"): a
    // moment with sentences in both is read in both throughout.
    bool en = false, es = false;
    for (const auto& s : out) {
        en = en || s[0];
        es = es || s[1];
    }
    for (auto& s : out)
        if ((!s[0] && !s[1]) || (en && es)) s = {true, true};
    return out;
}

}  // namespace guilt::reading
