// SPDX-License-Identifier: MIT
// guilt engage DURATION: time fully engaged with the kids.
#include <fmt/format.h>

#include <memory>
#include <vector>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"

namespace guilt {

namespace {

// rest: the words of DURATION after the first.
void run_engage(const CaptureOptions& o, const std::vector<std::string>& rest, Context& ctx) {
    auto words = rest;
    words.insert(words.begin(), *o.duration);
    auto given = o;
    given.duration =
        joined_duration(words, "engage takes one DURATION", [](const std::string& duration) {
            return fmt::format("say what you did with --note: guilt engage {} --note \"...\"",
                               duration);
        });
    Entry e;
    e.type = EntryType::engage;
    e.at = ctx.now();
    apply_options(given, e, ctx);
    save_and_confirm(e, ctx);
}

}  // namespace

void setup_engage(Command& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto cmd = app.subcommand("engage", "Log time fully engaged with your kids");
    cmd.option("duration", o->duration, "20m, 1h30m, 20 minutes, half an hour")
        .required()
        .option_text("DURATION");
    // The words after the first ("20 minutes", "an hour and a half") are the rest of the
    // DURATION (hidden from help), joined before CLI11 would refuse them.
    auto rest = std::make_shared<std::vector<std::string>>();
    cmd.option("rest", *rest).group("");
    add_engage_options(cmd, *o);
    add_when_option(cmd, *o);
    cmd.footer(R"(Examples:
  guilt engage 20m -k Sam --child-led --note "lego"
  guilt engage 2h -k Eleanor -k Theo --note "park" -w "today 4pm"
  guilt engage 1 hour 20 min -k Sam)");
    cmd.callback([o, rest, &ctx] { run_engage(*o, *rest, ctx); });
}

}  // namespace guilt
