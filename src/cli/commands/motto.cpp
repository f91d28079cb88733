// SPDX-License-Identifier: MIT
// guilt motto [TEXT]: set her "no mom guilt" motto (keeping the old ones), or print it.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

void run_motto(const std::vector<std::string>& words, Context& ctx) {
    if (words.empty()) {
        auto& store = ctx.store();
        auto motto = store.motto_at(ctx.now().utc);
        if (ctx.json) {
            nlohmann::ordered_json out;
            out["motto"] = motto ? motto_to_json(*motto) : nlohmann::ordered_json(nullptr);
            out["history"] = nlohmann::ordered_json::array();
            for (const auto& m : store.mottos())
                out["history"].push_back(motto_to_json(m));
            std::cout << out.dump(2) << '\n';
        } else if (motto) {
            std::cout << motto->text << '\n';
        } else {
            std::cerr << "No motto yet. Set one: guilt motto \"You're a good mom.\"\n";
        }
        return;
    }
    Motto m{std::string(trim(fmt::format("{}", fmt::join(words, " ")))), ctx.now()};
    check_text(m.text, "TEXT");
    if (is_blank(m.text))
        throw UsageError("TEXT is empty; a motto needs words, e.g. \"Good enough is good.\"");
    auto& store = ctx.store(Store::Access::write);
    store.write([&] { store.add_motto(m); });
    if (ctx.json)
        std::cout << motto_to_json(m).dump(2) << '\n';
    else
        std::cerr << "Your motto is now: " << m.text << '\n';
}

}  // namespace

void setup_motto(Command& app, Context& ctx) {
    auto words = std::make_shared<std::vector<std::string>>();
    auto cmd = app.subcommand("motto", "Set your \"no mom guilt\" motto, or print it");
    cmd.option("text", *words, "The new motto (earlier ones are kept)").option_text("[TEXT]");
    cmd.footer(R"(Examples:
  guilt motto "You're a good mom."
  guilt motto)");
    cmd.callback([words, &ctx] { run_motto(*words, ctx); });
}

}  // namespace guilt
