// SPDX-License-Identifier: MIT
// guilt engage DURATION: time fully engaged with the kids.
#include <CLI/CLI.hpp>

#include "capture.hpp"

namespace guilt {

void setup_engage(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto* cmd = app.add_subcommand("engage", "Log time fully engaged with your kids");
    cmd->add_option("duration", o->duration, "20m, 1h, 1h30m")->required()->option_text("DURATION");
    add_engage_options(*cmd, *o);
    add_when_option(*cmd, *o);
    cmd->footer(R"(Examples:
  guilt engage 20m -k Sam --child-led --note "lego"
  guilt engage 2h -k Eleanor -k Theo --note "park" -w "today 4pm")");
    cmd->callback([o, &ctx] {
        Entry e;
        e.type = EntryType::engage;
        e.at = ctx.now();
        apply_options(*o, e, ctx);
        save_and_confirm(e, ctx);
    });
}

}  // namespace guilt
