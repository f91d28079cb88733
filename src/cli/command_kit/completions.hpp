// SPDX-License-Identifier: MIT
// What the three completion scripts share (src/cli/command_kit/ only): the walk over the command
// model and the names each script gives a command; and the scripts themselves, one file each
// (completions_bash.cpp, completions_zsh.cpp, completions_fish.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "command_kit/cli_model.hpp"

namespace guilt::completion {

// The items joined by spaces, for a list of words in a script.
std::string words(const std::vector<std::string>& items);

// A command's path as one key: "priority add".
std::string path_key(const CommandModel& cmd);

// The zsh function that completes a command path: "_guilt_cmd_priority_add".
std::string function_name(const CommandModel& cmd);

// Calls `fn` for `cmd` and every command below it, parents first.
void for_each_command(const CommandModel& cmd, const std::function<void(const CommandModel&)>& fn);

// Whether an option of guilt itself also works after any command (--db, --json, --no-color).
bool is_global(const OptionModel& o);

// The options of guilt itself that also work after any command.
std::vector<OptionModel> global_options(const CommandModel& root);

// The options offered at `cmd`: its own, then the global ones.
std::vector<OptionModel> options_at(const CommandModel& cmd,
                                    const std::vector<OptionModel>& globals);

// The scripts, written from the command model.
std::string bash_script(const CommandModel& root);
std::string zsh_script(const CommandModel& root);
std::string fish_script(const CommandModel& root);

}  // namespace guilt::completion
