// SPDX-License-Identifier: MIT
// guilt import FILE...: a guilt or jrnl JSON export into the journal, all or nothing, skipping
// what is already there; watch and phone exports go to import_watch.cpp.
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/import_watch.hpp"
#include "command_kit/progress.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/journal_import.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/cli/watch_import.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/text.hpp"

namespace guilt {

namespace {

struct ImportOptions {
    std::vector<std::string> files;
    bool dry_run = false;
    std::string others;  // "deposit", or empty: skipped and counted
    std::string as;      // "run" or "deposit" for tracks with no sport type; empty: by pace
    bool strict = false;
};

struct Counts {
    std::int64_t entries = 0, priorities = 0, priority_history = 0, mottos = 0, followups = 0,
                 settings = 0, showings = 0, kids = 0, not_kids = 0, tombstones = 0, conflicts = 0;
    std::int64_t total() const {
        return entries + priorities + priority_history + mottos + followups + settings + showings +
               kids + not_kids + tombstones + conflicts;
    }
};

std::string describe(const Counts& c, ImportData::Source source) {
    auto entries = plural(c.entries, "entry", "entries");
    if (source == ImportData::Source::jrnl) return entries;
    return fmt::format(
        "{}, {}, {}{}", entries, plural(c.priorities, "priority", "priorities"),
        plural(c.mottos, "motto", "mottos"),
        c.followups > 0 ? ", " + plural(c.followups, "follow-up", "follow-ups") : "");
}

// The file to read, opened; "-" is stdin. Throws UsageError naming the file.
std::unique_ptr<std::istream> open_input(const std::string& file) {
    if (file == "-") return std::make_unique<std::istream>(std::cin.rdbuf());
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw UsageError(fmt::format("{}: cannot read it: {}", file, std::strerror(EISDIR)));
    auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
    if (!*in) throw UsageError(fmt::format("{}: cannot read it: {}", file, std::strerror(errno)));
    return in;
}

// Stdin copied into an unnamed temporary file, so it can be read twice in bounded memory.
std::unique_ptr<std::istream> spooled_stdin() {
    std::string path = std::filesystem::temp_directory_path() / "guilt-import-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0) throw StoreError(fmt::format("cannot spool stdin: {}", std::strerror(errno)));
    ::close(fd);
    auto in = std::make_unique<std::fstream>(
        path, std::ios::in | std::ios::out | std::ios::binary | std::ios::trunc);
    ::unlink(path.c_str());   // gone when the stream closes, whatever happens
    *in << std::cin.rdbuf();  // an empty stdin sets failbit here
    in->clear();
    in->seekg(0);
    return in;
}

// Adds (or counts) the follow-ups whose reflection has none yet. Their reflection is in the
// journal, or (a dry run) in the file (`in_file`: the uuids of its reflections); else the file
// is refused, naming the follow-up.
void merge_followups(Store& store, std::vector<FollowUp>& followups,
                     const std::set<std::string>& in_file, bool write, Counts& added,
                     Counts& there) {
    for (std::size_t i = 0; i < followups.size(); ++i) {
        auto& f = followups[i];
        auto id = store.entry_id(f.reflection_uuid);
        auto reflection = id ? store.find(*id) : std::nullopt;
        bool is_reflection = reflection ? reflection->type == EntryType::reflection
                                        : !write && in_file.contains(f.reflection_uuid);
        if (!is_reflection)
            throw UsageError(fmt::format(
                "/followups/{}/reflection: names no reflection in the file or the journal, got "
                "\"{}\"",
                i, f.reflection_uuid));
        if (id && store.followup_of(*id)) {
            ++there.followups;
            continue;
        }
        ++added.followups;
        if (!write) continue;
        f.reflection_id = *id;
        store.set_followup(f);
    }
}

// The kids registry, after the entries (which name kids): her journal's word on a name wins (a
// kid stays a kid, a name she said is no kid stays so); the kids, spellings (a merged typo, an
// old name) and names that are no kids it lacks come in. Only what adds something is counted:
// the kids an import's own entries name are no news, and not "already there" either.
void merge_kids_registry(Store& store, const JournalRest& rest, bool write, Counts& added) {
    auto known = [&](const KidNames& k) {
        return store.kid_named(k.name) || store.is_not_kid(k.name);
    };
    for (const auto& k : rest.kids)
        if (write ? store.add_kid_names(k) : !known(k)) ++added.kids;
    for (const auto& k : rest.not_kids)
        if (write ? store.add_not_kid_names(k) : !known(k)) ++added.not_kids;
}

// What this import added: its priorities' uuids and settings' keys, and its entries, which
// are those from the first id it gave (a set of 200k uuids was a fifth of a big import's memory).
struct Fresh {
    std::set<std::string> rows;
    std::int64_t first_entry = 0;  // 0: no entry added
};

// The rows this import added keep the versions the export carries, so a journal restored from
// an export merges with the other copies as the journal it was; so does the order of the
// priorities, when the journal had none before.
void keep_entry_version(Store& store, const Fresh& fresh, const std::string& uuid,
                        const RowVersion& v) {
    auto id = fresh.first_entry ? store.entry_id(uuid) : std::nullopt;
    if (id && *id >= fresh.first_entry) store.set_row_version("entries", uuid, v);
}

void keep_versions(Store& store, const JournalRest& rest, const Fresh& fresh, bool had_priorities) {
    for (const auto& [uuid, v] : rest.entry_versions)  // those not read as they came
        keep_entry_version(store, fresh, uuid, v);
    for (const auto& [uuid, v] : rest.priority_versions)
        if (fresh.rows.contains(uuid)) store.set_row_version("priorities", uuid, v);
    for (const auto& [key, version] : rest.setting_versions)
        if (fresh.rows.contains(key)) store.set_row_version("settings", key, {version, ""});
    if (!had_priorities && !rest.priority_order.empty())
        store.set_list_version("priorities", rest.priority_order);
}

// Adds (or, for a dry run, only counts) what the journal does not hold yet of the rest of an
// export. New active priorities rank after the journal's own, in the order of their ranks in
// the file; settings she has set already are hers and stay.
void merge_rest(Store& store, JournalRest& rest, bool write, Counts& added, Counts& there,
                Fresh& fresh_rows) {
    const bool had_priorities = !store.priorities(true).empty();
    std::vector<Priority*> fresh;
    for (auto& p : rest.priorities) {
        if (store.has_priority_uuid(p.uuid))
            ++there.priorities;
        else
            fresh.push_back(&p);
    }
    std::stable_sort(fresh.begin(), fresh.end(), [](const Priority* a, const Priority* b) {
        return !a->done && (b->done || a->rank < b->rank);
    });
    int rank = static_cast<int>(store.priorities(false).size());
    for (auto* p : fresh) {
        if (!p->done) p->rank = ++rank;
        ++added.priorities;
        if (write) store.insert_priority(*p);
        fresh_rows.rows.insert(p->uuid);
    }
    // The list's history, after the priorities it belongs to; each version once. A dry run
    // counts as new what the journal lacks (the file repeating a version is not checked).
    for (const auto& v : rest.priority_history) {
        bool fresh = write ? store.add_priority_version(v) : !store.has_priority_version(v);
        ++(fresh ? added : there).priority_history;
    }

    for (const auto& m : rest.mottos) {
        if (store.has_motto(m)) {
            ++there.mottos;
        } else {
            ++added.mottos;
            if (write) store.add_motto(m);
        }
    }

    for (const auto& [key, value] : rest.settings) {
        if (store.setting(key)) {
            ++there.settings;
        } else {
            ++added.settings;
            if (write) store.set_setting(key, value);
            fresh_rows.rows.insert(key);
        }
    }

    merge_kids_registry(store, rest, write, added);

    // What guilt merge reads (exports since schema 9): the uuids of deleted rows, and the words
    // a merge kept, once each. A dry run counts them all as new.
    for (const auto& t : rest.tombstones)
        ++((write ? store.add_tombstone(t) : true) ? added : there).tombstones;
    for (const auto& c : rest.conflicts)
        ++((write ? store.add_conflict(c) : true) ? added : there).conflicts;
    if (write) keep_versions(store, rest, fresh_rows, had_priorities);

    // The record of prompts shown is only added to: each (day, strategy) once.
    auto first = rest.showings.empty() ? Date{} : rest.showings.front().first;
    auto last = first;
    for (const auto& [day, strategy] : rest.showings) {
        first = std::min(first, day);
        last = std::max(last, day);
    }
    std::set<std::pair<Date, std::string>> known;
    if (!rest.showings.empty())
        for (auto& s : store.showings_between(first, last))
            known.insert(s);
    for (const auto& s : rest.showings) {
        if (!known.insert(s).second) {
            ++there.showings;
        } else {
            ++added.showings;
            if (write) store.add_showing(s.first, s.second);
        }
    }
}

// One pass over the file: entries as they are read, the rest at the end. Returns what the file
// held besides its entries.
ImportData import_pass(std::istream& in, Store& store, bool write, std::size_t total,
                       std::size_t file_bytes, Timestamp now, Counts& added, Counts& there) {
    Progress progress(write ? "Importing entries" : "Checking entries", total, file_bytes);
    std::size_t done = 0;
    std::set<std::string> reflections;  // of the file, for its follow-ups
    Fresh fresh;                        // what this import adds
    auto data = read_import_stream(
        in,
        [&](Entry& e) {
            if (store.has_uuid(e.uuid)) {
                ++there.entries;
            } else {
                ++added.entries;
                if (write) store.add(e);
                if (write && fresh.first_entry == 0) fresh.first_entry = e.id;
            }
            if (e.type == EntryType::reflection) reflections.insert(e.uuid);
            progress.step(++done);
        },
        [&](std::size_t byte) { progress.read_to(byte); }, now,
        [&](const std::string& uuid, const RowVersion& v) {
            if (write) keep_entry_version(store, fresh, uuid, v);
        });
    merge_rest(store, data.rest, write, added, there, fresh);
    merge_followups(store, data.rest.followups, reflections, write, added, there);
    return data;
}

// The counts as --json writes them.
nlohmann::ordered_json counts_json(const Counts& c) {
    return {{"entries", c.entries},
            {"priorities", c.priorities},
            {"priority_history", c.priority_history},
            {"mottos", c.mottos},
            {"followups", c.followups},
            {"settings", c.settings},
            {"showings", c.showings},
            {"kids", c.kids},
            {"not_kids", c.not_kids},
            {"tombstones", c.tombstones},
            {"conflicts", c.conflicts}};
}

void run_import(const ImportOptions& o, Context& ctx) {
    if (o.dry_run) ctx.quiet_when_missing = true;  // a dry run into a new journal is no error
    if (o.files.size() > 1 || (o.files.front() != "-" && is_watch_input(o.files.front()))) {
        WatchImportChoices choices;
        choices.dry_run = o.dry_run;
        choices.others_as_deposits = o.others == "deposit";
        choices.strict = o.strict;
        choices.untyped = o.as == "run"       ? UntypedAs::run
                          : o.as == "deposit" ? UntypedAs::deposit
                                              : UntypedAs::pace;
        return run_watch_import(o.files, choices, ctx);
    }
    const auto& file = o.files.front();
    const auto name = file == "-" ? std::string("stdin") : file;
    std::error_code ec;
    const bool journal_exists = std::filesystem::exists(ctx.db_path(), ec);
    std::size_t file_bytes = file == "-" ? 0 : std::filesystem::file_size(file, ec);
    if (ec) file_bytes = 0;

    Counts added, there;
    ImportData data;
    try {
        auto in = open_input(file);
        *in >> std::ws;  // blanks before a JSON document mean nothing; nothing else is empty
        if (in->peek() == std::char_traits<char>::eof())
            throw UsageError("is empty; there is nothing in it to import");
        if (o.dry_run) {
            // A missing journal reads as empty.
            data = import_pass(*in, ctx.store(), false, 0, file_bytes, ctx.now(), added, there);
        } else {
            std::size_t total = 0;
            if (!journal_exists) {
                // Checked whole before the journal is created: a refused import creates nothing.
                if (file == "-") in = spooled_stdin();
                Counts none;
                import_pass(*in, ctx.store(), false, 0, file_bytes, ctx.now(), none, none);
                total = static_cast<std::size_t>(none.entries);
                in->clear();
                in->seekg(0);
            }
            auto& store = ctx.store(Store::Access::write);
            store.write_many([&] {
                data = import_pass(*in, store, true, total, file_bytes, ctx.now(), added, there);
            });
        }
    } catch (const UsageError& e) {
        if (std::string_view(e.what()).starts_with(name + ": ")) throw;
        throw UsageError(fmt::format("{}: {}", name, e.what()));
    }

    if (ctx.json) {
        nlohmann::ordered_json out{{"file", name},
                                   {"source", to_string(data.source)},
                                   {"dry_run", o.dry_run},
                                   {"added", counts_json(added)},
                                   {"already_there", counts_json(there)}};
        std::cout << out.dump(2) << '\n';
    } else if (o.dry_run) {
        std::cerr << fmt::format("Would add {} from a {} export; {} already in the journal.\n",
                                 describe(added, data.source), to_string(data.source),
                                 there.total());
    } else {
        std::cerr << fmt::format(
            "Imported {} from a {} export{}.\n", describe(added, data.source),
            to_string(data.source),
            there.total() > 0 ? fmt::format(" ({} already there)", there.total()) : "");
    }
}

}  // namespace

void setup_import(Command& app, Context& ctx) {
    auto o = std::make_shared<ImportOptions>();
    auto cmd = app.subcommand(
        "import", "Read a guilt or jrnl JSON export, or runs from Strava, Garmin, GPX or TCX");
    cmd.option("file", o->files, "The export to read (- for stdin), or watch files and folders")
        .required()
        .option_text("FILE...");
    cmd.flag("--dry-run", o->dry_run, "Say what would be added, and write nothing");
    cmd.option("--others", o->others, "deposit: import rides, swims and other sports as deposits")
        .choices(std::vector<std::string>{"deposit"});
    cmd.option("--as", o->as,
               "run or deposit: what tracks with no sport type are (default: "
               "a run at a running pace, else skipped and named)")
        .choices(std::vector<std::string>{"run", "deposit"});
    cmd.flag("--strict", o->strict,
             "Import nothing when an item cannot be read (default: import the rest)");
    cmd.footer(
        R"(Reads what guilt export writes (JSON), jrnl's `jrnl --export json`, or jrnl's own
plain-text journal file ([2026-11-25 18:05] title lines). All or nothing:
one bad value and nothing is written. Entries already in the journal are skipped, so importing
the same file twice adds nothing the second time. jrnl entries become guilt moments without an
intensity, at their date and time in the local zone.

From a watch or phone: Strava's bulk export (the folder, its activities.csv or the .zip), a
Garmin Connect activities CSV (either in any language they export), or GPX and TCX files
(several, or a folder), told apart by their content. Runs come in as solo runs; a run you typed within 20 minutes and 10% of the watch's
keeps your --with, --felt and note and takes the watch's distance and duration. Other sports are
counted and skipped, unless --others deposit. A row, track or file that cannot be read, or is
no plausible run (a pace outside 2:30-20:00 min/km, under 200 m, before 1990), is named and
skipped, the rest comes in, and the exit code is 3; --strict imports nothing instead.

Examples:
  guilt import backup.json --dry-run
  guilt import backup.json
  jrnl --export json | guilt import -
  guilt import export_12345678.zip --dry-run
  guilt import ~/Downloads/*.gpx --others deposit)");
    cmd.callback([o, &ctx] { run_import(*o, ctx); });
}

}  // namespace guilt
