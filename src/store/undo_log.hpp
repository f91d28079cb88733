// SPDX-License-Identifier: MIT
// The undo log behind `guilt undo`, a part of the store: SQLite's pre-update hook shows it every
// row a write changes, and it records, in the same transaction, what it takes to revert it.
// Because what it knows of the tables is read from the schema (again whenever the schema
// changed), a table a later migration adds is covered without code of its own.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "guilt/store/store.hpp"

namespace guilt {

class UndoLog {
  public:
    // The changes kept; older ones are forgotten as new ones come. Default: 100.
    static constexpr int kKeptChanges = kUndoKeptChanges;

    explicit UndoLog(SQLite::Database& db) : m_db(db) {}
    ~UndoLog();
    UndoLog(const UndoLog&) = delete;
    UndoLog& operator=(const UndoLog&) = delete;

    // Starts recording a change (inside the write transaction), first reading the tables again
    // when the schema changed since they were read.
    void begin(std::int64_t now_utc);

    // A trigger was dropped and made again inside the change (Store::write_many): the tables
    // are as they were, so what undo_meta says of them holds for the new schema cookie.
    void triggers_made_again();

    // Ends recording: writes down what the change did when it touched anything she would call a
    // change (not only the record of prompts shown), and forgets the oldest beyond kKeptChanges.
    void end();

    // Stops recording without keeping anything (the transaction is being rolled back).
    void abandon() noexcept;

    // Records nothing more of the change begin() started (end() then keeps what was recorded
    // before, or drops the change when that was nothing).
    void stop_recording() noexcept;

    // Reverts the latest kept change (inside the transaction begin() started) and forgets it;
    // nullopt when none is left. Throws SQLite::Exception when the journal no longer allows it
    // (a row it would restore is in the way). `find` reads one entry: the summary's entry is read
    // before it goes (a removed one) or after it is back (a restored or reverted one).
    std::optional<UndoneChange> undo_latest(
        const std::function<std::optional<Entry>(std::int64_t)>& find);

    // The changes whose record undo cannot read (written outside guilt), oldest first.
    std::vector<std::int64_t> unreadable_changes();
    // Forgets these changes (their steps go with them).
    void forget_changes(const std::vector<std::int64_t>& changes);
    // Forgets every step that holds a row of an entry `forgotten` says yes to (the entry's own
    // row, deleted or before an edit, and its tags, kids, companions, follow-up), and changes
    // left with no step. Returns the steps forgotten. Ranges of added rows hold no words and
    // stay. Inside a transaction; what goes is overwritten on disk with secure_delete on.
    std::int64_t forget_entries(const std::function<bool(std::int64_t)>& forgotten);

  private:
    struct Table {
        std::string name;
        bool has_rowid = true;
        std::vector<std::string> columns;  // stored columns, in order
        std::vector<bool> real;            // per column: REAL affinity
        std::vector<std::string> key;      // "rowid", or the primary key's columns
        std::vector<int> key_columns;      // their places in `columns` (none for "rowid")
        std::vector<int> stored;           // per column: its place in the stored row
        std::string entry_column;          // the column that names its entry (tags.entry_id)
        // ON DELETE CASCADE references: the parent table, and the place of the column naming it.
        std::vector<std::pair<std::string, int>> cascades;
    };
    // A copy of one value the hook saw (a double as its 17 digits, see record()). SQLite 3.40
    // reads the pre-update affinity of a column from its place in the row, which a generated
    // column before it shifts: an integer can come as a double, and is taken back.
    struct Value {
        int type = SQLITE_NULL;  // SQLITE_NULL, _INTEGER, _TEXT or _BLOB
        std::int64_t i = 0;
        std::string bytes;  // TEXT or BLOB
    };
    struct Step {
        std::size_t table;            // in m_tables
        const char* op;               // "added", "deleted", "updated"
        std::int64_t lo = 0, hi = 0;  // added to a rowid table: lo..hi; updated: the rowid
        std::vector<Value> key, row;  // the key of an added or updated row; the old row
    };

    // A step as undo_steps holds it.
    struct StoredStep {
        std::int64_t seq = 0;
        std::string tbl, op, key, row;  // key and row: JSON, or "" for NULL
        std::int64_t lo = 0, hi = 0;
    };

    void load_tables();
    std::vector<StoredStep> read_steps(std::int64_t change);
    std::string step_problem(const StoredStep& s) const;
    std::vector<std::int64_t> step_entries(const StoredStep& s) const;
    UndoneChange summarize(const std::vector<StoredStep>& steps,
                           const std::function<std::optional<Entry>(std::int64_t)>& find,
                           std::optional<std::int64_t>& one) const;
    void play(const std::vector<StoredStep>& steps);
    void read_tables();
    static std::optional<std::vector<Table>> parse_tables(const std::string& text);
    void record(int op, const char* table, std::int64_t new_rowid);
    bool covered(const Table& t, bool old_row);
    void write_steps();
    const Table* table(const std::string& name) const;
    std::string key_match(const Table& t) const;

    SQLite::Database& m_db;
    std::vector<Table> m_tables;
    bool m_loaded = false;
    std::int64_t m_cookie = -1;  // PRAGMA schema_version when m_tables was read
    std::int64_t m_current = 0;  // the change being recorded, 0 when none
    std::vector<Step> m_steps;   // what it did so far, in order
    // The places in m_steps of its "added" steps on rowid tables: what added_here() and covered()
    // look through, where a change that updates thousands of rows holds thousands of steps.
    std::vector<std::size_t> m_added;
    void clear_steps();
    bool added_here(std::size_t table, std::int64_t rowid) const;
    std::exception_ptr m_failed;  // what went wrong inside the hook, thrown at end()
};

}  // namespace guilt
