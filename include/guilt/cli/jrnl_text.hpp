// SPDX-License-Identifier: MIT
// jrnl's plain-text journal file ("[2026-11-25 18:05] title" lines, each followed by its body),
// read as the entries `jrnl --export json` would write for it, so that both import alike.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace guilt {

// Receives one entry as jrnl's JSON export writes it (date, time, title, body, tags, starred) and
// the line of the file it starts on.
using JrnlEntrySink = std::function<void(const nlohmann::json& entry, std::size_t line)>;

// One entry's text is at most this long (check_text refuses much less).
inline constexpr std::size_t kMaxJrnlEntryBytes = 4u << 20;

// True when `line` starts a jrnl entry: "[2026-11-25 18:05] ..." (or "[2026-11-25 06:05 PM]").
bool is_jrnl_header(std::string_view line);

// Reads every entry of a jrnl file whose first line (blank lines and a byte order mark already
// skipped) is `first_line` and the rest `rest`. Throws UsageError "line L: ..." for text before
// the first entry, or an entry past kMaxJrnlEntryBytes.
void read_jrnl_text(std::string first_line, std::istream& rest, const JrnlEntrySink& on_entry);

}  // namespace guilt
