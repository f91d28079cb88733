// SPDX-License-Identifier: MIT
// guilt deposit [DURATION] TEXT...: time invested in herself that is not a run.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "capture.hpp"
#include "guilt/error.hpp"
#include "guilt/parse.hpp"
#include "guilt/text.hpp"

namespace guilt {

namespace {

bool is_duration(const std::string& word) {
    try {
        parse_duration(word);
        return true;
    } catch (const UsageError&) {
        return false;
    }
}

}  // namespace

void setup_deposit(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto* cmd = app.add_subcommand("deposit", "Log time for yourself that is not a run");
    cmd->add_option("text", o->words, "[DURATION] what you did: 30m nap, 1h book club")
        ->required()
        ->option_text("[DURATION] TEXT...");
    add_when_option(*cmd, *o);
    cmd->footer(R"(Examples:
  guilt deposit 30m coffee with Jess
  guilt deposit nap -w "today 2pm")");
    cmd->callback([o, &ctx] {
        Entry e;
        e.type = EntryType::deposit;
        e.at = ctx.now();
        auto words = o->words;
        CaptureOptions given = *o;
        // A first word that reads as a duration is the duration; anything else is text.
        if (is_duration(words.front())) {
            given.duration = words.front();
            words.erase(words.begin());
        }
        auto text = fmt::format("{}", fmt::join(words, " "));
        if (trim(text).empty()) throw UsageError("TEXT is empty; say what you did, e.g. guilt deposit 30m nap");
        set_text(e, text, "TEXT");
        apply_options(given, e, ctx);
        save_and_confirm(e, ctx);
    });
}

}  // namespace guilt
