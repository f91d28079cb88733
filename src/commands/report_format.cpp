// SPDX-License-Identifier: MIT
// Choosing a report's format from --format and -o.
#include "report_format.hpp"

#include <fmt/format.h>

#include "guilt/error.hpp"

namespace guilt {

std::vector<std::string> report_format_names() {
    std::vector<std::string> names;
    for (auto f : kWeekFormats)
        names.emplace_back(to_string(f));
    return names;
}

WeekFormat chosen_format(const std::optional<std::string>& format,
                         const std::optional<std::string>& output) {
    if (format) {
        auto f = week_format_from(*format);
        if (!f)
            throw UsageError(fmt::format("--format must be one of {}, got \"{}\"",
                                         fmt::join(report_format_names(), ", "), *format));
        return *f;
    }
    if (!output) return WeekFormat::text;
    if (auto f = week_format_of_path(*output)) return *f;
    auto name = output->substr(output->find_last_of('/') + 1);
    auto dot = name.find_last_of('.');
    auto ext = dot == std::string::npos || dot == 0 ? std::string("(none)") : name.substr(dot);
    throw UsageError(fmt::format(
        "-o {}: cannot tell the format from the extension {} (use .txt, .md, .html or .json, "
        "or --format)",
        *output, ext));
}

}  // namespace guilt
