// SPDX-License-Identifier: MIT
// guilt win [TEXT...]: a good moment she is glad of, from the arguments, piped stdin, or the
// editor. Wins are never guilt, and the bank counts them neither as debit nor as deposit.

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"

namespace guilt {

namespace {

void run_win(const CaptureOptions& o, Context& ctx) {
    capture_entry(EntryType::win, o, ctx, "guilt win \"...\"",
                  [&](Entry& e) { save_and_confirm(e, ctx); });
}

}  // namespace

void setup_win(Command& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto cmd = app.subcommand("win", "Write down a good moment you are glad of");
    cmd.option("text", o->words, "What went well (default: piped stdin, else $VISUAL/$EDITOR)");
    add_tag_kid_options(cmd, *o);
    add_when_option(cmd, *o);
    cmd.footer(R"(Examples:
  guilt win "Theo and I baked bread, he beamed" -k Theo
  guilt win "Read three stories at bedtime, no phone #bedtime" -w "yesterday 8pm"
  echo "Zoe hugged me at pickup" | guilt win)");
    cmd.callback([o, &ctx] { run_win(*o, ctx); });
}

}  // namespace guilt
