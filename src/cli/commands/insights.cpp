// SPDX-License-Identifier: MIT
// guilt insights: which parts of her life go with lighter guilt, from her own journal, for the
// terminal, as Markdown, HTML or JSON, on stdout or in a file.
#include <fmt/format.h>

#include <iostream>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/report_options.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/data_files.hpp"
#include "guilt/cli/insights_render.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/insights.hpp"

namespace guilt {

namespace {

struct InsightsOptions {
    std::optional<std::string> since, until, format, output;
    bool force = false;  // replace an existing -o FILE
};

// The local date a DAY names: a whole day ("2026-11-25", "mon"), or the day of any other WHEN.
Date day_of(const std::string& text, Timestamp now, std::string_view field) {
    if (auto day = parse_day(text, now, field)) return *day;
    return local_date(parse_when(text, now, field));
}

// The day she first logged `kind` of entry (see InsightsInput), when that was before `since`
// (for a tag, a day before it: which one changes nothing): one indexed query each, so a long
// journal costs no more.
std::optional<Date> first_logged(Store& store, std::string_view kind, Date since) {
    EntryFilter f;
    f.oldest_first = true;
    f.limit = 1;
    f.to_day = add_days(since, -1);
    if (kind.starts_with("tag:")) {
        // Any day before the window will do: the window's days count from `since` on either way.
        return store.day_tagged(std::string(kind.substr(4)), add_days(since, -1));
    } else if (kind == "reflection") {
        auto shown = store.showings_between(Date{1970, 1, 1}, add_days(since, -1));
        std::optional<Date> first;
        for (const auto& [day, strategy] : shown)
            if (!first || day < *first) first = day;
        f.type = EntryType::reflection;
        for (const auto& e : store.entries(f)) {
            try {
                auto d = parse_date(e.date, "date");
                if (!first || d < *first) first = d;
            } catch (const UsageError&) {  // a malformed date names no night
            }
        }
        return first;
    } else {
        f.type = entry_type_from(kind);
        if (!f.type) return std::nullopt;
    }
    auto found = store.entries(f);
    if (found.empty()) return std::nullopt;
    return her_day(found.front().at);
}

InsightsInput gather(Context& ctx, Date since, Date until) {
    auto& store = ctx.store();
    InsightsInput in;
    in.since = since;
    in.until = until;
    // Only the days asked for (and the night before the first), so insights costs the same on
    // a journal of ten years as on one of three months.
    // The last day's early hours, before her day-boundary, are on the next calendar day.
    EntryFilter window;
    window.from_day = add_days(since, -1);
    window.to_day = add_days(until, 1);
    window.oldest_first = true;
    in.entries = store.entries(window);
    in.showings = store.showings_between(add_days(since, -1), add_days(until, -1));
    for (const auto& [id, text] : load_strategies())
        in.strategy_titles[id] = text.title;
    in.first_logged = [&store, since](std::string_view kind) {
        return first_logged(store, kind, since);
    };
    return in;
}

void run_insights(const InsightsOptions& o, Context& ctx) {
    auto format = chosen_format(o.format, o.output);
    auto now = ctx.now();
    auto today = ctx.today();
    auto until = o.until ? day_of(*o.until, now, "--until") : today;
    auto since =
        o.since ? day_of(*o.since, now, "--since") : add_days(until, -(kInsightsDefaultDays - 1));
    if (since > until)
        throw UsageError(
            fmt::format("--since {} is after --until {}", format_date(since), format_date(until)));
    auto insights = compute_insights(gather(ctx, since, until));
    bool utf8 = utf8_locale();

    if (o.output) {
        if (write_file_atomically(*o.output, render_report(insights, format, utf8), o.force))
            std::cerr << fmt::format("Wrote insights for {} to {} to {} ({}).\n",
                                     format_date(since), format_date(until), *o.output,
                                     to_string(format));
    }
    if (ctx.json) {
        std::cout << render_json(insights).dump(2) << '\n';
    } else if (!o.output) {
        if (format == ReportFormat::text) {
            std::cout << render_text(insights, utf8, ctx.color(stdout), prose_width());
        } else {
            std::cout << render_report(insights, format, utf8);
        }
    }
}

}  // namespace

void setup_insights(Command& app, Context& ctx) {
    auto o = std::make_shared<InsightsOptions>();
    auto cmd = app.subcommand(
        "insights", "Which parts of your life go with lighter guilt, from your own journal");
    cmd.option("--since", o->since, "The first day, any WHEN (default: 89 days before --until)")
        .option_text("DAY");
    cmd.option("--until", o->until, "The last day, included, any WHEN (default: today)")
        .option_text("DAY");
    add_report_output_options(cmd, o->format, o->output, o->force);
    cmd.footer(
        R"(Each factor (a run, a run with other moms, a run before family hours, 10+ minutes of
child-led time, a deposit, a good moment, reflecting the night before, each strategy shown the
night before, each frequent tag) splits the days you wrote in the journal into days with it and
days without. A same-day factor counts for the guilt logged after it; on days without, guilt
counts from the factor's usual time of day, so both sides cover the same hours. Days before you
first logged that kind of entry (your first run, deposit, engaged time...) are not days without
it. A verdict is clear with at least 7 days on each side and a 95% bootstrap interval of the
difference that has a width and leaves out 0. Your day ends at the day-boundary hour (guilt
config). These are associations in your own journal, not causes.

Examples:
  guilt insights
  guilt insights --since 2026-09-01 --until 2026-11-30 --format md
  guilt insights -o insights.html)");
    cmd.callback([o, &ctx] { run_insights(*o, ctx); });
}

}  // namespace guilt
