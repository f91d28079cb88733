// SPDX-License-Identifier: MIT
// guilt delete ID: remove an entry; asks first on a terminal.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "capture.hpp"
#include "entry_ref.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

void setup_delete(CLI::App& app, Context& ctx) {
    struct Options {
        std::string id;
        bool yes = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("delete", "Delete an entry (asks first on a terminal)");
    cmd->add_option("id", o->id, "The entry's id (see guilt list)")->required()->option_text("ID");
    cmd->add_flag("-y,--yes", o->yes, "Do not ask");
    cmd->footer(R"(Examples:
  guilt delete 12
  guilt delete 12 --yes)");
    cmd->callback([o, &ctx] {
        auto e = entry_by_id(ctx, o->id);
        if (!o->yes && is_terminal(stdin) && is_terminal(stderr)) {
            auto answer = ask(fmt::format("Delete {}: {}? [y/N] ", describe_entry(e), summary(e)));
            if (!answer || (to_lower(trim(*answer)) != "y" && to_lower(trim(*answer)) != "yes")) {
                std::cerr << "Kept it.\n";
                return;
            }
        }
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { store.remove(e.id); });
        if (ctx.json)
            std::cout << entry_to_json(e, true).dump(2) << '\n';
        else
            std::cerr << "Deleted " << describe_entry(e) << ".\n";
    });
}

}  // namespace guilt
