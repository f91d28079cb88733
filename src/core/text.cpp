// SPDX-License-Identifier: MIT
// Tags, kid mentions and the small text helpers the rest of guilt shares.
#include "guilt/core/text.hpp"

#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <unordered_set>
#include <utility>

#include "guilt/core/error.hpp"

namespace guilt {
namespace {

bool is_word_byte(unsigned char c) {
    // Bytes of multi-byte UTF-8 sequences count as word characters, so names like "Zoë" work.
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

bool is_letter_byte(unsigned char c) {
    return std::isalpha(c) || c >= 0x80;
}

// The length of an apostrophe at `pos` ("'" or the typographic U+2019), or 0.
std::size_t apostrophe_at(std::string_view text, std::size_t pos) {
    if (text.substr(pos, 1) == "'") return 1;
    if (text.substr(pos, 3) == "\u2019") return 3;
    return 0;
}

// The word starting at `pos`: word bytes, with inner '-' allowed ("mary-jane"), no trailing '-'.
// With `names`, inner apostrophes too ("D'Andre"), and a trailing possessive "'s" is left out
// ("@Sam's lunch" names Sam).
std::string_view word_at(std::string_view text, std::size_t pos, bool names) {
    std::size_t end = pos;
    const auto word_byte_at = [&](std::size_t i) {
        return i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]));
    };
    while (end < text.size()) {
        const std::size_t quote = names ? apostrophe_at(text, end) : 0;
        if (quote > 0) {
            if (end == pos || !word_byte_at(end + quote) || apostrophe_at(text, end + quote)) break;
            end += quote;
        } else if (word_byte_at(end)) {
            ++end;
        } else if (text[end] == '-' && word_byte_at(end + 1)) {
            ++end;
        } else {
            break;
        }
    }
    std::string_view word = text.substr(pos, end - pos);
    if (names) {
        for (std::string_view possessive : {"'s", "'S", "\u2019s", "\u2019S"}) {
            if (word.size() > possessive.size() && word.ends_with(possessive)) {
                word.remove_suffix(possessive.size());
                break;
            }
        }
    }
    return word;
}

bool has_letter(std::string_view word) {
    return std::any_of(word.begin(), word.end(),
                       [](char c) { return is_letter_byte(static_cast<unsigned char>(c)); });
}

// Words that follow `marker` where the marker starts a word; with `kids_only`, not those
// names_someone_else() finds.
std::vector<std::string> marked_words(std::string_view text, char marker, bool kids_only = false) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != marker) continue;
        if (i > 0 && is_word_byte(static_cast<unsigned char>(text[i - 1]))) continue;
        const auto full = word_at(text, i + 1, false);
        const auto word = word_at(text, i + 1, marker == '@');
        std::size_t after = i + 1 + std::max(full.size(), word.size());
        // "@home.com" is an address, not a child.
        bool domain = after + 1 < text.size() && text[after] == '.' &&
                      is_word_byte(static_cast<unsigned char>(text[after + 1]));
        bool other = kids_only && names_someone_else(text, i, i + 1 + word.size());
        if (!word.empty() && has_letter(word) && !is_blank(word) && !domain && !other)
            out.emplace_back(word);
        i = after > i ? after - 1 : i;
    }
    return out;
}

}  // namespace

std::string to_lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02x}", c);
        } else {
            out += ch;
        }
    }
    return out + '"';
}

bool iequals(std::string_view a, std::string_view b) {
    // Byte by byte, stopping at the first difference: no copies of long names.
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view text) {
    const char* ws = " \t\n\r\f\v";
    auto first = text.find_first_not_of(ws);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(ws) - first + 1);
}

std::string fold_name(std::string_view name) {
    // The typographic apostrophe is the one phones type; "D’Andre" and "D'Andre" are one name.
    std::string plain;
    for (std::size_t i = 0; i < name.size();) {
        const std::size_t quote = apostrophe_at(name, i);
        plain += quote > 0 ? std::string_view("'") : name.substr(i, 1);
        i += quote > 0 ? quote : 1;
    }
    // NFKC with case folding; marks stay, as they tell names apart (Zoë is not Zoe, and in many
    // scripts a vowel is a mark). Default-ignorable characters (zero-width joiners) go.
    utf8proc_uint8_t* out = nullptr;
    const auto n = utf8proc_map(
        reinterpret_cast<const utf8proc_uint8_t*>(plain.data()),
        static_cast<utf8proc_ssize_t>(plain.size()), &out,
        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                       UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
    const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
    if (n < 0) return plain;  // not UTF-8: compared byte for byte
    return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(n)};
}

bool same_name(std::string_view a, std::string_view b) {
    return a == b || fold_name(a) == fold_name(b);
}

namespace {

// A Cyrillic or Greek letter drawn like a Latin one, and that Latin letter: the common ones of
// Unicode's confusables.txt (TR39), in code point order.
struct Lookalike {
    char32_t letter;
    char latin;
};
constexpr Lookalike kLookalikes[] = {
    {U'\u0391', 'A'}, {U'\u0392', 'B'}, {U'\u0395', 'E'}, {U'\u0396', 'Z'}, {U'\u0397', 'H'},
    {U'\u0399', 'I'}, {U'\u039A', 'K'}, {U'\u039C', 'M'}, {U'\u039D', 'N'}, {U'\u039F', 'O'},
    {U'\u03A1', 'P'}, {U'\u03A4', 'T'}, {U'\u03A5', 'Y'}, {U'\u03A7', 'X'}, {U'\u03B1', 'a'},
    {U'\u03B9', 'i'}, {U'\u03BD', 'v'}, {U'\u03BF', 'o'}, {U'\u03C1', 'p'}, {U'\u03C5', 'u'},
    {U'\u0405', 'S'}, {U'\u0406', 'I'}, {U'\u0408', 'J'}, {U'\u0410', 'A'}, {U'\u0412', 'B'},
    {U'\u0415', 'E'}, {U'\u041A', 'K'}, {U'\u041C', 'M'}, {U'\u041D', 'H'}, {U'\u041E', 'O'},
    {U'\u0420', 'P'}, {U'\u0421', 'C'}, {U'\u0422', 'T'}, {U'\u0423', 'Y'}, {U'\u0425', 'X'},
    {U'\u0430', 'a'}, {U'\u0435', 'e'}, {U'\u043E', 'o'}, {U'\u0440', 'p'}, {U'\u0441', 'c'},
    {U'\u0443', 'y'}, {U'\u0445', 'x'}, {U'\u0455', 's'}, {U'\u0456', 'i'}, {U'\u0458', 'j'},
    {U'\u04BB', 'h'}, {U'\u0501', 'd'}, {U'\u051A', 'Q'}, {U'\u051B', 'q'}, {U'\u051C', 'W'},
    {U'\u051D', 'w'},
};

static_assert(std::is_sorted(std::begin(kLookalikes), std::end(kLookalikes),
                             [](const Lookalike& a, const Lookalike& b) {
                                 return a.letter < b.letter;
                             }),
              "kLookalikes is searched by halves: keep it in code point order");

// The Latin letter `c` is drawn like, or 0.
char latin_lookalike(std::uint32_t c) {
    const auto* it = std::lower_bound(std::begin(kLookalikes), std::end(kLookalikes), c,
                                      [](const Lookalike& l, std::uint32_t cp) {
                                          return static_cast<std::uint32_t>(l.letter) < cp;
                                      });
    return it != std::end(kLookalikes) && it->letter == c ? it->latin : 0;
}

// Calls fn(code point, its bytes) for each code point of `text` until fn returns true; false
// when `text` is not UTF-8.
template <typename Fn>
bool each_code_point(std::string_view text, Fn fn) {
    for (std::size_t i = 0; i < text.size();) {
        utf8proc_int32_t c = 0;
        const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                        static_cast<utf8proc_ssize_t>(text.size() - i), &c);
        if (n <= 0) return false;
        if (fn(static_cast<std::uint32_t>(c), text.substr(i, static_cast<std::size_t>(n))))
            return true;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

}  // namespace

std::string name_skeleton(std::string_view name) {
    std::string latin;
    latin.reserve(name.size());
    const bool utf8 = each_code_point(name, [&](std::uint32_t c, std::string_view bytes) {
        const char l = latin_lookalike(c);
        latin += l != 0 ? std::string_view(&l, 1) : bytes;
        return false;
    });
    return fold_name(utf8 ? std::string_view(latin) : name);
}

bool confusable(std::string_view a, std::string_view b) {
    return !same_name(a, b) && name_skeleton(a) == name_skeleton(b);
}

std::string lookalike_letter(std::string_view name) {
    std::string found;
    each_code_point(name, [&](std::uint32_t c, std::string_view bytes) {
        if (latin_lookalike(c) == 0) return false;
        found = fmt::format("{} {}", c < 0x0400 ? "Greek" : "Cyrillic", bytes);
        return true;
    });
    return found;
}

void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more, bool fold) {
    // One hash set of what is there, so merging n names into m costs n + m, not n * m.
    // Folded names are compared by their fold_name keys, as same_name does.
    auto key = [fold](const std::string& name) { return fold ? fold_name(name) : name; };
    std::unordered_set<std::string> seen;
    seen.reserve(names.size() + more.size());
    for (const auto& name : names)
        seen.insert(key(name));
    for (const auto& name : more)
        if (seen.insert(key(name)).second) names.push_back(name);
}

void check_name_count(std::size_t count, std::string_view field, std::string_view what) {
    if (count > kMaxNamesPerEntry)
        throw UsageError(fmt::format("{}: {} {} given; an entry holds at most {}", field, count,
                                     what, kMaxNamesPerEntry));
}

std::vector<std::string> extract_tags(std::string_view text) {
    std::vector<std::string> tags;
    std::vector<std::string> lowered;
    for (auto& w : marked_words(text, '#'))
        lowered.push_back(to_lower(w));
    merge_names(tags, lowered, false);
    return tags;
}

std::vector<std::string> extract_kids(std::string_view text) {
    std::vector<std::string> kids;
    merge_names(kids, marked_words(text, '@', true), true);
    return kids;
}

std::vector<std::string> extract_mentions(std::string_view text) {
    std::vector<std::string> names;
    merge_names(names, marked_words(text, '@'), true);
    return names;
}

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

std::string join_and(const std::vector<std::string>& items) {
    if (items.empty()) return "";
    if (items.size() == 1) return items[0];
    std::string out;
    for (std::size_t i = 0; i + 1 < items.size(); ++i)
        out += (i ? ", " : "") + items[i];
    return out + " and " + items.back();
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string single_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string fish_quoted(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\\' || c == '\'') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string format_uuid(std::array<unsigned char, 16> b, int version) {
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | (version << 4));
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // the RFC 4122 variant
    std::string out;
    for (std::size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += fmt::format("{:02x}", b[i]);
    }
    return out;
}

}  // namespace guilt
