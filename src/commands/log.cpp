// SPDX-License-Identifier: MIT
// guilt log [TEXT...]: a guilt moment, from the arguments, piped stdin, or the editor.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "capture.hpp"
#include "guilt/error.hpp"
#include "guilt/parse.hpp"
#include "guilt/terminal.hpp"
#include "guilt/text.hpp"

namespace guilt {

namespace {

constexpr int kMottoIntensity = 7;  // from this intensity on, the confirmation repeats her motto

void save_log(std::string text, const CaptureOptions& o, Context& ctx, Entry& e) {
    // Trailing newlines from a pipe or an editor are not part of what she wrote.
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    if (trim(text).empty())
        throw UsageError(
            "TEXT is empty; nothing was saved (write what happened, e.g. guilt log \"...\")");
    set_text(e, text, "TEXT");
    e.at = ctx.now();
    apply_options(o, e, ctx);
    if (!e.intensity) e.intensity = parse_scale(ctx.setting("intensity"), "config intensity");
    save_and_confirm(e, ctx);
}

void run_log(const CaptureOptions& o, Context& ctx) {
    Entry e;
    e.type = EntryType::guilt;
    if (!o.words.empty()) {
        save_log(fmt::format("{}", fmt::join(o.words, " ")), o, ctx, e);
    } else if (!is_terminal(stdin)) {
        save_log(read_all(stdin), o, ctx, e);
    } else {
        auto draft = edit_in_editor("");
        if (trim(draft.text).empty()) draft.discard();  // nothing of hers to keep
        saving_draft(draft, [&] { save_log(draft.text, o, ctx, e); });
    }
    if (!ctx.json && *e.intensity >= kMottoIntensity) {
        if (auto motto = ctx.store().motto_at(ctx.now().utc))
            std::cerr << paint(fmt::format("  {}", motto->text), Style::accent, ctx.color(stderr))
                      << '\n';
    }
}

}  // namespace

void setup_log(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto* cmd = app.add_subcommand("log", "Log a guilt moment, right when it happens");
    cmd->add_option("text", o->words, "What happened (default: piped stdin, else $VISUAL/$EDITOR)");
    add_guilt_options(*cmd, *o);
    add_when_option(*cmd, *o);
    cmd->footer(R"(Examples:
  guilt log "Sent Theo to school crying" -i 7 -t school -k Theo
  guilt log "Answered emails through dinner #work" -w "yesterday 6:30pm"
  echo "Skipped bedtime story for a call" | guilt log -i 4)");
    cmd->callback([o, &ctx] { run_log(*o, ctx); });
}

}  // namespace guilt
