// SPDX-License-Identifier: MIT
// The vocabulary guilt reads her words with (data/lexicon.json), compiled once into one matcher,
// and the reading of a moment: what it is about (topics), how it talks about her (distortions),
// the darker words (support). Pure: text in, a Reading out. docs/reading.md explains the rules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace guilt {

namespace reading {
class Stemmers;
}

// One element of a cue: a word by its stem ("runs" -> run), an exact word ("=ran"), a word's
// beginning ("jog*") or ending ("*'s"), any word of a class ("@self"), any word not
// of a class ("!@race", not first), or a gap of up to three words of the same clause ("..").
struct CueElement {
    enum class Kind { stem, exact, prefix, suffix, word_class, not_class, gap };
    Kind kind = Kind::stem;
    // Views of the lexicon's own strings (LexiconStore).
    std::string_view value;  // the stem, the folded word or beginning, or the class name
    std::string_view word;   // the folded word as written (stem elements: for typos)

    friend bool operator==(const CueElement&, const CueElement&) = default;
};

// A cue: the words of one phrase, in English (lang 0) or Spanish (lang 1). A listed cue counts
// only as an item of a list: three or more items of one sentence holding one ("laundry, dishes,
// the dentist and a deadline"). A cue `with` a topic counts only where a cue of that topic stands
// in its sentence ("her recital" with work: "her recital and I was stuck in a meeting").
struct Cue {
    std::span<const CueElement> elements;  // a view of the lexicon's elements (LexiconStore)
    int lang = 0;
    bool listed = false;
    int with = -1;  // an index into Lexicon::concepts (a topic), or -1

    friend bool operator==(const Cue& a, const Cue& b) {
        return a.lang == b.lang && a.listed == b.listed && a.with == b.with &&
               std::ranges::equal(a.elements, b.elements);
    }
};

// What the views of a lexicon point into, shared by its copies: a compiled lexicon's bytes and
// its cues' elements in one array, or what parse_lexicon made of the JSON (strings and arrays
// that do not move as more are added).
struct LexiconStore {
    std::string bytes;
    std::vector<CueElement> elements;
    std::deque<std::string> strings;
    std::deque<std::vector<CueElement>> cue_elements;
    // The reading's memo: for a word she typed, the keys of the index that its spellings with
    // two neighbouring letters swapped stem to ("homewrok": "0:homework").
    std::map<std::string, std::vector<std::string>, std::less<>> typo_keys;

    // A view of `s`, kept as long as the store.
    std::string_view keep(std::string s) { return strings.emplace_back(std::move(s)); }
};

// A topic, a distortion, the support words, ...: cues, and phrases in which a cue does not count
// ("school run", "third night running").
struct Concept {
    std::string id;
    std::string label;
    std::vector<Cue> cues;
    std::vector<Cue> except;

    friend bool operator==(const Concept&, const Concept&) = default;
};

// Where each cue can start: the compiled index of every cue of the vocabulary.
struct CueRef {
    int owner;  // index into Lexicon::concepts
    int cue;    // index into its cues, or into its except when `except`
    bool except;

    friend bool operator==(const CueRef&, const CueRef&) = default;
};

// What a cue of the index asks of the word after its first, told at a glance from hashes (most
// cues tried at a word are turned down there, before the cue itself is looked at). A hash that
// agrees only lets the cue be tried; one that differs means the word is not what it asks.
struct NextWord {
    enum Kind : std::uint8_t { any, stem, exact };
    std::uint32_t value = 0;  // key_hash of the element's stem, or of its exact word
    std::uint32_t word = 0;   // key_hash of a stem element's word as written
    std::uint16_t size = 0;   // that word's length (a typo with a swapped pair keeps it)
    Kind kind = any;          // any: a cue of one word, or one whose next element is no word
    std::uint8_t lang = 0;    // the cue's language

    friend bool operator==(const NextWord&, const NextWord&) = default;
};

// A second reading of the darker words, learned from labelled moments (data/lexicon.json
// "darker_model", written by bench/train_darker.py; docs/reading.md): a weight for each of her
// words' stems and for each pair of neighbouring stems of a clause, summed with a bias. It speaks
// only where no cue of the darker words stood at all (kept or set aside): a cue heard and set aside
// as negated, someone else's or a saying is the cues' answer. Features are kept by their key_hash
// (no two of a model share one); weights in thousandths of a logit.
struct DarkerModel {
    std::vector<std::pair<std::uint32_t, std::int32_t>> weights;  // by feature hash, sorted
    std::int32_t bias = 0;
    std::int32_t threshold = 0;  // the sum above which the moment reads as darker
};

struct Lexicon {
    std::vector<Concept> concepts;  // topics, then distortions, then the named lists below
    std::size_t topic_count = 0;
    std::size_t distortion_count = 0;
    // Indexes into `concepts` of the lists the reading's rules use (-1: none in the file).
    int support = -1;      // hopelessness, wishing not to exist, thoughts of harm
    int hopeful = -1;      // hopeful or grateful lines
    int negation = -1;     // "not", "never", "no", "nunca"
    int disclaimer = -1;   // "not that", "I'm not saying"
    int reporting = -1;    // someone else's words or thoughts begin: "my MIL says", "she thinks"
    int asking = -1;       // a question about herself: "am I", "is it"
    int clause_word = -1;  // words that start a clause: "but", "because", "pero"
    int clarifying = -1;   // words that make hers smaller after them: "I mean"
    // The distortions "labelling", "sarcasm", "mind-reading" and "comparison" (indexes into
    // `concepts`, -1: none).
    int labelling = -1;
    int sarcasm = -1;
    int mind_reading = -1;
    int comparison = -1;
    // Word classes (@name): folded words, sorted.
    std::map<std::string, std::vector<std::string>, std::less<>> classes;
    // The index: the cues starting at each key ("0:stem", "1:stem", "=word"), sorted by key (one
    // array: a map of ten thousand keys cost guilt show a third of its time to build).
    std::vector<std::pair<std::string_view, CueRef>> index;
    // Where each key's cues are in `index`: an open-addressing hash table of [from, to) (to 0:
    // an empty slot), so that a word's key is found in one or two probes.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> index_slots;
    std::vector<NextWord> index_next;  // what each entry of `index` asks of the next word
    // Cues starting with a beginning, sorted by it (cues_with_prefix_of finds those of a word).
    std::vector<std::pair<std::string_view, CueRef>> prefixes;
    std::vector<std::pair<std::string_view, CueRef>> suffixes;  // cues starting with an ending
    DarkerModel darker_model;                                   // no weights: no second reading
    std::shared_ptr<const reading::Stemmers> stemmers;
    std::shared_ptr<LexiconStore> store = std::make_shared<LexiconStore>();

    const Concept& topic(std::size_t i) const { return concepts[i]; }
    const Concept& distortion(std::size_t i) const { return concepts[topic_count + i]; }
};

// A distortion found in a text: which one, and her words that carry it.
struct DistortionHit {
    std::string id;     // e.g. "labelling"
    std::string words;  // as she wrote them, e.g. "bad mom"

    friend bool operator==(const DistortionHit&, const DistortionHit&) = default;
};

// What guilt understood of a moment.
struct Reading {
    std::vector<std::string> topics;         // topic ids (and tags that are no topic), in order
    std::vector<DistortionHit> distortions;  // one per distortion, the first found
    std::string support;                     // her darker words, or "" when there are none
    bool hopeful = false;                    // a hopeful or grateful line no negation reaches
    // Where in the text (byte offsets) the first cue of each topic found in it stands.
    std::map<std::string, std::pair<std::size_t, std::size_t>> topic_at;
};

// Reads and compiles a vocabulary from JSON text. Throws UsageError naming `source` and the JSON
// path of the first problem (e.g. "lexicon.json: /topics/2/senses/0/en/3: must be a non-empty
// string").
Lexicon parse_lexicon(std::string_view json_text, std::string_view source);

// The compiled form of a vocabulary: everything parse_lexicon made of the JSON, its index
// included (built again, it was most of the time of reading the lexicon back). The built-in
// lexicon is compiled when guilt is built (src/tools/compile_lexicon.cpp), so guilt does not
// parse and stem 14,000 cues at every start; her own lexicon.json is read as JSON.
std::string compiled_lexicon(const Lexicon& lex);

// Whether the lexicon keeps a copy of the bytes it is read from, or views them where they are
// (bytes that outlive it: the build's own, in the program; a 2 MB copy saved at every start).
enum class CompiledBytes { copy, view };

// Reads what compiled_lexicon wrote (by this same build). Throws UsageError naming `source` when
// the bytes are not that.
Lexicon read_compiled_lexicon(std::string_view bytes, std::string_view source,
                              CompiledBytes keep = CompiledBytes::copy);

// Fills the index, prefixes and suffixes of `lex` from its concepts' cues.
void index_cues(Lexicon& lex);

// Fills lex.index_slots from lex.index (sorted).
void hash_index(Lexicon& lex);

// FNV-1a of the concatenation of `parts`, without making it ({"e:", stem}): of a key or a word
// (the index's keys are short: "0:stem"), or of a learned reading's feature.
inline std::uint32_t key_hash(std::initializer_list<std::string_view> parts) {
    std::uint32_t h = 2166136261u;
    for (auto part : parts)
        for (unsigned char c : part)
            h = (h ^ c) * 16777619u;
    return h;
}
inline std::uint32_t key_hash(std::string_view key) {
    return key_hash({key});
}

// What the cue `ref` names asks of the word after its first.
NextWord next_word(const Lexicon& lex, const CueRef& ref);

// Whether `word` is of the class `name`; a class her own vocabulary does not have holds no word.
bool in_class(const Lexicon& lex, std::string_view name, std::string_view word);

// The entries of the index under `key`, in the order of the concepts and their cues.
std::span<const std::pair<std::string_view, CueRef>> cues_at(const Lexicon& lex,
                                                             std::string_view key);

// The prefixes of the lexicon that start with the first byte of `word`: a word's own beginnings
// are among them (those it starts with), where the whole list is some four hundred.
std::span<const std::pair<std::string_view, CueRef>> prefixes_sharing_first_byte(
    const Lexicon& lex, std::string_view word);

// The reading of a moment: its tags first (a tag naming a topic, or one of its one-word cues,
// counts as that topic and also as itself), then what its words say.
Reading read_words(const Lexicon& lex, std::string_view text,
                   const std::vector<std::string>& tags = {});

// The features of a moment's words that the learned reading of the darker words weighs (for
// bench/train_darker.py, through guilt_read_probe --features).
std::vector<std::string> darker_features(const Lexicon& lex, std::string_view text);

// Parts of read_words, for callers that need one.
std::vector<std::string> detect_topics(const Lexicon& lex, std::string_view text,
                                       const std::vector<std::string>& tags);
std::vector<DistortionHit> detect_distortions(const Lexicon& lex, std::string_view text);
bool hopeful(const Lexicon& lex, std::string_view text);

// The label of a topic id, or "#tag" for a tag that is not a topic.
std::string topic_label(const Lexicon& lex, const std::string& id);

// Throws UsageError naming `source` when a topic or distortion id that the reflection rules
// depend on is missing, so that her own lexicon.json cannot switch a rule off unnoticed.
void require_ids(const Lexicon& lex, const std::vector<std::string_view>& topics,
                 const std::vector<std::string_view>& distortions, std::string_view source);

}  // namespace guilt
