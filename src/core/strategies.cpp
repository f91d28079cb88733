// SPDX-License-Identifier: MIT
// Reading strategies.json against the engine's situations, and filling in a prompt.
#include "guilt/core/strategies.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

[[noreturn]] void bad(std::string_view source, const std::string& path, std::string_view what) {
    throw UsageError(fmt::format("{}: {}: {}", source, path.empty() ? "/" : path, what));
}

std::string text_field(const nlohmann::json& obj, const char* key, std::string_view source,
                       const std::string& at) {
    if (!obj.contains(key) || !obj[key].is_string() || obj[key].get<std::string>().empty())
        bad(source, at + "/" + key, "must be a non-empty string");
    return obj[key];
}

// Throws when `text` uses a placeholder outside `allowed` or the common ones.
void check_placeholders(const std::string& text, const std::vector<std::string_view>& allowed,
                        std::string_view source, const std::string& at) {
    for (std::size_t open = text.find('{'); open != std::string::npos;
         open = text.find('{', open + 1)) {
        auto close = text.find('}', open);
        if (close == std::string::npos) bad(source, at, "has a '{' without its '}'");
        auto name = std::string_view(text).substr(open + 1, close - open - 1);
        const auto& common = common_placeholders();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end() &&
            std::find(common.begin(), common.end(), name) == common.end()) {
            std::vector<std::string_view> all(allowed);
            all.insert(all.end(), common.begin(), common.end());
            bad(source, at,
                fmt::format("unknown placeholder {{{}}} (this one can use {{{}}})", name,
                            fmt::join(all, "}, {")));
        }
    }
}

bool is_context(std::string_view name) {
    return std::find(std::begin(kContexts), std::end(kContexts), name) != std::end(kContexts);
}

// The wordings of "SITUATION@CONTEXT" into t.messages, or an error naming `at`.
void read_context_wordings(StrategyText& t, std::string_view strategy, const std::string& name,
                           const nlohmann::json& list, std::string_view source,
                           const std::string& at) {
    auto sign = name.find('@');
    const Situation* sit = nullptr;
    for (const auto& s : situations())
        if (s.strategy == strategy && sign != std::string::npos && s.id == name.substr(0, sign))
            sit = &s;
    if (!sit || !is_context(std::string_view(name).substr(sign + 1)))
        bad(source, at,
            fmt::format("is not a situation of this strategy, nor SITUATION@CONTEXT ({})",
                        fmt::join(std::begin(kContexts), std::end(kContexts), ", ")));
    if (!list.is_array() || list.empty()) bad(source, at, "must be a non-empty array of wordings");
    for (std::size_t i = 0; i < list.size(); ++i) {
        auto wat = fmt::format("{}/{}", at, i);
        if (!list[i].is_string() || list[i].get<std::string>().empty())
            bad(source, wat, "must be a non-empty string");
        check_placeholders(list[i], sit->placeholders, source, wat);
        t.messages[name].push_back(list[i]);
    }
}

// "contexts": {"baby": ["newborn", ...], ...}: lower-case words for each of kContexts.
std::map<std::string, std::vector<std::string>> read_contexts(const nlohmann::json& obj,
                                                              std::string_view source) {
    if (!obj.is_object()) bad(source, "/contexts", "must be an object keyed by context");
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [name, list] : obj.items()) {
        auto at = "/contexts/" + name;
        if (!is_context(name))
            bad(source, at,
                fmt::format("is not one of {}",
                            fmt::join(std::begin(kContexts), std::end(kContexts), ", ")));
        if (!list.is_array()) bad(source, at, "must be an array of words");
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].is_string() || list[i].get<std::string>().empty())
                bad(source, fmt::format("{}/{}", at, i), "must be a non-empty string");
            out[name].push_back(to_lower(list[i].get<std::string>()));
        }
    }
    return out;
}

}  // namespace

StrategyBook parse_strategies(std::string_view json_text, std::string_view source) {
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        bad(source, "", fmt::format("not valid JSON (byte {})", e.byte));
    }
    if (!doc.is_object() || !doc.contains("strategies") || !doc["strategies"].is_object())
        bad(source, "/strategies", "must be an object keyed by strategy id");
    const auto& all = doc["strategies"];
    StrategyBook book;
    for (auto id : strategy_ids()) {
        auto at = fmt::format("/strategies/{}", id);
        if (!all.contains(id) || !all[std::string(id)].is_object()) bad(source, at, "is missing");
        const auto& s = all[std::string(id)];
        StrategyText t;
        t.title = text_field(s, "title", source, at);
        t.idea = text_field(s, "idea", source, at);
        t.attribution = text_field(s, "attribution", source, at);
        if (!s.contains("questions") || !s["questions"].is_array() ||
            s["questions"].size() < kMinQuestions)
            bad(source, at + "/questions",
                fmt::format("must be an array of at least {} questions", kMinQuestions));
        for (std::size_t i = 0; i < s["questions"].size(); ++i) {
            auto qat = fmt::format("{}/questions/{}", at, i);
            const auto& q = s["questions"][i];
            if (!q.is_string() || q.get<std::string>().empty())
                bad(source, qat, "must be a non-empty string");
            check_placeholders(q, {}, source, qat);
            t.questions.push_back(q);
        }
        if (!s.contains("messages") || !s["messages"].is_object())
            bad(source, at + "/messages", "must be an object");
        for (const auto& sit : situations()) {
            if (sit.strategy != id) continue;
            auto sat = fmt::format("{}/messages/{}", at, sit.id);
            const auto& list = s["messages"].contains(sit.id) ? s["messages"][std::string(sit.id)]
                                                              : nlohmann::json();
            if (!list.is_array() || list.empty())
                bad(source, sat, "must be a non-empty array of wordings");
            for (std::size_t i = 0; i < list.size(); ++i) {
                auto wat = fmt::format("{}/{}", sat, i);
                if (!list[i].is_string() || list[i].get<std::string>().empty())
                    bad(source, wat, "must be a non-empty string");
                check_placeholders(list[i], sit.placeholders, source, wat);
                t.messages[std::string(sit.id)].push_back(list[i]);
            }
        }
        for (const auto& [name, list] : s["messages"].items())
            if (!t.messages.contains(name))
                read_context_wordings(t, id, name, list, source,
                                      fmt::format("{}/messages/{}", at, name));
        book.emplace(std::string(id), std::move(t));
    }
    for (const auto& [name, _] : all.items())
        if (!book.contains(name))
            bad(source, "/strategies/" + name, "is not one of the ten strategies");
    book.support = text_field(doc, "support", source, "");
    if (doc.contains("contexts")) book.contexts = read_contexts(doc["contexts"], source);
    return book;
}

std::string fill(std::string_view tmpl, const std::map<std::string, std::string>& vars) {
    std::string out;
    std::size_t i = 0;
    while (i < tmpl.size()) {
        auto open = tmpl.find('{', i);
        auto close = open == std::string_view::npos ? open : tmpl.find('}', open);
        if (close == std::string_view::npos) break;
        out.append(tmpl.substr(i, open - i));
        auto it = vars.find(std::string(tmpl.substr(open + 1, close - open - 1)));
        out += it != vars.end() ? it->second : std::string(tmpl.substr(open, close - open + 1));
        i = close + 1;
    }
    out.append(tmpl.substr(std::min(i, tmpl.size())));
    return out;
}

void keep_gentle(std::vector<Prompt>& prompts, const std::vector<const Entry*>& heavy) {
    // A quote is a run of her words: the first words of a moment are enough to know it.
    constexpr std::size_t kQuoteStart = 16;
    auto touches = [&](const Prompt& p) {
        for (const Entry* e : heavy) {
            if (std::find(p.evidence.begin(), p.evidence.end(), e) != p.evidence.end()) return true;
            auto start = std::string_view(e->text).substr(0, kQuoteStart);
            if (!start.empty() && (p.message.find(start) != std::string::npos ||
                                   p.question.find(start) != std::string::npos))
                return true;
        }
        return false;
    };
    std::erase_if(prompts, touches);
    if (prompts.size() > 1) prompts.resize(1);
}

Prompt make_prompt(const Finding& f, const StrategyBook& book, int times_shown) {
    const auto& t = book.at(f.strategy);
    auto variant = t.messages.find(f.situation + "@" + f.context);
    const auto& wordings = !f.context.empty() && variant != t.messages.end()
                               ? variant->second
                               : t.messages.at(f.situation);
    auto turn = static_cast<std::size_t>(std::max(0, times_shown));
    Prompt p;
    p.strategy = f.strategy;
    p.title = t.title;
    p.message = fill(wordings[turn % wordings.size()], f.vars);
    p.attribution = t.attribution;
    auto question = f.question ? *f.question : turn;
    p.question = fill(t.questions[question % t.questions.size()], f.vars);
    p.evidence = f.evidence;
    p.score = f.score;
    p.why = f.why;
    p.efficacy = f.efficacy;
    p.helped_note = f.helped_note;
    return p;
}

std::optional<std::size_t> question_of(const StrategyText& t, std::string_view prompt) {
    for (std::size_t i = 0; i < t.questions.size(); ++i) {
        // The literal pieces between placeholders, matched from the end of the prompt backwards.
        std::string_view q = t.questions[i];
        std::vector<std::string_view> pieces;
        for (std::size_t at = 0;;) {
            auto open = q.find('{', at);
            pieces.push_back(q.substr(at, open == std::string_view::npos ? open : open - at));
            if (open == std::string_view::npos) break;
            auto close = q.find('}', open);
            if (close == std::string_view::npos) break;
            at = close + 1;
        }
        auto end = prompt.size();
        bool fits = prompt.ends_with(pieces.back());
        if (fits) end -= pieces.back().size();
        for (auto it = pieces.rbegin() + 1; fits && it != pieces.rend(); ++it) {
            auto found = prompt.substr(0, end).rfind(*it);
            fits = found != std::string_view::npos;
            if (fits) end = found;
        }
        if (fits) return i;
    }
    return std::nullopt;
}

}  // namespace guilt
