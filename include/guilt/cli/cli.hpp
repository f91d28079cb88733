// SPDX-License-Identifier: MIT
// The command-line surface: what every command shares (the Context) and one line per command,
// so the whole CLI is visible on one screen. Each command lives in src/cli/commands/<name>.cpp as
// an options struct, a setup function that declares it, and a callback that runs it.
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "guilt/core/settings.hpp"
#include "guilt/core/time.hpp"
#include "guilt/store/store.hpp"

namespace guilt {

class Command;  // src/cli/command_kit/command.hpp

// What every command can use: global options, the clock, the journal, the terminal.
class Context {
  public:
    std::string db_option;  // --db
    bool json = false;      // --json
    bool no_color = false;  // --no-color
    int exit_code = 0;      // for a command that ran but has findings to report (doctor)
    // Whether reading a journal that does not exist goes unsaid (shell completion). Default: no.
    bool quiet_when_missing = false;

    // The journal path: --db, else $GUILT_DB, else $XDG_DATA_HOME/guilt/journal.db, else
    // ~/.local/share/guilt/journal.db.
    std::string db_path() const;

    // "now" (GUILT_NOW or the system clock), read once per process.
    Timestamp now();

    // The journal, opened once per process; read access does not create a missing journal, and
    // a later write() call upgrades to write access.
    Store& store(Store::Access access = Store::Access::read);

    // Whether the command read a journal that does not exist (as empty) and did not create it.
    bool read_a_missing_journal() const { return m_read_missing; }

    // A preference from `guilt config` (or its default), as stored: for `guilt config` itself.
    std::string setting(const std::string& key);

    // Her preferences, read from the journal once, and her day-boundary installed for her_day().
    // Throws StoreError naming the journal when a stored value is not valid.
    const Settings& settings();

    // Her today: the day "now" belongs to, by her day-boundary (before 04:00, yesterday).
    Date today();

    // Whether to colour output written to `stream`: a terminal, no NO_COLOR, no --no-color.
    bool color(std::FILE* stream) const;

  private:
    std::optional<Timestamp> m_now;
    std::optional<Settings> m_settings;
    std::unique_ptr<Store> m_store;
    bool m_store_writable = false;
    bool m_read_missing = false;
};

// Runs guilt with these arguments and returns the exit code. Errors are printed on stderr as
// one line, "guilt: ...": exit 2 for bad usage or values, 1 for anything else.
int run_cli(int argc, char** argv);

// Each command, declared on the top-level app.
void setup_log(Command& app, Context& ctx);       // guilt log [TEXT...]
void setup_win(Command& app, Context& ctx);       // guilt win [TEXT...]
void setup_run(Command& app, Context& ctx);       // guilt run DISTANCE [DURATION]
void setup_engage(Command& app, Context& ctx);    // guilt engage DURATION
void setup_deposit(Command& app, Context& ctx);   // guilt deposit [DURATION] TEXT...
void setup_priority(Command& app, Context& ctx);  // guilt priority add|list|move|done|...
void setup_motto(Command& app, Context& ctx);     // guilt motto [TEXT]
void setup_list(Command& app, Context& ctx);      // guilt list [filters]
void setup_kids(Command& app, Context& ctx);      // guilt kids [rename|merge|not-a-kid|is-a-kid]
void setup_show(Command& app, Context& ctx);      // guilt show ID
void setup_edit(Command& app, Context& ctx);      // guilt edit ID [options]
void setup_delete(Command& app, Context& ctx);    // guilt delete ID [--yes]
void setup_undo(Command& app, Context& ctx);      // guilt undo
void setup_reflect(Command& app, Context& ctx);   // guilt reflect [--date DATE] [--all]
void setup_helped(Command& app, Context& ctx);    // guilt helped REFLECTION_ID yes|little|no
void setup_week(Command& app, Context& ctx);      // guilt week [WEEK] [--format F] [-o FILE]
void setup_month(Command& app, Context& ctx);     // guilt month [YYYY-MM] [--year [YYYY]]
void setup_insights(Command& app, Context& ctx);  // guilt insights [--since D] [--until D]
void setup_export(Command& app, Context& ctx);    // guilt export [--format F] [-o FILE]
void setup_import(Command& app, Context& ctx);    // guilt import FILE [--dry-run]
void setup_config(Command& app, Context& ctx);    // guilt config get|set|list
void setup_backup(Command& app,
                  Context& ctx);  // guilt backup [FILE] [--force] [--to|--passphrase]
void setup_restore(Command& app, Context& ctx);  // guilt restore FILE [-i KEYFILE]
void setup_merge(Command& app, Context& ctx);    // guilt merge OTHER [--dry-run] | --conflicts
void setup_doctor(Command& app, Context& ctx);   // guilt doctor [--fix]
void setup_remind(Command& app, Context& ctx);   // guilt remind check|hook|timer|notify|ics|...
void setup_pause(Command& app, Context& ctx);    // guilt pause --until DATE [--reason T] | --end
void setup_completions(Command& app, Context& ctx);  // guilt completions bash|zsh|fish
void setup_complete(Command& app, Context& ctx);     // guilt complete tags|kids [PREFIX] (hidden)
void setup_manpage(Command& app, Context& ctx);      // guilt manpage (hidden): guilt(1) in roff

}  // namespace guilt
