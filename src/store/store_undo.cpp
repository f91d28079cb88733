// SPDX-License-Identifier: MIT
// What the undo log keeps of deleted entries: purging one (guilt delete --purge), backups
// without them, and the changes undo cannot read (guilt doctor). The log itself is undo_log.cpp.
#include "store_impl.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>
#include <string>

#include "guilt/core/error.hpp"

namespace guilt {
using namespace store_detail;

namespace {

// Whether the database has a table of this name.
bool has_table(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    q.bind(1, name);
    return q.executeStep();
}

// FTS5 keeps a deleted entry's words in older segments of its index until they are merged.
void merge_search_index(SQLite::Database& db) {
    if (has_table(db, "entries_fts"))
        db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')");
}

}  // namespace

std::optional<std::int64_t> Store::purge(std::int64_t id) {
    return m_impl->guarded("purging the entry", [&]() -> std::optional<std::int64_t> {
        m_impl->undo.stop_recording();  // deleted means gone: nothing of it is kept to undo
        m_impl->leave_tombstone("entries", id);  // its uuid and version, never its words
        auto& q = m_impl->stmt("DELETE FROM entries WHERE id = ?");
        q.bind(1, id);
        bool deleted = q.exec() > 0;
        auto forgotten = m_impl->undo.forget_entries([id](std::int64_t e) { return e == id; });
        if (!deleted && forgotten == 0) return std::nullopt;
        merge_search_index(m_impl->db);
        return forgotten;
    });
}

bool Store::compact() {
    return m_impl->guarded("clearing the journal's free space", [&] {
        // The purge is committed, and its deletes overwrote what they removed: a reader that
        // keeps VACUUM or the checkpoint from running is said, not an error.
        try {
            m_impl->db.exec("VACUUM");
        } catch (const SQLite::Exception& e) {
            if (e.getErrorCode() != SQLITE_BUSY && e.getErrorCode() != SQLITE_LOCKED) throw;
            return false;
        }
        SQLite::Statement q(m_impl->db, "PRAGMA wal_checkpoint(TRUNCATE)");
        return !q.executeStep() || q.getColumn(0).getInt() == 0;  // busy: 1
    });
}

std::int64_t Store::unreadable_undo_changes() const {
    return m_impl->guarded("reading the undo log", [&]() -> std::int64_t {
        if (!has_table(m_impl->db, "undo_steps")) return 0;
        return static_cast<std::int64_t>(m_impl->undo.unreadable_changes().size());
    });
}

void Store::forget_unreadable_undo() {
    m_impl->guarded("forgetting unreadable undo steps",
                    [&] { m_impl->undo.forget_changes(m_impl->undo.unreadable_changes()); });
}

void Store::Impl::scrub_copy(SQLite::Database& copy) {
    // The copy's journal in memory: a write-ahead log would leave a -wal and -shm beside the
    // temporary copy if guilt were killed here (the unfinished copy is thrown away anyway).
    copy.exec("PRAGMA journal_mode = MEMORY");
    if (has_table(copy, "undo_steps") && has_table(copy, "entries")) {
        SQLite::Transaction tx(copy);
        UndoLog log(copy);
        SQLite::Statement here(copy, "SELECT 1 FROM entries WHERE id = ?");
        log.forget_entries([&](std::int64_t id) {
            here.bind(1, id);
            bool found = here.executeStep();
            here.reset();
            return !found;
        });
        merge_search_index(copy);
        tx.commit();
    }
    copy.exec("VACUUM");
    copy.exec("PRAGMA journal_mode = WAL");  // as the journal it copies
}

std::optional<UndoneChange> Store::undo() {
    m_impl->require_file("undoing the last change");
    return m_impl->guarded("undoing the last change", [&] {
        return m_impl->undo.undo_latest([this](std::int64_t id) { return find(id); });
    });
}

}  // namespace guilt
