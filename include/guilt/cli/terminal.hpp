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
#include "guilt/cli/private_folder.hpp"

namespace guilt {

bool is_terminal(std::FILE* stream);

// Columns to write to `stream` in: $COLUMNS when it is a number (20 to 1000), else the width of
// the terminal `stream` is on, else 80 (a pipe, a file).
int terminal_width(std::FILE* stream = stdout);

// Columns for prose and tables on stdout: terminal_width(). The views wrap to it (wrap_lines),
// so a wide terminal shows longer lines and a narrow one more of them; nothing is cut.
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

// What she wrote in the editor, with the temporary file that holds it, in a private (0700)
// folder of its own in $TMPDIR where the editor's files (a swap file) go too. The folder goes,
// with everything in it, with the draft, unless keep() was called: her words survive a refusal
// or a failed save.
class EditorDraft {
  public:
    std::string text;
    ~EditorDraft();
    EditorDraft() = default;
    EditorDraft(EditorDraft&& other) noexcept;
    EditorDraft& operator=(EditorDraft&&) = delete;

    // The file with her words, or empty once discarded.
    const std::string& path() const { return m_path; }
    // Removes the folder and everything in it: her words are saved, or there were none.
    void discard();
    // Keeps the file with her words (and only it: the editor's files go) after the draft goes.
    void keep();

  private:
    friend EditorDraft edit_in_editor(const std::string& initial);
    std::string m_path;
    std::optional<PrivateFolder> m_folder;
};

// Opens `initial` in editor_command() on a 0600 file in a private folder and returns what was
// saved. Ctrl-C goes to the editor; a signal that ends guilt while the editor is open removes
// the folder. Throws StoreError (and removes the folder) when the editor cannot be started or
// fails.
EditorDraft edit_in_editor(const std::string& initial);

// Runs `save`; then discards the draft. When `save` throws, the draft is kept and the error is
// thrown again, of the same kind (UsageError or StoreError), saying where her text is.
void saving_draft(EditorDraft& draft, const std::function<void()>& save);

}  // namespace guilt
