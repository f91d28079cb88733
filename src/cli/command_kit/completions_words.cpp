// SPDX-License-Identifier: MIT
// What the three completion scripts share: the walk over the command model, and names.
#include <fmt/format.h>

#include <cctype>

#include "completions.hpp"
#include "guilt/core/text.hpp"

namespace guilt::completion {

std::string words(const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, " "));
}

std::string path_key(const CommandModel& cmd) {
    return words(cmd.path);
}

// The zsh function that completes a command path: "_guilt_cmd_priority_add".
std::string function_name(const CommandModel& cmd) {
    std::string name = "_guilt_cmd";
    for (const auto& part : cmd.path)
        name += "_" + part;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

void for_each_command(const CommandModel& cmd, const std::function<void(const CommandModel&)>& fn) {
    fn(cmd);
    for (const auto& sub : cmd.commands)
        for_each_command(sub, fn);
}

// Whether an option of guilt itself also works after any command (--db, --json, --no-color).
bool is_global(const OptionModel& o) {
    return o.names.back() != "--help" && o.names.back() != "--version";
}

std::vector<OptionModel> global_options(const CommandModel& root) {
    std::vector<OptionModel> out;
    for (const auto& o : root.options)
        if (is_global(o)) out.push_back(o);
    return out;
}

// The options offered at `cmd`: its own, then the global ones.
std::vector<OptionModel> options_at(const CommandModel& cmd,
                                    const std::vector<OptionModel>& globals) {
    auto out = cmd.options;
    if (!cmd.path.empty()) out.insert(out.end(), globals.begin(), globals.end());
    return out;
}

}  // namespace guilt::completion
