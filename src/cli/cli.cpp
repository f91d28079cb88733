// SPDX-License-Identifier: MIT
// The top-level app: global options, every command, and the one place errors become exit codes.
#include "guilt/cli/cli.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string_view>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/cli/system_zone.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/settings.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

constexpr const char* kUsage = R"(usage: guilt COMMAND [ARGS...] [--json] [--db PATH]

Capture   log "TEXT" [-i 1-10]   run 5k [28:30]   engage 20m   deposit 30m nap
          win "TEXT"   priority add "Kids"    motto "You're a good mom."
Read      list   show ID   reflect   week   month   kids
Change    edit ID   delete ID   undo
Keep      export   import FILE   backup   restore FILE   doctor   config
Evening   remind check   remind hook bash   remind status   pause --until DATE

'guilt --help' lists every command; 'guilt COMMAND --help' explains one.
)";

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

// The most specific command that was being parsed, for the "see --help" hint.
std::string command_path(const CLI::App& app) {
    std::string path = "guilt";
    const CLI::App* at = &app;
    for (;;) {
        auto subs = at->get_subcommands();
        if (subs.empty()) break;
        at = subs.front();
        path += " " + at->get_name();
    }
    return path;
}

// Prints "guilt: MESSAGE" on stderr as one line: a newline or other control character in a
// value she typed is shown escaped (\x0a).
void print_error(std::string_view message) {
    std::string line = "guilt: ";
    for (char ch : message) {
        auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f)
            line += fmt::format("\\x{:02x}", c);
        else
            line += ch;
    }
    std::cerr << line << '\n';
}

// The word given where a command was expected that names none: "frobnicate" in
// "guilt frobnicate", "walk" in "guilt priority walk".
std::optional<std::string> unknown_command(const CLI::App& app) {
    const CLI::App* at = &app;
    while (!at->get_subcommands().empty())
        at = at->get_subcommands().front();
    bool takes_commands = !at->get_subcommands([](const CLI::App*) { return true; }).empty();
    auto extras = app.remaining(true);
    if (!takes_commands || extras.empty() || extras.front().starts_with("-")) return std::nullopt;
    return extras.front();
}

using Setup = void (*)(Command&, Context&);
struct CommandEntry {
    std::string_view name;
    Setup setup;
    bool needs_all = false;  // it describes the whole command line (the manual, completions)
};
// Every command, in the order --help lists them; one a line (clang-format would pack them in
// two columns).
// clang-format off
constexpr CommandEntry kCommands[] = {
    {"log", setup_log},
    {"win", setup_win},
    {"run", setup_run},
    {"engage", setup_engage},
    {"deposit", setup_deposit},
    {"priority", setup_priority},
    {"motto", setup_motto},
    {"list", setup_list},
    {"kids", setup_kids},
    {"show", setup_show},
    {"edit", setup_edit},
    {"delete", setup_delete},
    {"undo", setup_undo},
    {"reflect", setup_reflect},
    {"helped", setup_helped},
    {"week", setup_week},
    {"month", setup_month},
    {"insights", setup_insights},
    {"export", setup_export},
    {"import", setup_import},
    {"config", setup_config},
    {"backup", setup_backup},
    {"restore", setup_restore},
    {"merge", setup_merge},
    {"doctor", setup_doctor},
    {"remind", setup_remind},
    {"pause", setup_pause},
    {"completions", setup_completions, true},
    {"complete", setup_complete},
    {"manpage", setup_manpage, true},
};
// clang-format on

// The command the arguments name, when they name one: the first word that is not a global
// option or its value. Only that command is set up then, which is most of what CLI11 costs at
// each start (`guilt log` runs every few hours; its start-up is measured in bench/).
const CommandEntry* named_command(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        std::string_view arg = argv[i];
        if (arg == "--db") {
            ++i;  // its value
            continue;
        }
        if (arg.starts_with("-")) continue;  // --json, --no-color, --db=PATH; --help: no word
        for (const auto& c : kCommands)
            if (c.name == arg) return c.needs_all ? nullptr : &c;
        return nullptr;  // not a command: the whole app words the error
    }
    return nullptr;
}

}  // namespace

namespace {

// Refuses, before anything is opened or made, a journal path that cannot hold her journal:
// SQLite's in-memory name (it would say "Saved" and keep nothing), a folder, a file SQLite or
// guilt keeps beside a journal (a second journal named x.db-wal would be deleted as a stale log
// by the next close of x.db), or something that is not a regular file (/dev/null, a FIFO).
// `from` names where the path came from.
const std::string& checked_journal_path(const std::string& path, std::string_view from) {
    auto refuse = [&](std::string_view why) {
        throw UsageError(fmt::format("{} {} {}", from, single_quoted(path), why));
    };
    if (path == ":memory:")
        refuse("is SQLite's in-memory database, which keeps nothing: give the journal's file");
    if (path.ends_with('/'))
        refuse("names a folder: give the journal's file inside it, such as journal.db");
    for (std::string_view side : {"-wal", "-shm", "-journal", "-checked", "-remind"})
        if (path.ends_with(side))
            refuse(
                fmt::format("is a file kept beside a journal, not a journal: give the "
                            "journal's own file (without {})",
                            side));
    std::error_code ec;
    auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status))
        refuse("is not a regular file (a device, a FIFO or a socket): give the journal's file");
    return path;
}

}  // namespace

std::string Context::db_path() const {
    if (!db_option.empty()) return checked_journal_path(db_option, "--db");
    if (auto v = env("GUILT_DB"); !v.empty()) return checked_journal_path(v, "GUILT_DB");
    if (auto v = env("XDG_DATA_HOME"); !v.empty()) return v + "/guilt/journal.db";
    auto home = env("HOME");
    if (home.empty())
        throw UsageError(
            "cannot find the journal: HOME is not set (set GUILT_DB or use --db PATH)");
    return home + "/.local/share/guilt/journal.db";
}

Timestamp Context::now() {
    if (!m_now) m_now = current_time(std::time(nullptr), std::getenv("GUILT_NOW"));
    return *m_now;
}

Store& Context::store(Store::Access access) {
    bool want_write = access == Store::Access::write;
    if (!m_store || (want_write && !m_store_writable)) {
        m_store.reset();
        auto path = db_path();
        // A journal opened for reading is reused for writing only when that open can write its
        // file; a missing journal (read as empty) or one read through a copy in memory (an older
        // schema that cannot be written) is opened again to be written, which creates it or
        // refuses it, before anything is said to be saved.
        std::error_code ec;
        bool exists = std::filesystem::exists(path, ec);
        m_store = Store::open(path, access);
        m_store->set_clock([this] { return now().utc; });
        m_store->fold_log_on_close(false);
        m_store_writable = want_write || (exists && m_store->writable());
        m_read_missing = !exists && !want_write;
        protect_from_output(path);
    }
    return *m_store;
}

std::string Context::setting(const std::string& key) {
    const auto& spec = setting_spec(key);  // first: a key that is no preference is never read
    if (auto v = store().setting(key)) return *v;
    return std::string(spec.default_value);
}

const Settings& Context::settings() {
    if (m_settings) return *m_settings;
    std::error_code ec;
    if (!m_store && !std::filesystem::exists(db_path(), ec) && !ec) {
        // A journal not made yet holds every default: no schema is built just to read them.
        m_settings = read_settings([](std::string_view) { return std::optional<std::string>(); });
    } else {
        auto& journal = store();
        try {
            m_settings = read_settings(
                [&](std::string_view key) { return journal.setting(std::string(key)); });
        } catch (const UsageError& e) {
            throw StoreError(
                fmt::format("{}: a stored setting is not valid: {} (guilt config set "
                            "mends it)",
                            journal.path(), e.what()));
        }
    }
    use_day_boundary(m_settings->day_boundary);
    return *m_settings;
}

Date Context::today() {
    settings();  // her day-boundary, installed
    return her_day(now());
}

bool Context::color(std::FILE* stream) const {
    return !no_color && std::getenv("NO_COLOR") == nullptr && is_terminal(stream);
}

int run_cli(int argc, char** argv) {
    use_zone(system_zone());
    Context ctx;
    CLI::App app{
        "guilt: a private journal for mothers who live with mom guilt.\n"
        "Capture hard moments, runs, time with the kids and time for yourself; reflect on "
        "them at night; look back each week. Everything stays in one local file.",
        "guilt"};
    use_help_formatter(app);
    app.set_version_flag("--version", GUILT_VERSION);
    app.add_option("--db", ctx.db_option,
                   "Journal file (default: $GUILT_DB, else $XDG_DATA_HOME/guilt/journal.db, else "
                   "~/.local/share/guilt/journal.db)")
        ->type_name("PATH")
        ->check(CLI::Validator(
            [](const std::string& path) {
                return path.empty() ? std::string(
                                          "--db is empty; give the journal's file (or "
                                          "leave --db out for the default)")
                                    : std::string();
            },
            "", "not empty"));  // no description: the value is still named PATH
    app.add_flag("--json", ctx.json, "Print one JSON document on stdout");
    app.add_flag("--no-color", ctx.no_color, "Never colour the output (also: NO_COLOR)");
    app.fallthrough();
    app.require_subcommand(0, 1);
    app.footer(
        "Exit codes: 0 success, 2 bad usage or input, 1 any other failure, 3 import skipped "
        "items.\n"
        "guilt is a journal, not therapy.");

    Command root(&app);
    try {
        if (const CommandEntry* one = named_command(argc, argv)) {
            one->setup(root, ctx);
        } else {
            for (const auto& c : kCommands) {
                c.setup(root, ctx);
                // The table and what the setups add cannot drift apart: --help runs this.
                if (app.get_subcommands([](const CLI::App*) { return true; }).back()->get_name() !=
                    c.name)
                    throw std::logic_error(fmt::format("the command table names {}", c.name));
            }
        }
        app.parse(argc, argv);
        if (app.get_subcommands().empty()) {
            std::cerr << kUsage;
            return kExitUsage;
        }
        // A mistyped --db or GUILT_DB must not pass silently for an empty journal.
        if (ctx.read_a_missing_journal() && !ctx.quiet_when_missing)
            std::cerr << fmt::format(
                "No journal at {} yet, so nothing to show (check --db and "
                "GUILT_DB; the first entry creates it).\n",
                ctx.db_path());
        // Output cut short (a full disk under `guilt export > backup.json`) is a failure.
        if (!std::cout.flush())
            throw StoreError(errno != 0
                                 ? fmt::format("cannot write the output: {}", std::strerror(errno))
                                 : std::string("cannot write the output"));
        return ctx.exit_code;
    } catch (const CLI::Success& e) {
        return app.exit(e);  // --help, --version: printed on stdout, exit 0
    } catch (const CLI::ParseError& e) {
        auto path = command_path(app);
        if (auto word = unknown_command(app))
            print_error(
                fmt::format("'{}' is not a {} command (see '{} --help')", *word, path, path));
        else
            print_error(fmt::format("{} (see '{} --help')", e.what(), path));
        return kExitUsage;
    } catch (const UsageError& e) {
        print_error(e.what());
        return kExitUsage;
    } catch (const std::exception& e) {  // StoreError and anything unforeseen
        print_error(e.what());
        return kExitFailure;
    }
}

}  // namespace guilt
