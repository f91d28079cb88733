// SPDX-License-Identifier: MIT
// The reading of a moment: one pass of the compiled cues over her words, then the rules that
// decide which of the cues found are hers and meant (docs/reading.md).

#include <algorithm>

#include "guilt/core/lexicon.hpp"
#include "guilt/core/text.hpp"
#include "learned.hpp"
#include "matcher.hpp"
#include "words.hpp"

namespace guilt {

namespace reading {

constexpr std::size_t kNegationReach = 3;  // words before a cue that a negation reaches
constexpr std::size_t kListItems = 3;      // items of one sentence that make a list

// The rules over the cues found: which are hers, meant, and not in another sense.
class Reader {
  public:
    Reader(const Lexicon& lex, std::string_view text)
        : m_lex(lex), m_text(text), m_words(split_words(text, *lex.stemmers)) {
        respell(lex, m_words);
        m_found = match_cues(lex, m_words);
        add_bare_labels();
        std::sort(m_found.begin(), m_found.end(),
                  [](const Match& a, const Match& b) { return a.first < b.first; });
        // The clause words ("but", "pero") start a clause of their own; a list's items are
        // its clauses, and what "and", "y" (the class "list_and") join in one.
        std::size_t extra = 0, items = 0;
        for (std::size_t p = 0; p < m_words.size(); ++p) {
            if (starts(m_lex.clause_word, p)) ++extra;
            m_clause.push_back(m_words[p].clause + extra);
            if (p > 0 && (m_clause[p] != m_clause[p - 1] ||
                          guilt::in_class(m_lex, "list_and", m_words[p].word)))
                ++items;
            m_item.push_back(items);
        }
    }

    // Whether `m` is a cue of concept `c` that counts on its own: not an exception phrase, not
    // excepted by one, not a list's item, and in the company its sense asks for.
    bool cue_counts(int c, const Match& m) const {
        return m.ref.owner == c && !m.ref.except && !listed(m) && !excepted(m) && accompanied(m);
    }

    // The first cue of concept `c` that counts under `ok`, or nullptr.
    template <typename Ok>
    const Match* first(int c, Ok ok) const {
        for (const auto& m : m_found)
            if (cue_counts(c, m) && ok(m)) return &m;
        return nullptr;
    }

    // The first listed cue of concept `c` in a sentence where such cues stand in three or more
    // items of a list ("work, the kids, the house, my marriage"), or nullptr.
    const Match* first_of_list(int c) const {
        auto item = [&](const Match& m) { return m.ref.owner == c && listed(m) && !excepted(m); };
        for (const auto& m : m_found) {
            if (!item(m)) continue;
            std::vector<std::size_t> items;
            for (const auto& o : m_found)
                if (item(o) && same_sentence(o, m) &&
                    std::ranges::find(items, m_item[o.first]) == items.end())
                    items.push_back(m_item[o.first]);
            if (items.size() >= kListItems) return &m;
        }
        return nullptr;
    }

    // Among the cues of `c` that count and share a word with `m`, the one that ends last, then
    // starts first (the most of her words: "I'm a bad mom" gives "bad mom", not "I'm a bad").
    template <typename Ok>
    const Match* widest(int c, const Match* m, Ok ok) const {
        if (!m) return m;
        const Match* best = m;
        for (const auto& o : m_found)
            if (o.first <= best->last && o.last >= best->first &&
                (o.last > best->last || (o.last == best->last && o.first < best->first)) &&
                cue_counts(c, o) && ok(o))
                best = &o;
        return best;
    }

    // Her words from the word `first` to the word `last`, as she wrote them.
    std::string words_of(std::size_t first, std::size_t last) const {
        return std::string(
            m_text.substr(m_words[first].begin, m_words[last].end - m_words[first].begin));
    }
    std::string words_of(const Match& m) const { return words_of(m.first, m.last); }
    const std::vector<Word>& words() const { return m_words; }

    // Whether a cue or exception phrase of concept `c` stands in her words, kept or set aside.
    bool heard(int c) const {
        return std::ranges::any_of(m_found, [&](const Match& m) { return m.ref.owner == c; });
    }

    std::pair<std::size_t, std::size_t> span(const Match& m) const {
        return {m_words[m.first].begin, m_words[m.last].end};
    }

    // Her own words, meant: not quoted, not someone else's, not negated, disowned or asked.
    bool hers(const Match& m) const {
        return !m_words[m.first].quoted && !reported(m) &&
               (concord(m) || !negated(m, kNegationReach)) &&
               !before_in_clause(m_lex.disclaimer, m) && !asked(m);
    }

    // Spanish says its negation twice: in "no hice nada bien" the "no" is the cue's own "nada"
    // said again, not a negation of it (a cue in Spanish that starts with a word of the class
    // "concord": nada, nunca, nadie).
    bool concord(const Match& m) const {
        const auto* cue = cue_of(m);
        return cue && cue->lang == reading::es &&
               guilt::in_class(m_lex, "concord", m_words[m.first].word);
    }

    // Words of hopelessness or harm: hers, and no negation anywhere before them in the clause
    // ("I would never ever want to hurt him") unless someone new speaks in between ("when he won't
    // stop screaming I get these thoughts..."), nor disowned after ("I can't do this anymore -
    // the school whatsapp I mean").
    bool darker(const Match& m) const {
        return !m_words[m.first].quoted && !reported(m, true) &&
               !negated(m, m.first + 1, "subject") && !before_in_clause(m_lex.disclaimer, m) &&
               !clarified(m);
    }

    // Whether `m` shares a word with darker words of hers: "I want to go to sleep and not wake
    // up" is no sentence about sleep.
    bool in_darker_words(const Match& m) const {
        return m_lex.support >= 0 && any(m_lex.support, [&](const Match& d) {
                   return d.first <= m.last && d.last >= m.first && !excepted(d) && darker(d);
               });
    }

    // Whether a sentence holding `a` also holds a match of concept `c`.
    bool in_sentence_of(int c, const Match& a) const {
        return any(c, [&](const Match& m) { return same_sentence(m, a); });
    }

    // Whether a match of concept `c` comes before `a` in its sentence.
    bool after_in_sentence(int c, const Match& a) const {
        return any(c, [&](const Match& m) { return m.first < a.first && same_sentence(m, a); });
    }

    bool not_negated(const Match& m) const { return !negated(m, kNegationReach); }

  private:
    // A sentence that is nothing but a label ("Useless.", "Egoísta.", "Selfish selfish
    // selfish", "What a loser"): words of the class "bare_label" (words that name a person even
    // alone: "useless", not "awful"), with at most the words of "label_frame" around them ("such
    // a", "what a", "soy una"), is a label she puts on herself, though no cue names her.
    void add_bare_labels() {
        if (m_lex.labelling < 0) return;
        constexpr std::size_t kMaxWords = 4;
        for (std::size_t first = 0; first < m_words.size();) {
            std::size_t last = first;
            while (last + 1 < m_words.size() &&
                   m_words[last + 1].sentence == m_words[first].sentence)
                ++last;
            bool label = false, bare = last - first < kMaxWords;
            for (std::size_t p = first; bare && p <= last; ++p) {
                const auto& w = m_words[p].word;
                bool is_label = in_class(m_lex, "bare_label", w);
                label = label || is_label;
                bare = is_label || in_class(m_lex, "label_frame", w);
            }
            if (bare && label)
                m_found.push_back(Match{{m_lex.labelling, -1, false}, first, last, {}});
            first = last + 1;
        }
    }

    // Whether a cue of concept `c` (no exception phrase) was found where `where` holds.
    template <typename Where>
    bool any(int c, Where where) const {
        return std::any_of(m_found.begin(), m_found.end(), [&](const Match& m) {
            return m.ref.owner == c && !m.ref.except && where(m);
        });
    }

    // The cue a match is of (none for a bare label).
    const Cue* cue_of(const Match& m) const {
        return m.ref.cue < 0 ? nullptr : &reading::cue_of(m_lex, m.ref);
    }

    bool listed(const Match& m) const {
        const auto* cue = cue_of(m);
        return !m.ref.except && cue && cue->listed;
    }

    // A cue "with" a topic stands beside a cue of that topic (one that needs no company) in its
    // sentence; every other cue is company enough for itself.
    bool accompanied(const Match& m) const {
        const auto* cue = cue_of(m);
        if (!cue || cue->with < 0) return true;
        return any(cue->with, [&](const Match& o) {
            const auto* other = cue_of(o);
            return same_sentence(o, m) && other && !other->listed && other->with < 0 &&
                   !excepted(o);
        });
    }

    bool same_sentence(const Match& a, const Match& b) const {
        return m_words[a.first].sentence == m_words[b.first].sentence;
    }

    bool starts(int c, std::size_t p) const {
        return any(c, [&](const Match& m) { return m.first == p; });
    }

    // An exception phrase of the same concept shares a word with the cue ("school run").
    bool excepted(const Match& m) const {
        for (const auto& e : m_found)
            if (e.ref.except && e.ref.owner == m.ref.owner && e.first <= m.last &&
                e.last >= m.first)
                return true;
        return false;
    }

    // A negation within `reach` words before the cue in its clause, or in a gap of the cue
    // ("I'm not a bad mum" read by "@iam .. @label").
    // With `stop` (a class, e.g. "subject"), a word of that class between the negation and the
    // cue ends the negation's reach. So does a question word opening a clause of its own (the
    // class "embedded"): in "I don't know why I'm still here" the "don't" is of the knowing.
    bool negated(const Match& m, std::size_t reach, const char* stop = nullptr) const {
        return any(m_lex.negation, [&](const Match& n) {
            for (const auto& [from, to] : m.gaps)
                if (n.first >= from && n.first < to) return true;
            return n.first < m.first && m.first - n.first <= reach &&
                   m_clause[n.first] == m_clause[m.first] &&
                   !any_of_class("embedded", n.last + 1, m.first + 1) &&
                   !(stop && (any_of_class(stop, n.last + 1, m.first) || conditioned(n, m)));
        });
    }

    // A negation in a condition is the condition's: in "if I just didn't turn up the kids would
    // adjust" the "didn't" stands after "if" (the class "conditional") and the words after it
    // have a subject of their own (the classes "kidsubj" and "other": the children, everyone; the
    // cue's first word included).
    bool conditioned(const Match& n, const Match& m) const {
        std::size_t from = n.first;
        while (from > 0 && m_clause[from - 1] == m_clause[n.first])
            --from;
        return any_of_class("conditional", from, n.first) &&
               (any_of_class("kidsubj", n.last + 1, m.first + 1) ||
                any_of_class("other", n.last + 1, m.first + 1));
    }

    bool before_in_clause(int c, const Match& m) const {
        return any(c, [&](const Match& d) {
            return d.first < m.first && m_clause[d.first] == m_clause[m.first];
        });
    }

    // Someone else's words or thoughts: after "my MIL says", "she thinks", in the sentence.
    // For the darker words, "and I" turns the sentence back to her too (`and_i`, below).
    bool reported(const Match& m, bool and_i = false) const {
        return any(m_lex.reporting, [&](const Match& r) {
            return r.last < m.first && same_sentence(r, m) && !turned(r.last, m.first, and_i);
        });
    }

    // A contrast word ("but", "pero": the class "contrast") between two words gives the sentence
    // back to her: "my therapist says I'm too hard on myself but I do everything wrong". With
    // `and_i`, so does "and I", "y yo" (a word of "list_and", then one of "her_turn"): "todos dicen
    // échale ganas y yo ya no tengo ganas de nada". Only there: "the GP said it's a virus and I
    // should stop googling" is still the GP's, and a darker line missed costs more than one shown.
    bool turned(std::size_t from, std::size_t to, bool and_i) const {
        if (any_of_class("contrast", from + 1, to)) return true;
        for (std::size_t p = from + 1; and_i && p < to && p + 1 < m_words.size(); ++p)
            if (guilt::in_class(m_lex, "list_and", m_words[p].word) &&
                guilt::in_class(m_lex, "her_turn", m_words[p + 1].word))
                return true;
        return false;
    }

    // Whether a word in [from, to) is of the class.
    bool any_of_class(std::string_view name, std::size_t from, std::size_t to) const {
        for (std::size_t p = from; p < to; ++p)
            if (guilt::in_class(m_lex, name, m_words[p].word)) return true;
        return false;
    }

    // Her words made smaller after them in the sentence: "I can't do this anymore - the school
    // whatsapp I mean".
    bool clarified(const Match& m) const {
        return any(m_lex.clarifying,
                   [&](const Match& c) { return c.first > m.last && same_sentence(c, m); });
    }

    // A question she asks about herself ("am I a bad mom for...?").
    bool asked(const Match& m) const {
        return is_question(m_text, m_words, m_words[m.first].sentence) &&
               any(m_lex.asking,
                   [&](const Match& a) { return a.first <= m.first && same_sentence(a, m); });
    }

    const Lexicon& m_lex;
    std::string_view m_text;
    std::vector<Word> m_words;
    std::vector<Match> m_found;
    std::vector<std::size_t> m_clause;
    std::vector<std::size_t> m_item;  // which item of a list each word is in (first_of_list)
};

}  // namespace reading

namespace {

void add_once(std::vector<std::string>& list, const std::string& id) {
    if (std::find(list.begin(), list.end(), id) == list.end()) list.push_back(id);
}

// A tag naming a topic, or one of its one-word cues, counts as that topic.
void read_tags(const Lexicon& lex, const std::vector<std::string>& tags, Reading& r) {
    for (const auto& raw : tags) {
        auto tag = to_lower(raw);
        add_once(r.topics, tag);
        auto tag_reading = read_words(lex, tag);
        for (std::size_t i = 0; i < lex.topic_count; ++i) {
            const auto& topic = lex.topic(i);
            bool hit = topic.id == tag;
            for (const auto& id : tag_reading.topics)
                hit = hit || id == topic.id;
            if (hit) add_once(r.topics, topic.id);
        }
    }
}

}  // namespace

Reading read_words(const Lexicon& lex, std::string_view text,
                   const std::vector<std::string>& tags) {
    Reading r;
    read_tags(lex, tags, r);
    reading::Reader reader(lex, text);
    std::vector<std::pair<std::size_t, std::string>> topics;  // by where they stand
    for (std::size_t i = 0; i < lex.topic_count; ++i) {
        auto c = static_cast<int>(i);
        const auto* m =
            reader.first(c, [&](const reading::Match& o) { return !reader.in_darker_words(o); });
        if (!m) m = reader.first_of_list(c);
        if (m) {
            topics.emplace_back(m->first, lex.topic(i).id);
            r.topic_at[lex.topic(i).id] = reader.span(*m);
        }
    }
    for (std::size_t i = 0; i < lex.distortion_count; ++i) {
        auto c = static_cast<int>(lex.topic_count + i);
        auto hers = [&](const reading::Match& m) {
            // Self-mockery is read as sarcasm, not as the label it mocks her with; a label she
            // imagines in others' minds ("they must all think I'm a mess") is mind-reading, and
            // so are the other mothers whose minds she reads ("the other mums at the gate think
            // I'm a disaster"): there they are her audience, not her measure.
            if (c == lex.labelling && (reader.in_sentence_of(lex.sarcasm, m) ||
                                       reader.after_in_sentence(lex.mind_reading, m)))
                return false;
            if (c == lex.comparison && reader.in_sentence_of(lex.mind_reading, m)) return false;
            return reader.hers(m);
        };
        const auto* m = reader.widest(c, reader.first(c, hers), hers);
        if (!m) continue;
        const auto& id = lex.distortion(i).id;
        r.distortions.push_back({id, reader.words_of(*m)});
        // A distortion named like a topic is also what the guilt is about: measuring herself
        // against other mothers (the distortion) is guilt about comparison (the topic).
        for (std::size_t t = 0; t < lex.topic_count; ++t)
            if (lex.topic(t).id == id && !r.topic_at.contains(id)) {
                topics.emplace_back(m->first, id);
                r.topic_at[id] = reader.span(*m);
            }
    }
    auto darker = [&](const reading::Match& m) { return reader.darker(m); };
    if (const auto* m = reader.widest(lex.support, reader.first(lex.support, darker), darker))
        r.support = reader.words_of(*m);
    // Where no cue of the darker words stood at all, the learned reading may hear them.
    if (r.support.empty() && !lex.darker_model.weights.empty() && !reader.heard(lex.support))
        if (auto at = reading::darker_word(lex, reader.words()))
            r.support = reader.words_of(*at, *at);
    // On a darker night the children's care she writes of (who keeps them, their meals, school,
    // medicines, the house, the nights) is what she is putting in order, and her tiredness is the
    // darkness: not what the guilt is about (the class "arrangements" names those topics).
    if (!r.support.empty())
        std::erase_if(topics, [&](const auto& t) {
            if (!in_class(lex, "arrangements", t.second)) return false;
            r.topic_at.erase(t.second);
            return true;
        });
    std::sort(topics.begin(), topics.end());
    for (const auto& [at, id] : topics)
        add_once(r.topics, id);
    auto meant = [&](const reading::Match& m) { return reader.not_negated(m); };
    r.hopeful = reader.first(lex.hopeful, meant) != nullptr;
    return r;
}

std::vector<std::string> detect_topics(const Lexicon& lex, std::string_view text,
                                       const std::vector<std::string>& tags) {
    return read_words(lex, text, tags).topics;
}

std::vector<DistortionHit> detect_distortions(const Lexicon& lex, std::string_view text) {
    return read_words(lex, text).distortions;
}

bool hopeful(const Lexicon& lex, std::string_view text) {
    return read_words(lex, text).hopeful;
}

}  // namespace guilt
