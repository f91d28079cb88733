// SPDX-License-Identifier: MIT
// guilt run DISTANCE [DURATION]: a run, with whom and how it felt.
#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

// Her words after `run`, DISTANCE and DURATION as she typed them apart ("3.2 km 30 min", "5k
// half an hour", "half marathon 2:05:00"), as the two values; a word past them is refused.
void split_run_words(CaptureOptions& o, const std::vector<std::string>& extras) {
    std::vector<std::string> words;
    if (o.distance) words.push_back(*o.distance);
    if (o.duration) words.push_back(*o.duration);
    words.insert(words.end(), extras.begin(), extras.end());
    if (words.empty()) return;
    std::size_t n = 1;
    if (words.size() > 1 &&
        (is_distance_unit(words[1]) ||
         (to_lower(trim(words[0])) == "half" && to_lower(trim(words[1])) == "marathon")))
        n = 2;
    o.distance = fmt::format("{}", fmt::join(words.begin(), words.begin() + n, " "));
    o.duration.reset();
    const std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(n),
                                        words.end());
    if (rest.empty()) return;
    parse_distance(*o.distance, "DISTANCE");  // refused first: the hint below repeats it
    o.duration =
        joined_duration(rest, "run takes DISTANCE [DURATION]", [&](const std::string& duration) {
            return fmt::format("a note goes in --note: guilt run {} {} --note \"...\"", *o.distance,
                               duration);
        });
}

// extras: the words after DISTANCE [DURATION] (see split_run_words).
void run_run(CaptureOptions o, const std::vector<std::string>& extras, Context& ctx) {
    split_run_words(o, extras);
    Entry e;
    e.type = EntryType::run;
    e.at = ctx.now();
    e.with = {"solo"};
    apply_options(o, e, ctx);
    save_and_confirm(e, ctx);
}

}  // namespace

void setup_run(Command& app, Context& ctx) {
    auto o = std::make_shared<CaptureOptions>();
    auto cmd = app.subcommand("run", "Log a run (a deposit in your own bank)");
    cmd.option("distance", o->distance, "5k, 5km, 10000m, 3.1mi, half, marathon")
        .required()
        .option_text("DISTANCE");
    cmd.option("duration", o->duration, "28:30, 1:45:00, 45m, 1h5m, 30 min, half an hour")
        .option_text("DURATION");
    add_run_options(cmd, *o);
    add_when_option(cmd, *o);
    cmd.footer(R"(Examples:
  guilt run 5k 28:30 --with moms --felt 8
  guilt run half 2:05:00 --type race -w "sun 8am"
  guilt run 3.1mi --with kids --note "stroller run to the park"
  guilt run 3.2 km 30 min --with moms,friends)");
    // Words past DURATION are collected (hidden from help), so that "3.2 km 30 min" is read
    // as she meant it rather than refused by CLI11.
    auto extras = std::make_shared<std::vector<std::string>>();
    cmd.option("extra", *extras).group("");
    cmd.callback([o, extras, &ctx] { run_run(*o, *extras, ctx); });
}

}  // namespace guilt
