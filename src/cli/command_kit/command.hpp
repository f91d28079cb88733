// SPDX-License-Identifier: MIT
// How a command declares itself: its subcommands, options, flags and what runs, without CLI11's
// header. CLI11 defines every member inline, so each file that included it compiled its parser
// again; only command.cpp (and cli.cpp, cli_model.cpp, which walk the parsed model) include it.
// A Command and an Option are handles on CLI11's objects, cheap to copy into a callback.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace guilt {

struct ChoiceAlias;

// An option, a flag or a positional argument of a command.
class Option {
  public:
    explicit Option(CLI::Option* option) : m_option(option) {}

    Option required();
    Option option_text(const std::string& text);  // the value's name in --help: "ID", "[YYYY]"
    Option group(const std::string& name);        // "": kept out of --help and the generators
    Option expected(int min, int max);            // how many values it takes
    Option delimiter(char separator);             // --with moms,friends
    Option allow_extra_args(bool allow);
    // Only these values (see set_choices in cli_model.hpp).
    Option choices(std::span<const std::string_view> values,
                   std::span<const ChoiceAlias> aliases = {});
    Option choices(const std::vector<std::string>& values,
                   std::span<const ChoiceAlias> aliases = {});
    // Changes the value before the checks added earlier run (the one added last runs first).
    Option transform(std::function<std::string(std::string)> change);
    // Looks at the value before the checks added earlier run, and throws to refuse it.
    Option precheck(std::function<void(const std::string&)> check, const std::string& name);

    bool given() const;  // whether she gave it on this command line

    CLI::Option* cli() const { return m_option; }

  private:
    CLI::Option* m_option;
};

// A command (or guilt itself): what it takes and what it runs.
class Command {
  public:
    explicit Command(CLI::App* app) : m_app(app) {}

    Command subcommand(const std::string& name, const std::string& help);

    Option option(const std::string& names, std::string& into, const std::string& help = "");
    Option option(const std::string& names, std::optional<std::string>& into,
                  const std::string& help = "");
    Option option(const std::string& names, std::vector<std::string>& into,
                  const std::string& help = "");
    Option option(const std::string& names, int& into, const std::string& help = "");
    Option option(const std::string& names, std::optional<int>& into, const std::string& help = "");
    Option option(const std::string& names, std::int64_t& into, const std::string& help = "");
    Option option(const std::string& names, std::optional<std::int64_t>& into,
                  const std::string& help = "");
    Option option(const std::string& names, double& into, const std::string& help = "");
    Option option(const std::string& names, std::optional<double>& into,
                  const std::string& help = "");
    Option flag(const std::string& names, bool& into, const std::string& help);

    Command footer(const std::string& text);  // the notes and examples that end its --help
    // A footer written only when --help or the manual asks for it: for one that reads data files,
    // which every other run of guilt should not pay for.
    Command footer(std::function<std::string()> text);
    Command group(const std::string& name);  // "": kept out of --help and the generators
    Command require_subcommand(int min, int max);
    Command require_subcommand(int count) { return require_subcommand(count, count); }
    // What runs when the command is on the command line (after its options are read).
    Command callback(std::function<void()> run);

    // Whether one of its subcommands is on the command line.
    bool ran_a_subcommand() const;

    CLI::App* cli() const { return m_app; }

  private:
    CLI::App* m_app;
};

}  // namespace guilt
