// SPDX-License-Identifier: MIT
// Insights: which parts of her life go with lighter guilt, from her own journal. Each factor (a
// run, child-led time, a deposit, reflecting the night before, ...) splits the days she used the
// journal into days with it and days without, and compares the guilt that came after it, with an
// interval from a bootstrap seeded by the data, so the same journal always gives the same numbers.
// Pure: entries and showings in, figures out; no I/O, no clock. The renderers live in
// insights_render.hpp.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "guilt/core/types.hpp"

namespace guilt {

// Days insights looks at when no --since is given, ending with --until (default today).
// Default: 90.
inline constexpr int kInsightsDefaultDays = 90;
// A side with fewer days than this gets the verdict not-enough-days. Default: 7 (a week of
// days on each side; 4 against 4 proved nothing).
inline constexpr int kMinDaysEachSide = 7;
// Child-led engaged time that counts as "10 minutes of child-led time" on a day. Default: 10.
inline constexpr int kChildLedMinutes = 10;
// Resamples of the bootstrap behind each interval. Default: 2000.
inline constexpr int kBootstrapRounds = 2000;
// The interval holds the middle 95% of the resampled differences. Default: 0.025 each side.
inline constexpr double kIntervalTail = 0.025;
// A tag is one of her frequent triggers when it marks guilt on at least this many days of the
// window. Default: 3.
inline constexpr int kFrequentTagDays = 3;
// At most this many tag factors, the most frequent first. Default: 5.
inline constexpr std::size_t kMaxTagFactors = 5;

// What compute_insights() reads.
struct InsightsInput {
    Date since;  // the first day looked at
    Date until;  // the last day looked at, included
    // Entries whose local day falls from since - 1 to until, in any order (the day before the
    // window holds the answers to the first night's prompts); others are ignored.
    std::vector<Entry> entries;
    // (day, strategy) pairs reflect showed for days from since - 1 to until - 1.
    std::vector<std::pair<Date, std::string>> showings;
    std::map<std::string, std::string> strategy_titles;  // strategy id -> title
    // The day she first logged a kind of entry, however long before the window, or nullopt when
    // she never did: "run", "engage", "deposit", "win", "reflection" (the first night reflect
    // showed prompts or she answered one), "tag:TAG" (the first moment tagged TAG). Empty: the
    // window's entries and showings alone say. Days before that day are no days without.
    std::function<std::optional<Date>(std::string_view kind)> first_logged;
};

// What a factor's verdict says: the interval has a width and excludes 0, it does not, or a side
// has fewer than kMinDaysEachSide days.
enum class Verdict { clear, unclear, not_enough_days };

// "clear", "unclear", "not-enough-days".
std::string_view to_string(Verdict v);

// When a factor happens, and so which guilt counts for it.
enum class Timing {
    same_day,      // the factor happens during a day: guilt after it that day counts
    night_before,  // the factor is the night before: the whole next day's guilt counts
};

// The guilt that counted on one day: moments, and the sum and number of their intensities.
struct DayGuilt {
    int moments = 0;
    int intensity_sum = 0;
    int rated = 0;  // moments with a known intensity
};

// Guilt on one side of a factor.
struct SideFigures {
    int days = 0;
    double moments_per_day = 0;            // 0 when days is 0
    std::optional<double> mean_intensity;  // empty when no counted moment had an intensity
};

// One side against the other: the difference of moments per day (with minus without) and its
// bootstrap interval.
struct Comparison {
    SideFigures with, without;
    std::optional<double> difference;               // empty when a side has no day
    std::optional<std::array<double, 2>> interval;  // empty with the verdict not-enough-days
    Verdict verdict = Verdict::not_enough_days;
};

// Compares the days with a factor against the days without. The interval is the middle 95% of
// kBootstrapRounds differences, each from days drawn with replacement within each side by a
// generator seeded with `seed`; the same inputs and seed always give the same interval. Never
// throws.
Comparison compare_days(const std::vector<DayGuilt>& with, const std::vector<DayGuilt>& without,
                        std::uint64_t seed);

// A seed for compare_days() taken from the data itself (the factor id and every day's figures
// in order), never from the clock.
std::uint64_t data_seed(std::string_view factor, const std::vector<DayGuilt>& with,
                        const std::vector<DayGuilt>& without);

// One factor, compared.
struct FactorInsight {
    std::string id;     // "run", "child-led-10", "strategy:facts", "tag:school", ...
    std::string title;  // "10+ minutes of child-led time"
    // How she reads it in a sentence: "a run", "child-led time of 10+ minutes", "#school".
    std::string phrase;
    Timing timing = Timing::same_day;
    // Same-day factors: on days without, guilt counts from this minute of the day (the mean
    // time of the factor on the days with it), so both sides cover the same part of the day.
    std::optional<int> without_from_minute;
    // The first day that counts: the window's first, or the first day she logged this kind of
    // entry when that came later (for a night-before factor, the day after her first reflected
    // night); nullopt when she never logged it, and then no day counts.
    std::optional<Date> counted_from;
    int days_left_out = 0;  // days of the window she wrote on, before counted_from: on neither side
    Comparison comparison;
};

struct Insights {
    Date since;
    Date until;
    int days = 0;          // in the window
    int journal_days = 0;  // days of the window with at least one entry: the days compared
    // Clear ones first, the larger difference first; then unclear ones; then those without
    // enough days.
    std::vector<FactorInsight> factors;
};

// Whether an entry is a good moment she is glad of. False until the win entry type exists
// (another branch adds EntryType::win; the lead wires it here at merge).
bool is_win(const Entry& e);

// The insights of her days in.since to in.until (her_day(): the day-boundary ends each day). A
// day counts only when she wrote something in the journal that day (a day she did not open guilt
// is not a calm day), and for a factor only from the first day she logged its kind of entry.
// Never throws.
Insights compute_insights(const InsightsInput& in);

}  // namespace guilt
