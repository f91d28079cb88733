// SPDX-License-Identifier: MIT
// The undo log behind `guilt undo`, a part of the store: triggers on every table of the journal
// record, in the same transaction as each change, what it takes to revert it. Because the
// triggers are made from the schema (again whenever the schema changed), a table a later
// migration adds is covered without code of its own.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "guilt/store.hpp"

namespace guilt {

class UndoLog {
  public:
    // The changes kept; older ones are forgotten as new ones come. Default: 100.
    static constexpr int kKeptChanges = 100;

    explicit UndoLog(SQLite::Database& db) : m_db(db) {}

    // Starts recording a change (inside the write transaction), first making the triggers
    // again when the schema changed since they were made.
    void begin(std::int64_t now_utc);

    // Ends recording: keeps the change when it touched anything she would call a change (not
    // only the record of prompts shown), and forgets the oldest beyond kKeptChanges.
    void end();

    // Stops recording without keeping anything (the transaction is being rolled back).
    void abandon() noexcept { m_current = 0; }

    // Reverts the latest kept change (inside the transaction begin() started) and forgets it;
    // nullopt when none is left. Throws SQLite::Exception when the journal no longer allows it
    // (a row it would restore is in the way). `find` reads one entry: the summary's entry is read
    // before it goes (a removed one) or after it is back (a restored or reverted one).
    std::optional<UndoneChange> undo_latest(
        const std::function<std::optional<Entry>(std::int64_t)>& find);

  private:
    struct Table {
        std::string name;
        bool has_rowid = true;
        std::vector<std::string> columns;  // stored columns, in order
        std::vector<bool> real;            // per column: REAL affinity
        std::vector<std::string> key;      // "rowid", or the primary key's columns
        std::string entry_column;          // the column that names its entry (tags.entry_id)
    };

    void load_tables();
    void install();
    const Table* table(const std::string& name) const;
    std::string key_match(const Table& t) const;

    SQLite::Database& m_db;
    std::vector<Table> m_tables;
    bool m_loaded = false;
    std::int64_t m_current = 0;  // the change being recorded, 0 when none
};

}  // namespace guilt
