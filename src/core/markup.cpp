// SPDX-License-Identifier: MIT
// Escaping for Markdown and HTML, and Markdown's pipe tables.
#include "guilt/core/markup.hpp"

#include "guilt/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// Emphasis, code, links, HTML and entities, headings, quotes, tables, strikethrough.
constexpr std::string_view kMarkdownSpecials = "\\`*_[]<>#|~&";

// One line of her text with everything that could start markup escaped.
std::string md_escape_line(std::string_view line) {
    std::string out;
    std::size_t i = 0;
    // At the start of a line: a list bullet, a setext underline, an ordered-list number.
    if (line.front() == '-' || line.front() == '+' || line.front() == '=') out += '\\';
    while (i < line.size() && line[i] >= '0' && line[i] <= '9')
        ++i;
    if (i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')')) {
        out += line.substr(0, i);
        out += '\\';
    } else {
        i = 0;
    }
    for (; i < line.size(); ++i) {
        if (kMarkdownSpecials.find(line[i]) != std::string_view::npos) out += '\\';
        out += line[i];
    }
    return out;
}

// `text` with the control and bidi characters another program may have planted in her journal
// shown escaped (visible()): a Markdown file ends up in terminals and editors.
std::string printable(std::string_view text) {
    return has_unprintable(text) ? visible(text) : std::string(text);
}

}  // namespace

std::string md_escape(std::string_view text) {
    std::string out;
    bool blank_before = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string line;
        for (char c : text.substr(start, end - start))
            if (c != '\r') line += c;
        line = printable(line);
        start = end + 1;
        // Leading blanks would make code blocks; trailing ones hard breaks.
        auto kept = trim(line);
        if (kept.empty()) {
            blank_before = !out.empty();
            continue;
        }
        if (!out.empty()) out += blank_before ? "\n\n" : "\\\n";
        blank_before = false;
        out += md_escape_line(kept);
    }
    return out;
}

std::string md_inline(std::string_view text) {
    std::string flat(text);
    std::replace_if(
        flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    std::string out;
    for (char c : printable(flat)) {
        if (kMarkdownSpecials.find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string md_table(const std::vector<std::string>& head,
                     const std::vector<std::vector<std::string>>& rows, bool numbers) {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const auto& c : cells)
            out += " " + c + " |";
        return out + "\n";
    };
    std::string out = line(head) + "|";
    for (std::size_t i = 0; i < head.size(); ++i)
        out += i == 0 || !numbers ? " --- |" : " ---: |";
    out += "\n";
    for (const auto& r : rows)
        out += line(r);
    return out;
}

std::string html_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string html_table(const std::vector<std::string>& head,
                       const std::vector<std::vector<std::string>>& rows) {
    std::string out = "<div class=\"scroll\"><table class=\"cards\">\n<thead><tr>";
    for (const auto& h : head)
        out += "<th>" + html_escape(h) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& r : rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < r.size(); ++i)
            out += fmt::format("<td data-label=\"{}\">{}</td>",
                               i < head.size() ? html_escape(head[i]) : "", r[i]);
        out += "</tr>\n";
    }
    return out + "</tbody>\n</table></div>\n";
}

const char* const kReportStyle = R"(
:root { --ink: #222; --muted: #666; --line: #ddd; --guilt: #c2554d; --engaged: #3f7cc0;
        --run: #5a9a46; --win: #c98a00; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       background: #fff; max-width: 60rem; margin: 0 auto; padding: 1rem;
       overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); }
ul { padding-left: 1.2rem; }
figure { margin: 0; }
figcaption { font-size: .9rem; color: var(--muted); }
blockquote { margin: .25rem 0 .5rem 1rem; color: var(--muted); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { padding: .3rem .4rem; border-bottom: 1px solid var(--line); text-align: right; }
td { white-space: nowrap; }
th { vertical-align: bottom; overflow-wrap: normal; }
th:first-child, td:first-child { text-align: left; }
/* On a phone a wide table becomes one card per row, each cell labelled. */
@media (max-width: 48rem) {
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: none; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.cards td { display: flex; justify-content: space-between; gap: 1rem; border: 0;
                   padding: .1rem .2rem; white-space: normal; }
  table.cards td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  table.cards td:first-child { font-weight: 600; }
  table.cards td:first-child::before { content: none; }
}
@media print {
  body { max-width: none; font-size: 11pt; padding: 0; }
  section, figure, table { break-inside: avoid; }
  .scroll { overflow: visible; }
}
)";

}  // namespace guilt
