// SPDX-License-Identifier: MIT
// Reading what she typed: #tags and @Kid mentions, UTF-8 checks, and short quotes for display.
// Pure functions: text.cpp, and utf8.cpp for checks, escapes, widths and wrapping.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guilt {

// The longest text one entry may hold, in bytes.
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;

// The #tags in `text`, lower-cased, without '#', in order of first appearance, no duplicates.
// A '#' counts only at the start or after a non-word character, and a tag must hold a letter.
std::vector<std::string> extract_tags(std::string_view text);

// The @Name mentions in `text` that name a kid (not names_someone_else), case kept, in order,
// without duplicates (compared with same_name). A name keeps inner apostrophes and hyphens
// ("@D'Andre", "@Mary-Kate"), not a trailing possessive ("@Sam's" names Sam). An '@' inside a word
// (an e-mail address) does not count.
std::vector<std::string> extract_kids(std::string_view text);

// True when the @Name at text[at, end) (from the '@' to the name's end) is someone other than
// her child by the word beside it: a relation that is never her child ("my niece @Mia", "her
// friend @Zoe", "@Mia (my niece)", "@Dan, my husband"), or a sibling she calls hers ("my sister
// @Ana"; "his sister @Ana" is her daughter). extract_kids leaves such a name out.
bool names_someone_else(std::string_view text, std::size_t at, std::size_t end);

// Every @Name mention in `text`, as extract_kids finds them but with the relations kept: what
// `guilt kids is-a-kid` links back, since she has said the name is a kid.
std::vector<std::string> extract_mentions(std::string_view text);

// The key two spellings of one name share: Unicode NFKC with full case folding (utf8proc), the
// typographic apostrophe as "'", default-ignorable characters dropped. Accents are kept: "ZOË"
// and "zoë" fold alike, "Zoe" does not. Text that is not UTF-8 is its own key.
std::string fold_name(std::string_view name);

// True when `a` and `b` are spellings of one name (their fold_name keys are equal).
bool same_name(std::string_view a, std::string_view b);

// The key two names that look alike share, in the spirit of Unicode TR39's skeleton: each
// Cyrillic or Greek letter drawn like a Latin one (А, а, Ν, ο, ...: a short table, the common
// ones) read as that Latin letter, then fold_name. "Anna" and "Аnna" (Cyrillic А) share one.
std::string name_skeleton(std::string_view name);

// True when `a` and `b` are two names (not same_name) that look alike: one name_skeleton.
bool confusable(std::string_view a, std::string_view b);

// The first letter of `name` that name_skeleton reads as a Latin one, after its script:
// "Cyrillic А"; empty when it has none.
std::string lookalike_letter(std::string_view name);

// The most tags, and the most kids, one entry may hold.
inline constexpr std::size_t kMaxNamesPerEntry = 32;

// Appends `more` to `names` skipping names already present; `fold` compares with same_name.
// Linear in the size of both lists.
void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more, bool fold);

// Throws UsageError "FIELD: COUNT WHAT given; an entry holds at most 32" when `count` is over
// kMaxNamesPerEntry (`what` is "tags" or "kids").
void check_name_count(std::size_t count, std::string_view field, std::string_view what);

// ASCII lower-case copy (other bytes unchanged).
std::string to_lower(std::string_view text);

// The text as typed, in double quotes, with '"' and '\\' escaped and control characters shown as
// \x0a, so that a message naming it stays on one line: "5 k\x0a".
std::string quoted(std::string_view text);

// True when a and b are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

// Copy without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Throws UsageError naming `field` and the code point when `text` is not valid UTF-8, holds a
// control character other than tab and newline (C0 with CR, DEL, C1 U+0080-U+009F) or a bidi
// embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), or is longer than
// kMaxTextBytes.
void check_text(std::string_view text, std::string_view field);

// True when `text` shows nothing: it holds only white space (ASCII, and Unicode's: NBSP U+00A0,
// U+3000, U+2000-U+200A, ...), format and default-ignorable characters (U+200B, U+2060, U+FEFF,
// the Hangul fillers) or the blank Braille pattern U+2800. Such text is refused as empty
// wherever words are needed (an entry's text, a kid's name, a priority, a motto), at the
// command line and in an import. Text that is not valid UTF-8 is not blank.
bool is_blank(std::string_view text);

// True when `text` holds what check_text refuses (bytes that are not UTF-8, control or bidi
// characters): text planted in a journal by another program.
bool has_unprintable(std::string_view text);

// True when every byte of `text` belongs to a valid UTF-8 sequence.
bool is_utf8(std::string_view text);

// `text` safe to print on a terminal: what has_unprintable() finds is shown escaped (\x1b,
// \u0085, \u202e, and \xff for a byte that is not UTF-8); everything else, tab and newline
// included, is unchanged.
std::string visible(std::string_view text);

// At most `max_columns` columns of `text` (as display_width counts them) on one line (newlines
// and tabs become spaces, unprintable characters are escaped as by visible()), ending in "…"
// when cut. Never splits a UTF-8 sequence, nor a letter from the combining marks that follow it.
std::string shorten(std::string_view text, std::size_t max_columns);

// Columns `text` takes on a terminal, after utf8proc: East Asian wide characters and emoji take
// two, combining marks and zero-width characters none, the rest one (a byte that is not UTF-8
// too).
std::size_t display_width(std::string_view text);

// `text` in lines of at most `width` columns (display_width), broken at spaces only: a word, a
// figure ("-1.5") or a quote's word is never cut, and a word wider than the line stands alone
// on a line of its own. The first line starts with `first_indent`, the others with `indent`
// (both count in the width); runs of spaces are one; a newline in `text` starts a new line, and
// an empty one between two newlines stays. Every view for the terminal wraps through here.
std::vector<std::string> wrap_lines(std::string_view text, std::size_t width,
                                    std::string_view first_indent = "",
                                    std::string_view indent = "");

// wrap_lines() with every line starting with `indent`, each ending in a newline.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent = "");

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& items);

// `text` in single quotes, as one word for sh, bash, zsh and fish: 'it'\''s'.
std::string single_quoted(std::string_view text);

// `text` inside fish's single quotes, where a backslash escapes a quote or a backslash: 'a\\b'.
std::string fish_quoted(std::string_view text);

// Sixteen bytes as an RFC 4122 UUID, "xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx", with the bits of
// `version` (4 random, 8 custom) and of the variant set.
std::string format_uuid(std::array<unsigned char, 16> bytes, int version);

// `v` with one decimal, "5.6", never "-0.0": the figures every report shows.
std::string one_decimal(double v);

// "1 entry", "3 entries": n and the word that goes with it.
std::string plural(std::int64_t n, std::string_view one, std::string_view many);

}  // namespace guilt
