// SPDX-License-Identifier: MIT
// The one place commands reach CLI11 through: each call is CLI11's own, so option names, help,
// type names and errors are what CLI11 makes of them.
#include "command.hpp"

#include <CLI/CLI.hpp>

#include "cli_model.hpp"

namespace guilt {

Option Option::required() {
    m_option->required();
    return *this;
}

Option Option::option_text(const std::string& text) {
    m_option->option_text(text);
    return *this;
}

Option Option::group(const std::string& name) {
    m_option->group(name);
    return *this;
}

Option Option::expected(int min, int max) {
    m_option->expected(min, max);
    return *this;
}

Option Option::delimiter(char separator) {
    m_option->delimiter(separator);
    return *this;
}

Option Option::allow_extra_args(bool allow) {
    m_option->allow_extra_args(allow);
    return *this;
}

Option Option::choices(std::span<const std::string_view> values,
                       std::span<const ChoiceAlias> aliases) {
    set_choices(m_option, values, aliases);
    return *this;
}

Option Option::choices(const std::vector<std::string>& values,
                       std::span<const ChoiceAlias> aliases) {
    set_choices(m_option, values, aliases);
    return *this;
}

Option Option::transform(std::function<std::string(std::string)> change) {
    m_option->transform(std::move(change));
    return *this;
}

Option Option::precheck(std::function<void(const std::string&)> check, const std::string& name) {
    m_option->transform(CLI::Validator(
        [check = std::move(check)](std::string& value) {
            check(value);
            return std::string();
        },
        "", name));
    return *this;
}

bool Option::given() const {
    return m_option->count() > 0;
}

Command Command::subcommand(const std::string& name, const std::string& help) {
    return Command(m_app->add_subcommand(name, help));
}

// One definition per type CLI11 reads a value into; CLI11's add_option is a template.
#define GUILT_COMMAND_OPTION(Type)                                                          \
    Option Command::option(const std::string& names, Type& into, const std::string& help) { \
        return Option(m_app->add_option(names, into, help));                                \
    }
GUILT_COMMAND_OPTION(std::string)
GUILT_COMMAND_OPTION(std::optional<std::string>)
GUILT_COMMAND_OPTION(std::vector<std::string>)
GUILT_COMMAND_OPTION(int)
GUILT_COMMAND_OPTION(std::optional<int>)
GUILT_COMMAND_OPTION(std::int64_t)
GUILT_COMMAND_OPTION(std::optional<std::int64_t>)
GUILT_COMMAND_OPTION(double)
GUILT_COMMAND_OPTION(std::optional<double>)
#undef GUILT_COMMAND_OPTION

Option Command::flag(const std::string& names, bool& into, const std::string& help) {
    return Option(m_app->add_flag(names, into, help));
}

Command Command::footer(const std::string& text) {
    m_app->footer(text);
    return *this;
}

Command Command::footer(std::function<std::string()> text) {
    m_app->footer(std::string());  // not the parent's, which CLI11 would add after this one
    m_app->footer(std::move(text));
    return *this;
}

Command Command::group(const std::string& name) {
    m_app->group(name);
    return *this;
}

Command Command::require_subcommand(int min, int max) {
    if (min == max)
        m_app->require_subcommand(min);
    else
        m_app->require_subcommand(static_cast<std::size_t>(min), static_cast<std::size_t>(max));
    return *this;
}

Command Command::callback(std::function<void()> run) {
    m_app->callback(std::move(run));
    return *this;
}

bool Command::ran_a_subcommand() const {
    return !m_app->get_subcommands().empty();
}

}  // namespace guilt
