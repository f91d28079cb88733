// SPDX-License-Identifier: MIT
// The command-line definition read back as plain data, for what is generated from it (the shell
// completions and the manual), and the values an option accepts, recorded on the option itself.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace guilt {

// Another name of a choice: {"markdown", "md"}.
struct ChoiceAlias {
    std::string_view alias, choice;
};

// Makes `opt` take only `values` (in any case, blanks around ignored, or by an alias) and hold
// the value as written in `values`; anything else stops the parse with the UsageError "--format
// must be one of text, md, got "yaml"" (a positional is named by its option text, else its name
// in capitals). Records the values on `opt`, so --help shows them as {a,b,c} (unless the option
// has an option_text) and the generators read them back. Returns `opt`.
CLI::Option* set_choices(CLI::Option* opt, std::span<const std::string_view> values,
                         std::span<const ChoiceAlias> aliases = {});
CLI::Option* set_choices(CLI::Option* opt, const std::vector<std::string>& values,
                         std::span<const ChoiceAlias> aliases = {});

// Where the value of an option or argument can be completed from.
enum class ValueSource {
    none,     // anything she types (a WHEN, a number, words)
    choices,  // one of `choices`
    files,    // a file name (its value name is FILE or PATH)
    tags,     // a tag from her journal (--tag)
    kids,     // a child's name from her journal (--kid)
};

struct OptionModel {
    std::vector<std::string> names;  // "-t", "--tag"; for an argument, its name ("text")
    std::string value_name;  // an option's as --help shows it ("TEXT", "FILE", "{km,mi}"; "" for
                             // a flag); an argument's as a synopsis shows it ("[WEEK]", "TEXT...")
    std::string description;
    bool takes_value = false;
    bool repeatable = false;  // a vector: the option may be given again, the argument takes words
    bool required = false;
    ValueSource source = ValueSource::none;
    std::vector<std::string> choices;
};

struct CommandModel {
    std::vector<std::string> path;  // {"priority", "add"}; empty for guilt itself
    std::string description;
    std::string footer;                  // the examples and notes that end its --help
    std::vector<OptionModel> options;    // named options, --help included
    std::vector<OptionModel> arguments;  // positional arguments, in order
    std::vector<CommandModel> commands;  // its visible subcommands; hidden ones (group "") left out
};

// The tree of visible commands under `app`, with their options and arguments.
CommandModel describe_cli(const CLI::App& app);

// A command's footer as written: CLI11 ends one written on demand (Command::footer with a
// function) with a line break of its own, which --help and the manual leave out.
std::string footer_of(const CLI::App& app);

// Gives `app` (and the subcommands added after) the help layout that reads footers through
// footer_of.
void use_help_formatter(CLI::App& app);

// "guilt priority add".
std::string command_line(const CommandModel& cmd);

}  // namespace guilt
