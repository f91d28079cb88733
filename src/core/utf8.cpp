// SPDX-License-Identifier: MIT
// Text as UTF-8 on a terminal: what check_text refuses, visible() escapes, the columns a text
// takes (utf8proc's widths), and the one wrap and one shorten every view goes through.
#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// Bidi embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069): they reorder what
// follows on her terminal, so "evil\u202etxt.exe" reads as something else.
bool is_bidi_control(std::uint32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Characters that a terminal acts on instead of showing: C0 but tab and newline, CR, DEL, C1.
bool is_control(std::uint32_t cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp <= 0x9F);
}

// The code point of the UTF-8 sequence at text[i] and its length, or length 0 when it is not
// valid UTF-8 (overlong, a surrogate, past U+10FFFF, cut short).
std::pair<std::uint32_t, int> decode(std::string_view text, std::size_t i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) return {c, 1};
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    std::uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; ok && k < len; ++k) {
        auto cc = static_cast<unsigned char>(text[i + k]);
        ok = (cc & 0xC0) == 0x80;
        cp = (cp << 6) | (cc & 0x3F);
    }
    ok = ok && !(len == 2 && cp < 0x80) && !(len == 3 && cp < 0x800) &&
         !(len == 4 && cp < 0x10000) && !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
    return {cp, ok ? len : 0};
}

// Columns of one code point on a terminal (utf8proc's width: 2 for wide and emoji, 0 for
// combining and zero-width); 1 for a byte that is not UTF-8 (`len` 0) and for what utf8proc
// gives no width but a terminal shows (escaped controls come here as their escape's letters).
std::size_t columns_of(std::uint32_t cp, int len) {
    if (len == 0) return 1;
    if (cp < 0x80) return 1;
    return static_cast<std::size_t>(utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp)));
}

}  // namespace

void check_text(std::string_view text, std::string_view field) {
    if (text.size() > kMaxTextBytes)
        throw UsageError(fmt::format("{} is {} bytes long; the limit is {} bytes", field,
                                     text.size(), kMaxTextBytes));
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        if (len == 0)
            throw UsageError(fmt::format("{} is not valid UTF-8 (byte 0x{:02x} at {})", field,
                                         static_cast<unsigned char>(text[i]), i));
        if (is_control(cp))
            throw UsageError(fmt::format(
                "{} holds a control character (U+{:04X}) at byte {}; only text is accepted", field,
                cp, i));
        if (is_bidi_control(cp))
            throw UsageError(fmt::format(
                "{} holds a bidi control character (U+{:04X}) at byte {}, which reorders text on "
                "screen; only text is accepted",
                field, cp, i));
        i += static_cast<std::size_t>(len);
    }
}

bool is_blank(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        if (len == 0) return false;
        const auto* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(cp));
        bool shows_nothing =
            p->category == UTF8PROC_CATEGORY_ZS || p->category == UTF8PROC_CATEGORY_ZL ||
            p->category == UTF8PROC_CATEGORY_ZP || p->category == UTF8PROC_CATEGORY_CC ||
            p->category == UTF8PROC_CATEGORY_CF || p->ignorable || cp == 0x2800;
        if (!shows_nothing) return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

bool has_unprintable(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        if (len == 0 || is_control(cp) || is_bidi_control(cp)) return true;
        i += static_cast<std::size_t>(len);
    }
    return false;
}

namespace {

// Whether the eight bytes of `text` at `i` are all ASCII (most of any text is).
bool eight_ascii(std::string_view text, std::size_t i) {
    std::uint64_t eight = 0;
    std::memcpy(&eight, text.data() + i, sizeof eight);
    return (eight & 0x8080808080808080u) == 0;
}

}  // namespace

bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && eight_ascii(text, i)) {
            i += 8;
            continue;
        }
        auto [cp, len] = decode(text, i);
        if (len == 0) return false;
        i += static_cast<std::size_t>(len);
    }
    return true;
}

std::string visible(std::string_view text) {
    if (!has_unprintable(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        if (len == 0) {
            out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
            len = 1;
        } else if (cp < 0x80 && is_control(cp)) {
            out += fmt::format("\\x{:02x}", cp);
        } else if (is_control(cp) || is_bidi_control(cp)) {
            out += fmt::format("\\u{:04x}", cp);
        } else {
            out += text.substr(i, static_cast<std::size_t>(len));
        }
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::size_t display_width(std::string_view text) {
    std::size_t columns = 0;
    for (std::size_t i = 0; i < text.size();) {
        auto [cp, len] = decode(text, i);
        columns += columns_of(cp, len);
        i += len == 0 ? 1 : static_cast<std::size_t>(len);
    }
    return columns;
}

std::string shorten(std::string_view text, std::size_t max_columns) {
    std::string flat;
    flat.reserve(text.size());
    for (char c : trim(text))
        flat.push_back(c == '\n' || c == '\t' ? ' ' : c);
    flat = visible(flat);
    if (display_width(flat) <= max_columns) return flat;
    // Keep what fits in one column less, for the "…"; a mark of width 0 stays with its letter.
    std::size_t columns = 0, i = 0;
    while (i < flat.size()) {
        auto [cp, len] = decode(flat, i);
        auto w = columns_of(cp, len);
        if (w > 0 && columns + w > max_columns - 1) break;
        columns += w;
        i += len == 0 ? 1 : static_cast<std::size_t>(len);
    }
    auto cut = std::string(trim(std::string_view(flat).substr(0, i)));
    return cut + "…";
}

std::vector<std::string> wrap_lines(std::string_view text, std::size_t width,
                                    std::string_view first_indent, std::string_view indent) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t used = 0;  // columns of `line`, its indent included
    bool words = false;    // whether `line` holds a word yet
    auto start_line = [&] {
        line = std::string(lines.empty() ? first_indent : indent);
        used = display_width(line);
        words = false;
    };
    auto end_line = [&] {
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        lines.push_back(std::move(line));
        start_line();
    };
    start_line();
    for (std::size_t pos = 0; pos <= text.size();) {
        auto end = std::min(text.find_first_of(" \n", pos), text.size());
        auto word = text.substr(pos, end - pos);
        if (!word.empty()) {
            auto w = display_width(word);
            if (words && used + 1 + w > width) end_line();
            if (words) line += ' ';
            line += word;
            used += w + (words ? 1 : 0);
            words = true;
        }
        if (end < text.size() && text[end] == '\n') end_line();
        pos = end + 1;
    }
    if (words) end_line();
    return lines;
}

std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    for (const auto& line : wrap_lines(text, width, indent, indent))
        out += line + "\n";
    return out;
}

std::string one_decimal(double v) {
    // Never "-0.0".
    auto out = fmt::format("{:.1f}", v);
    return out == "-0.0" ? "0.0" : out;
}

}  // namespace guilt
