// SPDX-License-Identifier: MIT
// Her words made safe for the formats reports are written in: Markdown and HTML. Pure functions
// shared by the week and insights renderers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guilt {

// `text` on one line, with every character Markdown gives a meaning to backslash-escaped.
std::string markdown_escape(std::string_view text);

// A GitHub-style pipe table: the first column left-aligned, the others right-aligned. Cells are
// written as given (escape them first).
std::string markdown_table(const std::vector<std::string>& head,
                           const std::vector<std::vector<std::string>>& rows);

// `text` with &, <, >, " and ' replaced by their HTML entities.
std::string html_escape(std::string_view text);

}  // namespace guilt
