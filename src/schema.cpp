// SPDX-License-Identifier: MIT
// The journal's schema as numbered migrations. Never edit a released migration: add a new one.
#include "guilt/schema.hpp"

namespace guilt {

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kMigrations = {
        {1, "entries, tags, kids, priorities, mottos, full-text search", R"sql(
CREATE TABLE entries (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL CHECK (type IN ('guilt','run','engage','deposit','reflection')),
    ts          INTEGER NOT NULL,                 -- UTC seconds
    utc_offset  INTEGER NOT NULL,                 -- seconds east of UTC at capture
    day         TEXT GENERATED ALWAYS AS (date(ts + utc_offset, 'unixepoch')) VIRTUAL,
    text        TEXT NOT NULL DEFAULT '',
    intensity   INTEGER CHECK (intensity BETWEEN 1 AND 10),
    distance_m  REAL,
    duration_s  INTEGER,
    unit        TEXT CHECK (unit IN ('km','mi')),
    felt        INTEGER CHECK (felt BETWEEN 1 AND 10),
    kind        TEXT,
    minutes     INTEGER,
    child_led   INTEGER,
    ref_date    TEXT,
    strategy    TEXT,
    prompt      TEXT
);
CREATE INDEX entries_by_time ON entries (ts);
CREATE INDEX entries_by_day ON entries (day, type);
CREATE INDEX entries_by_type ON entries (type, ts);

CREATE TABLE tags (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, pos)
) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag);

CREATE TABLE kids (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);
CREATE TABLE entry_kids (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    kid_id   INTEGER NOT NULL REFERENCES kids (id),
    PRIMARY KEY (entry_id, pos)
) WITHOUT ROWID;
CREATE INDEX entry_kids_by_kid ON entry_kids (kid_id);

CREATE TABLE run_with (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    pos      INTEGER NOT NULL,
    who      TEXT NOT NULL,
    PRIMARY KEY (entry_id, pos)
) WITHOUT ROWID;

CREATE TABLE priorities (
    id     INTEGER PRIMARY KEY,
    uuid   TEXT NOT NULL UNIQUE,
    rank   INTEGER,                              -- NULL once done
    title  TEXT NOT NULL,
    until  TEXT,                                 -- YYYY-MM-DD, end of its season
    done   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mottos (
    id         INTEGER PRIMARY KEY,
    text       TEXT NOT NULL,
    ts         INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL
);
CREATE INDEX mottos_by_time ON mottos (ts);

CREATE VIRTUAL TABLE entries_fts USING fts5 (
    text, prompt, content = 'entries', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, text, prompt) VALUES (new.id, new.text, coalesce(new.prompt, ''));
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text, prompt)
        VALUES ('delete', old.id, old.text, coalesce(old.prompt, ''));
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF text, prompt ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text, prompt)
        VALUES ('delete', old.id, old.text, coalesce(old.prompt, ''));
    INSERT INTO entries_fts (rowid, text, prompt) VALUES (new.id, new.text, coalesce(new.prompt, ''));
END;
)sql"},
        {2, "which strategies reflect showed for each day (the no-nagging rule)", R"sql(
CREATE TABLE showings (
    strategy TEXT NOT NULL,
    day      TEXT NOT NULL,   -- the day reviewed, YYYY-MM-DD
    PRIMARY KEY (strategy, day)
) WITHOUT ROWID;
CREATE INDEX showings_by_day ON showings (day);
)sql"},
        {3, "preferences set with guilt config", R"sql(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
)sql"},
        {4, "entry ids never reused (AUTOINCREMENT); the win entry type", R"sql(
CREATE TABLE entries_v4 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid        TEXT NOT NULL UNIQUE,
    type        TEXT NOT NULL CHECK (type IN ('guilt','run','engage','deposit','reflection','win')),
    ts          INTEGER NOT NULL,
    utc_offset  INTEGER NOT NULL,
    day         TEXT GENERATED ALWAYS AS (date(ts + utc_offset, 'unixepoch')) VIRTUAL,
    text        TEXT NOT NULL DEFAULT '',
    intensity   INTEGER CHECK (intensity BETWEEN 1 AND 10),
    distance_m  REAL,
    duration_s  INTEGER,
    unit        TEXT CHECK (unit IN ('km','mi')),
    felt        INTEGER CHECK (felt BETWEEN 1 AND 10),
    kind        TEXT,
    minutes     INTEGER,
    child_led   INTEGER,
    ref_date    TEXT,
    strategy    TEXT,
    prompt      TEXT
);
INSERT INTO entries_v4 (id, uuid, type, ts, utc_offset, text, intensity, distance_m, duration_s,
                        unit, felt, kind, minutes, child_led, ref_date, strategy, prompt)
    SELECT id, uuid, type, ts, utc_offset, text, intensity, distance_m, duration_s,
           unit, felt, kind, minutes, child_led, ref_date, strategy, prompt FROM entries;
DROP TABLE entries;
ALTER TABLE entries_v4 RENAME TO entries;
CREATE INDEX entries_by_time ON entries (ts);
CREATE INDEX entries_by_day ON entries (day, type);
CREATE INDEX entries_by_type ON entries (type, ts);
CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
    INSERT INTO entries_fts (rowid, text, prompt) VALUES (new.id, new.text, coalesce(new.prompt, ''));
END;
CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text, prompt)
        VALUES ('delete', old.id, old.text, coalesce(old.prompt, ''));
END;
CREATE TRIGGER entries_fts_update AFTER UPDATE OF text, prompt ON entries BEGIN
    INSERT INTO entries_fts (entries_fts, rowid, text, prompt)
        VALUES ('delete', old.id, old.text, coalesce(old.prompt, ''));
    INSERT INTO entries_fts (rowid, text, prompt) VALUES (new.id, new.text, coalesce(new.prompt, ''));
END;
)sql"},
        // IF NOT EXISTS: a journal whose user_version was set back (by hand, or doctor's tests)
        // still holds these tables.
        {5, "the undo log: what it takes to revert each of the last changes (guilt undo)", R"sql(
CREATE TABLE IF NOT EXISTS undo_changes (
    id  INTEGER PRIMARY KEY,                  -- no AUTOINCREMENT: a change that changed nothing
                                              -- leaves no trace in sqlite_sequence
    ts  INTEGER NOT NULL                      -- UTC seconds when it was made
);
CREATE TABLE IF NOT EXISTS undo_steps (
    seq       INTEGER PRIMARY KEY,            -- played back from the highest
    change_id INTEGER NOT NULL REFERENCES undo_changes (id) ON DELETE CASCADE,
    tbl       TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('added', 'deleted', 'updated')),
    lo        INTEGER,                        -- added to a rowid table: rowids lo..hi
    hi        INTEGER,
    key       TEXT,                           -- JSON: the key of the added or updated row
    row       TEXT                            -- JSON: the deleted row, or the row before its update
);
CREATE INDEX IF NOT EXISTS undo_steps_by_change ON undo_steps (change_id, tbl);
-- The change being recorded: a row only inside a guilt write, so the triggers record nothing
-- of what other programs write.
CREATE TABLE IF NOT EXISTS undo_now (change_id INTEGER NOT NULL);
-- PRAGMA schema_version when the triggers were last made from the schema.
CREATE TABLE IF NOT EXISTS undo_meta (schema_cookie INTEGER NOT NULL);
)sql"},
    };
    return kMigrations;
}

}  // namespace guilt
