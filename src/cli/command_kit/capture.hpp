// SPDX-License-Identifier: MIT
// What the capture commands (log, win, run, engage, deposit) share with edit: their options as
// typed, and turning those into an entry's fields with clear errors.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/types.hpp"

namespace guilt {

// Every capture option, as typed; an empty optional means "not given".
struct CaptureOptions {
    std::vector<std::string> words;   // TEXT...
    std::optional<std::string> text;  // edit --text
    std::optional<std::string> intensity, when, felt, kind, note, distance, duration;
    std::vector<std::string> tags, kids, with;
    bool child_led = false;
    bool not_child_led = false;  // edit --no-child-led
};

// Declares -w/--when, and the options of one entry type, on `cmd`.
void add_when_option(Command& cmd, CaptureOptions& o, std::string_view fallback = "now");
void add_guilt_options(Command& cmd, CaptureOptions& o);
void add_tag_kid_options(Command& cmd, CaptureOptions& o);  // -t/--tag, -k/--kid (log, win)
void add_run_options(Command& cmd, CaptureOptions& o);
void add_engage_options(Command& cmd, CaptureOptions& o);

// Applies the options given to `e`, whose type decides which options apply. Throws
// UsageError naming the option and value for a bad value or an option of another type.
void apply_options(const CaptureOptions& o, Entry& e, Context& ctx);

// The words of a DURATION as she typed them apart ("20 minutes", "half an hour"), joined into
// one; words past the duration are refused ("`takes`, got 'x' too"), naming the first, with
// `hint` (a command that works, from the duration as typed).
std::string joined_duration(const std::vector<std::string>& words, std::string_view takes,
                            const std::function<std::string(const std::string&)>& hint);

// The minutes in a DURATION (at least 1), e.g. for engage and deposit.
int parse_minutes(const std::string& text, const std::string& field);

// A new entry of `type` (guilt or win) from her words: TEXT... joined, else piped stdin, else
// what she writes in the editor, without trailing newlines; at now or --when, with the options
// given; then handed to `save`. Throws UsageError when the words are empty, saying nothing was
// saved and showing `example`. Text written in the editor is kept when `save` throws.
void capture_entry(EntryType type, const CaptureOptions& o, Context& ctx, std::string_view example,
                   const std::function<void(Entry&)>& save);

// Checks the text, then records its #tags and @kids on `e` (beside those given by flag).
void set_text(Entry& e, std::string text, const std::string& field);

// Saves a new entry in one transaction and confirms it: JSON on stdout with --json, else one
// line on stderr; then a hint for each new kid whose name looks like a kid's already there.
void save_and_confirm(Entry& e, Context& ctx);

// A kid's name for a message, escaped, with the letter that makes it look like another name:
// "Аnna (with a Cyrillic А)".
std::string described_kid(const std::string& name);

}  // namespace guilt
