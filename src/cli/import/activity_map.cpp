// SPDX-License-Identifier: MIT
// What becomes what: an activity's noun, Strava's workout kinds, and the rules that map an
// activity to a run or a deposit entry, or refuse it, and tell a repeat from a new one.
#include "guilt/cli/activity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>

#include "guilt/cli/journal_import.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/entry_rules.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "readers.hpp"

namespace guilt {

using import::kMaxDurationSeconds;

namespace {

constexpr int kMaxMinutes = 24 * 60;  // one deposit, as capture allows

}  // namespace

// ---- what becomes what -------------------------------------------------------------------------

std::string_view activity_noun(std::string_view sport) {
    // Another language's name ("Laufen", "Hardlopen", "Løb") as its table says.
    if (auto noun = import::localised_sport_noun(sport)) return *noun;
    auto s = to_lower(trim(sport));
    auto has = [&](std::string_view w) { return s.find(w) != std::string::npos; };
    // GPX tracks without a type, and Strava's GPX code 9, are runs: she imports runs.
    if (s.empty() || s == "9" || has("run") || s == "treadmill" || s == "race") return "run";
    if (has("ride") || has("cycl") || has("bik") || s == "1") return "ride";
    if (has("swim")) return "swim";
    if (has("walk") || s == "10") return "walk";
    if (has("hik") || s == "4") return "hike";
    if (has("yoga")) return "yoga session";
    if (has("strength") || has("weight")) return "strength workout";
    return "other activity";
}

std::string strava_workout_kind(std::optional<double> code) {
    // Strava's codes are small whole numbers; anything else (1e10, NaN) is no kind, and is never
    // converted to an int it does not fit.
    if (!code || !(*code >= 0 && *code <= 100)) return "";
    switch (static_cast<int>(*code)) {
        case 1:
            return "race";
        case 2:
            return "long";
        case 3:
            return "workout";
        default:
            return "";
    }
}

namespace {

// Her words for an entry: the name and the description, checked.
std::string entry_text(const Activity& a) {
    std::string text = std::string(trim(a.name));
    auto description = trim(a.description);
    if (!description.empty()) text += (text.empty() ? "" : "\n") + std::string(description);
    check_text(text, "the name and description");
    if (is_blank(text)) text.clear();  // only NBSP or zero-width spaces: no words
    return text;
}

// Why its start cannot be true: before RunLimits' first year (a clock that lost its date), or
// in the future.
std::optional<std::string> date_problem(const Activity& a, const MapRules& rules) {
    if (!a.start) return std::nullopt;
    auto day = local_date(*a.start);
    if (day.year < RunLimits::kEarliestYear)
        return fmt::format("starts on {}, before {} (a watch whose clock lost its date?)",
                           format_date(day), RunLimits::kEarliestYear);
    if (rules.now && in_future(*a.start, *rules.now))
        return fmt::format("starts in the future (now is {}), got {}", format_iso(*rules.now),
                           format_iso(*a.start));
    return std::nullopt;
}

// Why a run's figures are no run's, by RunLimits; `fastest` and `slowest` are the paces it may
// have. `other` says the figures are plainly another activity's (a pace no runner keeps).
std::optional<std::string> run_problem(const Activity& a, int fastest, int slowest, bool& other) {
    other = false;
    if (a.duration_s && *a.duration_s > kMaxDurationSeconds)
        return fmt::format("lasts {} s, more than the 48 hours a run may last", *a.duration_s);
    if (a.distance_m > kMaxDistanceMeters)
        return fmt::format("is {:.0f} m, more than the {} km a run may be", a.distance_m,
                           kMaxDistanceMeters / 1000);
    if (a.distance_m < RunLimits::kShortestMeters)
        return fmt::format("is {:.0f} m, shorter than the {:.0f} m a run needs", a.distance_m,
                           RunLimits::kShortestMeters);
    if (!a.duration_s || *a.duration_s <= 0) return std::nullopt;
    const double per_km = *a.duration_s / (a.distance_m / 1000);
    other = per_km < fastest || per_km > slowest;
    if (per_km < fastest)
        return fmt::format("has a pace of {} ({:.1f} km in {}), faster than a run's {}",
                           format_pace(a.distance_m, *a.duration_s, DistanceUnit::km),
                           a.distance_m / 1000, format_duration(*a.duration_s),
                           format_pace(1000, fastest, DistanceUnit::km));
    if (per_km > slowest)
        return fmt::format("has a pace of {} ({:.1f} km in {}), slower than a run's {}",
                           format_pace(a.distance_m, *a.duration_s, DistanceUnit::km),
                           a.distance_m / 1000, format_duration(*a.duration_s),
                           format_pace(1000, slowest, DistanceUnit::km));
    return std::nullopt;
}

Mapped as_deposit(const Activity& a, Mapped out, const std::string& text) {
    if (a.duration_s && *a.duration_s > kMaxMinutes * 60) {
        out.problem =
            fmt::format("lasts {} s, more than the 24 hours a deposit may hold", *a.duration_s);
        return out;
    }
    Entry& e = out.entry;
    out.as = Mapped::As::deposit;
    e.type = EntryType::deposit;
    if (a.duration_s && *a.duration_s > 0)
        e.minutes = std::clamp((*a.duration_s + 59) / 60, 1, kMaxMinutes);
    // Her words when the source has them, else what it was ("Biking") and the file it is.
    std::string what = trim(a.sport).empty() || iequals(trim(a.sport), "other")
                           ? std::string(out.noun == "run" ? "run" : out.noun)
                           : std::string(trim(a.sport));
    if (!what.empty())
        what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
    e.text = !text.empty() ? text : a.label.empty() ? what : fmt::format("{}: {}", what, a.label);
    return out;
}

}  // namespace

Mapped map_activity(const Activity& a, const MapRules& rules) {
    Mapped out;
    out.noun = activity_noun(a.sport);
    const bool untyped = trim(a.sport).empty();
    Entry& e = out.entry;
    e.uuid = stable_uuid(a.key);
    e.at = a.start.value_or(Timestamp{});
    const auto text = entry_text(a);
    // What it is first: another sport she does not import is passed over whatever its values.
    const bool deposit_it = untyped ? rules.untyped == UntypedAs::deposit
                                    : out.noun != "run" && rules.others_as_deposits;
    if (!untyped && out.noun != "run" && !deposit_it) {
        out.why = out.noun;
        return out;
    }
    if (auto problem = date_problem(a, rules)) {
        out.problem = *problem;
        return out;
    }
    if (deposit_it) return as_deposit(a, std::move(out), text);
    // Stored to a tenth of a metre: a distance that rounds to nothing is none.
    if (!(std::round(a.distance_m * 10) / 10 > 0)) {
        if (rules.others_as_deposits && a.duration_s && *a.duration_s > 0)
            return as_deposit(a, std::move(out), text);
        out.why = "run without a distance";
        return out;
    }
    bool other = false;
    const bool by_pace = untyped && rules.untyped == UntypedAs::pace;
    if (auto problem = run_problem(
            a, by_pace ? RunLimits::kUntypedFastestPace : RunLimits::kFastestPace,
            by_pace ? RunLimits::kUntypedSlowestPace : RunLimits::kSlowestPace, other)) {
        if (other && by_pace) {
            out.problem = fmt::format(
                "has no sport type and {}: not taken as a run (--as run or --as deposit decides)",
                problem->substr(std::string_view("has ").size()));
            return out;
        }
        if (other && rules.others_as_deposits) return as_deposit(a, std::move(out), text);
        out.problem =
            other ? *problem + " (--others deposit brings it in as time for yourself)" : *problem;
        return out;
    }
    out.as = Mapped::As::run;
    e.type = EntryType::run;
    e.distance_m = std::round(a.distance_m * 10) / 10;
    if (a.duration_s && *a.duration_s > 0) e.duration_s = a.duration_s;
    e.unit = rules.unit;
    e.with = {"solo"};
    e.kind = a.kind;
    e.text = text;
    return out;
}

Mapped map_activity(const Activity& a, DistanceUnit unit, bool others_as_deposits,
                    std::string_view where) {
    MapRules rules;
    rules.unit = unit;
    rules.others_as_deposits = others_as_deposits;
    Mapped out;
    try {
        out = map_activity(a, rules);
    } catch (const UsageError& e) {
        throw UsageError(fmt::format("{}: {}", where, e.what()));
    }
    if (!out.problem.empty()) throw UsageError(fmt::format("{}: {}", where, out.problem));
    return out;
}

bool same_run(const Entry& typed, const Entry& imported) {
    if (typed.type != EntryType::run || imported.type != EntryType::run) return false;
    if (std::llabs(typed.at.utc - imported.at.utc) > kSameRunSeconds) return false;
    return std::fabs(typed.distance_m - imported.distance_m) <=
           kSameRunDistanceShare * imported.distance_m;
}

bool same_recording(const Entry& earlier, const Entry& imported) {
    return earlier.type == EntryType::run && imported.type == EntryType::run &&
           std::llabs(earlier.at.utc - imported.at.utc) <= kSameRecordingSeconds &&
           std::fabs(earlier.distance_m - imported.distance_m) <=
               kSameRunDistanceShare * imported.distance_m;
}

bool is_stable_uuid(std::string_view uuid) {
    return uuid.size() == 36 && uuid[14] == '8';
}

}  // namespace guilt