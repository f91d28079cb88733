// SPDX-License-Identifier: MIT
// guilt undo: revert the last change (a capture, an edit, a delete, an import, a priority, a
// motto, a setting); again, the one before. The store keeps the last 100 changes.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr const char* kNothing = "nothing left to undo (guilt keeps the last 100 changes)";

// "your priorities" for "priorities": the other parts of the journal, in her words.
std::string part_name(const std::string& table) {
    if (table == "priorities") return "your priorities";
    if (table == "mottos") return "your motto";
    if (table == "settings") return "your settings";
    if (table == "showings") return "the record of prompts shown";
    if (table == "kids") return "the names of your kids";
    if (table == "not_kids") return "the names that are not kids";
    if (table == "followups") return "your follow-up answers";
    return "the " + table;
}

// One sentence saying what was undone, e.g. "Undid saving guilt moment #12 on Thu, Nov 26
// 21:00 ([6] Missed pickup): it is gone."
std::string describe(const UndoneChange& u) {
    std::vector<std::string> others;
    for (const auto& t : u.others)
        others.push_back(part_name(t));
    auto and_others = others.empty() ? "" : ", and the change to " + join_and(others);
    if (u.entry) {
        auto what = fmt::format("{} ({})", describe_entry(*u.entry), summary(*u.entry));
        if (u.entries_removed == 1)
            return fmt::format("Undid saving {}{}: it is no longer in the journal.", what,
                               and_others);
        if (u.entries_restored == 1)
            return fmt::format("Undid deleting {}{}: it is back.", what, and_others);
        return fmt::format("Undid the change to {}{}: it is as it was.", what, and_others);
    }
    std::vector<std::string> parts;
    if (u.entries_removed > 0)
        parts.push_back(fmt::format("removed the {} it had added",
                                    plural(u.entries_removed, "entry", "entries")));
    if (u.entries_restored > 0)
        parts.push_back(fmt::format("brought back the {} it had deleted",
                                    plural(u.entries_restored, "entry", "entries")));
    if (u.entries_reverted > 0)
        parts.push_back(fmt::format("set back the {} it had changed",
                                    plural(u.entries_reverted, "entry", "entries")));
    if (!others.empty()) parts.push_back("set back " + join_and(others));
    if (parts.empty()) return "Undid the last change.";
    return fmt::format("Undid the last change: {}.", join_and(parts));
}

void run_undo(Context& ctx) {
    std::error_code ec;
    // A journal that is not there has nothing to undo, and must not be created to say so.
    if (!std::filesystem::exists(ctx.db_path(), ec)) throw UsageError(kNothing);
    auto& store = ctx.store(Store::Access::write);
    std::optional<UndoneChange> undone;
    store.write([&] {
        undone = store.undo();
        if (!undone) throw UsageError(kNothing);  // rolled back: not even the log is touched
    });
    if (ctx.json) {
        nlohmann::ordered_json out{{"made_at", format_iso(in_local_zone(undone->made_utc))},
                                   {"entries_removed", undone->entries_removed},
                                   {"entries_restored", undone->entries_restored},
                                   {"entries_reverted", undone->entries_reverted},
                                   {"others", undone->others},
                                   {"entry", nullptr}};
        if (undone->entry) out["entry"] = entry_to_json(*undone->entry, true);
        std::cout << out.dump(2) << '\n';
        return;
    }
    std::cerr << describe(*undone) << '\n';
}

}  // namespace

void setup_undo(Command& app, Context& ctx) {
    auto cmd = app.subcommand("undo", "Revert the last change (again: the one before)");
    cmd.footer(
        R"(Reverts the last change to the journal, whatever it was: a capture, an edit, a delete
(the entry comes back with its own id), an import (what it added goes), a priority, a motto or a
setting. Run it again to revert the one before; guilt keeps the last 100 changes. With nothing
left to undo it exits 2.

Examples:
  guilt undo
  guilt undo --json)");
    cmd.callback([&ctx] { run_undo(ctx); });
}

}  // namespace guilt
