// SPDX-License-Identifier: MIT
// The --format and -o pair that week and insights share: which format a report is written in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "guilt/week_render.hpp"

namespace guilt {

// The names --format accepts, in the order help lists them.
std::vector<std::string> report_format_names();

// --format when given, else what -o's extension says, else text. Throws UsageError naming
// --format and the value for an unknown format, and naming -o and its extension when the
// extension does not say.
WeekFormat chosen_format(const std::optional<std::string>& format,
                         const std::optional<std::string>& output);

}  // namespace guilt
