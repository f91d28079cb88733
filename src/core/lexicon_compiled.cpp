// SPDX-License-Identifier: MIT
// The compiled form of a vocabulary (include/guilt/core/lexicon.hpp): its concepts and classes
// as parse_lexicon made them, stemmed and checked, in a flat form that reads back without
// parsing JSON or stemming a word. Every string is in one pool, and every other thing is a
// record of 32-bit little-endian numbers, so reading it back is one check per record and views of
// the pool (no string or array is made per cue). Written and read by the same build only (the
// format carries no promise beyond it).
//
//   magic, topic count, distortion count, the named indexes
//   pool:      size, bytes
//   classes:   count, then each: name, word count, words
//   elements:  count, then each: kind, value, word
//   concepts:  count, then each: id, label, cue count, except count, then each cue: lang, listed,
//              with, first element, element count
//   index, prefixes, suffixes: count, then each: key, owner, cue, except
//   the index's next words: for each index entry: value, word, size | kind << 16 | lang << 24
//   the darker model: count, then each: feature hash, weight; then its bias and threshold
//   the index's hash table (index_slots): its size, the count of filled slots, then each: slot,
//   from, to (built once when guilt is built, not at every start)
// A string is two numbers: where it starts in the pool and its length.
#include <algorithm>
#include <functional>
#include <unordered_map>

#include "flat_bytes.hpp"
#include "guilt/core/lexicon.hpp"
#include "reading/words.hpp"

namespace guilt {

namespace {

constexpr std::string_view kMagic = "guilt-lexicon-8\n";

// The lexicon's writer: strings go to the pool, each once, and are written as where they are.
class Writer : public flat::Writer {
  public:
    Writer() : flat::Writer("") {}
    void pooled(std::string_view s) {
        auto [at, added] = m_at.try_emplace(std::string(s), m_pool.size());
        if (added) m_pool += s;
        number(static_cast<std::int64_t>(at->second));
        number(static_cast<std::int64_t>(s.size()));
    }
    void refs(const std::vector<std::pair<std::string_view, CueRef>>& list) {
        number(static_cast<std::int64_t>(list.size()));
        for (const auto& [key, ref] : list) {
            pooled(key);
            number(ref.owner);
            number(ref.cue);
            number(ref.except ? 1 : 0);
        }
    }
    // The magic, the header, the pool, then the records written since the header.
    std::string take(std::string_view header) {
        auto records = flat::Writer::take();
        flat::Writer out(kMagic);
        out.bytes(header);
        out.text(m_pool);
        out.bytes(records);
        return out.take();
    }

  private:
    std::string m_pool;
    std::unordered_map<std::string, std::size_t> m_at;
};

// Reads into `store` its cues' elements in one array; the lexicon's strings are views of the
// bytes (the store's copy of them, or the program's own).
class Reader : public flat::Reader {
  public:
    Reader(std::string_view bytes, std::string_view source, LexiconStore& store)
        : flat::Reader(bytes, kMagic, source, "a compiled lexicon"), m_store(store) {}
    void pool() { m_pool = text(); }
    std::string_view pooled() {
        need(8);
        return unchecked_pooled();
    }
    void elements() {
        auto n = count(20);
        m_store.elements.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            auto kind = unchecked();
            if (kind < 0 || kind > static_cast<int>(CueElement::Kind::gap)) damaged();
            auto value = unchecked_pooled();
            m_store.elements.push_back(
                {static_cast<CueElement::Kind>(kind), value, unchecked_pooled()});
        }
    }
    std::vector<Cue> cues(std::size_t n) {
        const auto& all = m_store.elements;
        std::vector<Cue> list(n);
        for (auto& cue : list) {
            need(20);
            cue.lang = unchecked();
            auto listed = unchecked();
            cue.listed = listed == 1;
            cue.with = unchecked();
            auto first = static_cast<std::uint32_t>(unchecked());
            auto size = static_cast<std::uint32_t>(unchecked());
            if (size == 0 || first > all.size() || size > all.size() - first ||
                (listed != 0 && listed != 1) || cue.with < -1 ||
                (cue.lang != reading::en && cue.lang != reading::es))
                damaged();
            cue.elements = std::span(all).subspan(first, size);
        }
        return list;
    }
    // What each of the index's `n` entries asks of the next word.
    std::vector<NextWord> next_words(std::size_t n) {
        need(12 * n);
        std::vector<NextWord> list(n);
        for (auto& next : list) {
            next.value = static_cast<std::uint32_t>(unchecked());
            next.word = static_cast<std::uint32_t>(unchecked());
            auto shape = static_cast<std::uint32_t>(unchecked());
            next.size = static_cast<std::uint16_t>(shape & 0xFFFF);
            auto kind = (shape >> 16) & 0xFF, lang = shape >> 24;
            if (kind > NextWord::exact || lang > reading::es) damaged();
            next.kind = static_cast<NextWord::Kind>(kind);
            next.lang = static_cast<std::uint8_t>(lang);
        }
        return list;
    }
    // The index's hash table: a power of two of slots, fewer filled than there are, each filled
    // one a range of the index.
    void slots(Lexicon& lex) {
        auto size = static_cast<std::uint32_t>(number());
        auto filled = count(12);
        if (size < 16 || size > (1u << 24) || (size & (size - 1)) != 0 || filled >= size) damaged();
        lex.index_slots.assign(size, {0, 0});
        for (std::size_t i = 0; i < filled; ++i) {
            auto slot = static_cast<std::uint32_t>(unchecked());
            auto from = static_cast<std::uint32_t>(unchecked());
            auto to = static_cast<std::uint32_t>(unchecked());
            if (slot >= size || from >= to || to > lex.index.size() ||
                lex.index_slots[slot].second != 0)
                damaged();
            lex.index_slots[slot] = {from, to};
        }
    }
    // Index entries, each naming a cue that is there in `lex`.
    std::vector<std::pair<std::string_view, CueRef>> refs(const Lexicon& lex) {
        std::vector<std::pair<std::string_view, CueRef>> list(count(20));
        for (auto& [key, ref] : list) {
            key = unchecked_pooled();
            ref.owner = unchecked();
            ref.cue = unchecked();
            auto except = unchecked();
            if (ref.owner < 0 || static_cast<std::size_t>(ref.owner) >= lex.concepts.size() ||
                (except != 0 && except != 1))
                damaged();
            ref.except = except == 1;
            const auto& owner = lex.concepts[static_cast<std::size_t>(ref.owner)];
            if (ref.cue < 0 || static_cast<std::size_t>(ref.cue) >=
                                   (ref.except ? owner.except : owner.cues).size())
                damaged();
        }
        return list;
    }

  private:
    // A string of the pool (where and how long), its 8 bytes known to be there.
    std::string_view unchecked_pooled() {
        auto at = static_cast<std::uint32_t>(unchecked());
        auto size = static_cast<std::uint32_t>(unchecked());
        if (at > m_pool.size() || size > m_pool.size() - at) damaged();
        return m_pool.substr(at, size);
    }

    std::string_view m_pool;
    LexiconStore& m_store;
};

// The lists of Lexicon that name a concept by its index, in the order they are written.
template <typename L>
auto named_indexes(L& lex) {
    return std::array{&lex.support,   &lex.hopeful, &lex.negation,     &lex.disclaimer,
                      &lex.reporting, &lex.asking,  &lex.clause_word,  &lex.clarifying,
                      &lex.labelling, &lex.sarcasm, &lex.mind_reading, &lex.comparison};
}

}  // namespace

std::string compiled_lexicon(const Lexicon& lex) {
    Writer out;
    out.number(static_cast<std::int64_t>(lex.topic_count));
    out.number(static_cast<std::int64_t>(lex.distortion_count));
    for (const int* index : named_indexes(lex))
        out.number(*index);
    auto header = out.flat::Writer::take();
    out.number(static_cast<std::int64_t>(lex.classes.size()));
    for (const auto& [name, words] : lex.classes) {
        out.pooled(name);
        out.number(static_cast<std::int64_t>(words.size()));
        for (const auto& w : words)
            out.pooled(w);
    }
    // Every cue's elements, in the order of the concepts, their cues, then their exceptions.
    std::vector<const CueElement*> elements;
    for (const auto& c : lex.concepts)
        for (const auto* list : {&c.cues, &c.except})
            for (const auto& cue : *list)
                for (const auto& e : cue.elements)
                    elements.push_back(&e);
    out.number(static_cast<std::int64_t>(elements.size()));
    for (const auto* e : elements) {
        out.number(static_cast<int>(e->kind));
        out.pooled(e->value);
        out.pooled(e->word);
    }
    out.number(static_cast<std::int64_t>(lex.concepts.size()));
    std::size_t first = 0;
    for (const auto& c : lex.concepts) {
        out.pooled(c.id);
        out.pooled(c.label);
        out.number(static_cast<std::int64_t>(c.cues.size()));
        out.number(static_cast<std::int64_t>(c.except.size()));
        for (const auto* list : {&c.cues, &c.except})
            for (const auto& cue : *list) {
                out.number(cue.lang);
                out.number(cue.listed ? 1 : 0);
                out.number(cue.with);
                out.number(static_cast<std::int64_t>(first));
                out.number(static_cast<std::int64_t>(cue.elements.size()));
                first += cue.elements.size();
            }
    }
    out.refs(lex.index);
    out.refs(lex.prefixes);
    out.refs(lex.suffixes);
    for (const auto& next : lex.index_next) {
        out.number(next.value);
        out.number(next.word);
        out.number(next.size | next.kind << 16 | next.lang << 24);
    }
    out.number(static_cast<std::int64_t>(lex.darker_model.weights.size()));
    for (const auto& [feature, weight] : lex.darker_model.weights) {
        out.number(static_cast<std::int32_t>(feature));
        out.number(weight);
    }
    out.number(lex.darker_model.bias);
    out.number(lex.darker_model.threshold);
    auto filled = std::ranges::count_if(lex.index_slots, [](const auto& s) { return s.second; });
    out.number(static_cast<std::int64_t>(lex.index_slots.size()));
    out.number(filled);
    for (std::size_t slot = 0; slot < lex.index_slots.size(); ++slot)
        if (auto [from, to] = lex.index_slots[slot]; to != 0) {
            out.number(static_cast<std::int64_t>(slot));
            out.number(from);
            out.number(to);
        }
    return out.take(header);
}

Lexicon read_compiled_lexicon(std::string_view bytes, std::string_view source, CompiledBytes keep) {
    Lexicon lex;
    if (keep == CompiledBytes::copy) bytes = lex.store->bytes = bytes;
    Reader in(bytes, source, *lex.store);
    lex.topic_count = in.count(1);
    lex.distortion_count = in.count(1);
    for (int* index : named_indexes(lex))
        *index = in.number();
    in.pool();
    // The classes' names as the pool holds them: the pool holds each string once, so an element
    // naming a class is a view of one of them (one comparison of addresses, not of names).
    std::vector<std::string_view> class_names;
    for (auto n = in.count(12); n > 0; --n) {
        auto name = class_names.emplace_back(in.pooled());
        auto& words = lex.classes[std::string(name)];
        words.resize(in.count(8));
        for (auto& w : words)
            w = in.pooled();
        if (!std::ranges::is_sorted(words)) in.damaged();
    }
    in.elements();
    lex.concepts.resize(in.count(24));
    for (auto& c : lex.concepts) {
        c.id = in.pooled();
        c.label = in.pooled();
        auto cues = in.count(20);
        auto except = in.count(20);
        c.cues = in.cues(cues);
        c.except = in.cues(except);
    }
    auto concepts = static_cast<int>(lex.concepts.size());
    bool indexes_fit = lex.topic_count + lex.distortion_count <= lex.concepts.size();
    for (const auto& c : lex.concepts)
        for (const auto& cue : c.cues)
            indexes_fit = indexes_fit && cue.with < static_cast<int>(lex.topic_count);
    for (int* index : named_indexes(lex))
        indexes_fit = indexes_fit && *index >= -1 && *index < concepts;
    auto by_place = [](std::string_view a, std::string_view b) { return a.data() < b.data(); };
    std::ranges::sort(class_names, by_place);
    for (const auto& e : lex.store->elements) {
        if (e.kind != CueElement::Kind::word_class && e.kind != CueElement::Kind::not_class)
            continue;
        auto it = std::lower_bound(class_names.begin(), class_names.end(), e.value, by_place);
        indexes_fit = indexes_fit && it != class_names.end() && it->data() == e.value.data() &&
                      it->size() == e.value.size();
    }
    if (!indexes_fit) in.damaged();
    lex.index = in.refs(lex);
    lex.prefixes = in.refs(lex);
    lex.suffixes = in.refs(lex);
    lex.index_next = in.next_words(lex.index.size());
    auto& model = lex.darker_model;
    model.weights.resize(in.count(8));
    for (auto& [feature, weight] : model.weights) {
        feature = static_cast<std::uint32_t>(in.number());
        weight = in.number();
    }
    model.bias = in.number();
    model.threshold = in.number();
    in.slots(lex);
    if (!in.done() ||
        std::ranges::adjacent_find(model.weights, std::greater_equal<>{},
                                   [](const auto& e) { return e.first; }) != model.weights.end() ||
        !std::ranges::is_sorted(lex.index, {}, &std::pair<std::string_view, CueRef>::first) ||
        !std::ranges::is_sorted(lex.prefixes, {}, &std::pair<std::string_view, CueRef>::first))
        in.damaged();
    lex.stemmers = std::make_shared<reading::Stemmers>();
    return lex;
}

}  // namespace guilt
