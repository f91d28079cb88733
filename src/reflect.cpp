// SPDX-License-Identifier: MIT
// The ten strategies as rules over one day of her journal. Each rule is one function below with
// its thresholds named at the top of this file; it returns a finding with the entries it stands
// on, or nothing. Wording lives in data/strategies.json, never here.
#include "guilt/reflect.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "guilt/text.hpp"

namespace guilt {

namespace {

// bank: a deposit is a run or a `deposit`; a withdrawal is a guilt moment.
constexpr int kBankWindowDays = 7;        // the balance covers the last seven days
constexpr int kHeavyIntensity = 7;        // a moment this heavy withdraws twice
constexpr int kBankDryDays = 3;           // days without a deposit before it fires...
constexpr int kBankMinWithdrawals = 2;    // ...while at least this many moments came since
constexpr int kBankOverdrawnDryDays = 2;  // an overdrawn balance counts after this many dry days
constexpr int kRecentDays = 3;            // "guilt keeps coming": a moment in the last 3 days

// community
constexpr int kCommunityMinRuns = 2;  // "all recent runs were alone" needs at least this many

// example
constexpr int kExampleRegularRuns = 4;  // runs in the window that make running regular

// better-mom
constexpr int kBetterMomMinDays = 3;      // days on each side before comparing, and days
                                          // without a run that had guilt logged
constexpr double kBetterMomMinGap = 1.0;  // mean intensity lower on run days by at least this

// listen
constexpr int kListenWindowDays = 14;
constexpr int kListenMinMoments = 3;
constexpr int kListenMinDays = 2;  // on one day only, it is a hard day, not a pattern

// facts and schedule: engaged time over the last week
constexpr int kWeekDays = 7;
constexpr int kEngagedMinDays = 4;  // engaged time on fewer of the last 7: missing on most

// schedule: family hours, in minutes after midnight
constexpr int kScheduleWindowDays = 14;
constexpr int kScheduleMinRuns = 2;  // family-hour runs that guilt followed
constexpr int kGuiltFollowsWithinSeconds = 6 * 3600;
constexpr int kWeekdayMorning[2] = {7 * 60, 8 * 60 + 30};         // breakfast and school run
constexpr int kWeekdayEvening[2] = {16 * 60 + 30, 20 * 60 + 30};  // after school to bedtime
constexpr int kWeekendDay[2] = {8 * 60, 20 * 60 + 30};
constexpr int kNightEnds = 4 * 60;  // a run before this is a late-night one (run_slot)

// expectations
constexpr int kManyMoments = 3;

// motto
constexpr int kMottoIntensity = 7;

// prompts
constexpr std::size_t kMaxEvidence = 8;
constexpr std::size_t kQuoteChars = 90;

std::string long_day(Date d) {
    return fmt::format("{}, {} {}", weekday_name(d), month_name(d.month).substr(0, 3), d.day);
}

std::string short_day(Date d) {
    return fmt::format("{}, {} {}", weekday_name(d).substr(0, 3), month_name(d.month).substr(0, 3),
                       d.day);
}

std::string clock(const Entry& e) {
    int minutes = local_seconds_of_day(e.at) / 60;
    int h = minutes / 60 % 12;
    return fmt::format("{}:{:02} {}", h == 0 ? 12 : h, minutes % 60,
                       minutes < 12 * 60 ? "am" : "pm");
}

std::string quote(const Entry& e) {
    return "\"" + shorten(e.text, kQuoteChars) + "\"";
}

std::string one_decimal(double v) {
    return fmt::format("{:.1f}", v);
}

struct Moment {
    const Entry* entry;
    std::int64_t day;
    std::vector<std::string> topics;
    std::vector<DistortionHit> distortions;

    int intensity() const { return entry->intensity.value_or(0); }
    bool about(std::string_view topic) const {
        return std::find(topics.begin(), topics.end(), topic) != topics.end();
    }
    bool distorted(std::string_view id) const {
        return std::any_of(distortions.begin(), distortions.end(),
                           [&](const DistortionHit& h) { return h.id == id; });
    }
};

// The window, read once: entries by kind, each with its local day number.
class Journal {
  public:
    Journal(const ReflectInput& in, const Lexicon& lex) : m_in(in), m_lex(lex) {
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
                case EntryType::guilt:
                    moments.push_back({e, day_of(*e), detect_topics(lex, e->text, e->tags),
                                       detect_distortions(lex, e->text)});
                    break;
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
                case EntryType::reflection:
                    break;
            }
        }
    }

    static std::int64_t day_of(const Entry& e) { return days_from_civil(local_date(e.at)); }

    const ReflectInput& input() const { return m_in; }
    const Lexicon& lexicon() const { return m_lex; }

    // Days the journal covers in the window, the reviewed day included.
    int covered_days() const { return static_cast<int>(today - first_day + 1); }

    std::vector<const Moment*> moments_since(std::int64_t from_day) const {
        std::vector<const Moment*> out;
        for (const auto& m : moments)
            if (m.day >= from_day) out.push_back(&m);
        return out;
    }

    // Today's moments, heaviest first (then latest).
    std::vector<const Moment*> today_moments() const {
        auto out = moments_since(today);
        std::stable_sort(out.begin(), out.end(), [](const Moment* a, const Moment* b) {
            return std::tie(b->entry->intensity, b->entry->at.utc) <
                   std::tie(a->entry->intensity, a->entry->at.utc);
        });
        return out;
    }

    bool guilt_recently() const { return !moments_since(today - kRecentDays + 1).empty(); }

    template <class Pred>
    static std::vector<const Entry*> since(const std::vector<const Entry*>& list,
                                           std::int64_t from_day, Pred pred) {
        std::vector<const Entry*> out;
        for (const Entry* e : list)
            if (day_of(*e) >= from_day && pred(*e)) out.push_back(e);
        return out;
    }

    std::int64_t today = 0;
    std::int64_t first_day = 0;
    std::vector<const Entry*> all;  // oldest first
    std::vector<Moment> moments;
    std::vector<const Entry*> runs, deposits, engagements;

  private:
    const ReflectInput& m_in;
    const Lexicon& m_lex;
};

bool ran_with(const Entry& run, std::string_view who) {
    return std::find(run.with.begin(), run.with.end(), who) != run.with.end();
}

bool solo(const Entry& run) {
    return run.with.empty() || (run.with.size() == 1 && run.with[0] == "solo");
}

const Entry* latest(const std::vector<const Entry*>& list) {
    return list.empty() ? nullptr : list.back();
}

Finding finding(std::string_view strategy, std::string_view situation, double strength) {
    Finding f;
    f.strategy = strategy;
    f.situation = situation;
    f.score = strength * 10;
    return f;
}

void cite(Finding& f, const std::vector<const Moment*>& moments) {
    for (const Moment* m : moments)
        f.evidence.push_back(m->entry);
}

void cite(Finding& f, const std::vector<const Entry*>& entries) {
    f.evidence.insert(f.evidence.end(), entries.begin(), entries.end());
}

// ---- the rules ----------------------------------------------------------------------------

std::optional<Finding> bank(const Journal& j, const Balance& balance) {
    const Entry* last = latest(j.deposits);
    auto since_last = j.moments_since(last ? Journal::day_of(*last) : j.first_day);
    if (last)
        std::erase_if(since_last,
                      [&](const Moment* m) { return m->entry->at.utc <= last->at.utc; });
    int dry = last ? static_cast<int>(j.today - Journal::day_of(*last)) : j.covered_days();
    bool coming = j.guilt_recently() && static_cast<int>(since_last.size()) >= kBankMinWithdrawals;

    Finding f;
    if (coming && dry >= kBankDryDays) {
        if (last) {
            f = finding("bank", "no-deposit", std::min(1.0, dry / 7.0));
            f.vars["days"] = std::to_string(dry);
            auto what = last->type == EntryType::run
                            ? fmt::format("a {} run", format_distance(last->distance_m, last->unit))
                            : fmt::format("\"{}\"", shorten(last->text, 40));
            f.vars["last_deposit"] = fmt::format("{} on {}", what, short_day(local_date(last->at)));
        } else {
            f = finding("bank", "never", 1.0);
            f.vars["window_days"] = std::to_string(j.covered_days());
        }
        f.vars["withdrawals"] = std::to_string(since_last.size());
    } else if (balance.value <= 0 && dry >= kBankOverdrawnDryDays && j.guilt_recently()) {
        f = finding("bank", "overdrawn", 0.5);
        f.vars["deposits"] = std::to_string(balance.deposits);
        f.vars["withdrawals"] = std::to_string(balance.withdrawals);
        f.vars["value"] = std::to_string(balance.value);
        f.vars["window_days"] = std::to_string(kBankWindowDays);
        since_last = j.moments_since(j.today - kBankWindowDays + 1);
    } else {
        return std::nullopt;
    }
    cite(f, since_last);
    if (last) f.evidence.push_back(last);
    return f;
}

std::optional<Finding> community(const Journal& j) {
    if (!j.guilt_recently()) return std::nullopt;
    const auto& runs = j.runs;
    if (static_cast<int>(runs.size()) >= kCommunityMinRuns &&
        std::all_of(runs.begin(), runs.end(), [](const Entry* r) { return solo(*r); })) {
        auto f = finding("community", "all-solo", std::min(1.0, runs.size() / 4.0));
        f.vars["runs"] = std::to_string(runs.size());
        f.vars["window_days"] = std::to_string(j.covered_days());
        cite(f, runs);
        cite(f, j.moments_since(j.today - kRecentDays + 1));
        return f;
    }
    // Guilt that compares her with other mothers, and no run shared with them.
    auto with_moms =
        Journal::since(runs, j.first_day, [](const Entry& r) { return ran_with(r, "moms"); });
    if (!with_moms.empty()) return std::nullopt;
    for (const Moment* m : j.today_moments()) {
        if (!m->about("comparison") && !m->distorted("comparison")) continue;
        auto f = finding("community", "no-moms", 0.6);
        f.vars["quote"] = quote(*m->entry);
        f.vars["window_days"] = std::to_string(j.covered_days());
        cite(f, {m});
        cite(f, runs);
        return f;
    }
    return std::nullopt;
}

std::optional<Finding> example(const Journal& j) {
    for (const Moment* m : j.today_moments()) {
        if (!m->about("running")) continue;
        auto f = finding("example", "about-running", 0.8);
        f.vars["quote"] = quote(*m->entry);
        f.vars["topic"] = topic_label(j.lexicon(), "running");
        cite(f, {m});
        if (const Entry* run = latest(j.runs)) f.evidence.push_back(run);
        return f;
    }
    auto& runs = j.runs;
    bool kids_ran =
        std::any_of(runs.begin(), runs.end(), [](const Entry* r) { return ran_with(*r, "kids"); });
    if (static_cast<int>(runs.size()) >= kExampleRegularRuns && !kids_ran &&
        !j.today_moments().empty()) {
        auto f = finding("example", "kids-not-involved", 0.5);
        f.vars["runs"] = std::to_string(runs.size());
        f.vars["window_days"] = std::to_string(j.covered_days());
        cite(f, runs);
        return f;
    }
    return std::nullopt;
}

std::optional<Finding> better_mom(const Journal& j) {
    // A day's guilt is the mean intensity of its moments, 0 on a journaled day without one.
    struct DayGuilt {
        bool ran = false;
        int sum = 0, count = 0;
    };
    std::map<std::int64_t, DayGuilt> days;
    for (const Entry* e : j.all) {
        // An answer to `reflect` is dated when she wrote it, often past midnight; it says
        // nothing about that day's guilt.
        if (e->type == EntryType::reflection) continue;
        auto& d = days[Journal::day_of(*e)];
        if (e->type == EntryType::run) d.ran = true;
        if (e->type == EntryType::guilt && e->intensity) {
            d.sum += *e->intensity;
            ++d.count;
        }
    }
    double run_sum = 0, rest_sum = 0;
    int run_days = 0, rest_days = 0, rest_guilt_days = 0;
    for (const auto& [day, d] : days) {
        double mean = d.count ? static_cast<double>(d.sum) / d.count : 0.0;
        (d.ran ? run_sum : rest_sum) += mean;
        ++(d.ran ? run_days : rest_days);
        if (!d.ran && d.count) ++rest_guilt_days;
    }
    bool enough = run_days >= kBetterMomMinDays && rest_guilt_days >= kBetterMomMinDays;
    double run_mean = run_days ? run_sum / run_days : 0,
           rest_mean = rest_days ? rest_sum / rest_days : 0;
    auto today = j.today_moments();
    if (today.empty()) return std::nullopt;

    if (enough && rest_mean - run_mean >= kBetterMomMinGap) {
        auto f =
            finding("better-mom", "lower-on-run-days", std::min(1.0, (rest_mean - run_mean) / 3.0));
        f.vars["run_mean"] = one_decimal(run_mean);
        f.vars["rest_mean"] = one_decimal(rest_mean);
        f.vars["run_days"] = std::to_string(run_days);
        f.vars["rest_days"] = std::to_string(rest_days);
        f.vars["window_days"] = std::to_string(j.covered_days());
        cite(f, today);
        cite(f, j.runs);
        return f;
    }
    // Guilt about running, unless her own numbers say run days are heavier.
    if (enough && run_mean > rest_mean) return std::nullopt;
    for (const Moment* m : today) {
        if (!m->about("running")) continue;
        auto f = finding("better-mom", "about-running", 0.6);
        f.vars["quote"] = quote(*m->entry);
        cite(f, {m});
        if (const Entry* run = latest(j.runs)) f.evidence.push_back(run);
        return f;
    }
    return std::nullopt;
}

std::optional<Finding> priorities(const Journal& j) {
    auto today = j.today_moments();
    if (today.empty()) return std::nullopt;
    const auto& lex = j.lexicon();
    std::vector<const Priority*> active;
    for (const auto& p : j.input().priorities)
        if (!p.done) active.push_back(&p);
    std::sort(active.begin(), active.end(), [](auto* a, auto* b) { return a->rank < b->rank; });

    auto topic_of = [&](const Moment* m) {
        return m->topics.empty() ? quote(*m->entry) : topic_label(lex, m->topics.front());
    };
    if (active.empty()) {
        auto f = finding("priorities", "no-list", 0.5);
        f.vars["topic"] = topic_of(today.front());
        cite(f, today);
        return f;
    }
    // What a priority is about: the words of its title and the topics they name.
    auto keys = [&](const Priority& p) {
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
    };
    int count = static_cast<int>(active.size());
    for (const Moment* m : today) {
        for (const auto& topic : m->topics) {
            // Guilt about running is guilt about doing it, not about letting it slide.
            if (topic == "running") continue;
            for (const auto& p : j.input().priorities) {
                auto k = keys(p);
                if (std::find(k.begin(), k.end(), topic) == k.end()) continue;
                bool ended = !p.done && p.until && *p.until < j.input().day;
                bool low = !p.done && !ended && p.rank > (count + 1) / 2;
                if (!ended && !low) continue;
                auto f = finding("priorities", ended ? "out-of-season" : "ranked-low",
                                 ended ? 0.8 : 0.7);
                f.vars["topic"] = topic_label(lex, topic);
                f.vars["priority"] = p.title;
                if (ended) {
                    f.vars["until"] =
                        fmt::format("{} {}", month_name(p.until->month).substr(0, 3), p.until->day);
                } else {
                    f.vars["rank"] = std::to_string(p.rank);
                    f.vars["count"] = std::to_string(count);
                    f.vars["top"] = active.front()->title;
                }
                for (const Moment* other : today)
                    if (other->about(topic)) f.evidence.push_back(other->entry);
                return f;
            }
        }
    }
    return std::nullopt;
}

std::optional<Finding> listen(const Journal& j) {
    std::optional<Finding> best;
    std::size_t best_count = 0;
    auto recent = j.moments_since(j.today - kListenWindowDays + 1);
    for (const Moment* m : j.today_moments()) {
        for (const auto& topic : m->topics) {
            std::vector<const Moment*> same;
            std::set<std::int64_t> days;
            for (const Moment* r : recent)
                if (r->about(topic)) {
                    same.push_back(r);
                    days.insert(r->day);
                }
            if (static_cast<int>(same.size()) < kListenMinMoments ||
                static_cast<int>(days.size()) < kListenMinDays || same.size() <= best_count)
                continue;
            best_count = same.size();
            auto f = finding("listen", "recurring", std::min(1.0, same.size() / 5.0));
            f.vars["topic"] = topic_label(j.lexicon(), topic);
            f.vars["count"] = std::to_string(same.size());
            f.vars["days"] = std::to_string(j.today - *days.begin() + 1);
            f.vars["first"] = long_day(local_date(same.front()->entry->at));
            cite(f, same);
            best = std::move(f);
        }
    }
    return best;
}

struct Engaged {
    int today_minutes = 0;
    int week_minutes = 0;
    int days = 0;  // of the last seven with engaged time
    std::vector<const Entry*> today, week;
};

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
    return out;
}

// Guilt about being there for them: attention, screens handed over, family time missed.
bool about_presence(const Moment& m) {
    return m.about("attention") || m.about("screens") || m.about("family-time");
}

std::vector<std::string> kids_of(const std::vector<const Entry*>& entries) {
    std::vector<std::string> all, kids;
    for (const Entry* e : entries)
        all.insert(all.end(), e->kids.begin(), e->kids.end());
    merge_names(kids, all, true);
    return kids;
}

std::optional<Finding> facts(const Journal& j) {
    std::vector<const Moment*> hits;
    for (const Moment* m : j.today_moments())
        if (!m->distortions.empty() || about_presence(*m)) hits.push_back(m);
    if (hits.empty()) return std::nullopt;
    auto time = engaged(j);
    const char* situation = time.today_minutes > 0  ? "engaged-today"
                            : time.week_minutes > 0 ? "engaged-this-week"
                                                    : "none";
    auto f =
        finding("facts", situation, std::min(1.0, 0.5 + 0.1 * hits.front()->distortions.size()));
    f.vars["quote"] = quote(*hits.front()->entry);
    f.vars["minutes"] = format_minutes(time.today_minutes);
    f.vars["week_minutes"] = format_minutes(time.week_minutes);
    f.vars["engaged_days"] = std::to_string(time.days);
    cite(f, hits);
    auto& shown = time.today.empty() ? time.week : time.today;
    cite(f, shown);
    if (auto kids = kids_of(shown); !kids.empty()) f.vars["kids"] = join_and(kids);
    return f;
}

bool in_family_hours(const Entry& run) {
    auto weekday = iso_weekday(local_date(run.at));
    int start = local_seconds_of_day(run.at) / 60;
    // Half-open minutes [start, end): a run that ends as breakfast begins is an early-morning
    // run. A run without a duration still takes its starting minute.
    int end = start + std::max(1, run.duration_s.value_or(0) / 60);
    auto overlaps = [&](const int(&span)[2]) { return start < span[1] && end > span[0]; };
    if (weekday >= 6) return overlaps(kWeekendDay);
    return overlaps(kWeekdayMorning) || overlaps(kWeekdayEvening);
}

std::optional<Finding> schedule(const Journal& j) {
    auto family_runs = Journal::since(j.runs, j.today - kScheduleWindowDays + 1, in_family_hours);
    std::vector<const Entry*> followed, after;
    for (const Entry* run : family_runs) {
        for (const auto& m : j.moments) {
            auto gap = m.entry->at.utc - run->at.utc;
            if (m.day == Journal::day_of(*run) && gap > 0 && gap <= kGuiltFollowsWithinSeconds) {
                followed.push_back(run);
                after.push_back(m.entry);
                break;
            }
        }
    }
    bool lately = !followed.empty() && Journal::day_of(*followed.back()) > j.today - kWeekDays;
    if (static_cast<int>(followed.size()) >= kScheduleMinRuns && lately) {
        auto f = finding("schedule", "family-hour-runs", std::min(1.0, followed.size() / 3.0));
        std::vector<std::string> times;
        for (const Entry* r : family_runs)
            times.push_back(clock(*r));
        f.vars["runs"] = std::to_string(family_runs.size());
        f.vars["times"] = join_and(times);
        f.vars["guilt_after"] = std::to_string(followed.size());
        f.vars["window_days"] = std::to_string(kScheduleWindowDays);
        cite(f, followed);
        cite(f, after);
        return f;
    }

    auto today = j.today_moments();
    if (today.empty() || j.covered_days() < kWeekDays) return std::nullopt;
    auto time = engaged(j);
    if (time.days >= kEngagedMinDays) return std::nullopt;
    auto f = finding("schedule", "engaged-few-days", (kWeekDays - time.days) / 7.0);
    f.vars["engaged_days"] = std::to_string(time.days);
    f.vars["missing_days"] = std::to_string(kWeekDays - time.days);
    cite(f, today);
    cite(f, time.week);
    return f;
}

std::optional<Finding> expectations(const Journal& j) {
    auto today = j.today_moments();
    if (static_cast<int>(today.size()) >= kManyMoments) {
        auto f = finding("expectations", "many-moments", std::min(1.0, today.size() / 5.0));
        f.vars["count"] = std::to_string(today.size());
        cite(f, today);
        return f;
    }
    for (const Moment* m : today) {
        if (!m->about("overload")) continue;
        auto f = finding("expectations", "todo", 0.7);
        f.vars["quote"] = quote(*m->entry);
        cite(f, {m});
        return f;
    }
    return std::nullopt;
}

std::optional<Finding> motto(const Journal& j) {
    auto today = j.today_moments();
    const Moment* labelled = nullptr;
    for (const Moment* m : today)
        if (!labelled && m->distorted("labelling")) labelled = m;
    const Moment* heaviest = today.empty() ? nullptr : today.front();
    bool intense = heaviest && heaviest->intensity() >= kMottoIntensity;
    if (!labelled && !intense) return std::nullopt;

    const auto& motto = j.input().motto;
    const Moment* cited = labelled ? labelled : heaviest;
    Finding f;
    if (!motto) {
        f = finding("motto", "no-motto", 0.6);
        f.vars["intensity"] = std::to_string(cited->intensity());
    } else if (labelled) {
        f = finding("motto", "labelling", 0.8);
        for (const auto& h : labelled->distortions)
            if (h.id == "labelling") f.vars["label"] = "\"" + h.words + "\"";
    } else {
        f = finding("motto", "intense", heaviest->intensity() / 10.0);
        f.vars["intensity"] = std::to_string(heaviest->intensity());
    }
    if (motto) f.vars["motto"] = "\"" + motto->text + "\"";
    f.vars["quote"] = quote(*cited->entry);
    f.evidence.push_back(cited->entry);
    if (intense && heaviest != cited) f.evidence.push_back(heaviest->entry);
    return f;
}

// ---- putting them together ----------------------------------------------------------------

// Kids named in the window, most often first.
std::vector<std::string> window_kids(const Journal& j) {
    std::vector<std::pair<int, std::string>> counted;
    for (const Entry* e : j.all)
        for (const auto& k : e->kids) {
            auto it = std::find_if(counted.begin(), counted.end(),
                                   [&](const auto& c) { return iequals(c.second, k); });
            if (it == counted.end())
                counted.push_back({1, k});
            else
                ++it->first;
        }
    std::stable_sort(counted.begin(), counted.end(),
                     [](auto& a, auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (auto& c : counted)
        out.push_back(c.second);
    return out;
}

void finish(Finding& f, const Journal& j, const std::vector<std::string>& all_kids) {
    // Newest evidence first, each entry once, at most kMaxEvidence.
    std::sort(f.evidence.begin(), f.evidence.end(), [](const Entry* a, const Entry* b) {
        return std::tie(b->at.utc, b->id) < std::tie(a->at.utc, a->id);
    });
    f.evidence.erase(std::unique(f.evidence.begin(), f.evidence.end()), f.evidence.end());
    if (f.evidence.size() > kMaxEvidence) f.evidence.resize(kMaxEvidence);

    int heaviest = 0;
    bool today = false;
    for (const Entry* e : f.evidence) {
        heaviest = std::max(heaviest, e->intensity.value_or(0));
        today = today || Journal::day_of(*e) == j.today;
    }
    f.score += heaviest + (today ? 2 : 0);

    auto kids = kids_of(f.evidence);
    if (kids.empty()) kids = all_kids;
    if (kids.size() > 3) kids.resize(3);
    f.vars.try_emplace("kids", kids.empty() ? "your kids" : join_and(kids));
    f.vars.try_emplace("kid", kids.empty() ? "your child" : kids.front());
    f.vars["date"] = long_day(j.input().day);
    f.vars["weekday"] = weekday_name(j.input().day);
}

// A strategy shown for an earlier day needs evidence from after that day to fire again.
bool nagging(const Finding& f, const ReflectInput& in) {
    auto it = in.last_shown.find(f.strategy);
    if (it == in.last_shown.end()) return false;
    auto shown = days_from_civil(it->second);
    return std::none_of(f.evidence.begin(), f.evidence.end(),
                        [&](const Entry* e) { return Journal::day_of(*e) > shown; });
}

}  // namespace

const std::vector<std::string_view>& common_placeholders() {
    static const std::vector<std::string_view> kCommon = {"date", "weekday", "kids", "kid"};
    return kCommon;
}

const std::vector<Situation>& situations() {
    static const std::vector<Situation> kSituations = {
        {"bank", "no-deposit", {"days", "withdrawals", "last_deposit"}},
        {"bank", "never", {"withdrawals", "window_days"}},
        {"bank", "overdrawn", {"deposits", "withdrawals", "value", "window_days"}},
        {"community", "all-solo", {"runs", "window_days"}},
        {"community", "no-moms", {"quote", "window_days"}},
        {"example", "about-running", {"quote", "topic"}},
        {"example", "kids-not-involved", {"runs", "window_days"}},
        {"better-mom",
         "lower-on-run-days",
         {"run_mean", "run_days", "rest_mean", "rest_days", "window_days"}},
        {"better-mom", "about-running", {"quote"}},
        {"priorities", "no-list", {"topic"}},
        {"priorities", "ranked-low", {"topic", "priority", "rank", "count", "top"}},
        {"priorities", "out-of-season", {"topic", "priority", "until"}},
        {"listen", "recurring", {"topic", "count", "days", "first"}},
        {"facts", "engaged-today", {"quote", "minutes", "week_minutes", "engaged_days"}},
        {"facts", "engaged-this-week", {"quote", "week_minutes", "engaged_days"}},
        {"facts", "none", {"quote"}},
        {"schedule", "family-hour-runs", {"runs", "times", "guilt_after", "window_days"}},
        {"schedule", "engaged-few-days", {"engaged_days", "missing_days"}},
        {"expectations", "many-moments", {"count"}},
        {"expectations", "todo", {"quote"}},
        {"motto", "intense", {"motto", "intensity", "quote"}},
        {"motto", "labelling", {"motto", "label", "quote"}},
        {"motto", "no-motto", {"intensity", "quote"}},
    };
    return kSituations;
}

RunSlot run_slot(const Entry& run) {
    if (in_family_hours(run)) return RunSlot::family_hours;
    bool weekend = iso_weekday(local_date(run.at)) >= 6;
    int start = local_seconds_of_day(run.at) / 60;
    if (start < kNightEnds || start >= (weekend ? kWeekendDay : kWeekdayEvening)[1])
        return RunSlot::late;
    return start < (weekend ? kWeekendDay : kWeekdayMorning)[0] ? RunSlot::early_morning
                                                                : RunSlot::daytime;
}

Balance bank_balance(const ReflectInput& in) {
    Balance b;
    auto today = days_from_civil(in.day);
    std::optional<std::int64_t> last;
    for (const auto& e : in.entries) {
        auto d = days_from_civil(local_date(e.at));
        if (d > today || d <= today - kReflectWindowDays) continue;
        bool deposit = e.type == EntryType::run || e.type == EntryType::deposit;
        if (deposit) last = std::max(last.value_or(d), d);
        if (d <= today - kBankWindowDays) continue;
        if (deposit) ++b.deposits;
        if (e.type == EntryType::guilt)
            b.withdrawals += e.intensity.value_or(0) >= kHeavyIntensity ? 2 : 1;
    }
    b.value = b.deposits - b.withdrawals;
    if (last) b.days_since_deposit = static_cast<int>(today - *last);
    return b;
}

std::vector<Finding> reflect(const ReflectInput& in, const Lexicon& lex) {
    Journal j(in, lex);
    std::vector<std::optional<Finding>> fired = {bank(j, bank_balance(in)),
                                                 community(j),
                                                 example(j),
                                                 better_mom(j),
                                                 priorities(j),
                                                 listen(j),
                                                 facts(j),
                                                 schedule(j),
                                                 expectations(j),
                                                 motto(j)};
    auto kids = window_kids(j);
    std::vector<Finding> out;
    for (auto& f : fired) {
        if (!f) continue;
        finish(*f, j, kids);
        if (f->evidence.empty() || nagging(*f, in)) continue;
        out.push_back(std::move(*f));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Finding& a, const Finding& b) { return a.score > b.score; });
    return out;
}

}  // namespace guilt
