// SPDX-License-Identifier: MIT
// Matching the compiled cues over her words: each word looks up only the cues that can start
// with it (by its stems, as written, its beginnings and endings, or a typo's fix).
#include "matcher.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>

namespace guilt::reading {

namespace {

// Whether `typed` is `word` with two neighbouring letters swapped ("homewrok", "durign").
bool swapped(std::string_view typed, std::string_view word) {
    if (typed.size() != word.size() || typed.size() < kTypoMin) return false;
    std::size_t i = 0;
    while (i < typed.size() && typed[i] == word[i])
        ++i;
    return i + 1 < typed.size() && typed[i] == word[i + 1] && typed[i + 1] == word[i] &&
           typed.substr(i + 2) == word.substr(i + 2);
}

class Matcher {
  public:
    Matcher(const Lexicon& lex, const std::vector<Word>& words)
        : m_lex(lex), m_words(words), m_langs(sentence_langs(lex, words)) {
        auto fillers = lex.classes.find("filler");
        for (const auto& w : words) {
            m_hashes.push_back({key_hash(w.stem[0]), key_hash(w.stem[1]), key_hash(w.word)});
            m_filler.push_back(fillers != lex.classes.end() &&
                               std::ranges::binary_search(fillers->second, w.word, std::less<>{}));
        }
    }

    std::vector<Match> run() {
        for (std::size_t p = 0; p < m_words.size(); ++p) {
            const auto& w = m_words[p];
            for (int l = 0; l < kLangs; ++l)
                if (m_langs[w.sentence][static_cast<std::size_t>(l)]) try_stem(l, w.stem[l], p);
            m_key.assign("=");
            try_key(m_key.append(w.word), p);
            for (const auto& [begin, ref] : prefixes_sharing_first_byte(m_lex, w.word))
                if (w.word.starts_with(begin)) try_cue(ref, p, 1);
            for (const auto& [end, ref] : m_lex.suffixes)
                if (w.word.ends_with(end)) try_cue(ref, p, 1);
            if (w.word.size() >= kTypoMin) try_swaps(p);
        }
        return std::move(m_found);
    }

  private:
    // The cues under `key`: their first element is her word at `p`, unless found by a typo's
    // fix (where it is checked: "homewroks" fixed is "homeworks", but it is not "homework"
    // with two letters swapped).
    void try_key(const std::string& key, std::size_t p, bool typo = false) {
        auto entries = cues_at(m_lex, key);
        if (entries.empty()) return;
        const auto* next = m_lex.index_next.data() + (entries.data() - m_lex.index.data());
        for (std::size_t i = 0; i < entries.size(); ++i)
            if (may_follow(next[i], p)) try_cue(entries[i].second, p, typo ? 0 : 1);
    }

    // Whether the word after `p` can be what a cue asks of it (NextWord): its language is read in
    // the sentence, and the word is there with the stem or spelling asked, or one with a pair of
    // letters swapped could be it.
    bool may_follow(const NextWord& next, std::size_t p) const {
        auto sentence = m_words[p].sentence;
        if (!m_langs[sentence][next.lang]) return false;
        if (next.kind == NextWord::any) return true;
        if (p + 1 >= m_words.size() || m_words[p + 1].sentence != sentence) return false;
        if (m_filler[p + 1]) return true;
        const auto& h = m_hashes[p + 1];
        if (next.kind == NextWord::exact) return h[2] == next.value;
        auto size = m_words[p + 1].word.size();
        return h[next.lang] == next.value || h[2] == next.word ||
               (size == next.size && size >= kTypoMin);
    }

    // The key "LANG:STEM" (as index_cue writes it), in a buffer kept between words.
    void try_stem(int lang, std::string_view stem, std::size_t p) {
        m_key.assign(1, static_cast<char>('0' + lang));
        m_key += ':';
        try_key(m_key.append(stem), p);
    }

    // A word with one swapped pair of letters is looked up as the word she meant. Which of its
    // spellings so fixed the index holds is found once a word (her words come back every night).
    void try_swaps(std::size_t p) {
        const auto& word = m_words[p].word;
        auto& memo = m_lex.store->typo_keys;
        auto known = memo.find(word);
        if (known == memo.end()) {
            std::vector<std::string> keys;
            for (std::size_t i = 0; i + 1 < word.size(); ++i) {
                auto fixed = word;
                std::swap(fixed[i], fixed[i + 1]);
                if (fixed == word) continue;
                for (int l = 0; l < kLangs; ++l) {
                    auto key = fmt::format("{}:{}", l, m_lex.stemmers->stem(Lang(l), fixed));
                    if (!cues_at(m_lex, key).empty()) keys.push_back(std::move(key));
                }
            }
            known = memo.emplace(word, std::move(keys)).first;
        }
        for (const auto& key : known->second)
            try_key(key, p, true);
    }

    // Whether the cue matches from her word at `p`, its first `known` elements known to.
    void try_cue(const CueRef& ref, std::size_t p, std::size_t known) {
        const auto& cue = cue_of(m_lex, ref);
        auto sentence = m_words[p].sentence;
        if (!m_langs[sentence][static_cast<std::size_t>(cue.lang)]) return;
        // Most cues tried fail at their next word: told before a match is set up.
        auto next = p + known;
        if (known < cue.elements.size() && cue.elements[known].kind != CueElement::Kind::gap &&
            (next >= m_words.size() || m_words[next].sentence != sentence ||
             (!m_filler[next] && !element(cue.elements[known], cue.lang, m_words[next]))))
            return;
        Match m{ref, p, p, {}};
        if (!elements(cue, known, next, sentence, m)) return;
        // The same cue can be reached twice at one word (by its stem and as written).
        for (const auto& f : m_found)
            if (f.first == p && f.ref == ref) return;
        m_found.push_back(std::move(m));
    }

    bool element(const CueElement& e, int lang, const Word& w) const {
        using Kind = CueElement::Kind;
        switch (e.kind) {
            case Kind::stem:
                return w.stem[lang] == e.value || w.word == e.word || swapped(w.word, e.word);
            case Kind::exact:
                return w.word == e.value;
            case Kind::prefix:
                return w.word.starts_with(e.value);
            case Kind::suffix:
                return w.word.ends_with(e.value);
            case Kind::word_class:
                return in_class(m_lex, e.value, w.word);
            case Kind::not_class:
                return !in_class(m_lex, e.value, w.word);
            case Kind::gap:
                return false;
        }
        return false;
    }

    // Whether the elements of `cue` from `k` match the words from `p`, in one sentence.
    bool elements(const Cue& cue, std::size_t k, std::size_t p, std::size_t sentence,
                  Match& m) const {
        if (k == cue.elements.size()) {
            m.last = p - 1;
            return true;
        }
        const auto& e = cue.elements[k];
        if (e.kind == CueElement::Kind::gap) {
            for (std::size_t g = 0; g <= kGap && p + g < m_words.size(); ++g) {
                if (m_words[p + g].clause != m_words[p - 1].clause) break;
                m.gaps.emplace_back(p, p + g);
                if (elements(cue, k + 1, p + g, sentence, m)) return true;
                m.gaps.pop_back();
            }
            return false;
        }
        if (p >= m_words.size() || m_words[p].sentence != sentence) return false;
        if (element(e, cue.lang, m_words[p]) && elements(cue, k + 1, p + 1, sentence, m))
            return true;
        // A word of the class "filler" ("just", "really", "realmente") inside a phrase does not
        // change what it says: "they'd really be better off", "thought of just dropping him".
        return k > 0 && m_filler[p] && m_words[p].clause == m_words[p - 1].clause &&
               elements(cue, k, p + 1, sentence, m);
    }

    const Lexicon& m_lex;
    const std::vector<Word>& m_words;
    std::vector<std::array<bool, kLangs>> m_langs;
    std::vector<std::array<std::uint32_t, 3>> m_hashes;  // each word's stems' and its own key_hash
    std::vector<bool> m_filler;                          // each word's place in the class "filler"
    std::string m_key;  // try_stem's and run's key, kept between words
    std::vector<Match> m_found;
};

}  // namespace

std::vector<Match> match_cues(const Lexicon& lex, const std::vector<Word>& words) {
    return Matcher(lex, words).run();
}

}  // namespace guilt::reading
