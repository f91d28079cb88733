// SPDX-License-Identifier: MIT
// bank: "think of yourself as a bank". Runs and me-time are deposits, weighted by their length;
// each day draws on the account, a heavy day twice; logging a moment is never a debit by itself.
// Fires when the account is at or near zero, or when no deposit came for days while guilt did.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "guilt/core/text.hpp"
#include "journal.hpp"

namespace guilt {

namespace {

// The balance (see Balance in reflect.hpp).
constexpr int kPointMinutes = 10;    // a deposit pays one point per started 10 minutes...
constexpr int kPointMeters = 2000;   // ...or, for a run without a time, per started 2 km
constexpr int kMinPoints = 1;        // a deposit without a length pays this
constexpr int kMaxPoints = 12;       // no single deposit pays more (two hours)
constexpr int kDailyDemand = 1;      // what an ordinary day draws
constexpr int kHeavyDayDemand = 2;   // what a heavy day draws
constexpr int kHeavyIntensity = 8;   // a moment this heavy makes the day heavy...
constexpr int kHeavyDayMoments = 3;  // ...and so do this many moments in one day
constexpr int kBankCap = 28;         // the account holds at most four weeks of ordinary days
constexpr int kBankWindowDays = 7;   // deposits and withdrawals are shown for the last week

// The rule.
constexpr int kBankLow = 0;      // strategies.md: "at or under zero", the account has run dry
constexpr int kBankDryDays = 4;  // days without a deposit before it fires...
constexpr int kBankMinMomentsSince = 2;  // ...while at least this many moments came since
constexpr int kBankMinCoveredDays = 3;   // a balance speaks once the journal covers this many days
constexpr int kBankRepeatDays = 3;  // shown once, it speaks again after this many more dry days

int deposit_points(const Entry& e) {
    int points = kMinPoints;
    if (e.type == EntryType::run && e.duration_s)
        points = (*e.duration_s + kPointMinutes * 60 - 1) / (kPointMinutes * 60);
    else if (e.type == EntryType::run)
        points = static_cast<int>((e.distance_m + kPointMeters - 1) / kPointMeters);
    else if (e.minutes > 0)
        points = (e.minutes + kPointMinutes - 1) / kPointMinutes;
    return std::clamp(points, kMinPoints, kMaxPoints);
}

bool is_deposit(const Entry& e) {
    return e.type == EntryType::run || e.type == EntryType::deposit;
}

}  // namespace

Balance bank_balance(const ReflectInput& in) {
    Balance b;
    auto today = days_from_civil(in.day);
    struct Day {
        int paid = 0;
        int moments = 0;
        int heaviest = 0;
    };
    std::map<std::int64_t, Day> days;
    std::optional<std::int64_t> last, first;
    for (const auto& e : in.entries) {
        auto d = days_from_civil(her_day(e.at));
        if (d > today || d <= today - kReflectWindowDays) continue;
        first = std::min(first.value_or(d), d);
        auto& day = days[d];
        if (is_deposit(e)) {
            day.paid += deposit_points(e);
            last = std::max(last.value_or(d), d);
        }
        if (e.type == EntryType::guilt) {
            ++day.moments;
            day.heaviest = std::max(day.heaviest, e.intensity.value_or(0));
        }
    }
    if (!first) return b;
    int value = 0;
    for (auto d = *first; d <= today; ++d) {
        const auto& day = days[d];
        bool heavy = day.heaviest >= kHeavyIntensity || day.moments >= kHeavyDayMoments;
        int demand = heavy ? kHeavyDayDemand : kDailyDemand;
        value = std::clamp(value + day.paid - demand, 0, kBankCap);
        if (d > today - kBankWindowDays) {
            b.deposits += day.paid;
            b.withdrawals += demand;
        }
    }
    b.value = value;
    if (last) b.days_since_deposit = static_cast<int>(today - *last);
    return b;
}

namespace reflect_rules {

std::optional<Finding> bank(const Journal& j, const Balance& balance) {
    if (!j.guilt_recently()) return std::nullopt;
    const Entry* last = latest(j.deposits);
    auto since_last = j.moments_since(last ? Journal::day_of(*last) : j.first_day);
    std::erase_if(since_last, [&](const Moment* m) {
        return m->hopeful || (last && m->entry->at.utc <= last->at.utc);
    });
    int dry = last ? static_cast<int>(j.today - Journal::day_of(*last)) : j.covered_days();
    bool dry_spell =
        dry >= kBankDryDays && static_cast<int>(since_last.size()) >= kBankMinMomentsSince;
    bool low =
        balance.value <= kBankLow && !since_last.empty() && j.covered_days() >= kBankMinCoveredDays;

    Finding f;
    if (!last && (dry_spell || low)) {
        f = finding("bank", "never", 1.0, Relevance::observation);
        f.why = fmt::format("no run or me-time in {} days, while guilt came in {}",
                            j.covered_days(), ids_of(since_last));
    } else if (dry_spell) {
        f = finding("bank", "no-deposit", dry / 7.0, Relevance::observation);
        f.why = fmt::format("no deposit for {} (last #{}), guilt since in {}",
                            counted(dry, "day", "days"), last->id, ids_of(since_last));
    } else if (low) {
        f = finding("bank", "low", 1.0 - balance.value / (kBankLow + 1.0), Relevance::observation);
        f.why = fmt::format("balance {} at the end of the day, guilt in {}", balance.value,
                            ids_of(since_last));
    } else {
        return std::nullopt;
    }
    f.vars["days"] = counted(dry, "day", "days");
    f.vars["moments"] =
        counted(static_cast<std::int64_t>(since_last.size()), "guilt moment", "guilt moments");
    f.vars["window_days"] = std::to_string(j.covered_days());
    f.vars["value"] = std::to_string(balance.value);
    f.vars["deposits"] = counted(balance.deposits, "point", "points");
    f.vars["withdrawals"] = counted(balance.withdrawals, "point", "points");
    // What would raise it, in the kind of deposit her journal holds.
    f.vars["raise"] = j.runs_at_all()
                          ? "a 40-minute run adds 4 points, an hour that is only yours 6"
                          : "an hour that is only yours (a class, a nap, coffee with a friend) "
                            "adds 6 points";
    f.vars["ideas"] =
        j.runs_at_all() ? "a short run or a quiet coffee" : "a nap, a walk or a quiet coffee";
    if (last) {
        auto what = last->type == EntryType::run ? fmt::format("a {} run", distance(*last))
                                                 : "\"" + shorten(last->text, 40) + "\"";
        f.vars["last_deposit"] =
            fmt::format("{} on {}", what, short_day(her_day(last->at), j.input().day));
        f.evidence.push_back(last);
    }
    // Shown before with nothing changed: the account has to stay dry a few more days first.
    auto shown = j.last_shown("bank");
    bool deposit_since_shown = last && shown && Journal::day_of(*last) > *shown;
    for (const Moment* m : since_last)
        if (!shown || deposit_since_shown || m->day >= *shown + kBankRepeatDays)
            f.own.push_back(m->entry);
    cite(f, since_last);
    return f;
}

}  // namespace reflect_rules

}  // namespace guilt
