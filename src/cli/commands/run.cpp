// SPDX-License-Identifier: MIT
// guilt run DISTANCE [DURATION]: a run, with whom and how it felt.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <memory>
#include <vector>

#include "capture.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr std::string_view kDistanceUnits[] = {"k", "km", "m", "mi"};

// "run 5 k 28:30": the unit came apart from its number, so it reads as the DURATION and the
// duration is left over. Says how to write it instead of reporting the pieces.
void refuse_spaced_distance(const CaptureOptions& o, const std::vector<std::string>& extras) {
    if (!o.distance || !o.duration) return;
    const auto number = trim(*o.distance);
    const auto unit = to_lower(trim(*o.duration));
    const bool is_number =
        !number.empty() && number.find_first_not_of("0123456789.") == number.npos;
    if (!is_number || std::find(std::begin(kDistanceUnits), std::end(kDistanceUnits), unit) ==
                          std::end(kDistanceUnits))
        return;
    throw UsageError(
        fmt::format("DISTANCE \"{} {}\" has a space in it; write it as one word: guilt "
                    "run {}{}{}",
                    number, *o.duration, number, unit, extras.empty() ? "" : " " + extras.front()));
}

}  // namespace

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
    // Words past DURATION are collected (hidden from help), so that "5 k 28:30" gets a hint
    // rather than a parse error.
    auto extras = std::make_shared<std::vector<std::string>>();
    cmd->add_option("extra", *extras)->group("");
    cmd->callback([o, extras, &ctx] {
        refuse_spaced_distance(*o, *extras);
        if (!extras->empty())
            throw UsageError(
                fmt::format("run takes DISTANCE [DURATION], got {} too (see 'guilt "
                            "run --help')",
                            single_quoted(extras->front())));
        Entry e;
        e.type = EntryType::run;
        e.at = ctx.now();
        e.with = {"solo"};
        apply_options(*o, e, ctx);
        save_and_confirm(e, ctx);
    });
}

}  // namespace guilt
