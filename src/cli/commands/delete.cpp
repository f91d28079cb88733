// SPDX-License-Identifier: MIT
// guilt delete [--purge] ID: remove an entry; asks first on a terminal. The undo log keeps its
// words for the next changes (guilt undo brings it back); --purge removes them at once.
#include <fmt/format.h>

#include <iostream>
#include <limits>

#include "command_kit/capture.hpp"
#include "command_kit/command.hpp"
#include "command_kit/entry_ref.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/entry_json.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/parse.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

struct DeleteOptions {
    std::string id;
    bool yes = false;
    bool purge = false;
};

// Asks on a terminal (unless --yes); false when she did not say yes.
bool confirmed(const DeleteOptions& o, const std::string& question) {
    if (o.yes || !is_terminal(stdin) || !is_terminal(stderr)) return true;
    auto answer = ask(question);
    if (answer && (to_lower(trim(*answer)) == "y" || to_lower(trim(*answer)) == "yes")) return true;
    std::cerr << "Kept it.\n";
    return false;
}

// --purge: the entry (when it is still there) and everything the undo log holds of it go, and
// the journal's files are rewritten so that no free page or -wal keeps its words.
void purge(const DeleteOptions& o, Context& ctx) {
    auto id = parse_count(o.id, "ID", std::numeric_limits<std::int64_t>::max());
    auto e = ctx.store().find(id);
    if (e && !confirmed(o, fmt::format("Delete {} for good (it cannot be undone): {}? [y/N] ",
                                       describe_entry(*e), summary(*e))))
        return;
    auto& store = ctx.store(Store::Access::write);
    std::optional<std::int64_t> forgotten;
    store.write([&] { forgotten = store.purge(id); });
    if (!forgotten)
        throw UsageError(
            fmt::format("ID {} is not in the journal, and the undo log holds nothing of it", o.id));
    bool emptied = store.compact();
    if (ctx.json) {
        nlohmann::ordered_json out{{"id", id}, {"purged", true}, {"entry", nullptr}};
        if (e) out["entry"] = entry_to_json(*e, true);
        std::cout << out.dump(2) << '\n';
    } else if (e) {
        std::cerr << fmt::format(
            "Deleted {} for good: nothing of it is left in the journal or its undo log (guilt "
            "undo cannot bring it back; backups made before still hold it).\n",
            describe_entry(*e));
    } else {
        std::cerr << fmt::format(
            "Removed what the undo log held of deleted entry #{}: it cannot be brought back "
            "now.\n",
            id);
    }
    if (!emptied)
        std::cerr << fmt::format(
            "Another program has the journal open: its words may stay in {}-wal until that "
            "program closes it.\n",
            store.path());
}

void remove_entry(const DeleteOptions& o, Context& ctx) {
    auto e = entry_by_id(ctx, o.id);
    if (!confirmed(o, fmt::format("Delete {}: {}? [y/N] ", describe_entry(e), summary(e)))) return;
    auto& store = ctx.store(Store::Access::write);
    store.write([&] { store.remove(e.id); });
    if (ctx.json) {
        std::cout << entry_to_json(e, true).dump(2) << '\n';
        return;
    }
    std::cerr << fmt::format(
        "Deleted {}. Its words stay in the undo log for the next {} changes (guilt undo brings "
        "it back); guilt delete --purge {} removes them now.\n",
        describe_entry(e), kUndoKeptChanges, e.id);
}

void run_delete(const DeleteOptions& o, Context& ctx) {
    o.purge ? purge(o, ctx) : remove_entry(o, ctx);
}

}  // namespace

void setup_delete(Command& app, Context& ctx) {
    auto o = std::make_shared<DeleteOptions>();
    auto cmd = app.subcommand("delete", "Delete an entry (asks first on a terminal)");
    cmd.option("id", o->id, "The entry's id (see guilt list)").required().option_text("ID");
    cmd.flag("-y,--yes", o->yes, "Do not ask");
    cmd.flag("--purge", o->purge,
             "Delete it for good: remove its words from the undo log too (also for an "
             "entry deleted before)");
    cmd.footer(fmt::format(
        R"(A deleted entry's words stay in the undo log for the next {} changes, so that guilt undo
can bring it back; then they are gone. --purge removes them at once, from the journal file and
its -wal (it cannot be undone). A backup never holds a deleted entry's words.

Examples:
  guilt delete 12
  guilt delete 12 --yes
  guilt delete --purge 12)",
        kUndoKeptChanges));
    cmd.callback([o, &ctx] { run_delete(*o, ctx); });
}

}  // namespace guilt
