// SPDX-License-Identifier: MIT
// priorities: "prioritize your priorities". Fires when tonight's guilt has no ranked list to be
// weighed against, or is about something she ranked in the lower half or whose season ended.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt::reflect_rules {

namespace {

// What a priority is about: the words of its title and the topics they name.
std::vector<std::string> priority_keys(const Lexicon& lex, const Priority& p) {
    auto k = detect_topics(lex, p.title, {});
    for (const auto& t : detect_topics(lex, "", extract_tags("#" + to_lower(p.title))))
        k.push_back(t);
    std::string word;
    for (char c : to_lower(p.title) + " ") {
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
            static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            k.push_back(word);
            word.clear();
        }
    }
    return k;
}

}  // namespace

std::optional<Finding> priorities(const Journal& j) {
    auto today = j.today_moments();
    if (today.empty()) return std::nullopt;
    const auto& lex = j.lexicon();
    std::vector<const Priority*> active;
    for (const auto& p : j.input().priorities)
        if (!p.done && !(p.until && *p.until < j.input().day)) active.push_back(&p);
    std::sort(active.begin(), active.end(), [](auto* a, auto* b) { return a->rank < b->rank; });

    auto topic_of = [&](const Moment* m) {
        return m->topics.empty() ? quote_moment(j, *m) : topic_label(lex, m->topics.front());
    };
    if (active.empty()) {
        auto f = finding("priorities", "no-list", 0.5, Relevance::answers_tonight);
        f.vars["topic"] = topic_of(today.front());
        f.why = fmt::format("guilt in today's {} and no ranked priorities yet", ids_of(today));
        cite(f, today, true);
        return f;
    }
    int count = static_cast<int>(active.size());
    for (const Moment* m : today) {
        for (const auto& topic : m->topics) {
            // Guilt about her own time is guilt about doing it, not about letting it slide.
            if (topic == "running" || topic == "me-time") continue;
            for (const auto& p : j.input().priorities) {
                auto k = priority_keys(lex, p);
                if (std::find(k.begin(), k.end(), topic) == k.end()) continue;
                bool ended = !p.done && p.until && *p.until < j.input().day;
                bool low = !p.done && !ended && p.rank > (count + 1) / 2;
                if (!ended && !low) continue;
                auto f = finding("priorities", ended ? "out-of-season" : "ranked-low",
                                 ended ? 0.8 : 0.7, Relevance::answers_tonight);
                f.vars["topic"] = topic_label(lex, topic);
                f.vars["priority"] = p.title;
                if (ended) {
                    f.vars["until"] = short_day(*p.until, j.input().day);
                    f.why = fmt::format("guilt about {} in #{}, whose season ended on {}",
                                        topic_label(lex, topic), m->entry->id, f.vars["until"]);
                } else {
                    f.vars["rank"] = std::to_string(p.rank);
                    f.vars["count"] = std::to_string(count);
                    f.vars["top"] = active.front()->title;
                    f.why = fmt::format("guilt about {} in #{}, ranked {} of {} on her list",
                                        topic_label(lex, topic), m->entry->id, p.rank, count);
                }
                for (const Moment* other : today)
                    if (other->about(topic)) cite(f, {other}, true);
                return f;
            }
        }
    }
    return std::nullopt;
}

}  // namespace guilt::reflect_rules
