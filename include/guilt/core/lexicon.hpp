// SPDX-License-Identifier: MIT
// What a guilt moment is about (topics) and how it talks about her (distortions), read with cue
// words from data/lexicon.json. Pure: text in, findings out.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guilt {

// A cue: one or more lower-case words; a last word ending in '*' matches any word it starts.
struct Cue {
    std::vector<std::string> words;
    bool prefix = false;
};

struct CueSet {
    std::string id;     // "running", "labelling"
    std::string label;  // shown to her: "running and time for yourself"
    std::vector<Cue> cues;
    std::vector<Cue> except;  // phrases in which a cue does not count ("school run")
};

struct Lexicon {
    std::vector<CueSet> topics;
    std::vector<CueSet> distortions;
    std::vector<std::string> negations;
    // Words that start a new clause ("but", "because"): a negation does not reach past them.
    // Default: none.
    std::vector<std::string> clause_words;
    // Phrases that disown what follows in their clause ("not that", "not saying"): "not that I'm
    // a bad mom, but" is no label. Default: none.
    std::vector<Cue> disclaimers;
    // Hopeful or grateful words ("maybe we're okay", "grateful"): a sentence holding one is not
    // guilt to argue with. Default: none.
    std::vector<Cue> hopeful;
    // Words of hopelessness or harm, and the negations that cancel them ("I would never hurt
    // him"). Default: none.
    std::vector<Cue> support;
    std::vector<std::string> support_negations;
};

// A distortion found in a text: which one, and her words that carry it.
struct DistortionHit {
    std::string id;     // e.g. "labelling"
    std::string words;  // as she wrote them, e.g. "bad mom"

    friend bool operator==(const DistortionHit&, const DistortionHit&) = default;
};

// Reads a lexicon from JSON text. Throws UsageError naming `source` and the JSON path of the
// first problem (e.g. "lexicon.json: /topics/2/cues/0: must be a non-empty string").
Lexicon parse_lexicon(std::string_view json_text, std::string_view source);

// The topics of a guilt moment: its tags first (a tag naming a topic, or one of its one-word
// cues, counts as that topic and also as itself), then topics whose cues appear in the text.
// Ids in order of first appearance, without duplicates.
std::vector<std::string> detect_topics(const Lexicon& lex, std::string_view text,
                                       const std::vector<std::string>& tags);

// The distortions in `text`. A cue preceded within three words of the same clause by a negation
// ("I'm not a bad mom", but not "No run today. Lazy.") or inside quotation marks does not count.
// One hit per distortion, the first found.
std::vector<DistortionHit> detect_distortions(const Lexicon& lex, std::string_view text);

// The label of a topic id, or "#tag" for a tag that is not a topic.
std::string topic_label(const Lexicon& lex, const std::string& id);

// Where in `text` (byte offsets [first, second)) the first cue of topic `id` stands, or an empty
// range at 0 when the text holds none (the topic came from a tag).
std::pair<std::size_t, std::size_t> topic_cue_at(const Lexicon& lex, std::string_view text,
                                                 std::string_view id);

// Whether a sentence of `text` carries a hopeful or grateful cue that no negation reaches.
bool hopeful(const Lexicon& lex, std::string_view text);

// Her words of hopelessness or harm in `text` ("better off without me"), or "" when there are
// none; a negation of `support_negations` before a cue in its clause ("never") cancels it.
std::string support_cue(const Lexicon& lex, std::string_view text);

// Throws UsageError naming `source` when a topic or distortion id that the reflection rules
// depend on is missing, so that her own lexicon.json cannot switch a rule off unnoticed.
void require_ids(const Lexicon& lex, const std::vector<std::string_view>& topics,
                 const std::vector<std::string_view>& distortions, std::string_view source);

}  // namespace guilt
