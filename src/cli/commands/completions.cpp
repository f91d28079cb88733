// SPDX-License-Identifier: MIT
// guilt completions bash|zsh|fish: a completion script written from the command definitions
// themselves (commands, options, arguments, the values they accept), so it cannot drift from
// them. Tags and kid names come from her journal at completion time, through `guilt complete`.
#include <fmt/format.h>

#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/completions.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr std::string_view kShells[] = {"bash", "zsh", "fish"};

// The completion script for `shell` of the command line `model` describes.
void run_completions(const std::string& shell, const CommandModel& model, Context& ctx) {
    std::string script;
    if (shell == "bash")
        script = completion::bash_script(model);
    else if (shell == "zsh")
        script = completion::zsh_script(model);
    else  // fish: set_choices
        script = completion::fish_script(model);
    if (ctx.json)
        std::cout << nlohmann::ordered_json{{"shell", shell}, {"script", script}}.dump(2) << '\n';
    else
        std::cout << script;
}

}  // namespace

void setup_completions(Command& app, Context& ctx) {
    auto shell = std::make_shared<std::string>();
    auto cmd =
        app.subcommand("completions", "Print the shell completion script for bash, zsh or fish");
    cmd.option("shell", *shell, "The shell").required().option_text("SHELL").choices(kShells);
    cmd.footer(R"(Tags and kid names complete from your journal. To load the completions:
  bash   source <(guilt completions bash)          (in ~/.bashrc)
  zsh    guilt completions zsh > ~/.zfunc/_guilt   (with fpath+=~/.zfunc before compinit)
  fish   guilt completions fish > ~/.config/fish/completions/guilt.fish
Installed from the package or with make install, they load by themselves.

Examples:
  guilt completions bash > ~/.local/share/bash-completion/completions/guilt
  guilt completions zsh > ~/.zfunc/_guilt
  guilt completions fish | source)");
    cmd.callback([shell, &app, &ctx] { run_completions(*shell, describe_cli(*app.cli()), ctx); });
}

}  // namespace guilt
