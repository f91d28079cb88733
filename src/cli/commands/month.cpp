// SPDX-License-Identifier: MIT
// guilt month: a calendar of one month (or, with --year, twelve small ones) shaded by guilt,
// with marks for runs, engaged time and good moments, for the terminal, as Markdown, HTML or
// JSON, on stdout or in a file. It reads only the days it shows and the month before.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/report_options.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/month_render.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/month.hpp"

namespace guilt {

namespace {

struct MonthOptions {
    std::optional<std::string> month, year, format, output;
    bool year_view = false;  // --year given, with or without a year
    bool force = false;
};

// The entries of the local days from..to, oldest first: an index range, not the whole journal.
std::vector<Entry> entries_between(Context& ctx, Date from, Date to) {
    EntryFilter window;
    window.from_day = from;
    window.to_day = to;
    window.oldest_first = true;
    return ctx.store().entries(window);
}

void run_month(const MonthOptions& o, Context& ctx) {
    auto format = chosen_format(o.format, o.output);
    auto now = ctx.now();
    auto today = ctx.today();
    CalendarStyle style;
    style.sunday_start = ctx.settings().sunday_start;
    style.unit = ctx.settings().unit;
    style.utf8 = utf8_locale();

    std::string what, file_text;
    nlohmann::ordered_json json;
    auto render = [&](auto& summary, auto renderer, auto to_json) {
        if (o.output) file_text = renderer(summary, format, style);
        if (ctx.json) json = to_json(summary);
    };
    if (o.year_view) {
        int year = o.year    ? parse_year(*o.year, now)
                   : o.month ? parse_month(*o.month, now).year
                             : today.year;
        auto y = summarize_year(year, today,
                                entries_between(ctx, Date{year - 1, 12, 1}, Date{year + 1, 1, 1}));
        what = fmt::format("year {}", year);
        render(y, render_year, year_json);
        if (!o.output && !ctx.json) {
            style.color = format == ReportFormat::text && ctx.color(stdout);
            style.width = prose_width();  // a file (-o) keeps 80 columns
            std::cout << render_year(y, format, style);
        }
    } else {
        auto m = o.month ? parse_month(*o.month, now) : month_of(today);
        auto s = summarize_month(m, today,
                                 entries_between(ctx, month_window_start(m), month_window_end(m)));
        what = fmt::format("month {}", format_month(m));
        render(s, render_month, month_json);
        if (!o.output && !ctx.json) {
            style.color = format == ReportFormat::text && ctx.color(stdout);
            style.width = prose_width();  // a file (-o) keeps 80 columns
            std::cout << render_month(s, format, style);
        }
    }
    if (o.output) {
        if (write_file_atomically(*o.output, file_text, o.force))
            std::cerr << fmt::format("Wrote {} to {} ({}).\n", what, *o.output, to_string(format));
    }
    if (ctx.json) std::cout << json.dump(2) << '\n';
}

}  // namespace

void setup_month(Command& app, Context& ctx) {
    auto o = std::make_shared<MonthOptions>();
    auto cmd = app.subcommand(
        "month", "A month at a glance: a calendar shaded by guilt, runs, time with the kids, wins");
    cmd.option("MONTH", o->month,
               "YYYY-MM (2026-11) or any day in it: yesterday, 2026-11-25 (default: this "
               "month)");
    auto year = cmd.option("--year", o->year, "Twelve small calendars of YEAR (default: this year)")
                    .expected(0, 1)
                    .option_text("[YYYY]");
    add_report_output_options(cmd, o->format, o->output, o->force);
    cmd.footer(R"(Each day's shade is its guilt: the moments times their intensity. Marks: a run,
engaged time with the kids, a good moment (guilt win). Totals stand beside the month before
(while a month is in progress, beside the same first days of the month before).
With --json, the summary goes to stdout as JSON (and -o still writes its file).

Examples:
  guilt month
  guilt month 2026-10 --format md
  guilt month --year
  guilt month --year 2026 -o 2026.html)");
    cmd.callback([o, year, &ctx] {
        o->year_view = year.given();
        if (o->year && o->year->empty()) o->year.reset();  // --year alone
        if (o->year_view && o->year && o->month)
            throw UsageError(
                fmt::format("give MONTH or --year YYYY, not both, got \"{}\" and --year {}",
                            *o->month, *o->year));
        run_month(*o, ctx);
    });
}

}  // namespace guilt
