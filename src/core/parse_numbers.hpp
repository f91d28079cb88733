// SPDX-License-Identifier: MIT
// The number readers the core's parsers share (parse.cpp defines them; parse_duration.cpp uses
// them too). Private to src/core/.
#pragma once

#include <optional>
#include <string_view>

namespace guilt::parse_detail {

// Digits with at most one decimal point followed by a digit: "5", "5.25", ".5". Never a
// sign, exponent, hex, inf or nan, which std::stod would happily take.
std::optional<double> decimal(std::string_view s);

// ASCII digits only. Values too long to fit saturate, so range checks reject them.
std::optional<long long> whole(std::string_view s);

}  // namespace guilt::parse_detail
