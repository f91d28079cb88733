// SPDX-License-Identifier: MIT
// The window of her journal, read once, and the helpers every rule shares.
#include "journal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_set>

#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt::reflect_rules {

namespace {

constexpr std::size_t kQuoteChars = 90;  // longest quote, in characters
constexpr int kHopefulMaxIntensity = 6;  // a heavier moment is guilt, whatever its hopeful words

bool is_sentence_end(char c) {
    return c == '.' || c == '!' || c == '?';
}

bool is_clause_end(char c) {
    return is_sentence_end(c) || c == ',' || c == ';' || c == ':';
}

// The range [lo, hi) of the piece of `text` around `at` that `ends` bounds.
std::pair<std::size_t, std::size_t> piece_around(const std::string& text, std::size_t at,
                                                 bool (*ends)(char)) {
    std::size_t lo = at;
    while (lo > 0 && !(ends(text[lo - 1]) && (lo == text.size() || text[lo] == ' ')))
        --lo;
    std::size_t hi = at;
    while (hi < text.size() && !(ends(text[hi]) && (hi + 1 == text.size() || text[hi + 1] == ' ')))
        ++hi;
    if (hi < text.size()) ++hi;  // keep the punctuation that ends it
    while (lo < hi && text[lo] == ' ')
        ++lo;
    return {lo, hi};
}

}  // namespace

bool Moment::about(std::string_view topic) const {
    return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

bool Moment::distorted(std::string_view id) const {
    return std::any_of(distortions.begin(), distortions.end(),
                       [&](const DistortionHit& h) { return h.id == id; });
}

Journal::Journal(const ReflectInput& in, const Lexicon& lex) : m_in(in), m_lex(lex) {
    today = days_from_civil(in.day);
    first_day = today;
    for (const auto& e : in.entries) {
        auto d = day_of(e);
        if (d > today || d <= today - kReflectWindowDays) continue;
        first_day = std::min(first_day, d);
        all.push_back(&e);
    }
    std::sort(all.begin(), all.end(), [](const Entry* a, const Entry* b) {
        return std::tie(a->at.utc, a->id) < std::tie(b->at.utc, b->id);
    });
    for (const Entry* e : all) {
        switch (e->type) {
            case EntryType::guilt: {
                auto reading = read_words(lex, e->text, e->tags);
                Moment m{e,
                         day_of(*e),
                         std::move(reading.topics),
                         std::move(reading.distortions),
                         false,
                         std::move(reading.support),
                         std::move(reading.topic_at)};
                m.hopeful = m.distortions.empty() && m.intensity() <= kHopefulMaxIntensity &&
                            reading.hopeful;
                moments.push_back(std::move(m));
                break;
            }
            case EntryType::run:
                runs.push_back(e);
                deposits.push_back(e);
                break;
            case EntryType::deposit:
                deposits.push_back(e);
                break;
            case EntryType::engage:
                engagements.push_back(e);
                break;
            case EntryType::win:
                wins.push_back(e);
                break;
            case EntryType::reflection:
                break;
        }
    }
}

std::int64_t Journal::day_of(const Entry& e) {
    return days_from_civil(her_day(e.at));
}

std::vector<const Moment*> Journal::moments_since(std::int64_t from_day) const {
    std::vector<const Moment*> out;
    for (const auto& m : moments)
        if (m.day >= from_day) out.push_back(&m);
    return out;
}

std::vector<const Moment*> Journal::today_moments(bool all_of_them) const {
    auto out = moments_since(today);
    if (!all_of_them) std::erase_if(out, [](const Moment* m) { return m->hopeful; });
    std::stable_sort(out.begin(), out.end(), [](const Moment* a, const Moment* b) {
        return std::tie(b->entry->intensity, b->entry->at.utc) <
               std::tie(a->entry->intensity, a->entry->at.utc);
    });
    return out;
}

std::optional<std::int64_t> Journal::last_shown(std::string_view strategy) const {
    auto it = m_in.last_shown.find(std::string(strategy));
    if (it == m_in.last_shown.end()) return std::nullopt;
    return days_from_civil(it->second);
}

std::vector<const Entry*> Journal::since(const std::vector<const Entry*>& list,
                                         std::int64_t from_day) {
    std::vector<const Entry*> out;
    for (const Entry* e : list)
        if (day_of(*e) >= from_day) out.push_back(e);
    return out;
}

Outcome Outcome::silent(std::string why) {
    Outcome o(std::nullopt);
    o.why = std::move(why);
    return o;
}

Tonight answers_tonight(const Journal& j, std::span<const std::string_view> answers) {
    bool untold = false;  // a moment of tonight names no topic
    std::vector<std::string> topics;
    for (const Moment* m : j.today_moments()) {
        for (auto topic : answers)
            if (m->about(topic)) return {m, topic_label(j.lexicon(), std::string(topic)), ""};
        untold = untold || m->topics.empty();
        // By id (as show --json gives them): labels such as "the house and chores" would run
        // together in a list.
        for (const auto& t : m->topics)
            if (std::find(topics.begin(), topics.end(), t) == topics.end()) topics.push_back(t);
    }
    if (untold || topics.empty()) return {};
    return {nullptr, "",
            fmt::format("tonight's guilt is about {}, which this line does not answer",
                        join_and(topics))};
}

Finding finding(std::string_view strategy, std::string_view situation, double strength,
                Relevance relevance) {
    Finding f;
    f.strategy = strategy;
    f.situation = situation;
    f.strength = std::clamp(strength, 0.0, 1.0);
    f.relevance = relevance;
    return f;
}

void cite(Finding& f, const std::vector<const Moment*>& moments, bool own) {
    for (const Moment* m : moments) {
        f.evidence.push_back(m->entry);
        if (own) f.own.push_back(m->entry);
    }
}

void cite(Finding& f, const std::vector<const Entry*>& entries, bool own) {
    f.evidence.insert(f.evidence.end(), entries.begin(), entries.end());
    if (own) f.own.insert(f.own.end(), entries.begin(), entries.end());
}

std::string quote(const Entry& e, std::pair<std::size_t, std::size_t> cue) {
    auto view = trim(e.text);
    auto lead = static_cast<std::size_t>(view.data() - e.text.data());
    std::string text(view);
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (display_width(text) <= kQuoteChars) return "\"" + text + "\"";
    // Offsets into the trimmed text; a cue outside it falls back to the start.
    std::size_t first = cue.first >= lead ? cue.first - lead : 0;
    std::size_t last = cue.second >= lead ? cue.second - lead : first;
    if (first >= text.size() || last > text.size() || last < first) first = last = 0;

    auto [lo, hi] = piece_around(text, first, is_sentence_end);
    if (display_width(text.substr(lo, hi - lo)) > kQuoteChars) {
        std::tie(lo, hi) = piece_around(text, first, is_clause_end);
        hi = std::max(hi, std::min(last, text.size()));
    }
    if (display_width(text.substr(lo, hi - lo)) > kQuoteChars) {
        // Still too long: the words around the cue, growing to the right, then to the left.
        std::size_t a = first, b = std::max(last, first);
        while (a > lo && text[a - 1] != ' ')
            --a;
        while (b < hi && text[b] != ' ')
            ++b;
        for (bool grew = true; grew;) {
            grew = false;
            std::size_t nb = b;
            while (nb < hi && text[nb] == ' ')
                ++nb;
            while (nb < hi && text[nb] != ' ')
                ++nb;
            if (nb > b && display_width(text.substr(a, nb - a)) <= kQuoteChars) {
                b = nb;
                grew = true;
            }
            std::size_t na = a;
            while (na > lo && text[na - 1] == ' ')
                --na;
            while (na > lo && text[na - 1] != ' ')
                --na;
            if (na < a && display_width(text.substr(na, b - na)) <= kQuoteChars) {
                a = na;
                grew = true;
            }
        }
        lo = a;
        hi = b;
    }
    auto piece = std::string(trim(text.substr(lo, hi - lo)));
    // Words far too long to show whole (a pasted link, no spaces at all) are cut after all.
    if (display_width(piece) > 2 * kQuoteChars)
        return fmt::format("\"{}\"", shorten(piece, kQuoteChars));
    while (!piece.empty() && (piece.back() == ',' || piece.back() == ';' || piece.back() == ':'))
        piece.pop_back();
    bool cut_before = lo > 0;
    bool cut_after = hi < text.size() && !trim(text.substr(hi)).empty();
    return fmt::format("\"{}{}{}\"", cut_before ? "…" : "", piece, cut_after ? "…" : "");
}

std::string quote_moment(const Journal& /*j*/, const Moment& m, std::string_view topic) {
    const auto& text = m.entry->text;
    for (const auto& h : m.distortions)
        if (auto at = text.find(h.words); at != std::string::npos)
            return quote(*m.entry, {at, at + h.words.size()});
    if (auto at = m.topic_at.find(std::string(topic)); at != m.topic_at.end())
        return quote(*m.entry, at->second);
    return quote(*m.entry);
}

std::string ids_of(const std::vector<const Entry*>& entries) {
    std::vector<std::string> ids;
    std::set<std::int64_t> seen;
    for (const Entry* e : entries)
        if (seen.insert(e->id).second) ids.push_back(fmt::format("#{}", e->id));
    return join_and(ids);
}

std::string ids_of(const std::vector<const Moment*>& moments) {
    std::vector<const Entry*> entries;
    for (const Moment* m : moments)
        entries.push_back(m->entry);
    return ids_of(entries);
}

std::string short_day(Date d, Date reviewed) {
    return day_label(d, d.year != reviewed.year);
}

std::string clock(const Entry& e) {
    return clock_label(local_seconds_of_day(e.at));
}

std::string run_span(const Entry& run, Date reviewed) {
    auto day = local_date(run.at);
    auto weekday = std::string(weekday_name(day).substr(0, 3));
    if (days_from_civil(day) < days_from_civil(reviewed) - 6) weekday = short_day(day, reviewed);
    if (!run.duration_s) return fmt::format("{} {}", weekday, clock(run));
    int end = (local_seconds_of_day(run.at) + *run.duration_s / 60 * 60) % (24 * 3600);
    return fmt::format("{} {}-{}", weekday, clock(run), clock_label(end));
}

std::string distance(const Entry& run) {
    return format_distance(run.distance_m, run.unit);
}

std::string counted(std::int64_t n, std::string_view one, std::string_view many) {
    return plural(n, one, many);
}

std::string days_of(int n, int of) {
    if (n >= of) return fmt::format("every one of the last {} days", of);
    if (n == 0) return fmt::format("none of the last {} days", of);
    return fmt::format("{} of the last {} days", n, of);
}

bool ran_with(const Entry& run, std::string_view who) {
    return std::find(run.with.begin(), run.with.end(), who) != run.with.end();
}

bool solo(const Entry& run) {
    return run.with.empty() || (run.with.size() == 1 && run.with[0] == "solo");
}

const Entry* latest(const std::vector<const Entry*>& list) {
    return list.empty() ? nullptr : list.back();
}

std::vector<std::string> kids_of(const Journal& j, const std::vector<const Entry*>& entries) {
    // One merge of all the names, not one per entry: linear in the names.
    std::vector<std::string> named, wanted, kids;
    for (const Entry* e : entries)
        named.insert(named.end(), e->kids.begin(), e->kids.end());
    merge_names(wanted, named, true);
    std::unordered_set<std::string> keys;
    for (const auto& w : wanted)
        keys.insert(fold_name(w));
    // Her order: as first written in the window.
    named.clear();
    for (const Entry* e : j.all)
        for (const auto& k : e->kids)
            if (keys.contains(fold_name(k))) named.push_back(k);
    merge_names(kids, named, true);
    return kids;
}

Engaged engaged(const Journal& j) {
    Engaged out;
    std::set<std::int64_t> days;
    for (const Entry* e : j.engagements) {
        auto d = Journal::day_of(*e);
        if (d <= j.today - kWeekDays) continue;
        out.week_minutes += e->minutes;
        out.week.push_back(e);
        days.insert(d);
        if (d == j.today) {
            out.today_minutes += e->minutes;
            out.today.push_back(e);
        }
    }
    out.days = static_cast<int>(days.size());
    for (auto d = j.today - kWeekDays + 1; d <= j.today; ++d)
        if (!days.contains(d) && d >= j.first_day) out.days_without.push_back(d);
    return out;
}

}  // namespace guilt::reflect_rules
