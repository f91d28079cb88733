// SPDX-License-Identifier: MIT
// The CLI11 definition read back as a CommandModel; an option's choices are kept as its type
// name, "{a,b,c}", so --help shows them and nothing else has to remember them.
#include "cli_model.hpp"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>

#include "guilt/core/entry_rules.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// The values of a type name "{a,b,c}"; empty for any other type name.
std::vector<std::string> parse_choices(std::string_view type_name) {
    std::vector<std::string> out;
    if (type_name.size() < 3 || type_name.front() != '{' || type_name.back() != '}') return out;
    type_name = type_name.substr(1, type_name.size() - 2);
    for (std::size_t start = 0;;) {
        auto comma = type_name.find(',', start);
        out.emplace_back(type_name.substr(start, comma - start));
        if (comma == std::string_view::npos) return out;
        start = comma + 1;
    }
}

// "--when" as "WHEN".
std::string upper(const std::string& name) {
    std::string out;
    for (char c : name)
        if (c != '-') out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

// A value name without the brackets and dots of a synopsis: "[FILE]" is "FILE".
std::string bare_name(const std::string& value_name) {
    std::string out;
    for (char c : value_name)
        if (c != '[' && c != ']' && c != '.') out += c;
    return out;
}

bool has_long_name(const CLI::Option& opt, const std::string& name) {
    const auto& names = opt.get_lnames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

OptionModel describe_option(const CLI::Option& opt) {
    OptionModel m;
    if (opt.nonpositional()) {
        for (const auto& s : opt.get_snames())
            m.names.push_back("-" + s);
        for (const auto& l : opt.get_lnames())
            m.names.push_back("--" + l);
    } else {
        m.names.push_back(opt.get_name(true));
    }
    m.description = opt.get_description();
    m.takes_value = opt.get_expected_max() != 0;  // a flag expects no value
    m.required = opt.get_required();
    if (!m.takes_value) return m;
    m.repeatable = opt.get_expected_max() >= CLI::detail::expected_max_vector_size;
    auto type = opt.get_type_name();
    m.value_name = opt.get_option_text();
    // CLI11 calls every string TEXT; the option's own name says more ("--when WHEN").
    if (m.value_name.empty() && opt.nonpositional())
        m.value_name = type == "TEXT" ? upper(opt.get_name()) : type;
    if (m.value_name.empty()) {  // an argument: its name, as in "guilt week [WEEK]"
        m.value_name = upper(opt.get_name(true));
        if (m.repeatable) m.value_name += "...";
    }
    if (!opt.nonpositional() && !m.required && !m.value_name.starts_with("["))
        m.value_name = "[" + m.value_name + "]";
    m.choices = parse_choices(type);
    if (!m.choices.empty())
        m.source = ValueSource::choices;
    else if (has_long_name(opt, "tag"))
        m.source = ValueSource::tags;
    else if (has_long_name(opt, "kid"))
        m.source = ValueSource::kids;
    else if (auto bare = bare_name(m.value_name);
             bare == "FILE" || bare == "PATH" || bare == "OTHER")
        m.source = ValueSource::files;
    return m;
}

CommandModel describe_command(const CLI::App& app, const std::vector<std::string>& path) {
    CommandModel m;
    m.path = path;
    m.description = app.get_description();
    m.footer = footer_of(app);
    for (const CLI::Option* opt : app.get_options()) {
        if (opt->get_group().empty()) continue;  // hidden
        (opt->nonpositional() ? m.options : m.arguments).push_back(describe_option(*opt));
    }
    auto visible = [](const CLI::App* sub) { return !sub->get_group().empty(); };
    for (const CLI::App* sub : app.get_subcommands(visible)) {
        auto sub_path = path;
        sub_path.push_back(sub->get_name());
        m.commands.push_back(describe_command(*sub, sub_path));
    }
    return m;
}

}  // namespace

CLI::Option* set_choices(CLI::Option* opt, const std::vector<std::string>& values,
                         std::span<const ChoiceAlias> aliases) {
    std::vector<std::pair<std::string, std::string>> alias_list;
    for (const auto& a : aliases)
        alias_list.emplace_back(a.alias, a.choice);
    opt->transform(CLI::Validator(
        [opt, values, alias_list](std::string& value) {
            const auto given = to_lower(trim(value));
            for (const auto& [alias, choice] : alias_list)
                if (given == alias) value = choice;
            const std::vector<std::string_view> allowed(values.begin(), values.end());
            const auto field = !opt->get_positional()            ? opt->get_name()
                               : !opt->get_option_text().empty() ? opt->get_option_text()
                                                                 : upper(opt->get_name());
            value = one_of_rule(value, allowed, field);
            return std::string();
        },
        "", "choices"));
    return opt->type_name(fmt::format("{{{}}}", fmt::join(values, ",")));
}

CLI::Option* set_choices(CLI::Option* opt, std::span<const std::string_view> values,
                         std::span<const ChoiceAlias> aliases) {
    return set_choices(opt, std::vector<std::string>(values.begin(), values.end()), aliases);
}

CommandModel describe_cli(const CLI::App& app) {
    return describe_command(app, {});
}

std::string command_line(const CommandModel& cmd) {
    return cmd.path.empty() ? "guilt" : fmt::format("guilt {}", fmt::join(cmd.path, " "));
}

std::string footer_of(const CLI::App& app) {
    auto text = app.get_footer();
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    return text;
}

namespace {

class HelpFormatter : public CLI::Formatter {
  public:
    std::string make_footer(const CLI::App* app) const override {
        auto text = footer_of(*app);
        return text.empty() ? std::string() : text + "\n";
    }
};

}  // namespace

void use_help_formatter(CLI::App& app) {
    app.formatter(std::make_shared<HelpFormatter>());
}

}  // namespace guilt
