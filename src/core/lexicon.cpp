// SPDX-License-Identifier: MIT
// Reading data/lexicon.json and compiling its cues into one index (the reading itself is in
// src/core/reading/reading.cpp).
#include "guilt/core/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"
#include "reading/learned.hpp"
#include "reading/words.hpp"

namespace guilt {

namespace {

using reading::Lang;

[[noreturn]] void bad(std::string_view source, const std::string& path, std::string_view what) {
    throw UsageError(fmt::format("{}: {}: {}", source, path.empty() ? "/" : path, what));
}

// What a sense asks of its cues' company (Cue::listed, Cue::with).
struct Needs {
    bool listed = false;
    int with = -1;
};

class Compiler {
  public:
    // `doc` gives the topics' ids, which a sense's "with" names.
    Compiler(Lexicon& lex, std::string_view source, const nlohmann::json& doc)
        : m_lex(lex), m_source(source) {
        if (doc.contains("topics") && doc["topics"].is_array())
            for (std::size_t i = 0; i < doc["topics"].size(); ++i) {
                const auto& t = doc["topics"][i];
                if (t.is_object() && t.contains("id") && t["id"].is_string())
                    m_topics.emplace(t["id"].get<std::string>(), static_cast<int>(i));
            }
    }

    // A cue as written in the file: words separated by spaces, each a word (matched by its
    // stem), =word (exactly), word* (its beginning), @class, !@class, or .. (a gap).
    Cue cue(const nlohmann::json& value, const std::string& path, Lang lang, Needs needs) const {
        if (!value.is_string() || value.get<std::string>().empty())
            bad(m_source, path, "must be a non-empty string");
        std::vector<CueElement> elements;
        auto text = value.get<std::string>();
        std::size_t at = 0;
        while (at < text.size()) {
            auto end = text.find(' ', at);
            if (end == std::string::npos) end = text.size();
            auto word = std::string_view(text).substr(at, end - at);
            // A cue matches within one sentence: a sentence's end before its last word would
            // make a cue that never matches ("it doesn't. i've").
            if (end < text.size() && word != ".." &&
                (word.ends_with('.') || word.ends_with('!') || word.ends_with('?')))
                bad(m_source, path, "cannot cross a sentence");
            if (end > at) piece(word, path, lang, elements);
            at = end + 1;
        }
        if (elements.empty()) bad(m_source, path, "must hold at least one word");
        auto first = elements.front().kind;
        if (first == CueElement::Kind::gap || first == CueElement::Kind::not_class ||
            elements.back().kind == CueElement::Kind::gap)
            bad(m_source, path, "must start and end with a word");
        return {m_lex.store->cue_elements.emplace_back(std::move(elements)), lang, needs.listed,
                needs.with};
    }

    // The cues of `value`: an array of strings (English) or of senses, or an object with "en"
    // and "es" arrays, or with "senses": [{"meaning", "en", "es"}] (cues grouped by meaning, for
    // the people who keep the file: the reading does not use the meaning). A sense with
    // "listed": true holds cues that count only as items of a list, one with "with": a topic id
    // cues that count only beside that topic's (Cue::listed, Cue::with).
    void cues(const nlohmann::json& value, const std::string& path, std::vector<Cue>& out,
              Needs needs = {}) const {
        if (value.is_array()) {
            for (std::size_t i = 0; i < value.size(); ++i) {
                auto at = fmt::format("{}/{}", path, i);
                if (value[i].is_object())
                    cues(value[i], at, out, needs);
                else
                    out.push_back(cue(value[i], at, Lang::en, needs));
            }
            return;
        }
        if (!value.is_object()) bad(m_source, path, "must be an array of strings or an object");
        if (value.contains("listed")) {
            if (!value["listed"].is_boolean())
                bad(m_source, path + "/listed", "must be true or false");
            needs.listed = value["listed"].get<bool>();
        }
        if (value.contains("with")) {
            const auto& with = value["with"];
            auto topic = with.is_string() ? m_topics.find(with.get<std::string>()) : m_topics.end();
            if (topic == m_topics.end()) bad(m_source, path + "/with", "must be a topic id");
            needs.with = topic->second;
        }
        if (value.contains("senses")) {
            const auto& senses = value["senses"];
            if (!senses.is_array()) bad(m_source, path + "/senses", "must be an array");
            for (std::size_t i = 0; i < senses.size(); ++i) {
                auto at = fmt::format("{}/senses/{}", path, i);
                if (!senses[i].is_object()) bad(m_source, at, "must be an object");
                cues(senses[i], at, out, needs);
            }
        }
        if (value.contains("en")) language(value["en"], path + "/en", Lang::en, needs, out);
        if (value.contains("es")) language(value["es"], path + "/es", Lang::es, needs, out);
    }

    // A named concept: {"id", "label", cues as above or "cues": [...], "except": ...}.
    Concept read_concept(const nlohmann::json& item, const std::string& at, bool named) const {
        Concept c;
        if (!named && item.is_array()) {
            cues(item, at, c.cues);
            return c;
        }
        if (!item.is_object()) bad(m_source, at, "must be an object");
        if (named) {
            for (const char* field : {"id", "label"})
                if (!item.contains(field) || !item[field].is_string() ||
                    item[field].get<std::string>().empty())
                    bad(m_source, at + "/" + field, "must be a non-empty string");
            c.id = item["id"];
            c.label = item["label"];
        }
        if (item.contains("cues")) cues(item["cues"], at + "/cues", c.cues);
        cues(item, at, c.cues);
        if (item.contains("except")) cues(item["except"], at + "/except", c.except);
        if (std::ranges::any_of(c.except, [](const Cue& e) { return e.listed || e.with >= 0; }))
            bad(m_source, at + "/except", "cannot be listed or with a topic (only cues can)");
        if (named && c.cues.empty() && !item.contains("cues_of"))
            bad(m_source, at + "/cues", "must be a non-empty array of strings");
        return c;
    }

  private:
    void language(const nlohmann::json& list, const std::string& path, Lang lang, Needs needs,
                  std::vector<Cue>& out) const {
        if (!list.is_array()) bad(m_source, path, "must be an array of strings");
        for (std::size_t i = 0; i < list.size(); ++i)
            out.push_back(cue(list[i], fmt::format("{}/{}", path, i), lang, needs));
    }

    void piece(std::string_view p, const std::string& path, Lang lang,
               std::vector<CueElement>& out) const {
        using Kind = CueElement::Kind;
        auto& store = *m_lex.store;
        if (p == "..") return out.push_back({Kind::gap, "", ""});
        if (p.starts_with("@") || p.starts_with("!@")) {
            auto name = p.substr(p.find('@') + 1);
            auto cls = m_lex.classes.find(name);
            if (cls == m_lex.classes.end())
                bad(m_source, path, fmt::format("names no class \"{}\"", name));
            return out.push_back(
                {p[0] == '!' ? Kind::not_class : Kind::word_class, store.keep(cls->first), ""});
        }
        if (p.size() > 1 && p.starts_with("*"))
            return out.push_back({Kind::suffix, store.keep(reading::fold(p.substr(1))), ""});
        Kind kind = Kind::stem;
        if (p.starts_with("=")) {
            kind = Kind::exact;
            p.remove_prefix(1);
        } else if (p.ends_with("*")) {
            kind = Kind::prefix;
            p.remove_suffix(1);
        }
        auto words = reading::split_words(p, *m_lex.stemmers, lang);  // "+" alone: no word
        reading::respell(m_lex, words, lang);
        for (std::size_t i = 0; i < words.size(); ++i) {
            const auto& w = words[i];
            bool last = i + 1 == words.size();
            auto word = store.keep(w.word);
            if (kind == Kind::stem || (kind == Kind::prefix && !last))
                out.push_back({Kind::stem, store.keep(w.stem[lang]), word});
            else
                out.push_back({kind, word, word});
        }
    }

    Lexicon& m_lex;
    std::string_view m_source;
    std::map<std::string, int, std::less<>> m_topics;  // id -> index, as the file lists them
};

// The key under which a cue is found from its first element.
void index_cue(Lexicon& lex, const Cue& cue, CueRef ref) {
    const auto& first = cue.elements.front();
    switch (first.kind) {
        case CueElement::Kind::stem:
            lex.index.emplace_back(lex.store->keep(fmt::format("{}:{}", cue.lang, first.value)),
                                   ref);
            if (!first.word.empty() && first.word != first.value)
                lex.index.emplace_back(lex.store->keep(fmt::format("={}", first.word)), ref);
            break;
        case CueElement::Kind::exact:
            lex.index.emplace_back(lex.store->keep(fmt::format("={}", first.value)), ref);
            break;
        case CueElement::Kind::prefix:
            lex.prefixes.emplace_back(first.value, ref);
            break;
        case CueElement::Kind::suffix:
            lex.suffixes.emplace_back(first.value, ref);
            break;
        case CueElement::Kind::word_class:
            for (const auto& w : lex.classes.find(first.value)->second)
                lex.index.emplace_back(lex.store->keep("=" + w), ref);
            break;
        default:
            break;
    }
}

void read_classes(const nlohmann::json& doc, Lexicon& lex, std::string_view source) {
    if (!doc.contains("classes")) return;
    if (!doc["classes"].is_object()) bad(source, "/classes", "must be an object");
    for (const auto& [name, list] : doc["classes"].items()) {
        auto path = "/classes/" + name;
        if (!list.is_array()) bad(source, path, "must be an array of strings");
        auto& words = lex.classes[name];
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || list[i].get<std::string>().empty())
                bad(source, fmt::format("{}/{}", path, i), "must be a non-empty string");
            words.push_back(reading::fold(list[i].get<std::string>()));
        }
        std::ranges::sort(words);
    }
}

int named_list(const nlohmann::json& doc, const char* key, const Compiler& compile, Lexicon& lex) {
    if (!doc.contains(key)) return -1;
    auto c = compile.read_concept(doc[key], fmt::format("/{}", key), false);
    c.id = key;
    lex.concepts.push_back(std::move(c));
    return static_cast<int>(lex.concepts.size()) - 1;
}

void read_concepts(const nlohmann::json& doc, const char* key, const Compiler& compile,
                   Lexicon& lex, std::string_view source) {
    if (!doc.contains(key) || !doc[key].is_array())
        bad(source, fmt::format("/{}", key), "must be an array");
    for (std::size_t i = 0; i < doc[key].size(); ++i)
        lex.concepts.push_back(
            compile.read_concept(doc[key][i], fmt::format("/{}/{}", key, i), true));
}

// A distortion with "cues_of": "topic" reads the topic's cues too (comparison).
void share_cues(const nlohmann::json& doc, Lexicon& lex, std::string_view source) {
    for (std::size_t i = 0; i < lex.distortion_count; ++i) {
        const auto& item = doc["distortions"][i];
        if (!item.contains("cues_of")) continue;
        auto path = fmt::format("/distortions/{}/cues_of", i);
        if (!item["cues_of"].is_string()) bad(source, path, "must be a topic id");
        auto& d = lex.concepts[lex.topic_count + i];
        bool found = false;
        for (std::size_t t = 0; t < lex.topic_count; ++t)
            if (lex.concepts[t].id == item["cues_of"].get<std::string>()) {
                d.cues.insert(d.cues.end(), lex.concepts[t].cues.begin(),
                              lex.concepts[t].cues.end());
                d.except.insert(d.except.end(), lex.concepts[t].except.begin(),
                                lex.concepts[t].except.end());
                found = true;
            }
        if (!found) bad(source, path, "names no topic");
    }
}

}  // namespace

Lexicon parse_lexicon(std::string_view json_text, std::string_view source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        bad(source, "", fmt::format("not valid JSON (byte {})", e.byte));
    }
    if (!doc.is_object()) bad(source, "", "must be a JSON object");
    Lexicon lex;
    lex.stemmers = std::make_shared<reading::Stemmers>();
    read_classes(doc, lex, source);
    Compiler compile(lex, source, doc);
    read_concepts(doc, "topics", compile, lex, source);
    lex.topic_count = lex.concepts.size();
    read_concepts(doc, "distortions", compile, lex, source);
    lex.distortion_count = lex.concepts.size() - lex.topic_count;
    share_cues(doc, lex, source);
    // Version 1 files named two of these lists in the plural.
    lex.negation =
        named_list(doc, doc.contains("negations") ? "negations" : "negation", compile, lex);
    if (lex.negation < 0) bad(source, "/negation", "must be an array of strings");
    lex.disclaimer =
        named_list(doc, doc.contains("disclaimers") ? "disclaimers" : "disclaimer", compile, lex);
    lex.clause_word = named_list(doc, "clause_words", compile, lex);
    lex.hopeful = named_list(doc, "hopeful", compile, lex);
    lex.support = named_list(doc, "support", compile, lex);
    lex.reporting = named_list(doc, "reporting", compile, lex);
    lex.asking = named_list(doc, "asking", compile, lex);
    lex.clarifying = named_list(doc, "clarifying", compile, lex);
    for (std::size_t i = 0; i < lex.distortion_count; ++i) {
        auto at = static_cast<int>(lex.topic_count + i);
        if (lex.distortion(i).id == "labelling") lex.labelling = at;
        if (lex.distortion(i).id == "sarcasm") lex.sarcasm = at;
        if (lex.distortion(i).id == "mind-reading") lex.mind_reading = at;
        if (lex.distortion(i).id == "comparison") lex.comparison = at;
    }
    reading::read_darker_model(doc, lex, source);
    index_cues(lex);
    return lex;
}

void index_cues(Lexicon& lex) {
    lex.index.clear();
    lex.prefixes.clear();
    lex.suffixes.clear();
    for (std::size_t c = 0; c < lex.concepts.size(); ++c) {
        const auto& con = lex.concepts[c];
        for (std::size_t k = 0; k < con.cues.size(); ++k)
            index_cue(lex, con.cues[k], {static_cast<int>(c), static_cast<int>(k), false});
        for (std::size_t k = 0; k < con.except.size(); ++k)
            index_cue(lex, con.except[k], {static_cast<int>(c), static_cast<int>(k), true});
    }
    // Stable: the cues of one key stay in the order of the concepts and their cues.
    std::ranges::stable_sort(lex.index, {}, &std::pair<std::string_view, CueRef>::first);
    std::ranges::stable_sort(lex.prefixes, {}, &std::pair<std::string_view, CueRef>::first);
    lex.index_next.clear();
    for (const auto& [key, ref] : lex.index)
        lex.index_next.push_back(next_word(lex, ref));
    hash_index(lex);
}

NextWord next_word(const Lexicon& lex, const CueRef& ref) {
    const auto& owner = lex.concepts[static_cast<std::size_t>(ref.owner)];
    const auto& cue = (ref.except ? owner.except : owner.cues)[static_cast<std::size_t>(ref.cue)];
    NextWord next;
    next.lang = static_cast<std::uint8_t>(cue.lang);
    if (cue.elements.size() < 2) return next;
    const auto& e = cue.elements[1];
    if (e.kind == CueElement::Kind::stem && e.word.size() <= UINT16_MAX) {
        next = {key_hash(e.value), key_hash(e.word), static_cast<std::uint16_t>(e.word.size()),
                NextWord::stem, next.lang};
    } else if (e.kind == CueElement::Kind::exact) {
        next = {key_hash(e.value), 0, 0, NextWord::exact, next.lang};
    }
    return next;
}

void hash_index(Lexicon& lex) {
    std::size_t size = 16;
    while (size < 2 * lex.index.size())
        size *= 2;
    lex.index_slots.assign(size, {0, 0});
    for (std::size_t from = 0, to = 0; from < lex.index.size(); from = to) {
        while (to < lex.index.size() && lex.index[to].first == lex.index[from].first)
            ++to;
        auto slot = key_hash(lex.index[from].first) & (size - 1);
        while (lex.index_slots[slot].second != 0)
            slot = (slot + 1) & (size - 1);
        lex.index_slots[slot] = {static_cast<std::uint32_t>(from), static_cast<std::uint32_t>(to)};
    }
}

bool in_class(const Lexicon& lex, std::string_view name, std::string_view word) {
    auto words = lex.classes.find(name);
    return words != lex.classes.end() &&
           std::ranges::binary_search(words->second, word, std::less<>{});
}

std::span<const std::pair<std::string_view, CueRef>> cues_at(const Lexicon& lex,
                                                             std::string_view key) {
    if (lex.index_slots.empty()) return {};
    auto mask = lex.index_slots.size() - 1;
    for (auto slot = key_hash(key) & mask; lex.index_slots[slot].second != 0;
         slot = (slot + 1) & mask) {
        auto [from, to] = lex.index_slots[slot];
        if (lex.index[from].first == key) return std::span(lex.index).subspan(from, to - from);
    }
    return {};
}

std::span<const std::pair<std::string_view, CueRef>> prefixes_sharing_first_byte(
    const Lexicon& lex, std::string_view word) {
    if (word.empty()) return {};
    auto first = word.substr(0, 1);
    auto by_key = [](const std::pair<std::string_view, CueRef>& e, std::string_view k) {
        return e.first.substr(0, 1) < k;
    };
    auto from = std::lower_bound(lex.prefixes.begin(), lex.prefixes.end(), first, by_key);
    auto to = from;
    while (to != lex.prefixes.end() && to->first.starts_with(first))
        ++to;
    return {from, to};
}

std::string topic_label(const Lexicon& lex, const std::string& id) {
    for (std::size_t i = 0; i < lex.topic_count; ++i)
        if (lex.topic(i).id == id) return lex.topic(i).label;
    return "#" + id;
}

void require_ids(const Lexicon& lex, const std::vector<std::string_view>& topics,
                 const std::vector<std::string_view>& distortions, std::string_view source) {
    auto check = [&](std::size_t from, std::size_t count, std::string_view id, const char* key) {
        for (std::size_t i = from; i < from + count; ++i)
            if (lex.concepts[i].id == id) return;
        bad(source, fmt::format("/{}", key),
            fmt::format("has no \"{}\" (the reflection rules need it)", id));
    };
    for (auto id : topics)
        check(0, lex.topic_count, id, "topics");
    for (auto id : distortions)
        check(lex.topic_count, lex.distortion_count, id, "distortions");
}

}  // namespace guilt
