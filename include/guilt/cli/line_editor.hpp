// SPDX-License-Identifier: MIT
// Reading her answers at the terminal. A line editor on libedit (arrows, Home/End, Delete, word
// erase, paste and bracketed paste, UTF-8; no history file: her answers are private), a
// one-key question, and the pure rules the tests pin down: what a paste becomes in one line, and
// which control character an answer holds.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace guilt {

// The first control character in the UTF-8 text `line` (C0 including tab, DEL, or C1), or
// nullopt when it holds none.
std::optional<char32_t> first_control_character(std::string_view line);

// Pasted text as it goes into one line: each run of line breaks and tabs becomes one space, and
// other control characters are dropped.
std::string flatten_paste(std::string_view pasted);

// `line` without its control characters (as first_control_character finds them).
std::string without_control_characters(std::string_view line);

// "1b" for an escape, "7f" for DEL: how a refused control character is named to her.
std::string control_character_name(char32_t c);

// The line editor of one answer session, on the terminal of stdin, echoing on stderr. Between
// two reads the terminal is as it was; on Ctrl-C, a hang-up or SIGTERM during a read, the
// terminal is restored before the signal takes its usual course.
class LineEditor {
  public:
    // Throws StoreError when the terminal cannot be set up for editing.
    LineEditor();
    ~LineEditor();
    LineEditor(const LineEditor&) = delete;
    LineEditor& operator=(const LineEditor&) = delete;

    // Shows `prompt` and reads one line (UTF-8, without the newline), which starts as `initial`
    // (without its control characters) for her to edit; nullopt at Ctrl-D on an empty line, or
    // when the terminal is gone.
    std::optional<std::string> read_line(std::string_view prompt, std::string_view initial = "");

    // Shows `question` and waits for one key among `keys` (Enter counts as '\n'), without echo;
    // other keys are ignored. nullopt at Ctrl-D, or when the terminal is gone.
    std::optional<char> read_key(std::string_view question, std::string_view keys);

    struct Impl;

  private:
    std::unique_ptr<Impl> m_impl;
};

}  // namespace guilt
