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

// Its thresholds, named.
struct BankThresholds {
    // The balance (see Balance in reflect.hpp).
    int point_minutes = 10;     // a deposit pays one point per started 10 minutes...
    int point_meters = 2000;    // ...or, for a run without a time, per started 2 km
    int min_points = 1;         // a deposit without a length pays this
    int max_points = 12;        // no single deposit pays more (two hours)
    int daily_demand = 1;       // what an ordinary day draws
    int heavy_day_demand = 2;   // what a heavy day draws
    int heavy_intensity = 8;    // a moment this heavy makes the day heavy...
    int heavy_day_moments = 3;  // ...and so do this many moments in one day
    int cap = 28;               // the account holds at most four weeks of ordinary days
    int window_days = 7;        // deposits and withdrawals are shown for the last week

    // The rule.
    int low = 0;                // strategies.md: "at or under zero", the account has run dry
    int dry_days = 4;           // days without a deposit before it fires...
    int min_moments_since = 2;  // ...while at least this many moments came since
    int min_covered_days = 3;   // a balance speaks once the journal covers this many days
    int repeat_days = 3;        // shown once, it speaks again after this many more dry days
};
constexpr BankThresholds kBank;

int deposit_points(const Entry& e) {
    int points = kBank.min_points;
    if (e.type == EntryType::run && e.duration_s)
        points = (*e.duration_s + kBank.point_minutes * 60 - 1) / (kBank.point_minutes * 60);
    else if (e.type == EntryType::run)
        points = static_cast<int>((e.distance_m + kBank.point_meters - 1) / kBank.point_meters);
    else if (e.minutes > 0)
        points = (e.minutes + kBank.point_minutes - 1) / kBank.point_minutes;
    return std::clamp(points, kBank.min_points, kBank.max_points);
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
        bool heavy =
            day.heaviest >= kBank.heavy_intensity || day.moments >= kBank.heavy_day_moments;
        int demand = heavy ? kBank.heavy_day_demand : kBank.daily_demand;
        value = std::clamp(value + day.paid - demand, 0, kBank.cap);
        if (d > today - kBank.window_days) {
            b.deposits += day.paid;
            b.withdrawals += demand;
        }
    }
    b.value = value;
    if (last) b.days_since_deposit = static_cast<int>(today - *last);
    return b;
}

namespace reflect_rules {

Outcome bank(const Journal& j) {
    const Balance balance = bank_balance(j.input());
    if (!j.guilt_recently()) return std::nullopt;
    const Entry* last = latest(j.deposits);
    auto since_last = j.moments_since(last ? Journal::day_of(*last) : j.first_day);
    std::erase_if(since_last, [&](const Moment* m) {
        return m->hopeful || (last && m->entry->at.utc <= last->at.utc);
    });
    int dry = last ? static_cast<int>(j.today - Journal::day_of(*last)) : j.covered_days();
    bool dry_spell =
        dry >= kBank.dry_days && static_cast<int>(since_last.size()) >= kBank.min_moments_since;
    bool low = balance.value <= kBank.low && !since_last.empty() &&
               j.covered_days() >= kBank.min_covered_days;

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
        f = finding("bank", "low", 1.0 - balance.value / (kBank.low + 1.0), Relevance::observation);
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
        if (!shown || deposit_since_shown || m->day >= *shown + kBank.repeat_days)
            f.own.push_back(m->entry);
    cite(f, since_last);
    return f;
}

// Its situations, with the placeholders each fills, for the table (table.cpp).
namespace {

constexpr std::string_view kBankPlain[] = {"days",     "moments",     "window_days", "value",
                                           "deposits", "withdrawals", "raise",       "ideas"};
constexpr std::string_view kBankLast[] = {"days",  "moments",  "window_days",
                                          "value", "deposits", "withdrawals",
                                          "raise", "ideas",    "last_deposit"};
constexpr SituationDef kBankSituations[] = {
    {"no-deposit", kBankLast},
    {"never", kBankPlain},
    {"low", kBankPlain},
};

}  // namespace

extern constinit const Strategy kBankStrategy{"bank", kBankSituations, bank};

}  // namespace reflect_rules

}  // namespace guilt
