// SPDX-License-Identifier: MIT
#include "insights_words.hpp"

#include <fmt/format.h>

#include "guilt/cli/insights_render.hpp"
#include "guilt/core/calendar.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace insights_words {

std::string period(const Insights& s, std::string_view dash) {
    return fmt::format("{} {} {}", dated_label(s.since), dash, dated_label(s.until));
}

std::string days_in(const Insights& s) {
    return fmt::format("{}, {} with journal entries", plural(s.days, "day", "days"),
                       s.journal_days);
}

std::string clock(int minute) {
    return clock_label(minute * 60);
}

std::string moments_a_day(double v) {
    return fmt::format("{} {} a day", one_decimal(v),
                       one_decimal(v) == "1.0" ? "moment" : "moments");
}

std::string verdict_words(const Comparison& c) {
    switch (c.verdict) {
        case Verdict::clear:
            return "the difference is clear";
        case Verdict::unclear:
            return "no clear difference yet";
        case Verdict::not_enough_days:
            return "not enough days yet";
    }
    return "";
}

std::string interval_words(const Comparison& c) {
    if (!c.interval) return "";
    return fmt::format("{} to {}", one_decimal((*c.interval)[0]), one_decimal((*c.interval)[1]));
}

std::string signed_decimal(const std::optional<double>& v) {
    if (!v) return "-";
    auto out = one_decimal(*v);
    return *v > 0 && out != "0.0" ? "+" + out : out;
}

}  // namespace insights_words

namespace {

// " 12 days before Nov 10, 2026, before the first one you logged, are left out.", or nothing.
std::string left_out_words(const FactorInsight& f) {
    if (f.days_left_out == 0) return "";
    if (!f.counted_from)
        return fmt::format(" None logged yet, so none of your {} count.",
                           plural(f.days_left_out, "day", "days"));
    return fmt::format(" {} before {}, before the first one you logged, {} left out.",
                       plural(f.days_left_out, "day", "days"), dated_label(*f.counted_from),
                       f.days_left_out == 1 ? "is" : "are");
}

}  // namespace

std::string insight_words(const FactorInsight& f) {
    using namespace insights_words;
    const auto& c = f.comparison;
    if (c.verdict == Verdict::not_enough_days)
        return fmt::format("{}: not enough days yet: {} with, {} without (each side needs {}).{}",
                           f.title, c.with.days, c.without.days, kMinDaysEachSide,
                           left_out_words(f));
    bool same_day = f.timing == Timing::same_day;
    auto without = fmt::format("{} on {} without", one_decimal(c.without.moments_per_day),
                               plural(c.without.days, "day", "days"));
    if (same_day && f.without_from_minute)
        without += fmt::format(" (after {}, its usual time)", clock(*f.without_from_minute));
    return fmt::format(
        "On {} with {} you logged {}{}, against {}; {} (difference {}, interval {}).{}",
        plural(c.with.days, "day", "days"), f.phrase, moments_a_day(c.with.moments_per_day),
        same_day ? " after it" : "", without, verdict_words(c), signed_decimal(c.difference),
        interval_words(c), left_out_words(f));
}

}  // namespace guilt
