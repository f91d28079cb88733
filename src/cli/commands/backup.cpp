// SPDX-License-Identifier: MIT
// guilt backup [FILE]: an online copy of the journal (SQLite's backup API, safe while another
// guilt writes), private (0600), by default guilt-backup-YYYY-MM-DD.db in the current folder.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "guilt/cli/cli.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
    std::optional<std::string> file;
    bool force = false;
};

void run_backup(const BackupOptions& o, Context& ctx) {
    auto journal = ctx.db_path();
    std::error_code ec;
    if (!fs::exists(journal, ec))
        throw StoreError(fmt::format("{}: no journal there yet, nothing to back up", journal));
    auto default_name = fmt::format("guilt-backup-{}.db", format_date(local_date(ctx.now())));
    auto dest = o.file.value_or(default_name);
    if (dest.empty()) throw UsageError("FILE is empty; give a file name or leave it out");
    if (fs::is_directory(dest, ec)) dest = (fs::path(dest) / default_name).string();
    auto& store = ctx.store();
    check_output_path(dest, o.force, "FILE");
    store.backup_to(dest);
    // Counted in the copy itself: it opens as a journal, and holds what it holds.
    auto entries = Store::open(dest, Store::Access::read)->count_entries();
    if (ctx.json) {
        std::cout << nlohmann::ordered_json{{"path", fs::absolute(dest).string()},
                                            {"entries", entries}}
                         .dump(2)
                  << '\n';
        return;
    }
    std::cerr << fmt::format("Backed up {} to {} (mode 0600).\n",
                             plural(entries, "entry", "entries"), dest);
}

}  // namespace

void setup_backup(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<BackupOptions>();
    auto* cmd =
        app.add_subcommand("backup", "Copy the journal to a file, safely, even while it is in use");
    cmd->add_option("file", o->file, "Where to copy it: a file, or a folder for the default name")
        ->option_text("[FILE]");
    cmd->add_flag("-f,--force", o->force, "Replace FILE when it already exists");
    cmd->footer(
        R"(The copy is a whole journal (mode 0600): open it with guilt --db FILE, or put it back
in place of the journal to restore it. Default FILE: guilt-backup-YYYY-MM-DD.db here.

Examples:
  guilt backup
  guilt backup ~/Backups/
  guilt backup journal-before-import.db --force)");
    cmd->callback([o, &ctx] { run_backup(*o, ctx); });
}

}  // namespace guilt
