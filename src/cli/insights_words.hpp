// SPDX-License-Identifier: MIT
// The words every format of insights shares (insights_render.hpp): the period, the verdicts,
// the figures with one decimal, and the caveat. Private to the insights renderers
// (insights_text.cpp, insights_markdown.cpp, insights_html.cpp, insights_json.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "guilt/core/insights.hpp"

namespace guilt::insights_words {

// What every format ends with: the figures are associations, not causes.
inline constexpr const char* kCaveat =
    "These are associations in your own journal, not causes: a difference can come from "
    "something else that goes with the factor.";

// "Nov 1, 2026 – Nov 30, 2026", with `dash` between.
std::string period(const Insights& s, std::string_view dash);

// "30 days, 21 with journal entries".
std::string days_in(const Insights& s);

// "07:40".
std::string clock(int minute);

// "1.1 moments a day", "1.0 moment a day".
std::string moments_a_day(double v);

// "the difference is clear", "no clear difference yet", "not enough days yet".
std::string verdict_words(const Comparison& c);

// "-1.5 to -0.2", or empty without an interval.
std::string interval_words(const Comparison& c);

// "+1.2", "-0.3", "0.0", or "-" without a value.
std::string signed_decimal(const std::optional<double>& v);

}  // namespace guilt::insights_words
