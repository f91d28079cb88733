// SPDX-License-Identifier: MIT
// Escaping for Markdown and HTML, and Markdown's pipe tables.
#include "guilt/markup.hpp"

namespace guilt {

std::string markdown_escape(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            out += ' ';
            continue;
        }
        if (std::string_view("\\`*_[]<>#|&~").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_table(const std::vector<std::string>& head,
                           const std::vector<std::vector<std::string>>& rows) {
    auto line = [](const std::vector<std::string>& cells) {
        std::string out = "|";
        for (const auto& c : cells)
            out += " " + c + " |";
        return out + "\n";
    };
    std::string out = line(head) + "|";
    for (std::size_t i = 0; i < head.size(); ++i)
        out += i == 0 ? " --- |" : " ---: |";
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

}  // namespace guilt
