// SPDX-License-Identifier: MIT
// What the report commands (week, month, insights) share: their --format, -o and --force, and
// choosing the format from them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "command_kit/command.hpp"
#include "guilt/cli/report_format.hpp"

namespace guilt {

// "text", "md", "html", "json": the names --format takes.
std::vector<std::string> report_format_names();

// --format when given, else what -o's extension says, else text. Throws UsageError naming the
// value for an unknown --format or an -o whose extension names no format.
ReportFormat chosen_format(const std::optional<std::string>& format,
                           const std::optional<std::string>& output);

// Declares --format, -o/--output (export's rules: - is stdout) and -f/--force on `cmd`.
void add_report_output_options(Command& cmd, std::optional<std::string>& format,
                               std::optional<std::string>& output, bool& force);

}  // namespace guilt
