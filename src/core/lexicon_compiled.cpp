// SPDX-License-Identifier: MIT
// The compiled form of a vocabulary (include/guilt/core/lexicon.hpp): its concepts and classes
// as parse_lexicon made them, stemmed and checked, in a flat form that reads back without
// parsing JSON or stemming a word. Numbers are 32-bit little-endian; a string is its length and
// its bytes. Written and read by the same build only (the format carries no promise beyond it).
#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cstring>

#include "guilt/core/error.hpp"
#include "guilt/core/lexicon.hpp"
#include "reading/words.hpp"

namespace guilt {

namespace {

constexpr std::string_view kMagic = "guilt-lexicon-1\n";

class Writer {
  public:
    void number(std::int64_t n) {
        auto u = static_cast<std::uint32_t>(static_cast<std::int32_t>(n));
        for (int i = 0; i < 4; ++i)
            m_out += static_cast<char>((u >> (8 * i)) & 0xFF);
    }
    void text(std::string_view s) {
        number(static_cast<std::int64_t>(s.size()));
        m_out += s;
    }
    void cues(const std::vector<Cue>& list) {
        number(static_cast<std::int64_t>(list.size()));
        for (const auto& cue : list) {
            number(cue.lang);
            number(static_cast<std::int64_t>(cue.elements.size()));
            for (const auto& e : cue.elements) {
                number(static_cast<int>(e.kind));
                text(e.value);
                text(e.word);
            }
        }
    }
    void refs(const std::vector<std::pair<std::string, CueRef>>& list) {
        number(static_cast<std::int64_t>(list.size()));
        for (const auto& [key, ref] : list) {
            text(key);
            number(ref.owner);
            number(ref.cue);
            number(ref.except ? 1 : 0);
        }
    }
    std::string take() { return std::move(m_out); }

  private:
    std::string m_out{kMagic};
};

class Reader {
  public:
    Reader(std::string_view bytes, std::string_view source) : m_in(bytes), m_source(source) {
        if (!m_in.starts_with(kMagic)) damaged();
        m_at = kMagic.size();
    }
    std::int32_t number() {
        if (m_in.size() - m_at < 4) damaged();
        std::uint32_t u = 0;
        std::memcpy(&u, m_in.data() + m_at, 4);
        if constexpr (std::endian::native == std::endian::big) u = __builtin_bswap32(u);
        m_at += 4;
        return static_cast<std::int32_t>(u);
    }
    // A count of things each at least `least` bytes long, checked against what is left.
    std::size_t count(std::size_t least) {
        auto n = number();
        if (n < 0 || static_cast<std::size_t>(n) > (m_in.size() - m_at) / least) damaged();
        return static_cast<std::size_t>(n);
    }
    std::string text() {
        auto n = count(1);
        std::string out(m_in.substr(m_at, n));
        m_at += n;
        return out;
    }
    std::vector<Cue> cues() {
        std::vector<Cue> list(count(8));
        for (auto& cue : list) {
            cue.lang = number();
            cue.elements.resize(count(12));
            for (auto& e : cue.elements) {
                auto kind = number();
                if (kind < 0 || kind > static_cast<int>(CueElement::Kind::gap)) damaged();
                e.kind = static_cast<CueElement::Kind>(kind);
                e.value = text();
                e.word = text();
            }
            if (cue.elements.empty() || (cue.lang != reading::en && cue.lang != reading::es))
                damaged();
        }
        return list;
    }
    // Index entries, each naming a cue that is there in `lex`.
    std::vector<std::pair<std::string, CueRef>> refs(const Lexicon& lex) {
        std::vector<std::pair<std::string, CueRef>> list(count(16));
        for (auto& [key, ref] : list) {
            key = text();
            ref.owner = number();
            ref.cue = number();
            auto except = number();
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
    bool done() const { return m_at == m_in.size(); }
    [[noreturn]] void damaged() const {
        throw UsageError(
            fmt::format("{}: is not a compiled lexicon of this build of guilt", m_source));
    }

  private:
    std::string_view m_in;
    std::string_view m_source;
    std::size_t m_at = 0;
};

// The lists of Lexicon that name a concept by its index, in the order they are written.
template <typename L>
auto named_indexes(L& lex) {
    return std::array{&lex.support,   &lex.hopeful, &lex.negation,    &lex.disclaimer,
                      &lex.reporting, &lex.asking,  &lex.clause_word, &lex.clarifying,
                      &lex.labelling, &lex.sarcasm, &lex.mind_reading};
}

}  // namespace

std::string compiled_lexicon(const Lexicon& lex) {
    Writer out;
    out.number(static_cast<std::int64_t>(lex.topic_count));
    out.number(static_cast<std::int64_t>(lex.distortion_count));
    for (const int* index : named_indexes(lex))
        out.number(*index);
    out.number(static_cast<std::int64_t>(lex.classes.size()));
    for (const auto& [name, words] : lex.classes) {
        out.text(name);
        out.number(static_cast<std::int64_t>(words.size()));
        for (const auto& w : words)
            out.text(w);
    }
    out.number(static_cast<std::int64_t>(lex.concepts.size()));
    for (const auto& c : lex.concepts) {
        out.text(c.id);
        out.text(c.label);
        out.cues(c.cues);
        out.cues(c.except);
    }
    out.refs(lex.index);
    out.refs(lex.prefixes);
    out.refs(lex.suffixes);
    return out.take();
}

Lexicon read_compiled_lexicon(std::string_view bytes, std::string_view source) {
    Reader in(bytes, source);
    Lexicon lex;
    lex.topic_count = in.count(1);
    lex.distortion_count = in.count(1);
    for (int* index : named_indexes(lex))
        *index = in.number();
    for (auto n = in.count(8); n > 0; --n) {
        auto& words = lex.classes[in.text()];
        words.resize(in.count(4));
        for (auto& w : words)
            w = in.text();
    }
    lex.concepts.resize(in.count(16));
    for (auto& c : lex.concepts) {
        c.id = in.text();
        c.label = in.text();
        c.cues = in.cues();
        c.except = in.cues();
    }
    auto concepts = static_cast<int>(lex.concepts.size());
    bool indexes_fit = lex.topic_count + lex.distortion_count <= lex.concepts.size();
    for (int* index : named_indexes(lex))
        indexes_fit = indexes_fit && *index >= -1 && *index < concepts;
    for (const auto& c : lex.concepts)
        for (const auto* list : {&c.cues, &c.except})
            for (const auto& cue : *list)
                for (const auto& e : cue.elements)
                    if ((e.kind == CueElement::Kind::word_class ||
                         e.kind == CueElement::Kind::not_class) &&
                        !lex.classes.contains(e.value))
                        indexes_fit = false;
    if (!indexes_fit) in.damaged();
    lex.index = in.refs(lex);
    lex.prefixes = in.refs(lex);
    lex.suffixes = in.refs(lex);
    if (!in.done() ||
        !std::ranges::is_sorted(lex.index, {}, &std::pair<std::string, CueRef>::first) ||
        !std::ranges::is_sorted(lex.prefixes, {}, &std::pair<std::string, CueRef>::first))
        in.damaged();
    lex.stemmers = std::make_shared<reading::Stemmers>();
    return lex;
}

}  // namespace guilt
