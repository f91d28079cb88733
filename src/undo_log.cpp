// SPDX-License-Identifier: MIT
// The undo log: triggers made from the schema record each row a change adds (as ranges of
// rowids, so an import of 200k entries is one step), deletes or updates (the old row as JSON),
// and undo_latest() plays the steps of the latest change backwards. The triggers live in the
// journal and record only while undo_now names a change, that is inside Store::write().
#include "undo_log.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace guilt {

namespace {

// Tables whose changes alone are not a change she made: reflect records the prompts it showed
// on every run, and `undo` after `reflect` must still undo her last entry.
constexpr std::string_view kBookkeepingTables[] = {"showings"};

// The table whose rows the summary counts as entries.
constexpr std::string_view kEntries = "entries";

std::string ident(std::string_view name) {
    std::string out = "\"";
    for (char c : name)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string literal(std::string_view text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// A JSON path to the member `name`.
std::string path(std::string_view name) {
    return literal(fmt::format("$.{}", ident(name)));
}

// SQLite's affinity rules (section 3.1 of its datatype page), for the REAL case only.
bool real_affinity(std::string type) {
    for (auto& c : type)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto has = [&](const char* s) { return type.find(s) != std::string::npos; };
    if (has("INT") || has("CHAR") || has("CLOB") || has("TEXT") || has("BLOB")) return false;
    return has("REAL") || has("FLOA") || has("DOUB");
}

}  // namespace

void UndoLog::load_tables() {
    if (m_loaded) return;
    m_tables.clear();
    SQLite::Statement tables(m_db,
                             "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND "
                             "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name "
                             "NOT LIKE 'undo\\_%' ESCAPE '\\' ORDER BY name");
    while (tables.executeStep()) {
        Table t;
        t.name = tables.getColumn(0).getString();
        t.has_rowid = tables.getColumn(1).getInt() == 0;
        m_tables.push_back(std::move(t));
    }
    for (auto& t : m_tables) {
        SQLite::Statement cols(m_db,
                               "SELECT name, type, pk FROM pragma_table_xinfo(?) WHERE hidden = 0 "
                               "ORDER BY cid");
        cols.bind(1, t.name);
        std::vector<std::pair<int, std::string>> pk;
        while (cols.executeStep()) {
            t.columns.push_back(cols.getColumn(0).getString());
            t.real.push_back(real_affinity(cols.getColumn(1).getString()));
            if (cols.getColumn(2).getInt() > 0)
                pk.emplace_back(cols.getColumn(2).getInt(), cols.getColumn(0).getString());
        }
        std::sort(pk.begin(), pk.end());
        if (t.has_rowid)
            t.key = {"rowid"};
        else
            for (auto& [n, name] : pk)
                t.key.push_back(name);
    }

    for (auto& t : m_tables) {
        SQLite::Statement fks(m_db, "SELECT \"table\", \"from\" FROM pragma_foreign_key_list(?)");
        fks.bind(1, t.name);
        while (fks.executeStep())
            if (fks.getColumn(0).getString() == kEntries)
                t.entry_column = fks.getColumn(1).getString();
    }
    m_loaded = true;
}

void UndoLog::install() {
    m_loaded = false;  // the schema changed since it was read
    load_tables();
    std::vector<std::string> old;
    SQLite::Statement triggers(m_db,
                               "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                               "name LIKE 'undo\\_%' ESCAPE '\\'");
    while (triggers.executeStep())
        old.push_back(triggers.getColumn(0).getString());
    triggers.reset();
    for (const auto& name : old)
        m_db.exec(fmt::format("DROP TRIGGER {}", ident(name)));

    auto row_json = [](const Table& t, const char* which) {
        std::string args;
        for (std::size_t i = 0; i < t.columns.size(); ++i) {
            auto v = fmt::format("{}.{}", which, ident(t.columns[i]));
            // Doubles as 17 digits: JSON's 15 would not bring back the same distance.
            if (t.real[i])
                v = fmt::format(
                    "CASE WHEN typeof({0}) = 'real' THEN printf('%.17g', {0}) ELSE {0} END", v);
            args += fmt::format("{}{}, {}", i ? ", " : "", literal(t.columns[i]), v);
        }
        return fmt::format("json_object({})", args);
    };
    auto key_json = [](const Table& t, const char* which) {
        std::string args;
        for (std::size_t i = 0; i < t.key.size(); ++i)
            args += fmt::format("{}{}, {}.{}", i ? ", " : "", literal(t.key[i]), which,
                                t.key[i] == "rowid" ? "rowid" : ident(t.key[i]));
        return fmt::format("json_object({})", args);
    };
    constexpr const char* kRecording = "EXISTS (SELECT 1 FROM undo_now)";
    constexpr const char* kNow = "(SELECT change_id FROM undo_now)";

    for (auto& t : m_tables) {
        // A row that belongs to an entry added in this same change goes when that entry goes
        // (ON DELETE CASCADE): nothing to record, which keeps an import's log to one step.
        std::string covered;
        SQLite::Statement fks(
            m_db, "SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)");
        fks.bind(1, t.name);
        while (fks.executeStep()) {
            auto parent = fks.getColumn(0).getString();
            auto from = fks.getColumn(1).getString();
            if (fks.getColumn(2).getString() != "CASCADE") continue;
            covered += fmt::format(
                " AND NOT EXISTS (SELECT 1 FROM undo_steps s WHERE s.change_id = {} AND "
                "s.tbl = {} AND s.op = 'added' AND new.{} BETWEEN s.lo AND s.hi)",
                kNow, literal(parent), ident(from));
        }
        auto name = literal(t.name);
        auto on = ident(t.name);
        auto trigger = [&](const char* what) {
            return ident(fmt::format("undo_{}_{}", t.name, what));
        };
        if (t.has_rowid) {
            // Rows added one after another extend the latest step of their table.
            auto latest = fmt::format(
                "(SELECT max(seq) FROM undo_steps WHERE change_id = {} AND tbl = {})", kNow, name);
            m_db.exec(fmt::format(
                "CREATE TRIGGER {0} AFTER INSERT ON {1} WHEN {2}{3} BEGIN "
                "UPDATE undo_steps SET hi = new.rowid WHERE seq = {4} AND op = 'added' AND "
                "hi = new.rowid - 1; "
                "INSERT INTO undo_steps (change_id, tbl, op, lo, hi) SELECT {5}, {6}, 'added', "
                "new.rowid, new.rowid WHERE NOT EXISTS (SELECT 1 FROM undo_steps WHERE seq = "
                "{4} AND op = 'added' AND hi = new.rowid); END",
                trigger("added"), on, kRecording, covered, latest, kNow, name));
        } else {
            m_db.exec(fmt::format(
                "CREATE TRIGGER {0} AFTER INSERT ON {1} WHEN {2}{3} BEGIN "
                "INSERT INTO undo_steps (change_id, tbl, op, key) VALUES ({4}, {5}, 'added', "
                "{6}); END",
                trigger("added"), on, kRecording, covered, kNow, name, key_json(t, "new")));
        }
        m_db.exec(fmt::format(
            "CREATE TRIGGER {0} AFTER DELETE ON {1} WHEN {2} BEGIN "
            "INSERT INTO undo_steps (change_id, tbl, op, row) VALUES ({3}, {4}, 'deleted', "
            "{5}); END",
            trigger("deleted"), on, kRecording, kNow, name, row_json(t, "old")));
        m_db.exec(
            fmt::format("CREATE TRIGGER {0} AFTER UPDATE ON {1} WHEN {2} BEGIN "
                        "INSERT INTO undo_steps (change_id, tbl, op, key, row) VALUES ({3}, {4}, "
                        "'updated', {5}, {6}); END",
                        trigger("updated"), on, kRecording, kNow, name, key_json(t, "new"),
                        row_json(t, "old")));
    }
    // What the schema is now, triggers included: a migration that adds or rebuilds a table
    // changes it, and the next change makes the triggers again.
    auto cookie = m_db.execAndGet("PRAGMA schema_version").getInt64();
    m_db.exec("DELETE FROM undo_meta");
    SQLite::Statement mark(m_db, "INSERT INTO undo_meta (schema_cookie) VALUES (?)");
    mark.bind(1, cookie);
    mark.exec();
}

void UndoLog::begin(std::int64_t now_utc) {
    // Two small reads when the triggers are as the schema wants them, as they almost always are.
    auto cookie = m_db.execAndGet("PRAGMA schema_version").getInt64();
    SQLite::Statement marked(m_db, "SELECT schema_cookie FROM undo_meta");
    bool current = marked.executeStep() && marked.getColumn(0).getInt64() == cookie;
    marked.reset();
    if (!current) install();
    SQLite::Statement add(m_db, "INSERT INTO main.undo_changes (ts) VALUES (?)");
    add.bind(1, now_utc);
    add.exec();
    m_current = m_db.getLastInsertRowid();
    SQLite::Statement now(m_db, "INSERT INTO main.undo_now (change_id) VALUES (?)");
    now.bind(1, m_current);
    now.exec();
}

void UndoLog::end() {
    if (m_current == 0) return;
    m_db.exec("DELETE FROM main.undo_now");
    std::string bookkeeping;
    for (auto t : kBookkeepingTables)
        bookkeeping += (bookkeeping.empty() ? "" : ", ") + literal(t);
    SQLite::Statement counted(
        m_db, fmt::format("SELECT count(*) FROM main.undo_steps WHERE change_id = ? AND tbl NOT IN "
                          "({})",
                          bookkeeping));
    counted.bind(1, m_current);
    counted.executeStep();
    bool kept = counted.getColumn(0).getInt64() > 0;
    counted.reset();
    if (!kept) {
        SQLite::Statement drop(m_db, "DELETE FROM main.undo_changes WHERE id = ?");
        drop.bind(1, m_current);
        drop.exec();
    } else {
        SQLite::Statement forget(m_db, R"sql(
            DELETE FROM main.undo_changes WHERE id < (
                SELECT min(id) FROM (SELECT id FROM main.undo_changes ORDER BY id DESC LIMIT ?)))sql");
        forget.bind(1, kKeptChanges);
        forget.exec();
    }
    m_current = 0;
}

const UndoLog::Table* UndoLog::table(const std::string& name) const {
    for (const auto& t : m_tables)
        if (t.name == name) return &t;
    return nullptr;
}

std::string UndoLog::key_match(const Table& t) const {
    std::string where;
    for (const auto& k : t.key)
        where += fmt::format("{}{} = json_extract(:key, {})", where.empty() ? "" : " AND ",
                             k == "rowid" ? "rowid" : ident(k), path(k));
    return where;
}

std::optional<UndoneChange> UndoLog::undo_latest(
    const std::function<std::optional<Entry>(std::int64_t)>& find) {
    // What undo itself does is not recorded: undo is not a change to be undone.
    m_db.exec("DELETE FROM main.undo_now");
    load_tables();
    SQLite::Statement latest(
        m_db, "SELECT id, ts FROM main.undo_changes WHERE id <> ? ORDER BY id DESC LIMIT 1");
    latest.bind(1, m_current);
    if (!latest.executeStep()) return std::nullopt;
    UndoneChange out;
    const auto change = latest.getColumn(0).getInt64();
    out.made_utc = latest.getColumn(1).getInt64();
    latest.reset();

    struct Step {
        std::string tbl, op, key, row;
        std::int64_t lo = 0, hi = 0;
    };
    std::vector<Step> steps;
    SQLite::Statement read(m_db,
                           "SELECT tbl, op, lo, hi, key, row FROM main.undo_steps WHERE change_id "
                           "= ? ORDER BY seq DESC");
    read.bind(1, change);
    while (read.executeStep()) {
        auto text = [&](int i) {
            return read.getColumn(i).isNull() ? std::string() : read.getColumn(i).getString();
        };
        steps.push_back({text(0), text(1), text(4), text(5), read.getColumn(2).getInt64(),
                         read.getColumn(3).getInt64()});
    }
    read.reset();

    // The summary, before the rows go: which entries, and what else.
    std::set<std::int64_t> removed, restored, reverted;
    std::set<std::string> others;
    bool kids = false;
    auto json_int = [&](const std::string& json, const std::string& member) -> std::int64_t {
        SQLite::Statement q(m_db, fmt::format("SELECT json_extract(?, {})", path(member)));
        q.bind(1, json);
        q.executeStep();
        return q.getColumn(0).getInt64();
    };
    for (const auto& s : steps) {
        const Table* t = table(s.tbl);
        if (!t) throw SQLite::Exception(fmt::format("the undo log names no table {}", s.tbl));
        if (s.tbl == kEntries) {
            if (s.op == "added")
                for (auto id = s.lo; id <= s.hi; ++id)
                    removed.insert(id);
            else if (s.op == "deleted")
                restored.insert(json_int(s.row, t->columns.front()));
            else
                reverted.insert(json_int(s.key, "rowid"));
        } else if (!t->entry_column.empty()) {
            reverted.insert(json_int(s.op == "deleted" ? s.row : s.key, t->entry_column));
        } else if (s.tbl == "kids" || s.tbl == "kid_names") {
            kids = true;  // a new kid's name (and its spellings) goes with the entry naming it
        } else if (s.tbl == "priority_history") {
            others.insert("priorities");  // the history follows the list: one part to her
        } else {
            others.insert(s.tbl);
        }
    }
    if (kids && removed.empty() && restored.empty() && reverted.empty()) others.insert("kids");
    for (auto id : removed)
        reverted.erase(id);
    for (auto id : restored)
        reverted.erase(id);
    out.entries_removed = static_cast<std::int64_t>(removed.size());
    out.entries_restored = static_cast<std::int64_t>(restored.size());
    out.entries_reverted = static_cast<std::int64_t>(reverted.size());
    out.others.assign(others.begin(), others.end());
    std::optional<std::int64_t> one;
    if (removed.size() + restored.size() + reverted.size() == 1)
        one = !removed.empty()    ? *removed.begin()
              : !restored.empty() ? *restored.begin()
                                  : *reverted.begin();
    if (one && !removed.empty()) out.entry = find(*one);

    // Rows come back before the rows they name are checked: the keys are checked at commit.
    m_db.exec("PRAGMA defer_foreign_keys = ON");
    for (const auto& s : steps) {
        const Table& t = *table(s.tbl);
        auto on = fmt::format("main.{}", ident(t.name));
        if (s.op == "added" && t.has_rowid) {
            SQLite::Statement q(m_db,
                                fmt::format("DELETE FROM {} WHERE rowid BETWEEN ? AND ?", on));
            q.bind(1, s.lo);
            q.bind(2, s.hi);
            q.exec();
        } else if (s.op == "added") {
            SQLite::Statement q(m_db, fmt::format("DELETE FROM {} WHERE {}", on, key_match(t)));
            q.bind(":key", s.key);
            q.exec();
        } else if (s.op == "deleted") {
            std::string names, values;
            for (std::size_t i = 0; i < t.columns.size(); ++i) {
                names += (i ? ", " : "") + ident(t.columns[i]);
                values +=
                    fmt::format("{}json_extract(:row, {})", i ? ", " : "", path(t.columns[i]));
            }
            SQLite::Statement q(m_db,
                                fmt::format("INSERT INTO {} ({}) VALUES ({})", on, names, values));
            q.bind(":row", s.row);
            q.exec();
        } else {
            std::string sets;
            for (std::size_t i = 0; i < t.columns.size(); ++i)
                sets += fmt::format("{}{} = json_extract(:row, {})", i ? ", " : "",
                                    ident(t.columns[i]), path(t.columns[i]));
            SQLite::Statement q(m_db,
                                fmt::format("UPDATE {} SET {} WHERE {}", on, sets, key_match(t)));
            q.bind(":row", s.row);
            q.bind(":key", s.key);
            q.exec();
        }
    }
    SQLite::Statement forget(m_db, "DELETE FROM main.undo_changes WHERE id = ?");
    forget.bind(1, change);
    forget.exec();
    if (one && removed.empty()) out.entry = find(*one);
    return out;
}

}  // namespace guilt
