// SPDX-License-Identifier: MIT
// guilt restore FILE [-i KEYFILE]: a backup, plain (.db) or encrypted in the age format (with the
// identity file, or the passphrase asked at the terminal), becomes the journal. It is decrypted
// into a private file beside the journal, checked whole (a guilt journal, sound, not from a newer
// guilt), and only then renamed over the journal; the journal it replaces is kept beside it.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/command.hpp"
#include "guilt/cli/age.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/passphrase.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/atomic_file.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxKeyFile = 64 * 1024;

struct RestoreOptions {
    std::string file;
    std::optional<std::string> identity;
};

enum class BackupKind { plain, age, armored, unknown };

BackupKind kind_of(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(34, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.starts_with(std::string_view("SQLite format 3\0", 16))) return BackupKind::plain;
    if (head.starts_with("age-encryption.org/")) return BackupKind::age;
    if (head.starts_with("-----BEGIN AGE ENCRYPTED FILE-----")) return BackupKind::armored;
    return BackupKind::unknown;
}

// The secret keys of the identity file `path` (-i).
std::vector<age::Key32> read_identity_file(const std::string& path) {
    auto refuse = [&](std::string_view why) {
        throw UsageError(fmt::format("-i {} {}", single_quoted(path), why));
    };
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) refuse("is not a file (give the age identity file)");
    if (fs::file_size(path, ec) > kMaxKeyFile) refuse("is too large for an age identity file");
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) refuse(fmt::format("cannot be read: {}", std::strerror(errno)));
    try {
        auto keys = age::parse_identities(text);
        forget_secret(text);
        return keys;
    } catch (const std::invalid_argument& e) {
        forget_secret(text);
        refuse(e.what());
    }
    return {};
}

// One line for her when `file` cannot be decrypted.
std::string decrypt_failure(const age::DecryptError& e, const std::string& file, bool with_key) {
    auto name = single_quoted(file);
    switch (e.failure()) {
        case age::Failure::no_match:
            return with_key ? fmt::format(
                                  "{}: the key given with -i does not open it (another "
                                  "key, or a backup made with --passphrase); nothing "
                                  "was changed",
                                  name)
                            : fmt::format(
                                  "{}: that passphrase does not open it; nothing was "
                                  "changed",
                                  name);
        case age::Failure::hmac:
            return fmt::format(
                "{}: was changed after it was written (its header does not match "
                "its MAC); nothing was changed",
                name);
        case age::Failure::payload:
            return fmt::format(
                "{}: is cut short or was changed after it was written ({}); "
                "nothing was changed",
                name, e.what());
        case age::Failure::header:
            break;
    }
    return fmt::format("{}: is not a whole age file ({}); nothing was changed", name, e.what());
}

// What opens `file`: the keys of -i, else the passphrase when a passphrase made it.
age::Identities identities_for(const RestoreOptions& o) {
    age::Identities ids;
    if (o.identity) {
        ids.keys = read_identity_file(*o.identity);
        return ids;
    }
    std::ifstream in(o.file, std::ios::binary);
    std::vector<age::Stanza> stanzas;
    try {
        stanzas = age::read_stanzas(in);
    } catch (const age::DecryptError& e) {
        throw UsageError(decrypt_failure(e, o.file, false));
    }
    bool scrypt = std::any_of(stanzas.begin(), stanzas.end(),
                              [](const age::Stanza& s) { return s.args[0] == "scrypt"; });
    if (!scrypt)
        throw UsageError(
            fmt::format("{} is encrypted to an age key: give its identity file with -i KEYFILE",
                        single_quoted(o.file)));
    ids.passphrase =
        ask_passphrase("Passphrase of the backup: ",
                       "restore it from a terminal, or decrypt it first with age -d -o FILE.db");
    return ids;
}

// Makes the journal's missing folders, each 0700.
void make_journal_folder(const std::string& journal) {
    auto dir = fs::absolute(journal).parent_path();
    std::vector<fs::path> missing;
    for (auto d = dir; !d.empty() && !fs::exists(d); d = d.parent_path())
        missing.push_back(d);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it)
        if (::mkdir(it->c_str(), 0700) != 0 && errno != EEXIST)
            throw StoreError(fmt::format("{}: cannot create its folder {}: {}", journal,
                                         it->string(), std::strerror(errno)));
}

// Writes what `o.file` holds, decrypted, into `copy`.
void write_backup(const RestoreOptions& o, BackupKind kind, AtomicFile& copy) {
    std::ifstream in(o.file, std::ios::binary);
    if (!in) throw UsageError(fmt::format("FILE {} cannot be read", single_quoted(o.file)));
    if (kind == BackupKind::plain) {
        std::string buf(age::kChunkSize, '\0');
        while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0)
            copy.write(std::string_view(buf.data(), static_cast<std::size_t>(in.gcount())));
        if (in.bad()) throw StoreError(fmt::format("{}: cannot be read", o.file));
        return;
    }
    auto ids = identities_for(o);
    try {
        age::decrypt(in, ids, [&](std::string_view plain) { copy.write(plain); });
    } catch (const age::DecryptError& e) {
        if (ids.passphrase) forget_secret(*ids.passphrase);
        throw UsageError(decrypt_failure(e, o.file, o.identity.has_value()));
    }
    if (ids.passphrase) forget_secret(*ids.passphrase);
}

// Store::check_restored on the decrypted copy, its errors naming FILE rather than the copy.
std::int64_t check_copy(const std::string& copy, const std::string& file) {
    auto named = [&](const std::exception& e) {
        std::string text = e.what();
        for (auto at = text.find(copy); at != std::string::npos; at = text.find(copy))
            text.replace(at, copy.size(), single_quoted(file));
        return text + "; nothing was changed";
    };
    try {
        return Store::check_restored(copy);
    } catch (const NotAJournal& e) {
        throw UsageError(named(e));
    } catch (const JournalDamaged& e) {
        throw UsageError(named(e));
    } catch (const StoreError& e) {
        throw StoreError(named(e));
    }
}

// JOURNAL.before-restore-YYYY-MM-DD.backup, or with -2, -3... when that is taken.
std::string kept_name(const std::string& journal, Context& ctx) {
    auto base = fmt::format("{}.before-restore-{}", journal, format_date(local_date(ctx.now())));
    std::error_code ec;
    for (int n = 1;; ++n) {
        auto name = n == 1 ? base + ".backup" : fmt::format("{}-{}.backup", base, n);
        if (!fs::exists(fs::symlink_status(name, ec))) return name;
    }
}

void run_restore(const RestoreOptions& o, Context& ctx) {
    std::error_code ec;
    if (o.file.empty()) throw UsageError("FILE is empty; give the backup to restore");
    if (!fs::is_regular_file(o.file, ec))
        throw UsageError(fmt::format("FILE {} is not a file", single_quoted(o.file)));
    auto journal = ctx.db_path();
    if (fs::equivalent(o.file, journal, ec))
        throw UsageError(fmt::format("FILE {} is the journal itself", single_quoted(o.file)));
    auto kind = kind_of(o.file);
    if (kind == BackupKind::armored)
        throw UsageError(
            fmt::format("FILE {} is in age's ASCII armor, which guilt does not read: "
                        "age -d -o backup.db it first",
                        single_quoted(o.file)));
    if (kind == BackupKind::unknown)
        throw UsageError(
            fmt::format("FILE {} is neither a guilt backup (.db) nor an age-encrypted one (.age)",
                        single_quoted(o.file)));
    if (kind == BackupKind::plain && o.identity)
        throw UsageError(fmt::format("-i is for an encrypted backup, and {} is a plain one",
                                     single_quoted(o.file)));
    make_journal_folder(journal);
    AtomicFile copy(journal);
    write_backup(o, kind, copy);
    if (kind_of(copy.temp_path()) != BackupKind::plain)
        throw UsageError(
            fmt::format("{} decrypts to something that is not a guilt journal; "
                        "nothing was changed",
                        single_quoted(o.file)));
    auto entries = check_copy(copy.temp_path(), o.file);
    bool had_journal = fs::exists(journal, ec);
    auto kept = kept_name(journal, ctx);
    Store::replace_journal(journal, kept, [&] { copy.commit(); });
    if (ctx.json) {
        nlohmann::ordered_json out{{"path", fs::absolute(journal).string()}, {"entries", entries}};
        out["kept"] = had_journal ? nlohmann::ordered_json(kept) : nlohmann::ordered_json();
        std::cout << out.dump(2) << '\n';
        return;
    }
    std::cerr << fmt::format("Restored {} from {} into {}.\n", plural(entries, "entry", "entries"),
                             o.file, journal);
    if (had_journal) std::cerr << fmt::format("The journal it replaced is kept as {}.\n", kept);
}

}  // namespace

void setup_restore(Command& app, Context& ctx) {
    auto o = std::make_shared<RestoreOptions>();
    auto cmd = app.subcommand(
        "restore",
        "Make a backup (plain or age-encrypted) the journal, keeping the one it replaces");
    cmd.option("file", o->file, "The backup: a guilt-backup-...db, or an age file")
        .required()
        .option_text("FILE");
    cmd.option("-i,--identity", o->identity,
               "The age identity file (AGE-SECRET-KEY-1...) that opens an encrypted backup")
        .option_text("KEYFILE");
    cmd.footer(
        R"(The backup is decrypted into a private file beside the journal and checked whole; only
a sound guilt journal takes the journal's place. The journal it replaces is kept beside
it as JOURNAL.before-restore-YYYY-MM-DD.backup. A backup made with --passphrase asks for
it at the terminal. A wrong key or passphrase, or a file cut short or changed, is
refused and nothing changes.

Examples:
  guilt restore guilt-backup-2026-11-26.db
  guilt restore guilt-backup-2026-11-26.db.age -i /media/usb/backup-key.txt
  guilt restore guilt-backup-2026-11-26.db.age          # made with --passphrase)");
    cmd.callback([o, &ctx] { run_restore(*o, ctx); });
}

}  // namespace guilt
