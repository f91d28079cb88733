// SPDX-License-Identifier: MIT
// Reading what she typed: #tags and @Kid mentions, UTF-8 checks, and short quotes for display.
// Pure functions.
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

// The @Name mentions in `text`, case kept, in order, without duplicates (compared with
// same_name). A name keeps inner apostrophes and hyphens ("@D'Andre", "@Mary-Kate"), not a
// trailing possessive ("@Sam's" names Sam). An '@' inside a word (an e-mail address) does not
// count.
std::vector<std::string> extract_kids(std::string_view text);

// The key two spellings of one name share: Unicode NFKC with full case folding (utf8proc), the
// typographic apostrophe as "'", default-ignorable characters dropped. Accents are kept: "ZOË"
// and "zoë" fold alike, "Zoe" does not. Text that is not UTF-8 is its own key.
std::string fold_name(std::string_view name);

// True when `a` and `b` are spellings of one name (their fold_name keys are equal).
bool same_name(std::string_view a, std::string_view b);

// Appends `more` to `names` skipping names already present; `fold` compares with same_name.
void merge_names(std::vector<std::string>& names, const std::vector<std::string>& more, bool fold);

// ASCII lower-case copy (other bytes unchanged).
std::string to_lower(std::string_view text);

// True when a and b are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);

// Copy without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

// Throws UsageError naming `field` when `text` is not valid UTF-8, holds a NUL or another
// control character than tab and newline, or is longer than kMaxTextBytes.
void check_text(std::string_view text, std::string_view field);

// At most `max_chars` characters of `text` on one line (newlines become spaces), ending in "…"
// when cut. Never splits a UTF-8 sequence.
std::string shorten(std::string_view text, std::size_t max_chars);

// Number of characters (code points) in valid UTF-8 text.
std::size_t display_width(std::string_view text);

// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& items);

// `text` in single quotes, as one word for sh, bash, zsh and fish: 'it'\''s'.
std::string single_quoted(std::string_view text);

// Sixteen bytes as an RFC 4122 UUID, "xxxxxxxx-xxxx-Vxxx-Nxxx-xxxxxxxxxxxx", with the bits of
// `version` (4 random, 8 custom) and of the variant set.
std::string format_uuid(std::array<unsigned char, 16> bytes, int version);

// "1 entry", "3 entries": n and the word that goes with it.
std::string plural(std::int64_t n, std::string_view one, std::string_view many);

}  // namespace guilt
