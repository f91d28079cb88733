// SPDX-License-Identifier: MIT
// guilt priority add|list|move|done|rename|remove: her ranked priorities, with optional seasons.
// Every change is kept in the priorities' history, so a past night is judged by that day's list.
#include <fmt/format.h>

#include <functional>
#include <iostream>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/command_runs.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"
#include "guilt/core/when.hpp"

namespace guilt {

void run_priority_list(Context& ctx) {
    auto list = ctx.store().priorities(ctx.json);
    if (ctx.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& p : list)
            out.push_back(priority_to_json(p, true));
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (list.empty()) {
        std::cerr << "No priorities yet. Add the first: guilt priority add \"Kids\"\n";
        return;
    }
    bool color = ctx.color(stdout);
    auto today = local_date(ctx.now());
    for (const auto& p : list) {
        std::string season;
        if (p.until)
            season = *p.until < today ? fmt::format("  (season ended {})", format_date(*p.until))
                                      : fmt::format("  (until {})", format_date(*p.until));
        std::cout << fmt::format("{}. {}{}  {}\n", p.rank, p.title,
                                 paint(season, Style::dim, color),
                                 paint(fmt::format("[id {}]", p.id), Style::dim, color));
    }
}

namespace {

Priority existing_priority(Context& ctx, const std::string& text) {
    auto id = parse_count(text, "ID");
    auto p = ctx.store().find_priority(id);
    if (!p)
        throw UsageError(fmt::format("ID {} is not a priority (see guilt priority list)", text));
    return *p;
}

std::int64_t active_priority_id(Context& ctx, const std::string& text) {
    auto p = existing_priority(ctx, text);
    if (p.done)
        throw UsageError(fmt::format("priority {} (\"{}\") is already done", text, p.title));
    return p.id;
}

std::string priority_title(const std::vector<std::string>& words) {
    auto title = std::string(trim(fmt::format("{}", fmt::join(words, " "))));
    check_text(title, "TITLE");
    if (is_blank(title)) throw UsageError("TITLE is empty; name the priority, e.g. \"Kids\"");
    return title;
}

// Runs one change to the list in one transaction, and keeps it in the history.
void change_priorities(Context& ctx, const std::function<void(Store&)>& change) {
    auto& store = ctx.store(Store::Access::write);
    store.write([&] {
        change(store);
        store.note_priorities(ctx.now().utc);
    });
}

void confirm(Context& ctx, const Priority& p, std::string_view what) {
    if (ctx.json) {
        std::cout << priority_to_json(p, true).dump(2) << '\n';
        return;
    }
    std::cerr << fmt::format("{} priority {} \"{}\"{}\n", what, p.id, p.title,
                             p.done ? "" : fmt::format(", now ranked {}", p.rank));
}

// A change to what it is already: nothing is written (undo still reverts the change before).
void unchanged(Context& ctx, const Priority& p, std::string_view why) {
    if (ctx.json) {
        std::cout << priority_to_json(p, true).dump(2) << '\n';
        return;
    }
    std::cerr << fmt::format("Nothing to change: priority {} \"{}\" {}\n", p.id, p.title, why);
}

}  // namespace

void run_priority_add(const PriorityOptions& o, Context& ctx) {
    Priority p;
    p.title = priority_title(o.title);
    // Every value is checked before the journal is opened for writing: a refused command
    // must not even create it.
    auto count = static_cast<long long>(ctx.store().priorities().size());
    if (o.rank) p.rank = static_cast<int>(parse_count(*o.rank, "--rank", count + 1));
    if (o.until) p.until = parse_until(*o.until, ctx.now(), "--until");
    change_priorities(ctx, [&](Store& store) { store.add_priority(p); });
    confirm(ctx, p, "Added");
}

void run_priority_move(const PriorityOptions& o, Context& ctx) {
    auto id = active_priority_id(ctx, o.id);
    auto count = static_cast<long long>(ctx.store().priorities().size());
    auto rank = static_cast<int>(parse_count(o.to_rank, "RANK", count));
    auto p = *ctx.store().find_priority(id);
    if (p.rank == rank) return unchanged(ctx, p, fmt::format("is ranked {} already", rank));
    change_priorities(ctx, [&](Store& store) { store.move_priority(id, rank); });
    confirm(ctx, *ctx.store().find_priority(id), "Moved");
}

void run_priority_done(const PriorityOptions& o, Context& ctx) {
    auto id = active_priority_id(ctx, o.id);
    change_priorities(ctx, [&](Store& store) { store.finish_priority(id); });
    confirm(ctx, *ctx.store().find_priority(id), "Done:");
}

void run_priority_rename(const PriorityOptions& o, Context& ctx) {
    auto p = existing_priority(ctx, o.id);
    auto title = priority_title(o.title);
    if (title == p.title) return unchanged(ctx, p, "has that title already");
    p.title = title;
    change_priorities(ctx, [&](Store& store) { store.rename_priority(p.id, p.title); });
    confirm(ctx, p, "Renamed");
}

void run_priority_remove(const PriorityOptions& o, Context& ctx) {
    auto p = existing_priority(ctx, o.id);
    change_priorities(ctx, [&](Store& store) { store.remove_priority(p.id); });
    if (ctx.json) {
        std::cout << priority_to_json(p, true).dump(2) << '\n';
        return;
    }
    std::cerr << fmt::format("Removed priority {} \"{}\"\n", p.id, p.title);
}

void setup_priority(Command& app, Context& ctx) {
    auto o = std::make_shared<PriorityOptions>();
    auto cmd = app.subcommand("priority", "Keep a ranked list of your priorities");
    cmd.require_subcommand(1);
    cmd.footer(R"(Examples:
  guilt priority add "Kids" --rank 1
  guilt priority add "Spring marathon" --until 2027-04-20
  guilt priority move 3 1
  guilt priority done 2
  guilt priority rename 2 "Sleep"
  guilt priority remove 4)");

    auto add = cmd.subcommand("add", "Add a priority");
    add.option("title", o->title, "What matters, e.g. \"Kids\" or \"Marathon training\"")
        .required()
        .option_text("TITLE");
    add.option("--rank", o->rank, "Its rank, 1 = most important (default: last)");
    add.option("--until", o->until,
               "The day its season ends: 2027-04-20, next monday, in 3 weeks, Nov 5");
    add.footer(R"(Examples:
  guilt priority add "Kids" --rank 1
  guilt priority add "Spring marathon" --until 2027-04-20
  guilt priority add "Grant deadline" --until "next monday")");
    add.callback([o, &ctx] { run_priority_add(*o, ctx); });

    auto list = cmd.subcommand("list", "List your priorities, most important first");
    list.footer(R"(Examples:
  guilt priority list
  guilt priority list --json)");
    list.callback([&ctx] { run_priority_list(ctx); });

    auto move = cmd.subcommand("move", "Give a priority a new rank");
    move.option("id", o->id, "The priority's id (see guilt priority list)")
        .required()
        .option_text("ID");
    move.option("rank", o->to_rank, "Its new rank, 1 = most important")
        .required()
        .option_text("RANK");
    move.footer(R"(Examples:
  guilt priority move 3 1
  guilt priority move 2 4)");
    move.callback([o, &ctx] { run_priority_move(*o, ctx); });

    auto done = cmd.subcommand("done", "Mark a priority done (it leaves the ranking)");
    done.option("id", o->id, "The priority's id (see guilt priority list)")
        .required()
        .option_text("ID");
    done.footer(R"(Examples:
  guilt priority done 2
  guilt priority done 2 --json)");
    done.callback([o, &ctx] { run_priority_done(*o, ctx); });

    auto rename = cmd.subcommand("rename", "Give a priority a new title");
    rename.option("id", o->id, "The priority's id (see guilt priority list)")
        .required()
        .option_text("ID");
    rename.option("title", o->title, "Its new title").required().option_text("TITLE");
    rename.footer(R"(Examples:
  guilt priority rename 2 "Sleep, 7 hours"
  guilt priority rename 1 Family --json)");
    rename.callback([o, &ctx] { run_priority_rename(*o, ctx); });

    auto remove = cmd.subcommand(
        "remove", "Take a priority off the list (unlike done, as if it never was one from now on)");
    remove.option("id", o->id, "The priority's id (see guilt priority list)")
        .required()
        .option_text("ID");
    remove.footer(R"(Past nights are still judged by the list they had.

Examples:
  guilt priority remove 3
  guilt priority remove 3 --json)");
    remove.callback([o, &ctx] { run_priority_remove(*o, ctx); });
}

}  // namespace guilt
