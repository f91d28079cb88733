// SPDX-License-Identifier: MIT
// guilt doctor [--fix]: checks the journal (SQLite integrity, schema version, file modes, the
// full-text index against the entries) without changing it, and says how to fix each problem;
// --fix repairs what can be repaired safely.
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>

#include "command_kit/command.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxDamageLines = 5;  // integrity_check can list hundreds

struct Problem {
    std::string problem;
    std::string fix;               // what she can run or do
    std::function<void()> repair;  // what --fix does; empty when it cannot
};

struct Checkup {
    std::vector<Problem> findings;
    std::int64_t entries = 0;
    int schema = 0;
    bool foreign = false;  // not a guilt journal: its modes are none of guilt's business
};

// `text` as one word of a shell command line.
std::string shell_word(const std::string& text) {
    if (!text.empty() &&
        text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                               "0123456789-_./+,:=@%") == std::string::npos)
        return text;
    return single_quoted(text);
}

// A finding when `path` is open to others; nothing when it is private or absent.
void check_mode(const std::string& path, unsigned wanted, Checkup& c) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return;
    auto mode = st.st_mode & 07777;
    if ((mode & 077) == 0) return;
    c.findings.push_back(
        {fmt::format("{} is {} by others (mode {:04o})", path,
                     (mode & 044) ? "readable" : "writable", mode),
         fmt::format("run chmod {:o} {}", wanted, shell_word(path)),
         [path, wanted] { fs::permissions(path, static_cast<fs::perms>(wanted)); }});
}

// A finding when the journal's folder is open to others. Her own folder is made 0700; a folder
// shared with others (sticky like /tmp, someone else's, or her home) is never changed: the fix
// is to move the journal.
void check_folder(const std::string& folder, Checkup& c) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0 || (st.st_mode & 077) == 0) return;
    const char* home = std::getenv("HOME");
    std::error_code ec;
    bool shared = (st.st_mode & S_ISVTX) != 0 || st.st_uid != ::geteuid() ||
                  (home != nullptr && fs::equivalent(folder, home, ec));
    if (!shared) {
        check_mode(folder, 0700, c);
        return;
    }
    c.findings.push_back(
        {fmt::format("{} is a folder others can open (mode {:04o})", folder, st.st_mode & 07777),
         "move the journal into a folder of its own, such as the default "
         "~/.local/share/guilt, and point --db or GUILT_DB there",
         {}});
}

// What is wrong inside the journal at `path`: its state as SQLite, its schema, its search index.
void inspect_contents(const std::string& path, Context& ctx, Checkup& c) {
    auto store = Store::open(path, Store::Access::inspect);
    c.schema = store->stored_schema_version();
    auto damage = store->integrity_problems();
    for (std::size_t i = 0; i < damage.size() && i < kMaxDamageLines; ++i)
        c.findings.push_back({fmt::format("{} is damaged: {}", path, damage[i]),
                              "restore a backup in its place, or save what is readable with guilt "
                              "export -o rescue.json and import that into a new journal (until "
                              "guilt doctor finds it sound, nothing is written to it)",
                              {}});
    if (damage.size() > kMaxDamageLines)
        c.findings.push_back(
            {fmt::format("{} has {} more such problems", path, damage.size() - kMaxDamageLines),
             "as above",
             {}});
    if (c.schema == 0) {
        c.findings.push_back(
            {fmt::format("{} is not a guilt journal (it has no schema version)", path),
             "check --db and GUILT_DB",
             {}});
        return;
    }
    if (c.schema > schema_version())
        c.findings.push_back({fmt::format("{} was written by a newer guilt (schema {}, this guilt "
                                          "knows {})",
                                          path, c.schema, schema_version()),
                              "upgrade guilt",
                              {}});
    if (c.schema < schema_version())
        c.findings.push_back(
            {fmt::format("{} has schema {}, this guilt writes {}", path, c.schema,
                         schema_version()),
             fmt::format("run guilt doctor --fix, or any guilt command, to upgrade it (a copy is "
                         "kept as {}.v{}.backup)",
                         path, c.schema),
             [&ctx] { ctx.store(Store::Access::write); }});
    if (!damage.empty() || c.schema > schema_version()) return;
    try {
        if (store->search_index_problem())
            c.findings.push_back(
                {"the search index (guilt list --contains) is out of step with the entries",
                 "run guilt doctor --fix to rebuild it", [&ctx] {
                     auto& writable = ctx.store(Store::Access::write);
                     writable.write([&] { writable.rebuild_search_index(); });
                 }});
    } catch (const StoreError& e) {
        c.findings.push_back({fmt::format("cannot check the search index: {}", e.what()),
                              "make the journal writable for you (chmod u+w), then run guilt "
                              "doctor again",
                              {}});
    }
    if (auto unreadable = store->unreadable_undo_changes(); unreadable > 0)
        c.findings.push_back(
            {fmt::format("the undo log holds {} guilt undo cannot read (changed outside guilt)",
                         plural(unreadable, "change", "changes")),
             "run guilt doctor --fix to forget them; guilt undo goes on with the others", [&ctx] {
                 auto& writable = ctx.store(Store::Access::write);
                 writable.write([&] { writable.forget_unreadable_undo(); });
             }});
    if (auto planted = store->entries_with_unprintable(); !planted.empty()) {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < planted.size() && i < kMaxDamageLines; ++i)
            ids.push_back(fmt::format("#{}", planted[i]));
        if (planted.size() > kMaxDamageLines) ids.push_back("...");
        c.findings.push_back(
            {fmt::format("{} {} control or bidi characters that guilt does not accept (another "
                         "program wrote them): {}",
                         plural(static_cast<std::int64_t>(planted.size()), "entry", "entries"),
                         planted.size() == 1 ? "holds" : "hold",
                         fmt::format("{}", fmt::join(ids, " "))),
             "guilt shows them escaped (\\x1b); correct each with guilt edit ID, or remove it "
             "with guilt delete ID",
             {}});
    }
    c.entries = store->count_entries();
}

// inspect_contents, with a journal too damaged to inspect reported as one more finding.
void check_contents(const std::string& path, Context& ctx, Checkup& c) {
    try {
        inspect_contents(path, ctx, c);
    } catch (const NotAJournal& e) {
        // Another program's file: nothing of guilt's to check, and nothing to repair in it.
        c.foreign = true;
        c.findings.push_back({e.what(), "guilt leaves this file as it is", {}});
    } catch (const JournalDamaged& e) {
        c.findings.push_back({e.what(),
                              "restore a backup in its place (see guilt backup), or save what is "
                              "readable with guilt export -o rescue.json",
                              {}});
    } catch (const StoreError& e) {
        // Not damage: a file she cannot read, or a lock. A backup would not help.
        c.findings.push_back({e.what(),
                              "check --db and GUILT_DB, that you can read the journal and its "
                              "folder (ls -l), and that no other program holds it",
                              {}});
    }
}

Checkup check(Context& ctx) {
    Checkup c;
    auto path = ctx.db_path();
    std::error_code ec;
    if (!fs::exists(path, ec)) {
        c.findings.push_back({fmt::format("{}: no journal there", path),
                              "check --db and GUILT_DB, or log a first entry to create it",
                              {}});
        return c;
    }
    // The modes come first, as she left them: opening the journal makes its -wal and -shm.
    Checkup modes;
    check_mode(path, 0600, modes);
    check_mode(path + "-wal", 0600, modes);
    check_mode(path + "-shm", 0600, modes);
    check_folder(fs::absolute(path, ec).parent_path().string(), modes);
    check_contents(path, ctx, c);
    if (c.foreign) return c;
    // First, so that --fix makes the files private before anything opens the journal: SQLite
    // gives a new -wal or -shm the journal's mode.
    c.findings.insert(c.findings.begin(), modes.findings.begin(), modes.findings.end());
    return c;
}

void run_doctor(bool fix, Context& ctx) {
    auto c = check(ctx);
    if (fix) {
        bool repaired = false;
        for (const auto& f : c.findings) {
            if (!f.repair) continue;
            f.repair();
            repaired = true;
            std::cerr << "Fixed: " << f.problem << '\n';
        }
        if (repaired) c = check(ctx);
    }
    auto path = ctx.db_path();
    if (ctx.json) {
        auto problems = nlohmann::ordered_json::array();
        for (const auto& f : c.findings)
            problems.push_back({{"problem", f.problem}, {"fix", f.fix}});
        nlohmann::ordered_json out{{"path", path},
                                   {"healthy", c.findings.empty()},
                                   {"entries", c.entries},
                                   {"schema", c.schema},
                                   {"problems", problems}};
        std::cout << out.dump(2) << '\n';
    } else if (c.findings.empty()) {
        std::cout << fmt::format("{}: healthy ({}, schema {})\n", path,
                                 plural(c.entries, "entry", "entries"), c.schema);
    } else {
        for (const auto& f : c.findings)
            std::cout << f.problem << ": " << f.fix << '\n';
    }
    if (!c.findings.empty()) ctx.exit_code = kExitFailure;
}

}  // namespace

void setup_doctor(Command& app, Context& ctx) {
    auto fix = std::make_shared<bool>(false);
    auto cmd = app.subcommand("doctor", "Check the journal and say how to fix what is wrong");
    cmd.flag("--fix", *fix,
             "Repair what is safe to repair: file modes, the search index, an old schema");
    cmd.footer(R"(Checks that the file is sound (SQLite's integrity check), that its schema is this
guilt's, that only you can read it, that the search index agrees with the entries, and that
guilt undo can read its log. Plain
doctor changes nothing. Exit 0 when healthy, 1 with one line per problem and its fix.

Examples:
  guilt doctor
  guilt doctor --fix
  guilt doctor --json)");
    cmd.callback([fix, &ctx] { run_doctor(*fix, ctx); });
}

}  // namespace guilt
