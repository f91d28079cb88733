// SPDX-License-Identifier: MIT
// guilt backup [FILE]: an online copy of the journal (SQLite's backup API, safe while another
// guilt writes), private (0600), by default guilt-backup-YYYY-MM-DD.db in the current folder;
// `guilt backup -` writes the copy's bytes to stdout (never to a terminal).
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "guilt/cli/cli.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/cli/private_folder.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
    std::optional<std::string> file;
    bool force = false;
};

// Copies the file `path` to stdout. Throws StoreError when stdout cannot take it (a full disk).
void stream_to_stdout(const std::string& path) {
    std::FILE* in = std::fopen(path.c_str(), "rb");
    if (in == nullptr)
        throw StoreError(fmt::format("{}: cannot read the copy: {}", path, std::strerror(errno)));
    char buf[65536];
    std::size_t n;
    bool written = true;
    while (written && (n = std::fread(buf, 1, sizeof buf, in)) > 0)
        written = std::fwrite(buf, 1, n, stdout) == n;
    bool read = std::ferror(in) == 0;
    std::fclose(in);
    if (!read || !written || std::fflush(stdout) != 0)
        throw StoreError(fmt::format("cannot write the copy to stdout: {}", std::strerror(errno)));
}

// guilt backup -: the copy is made in a private folder of its own, streamed, and removed. Its
// bytes are a SQLite file: refused on a terminal, and with --json (stdout holds the copy).
void backup_to_stdout(Context& ctx) {
    if (ctx.json) throw UsageError("--json cannot go with FILE -: stdout holds the copy itself");
    if (is_terminal(stdout))
        throw UsageError(
            "FILE - writes the journal's bytes to stdout, which is a terminal; pipe or redirect "
            "it (guilt backup - > copy.db), or give a file name");
    auto& store = ctx.store();
    PrivateFolder folder;
    auto copy = folder.file("journal.db");
    store.backup_to(copy);
    auto entries = Store::open(copy, Store::Access::read)->count_entries();
    stream_to_stdout(copy);
    folder.remove();
    std::cerr << fmt::format("Backed up {} to stdout.\n", plural(entries, "entry", "entries"));
}

void run_backup(const BackupOptions& o, Context& ctx) {
    auto journal = ctx.db_path();
    std::error_code ec;
    if (!fs::exists(journal, ec))
        throw StoreError(fmt::format("{}: no journal there yet, nothing to back up", journal));
    auto default_name = fmt::format("guilt-backup-{}.db", format_date(local_date(ctx.now())));
    auto dest = o.file.value_or(default_name);
    if (dest.empty()) throw UsageError("FILE is empty; give a file name or leave it out");
    if (is_stdout_path(dest)) return backup_to_stdout(ctx);
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
    cmd->add_option("file", o->file,
                    "Where to copy it: a file, a folder for the default name, or - for stdout")
        ->option_text("[FILE]");
    cmd->add_flag("-f,--force", o->force, "Replace FILE when it already exists");
    cmd->footer(
        R"(The copy is a whole journal (mode 0600): open it with guilt --db FILE, or put it back
in place of the journal to restore it. Default FILE: guilt-backup-YYYY-MM-DD.db here.
FILE - writes the copy to stdout (a pipe or a file, never a terminal).

Examples:
  guilt backup
  guilt backup ~/Backups/
  guilt backup journal-before-import.db --force
  guilt backup - | gzip > journal.db.gz)");
    cmd->callback([o, &ctx] { run_backup(*o, ctx); });
}

}  // namespace guilt
