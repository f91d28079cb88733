// SPDX-License-Identifier: MIT
// guilt deposit [DURATION] TEXT...: time invested in herself that is not a run.
#include <fmt/format.h>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

void run_deposit(const CaptureOptions& o, Context& ctx) {
    Entry e;
    e.type = EntryType::deposit;
    e.at = ctx.now();
    auto words = o.words;
    CaptureOptions given = o;
    // First words shaped like a duration ("30m", "30 min", "1 hour 20 min") are the
    // duration, checked as one (so "25h nap" is refused, not saved as text), else the last
    // ones ("nap 30m", "read for an hour"); the rest is text, without the "of" or "for"
    // that joined them ("30 min of yoga" is yoga).
    if (auto n = leading_duration(words); n > 0) {
        given.duration = fmt::format("{}", fmt::join(words.begin(), words.begin() + n, " "));
        words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(n));
        if (!words.empty() && to_lower(trim(words.front())) == "of") words.erase(words.begin());
    } else if (auto m = trailing_duration(words); m > 0 && m < words.size()) {
        given.duration = fmt::format("{}", fmt::join(words.end() - m, words.end(), " "));
        words.erase(words.end() - static_cast<std::ptrdiff_t>(m), words.end());
        if (words.size() > 1 && to_lower(trim(words.back())) == "for") words.pop_back();
    }
    auto text = fmt::format("{}", fmt::join(words, " "));
    if (is_blank(text))
        throw UsageError("TEXT is empty; say what you did, e.g. guilt deposit 30m nap");
    set_text(e, text, "TEXT");
    apply_options(given, e, ctx);
    save_and_confirm(e, ctx);
}

}  // namespace

void setup_deposit(Command& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto cmd = app.subcommand("deposit", "Log time for yourself that is not a run");
    cmd.option("text", o->words, "[DURATION] what you did: 30m nap, 1h book club")
        .required()
        .option_text("[DURATION] TEXT...");
    add_when_option(cmd, *o);
    cmd.footer(R"(Examples:
  guilt deposit 30m coffee with Jess
  guilt deposit 1 hour 20 min book club
  guilt deposit nap 30m
  guilt deposit nap -w "today 2pm")");
    cmd.callback([o, &ctx] { run_deposit(*o, ctx); });
}

}  // namespace guilt
