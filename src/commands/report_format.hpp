// SPDX-License-Identifier: MIT
// What the report commands (week, month) share: choosing the format from --format or -o.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "guilt/week_render.hpp"

namespace guilt {

// "text", "md", "html", "json": the names --format takes.
std::vector<std::string> report_format_names();

// --format when given, else what -o's extension says, else text. Throws UsageError naming the
// value for an unknown --format or an -o whose extension names no format.
WeekFormat chosen_format(const std::optional<std::string>& format,
                         const std::optional<std::string>& output);

}  // namespace guilt
