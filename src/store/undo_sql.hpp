// SPDX-License-Identifier: MIT
// The SQL words the undo log writes with (src/store/undo_log.cpp records a change,
// undo_replay.cpp plays it back): quoted names, literals and JSON paths, and the table whose rows
// the summary counts as entries. Private to the store.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace guilt::undo_sql {

// The table whose rows the summary counts as entries.
inline constexpr std::string_view kEntries = "entries";

inline std::string ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

inline std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// A JSON path to the member `name`.
inline std::string path(std::string_view name) {
    return literal(fmt::format("$.{}", ident(name)));
}

}  // namespace guilt::undo_sql
