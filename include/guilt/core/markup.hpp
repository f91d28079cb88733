// SPDX-License-Identifier: MIT
// Her words made safe for the formats reports are written in: Markdown and HTML. Pure functions
// shared by the week, month and insights renderers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guilt {

// `text` as Markdown that shows exactly these characters: punctuation that would start markup is
// backslash-escaped, leading blanks are dropped, line breaks become hard breaks ("\" at the end
// of a line) and blank lines paragraph breaks. CR characters are dropped; control and bidi
// characters planted by another program are shown escaped, as by visible() (text.hpp).
std::string md_escape(std::string_view text);

// `text` on one line, with every character Markdown gives a meaning to backslash-escaped, and
// control and bidi characters shown escaped as by visible().
std::string md_inline(std::string_view text);

// A GitHub-style pipe table of cells already escaped: the first column left-aligned, the others
// right-aligned when `numbers`.
std::string md_table(const std::vector<std::string>& head,
                     const std::vector<std::vector<std::string>>& rows, bool numbers = true);

// `text` with &, <, >, " and ' replaced by their HTML entities.
std::string html_escape(std::string_view text);

// A table of cells already escaped (the head is escaped here), which scrolls sideways when too
// wide and on a narrow screen becomes one card per row with each cell labelled.
std::string html_table(const std::vector<std::string>& head,
                       const std::vector<std::vector<std::string>>& rows);

// The CSS every report page starts with: colours, type, tables, print.
extern const char* const kReportStyle;

}  // namespace guilt
