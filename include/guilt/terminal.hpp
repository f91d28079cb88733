// SPDX-License-Identifier: MIT
// The terminal side of guilt: is this a terminal, how wide, colour, asking a question, and
// handing her text to $VISUAL/$EDITOR on a private temporary file.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace guilt {

bool is_terminal(std::FILE* stream);

// Columns of the terminal on stdout; 80 when unknown. Default: 80.
int terminal_width();

// Columns for prose and tables: the terminal's, at most 80 (long lines are hard to read).
int prose_width();

// Whether the locale's characters are UTF-8: the first of LC_ALL, LC_CTYPE and LANG that is set
// names UTF-8 or utf8 (any case). False when none is set.
bool utf8_locale();

// Everything readable from `stream`.
std::string read_all(std::FILE* stream);

enum class Style { bold, dim, accent, warn };

// `text` wrapped in the ANSI codes of `style` when `on`, else unchanged.
std::string paint(std::string_view text, Style style, bool on);

// Writes `question` to stderr and reads one line from stdin. nullopt at end of input (Ctrl-D).
std::optional<std::string> ask(std::string_view question);

// The command that edits files: `preferred` when set, else $VISUAL, else $EDITOR, else "vi".
std::string editor_command(const std::string& preferred);

// Opens `initial` in the editor on a 0600 temporary file and returns what was saved. Throws
// StoreError when the editor cannot be started or fails.
std::string edit_in_editor(const std::string& initial, const std::string& editor);

// Writes `content` to `path` through a 0600 temporary file beside it and a rename, so readers
// see the old file or the new one, never half of it. Throws StoreError naming the path.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace guilt
