// SPDX-License-Identifier: MIT
// guilt import FILE...: a guilt or jrnl JSON export into the journal, all or nothing, skipping
// what is already there; watch and phone exports go to import_watch.cpp.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <set>

#include "cli_model.hpp"
#include "guilt/cli.hpp"
#include "guilt/error.hpp"
#include "guilt/exchange.hpp"
#include "guilt/terminal.hpp"
#include "guilt/text.hpp"
#include "guilt/watch_import.hpp"
#include "import_watch.hpp"

namespace guilt {

namespace {

constexpr std::size_t kProgressFrom = 2000;  // entries; smaller imports finish at once

struct ImportOptions {
    std::vector<std::string> files;
    bool dry_run = false;
    std::string others;  // "deposit", or empty: skipped and counted
};

struct Counts {
    std::int64_t entries = 0, priorities = 0, mottos = 0, followups = 0;
    std::int64_t total() const { return entries + priorities + mottos + followups; }
};

std::string describe(const Counts& c, ImportData::Source source) {
    auto entries = plural(c.entries, "entry", "entries");
    if (source == ImportData::Source::jrnl) return entries;
    return fmt::format(
        "{}, {}, {}{}", entries, plural(c.priorities, "priority", "priorities"),
        plural(c.mottos, "motto", "mottos"),
        c.followups > 0 ? ", " + plural(c.followups, "follow-up", "follow-ups") : "");
}

std::string read_input(const std::string& file) {
    if (file == "-") return read_all(stdin);
    std::FILE* f = std::fopen(file.c_str(), "rb");
    if (!f) throw UsageError(fmt::format("{}: cannot read it: {}", file, std::strerror(errno)));
    auto text = read_all(f);
    bool failed = std::ferror(f) != 0;  // a folder opens, then fails to read
    int error = errno;
    std::fclose(f);
    if (failed) throw UsageError(fmt::format("{}: cannot read it: {}", file, std::strerror(error)));
    return text;
}

// "Importing entries: 12000 of 200000 (6%)" on stderr, rewritten in place, only on a terminal.
class Progress {
  public:
    Progress(std::string_view doing, std::size_t total)
        : m_doing(doing), m_total(total), m_on(total > kProgressFrom && is_terminal(stderr)) {}
    ~Progress() {
        if (m_on) std::cerr << "\r\033[K" << std::flush;  // clear the line
    }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void step(std::size_t done) {
        if (!m_on || (done % (m_total / 100) != 0 && done != m_total)) return;
        std::cerr << fmt::format("\r{} entries: {} of {} ({}%)", m_doing, done, m_total,
                                 done * 100 / m_total)
                  << std::flush;
    }

  private:
    std::string_view m_doing;
    std::size_t m_total;
    bool m_on;
};

// Adds (or counts) the follow-ups whose reflection has none yet. Their reflection is in the
// journal, or (a dry run) in the file; else the file is refused, naming the follow-up.
void merge_followups(Store& store, ImportData& data, bool write, Counts& added, Counts& there) {
    std::set<std::string> in_file;
    for (const auto& e : data.entries)
        if (e.type == EntryType::reflection) in_file.insert(e.uuid);
    for (std::size_t i = 0; i < data.followups.size(); ++i) {
        auto& f = data.followups[i];
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

// Adds (or, for a dry run, only counts) what the journal does not hold yet. New active
// priorities rank after the journal's own, in the order of their ranks in the file.
void merge(Store& store, ImportData& data, bool write, Counts& added, Counts& there) {
    Progress progress(write ? "Importing" : "Checking", data.entries.size());
    for (std::size_t i = 0; i < data.entries.size(); ++i) {
        auto& e = data.entries[i];
        if (store.has_uuid(e.uuid)) {
            ++there.entries;
        } else {
            ++added.entries;
            if (write) store.add(e);
        }
        progress.step(i + 1);
    }

    std::vector<Priority*> fresh;
    for (auto& p : data.priorities) {
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
    }

    for (const auto& m : data.mottos) {
        if (store.has_motto(m)) {
            ++there.mottos;
        } else {
            ++added.mottos;
            if (write) store.add_motto(m);
        }
    }
    merge_followups(store, data, write, added, there);
}

void run_import(const ImportOptions& o, Context& ctx) {
    if (!o.others.empty() && o.others != "deposit")
        throw UsageError(fmt::format("--others must be deposit, got \"{}\"", o.others));
    if (o.files.size() > 1 || (o.files.front() != "-" && is_watch_input(o.files.front())))
        return run_watch_import(o.files, o.dry_run, o.others == "deposit", ctx);
    const auto& file = o.files.front();
    const auto name = file == "-" ? std::string("stdin") : file;
    // Errors in the file name it.
    auto about_the_file = [&](const auto& fn) {
        try {
            fn();
        } catch (const UsageError& e) {
            if (std::string_view(e.what()).starts_with(name + ": ")) throw;
            throw UsageError(fmt::format("{}: {}", name, e.what()));
        }
    };
    ImportData data;
    about_the_file([&] { data = read_import(parse_import_json(read_input(file))); });

    Counts added, there;
    about_the_file([&] {
        if (o.dry_run) {
            merge(ctx.store(), data, false, added, there);  // a missing journal reads as empty
        } else {
            auto& store = ctx.store(Store::Access::write);
            store.write([&] { merge(store, data, true, added, there); });
        }
    });

    if (ctx.json) {
        auto counts = [](const Counts& c) {
            return nlohmann::ordered_json{{"entries", c.entries},
                                          {"priorities", c.priorities},
                                          {"mottos", c.mottos},
                                          {"followups", c.followups}};
        };
        nlohmann::ordered_json out{{"file", name},
                                   {"source", to_string(data.source)},
                                   {"dry_run", o.dry_run},
                                   {"added", counts(added)},
                                   {"already_there", counts(there)}};
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

void setup_import(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ImportOptions>();
    auto* cmd = app.add_subcommand(
        "import", "Read a guilt or jrnl JSON export, or runs from Strava, Garmin, GPX or TCX");
    cmd->add_option("file", o->files,
                    "The export to read (- for stdin), or watch files and folders")
        ->required()
        ->option_text("FILE...");
    cmd->add_flag("--dry-run", o->dry_run, "Say what would be added, and write nothing");
    set_choices(cmd->add_option("--others", o->others,
                                "deposit: import rides, swims and other sports as deposits"),
                std::vector<std::string>{"deposit"});
    cmd->footer(
        R"(Reads what guilt export writes (JSON), or jrnl's `jrnl --export json`. All or nothing:
one bad value and nothing is written. Entries already in the journal are skipped, so importing
the same file twice adds nothing the second time. jrnl entries become guilt moments without an
intensity, at their date and time in the local zone.

From a watch or phone: Strava's bulk export (the folder, its activities.csv or the .zip), a
Garmin Connect activities CSV, or GPX and TCX files (several, or a folder), told apart by their
content. Runs come in as solo runs; a run you typed within 20 minutes and 10% of the watch's
keeps your --with, --felt and note and takes the watch's distance and duration. Other sports are
counted and skipped, unless --others deposit.

Examples:
  guilt import backup.json --dry-run
  guilt import backup.json
  jrnl --export json | guilt import -
  guilt import export_12345678.zip --dry-run
  guilt import ~/Downloads/*.gpx --others deposit)");
    cmd->callback([o, &ctx] { run_import(*o, ctx); });
}

}  // namespace guilt
