// SPDX-License-Identifier: MIT
// guilt week: one week of her journal summed up, for the terminal, as Markdown, HTML or JSON,
// on stdout or in a file.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/report_options.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/data_files.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/cli/week_render.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/week.hpp"

namespace guilt {

namespace {

struct WeekOptions {
    std::optional<std::string> week, format, output;
    bool force = false;
};

WeekInput gather(Context& ctx, Date first, bool sunday_start) {
    auto& store = ctx.store();
    WeekInput in;
    in.first_day = first;
    in.today = ctx.today();
    in.sunday_start = sunday_start;
    in.unit = ctx.settings().unit;
    auto last = add_days(first, kWeekLength - 1);
    EntryFilter window;
    window.from_day = add_days(first, -kWeekLookBackDays);
    // One day more, for Sunday's moments before her day-boundary and the answers to Sunday's
    // prompts she wrote after midnight.
    window.to_day = add_days(last, 1);
    window.oldest_first = true;
    in.entries = store.entries(window);
    // The week's last second: the end of her Sunday (or Saturday).
    auto end_of_week = her_day_end(last);
    // The list as it was when the week ended: a past week shows the names and ranks it had.
    in.priorities = store.priorities_at(end_of_week);
    in.motto = store.motto_at(end_of_week);
    in.showings = store.showings_between(first, last);
    for (const auto& [id, text] : load_strategies())
        in.strategy_titles[id] = text.title;
    return in;
}

void run_week(const WeekOptions& o, Context& ctx) {
    auto format = chosen_format(o.format, o.output);
    bool sunday_start = ctx.settings().sunday_start;
    auto now = ctx.now();
    auto first =
        o.week ? parse_week(*o.week, now, sunday_start) : week_start_of(ctx.today(), sunday_start);
    auto summary = summarize_week(gather(ctx, first, sunday_start), load_lexicon());
    bool utf8 = utf8_locale();

    // -o - is stdout: the same as no -o.
    std::optional<std::string> file = o.output;
    if (file && is_stdout_path(*file)) file.reset();
    if (file) {
        write_file_atomically(*file, render_week(summary, format, utf8), o.force);
        std::cerr << fmt::format("Wrote week {} to {} ({}).\n", format_iso_week(summary.week),
                                 *file, to_string(format));
    }
    if (ctx.json) {
        std::cout << render_json(summary).dump(2) << '\n';
    } else if (!file) {
        if (format == ReportFormat::text) {
            std::cout << render_text(summary, utf8, ctx.color(stdout), prose_width());
        } else {
            std::cout << render_week(summary, format, utf8);
        }
    }
}

}  // namespace

void setup_week(Command& app, Context& ctx) {
    auto o = std::make_shared<WeekOptions>();
    auto cmd = app.subcommand("week", "Sum up a week: guilt, runs, time with the kids, the bank");
    cmd.option("WEEK", o->week,
               "An ISO week (2026-W48) or any day in it: 2026-11-25, yesterday, mon "
               "(default: this week)");
    add_report_output_options(cmd, o->format, o->output, o->force);
    cmd.footer(
        R"(Weeks run Monday to Sunday, or Sunday to Saturday with 'guilt config set week-start sunday'.
With --json, the summary goes to stdout as JSON (and -o still writes its file).

Examples:
  guilt week
  guilt week "7d ago"            (last week)
  guilt week 2026-W48 --format md
  guilt week 2026-11-25 -o week.html)");
    cmd.callback([o, &ctx] { run_week(*o, ctx); });
}

}  // namespace guilt
