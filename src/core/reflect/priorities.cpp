// SPDX-License-Identifier: MIT
// priorities: "prioritize your priorities". Fires when tonight's guilt has no ranked list to be
// weighed against; when it is about something she ranked in the lower half or whose season
// ended (it is fine for it to get less of her); or, the other way round, when a moment names
// both what the guilt is about (the kids, or a priority ranked higher) and what took the time
// (a priority ranked lower, such as work): the lower rank got more of her than her list gives it.
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
    for (const auto& t :
         detect_topics(lex, "", extract_tags(std::string(1, '#').append(to_lower(p.title)))))
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

// Words of a priority's title that make it about the kids.
bool kids_priority(const std::vector<std::string>& keys) {
    static const std::vector<std::string_view> kKidWords = {
        "kids",      "kid",      "children", "child",      "family", "family-time",
        "parenting", "mom",      "mum",      "motherhood", "sons",   "son",
        "daughters", "daughter", "boys",     "girls",      "baby",   "hijos"};
    return std::any_of(keys.begin(), keys.end(), [](const std::string& k) {
        return std::find(kKidWords.begin(), kKidWords.end(), k) != kKidWords.end();
    });
}

// Topics of guilt about the kids themselves: time or attention for them, their care, school.
bool kids_topic(std::string_view topic) {
    return topic == "family-time" || topic == "attention" || topic == "childcare" ||
           topic == "school";
}

// A moment whose guilt is about the kids: it names one, or has a topic about them.
bool about_kids(const Moment& m) {
    return !m.entry->kids.empty() ||
           std::any_of(m.topics.begin(), m.topics.end(),
                       [](const std::string& t) { return kids_topic(t); });
}

// The lower-ranked priority that took the time from a higher one the same moment is about.
std::optional<Finding> lower_got_more(const Journal& j, const std::vector<const Priority*>& active,
                                      const Moment& m) {
    const auto& lex = j.lexicon();
    const Priority* about = nullptr;
    const Priority* cause = nullptr;
    std::string cause_topic;
    for (const Priority* p : active) {
        auto k = priority_keys(lex, *p);
        if (!about && about_kids(m) && kids_priority(k)) about = p;
        for (const auto& topic : m.topics) {
            if (topic == "running" || topic == "me-time") continue;
            if (std::find(k.begin(), k.end(), topic) == k.end()) continue;
            if (!about) {
                about = p;  // the highest ranked the moment names is what it is about
            } else if (p != about && !cause && !kids_topic(topic)) {
                cause = p;
                cause_topic = topic;
            }
        }
    }
    if (!about || !cause || cause->rank <= about->rank) return std::nullopt;
    auto f = finding("priorities", "lower-got-more", 0.75, Relevance::answers_tonight);
    f.vars["topic"] = topic_label(lex, cause_topic);
    f.vars["about"] = about->title;
    f.vars["about_rank"] = std::to_string(about->rank);
    f.vars["cause"] = cause->title;
    f.vars["cause_rank"] = std::to_string(cause->rank);
    f.vars["count"] = std::to_string(active.size());
    f.why = fmt::format("guilt in #{} about {} (ranked {}) while {} (ranked {}) took the time",
                        m.entry->id, about->title, about->rank, cause->title, cause->rank);
    cite(f, {&m}, true);
    return f;
}

}  // namespace

Outcome priorities(const Journal& j) {
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
    for (const Moment* m : today)
        if (auto f = lower_got_more(j, active, *m)) return f;
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

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kPrioritiesTopic[] = {"topic"};
constexpr std::string_view kPrioritiesRankedLow[] = {"topic", "priority", "rank", "count", "top"};
constexpr std::string_view kPrioritiesOutOfSeason[] = {"topic", "priority", "until"};
constexpr std::string_view kPrioritiesLowerGotMore[] = {"topic", "about",      "about_rank",
                                                        "cause", "cause_rank", "count"};
constexpr SituationDef kPrioritiesSituations[] = {
    {"no-list", kPrioritiesTopic},
    {"ranked-low", kPrioritiesRankedLow},
    {"out-of-season", kPrioritiesOutOfSeason},
    {"lower-got-more", kPrioritiesLowerGotMore},
};

}  // namespace

extern constinit const Strategy kPrioritiesStrategy{"priorities", kPrioritiesSituations,
                                                    priorities};

}  // namespace guilt::reflect_rules
