// SPDX-License-Identifier: MIT
// guilt log [TEXT...]: a guilt moment, from the arguments, piped stdin, or the editor.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr int kMottoIntensity = 7;  // from this intensity on, the confirmation repeats her motto

void run_log(const CaptureOptions& o, Context& ctx) {
    Entry e;
    capture_entry(EntryType::guilt, o, ctx, "guilt log \"...\"", [&](Entry& moment) {
        if (!moment.intensity) moment.intensity = ctx.settings().intensity;
        save_and_confirm(moment, ctx);
        e = moment;
    });
    if (!ctx.json && *e.intensity >= kMottoIntensity) {
        if (auto motto = ctx.store().motto_at(ctx.now().utc))
            std::cerr << paint(fmt::format("  {}", motto->text), Style::accent, ctx.color(stderr))
                      << '\n';
    }
}

}  // namespace

void setup_log(Command& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto cmd = app.subcommand("log", "Log a guilt moment, right when it happens");
    cmd.option("text", o->words, "What happened (default: piped stdin, else $VISUAL/$EDITOR)");
    add_guilt_options(cmd, *o);
    add_when_option(cmd, *o);
    cmd.footer(R"(Examples:
  guilt log "Sent Theo to school crying" -i 7 -t school -k Theo
  guilt log "Answered emails through dinner #work" -w "yesterday 6:30pm"
  echo "Skipped bedtime story for a call" | guilt log -i 4)");
    cmd.callback([o, &ctx] { run_log(*o, ctx); });
}

}  // namespace guilt
