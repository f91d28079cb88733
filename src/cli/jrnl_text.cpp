// SPDX-License-Identifier: MIT
// jrnl's own journal file, plain text: each entry starts with a line "[2026-11-25 18:05] " and
// its text, and runs to the next such line. Read the way jrnl reads it: a first line ending in
// "*" (or a text starting with one) marks a starred entry; the title is the first line when the
// text has several, else its first sentence; the @words are its tags.
#include "guilt/cli/jrnl_text.hpp"

#include <fmt/format.h>

#include <cctype>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

using json = nlohmann::json;

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// The date and 24-hour "HH:MM" of a header line, and where its text starts; nullopt when the
// line is no header. jrnl writes its default "%Y-%m-%d %H:%M", or "%I:%M %p" when set so.
struct Header {
    std::string date, time;
    std::size_t text_at = 0;
};

std::optional<Header> header_of(std::string_view line) {
    auto close = line.find(']');
    if (!line.starts_with('[') || close == std::string_view::npos || close < 17)
        return std::nullopt;
    auto inside = line.substr(1, close - 1);
    auto ok = [&](std::size_t i) { return i < inside.size() && digit(inside[i]); };
    if (!(ok(0) && ok(1) && ok(2) && ok(3) && inside[4] == '-' && ok(5) && ok(6) &&
          inside[7] == '-' && ok(8) && ok(9) && inside[10] == ' '))
        return std::nullopt;
    auto clock = inside.substr(11);
    std::size_t colon = clock.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || !ok(11) ||
        !ok(11 + colon - 1) || !ok(11 + colon + 1) || !ok(11 + colon + 2))
        return std::nullopt;
    int h = std::stoi(std::string(clock.substr(0, colon)));
    auto minutes = clock.substr(colon + 1, 2);
    auto rest = to_lower(trim(clock.substr(colon + 3)));
    if (rest == "am" || rest == "pm") {
        if (h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (rest == "pm" ? 12 : 0);
    } else if (!rest.empty()) {
        return std::nullopt;
    }
    Header out{std::string(inside.substr(0, 10)), fmt::format("{:02}:{}", h, minutes), close + 1};
    if (out.text_at < line.size() && line[out.text_at] == ' ') ++out.text_at;
    return out;
}

// The first sentence of a one-line text, as jrnl splits it: up to . ! or ? (and a closing
// quote) followed by white space; the whole text when there is none.
std::pair<std::string, std::string> split_title(std::string_view text) {
    text = trim(text);
    auto newline = text.find('\n');
    if (newline != std::string_view::npos)
        return {std::string(trim(text.substr(0, newline))),
                std::string(trim(text.substr(newline + 1)))};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '.' && text[i] != '!' && text[i] != '?') continue;
        auto end = i + 1;
        while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?'))
            ++end;
        if (end < text.size() && (text[end] == '"' || text[end] == '\'')) ++end;
        if (end < text.size() && (text[end] == ' ' || text[end] == '\t'))
            return {std::string(text.substr(0, end)), std::string(trim(text.substr(end)))};
        i = end - 1;
    }
    return {std::string(text), ""};
}

// jrnl's tags: "@word" at the start or after white space, as jrnl's own pattern finds them.
std::vector<std::string> at_tags(std::string_view text) {
    std::vector<std::string> tags;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '@' || (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1]))))
            continue;
        auto end = i + 1;
        while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) &&
               text[end] != ',' && text[end] != '.' && text[end] != ';' && text[end] != ':' &&
               text[end] != '!' && text[end] != '?' && text[end] != ')' && text[end] != '"')
            ++end;
        if (end > i + 1) tags.emplace_back(text.substr(i, end - i));
        i = end;
    }
    return tags;
}

json entry_of(const Header& h, std::string text) {
    bool starred = false;
    auto first_end = text.find('\n');
    auto first = trim(std::string_view(text).substr(0, first_end));
    if (first.ends_with('*') || first.starts_with('*')) {
        starred = true;
        std::string line(first);
        while (!line.empty() && (line.back() == '*' || line.back() == ' '))
            line.pop_back();
        while (!line.empty() && (line.front() == '*' || line.front() == ' '))
            line.erase(0, 1);
        text = line + (first_end == std::string::npos ? "" : text.substr(first_end));
    }
    auto [title, body] = split_title(text);
    json tags = json::array();
    for (const auto& t : at_tags(text))
        tags.push_back(to_lower(t));
    return json{{"date", h.date}, {"time", h.time}, {"title", title},
                {"body", body},   {"tags", tags},   {"starred", starred}};
}

}  // namespace

bool is_jrnl_header(std::string_view line) {
    return header_of(line).has_value();
}

void read_jrnl_text(std::string first_line, std::istream& rest, const JrnlEntrySink& on_entry) {
    std::optional<Header> current;
    std::size_t current_line = 0, line_no = 0;
    std::string text, line = std::move(first_line);
    auto flush = [&] {
        if (current) on_entry(entry_of(*current, text), current_line);
        text.clear();
    };
    for (bool more = true; more; more = static_cast<bool>(std::getline(rest, line))) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (auto h = header_of(line)) {
            flush();
            current = h;
            current_line = line_no;
            text = line.substr(h->text_at);
            continue;
        }
        if (!current) {
            if (trim(line).empty()) continue;
            throw UsageError(fmt::format(
                "line {}: is not a jrnl entry (one starts with a line like \"[2026-11-25 18:05] "
                "title\")",
                line_no));
        }
        if (text.size() + line.size() > kMaxJrnlEntryBytes)
            throw UsageError(fmt::format("line {}: the entry begun at line {} is longer than {} MB",
                                         line_no, current_line, kMaxJrnlEntryBytes >> 20));
        text += '\n';
        text += line;
    }
    flush();
}

}  // namespace guilt
