// SPDX-License-Identifier: MIT
// Tags, kid mentions and the small text helpers the rest of guilt shares.
#include "guilt/core/text.hpp"

#include <fmt/format.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
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
