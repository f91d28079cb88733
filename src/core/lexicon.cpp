// SPDX-License-Identifier: MIT
// Cue-word matching for topics and distortions, with negation and quotation handling.
#include "guilt/core/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr int kNegationReach = 3;  // words before a cue that a negation reaches

struct Token {
    std::string word;   // lower-case
    std::size_t begin;  // byte offsets in the original text
    std::size_t end;
    bool quoted = false;       // inside "..." or “...”
    std::size_t clause = 0;    // counts the sentence and clause breaks before the word
    std::size_t sentence = 0;  // counts the sentence breaks before the word
};

bool is_word_char(unsigned char c) {
    return std::isalnum(c) || c == '\'' || c == '-' || c >= 0x80;
}

// Punctuation that ends the reach of a negation: "No run today. Lazy." is still labelling.
bool is_clause_break(char c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == ',' || c == '\n';
}

bool is_sentence_break(char c) {
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

// What a UTF-8 sequence from U+2000-U+206F (general punctuation) at `i` is, if it is one.
enum class Punct { none, apostrophe, open_quote, close_quote, other };

Punct punct_at(std::string_view text, std::size_t i) {
    if (i + 2 >= text.size() || text.compare(i, 2, "\xE2\x80") != 0) return Punct::none;
    switch (static_cast<unsigned char>(text[i + 2])) {
        case 0x98:
        case 0x99:
            return Punct::apostrophe;  // ‘ ’
        case 0x9C:
            return Punct::open_quote;  // “
        case 0x9D:
            return Punct::close_quote;  // ”
        default:
            return Punct::other;  // dashes, ellipsis, ...
    }
}

// Splits text into lower-case words ("i'm", "to-do" are one word; curly apostrophes become ');
// double quotes, straight or curly, mark the words between them as quoted; sentence and clause
// punctuation, dashes and ellipses separate clauses.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    bool quoted = false;
    std::size_t clause = 0;
    std::size_t sentence = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        auto p = punct_at(text, i);
        if (p == Punct::open_quote || p == Punct::close_quote || p == Punct::other) {
            if (p != Punct::other) quoted = p == Punct::open_quote;
            if (p == Punct::other) ++clause;
            if (p == Punct::other && text.compare(i, 3, "\xE2\x80\xA6") == 0) ++sentence;  // …
            i += 3;
            continue;
        }
        if (text[i] == '"') {
            quoted = !quoted;
            ++i;
            continue;
        }
        if (p != Punct::apostrophe && !is_word_char(static_cast<unsigned char>(text[i]))) {
            if (is_clause_break(text[i])) ++clause;
            if (is_sentence_break(text[i])) ++sentence;
            ++i;
            continue;
        }
        Token t{"", i, i, quoted, clause, sentence};
        while (i < text.size()) {
            auto q = punct_at(text, i);
            if (q == Punct::apostrophe) {
                t.word += '\'';
                i += 3;
            } else if (q == Punct::none && is_word_char(static_cast<unsigned char>(text[i]))) {
                t.word += text[i++];
            } else {
                break;
            }
        }
        t.end = i;
        // Apostrophes and hyphens at the edges are punctuation ('tired', a dash made of -), and
        // not part of her words as reported either; a curly apostrophe takes three bytes.
        auto edge_bytes = [&](std::size_t at) {
            return punct_at(text, at) == Punct::apostrophe ? 3 : 1;
        };
        while (!t.word.empty() && (t.word.front() == '\'' || t.word.front() == '-')) {
            t.word.erase(0, 1);
            t.begin += edge_bytes(t.begin);
        }
        while (!t.word.empty() && (t.word.back() == '\'' || t.word.back() == '-')) {
            t.word.pop_back();
            t.end -= t.end >= 3 && punct_at(text, t.end - 3) == Punct::apostrophe ? 3 : 1;
        }
        t.word = to_lower(t.word);
        if (!t.word.empty()) out.push_back(std::move(t));
    }
    return out;
}

bool word_matches(const std::string& word, const std::string& cue_word, bool prefix) {
    return prefix ? word.starts_with(cue_word) : word == cue_word;
}

// Whether `cue` matches the tokens starting at `at`.
bool cue_at(const Cue& cue, const std::vector<Token>& tokens, std::size_t at) {
    if (at + cue.words.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < cue.words.size(); ++k) {
        bool last = k + 1 == cue.words.size();
        if (!word_matches(tokens[at + k].word, cue.words[k], last && cue.prefix)) return false;
    }
    return true;
}

// Whether `set` matches at `at`, and no exception phrase covers that word.
bool set_matches_at(const CueSet& set, const std::vector<Token>& tokens, std::size_t at,
                    std::size_t* length = nullptr) {
    for (const auto& cue : set.cues) {
        if (!cue_at(cue, tokens, at)) continue;
        bool excepted = false;
        for (const auto& ex : set.except) {
            auto reach = ex.words.size();
            for (std::size_t s = at + 1 > reach ? at + 1 - reach : 0; s <= at && !excepted; ++s)
                excepted = cue_at(ex, tokens, s);
        }
        if (excepted) continue;
        if (length) *length = cue.words.size();
        return true;
    }
    return false;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

// The clause of each token: punctuation and the lexicon's clause words ("but") start a new one.
std::vector<std::size_t> clauses(const Lexicon& lex, const std::vector<Token>& tokens) {
    std::vector<std::size_t> out;
    std::size_t extra = 0;
    for (const auto& t : tokens) {
        if (contains(lex.clause_words, t.word)) ++extra;
        out.push_back(t.clause + extra);
    }
    return out;
}

// Whether a word of `negations` stands within `reach` words before `at`, in its clause.
bool negated(const std::vector<std::string>& negations, const std::vector<Token>& tokens,
             const std::vector<std::size_t>& clause, std::size_t at, std::size_t reach) {
    std::size_t from = at >= reach ? at - reach : 0;
    for (std::size_t k = from; k < at; ++k)
        if (clause[k] == clause[at] && contains(negations, tokens[k].word)) return true;
    return false;
}

// Whether a disclaimer ("not that") opens the clause of `at` before it.
bool disclaimed(const Lexicon& lex, const std::vector<Token>& tokens,
                const std::vector<std::size_t>& clause, std::size_t at) {
    for (std::size_t k = at; k-- > 0 && clause[k] == clause[at];)
        for (const auto& d : lex.disclaimers)
            if (cue_at(d, tokens, k)) return true;
    return false;
}

Cue parse_cue(const std::string& text) {
    Cue cue;
    for (const auto& t : tokenize(text))
        cue.words.push_back(t.word);
    cue.prefix = !text.empty() && text.back() == '*';
    return cue;
}

[[noreturn]] void bad(std::string_view source, const std::string& path, std::string_view what) {
    throw UsageError(fmt::format("{}: {}: {}", source, path.empty() ? "/" : path, what));
}

std::vector<CueSet> parse_sets(const nlohmann::json& doc, const char* key,
                               std::string_view source) {
    std::string base = fmt::format("/{}", key);
    if (!doc.contains(key) || !doc[key].is_array()) bad(source, base, "must be an array");
    std::vector<CueSet> sets;
    for (std::size_t i = 0; i < doc[key].size(); ++i) {
        const auto& item = doc[key][i];
        auto at = fmt::format("{}/{}", base, i);
        if (!item.is_object()) bad(source, at, "must be an object");
        for (const char* field : {"id", "label"})
            if (!item.contains(field) || !item[field].is_string() ||
                item[field].get<std::string>().empty())
                bad(source, at + "/" + field, "must be a non-empty string");
        if (!item.contains("cues") || !item["cues"].is_array() || item["cues"].empty())
            bad(source, at + "/cues", "must be a non-empty array of strings");
        CueSet set{item["id"], item["label"], {}, {}};
        for (std::size_t c = 0; c < item["cues"].size(); ++c) {
            const auto& cue = item["cues"][c];
            auto cue_path = fmt::format("{}/cues/{}", at, c);
            if (!cue.is_string()) bad(source, cue_path, "must be a non-empty string");
            auto parsed = parse_cue(cue.get<std::string>());
            if (parsed.words.empty()) bad(source, cue_path, "must hold at least one word");
            set.cues.push_back(std::move(parsed));
        }
        if (item.contains("except")) {
            if (!item["except"].is_array())
                bad(source, at + "/except", "must be an array of strings");
            for (std::size_t c = 0; c < item["except"].size(); ++c) {
                const auto& ex = item["except"][c];
                auto ex_path = fmt::format("{}/except/{}", at, c);
                if (!ex.is_string()) bad(source, ex_path, "must be a non-empty string");
                auto parsed = parse_cue(ex.get<std::string>());
                if (parsed.words.empty()) bad(source, ex_path, "must hold at least one word");
                set.except.push_back(std::move(parsed));
            }
        }
        sets.push_back(std::move(set));
    }
    return sets;
}

// The optional list of phrases at `key`, each read as a cue.
std::vector<Cue> parse_cues(const nlohmann::json& doc, const char* key, std::string_view source,
                            std::string_view base = "") {
    std::vector<Cue> out;
    if (!doc.contains(key)) return out;
    auto at = fmt::format("{}/{}", base, key);
    if (!doc[key].is_array()) bad(source, at, "must be an array of strings");
    for (std::size_t i = 0; i < doc[key].size(); ++i) {
        const auto& c = doc[key][i];
        auto path = fmt::format("{}/{}", at, i);
        if (!c.is_string()) bad(source, path, "must be a non-empty string");
        auto parsed = parse_cue(c.get<std::string>());
        if (parsed.words.empty()) bad(source, path, "must hold at least one word");
        out.push_back(std::move(parsed));
    }
    return out;
}

// The optional list of single words at `key`.
std::vector<std::string> parse_words(const nlohmann::json& doc, const char* key,
                                     std::string_view source, std::string_view base = "") {
    std::vector<std::string> out;
    auto cues = parse_cues(doc, key, source, base);
    for (std::size_t i = 0; i < cues.size(); ++i) {
        if (cues[i].words.size() != 1)
            bad(source, fmt::format("{}/{}/{}", base, key, i), "must be one word");
        out.push_back(cues[i].words.front());
    }
    return out;
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
    lex.topics = parse_sets(doc, "topics", source);
    lex.distortions = parse_sets(doc, "distortions", source);
    if (!doc.contains("negations") || !doc["negations"].is_array())
        bad(source, "/negations", "must be an array of strings");
    for (std::size_t i = 0; i < doc["negations"].size(); ++i) {
        const auto& n = doc["negations"][i];
        auto at = fmt::format("/negations/{}", i);
        if (!n.is_string() || n.get<std::string>().empty())
            bad(source, at, "must be a non-empty string");
        // Read like the text it is matched against, so that "don’t" with a curly apostrophe works.
        auto words = tokenize(n.get<std::string>());
        if (words.size() != 1) bad(source, at, "must be one word");
        lex.negations.push_back(words.front().word);
    }
    lex.clause_words = parse_words(doc, "clause_words", source);
    lex.disclaimers = parse_cues(doc, "disclaimers", source);
    lex.hopeful = parse_cues(doc, "hopeful", source);
    if (doc.contains("support")) {
        const auto& s = doc["support"];
        if (!s.is_object()) bad(source, "/support", "must be an object with cues and negations");
        lex.support = parse_cues(s, "cues", source, "/support");
        lex.support_negations = parse_words(s, "negations", source, "/support");
    }
    return lex;
}

std::vector<std::string> detect_topics(const Lexicon& lex, std::string_view text,
                                       const std::vector<std::string>& tags) {
    std::vector<std::string> found;
    auto add = [&](const std::string& id) {
        if (std::find(found.begin(), found.end(), id) == found.end()) found.push_back(id);
    };
    for (const auto& raw : tags) {
        auto tag = to_lower(raw);
        add(tag);
        for (const auto& topic : lex.topics) {
            bool hit = topic.id == tag;
            for (const auto& cue : topic.cues)
                hit = hit || (cue.words.size() == 1 && word_matches(tag, cue.words[0], cue.prefix));
            if (hit) add(topic.id);
        }
    }
    auto tokens = tokenize(text);
    for (const auto& topic : lex.topics)
        for (std::size_t at = 0; at < tokens.size(); ++at)
            if (set_matches_at(topic, tokens, at)) {
                add(topic.id);
                break;
            }
    return found;
}

std::vector<DistortionHit> detect_distortions(const Lexicon& lex, std::string_view text) {
    std::vector<DistortionHit> hits;
    auto tokens = tokenize(text);
    auto clause = clauses(lex, tokens);
    for (const auto& d : lex.distortions) {
        for (std::size_t at = 0; at < tokens.size(); ++at) {
            std::size_t length = 0;
            if (tokens[at].quoted || negated(lex.negations, tokens, clause, at, kNegationReach) ||
                disclaimed(lex, tokens, clause, at) || !set_matches_at(d, tokens, at, &length))
                continue;
            const auto& last = tokens[at + length - 1];
            hits.push_back(
                {d.id, std::string(text.substr(tokens[at].begin, last.end - tokens[at].begin))});
            break;
        }
    }
    return hits;
}

std::string topic_label(const Lexicon& lex, const std::string& id) {
    for (const auto& t : lex.topics)
        if (t.id == id) return t.label;
    return "#" + id;
}

std::pair<std::size_t, std::size_t> topic_cue_at(const Lexicon& lex, std::string_view text,
                                                 std::string_view id) {
    auto tokens = tokenize(text);
    for (const auto& topic : lex.topics) {
        if (topic.id != id) continue;
        for (std::size_t at = 0; at < tokens.size(); ++at) {
            std::size_t length = 0;
            if (set_matches_at(topic, tokens, at, &length))
                return {tokens[at].begin, tokens[at + length - 1].end};
        }
    }
    return {0, 0};
}

bool hopeful(const Lexicon& lex, std::string_view text) {
    auto tokens = tokenize(text);
    auto clause = clauses(lex, tokens);
    for (std::size_t at = 0; at < tokens.size(); ++at)
        for (const auto& cue : lex.hopeful)
            if (cue_at(cue, tokens, at) &&
                !negated(lex.negations, tokens, clause, at, kNegationReach))
                return true;
    return false;
}

std::string support_cue(const Lexicon& lex, std::string_view text) {
    auto tokens = tokenize(text);
    auto clause = clauses(lex, tokens);
    for (std::size_t at = 0; at < tokens.size(); ++at) {
        if (tokens[at].quoted) continue;
        for (const auto& cue : lex.support) {
            if (!cue_at(cue, tokens, at)) continue;
            // The whole clause before the cue: "I would never, ever hurt him" is no cue.
            if (negated(lex.support_negations, tokens, clause, at, at)) continue;
            const auto& last = tokens[at + cue.words.size() - 1];
            return std::string(text.substr(tokens[at].begin, last.end - tokens[at].begin));
        }
    }
    return "";
}

void require_ids(const Lexicon& lex, const std::vector<std::string_view>& topics,
                 const std::vector<std::string_view>& distortions, std::string_view source) {
    auto check = [&](const std::vector<CueSet>& sets, std::string_view id, const char* key) {
        for (const auto& s : sets)
            if (s.id == id) return;
        bad(source, fmt::format("/{}", key),
            fmt::format("has no \"{}\" (the reflection rules need it)", id));
    };
    for (auto id : topics)
        check(lex.topics, id, "topics");
    for (auto id : distortions)
        check(lex.distortions, id, "distortions");
}

}  // namespace guilt
