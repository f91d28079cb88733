// SPDX-License-Identifier: MIT
// guilt merge: the rows of a journal that merge, read from this journal or from another copy
// opened read-only (never changed), and the words merges kept. The merge itself:
// store_merge.cpp.
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "guilt/core/error.hpp"
#include "guilt/core/time.hpp"
#include "guilt/store/merge.hpp"
#include "store_impl.hpp"

namespace guilt {
using namespace store_detail;

namespace {

// PRAGMA application_id of a guilt journal ("guil"), as store.cpp sets it.
constexpr int kGuiltApplicationId = 0x6775696c;

MergePriority priority_row(SQLite::Statement& q) {
    MergePriority p;
    p.priority.id = q.getColumn(0).getInt64();
    p.priority.uuid = q.getColumn(1).getString();
    p.priority.rank = q.getColumn(2).isNull() ? 0 : q.getColumn(2).getInt();
    p.priority.title = q.getColumn(3).getString();
    if (!q.getColumn(4).isNull())
        p.priority.until = stored_date(q.getColumn(4).getString(), "priorities.until");
    p.priority.done = q.getColumn(5).getInt() != 0;
    p.v = {q.getColumn(6).getString(), q.getColumn(7).getString()};
    return p;
}

}  // namespace

MergeRows Store::merge_rows(bool with_entries) const {
    return m_impl->guarded("reading the journal to merge", [&] {
        MergeRows rows;
        auto& e = m_impl->stmt(fmt::format(
            "SELECT {}, e.version, coalesce(e.prev, '') FROM entries e WHERE ? ORDER BY e.id",
            kEntryColumns));
        e.bind(1, with_entries ? 1 : 0);
        while (e.executeStep())
            rows.entries.push_back(
                {entry_from_row(e), {e.getColumn(20).getString(), e.getColumn(21).getString()}});
        auto& p = m_impl->stmt(
            "SELECT id, uuid, rank, title, until, done, version, coalesce(prev, '') FROM "
            "priorities ORDER BY done, rank, id");
        while (p.executeStep())
            rows.priorities.push_back(priority_row(p));
        auto& order = m_impl->stmt("SELECT version FROM list_versions WHERE list = 'priorities'");
        rows.priority_order = order.executeStep() ? order.getColumn(0).getString() : kFirstVersion;
        order.reset();
        rows.mottos = mottos();
        auto& s = m_impl->stmt("SELECT key, value, version FROM settings ORDER BY key");
        while (s.executeStep())
            rows.settings.push_back({s.getColumn(0).getString(), s.getColumn(1).getString(),
                                     s.getColumn(2).getString()});
        auto& t = m_impl->stmt("SELECT tbl, uuid, version FROM tombstones ORDER BY tbl, uuid");
        while (t.executeStep())
            rows.tombstones.push_back({t.getColumn(0).getString(), t.getColumn(1).getString(),
                                       t.getColumn(2).getString()});
        rows.conflicts = conflicts();
        rows.priority_history = priority_history();
        rows.followups = followups();
        rows.showings = showings_between(Date{1, 1, 1}, Date{9999, 12, 31});
        for (auto& n : not_kid_registry())
            rows.not_kids.push_back({std::move(n.name), std::move(n.spellings), ""});
        auto& k = m_impl->stmt(R"sql(
            SELECT k.name, n.folded, coalesce(v.version, '0000000000000-000000-0')
            FROM kids k LEFT JOIN kid_names n ON n.kid_id = k.id
                 LEFT JOIN kid_versions v ON v.kid_id = k.id
            ORDER BY k.id, n.folded)sql");
        while (k.executeStep()) {
            auto name = k.getColumn(0).getString();
            if (rows.kids.empty() || rows.kids.back().name != name)
                rows.kids.push_back({name, {}, k.getColumn(2).getString()});
            if (!k.getColumn(1).isNull())
                rows.kids.back().spellings.push_back(k.getColumn(1).getString());
        }
        return rows;
    });
}

void Store::for_each_entry_version(
    const std::function<void(std::int64_t, const std::string&, const RowVersion&)>& fn) const {
    m_impl->guarded("reading the journal", [&] {
        auto& q =
            m_impl->stmt("SELECT id, uuid, version, coalesce(prev, '') FROM entries ORDER BY uuid");
        while (q.executeStep())
            fn(q.getColumn(0).getInt64(), q.getColumn(1).getString(),
               {q.getColumn(2).getString(), q.getColumn(3).getString()});
    });
}

bool Store::add_tombstone(const Tombstone& t) {
    if (t.table != "entries" && t.table != "priorities") return false;
    return m_impl->guarded("saving a delete", [&] {
        auto& q = m_impl->stmt(fmt::format(
            "INSERT OR IGNORE INTO tombstones (tbl, uuid, version) SELECT ?, ?, ? WHERE NOT "
            "EXISTS (SELECT 1 FROM {} WHERE uuid = ?)",
            t.table));
        q.bind(1, t.table);
        q.bind(2, t.uuid);
        q.bind(3, t.version);
        q.bind(4, t.uuid);
        return q.exec() > 0;
    });
}

bool Store::add_conflict(const Conflict& c) {
    if (c.table != "entries" && c.table != "priorities") return false;
    return m_impl->guarded("saving words a merge kept", [&] {
        auto& q = m_impl->stmt(fmt::format(R"sql(
            INSERT OR IGNORE INTO conflicts (entry_id, tbl, uuid, field, version, text)
            SELECT {}, ?, ?, ?, ?, ? FROM {} r WHERE r.uuid = ?)sql",
                                           c.table == "entries" ? "r.id" : "NULL", c.table));
        q.bind(1, c.table);
        q.bind(2, c.uuid);
        q.bind(3, c.field);
        q.bind(4, c.version);
        q.bind(5, c.text);
        q.bind(6, c.uuid);
        return q.exec() > 0;
    });
}

void Store::set_row_version(const std::string& table, const std::string& key, const RowVersion& v) {
    if (table != "entries" && table != "priorities" && table != "settings") return;
    m_impl->guarded("saving a version", [&] { m_impl->put_row_version(table, key, v); });
}

void Store::Impl::put_row_version(const std::string& table, const std::string& key,
                                  const RowVersion& v) {
    bool settings = table == "settings";
    auto& q =
        stmt(fmt::format("UPDATE {} SET version = ?{} WHERE {} = ?", table,
                         settings ? "" : ", prev = nullif(?, '')", settings ? "key" : "uuid"));
    int at = 1;
    q.bind(at++, v.version);
    if (!settings) q.bind(at++, v.prev);
    q.bind(at, key);
    q.exec();
}

void Store::set_list_version(const std::string& list, const std::string& version) {
    m_impl->guarded("saving a version", [&] { m_impl->put_list_version(list, version); });
}

std::vector<Conflict> Store::conflicts() const {
    return m_impl->guarded("reading the words merges kept", [&] {
        auto& q = m_impl->stmt(R"sql(
            SELECT c.tbl, c.uuid, c.field, c.version, c.text, coalesce(c.entry_id, 0),
                   coalesce(p.title, e.type || ' of ' || e.day, '')
            FROM conflicts c LEFT JOIN entries e ON e.id = c.entry_id
                 LEFT JOIN priorities p ON c.tbl = 'priorities' AND p.uuid = c.uuid
            ORDER BY c.id)sql");
        std::vector<Conflict> out;
        while (q.executeStep()) {
            Conflict c{q.getColumn(0).getString(), q.getColumn(1).getString(),
                       q.getColumn(2).getString(), q.getColumn(3).getString(),
                       q.getColumn(4).getString(), q.getColumn(5).getInt64(),
                       q.getColumn(6).getString()};
            out.push_back(std::move(c));
        }
        return out;
    });
}

MergeRows Store::read_other(const std::string& path) {
    auto not_journal = [&] {
        return UsageError(fmt::format(
            "{}: is not a guilt journal or a guilt JSON export; nothing was merged", path));
    };
    std::unique_ptr<Impl> impl;
    try {
        // Immutable: SQLite makes nothing beside it (no -shm), and never writes it. A copy taken
        // while guilt was writing it has a -wal, which only a plain read-only open reads.
        std::error_code ec;
        bool wal = std::filesystem::exists(path + "-wal", ec);
        impl = std::make_unique<Impl>(path, wal ? sqlite_file_name(path) : immutable_uri(path),
                                      SQLite::OPEN_READONLY | SQLite::OPEN_URI);
        impl->db.setBusyTimeout(kBusyTimeoutMs);
        int app_id = impl->db.execAndGet("PRAGMA application_id").getInt();
        bool has_tables =
            impl->db
                .execAndGet(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                    "('entries', 'priorities', 'mottos')")
                .getInt() == 3;
        if ((app_id != kGuiltApplicationId && app_id != 0) || !has_tables) throw not_journal();
        int version = impl->user_version();
        if (version > schema_version())
            throw UsageError(fmt::format(
                "{}: was written by a newer guilt (schema {}, this build knows {}); upgrade guilt "
                "to merge it; nothing was merged",
                path, version, schema_version()));
        if (version < schema_version()) impl = impl->copy_in_memory(version);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_NOTADB) throw not_journal();
        throw StoreError(fmt::format("{}: cannot read it: {}", path, describe(e, path)));
    }
    impl->on_disk = false;  // leaves no stamp beside it
    Store other(std::move(impl));
    return other.merge_rows();
}

}  // namespace guilt
