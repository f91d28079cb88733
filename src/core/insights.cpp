// SPDX-License-Identifier: MIT
// Insights as figures: the journal split into days, each factor's days with and without, the
// guilt that came after it, and a seeded bootstrap of the difference.
#include "guilt/core/insights.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

#include "guilt/core/reflect.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

namespace guilt {

namespace {

// One day of the window: its entries, oldest first.
struct JournalDay {
    Date date;
    std::vector<const Entry*> entries;
    std::vector<const Entry*> moments;  // the guilt moments among them
};

// Where a same-day factor happened on a day: the instant and the local second of the day.
struct Occurrence {
    std::int64_t utc = 0;
    int second_of_day = 0;
};

// A factor that happens during a day: its first occurrence on that day, or nullopt.
using SameDayRule = std::function<std::optional<Occurrence>(const JournalDay&)>;

Occurrence occurrence_of(const Entry& e) {
    return {e.at.utc, her_seconds_of_day(e.at)};
}

// The first entry of the day that `matches`.
SameDayRule first_entry(std::function<bool(const Entry&)> matches) {
    return [matches = std::move(matches)](const JournalDay& d) -> std::optional<Occurrence> {
        for (const Entry* e : d.entries)
            if (matches(*e)) return occurrence_of(*e);
        return std::nullopt;
    };
}

bool is_run(const Entry& e) {
    return e.type == EntryType::run;
}

bool ran_with(const Entry& e, std::string_view who) {
    return is_run(e) && std::find(e.with.begin(), e.with.end(), who) != e.with.end();
}

// The moment her child-led time of the day reached kChildLedMinutes.
std::optional<Occurrence> child_led_reached(const JournalDay& d) {
    int minutes = 0;
    for (const Entry* e : d.entries) {
        if (e->type != EntryType::engage || !e->child_led) continue;
        minutes += e->minutes;
        if (minutes >= kChildLedMinutes) return occurrence_of(*e);
    }
    return std::nullopt;
}

// Guilt that counts on a day: the moments strictly after `after_utc`, or (on a day without the
// factor) after the local second `after_second`.
DayGuilt guilt_after(const JournalDay& d, std::optional<std::int64_t> after_utc, int after_second) {
    DayGuilt g;
    for (const Entry* m : d.moments) {
        bool counts = after_utc ? m->at.utc > *after_utc : her_seconds_of_day(m->at) > after_second;
        if (!counts) continue;
        ++g.moments;
        if (m->intensity) {
            g.intensity_sum += *m->intensity;
            ++g.rated;
        }
    }
    return g;
}

DayGuilt whole_day(const JournalDay& d) {
    return guilt_after(d, std::nullopt, -1);
}

// The days that count for a factor first seen on `from`: none when it never was.
std::vector<const JournalDay*> days_from(const std::vector<JournalDay>& days,
                                         std::optional<Date> from) {
    std::vector<const JournalDay*> out;
    for (const auto& d : days)
        if (from && d.date >= *from) out.push_back(&d);
    return out;
}

FactorInsight same_day_factor(std::string id, std::string title, std::string phrase,
                              const std::vector<JournalDay>& all_days, std::optional<Date> from,
                              const SameDayRule& rule) {
    FactorInsight f{
        std::move(id), std::move(title), std::move(phrase), Timing::same_day, {}, from, 0, {}};
    auto days = days_from(all_days, from);
    f.days_left_out = static_cast<int>(all_days.size() - days.size());
    std::vector<std::optional<Occurrence>> found;
    std::int64_t seconds = 0;
    int with_days = 0;
    for (const auto* d : days) {
        found.push_back(rule(*d));
        if (found.back()) {
            seconds += found.back()->second_of_day;
            ++with_days;
        }
    }
    // Days without cover the part of the day after the factor's mean time, so a late factor
    // is not credited with the shorter evening that follows it. The cut is in seconds of her
    // day; she reads it on the clock.
    int cut = with_days > 0 ? static_cast<int>(seconds / with_days) : 0;
    if (with_days > 0) f.without_from_minute = (cut / 60 + day_boundary() * 60) % (24 * 60);
    std::vector<DayGuilt> with, without;
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (found[i])
            with.push_back(guilt_after(*days[i], found[i]->utc, 0));
        else
            without.push_back(guilt_after(*days[i], std::nullopt, cut));
    }
    f.comparison = compare_days(with, without, data_seed(f.id, with, without));
    return f;
}

FactorInsight night_before_factor(std::string id, std::string title, std::string phrase,
                                  const std::vector<JournalDay>& all_days, std::optional<Date> from,
                                  const std::set<Date>& nights) {
    FactorInsight f{
        std::move(id), std::move(title), std::move(phrase), Timing::night_before, {}, from, 0, {}};
    auto days = days_from(all_days, from);
    f.days_left_out = static_cast<int>(all_days.size() - days.size());
    std::vector<DayGuilt> with, without;
    for (const auto* d : days)
        (nights.contains(add_days(d->date, -1)) ? with : without).push_back(whole_day(*d));
    f.comparison = compare_days(with, without, data_seed(f.id, with, without));
    return f;
}

// The days of the window she wrote something on, oldest first.
std::vector<JournalDay> journal_days(const InsightsInput& in) {
    std::vector<const Entry*> sorted;
    for (const auto& e : in.entries) {
        auto day = her_day(e.at);
        if (day >= in.since && day <= in.until) sorted.push_back(&e);
    }
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Entry* a, const Entry* b) { return a->at.utc < b->at.utc; });
    std::map<Date, JournalDay> by_day;
    for (const Entry* e : sorted) {
        auto day = her_day(e->at);
        auto& d = by_day[day];
        d.date = day;
        d.entries.push_back(e);
        if (e->type == EntryType::guilt) d.moments.push_back(e);
    }
    std::vector<JournalDay> out;
    for (auto& [day, d] : by_day)
        out.push_back(std::move(d));
    return out;
}

// Her frequent triggers: tags of guilt moments on at least kFrequentTagDays days, the most days
// first (then by name), at most kMaxTagFactors.
std::vector<std::string> frequent_tags(const std::vector<JournalDay>& days) {
    std::map<std::string, int> day_counts;
    for (const auto& d : days) {
        std::set<std::string> tags;
        for (const Entry* m : d.moments)
            tags.insert(m->tags.begin(), m->tags.end());
        for (const auto& t : tags)
            ++day_counts[t];
    }
    std::vector<std::pair<std::string, int>> frequent;
    for (const auto& [tag, n] : day_counts)
        if (n >= kFrequentTagDays) frequent.emplace_back(tag, n);
    std::stable_sort(frequent.begin(), frequent.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (const auto& [tag, n] : frequent)
        if (out.size() < kMaxTagFactors) out.push_back(tag);
    return out;
}

// The day a reflection answered for, or nullopt when its date is malformed.
std::optional<Date> reviewed_day(const Entry& reflection) {
    try {
        return parse_date(reflection.date, "date");
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

int verdict_rank(Verdict v) {
    switch (v) {
        case Verdict::clear:
            return 0;
        case Verdict::unclear:
            return 1;
        case Verdict::not_enough_days:
            return 2;
    }
    return 2;
}

}  // namespace

std::string_view to_string(Verdict v) {
    switch (v) {
        case Verdict::clear:
            return "clear";
        case Verdict::unclear:
            return "unclear";
        case Verdict::not_enough_days:
            return "not-enough-days";
    }
    return "unclear";
}

bool is_win(const Entry& e) {
    return e.type == EntryType::win;
}

namespace {

// The day she first logged each kind of entry (see InsightsInput::first_logged): the earlier of
// what the journal says and what the window holds.
class FirstLogged {
  public:
    explicit FirstLogged(const InsightsInput& in) : m_in(in) {}

    std::optional<Date> of(const std::string& kind) const {
        std::optional<Date> first;
        auto take = [&first](Date d) {
            if (!first || d < *first) first = d;
        };
        if (m_in.first_logged)
            if (auto d = m_in.first_logged(kind)) take(*d);
        for (const auto& e : m_in.entries) {
            if (kind == "reflection" && e.type == EntryType::reflection) {
                if (auto d = reviewed_day(e)) take(*d);
            } else if (kind.starts_with("tag:")) {
                if (e.type == EntryType::guilt &&
                    std::find(e.tags.begin(), e.tags.end(), kind.substr(4)) != e.tags.end())
                    take(her_day(e.at));
            } else if (kind == to_string(e.type)) {
                take(her_day(e.at));
            }
        }
        if (kind == "reflection")
            for (const auto& [day, strategy] : m_in.showings)
                take(day);
        return first;
    }

    // The first day of the window that counts for a same-day factor of this kind.
    std::optional<Date> counted_from(const std::string& kind) const {
        auto d = of(kind);
        if (!d) return std::nullopt;
        return std::max(*d, m_in.since);
    }

  private:
    const InsightsInput& m_in;
};

void same_day_factors(std::vector<FactorInsight>& f, const std::vector<JournalDay>& days,
                      const FirstLogged& first) {
    auto runs_from = first.counted_from("run");
    f.push_back(same_day_factor("run", "A run", "a run", days, runs_from, first_entry(is_run)));
    f.push_back(same_day_factor("run-with-moms", "A run with other moms", "a run with other moms",
                                days, runs_from,
                                first_entry([](const Entry& e) { return ran_with(e, "moms"); })));
    f.push_back(same_day_factor("run-early", "A run before family hours",
                                "a run before family hours", days, runs_from,
                                first_entry([](const Entry& e) {
                                    return is_run(e) && run_slot(e) == RunSlot::early_morning;
                                })));
    f.push_back(same_day_factor("child-led-10",
                                fmt::format("{}+ minutes of child-led time", kChildLedMinutes),
                                fmt::format("a child-led {} minutes", kChildLedMinutes), days,
                                first.counted_from("engage"), child_led_reached));
    f.push_back(same_day_factor(
        "deposit", "A deposit (time for herself)", "a deposit", days, first.counted_from("deposit"),
        first_entry([](const Entry& e) { return e.type == EntryType::deposit; })));
    f.push_back(same_day_factor("win", "A good moment written down", "a good moment", days,
                                first.counted_from("win"), first_entry(is_win)));
}

// The nights before: reflect showed prompts for that day, or she answered one for it. The days
// that count start the day after the first night she reflected.
void night_before_factors(std::vector<FactorInsight>& f, const std::vector<JournalDay>& days,
                          const FirstLogged& first, const InsightsInput& in) {
    std::optional<Date> from;
    if (auto night = first.of("reflection")) from = std::max(add_days(*night, 1), in.since);
    auto first_night = add_days(in.since, -1), last_night = add_days(in.until, -1);
    std::set<Date> reflected;
    std::map<std::string, std::set<Date>> shown, answered;
    for (const auto& [day, strategy] : in.showings) {
        if (day < first_night || day > last_night) continue;
        reflected.insert(day);
        shown[strategy].insert(day);
    }
    for (const auto& e : in.entries) {
        if (e.type != EntryType::reflection) continue;
        auto day = reviewed_day(e);
        if (!day || *day < first_night || *day > last_night) continue;
        reflected.insert(*day);
        if (!trim(e.text).empty()) answered[e.strategy].insert(*day);
    }
    f.push_back(night_before_factor("reflected", "Reflected the night before",
                                    "a reflection the night before", days, from, reflected));
    // Each strategy shown the night before, and each she answered (took up) that night.
    for (auto id : strategy_ids()) {
        auto title_it = in.strategy_titles.find(std::string(id));
        auto title = title_it != in.strategy_titles.end() ? title_it->second : std::string(id);
        if (auto it = shown.find(std::string(id)); it != shown.end())
            f.push_back(night_before_factor(
                fmt::format("strategy:{}", id), fmt::format("\"{}\" the night before", title),
                fmt::format("\"{}\" shown the night before", title), days, from, it->second));
        if (auto it = answered.find(std::string(id)); it != answered.end())
            f.push_back(
                night_before_factor(fmt::format("answered:{}", id),
                                    fmt::format("\"{}\" answered the night before", title),
                                    fmt::format("an answer to \"{}\" the night before", title),
                                    days, from, it->second));
    }
}

}  // namespace

Insights compute_insights(const InsightsInput& in) {
    Insights out;
    out.since = in.since;
    out.until = in.until;
    out.days = std::max<int>(
        0, static_cast<int>(days_from_civil(in.until) - days_from_civil(in.since) + 1));
    auto days = journal_days(in);
    out.journal_days = static_cast<int>(days.size());
    const FirstLogged first(in);

    auto& f = out.factors;
    same_day_factors(f, days, first);
    night_before_factors(f, days, first, in);
    for (const auto& tag : frequent_tags(days)) {
        f.push_back(same_day_factor(
            "tag:" + tag, fmt::format("#{} as a trigger", tag), fmt::format("a #{} moment", tag),
            days, first.counted_from("tag:" + tag), first_entry([tag](const Entry& e) {
                return e.type == EntryType::guilt &&
                       std::find(e.tags.begin(), e.tags.end(), tag) != e.tags.end();
            })));
    }

    std::stable_sort(f.begin(), f.end(), [](const FactorInsight& a, const FactorInsight& b) {
        const auto &ca = a.comparison, &cb = b.comparison;
        if (verdict_rank(ca.verdict) != verdict_rank(cb.verdict))
            return verdict_rank(ca.verdict) < verdict_rank(cb.verdict);
        if (ca.verdict == Verdict::not_enough_days) return false;
        return std::abs(ca.difference.value_or(0)) > std::abs(cb.difference.value_or(0));
    });
    return out;
}

}  // namespace guilt
