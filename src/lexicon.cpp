// SPDX-License-Identifier: MIT
// Cue-word matching for topics and distortions, with negation and quotation handling.
#include "guilt/lexicon.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "guilt/error.hpp"
#include "guilt/text.hpp"

namespace guilt {

namespace {

constexpr int kNegationReach = 3;  // words before a cue that a negation reaches

struct Token {
    std::string word;    // lower-case
    std::size_t begin;   // byte offsets in the original text
    std::size_t end;
    bool quoted = false;  // inside "..." or “...”
};

bool is_word_char(unsigned char c) {
    return std::isalnum(c) || c == '\'' || c == '-' || c >= 0x80;
}

// What a UTF-8 sequence from U+2000-U+206F (general punctuation) at `i` is, if it is one.
enum class Punct { none, apostrophe, open_quote, close_quote, other };

Punct punct_at(std::string_view text, std::size_t i) {
    if (i + 2 >= text.size() || text.compare(i, 2, "\xE2\x80") != 0) return Punct::none;
    switch (static_cast<unsigned char>(text[i + 2])) {
        case 0x98:
        case 0x99: return Punct::apostrophe;  // ‘ ’
        case 0x9C: return Punct::open_quote;   // “
        case 0x9D: return Punct::close_quote;  // ”
        default: return Punct::other;          // dashes, ellipsis, ...
    }
}

// Splits text into lower-case words ("i'm", "to-do" are one word; curly apostrophes become ');
// double quotes, straight or curly, mark the words between them as quoted.
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> out;
    bool quoted = false;
    std::size_t i = 0;
    while (i < text.size()) {
        auto p = punct_at(text, i);
        if (p == Punct::open_quote || p == Punct::close_quote || p == Punct::other) {
            if (p != Punct::other) quoted = p == Punct::open_quote;
            i += 3;
            continue;
        }
        if (text[i] == '"') {
            quoted = !quoted;
            ++i;
            continue;
        }
        if (p != Punct::apostrophe && !is_word_char(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        Token t{"", i, i, quoted};
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
        // Apostrophes and hyphens at the edges are punctuation ('tired', a dash made of -).
        while (!t.word.empty() && (t.word.front() == '\'' || t.word.front() == '-')) t.word.erase(0, 1);
        while (!t.word.empty() && (t.word.back() == '\'' || t.word.back() == '-')) t.word.pop_back();
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

bool negated(const Lexicon& lex, const std::vector<Token>& tokens, std::size_t at) {
    std::size_t from = at >= kNegationReach ? at - kNegationReach : 0;
    for (std::size_t k = from; k < at; ++k)
        if (std::find(lex.negations.begin(), lex.negations.end(), tokens[k].word) != lex.negations.end())
            return true;
    return false;
}

Cue parse_cue(const std::string& text) {
    Cue cue;
    for (const auto& t : tokenize(text)) cue.words.push_back(t.word);
    cue.prefix = !text.empty() && text.back() == '*';
    return cue;
}

[[noreturn]] void bad(std::string_view source, const std::string& path, std::string_view what) {
    throw UsageError(fmt::format("{}: {}: {}", source, path.empty() ? "/" : path, what));
}

std::vector<CueSet> parse_sets(const nlohmann::json& doc, const char* key, std::string_view source) {
    std::string base = fmt::format("/{}", key);
    if (!doc.contains(key) || !doc[key].is_array()) bad(source, base, "must be an array");
    std::vector<CueSet> sets;
    for (std::size_t i = 0; i < doc[key].size(); ++i) {
        const auto& item = doc[key][i];
        auto at = fmt::format("{}/{}", base, i);
        if (!item.is_object()) bad(source, at, "must be an object");
        for (const char* field : {"id", "label"})
            if (!item.contains(field) || !item[field].is_string() || item[field].get<std::string>().empty())
                bad(source, at + "/" + field, "must be a non-empty string");
        if (!item.contains("cues") || !item["cues"].is_array() || item["cues"].empty())
            bad(source, at + "/cues", "must be a non-empty array of strings");
        CueSet set{item["id"], item["label"], {}};
        for (std::size_t c = 0; c < item["cues"].size(); ++c) {
            const auto& cue = item["cues"][c];
            auto cue_path = fmt::format("{}/cues/{}", at, c);
            if (!cue.is_string()) bad(source, cue_path, "must be a non-empty string");
            auto parsed = parse_cue(cue.get<std::string>());
            if (parsed.words.empty()) bad(source, cue_path, "must hold at least one word");
            set.cues.push_back(std::move(parsed));
        }
        sets.push_back(std::move(set));
    }
    return sets;
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
        if (!n.is_string() || n.get<std::string>().empty())
            bad(source, fmt::format("/negations/{}", i), "must be a non-empty string");
        lex.negations.push_back(to_lower(n.get<std::string>()));
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
    for (const auto& topic : lex.topics) {
        bool hit = false;
        for (std::size_t at = 0; at < tokens.size() && !hit; ++at)
            for (const auto& cue : topic.cues)
                if (cue_at(cue, tokens, at)) {
                    hit = true;
                    break;
                }
        if (hit) add(topic.id);
    }
    return found;
}

std::vector<DistortionHit> detect_distortions(const Lexicon& lex, std::string_view text) {
    std::vector<DistortionHit> hits;
    auto tokens = tokenize(text);
    for (const auto& d : lex.distortions) {
        bool found = false;
        for (std::size_t at = 0; at < tokens.size() && !found; ++at) {
            if (tokens[at].quoted || negated(lex, tokens, at)) continue;
            for (const auto& cue : d.cues) {
                if (!cue_at(cue, tokens, at)) continue;
                const auto& last = tokens[at + cue.words.size() - 1];
                hits.push_back({d.id, std::string(text.substr(tokens[at].begin, last.end - tokens[at].begin))});
                found = true;
                break;
            }
        }
    }
    return hits;
}

std::string topic_label(const Lexicon& lex, const std::string& id) {
    for (const auto& t : lex.topics)
        if (t.id == id) return t.label;
    return id;
}

}  // namespace guilt
