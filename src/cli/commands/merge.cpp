// SPDX-License-Identifier: MIT
// guilt merge OTHER: another copy of her journal (a .db, or a guilt JSON export) brought into this
// one, in one transaction and one `guilt undo`: a union by uuid where the newer version of a row
// wins, the losing words kept (guilt merge --conflicts lists them), deletes carried over. OTHER
// is opened read-only and never changed. The rule is Store::merge (store/store_merge.cpp).
#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/journal_import.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

struct MergeOptions {
    std::string other;
    bool dry_run = false;
    bool conflicts = false;
};

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

// OTHER's rows, after the refusals: no such file, not a file, the journal itself (the same file,
// or a hard link to it), neither a journal nor an export.
MergeRows read_other(const std::string& other, const std::string& journal) {
    struct stat o {
    }, j{};
    if (::stat(other.c_str(), &o) != 0)
        throw UsageError(fmt::format("{}: cannot read it: {}", other, std::strerror(errno)));
    if (!S_ISREG(o.st_mode))
        throw UsageError(
            fmt::format("{}: is not a file (give a journal .db or a JSON export)", other));
    if (::stat(journal.c_str(), &j) == 0 && j.st_dev == o.st_dev && j.st_ino == o.st_ino)
        throw UsageError(fmt::format(
            "{}: is this journal itself; give the other copy (a backup, or an export)", other));
    std::ifstream in(other, std::ios::binary);
    if (!in) throw UsageError(fmt::format("{}: cannot read it: {}", other, std::strerror(errno)));
    std::string head(kSqliteMagic.size(), '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head == kSqliteMagic) return Store::read_other(other);
    in.clear();
    in.seekg(0);
    in >> std::ws;
    if (in.peek() != '{')
        throw UsageError(fmt::format(
            "{}: is not a guilt journal or a guilt JSON export; nothing was merged", other));
    try {
        std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        return merge_rows_from_json(parse_import_json(text));
    } catch (const UsageError& e) {
        throw UsageError(fmt::format("{}: {}; nothing was merged", other, e.what()));
    }
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

// "12 new entries, 3 changed, 1 deleted; 2 priorities; 1 conflict kept (...)".
std::string describe(const MergeCounts& n) {
    std::vector<std::string> parts;
    parts.push_back(plural(n.added, "new entry", "new entries"));
    parts.push_back(fmt::format("{} changed", n.changed));
    parts.push_back(fmt::format("{} deleted", n.deleted));
    if (n.priorities > 0) parts.push_back(plural(n.priorities, "priority", "priorities"));
    if (n.mottos > 0) parts.push_back(plural(n.mottos, "motto", "mottos"));
    if (n.settings > 0) parts.push_back(plural(n.settings, "setting", "settings"));
    if (n.kids > 0) parts.push_back(plural(n.kids, "change to your kids", "changes to your kids"));
    if (n.history > 0)
        parts.push_back(plural(n.history, "record", "records") +
                        " (answers, prompts shown, the priorities' history)");
    auto text = fmt::format("{}", fmt::join(parts, ", "));
    if (n.conflicts > 0)
        text += fmt::format("; {} kept (guilt merge --conflicts)",
                            plural(n.conflicts, "conflict", "conflicts"));
    return text;
}

nlohmann::ordered_json counts_json(const MergeCounts& n) {
    return {{"entries_added", n.added},
            {"entries_changed", n.changed},
            {"entries_deleted", n.deleted},
            {"priorities", n.priorities},
            {"mottos", n.mottos},
            {"settings", n.settings},
            {"kids", n.kids},
            {"records", n.history},
            {"conflicts", n.conflicts}};
}

void list_conflicts(Context& ctx) {
    auto kept = ctx.store().conflicts();
    if (ctx.json) {
        auto out = nlohmann::ordered_json::array();
        for (const auto& c : kept)
            out.push_back({{"table", c.table},
                           {"uuid", c.uuid},
                           {"entry_id", c.entry_id > 0 ? nlohmann::ordered_json(c.entry_id)
                                                       : nlohmann::ordered_json(nullptr)},
                           {"about", c.about},
                           {"field", c.field},
                           {"version", c.version},
                           {"text", c.text}});
        std::cout << out.dump(2) << '\n';
        return;
    }
    if (kept.empty()) {
        std::cerr << "No conflicts: no merge has had to choose between two versions of words.\n";
        return;
    }
    for (const auto& c : kept) {
        auto where = c.entry_id > 0 ? fmt::format("#{} ({})", c.entry_id, visible(c.about))
                                    : fmt::format("priority \"{}\"", visible(c.about));
        std::cout << fmt::format("{}, the {} that lost:\n  {}\n", where, c.field, visible(c.text));
    }
}

void run_merge(const MergeOptions& o, Context& ctx) {
    if (o.conflicts) return list_conflicts(ctx);
    if (o.other.empty())
        throw UsageError("OTHER is missing: give the other copy, a journal .db or a JSON export");
    auto rows = read_other(o.other, ctx.db_path());
    if (o.dry_run) ctx.quiet_when_missing = true;
    auto counts = ctx.store().merge(rows, false);
    if (!o.dry_run && !counts.nothing()) {
        auto& store = ctx.store(Store::Access::write);
        store.write([&] { counts = store.merge(rows, true); });
    }
    if (ctx.json) {
        nlohmann::ordered_json out{{"file", o.other},
                                   {"dry_run", o.dry_run},
                                   {"nothing_new", counts.nothing()},
                                   {"merged", counts_json(counts)}};
        std::cout << out.dump(2) << '\n';
    } else if (counts.nothing()) {
        std::cerr << fmt::format("Nothing new in {}; the journal is unchanged.\n", o.other);
    } else {
        std::cerr << fmt::format("{} {}: {}\n", o.dry_run ? "Would merge" : "Merged", o.other,
                                 describe(counts));
    }
}

}  // namespace

void setup_merge(Command& app, Context& ctx) {
    auto o = std::make_shared<MergeOptions>();
    auto cmd = app.subcommand(
        "merge", "Bring another copy of the journal (a .db or a JSON export) into this one");
    cmd.option("other", o->other, "The other copy: a journal .db (a backup) or a guilt JSON export")
        .option_text("[OTHER]");
    cmd.flag("--dry-run", o->dry_run, "Say what would change, and write nothing");
    cmd.flag("--conflicts", o->conflicts, "List the words merges kept because another version won");
    cmd.footer(
        R"(For a journal kept on two computers: on one, write a backup (or an export) into a
synced folder or onto a USB stick; on the other, merge it. Never sync the live journal.db
itself through Dropbox or Syncthing: a database copied while it is written forks or breaks.

Every entry, priority, motto and setting is matched by its uuid; where both copies changed one,
the newer change wins, and the words that lost are kept: guilt merge --conflicts lists them.
A delete in either copy carries over. OTHER is only read. One merge is one change for guilt
undo; merging the same file twice changes nothing the second time.

Examples:
  guilt backup ~/Sync/laptop.db              # on the laptop
  guilt merge ~/Sync/laptop.db --dry-run     # on the work computer
  guilt merge ~/Sync/laptop.db
  guilt merge backup.json
  guilt merge --conflicts)");
    cmd.callback([o, &ctx] { run_merge(*o, ctx); });
}

}  // namespace guilt
