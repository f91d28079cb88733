// SPDX-License-Identifier: MIT
// guilt config get|set|list: her preferences, stored in the journal so a backup carries them
// (never the editor, which would let a journal from someone else run a command).
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/remind_run.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/command_runs.hpp"
#include "guilt/core/settings.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

void run_config_get(const ConfigOptions& o, Context& ctx) {
    auto value = ctx.setting(std::string(setting_spec(o.key).key));
    if (ctx.json)
        std::cout << nlohmann::ordered_json{{"key", o.key}, {"value", value}}.dump(2) << '\n';
    else
        std::cout << value << '\n';
}

void run_config_set(const ConfigOptions& o, Context& ctx) {
    auto value = check_setting(o.key, o.value);
    // The value stored already: nothing is written, so undo still reverts the change before.
    // (A default set for the first time is stored: her own setting wins over an import's.)
    bool same = ctx.store().setting(o.key) == value;
    if (!same) {
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { store.set_setting(o.key, value); });
    }
    if (ctx.json)
        std::cout << nlohmann::ordered_json{{"key", o.key}, {"value", value}}.dump(2) << '\n';
    else if (same)
        std::cerr << fmt::format("{} is {} already: nothing to change\n", o.key, value);
    else
        std::cerr << fmt::format("{} is now {}\n", o.key, value);
    if (o.key == "remind-at" && !same) {
        auto at = read_settings([&](std::string_view k) {
                      return k == "remind-at" ? std::optional(value) : std::nullopt;
                  }).remind_at;
        if (auto timer = refresh_installed_timer(at))
            std::cerr << fmt::format(
                "Updated the reminder's timer ({}). To use the new time now:\n  systemctl "
                "--user daemon-reload\n",
                *timer);
    }
}

void run_config_list(Context& ctx) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& s : setting_specs()) {
        auto value = ctx.setting(std::string(s.key));
        if (ctx.json)
            out[std::string(s.key)] = value;
        else
            std::cout << fmt::format("{:<13}{}\n", s.key, value);
    }
    if (ctx.json) std::cout << out.dump(2) << '\n';
}

void setup_config(Command& app, Context& ctx) {
    auto o = std::make_shared<ConfigOptions>();
    auto cmd = app.subcommand("config", "Read or change your preferences");
    cmd.require_subcommand(1);
    std::vector<std::string> key_names;
    for (const auto& s : setting_specs())
        key_names.emplace_back(s.key);
    std::string keys;
    for (const auto& s : setting_specs())
        keys += fmt::format("\n  {:<13}{} (default: {})", s.key, s.meaning,
                            s.default_value.empty() ? "none" : s.default_value);
    cmd.footer("Keys:" + keys + R"(

Examples:
  guilt config set unit mi
  guilt config set week-start sunday
  guilt config list)");

    // KEY: one of the settings. setting_spec() runs before the choices' own check (CLI11 runs
    // the transform added last first), so "editor" is told why it is not kept in the journal.
    const auto add_key = [&key_names](Command sub, std::string& key) {
        sub.option("key", key, "The key")
            .required()
            .option_text("KEY")
            .choices(key_names)
            .transform(
                [](std::string k) { return std::string(setting_spec(to_lower(trim(k))).key); });
    };
    auto get = cmd.subcommand("get", "Print one preference");
    add_key(get, o->key);
    get.footer(R"(Examples:
  guilt config get unit
  guilt config get day-boundary --json)");
    get.callback([o, &ctx] { run_config_get(*o, ctx); });

    auto set = cmd.subcommand("set", "Change one preference");
    add_key(set, o->key);
    set.option("value", o->value, "Its new value").required().option_text("VALUE");
    set.footer(R"(Examples:
  guilt config set unit mi
  guilt config set day-boundary 3

The editor is not a preference kept in the journal: set $VISUAL or $EDITOR, or write
'editor = nano -w' in ~/.config/guilt/config.)");
    set.callback([o, &ctx] { run_config_set(*o, ctx); });

    auto list = cmd.subcommand("list", "Print every preference");
    list.footer(R"(Examples:
  guilt config list
  guilt config list --json)");
    list.callback([&ctx] { run_config_list(ctx); });
}

}  // namespace guilt
