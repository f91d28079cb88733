// SPDX-License-Identifier: MIT
// The terminal side of guilt: is this a terminal, how wide, colour, asking a question, and
// handing her text to $VISUAL/$EDITOR on a private temporary file.
#pragma once

#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "guilt/cli/output_file.hpp"  // write_file_atomically, for the commands that write -o

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

// The command that edits files: `editor = COMMAND` in her config file
// ($XDG_CONFIG_HOME/guilt/config, else ~/.config/guilt/config), else $VISUAL, else $EDITOR,
// else "vi". Never from the journal: a journal from someone else would run its own command.
std::string editor_command();

// What she wrote in the editor, with the temporary file that holds it. The file stays until
// discard(), so that her words survive a refusal or a failed save.
class EditorDraft {
  public:
    std::string text;
    ~EditorDraft();
    EditorDraft() = default;
    EditorDraft(EditorDraft&& other) noexcept
        : text(std::move(other.text)), m_path(std::exchange(other.m_path, {})) {}
    EditorDraft& operator=(EditorDraft&&) = delete;

    // The temporary file, or empty once discarded.
    const std::string& path() const { return m_path; }
    // Removes the temporary file: her words are saved, or there were none.
    void discard();

  private:
    friend EditorDraft edit_in_editor(const std::string& initial);
    std::string m_path;
};

// Opens `initial` in editor_command() on a 0600 temporary file and returns what was saved. A
// signal that ends guilt while the editor is open removes the file. Throws StoreError (and
// removes the file) when the editor cannot be started or fails.
EditorDraft edit_in_editor(const std::string& initial);

// Runs `save`; then discards the draft. When `save` throws, the draft is kept and the error is
// thrown again, of the same kind (UsageError or StoreError), saying where her text is.
void saving_draft(EditorDraft& draft, const std::function<void()>& save);

}  // namespace guilt
