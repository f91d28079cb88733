// SPDX-License-Identifier: MIT
// The weekly summary as figures: ISO weeks, the week's first day, and one pass over the entries
// of the week (and of the weeks before it, for the bank and the comparison).
#include "guilt/core/week.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/zone.hpp"

namespace guilt {

namespace {

// Week 53 exists in years whose 28 December falls in it.
int weeks_in(int year) {
    return iso_week_of(Date{year, 12, 28}).week;
}

// The Monday of ISO week 1 of `year`: the week holding 4 January.
Date first_monday(int year) {
    Date jan4{year, 1, 4};
    return add_days(jan4, 1 - iso_weekday(jan4));
}

// "2026-W48" (the W may be lower-case), or nullopt when `text` does not have that shape.
std::optional<IsoWeek> scan_iso_week(std::string_view text) {
    auto digits = [](std::string_view s) {
        return !s.empty() &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w') ||
        !digits(text.substr(0, 4)) || !digits(text.substr(6)))
        return std::nullopt;
    return IsoWeek{std::stoi(std::string(text.substr(0, 4))),
                   std::stoi(std::string(text.substr(6)))};
}

std::int64_t day_number(const Entry& e) {
    return days_from_civil(her_day(e.at));
}

// Tallies in order of first appearance, each found by its key (the id, lower-cased when names
// fold) in one hash lookup: counting stays linear in the names, however many and long (32 kid
// names of 10,000 characters took 17 s when each was compared with every tally).
struct Tallies {
    bool fold = false;
    std::vector<Tally> list;
    std::unordered_map<std::string, std::size_t> index;

    // Adds one to the tally named `id`.
    void count(const std::string& id, const std::string& label) {
        auto [it, added] = index.try_emplace(fold ? to_lower(id) : id, list.size());
        if (added) list.push_back({id, label, 0});
        ++list[it->second].count;
    }
};

// Most frequent first, ties in order of first appearance; at most kTopTallies.
std::vector<Tally> top(std::vector<Tally> tallies) {
    std::stable_sort(tallies.begin(), tallies.end(),
                     [](const Tally& a, const Tally& b) { return a.count > b.count; });
    if (tallies.size() > kTopTallies) tallies.resize(kTopTallies);
    return tallies;
}

// Count, mean and highest intensity of guilt moments, fed one by one.
struct GuiltAccumulator {
    int count = 0, rated = 0, sum = 0;
    std::optional<int> max;

    void add(const Entry& e) {
        ++count;
        if (!e.intensity) return;
        ++rated;
        sum += *e.intensity;
        max = std::max(max.value_or(*e.intensity), *e.intensity);
    }
    GuiltFigures figures() const {
        GuiltFigures g{count, std::nullopt, max};
        if (rated > 0) g.mean_intensity = static_cast<double>(sum) / rated;
        return g;
    }
};

// The day a reflection answer reviewed; nullopt when its date is malformed.
std::optional<Date> reviewed_day(const Entry& e) {
    try {
        return parse_date(e.date, "date");
    } catch (const UsageError&) {
        return std::nullopt;
    }
}

bool is_active(const Priority& p, Date first_day) {
    return !p.done && (!p.until || *p.until >= first_day);
}

}  // namespace

IsoWeek iso_week_of(Date d) {
    // The ISO year is the year of the week's Thursday.
    Date thursday = add_days(d, 4 - iso_weekday(d));
    auto days = days_from_civil(thursday) - days_from_civil(Date{thursday.year, 1, 1});
    return {thursday.year, static_cast<int>(days / 7) + 1};
}

std::string format_iso_week(IsoWeek w) {
    return fmt::format("{:04}-W{:02}", w.year, w.week);
}

Date week_start_of(Date day, bool sunday_start) {
    int back = sunday_start ? iso_weekday(day) % 7 : iso_weekday(day) - 1;
    return add_days(day, -back);
}

Date parse_week(std::string_view text, Timestamp now, bool sunday_start, std::string_view field) {
    auto s = trim(text);
    Date first;
    if (auto w = scan_iso_week(s)) {
        if (w->year < 1 || w->week < 1 || w->week > weeks_in(w->year))
            throw UsageError(fmt::format("{} \"{}\" does not exist: {} has {} weeks", field, s,
                                         w->year, weeks_in(w->year)));
        first = add_days(first_monday(w->year), 7 * (w->week - 1) - (sunday_start ? 1 : 0));
    } else {
        auto day = parse_day(s, now, field);
        if (!day) day = local_date(parse_when(s, now, field));
        first = week_start_of(*day, sunday_start);
    }
    auto today = local_date(now);
    if (first > today)
        throw UsageError(fmt::format("{} \"{}\" is in the future (this week is {})", field, text,
                                     format_iso_week(iso_week_of(today))));
    return first;
}

namespace {

// One pass over the entries of the week: the figures of each kind of entry, counted into the
// summary as they come, and the tallies finished once all are in.
struct WeekCount {
    WeekSummary& s;
    const Lexicon& lex;
    std::set<std::string> lexicon_topics;
    std::array<GuiltAccumulator, kWeekLength> guilt_by_day;
    GuiltAccumulator guilt, previous_guilt;
    Tallies topics, tags, kids{true, {}, {}}, with;            // Sam and sam are one kid
    std::unordered_map<std::string, std::size_t> engaged_kid;  // lower-cased name: its index
    std::set<std::int64_t> engaged_days;

    WeekCount(WeekSummary& summary, const Lexicon& lexicon) : s(summary), lex(lexicon) {
        for (std::size_t i = 0; i < lex.topic_count; ++i)
            lexicon_topics.insert(lex.topic(i).id);
    }

    void add_guilt(const Entry& e, std::size_t day) {
        guilt.add(e);
        guilt_by_day[day].add(e);
        MomentLine m{e.at, e.intensity, e.text, {}};
        for (const auto& id : detect_topics(lex, e.text, e.tags)) {
            if (!lexicon_topics.contains(id)) continue;
            auto label = topic_label(lex, id);
            topics.count(id, label);
            m.topics.push_back(label);
        }
        for (const auto& t : e.tags)
            tags.count(t, t);
        for (const auto& k : e.kids)
            kids.count(k, k);
        s.moments.push_back(std::move(m));
    }

    void add_run(const Entry& e, DaySummary& day) {
        ++day.runs;
        day.run_meters += e.distance_m;
        auto& r = s.runs;
        ++r.count;
        r.meters += e.distance_m;
        if (e.duration_s) {
            r.seconds += *e.duration_s;
            r.timed_meters += e.distance_m;
        }
        for (const auto& w : e.with)
            with.count(w, w);
        if (std::find(e.with.begin(), e.with.end(), "kids") != e.with.end()) ++r.with_kids;
        ++r.slots[run_slot(e)];
    }

    void add_engage(const Entry& e, DaySummary& day, std::int64_t d) {
        day.engaged_minutes += e.minutes;
        s.engaged.minutes += e.minutes;
        if (e.child_led) {
            day.child_led_minutes += e.minutes;
            s.engaged.child_led_minutes += e.minutes;
        }
        if (e.minutes > 0) engaged_days.insert(d);
        for (const auto& k : e.kids) {
            auto [at, added] = engaged_kid.try_emplace(to_lower(k), s.engaged.kids.size());
            if (added) s.engaged.kids.push_back(KidTime{k});
            auto& kid = s.engaged.kids[at->second];
            kid.minutes += e.minutes;
            if (e.child_led) kid.child_led_minutes += e.minutes;
        }
    }

    // An entry of the week (not a reflection answer), on day `d`, the `index`th of the week.
    void add(const Entry& e, std::size_t index, std::int64_t d) {
        auto& day = s.days[index];
        switch (e.type) {
            case EntryType::guilt:
                add_guilt(e, index);
                break;
            case EntryType::run:
                add_run(e, day);
                break;
            case EntryType::engage:
                add_engage(e, day, d);
                break;
            case EntryType::deposit:
                ++day.deposits;
                day.deposit_minutes += e.minutes;
                ++s.deposits;
                s.deposit_minutes += e.minutes;
                break;
            case EntryType::win:
                ++day.wins;
                s.wins.push_back({e.at, e.text, e.kids});
                break;
            case EntryType::reflection:
                break;
        }
    }

    void finish() {
        for (int i = 0; i < kWeekLength; ++i)
            s.days[i].guilt = guilt_by_day[i].figures();
        s.guilt = guilt.figures();
        s.topics = top(std::move(topics.list));
        s.tags = top(std::move(tags.list));
        s.kids_named = top(std::move(kids.list));
        s.runs.with = top(std::move(with.list));
        s.engaged.days = static_cast<int>(engaged_days.size());
        std::stable_sort(s.engaged.kids.begin(), s.engaged.kids.end(),
                         [](const KidTime& a, const KidTime& b) { return a.minutes > b.minutes; });
        auto& c = s.change;
        c.previous_guilt = previous_guilt.figures();
        c.guilt_count = s.guilt.count - c.previous_guilt.count;
        if (s.guilt.mean_intensity && c.previous_guilt.mean_intensity)
            c.mean_intensity = *s.guilt.mean_intensity - *c.previous_guilt.mean_intensity;
        c.engaged_minutes = s.engaged.minutes - c.previous_engaged_minutes;
    }
};

// The bank of each day that has happened, over the 28 days ending that day.
void fill_banks(WeekSummary& s, const WeekInput& in) {
    for (auto& day : s.days) {
        if (day.date > in.today) continue;
        ReflectInput bank;
        bank.day = day.date;
        auto today = days_from_civil(day.date);
        for (const auto& e : in.entries) {
            auto d = day_number(e);
            if (d <= today && d > today - kReflectWindowDays) bank.entries.push_back(e);
        }
        day.balance = bank_balance(bank);
    }
}

// The strategies that spoke, the nights she reflected and what she answered (`answers`: the
// day each reviewed, within the week).
void fill_strategies(WeekSummary& s, const WeekInput& in,
                     const std::vector<std::pair<Date, const Entry*>>& answers) {
    const auto first = days_from_civil(s.first_day);
    std::set<std::int64_t> nights;
    auto shown = [&](const std::string& id, Date date) -> StrategyWeek& {
        nights.insert(days_from_civil(date));
        auto it = std::find_if(s.strategies.begin(), s.strategies.end(),
                               [&](const StrategyWeek& w) { return w.id == id; });
        if (it == s.strategies.end()) {
            s.strategies.emplace_back().id = id;
            it = std::prev(s.strategies.end());
        }
        if (std::find(it->days.begin(), it->days.end(), date) == it->days.end())
            it->days.push_back(date);
        return *it;
    };
    for (const auto& [date, id] : in.showings)
        if (date >= s.first_day && date <= s.last_day) shown(id, date);
    for (const auto& [date, a] : answers)
        shown(a->strategy, date).answers.push_back({date, a->text});
    std::stable_sort(s.strategies.begin(), s.strategies.end(),
                     [](const StrategyWeek& a, const StrategyWeek& b) {
                         return strategy_place(a.id) < strategy_place(b.id);
                     });
    for (auto& w : s.strategies) {
        std::sort(w.days.begin(), w.days.end());
        auto title = in.strategy_titles.find(w.id);
        w.title = title != in.strategy_titles.end() ? title->second : w.id;
    }
    for (auto d : nights)
        s.days[d - first].reflected = true;
    s.nights_reflected = static_cast<int>(nights.size());
}

}  // namespace

WeekSummary summarize_week(const WeekInput& in, const Lexicon& lex) {
    WeekSummary s;
    s.first_day = in.first_day;
    s.last_day = add_days(in.first_day, kWeekLength - 1);
    s.week = iso_week_of(add_days(in.first_day, in.sunday_start ? 1 : 0));
    s.sunday_start = in.sunday_start;
    s.complete = in.today > s.last_day;
    s.unit = in.unit;
    for (int i = 0; i < kWeekLength; ++i)
        s.days[i].date = add_days(s.first_day, i);

    const auto first = days_from_civil(s.first_day);
    const auto last = first + kWeekLength - 1;
    auto in_week = [&](std::int64_t d) { return d >= first && d <= last; };
    if (!s.complete)
        s.change.compared_days = static_cast<int>(days_from_civil(in.today) - first + 1);

    std::vector<const Entry*> ordered;
    for (const auto& e : in.entries)
        ordered.push_back(&e);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Entry* a, const Entry* b) { return a->at.utc < b->at.utc; });

    WeekCount count(s, lex);
    std::vector<std::pair<Date, const Entry*>> answers;
    for (const Entry* p : ordered) {
        const Entry& e = *p;
        auto d = day_number(e);
        if (e.type == EntryType::reflection) {
            // An answer belongs to the day she reviewed, whenever she wrote it.
            auto reviewed = reviewed_day(e);
            if (reviewed && in_week(days_from_civil(*reviewed)))
                answers.emplace_back(*reviewed, &e);
            continue;
        }
        if (d >= first - kWeekLength && d < first - kWeekLength + s.change.compared_days) {
            if (e.type == EntryType::guilt) count.previous_guilt.add(e);
            if (e.type == EntryType::engage) s.change.previous_engaged_minutes += e.minutes;
        }
        if (in_week(d)) count.add(e, static_cast<std::size_t>(d - first), d);
    }
    count.finish();
    fill_banks(s, in);
    fill_strategies(s, in, answers);

    s.motto = in.motto;
    for (const auto& p : in.priorities)
        if (is_active(p, s.first_day)) s.priorities.push_back(p);
    std::stable_sort(s.priorities.begin(), s.priorities.end(),
                     [](const Priority& a, const Priority& b) { return a.rank < b.rank; });
    return s;
}

}  // namespace guilt
