// SPDX-License-Identifier: MIT
// guilt run DISTANCE [DURATION]: a run, with whom and how it felt.
#include <CLI/CLI.hpp>

#include "capture.hpp"

namespace guilt {

void setup_run(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto* cmd = app.add_subcommand("run", "Log a run (a deposit in your own bank)");
    cmd->add_option("distance", o->distance, "5k, 5km, 10000m, 3.1mi, half, marathon")
        ->required()
        ->option_text("DISTANCE");
    cmd->add_option("duration", o->duration, "28:30, 1:45:00, 45m, 1h5m")->option_text("DURATION");
    add_run_options(*cmd, *o);
    add_when_option(*cmd, *o);
    cmd->footer(R"(Examples:
  guilt run 5k 28:30 --with moms --felt 8
  guilt run half 2:05:00 --type race -w "sun 8am"
  guilt run 3.1mi --with kids --note "stroller run to the park")");
    cmd->callback([o, &ctx] {
        Entry e;
        e.type = EntryType::run;
        e.at = ctx.now();
        e.with = {"solo"};
        apply_options(*o, e, ctx);
        save_and_confirm(e, ctx);
    });
}

}  // namespace guilt
