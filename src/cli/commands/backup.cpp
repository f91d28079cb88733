// SPDX-License-Identifier: MIT
// guilt backup [FILE]: an online copy of the journal (SQLite's backup API, safe while another
// guilt writes), private (0600), by default guilt-backup-YYYY-MM-DD.db in the current folder;
// `guilt backup -` writes the copy's bytes to stdout (never to a terminal). With --to age1...
// or --passphrase the copy is encrypted in the age v1 format (cli/age.hpp): made first in a
// private folder, as for stdout, then encrypted into FILE.
#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/command.hpp"
#include "guilt/cli/age.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/cli/passphrase.hpp"
#include "guilt/cli/private_folder.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/atomic_file.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

struct BackupOptions {
    std::optional<std::string> file;
    bool force = false;
    std::vector<std::string> to;  // age1... public keys
    bool passphrase = false;
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

// The recipients of --to and --passphrase, or nothing for a plain copy. The passphrase itself
// is asked later (ask_for_passphrase), once every other check has passed.
std::optional<age::Recipients> parse_recipients(const BackupOptions& o) {
    if (o.to.empty() && !o.passphrase) return std::nullopt;
    if (!o.to.empty() && o.passphrase)
        throw UsageError(
            "--to and --passphrase cannot go together (age keeps a passphrase alone in a "
            "file); choose one");
    age::Recipients r;
    for (const auto& text : o.to) {
        try {
            r.keys.push_back(age::parse_recipient(text));
        } catch (const std::invalid_argument& e) {
            throw UsageError(fmt::format("--to {} {}", single_quoted(text), e.what()));
        }
    }
    return r;
}

void ask_for_passphrase(const BackupOptions& o, std::optional<age::Recipients>& r) {
    if (o.passphrase)
        r->passphrase = ask_new_passphrase(
            "use --to age1... instead (a public key: no secret is needed on this machine)");
}

// How the copy was encrypted, for her message.
std::string encrypted_how(const std::optional<age::Recipients>& r) {
    if (!r) return "";
    if (r->passphrase) return ", encrypted with your passphrase";
    return fmt::format(", encrypted to {}", plural(static_cast<std::int64_t>(r->keys.size()),
                                                   "age recipient", "age recipients"));
}

// Encrypts the plain copy at `plain` to `r`, into `dest`, or to stdout for -.
void encrypt_copy(const std::string& plain, const age::Recipients& r, const std::string& dest) {
    std::ifstream in(plain, std::ios::binary);
    if (!in) throw StoreError(fmt::format("{}: cannot read the copy", plain));
    if (is_stdout_path(dest)) {
        age::encrypt(in, r, [](std::string_view bytes) {
            if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size())
                throw StoreError(
                    fmt::format("cannot write the copy to stdout: {}", std::strerror(errno)));
        });
        if (std::fflush(stdout) != 0)
            throw StoreError(
                fmt::format("cannot write the copy to stdout: {}", std::strerror(errno)));
        return;
    }
    AtomicFile file(dest);
    age::encrypt(in, r, [&](std::string_view bytes) { file.write(bytes); });
    file.commit();
}

// The copy made in a private folder of its own ($TMPDIR, 0700), then streamed to stdout or
// encrypted into `dest`, and removed with the folder on every path. Returns its entries.
std::int64_t copy_through_private_folder(Context& ctx, const std::string& dest,
                                         const std::optional<age::Recipients>& r) {
    auto& store = ctx.store();
    PrivateFolder folder;
    auto copy = folder.file("journal.db");
    store.backup_to(copy);
    store.fold_log_on_close(true);  // journal.db alone is whole after a backup
    auto entries = Store::open(copy, Store::Access::read)->count_entries();
    if (r)
        encrypt_copy(copy, *r, dest);
    else
        stream_to_stdout(copy);
    folder.remove();
    return entries;
}

// guilt backup -: the copy's bytes (or the age file) on stdout. Refused on a terminal, and with
// --json (stdout holds the copy).
void backup_to_stdout(Context& ctx, std::optional<age::Recipients>& r, const BackupOptions& o) {
    if (ctx.json) throw UsageError("--json cannot go with FILE -: stdout holds the copy itself");
    if (is_terminal(stdout))
        throw UsageError(
            "FILE - writes the journal's bytes to stdout, which is a terminal; pipe or redirect "
            "it (guilt backup - > copy.db), or give a file name");
    ask_for_passphrase(o, r);
    auto entries = copy_through_private_folder(ctx, "-", r);
    std::cerr << fmt::format("Backed up {} to stdout{}.\n", plural(entries, "entry", "entries"),
                             encrypted_how(r));
}

void run_backup(const BackupOptions& o, Context& ctx) {
    auto recipients = parse_recipients(o);
    auto journal = ctx.db_path();
    std::error_code ec;
    if (!fs::exists(journal, ec))
        throw StoreError(fmt::format("{}: no journal there yet, nothing to back up", journal));
    auto default_name = fmt::format("guilt-backup-{}.db{}", format_date(local_date(ctx.now())),
                                    recipients ? ".age" : "");
    auto dest = o.file.value_or(default_name);
    if (dest.empty()) throw UsageError("FILE is empty; give a file name or leave it out");
    struct Forget {
        std::optional<age::Recipients>& r;
        ~Forget() {
            if (r && r->passphrase) forget_secret(*r->passphrase);
        }
    } forget{recipients};
    if (is_stdout_path(dest)) return backup_to_stdout(ctx, recipients, o);
    if (fs::is_directory(dest, ec)) dest = (fs::path(dest) / default_name).string();
    auto& store = ctx.store();
    check_output_path(dest, o.force, "FILE");
    std::int64_t entries = 0;
    if (recipients) {
        ask_for_passphrase(o, recipients);
        entries = copy_through_private_folder(ctx, dest, recipients);
    } else {
        store.backup_to(dest);
        store.fold_log_on_close(true);
        // Counted in the copy itself: it opens as a journal, and holds what it holds.
        entries = Store::open(dest, Store::Access::read)->count_entries();
    }
    if (ctx.json) {
        std::cout << nlohmann::ordered_json{{"path", fs::absolute(dest).string()},
                                            {"entries", entries},
                                            {"encrypted", recipients.has_value()}}
                         .dump(2)
                  << '\n';
        return;
    }
    std::cerr << fmt::format("Backed up {} to {}{} (mode 0600).\n",
                             plural(entries, "entry", "entries"), dest, encrypted_how(recipients));
}

}  // namespace

void setup_backup(Command& app, Context& ctx) {
    auto o = std::make_shared<BackupOptions>();
    auto cmd =
        app.subcommand("backup", "Copy the journal to a file, safely, even while it is in use");
    cmd.option("file", o->file,
               "Where to copy it: a file, a folder for the default name, or - for stdout")
        .option_text("[FILE]");
    cmd.flag("-f,--force", o->force, "Replace FILE when it already exists");
    cmd.option("--to", o->to, "Encrypt the copy to this age public key (age1...); may be repeated")
        .option_text("RECIPIENT");
    cmd.flag("--passphrase", o->passphrase,
             "Encrypt the copy with a passphrase, asked twice at the terminal");
    cmd.footer(
        R"(The copy is a whole journal (mode 0600): open it with guilt --db FILE, or put it back
in place of the journal to restore it. Default FILE: guilt-backup-YYYY-MM-DD.db here.
FILE - writes the copy to stdout (a pipe or a file, never a terminal).
--to and --passphrase write it encrypted in the age v1 format (default name
guilt-backup-YYYY-MM-DD.db.age), which the age command reads and guilt restore puts back.
--to needs only a public key (make a key pair with age-keygen and keep its secret file
off this machine), so a nightly backup runs unattended; the passphrase is asked at the
terminal and never stored.

Examples:
  guilt backup
  guilt backup ~/Backups/
  guilt backup journal-before-import.db --force
  guilt backup - | gzip > journal.db.gz
  guilt backup ~/Sync/ --to age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p
  guilt backup --passphrase)");
    cmd.callback([o, &ctx] { run_backup(*o, ctx); });
}

}  // namespace guilt
