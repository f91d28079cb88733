// SPDX-License-Identifier: MIT
// The undo log: SQLite's pre-update hook shows each row a change adds (kept as ranges of rowids,
// so an import of 200k entries is one step), deletes or updates (a copy of the old row), and at
// the end of the write the steps are written to undo_steps (rows as JSON); undo_latest() plays
// the steps of the latest change backwards (undo_replay.cpp). It records only inside
// Store::write(), never what another program writes. (Schema 7 did this with triggers in the
// journal: 17 KB of SQL that SQLite parsed on every open, a third of what `guilt log` cost.)
#include "undo_log.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <set>

#include "undo_sql.hpp"

namespace guilt {

using namespace undo_sql;

namespace {

// Tables whose changes alone are not a change she made: reflect records the prompts it showed
// on every run, and `undo` after `reflect` must still undo her last entry.
constexpr std::string_view kBookkeepingTables[] = {"showings"};

// SQLite's affinity rules (section 3.1 of its datatype page), for the REAL case only.
bool real_affinity(std::string type) {
    for (auto& c : type)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto has = [&](const char* s) { return type.find(s) != std::string::npos; };
    if (has("INT") || has("CHAR") || has("CLOB") || has("TEXT") || has("BLOB")) return false;
    return has("REAL") || has("FLOA") || has("DOUB");
}

}  // namespace

UndoLog::~UndoLog() {
    abandon();
}

void UndoLog::load_tables() {
    if (m_loaded) return;
    m_tables.clear();
    SQLite::Statement tables(
        m_db,
        "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND "
        "type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name "
        "NOT LIKE 'undo\\_%' ESCAPE '\\' AND name <> 'merge_clock' ORDER BY name");
    while (tables.executeStep()) {
        Table t;
        t.name = tables.getColumn(0).getString();
        t.has_rowid = tables.getColumn(1).getInt() == 0;
        m_tables.push_back(std::move(t));
    }
    for (auto& t : m_tables) {
        // hidden: 0 a column, 2 generated and not stored, 3 generated and stored.
        SQLite::Statement cols(m_db,
                               "SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY "
                               "cid");
        cols.bind(1, t.name);
        std::vector<std::pair<int, int>> pk;  // (place in the key, place in the row)
        int stored = 0;
        while (cols.executeStep()) {
            int hidden = cols.getColumn(3).getInt();
            if (hidden == 0) {
                if (cols.getColumn(2).getInt() > 0)
                    pk.emplace_back(cols.getColumn(2).getInt(), static_cast<int>(t.columns.size()));
                t.columns.push_back(cols.getColumn(0).getString());
                t.real.push_back(real_affinity(cols.getColumn(1).getString()));
                t.stored.push_back(stored);
            }
            if (hidden == 0 || hidden == 3) ++stored;
        }
        std::sort(pk.begin(), pk.end());
        if (t.has_rowid)
            t.key = {"rowid"};
        else
            for (auto [n, at] : pk) {
                t.key.push_back(t.columns[static_cast<std::size_t>(at)]);
                t.key_columns.push_back(at);
            }

        SQLite::Statement fks(
            m_db, "SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list(?)");
        fks.bind(1, t.name);
        while (fks.executeStep()) {
            auto parent = fks.getColumn(0).getString();
            auto from = fks.getColumn(1).getString();
            if (parent == kEntries) t.entry_column = from;
            auto at = std::find(t.columns.begin(), t.columns.end(), from);
            if (fks.getColumn(2).getString() == "CASCADE" && at != t.columns.end())
                t.cascades.emplace_back(parent, static_cast<int>(at - t.columns.begin()));
        }
    }
    m_loaded = true;
}

// The tables as read_tables() wrote them; nullopt when the text is not that (then they are read
// from the schema again), so that the hook never reads a place a row does not have.
std::optional<std::vector<UndoLog::Table>> UndoLog::parse_tables(const std::string& text) {
    std::vector<Table> out;
    try {
        for (const auto& j : nlohmann::json::parse(text)) {
            Table t;
            j.at("name").get_to(t.name);
            j.at("has_rowid").get_to(t.has_rowid);
            j.at("columns").get_to(t.columns);
            j.at("real").get_to(t.real);
            j.at("key").get_to(t.key);
            j.at("key_columns").get_to(t.key_columns);
            j.at("stored").get_to(t.stored);
            j.at("entry_column").get_to(t.entry_column);
            j.at("cascades").get_to(t.cascades);
            auto n = static_cast<int>(t.columns.size());
            auto in_row = [n](int at) { return at >= 0 && at < n; };
            bool sound = t.real.size() == t.columns.size() && t.stored.size() == t.columns.size() &&
                         std::all_of(t.key_columns.begin(), t.key_columns.end(), in_row) &&
                         std::all_of(t.cascades.begin(), t.cascades.end(),
                                     [&](const auto& c) { return in_row(c.second); }) &&
                         (t.has_rowid || t.key_columns.size() == t.key.size());
            if (!sound) return std::nullopt;
            out.push_back(std::move(t));
        }
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
    return out;
}

// What the tables are, from undo_meta when it was written for this schema: two small reads,
// where asking the schema itself is some forty pragma queries on every write.
void UndoLog::read_tables() {
    auto cookie = m_db.execAndGet("PRAGMA schema_version").getInt64();
    if (m_loaded && cookie == m_cookie) return;
    SQLite::Statement marked(m_db, "SELECT schema_cookie, tables FROM main.undo_meta");
    if (marked.executeStep() && marked.getColumn(0).getInt64() == cookie) {
        if (auto tables = parse_tables(marked.getColumn(1).getString())) {
            m_tables = std::move(*tables);
            m_loaded = true;
            m_cookie = cookie;
            return;
        }
    }
    marked.reset();
    // Schema 7's triggers, which this hook replaces; dropping them changes the schema cookie.
    std::vector<std::string> old;
    SQLite::Statement triggers(m_db,
                               "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                               "name LIKE 'undo\\_%' ESCAPE '\\'");
    while (triggers.executeStep())
        old.push_back(triggers.getColumn(0).getString());
    triggers.reset();
    for (const auto& name : old)
        m_db.exec(fmt::format("DROP TRIGGER {}", ident(name)));

    m_loaded = false;
    load_tables();
    auto all = nlohmann::json::array();
    for (const auto& t : m_tables)
        all.push_back({{"name", t.name},
                       {"has_rowid", t.has_rowid},
                       {"columns", t.columns},
                       {"real", t.real},
                       {"key", t.key},
                       {"key_columns", t.key_columns},
                       {"stored", t.stored},
                       {"entry_column", t.entry_column},
                       {"cascades", t.cascades}});
    m_cookie = m_db.execAndGet("PRAGMA schema_version").getInt64();
    m_db.exec("DELETE FROM main.undo_meta");
    SQLite::Statement mark(m_db,
                           "INSERT INTO main.undo_meta (schema_cookie, tables) VALUES (?, ?)");
    mark.bind(1, m_cookie);
    mark.bind(2, all.dump());
    mark.exec();
}

void UndoLog::triggers_made_again() {
    m_cookie = m_db.execAndGet("PRAGMA schema_version").getInt64();
    SQLite::Statement mark(m_db, "UPDATE main.undo_meta SET schema_cookie = ?");
    mark.bind(1, m_cookie);
    mark.exec();
}

void UndoLog::begin(std::int64_t now_utc) {
    // What a write deletes is overwritten with zeros in the file, not left in free space: a
    // deleted entry's words, once the log forgets them, are gone from the journal's bytes.
    m_db.exec("PRAGMA secure_delete = ON");
    read_tables();
    SQLite::Statement add(m_db, "INSERT INTO main.undo_changes (ts) VALUES (?)");
    add.bind(1, now_utc);
    add.exec();
    m_current = m_db.getLastInsertRowid();
    clear_steps();
    m_failed = nullptr;
    sqlite3_preupdate_hook(
        m_db.getHandle(),
        [](void* self, sqlite3*, int op, const char* db, const char* table, sqlite3_int64,
           sqlite3_int64 new_rowid) {
            auto* log = static_cast<UndoLog*>(self);
            if (std::strcmp(db, "main") != 0 || log->m_failed) return;
            try {  // nothing may be thrown through SQLite
                log->record(op, table, new_rowid);
            } catch (...) {
                log->m_failed = std::current_exception();
            }
        },
        this);
}

void UndoLog::abandon() noexcept {
    sqlite3_preupdate_hook(m_db.getHandle(), nullptr, nullptr);
    m_current = 0;
    clear_steps();
    m_failed = nullptr;
}

void UndoLog::stop_recording() noexcept {
    sqlite3_preupdate_hook(m_db.getHandle(), nullptr, nullptr);
}

// A row that belongs to a row added in this same change goes when that one goes (ON DELETE
// CASCADE): nothing to record, which keeps an import's log to one step. So does one such row
// deleted again in the change (an edit of an entry it added rewrites its tags and kids): undo
// would bring it back beside the rows that replaced it. `old_row`: the row as it was (a delete).
bool UndoLog::covered(const Table& t, bool old_row) {
    auto get = old_row ? sqlite3_preupdate_old : sqlite3_preupdate_new;
    for (const auto& [parent, at] : t.cascades) {
        sqlite3_value* v = nullptr;
        if (get(m_db.getHandle(), t.stored[static_cast<std::size_t>(at)], &v) != SQLITE_OK || !v ||
            sqlite3_value_type(v) != SQLITE_INTEGER)
            continue;
        auto id = sqlite3_value_int64(v);
        for (std::size_t p = 0; p < m_tables.size(); ++p)
            if (m_tables[p].name == parent && added_here(p, id)) return true;
    }
    return false;
}

void UndoLog::clear_steps() {
    m_steps.clear();
    m_added.clear();
}

// Whether this change added the row `rowid` of the rowid table `table`.
bool UndoLog::added_here(std::size_t table, std::int64_t rowid) const {
    return std::any_of(m_added.begin(), m_added.end(), [&](std::size_t i) {
        const auto& s = m_steps[i];
        return s.table == table && s.lo <= rowid && rowid <= s.hi;
    });
}

// Called by SQLite before each row of the main journal changes. It may not use the connection
// beyond the pre-update functions, so it only copies what the step will need.
void UndoLog::record(int op, const char* table, std::int64_t new_rowid) {
    if (m_current == 0) return;
    std::size_t tbl = 0;
    while (tbl < m_tables.size() && m_tables[tbl].name != table)
        ++tbl;
    if (tbl == m_tables.size()) return;  // its own tables, FTS's, SQLite's
    const Table& t = m_tables[tbl];
    auto* db = m_db.getHandle();
    auto copy = [&](auto get, int at) {
        auto place = static_cast<std::size_t>(at);
        sqlite3_value* v = nullptr;
        Value out;
        if (get(db, t.stored[place], &v) != SQLITE_OK || !v) return out;
        out.type = sqlite3_value_type(v);
        if (out.type == SQLITE_INTEGER) out.i = sqlite3_value_int64(v);
        if (out.type == SQLITE_TEXT || out.type == SQLITE_BLOB) {
            const auto* p = static_cast<const char*>(
                out.type == SQLITE_TEXT ? static_cast<const void*>(sqlite3_value_text(v))
                                        : sqlite3_value_blob(v));
            out.bytes.assign(p ? p : "", static_cast<std::size_t>(sqlite3_value_bytes(v)));
        }
        if (out.type == SQLITE_FLOAT) {
            double d = sqlite3_value_double(v);
            if (!t.real[place] && std::abs(d) < 9.0e15 && d == std::floor(d)) {
                // An integer SQLite made a double by another column's affinity (see Value).
                out.type = SQLITE_INTEGER;
                out.i = static_cast<std::int64_t>(d);
            } else {
                // Its 17 digits bring back the same double (SQLite's JSON and printf write 15
                // or 16); the column's affinity makes it a number again when it is restored.
                out.type = SQLITE_TEXT;
                out.bytes = fmt::format("{:.17g}", d);
            }
        }
        return out;
    };
    auto keys = [&](auto get) {
        std::vector<Value> out;
        for (int at : t.key_columns)
            out.push_back(copy(get, at));
        return out;
    };
    auto row = [&] {
        std::vector<Value> out;
        for (int at = 0; at < static_cast<int>(t.columns.size()); ++at)
            out.push_back(copy(sqlite3_preupdate_old, at));
        return out;
    };
    if (op == SQLITE_INSERT) {
        if (covered(t, false)) return;
        if (t.has_rowid) {
            // Rows added one after another extend the latest range added to their table, even
            // past steps of other rows between: undo removes every row of the range, none of
            // which was there before the change, so the order of those steps does not matter.
            for (auto i = m_added.rbegin(); i != m_added.rend(); ++i) {
                auto& s = m_steps[*i];
                if (s.table != tbl) continue;
                if (s.hi == new_rowid - 1) {
                    s.hi = new_rowid;
                    return;
                }
                break;
            }
            m_added.push_back(m_steps.size());
            m_steps.push_back({tbl, "added", new_rowid, new_rowid, {}, {}});
        } else {
            m_steps.push_back({tbl, "added", 0, 0, keys(sqlite3_preupdate_new), {}});
        }
    } else if (op == SQLITE_DELETE) {
        if (covered(t, true)) return;
        m_steps.push_back({tbl, "deleted", 0, 0, {}, row()});
    } else {
        // A row added by this same change goes when it is undone: its update needs no step
        // (an import that sets the versions of the rows it adds keeps its log to one step).
        if (t.has_rowid && added_here(tbl, new_rowid)) return;
        m_steps.push_back({tbl, "updated", new_rowid, 0, keys(sqlite3_preupdate_new), row()});
    }
}

// The steps into undo_steps, in the order they happened, as JSON the way undo_latest() reads
// them.
void UndoLog::write_steps() {
    for (const auto& s : m_steps) {
        const Table& t = m_tables[s.table];
        std::vector<const Value*> values;  // bound after change, table, op, lo, hi
        auto json = [&](const std::vector<std::string>& names, const std::vector<Value>& row) {
            std::string args;
            for (std::size_t i = 0; i < names.size(); ++i) {
                values.push_back(&row[i]);
                args +=
                    fmt::format("{}{}, ?{}", i ? ", " : "", literal(names[i]), 5 + values.size());
            }
            return fmt::format("json_object({})", args);
        };
        bool updated = std::strcmp(s.op, "updated") == 0;
        std::string key = "NULL", row = "NULL";
        if (updated && t.has_rowid)
            key = fmt::format("json_object('rowid', {})", s.lo);
        else if (!s.key.empty())
            key = json(t.key, s.key);
        if (!s.row.empty()) row = json(t.columns, s.row);
        // SQLite's own statement: SQLiteCpp cannot bind the copied values.
        auto* db = m_db.getHandle();
        auto sql = fmt::format(
            "INSERT INTO main.undo_steps (change_id, tbl, op, lo, hi, key, row) VALUES (?1, ?2, "
            "?3, ?4, ?5, {}, {})",
            key, row);
        sqlite3_stmt* raw = nullptr;
        if (int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr); rc != SQLITE_OK)
            throw SQLite::Exception(db, rc);
        std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> q(raw, sqlite3_finalize);
        sqlite3_bind_int64(raw, 1, m_current);
        sqlite3_bind_text(raw, 2, t.name.c_str(), -1, SQLITE_STATIC);
        sqlite3_bind_text(raw, 3, s.op, -1, SQLITE_STATIC);
        if (std::strcmp(s.op, "added") == 0 && t.has_rowid) {
            sqlite3_bind_int64(raw, 4, s.lo);
            sqlite3_bind_int64(raw, 5, s.hi);
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            const Value& v = *values[i];
            int at = static_cast<int>(6 + i);
            auto n = static_cast<int>(v.bytes.size());
            if (v.type == SQLITE_INTEGER) sqlite3_bind_int64(raw, at, v.i);
            // JSON holds no BLOB: one another program stored is kept as text, as guilt reads it.
            if (v.type == SQLITE_TEXT || v.type == SQLITE_BLOB)
                sqlite3_bind_text(raw, at, v.bytes.data(), n, SQLITE_STATIC);
        }
        if (int rc = sqlite3_step(raw); rc != SQLITE_DONE) throw SQLite::Exception(db, rc);
    }
}

void UndoLog::end() {
    if (m_current == 0) return;
    sqlite3_preupdate_hook(m_db.getHandle(), nullptr, nullptr);
    if (m_failed) {  // Store::write rolls the change back
        auto failed = m_failed;
        abandon();
        std::rethrow_exception(failed);
    }
    bool kept = false;
    for (const auto& s : m_steps)
        kept = kept || std::find(std::begin(kBookkeepingTables), std::end(kBookkeepingTables),
                                 m_tables[s.table].name) == std::end(kBookkeepingTables);
    if (!kept) {
        SQLite::Statement drop(m_db, "DELETE FROM main.undo_changes WHERE id = ?");
        drop.bind(1, m_current);
        drop.exec();
    } else {
        write_steps();
        SQLite::Statement forget(m_db, R"sql(
            DELETE FROM main.undo_changes WHERE id < (
                SELECT min(id) FROM (SELECT id FROM main.undo_changes ORDER BY id DESC LIMIT ?)))sql");
        forget.bind(1, kKeptChanges);
        forget.exec();
    }
    m_current = 0;
    clear_steps();
}

}  // namespace guilt
