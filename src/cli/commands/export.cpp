// SPDX-License-Identifier: MIT
// guilt export: the journal as JSON (the backup format), CSV or Markdown, on stdout or in a file.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <iostream>
#include <optional>
#include <set>

#include "command_kit/cli_model.hpp"
#include "command_kit/command.hpp"
#include "command_kit/range.hpp"
#include "guilt/cli/cli.hpp"
#include "guilt/cli/journal_export.hpp"
#include "guilt/cli/output_file.hpp"
#include "guilt/cli/terminal.hpp"
#include "guilt/core/error.hpp"
#include "guilt/core/settings.hpp"
#include "guilt/core/text.hpp"
#include "guilt/store/atomic_file.hpp"

namespace guilt {

namespace {

constexpr std::size_t kFlushBytes = 1 << 16;  // stdout is written in pieces this large
constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr ChoiceAlias kFormatAliases[] = {{"markdown", "md"}};
constexpr std::string_view kFormats[] = {"json", "csv", "md"};
enum class ExportFormat { json, csv, md };  // in the order of kFormats

struct ExportOptions {
    std::optional<std::string> format, since, until, output;
    bool force = false;
};

ExportFormat format_named(std::string_view name) {
    auto at = std::find(std::begin(kFormats), std::end(kFormats), name);
    return static_cast<ExportFormat>(at - std::begin(kFormats));  // one of them: set_choices
}

// The format asked for: --format, else --json, else the extension of -o, else json.
ExportFormat export_format(const ExportOptions& o, const Context& ctx) {
    if (o.format) {
        const auto& f = *o.format;  // one of kFormats: set_choices
        if (ctx.json && f != "json")
            throw UsageError(
                fmt::format("--json asks for JSON but --format is {}; give one of them", f));
        return format_named(f);
    }
    if (ctx.json || !o.output || is_stdout_path(*o.output)) return ExportFormat::json;
    auto ext = to_lower(std::filesystem::path(*o.output).extension().string());
    if (ext == ".json" || ext == ".csv" || ext == ".md") return format_named(ext.substr(1));
    if (ext == ".markdown") return ExportFormat::md;
    throw UsageError(fmt::format(
        "-o \"{}\": cannot tell the format from its name; end it in .json, .csv or .md, or give "
        "--format",
        *o.output));
}

// All the journal holds besides entries: the JSON export is the complete backup. Fills `rest`
// part by part, so what was read before the journal turned out damaged is kept.
void read_journal_rest(const Store& store, JournalRest& rest) {
    rest.priorities = store.priorities(true);
    rest.priority_history = store.priority_history();
    rest.mottos = store.mottos();
    rest.followups = store.followups();
    for (auto& setting : store.settings()) {
        bool known = std::any_of(setting_specs().begin(), setting_specs().end(),
                                 [&](const SettingSpec& s) { return s.key == setting.first; });
        if (known) rest.settings.push_back(setting);  // not what an old guilt kept there
    }
    rest.showings = store.showings_between(Date{1, 1, 1}, Date{9999, 12, 31});
    rest.kids = store.kid_registry();
    rest.not_kids = store.not_kid_registry();
    auto meta = store.merge_rows(false);
    for (const auto& p : meta.priorities)
        rest.priority_versions.emplace_back(p.priority.uuid, p.v);
    for (const auto& s : meta.settings)
        if (std::any_of(rest.settings.begin(), rest.settings.end(),
                        [&](const auto& kept) { return kept.first == s.key; }))
            rest.setting_versions.emplace_back(s.key, s.version);
    rest.priority_order = meta.priority_order;
    for (const auto& k : meta.kids)
        rest.kid_versions.emplace_back(k.name, k.version);
    rest.tombstones = std::move(meta.tombstones);
    rest.conflicts = std::move(meta.conflicts);
}

// Where the export goes, in pieces: to stdout, or to a private temporary file beside -o's,
// renamed over it once whole (AtomicFile), so a reader never sees half of it and memory stays
// flat however large the journal.
struct ExportSink {
    std::optional<std::string> path;  // -o FILE; nullopt for stdout
    std::string out;
    bool flushed = false;  // part of it is on stdout already
    std::optional<AtomicFile> file;

    void start() {  // a salvaging second pass starts a new file
        out.clear();
        if (path) file.emplace(*path);
    }
    void flush() {
        if (file)
            file->write(out);
        else
            std::cout << out;
        out.clear();
    }
    void emit(std::string_view piece) {
        out += piece;
        if (out.size() >= kFlushBytes) {
            flush();
            flushed = flushed || !file;
        }
    }
};

using EntrySource = std::function<void(const std::function<void(const Entry&)>&)>;

// The JSON backup: the entries, then the rest of the journal (when salvaging, what of it can be
// read). Returns how many entries it wrote.
std::int64_t write_json(ExportSink& sink, const EntrySource& each_entry, bool salvaging,
                        const Store& store, Timestamp now) {
    std::int64_t count = 0;
    sink.emit(json_export_open(now));
    std::set<std::string> reflections;   // the follow-ups of these go with them
    std::vector<std::int64_t> exported;  // and the versions and kept words of these (ids)
    each_entry([&](const Entry& e) {
        sink.emit(json_export_entry(e, count++ == 0));
        if (e.type == EntryType::reflection) reflections.insert(e.uuid);
        exported.push_back(e.id);
    });
    std::ranges::sort(exported);
    auto is_exported = [&](std::int64_t id) { return std::ranges::binary_search(exported, id); };
    JournalRest rest;
    try {
        read_journal_rest(store, rest);
    } catch (const JournalDamaged&) {
        if (!salvaging) throw;
    }
    std::erase_if(rest.followups,
                  [&](const FollowUp& f) { return !reflections.contains(f.reflection_uuid); });
    std::erase_if(rest.conflicts, [&](const Conflict& c) {
        return c.table == "entries" && !is_exported(c.entry_id);
    });
    auto entry_versions = [&](const auto& fn) {
        try {
            store.for_each_entry_version(
                [&](std::int64_t id, const std::string& uuid, const RowVersion& v) {
                    if (is_exported(id)) fn(uuid, v);
                });
        } catch (const JournalDamaged&) {
            if (!salvaging) throw;
        }
    };
    json_export_close(count > 0, rest, entry_versions,
                      [&](std::string_view piece) { sink.emit(piece); });
    return count;
}

std::int64_t write_csv(ExportSink& sink, const EntrySource& each_entry) {
    std::int64_t count = 0;
    // A file is for spreadsheets, which read UTF-8 only after a byte-order mark; piped output is
    // for other programs, which do not want one.
    if (sink.path) sink.emit(kUtf8Bom);
    sink.emit(csv_header());
    each_entry([&](const Entry& e) {
        sink.emit(csv_row(e));
        ++count;
    });
    return count;
}

std::int64_t write_md(ExportSink& sink, const EntrySource& each_entry, Context& ctx) {
    std::int64_t count = 0;
    sink.emit(md_open(ctx.now()));
    std::optional<Date> day;
    // Her day-boundary puts a night shift's 01:30 under the evening's heading; a journal too
    // damaged to read it keeps the default.
    try {
        ctx.settings();
    } catch (const StoreError&) {
    }
    each_entry([&](const Entry& e) {
        if (her_day(e.at) != day) {
            sink.emit(md_day_heading(her_day(e.at), !day));
            day = her_day(e.at);
        }
        sink.emit(md_entry(e));
        ++count;
    });
    if (count == 0) sink.emit("No entries.\n");
    return count;
}

void run_export(const ExportOptions& o, Context& ctx) {
    const auto format = export_format(o, ctx);
    // A mistyped --db must not pass for an empty journal: an empty backup looks like a good one.
    std::error_code ec;
    if (!std::filesystem::exists(ctx.db_path(), ec))
        throw StoreError(fmt::format(
            "{}: no journal there, nothing to export (check --db and GUILT_DB)", ctx.db_path()));
    EntryFilter filter;
    set_range(filter, o.since, o.until, ctx.now());
    filter.oldest_first = true;
    auto& store = ctx.store();
    store.read_once_through();
    // Refused before the work of reading every entry, not after it.
    const bool to_file = o.output && !is_stdout_path(*o.output);
    if (to_file) check_output_path(*o.output, o.force);

    // Entries stream from the journal one at a time, and out in pieces (ExportSink).
    ExportSink sink;
    if (to_file) sink.path = *o.output;
    std::int64_t count = 0;
    auto write_entries = [&](const EntrySource& each_entry, bool salvaging) {
        sink.start();
        switch (format) {
            case ExportFormat::json:
                count = write_json(sink, each_entry, salvaging, store, ctx.now());
                break;
            case ExportFormat::csv:
                count = write_csv(sink, each_entry);
                break;
            case ExportFormat::md:
                count = write_md(sink, each_entry, ctx);
                break;
        }
    };
    // A damaged journal: what can still be read is saved, and she is told how much could not.
    std::optional<std::int64_t> unreadable;
    try {
        write_entries([&](const auto& fn) { store.for_each_entry(filter, fn); }, false);
    } catch (const JournalDamaged& e) {
        if (sink.flushed)
            throw JournalDamaged(
                fmt::format("{}; give -o FILE to save what is readable", e.what()));
        write_entries([&](const auto& fn) { unreadable = store.salvage_entries(filter, fn); },
                      true);
    }
    if (unreadable) {
        ctx.exit_code = kExitFailure;
        std::cerr << fmt::format(
            "guilt: {} is damaged: exported the {} that could be read, {} could not be (see "
            "guilt doctor)\n",
            ctx.db_path(), plural(count, "entry", "entries"), *unreadable);
    }

    sink.flush();
    store.fold_log_on_close(true);  // exported: journal.db alone is whole after an export
    if (!to_file) {
        std::cout << std::flush;
        return;
    }
    check_output_path(*o.output, o.force);  // nothing took its place while she waited
    sink.file->commit();
    if (ctx.json) {
        nlohmann::ordered_json done{{"file", *o.output},
                                    {"format", kFormats[static_cast<int>(format)]},
                                    {"entries", count}};
        if (unreadable) done["unreadable"] = *unreadable;
        std::cout << done.dump(2) << '\n';
    } else if (!unreadable) {
        std::cerr << fmt::format("Exported {} to {}.\n", plural(count, "entry", "entries"),
                                 *o.output);
    }
}

}  // namespace

void setup_export(Command& app, Context& ctx) {
    auto o = std::make_shared<ExportOptions>();
    auto cmd = app.subcommand("export", "Write your entries as JSON (a backup), CSV or Markdown");
    cmd.option("--format", o->format, "The format (default: from -o's extension, else json)")
        .choices(kFormats, kFormatAliases);
    cmd.option("--since", o->since, "From this WHEN on (a day alone: from its start)");
    cmd.option("--until", o->until, "Up to this WHEN (a day alone: to its end)");
    cmd.option("-o,--output", o->output, "Write to FILE (mode 0600) instead of stdout; - is stdout")
        .option_text("FILE");
    cmd.flag("-f,--force", o->force, "Replace FILE when it already exists");
    cmd.footer(
        R"(JSON holds everything (entries, priorities, mottos, follow-ups, settings, the prompts
reflect showed) and is what guilt import reads; --since/--until choose entries (and the
follow-ups of their reflections), priorities and mottos always go whole.

Examples:
  guilt export -o backup.json
  guilt export --format csv --since 2026-11-01 -o november.csv
  guilt export -o journal.md)");
    cmd.callback([o, &ctx] { run_export(*o, ctx); });
}

}  // namespace guilt
