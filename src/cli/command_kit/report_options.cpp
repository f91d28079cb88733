// SPDX-License-Identifier: MIT
// The format of a report: --format, else -o's extension, else text.
#include "report_options.hpp"
#include "command_kit/command.hpp"

#include <fmt/format.h>

#include "command_kit/cli_model.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/core/error.hpp"

namespace guilt {

namespace {

// The names report_format_from also reads.
constexpr ChoiceAlias kReportFormatAliases[] = {{"txt", "text"}, {"markdown", "md"}};

}  // namespace

std::vector<std::string> report_format_names() {
    std::vector<std::string> names;
    for (auto f : kReportFormats)
        names.emplace_back(to_string(f));
    return names;
}

ReportFormat chosen_format(const std::optional<std::string>& format,
                           const std::optional<std::string>& output) {
    if (format) {
        if (auto f = report_format_from(*format)) return *f;  // always: set_choices
    }
    if (!output || is_stdout_path(*output)) return ReportFormat::text;
    if (auto f = report_format_of_path(*output)) return *f;
    auto name = output->substr(output->find_last_of('/') + 1);
    auto dot = name.find_last_of('.');
    auto ext = dot == std::string::npos || dot == 0 ? std::string("(none)") : name.substr(dot);
    throw UsageError(fmt::format(
        "-o {}: cannot tell the format from the extension {} (use .txt, .md, .html or .json, "
        "or --format)",
        *output, ext));
}

void add_report_output_options(Command& cmd, std::optional<std::string>& format,
                               std::optional<std::string>& output, bool& force) {
    cmd.option("--format", format, "The format (default: text, or from -o)")
        .choices(report_format_names(), kReportFormatAliases);
    cmd.option("-o,--output", output,
               "Write to FILE (0600): .txt, .md, .html or .json sets the format; - is stdout")
        .option_text("FILE");
    cmd.flag("-f,--force", force, "Replace FILE when it already exists");
}

}  // namespace guilt
