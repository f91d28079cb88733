// SPDX-License-Identifier: MIT
// The journal's schema as numbered migrations. Never edit a released migration: add a new one.
#include "guilt/store/schema.hpp"

namespace guilt {

// Long as a list: each migration is one SQL text, read in order; a function per migration would
// only scatter the list that says what each version added.
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
        {5, "follow-ups: her answer to \"did it help?\" about a reflection", R"sql(
CREATE TABLE IF NOT EXISTS followups (
    reflection_id INTEGER PRIMARY KEY REFERENCES entries (id) ON DELETE CASCADE,
    answer        TEXT CHECK (answer IN ('yes','little','no')),  -- NULL: she skipped it
    night         TEXT NOT NULL,     -- the day reviewed on the night she answered, YYYY-MM-DD
    ts            INTEGER NOT NULL,  -- when she answered, UTC seconds
    utc_offset    INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS followups_by_night ON followups (night);
)sql"},
        {6, "kid names compared by Unicode folding; names that are not kids; priorities' history",
         R"sql(
-- Written to run again on a journal that has these tables (a user_version set back by hand).
-- Every spelling of a kid, by its fold_name key (guilt_fold, registered by the store): "Zoë",
-- "ZOË" and a merged "Zoe" all lead to one kid.
CREATE TABLE IF NOT EXISTS kid_names (
    folded TEXT PRIMARY KEY,
    kid_id INTEGER NOT NULL REFERENCES kids (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kid_names_by_kid ON kid_names (kid_id);
-- Kids that were one name spelled two ways become one: the first written keeps its spelling.
INSERT OR IGNORE INTO kid_names (folded, kid_id) SELECT guilt_fold(name), min(id) FROM kids GROUP BY 1;
UPDATE entry_kids SET kid_id =
    (SELECT n.kid_id FROM kid_names n JOIN kids k ON n.folded = guilt_fold(k.name)
     WHERE k.id = entry_kids.kid_id);
DELETE FROM entry_kids WHERE EXISTS (
    SELECT 1 FROM entry_kids earlier
    WHERE earlier.entry_id = entry_kids.entry_id AND earlier.kid_id = entry_kids.kid_id
      AND earlier.pos < entry_kids.pos);
DELETE FROM kids WHERE id NOT IN (SELECT kid_id FROM kid_names);

-- Names she said are not her children (guilt kids not-a-kid): "@Daniel" stays a word.
CREATE TABLE IF NOT EXISTS not_kids (
    folded TEXT PRIMARY KEY,
    name   TEXT NOT NULL
) WITHOUT ROWID;

-- Each state a priority was in, and when: reflecting on a past day uses the list of that day.
-- valid_from NULL: since before the history was kept; valid_to NULL: still so.
CREATE TABLE IF NOT EXISTS priority_history (
    id          INTEGER PRIMARY KEY,
    priority_id INTEGER NOT NULL,      -- no reference: a removed priority keeps its history
    uuid        TEXT NOT NULL,
    rank        INTEGER,
    title       TEXT NOT NULL,
    until       TEXT,
    done        INTEGER NOT NULL,
    valid_from  INTEGER,
    valid_to    INTEGER
);
CREATE INDEX IF NOT EXISTS priority_history_open ON priority_history (priority_id) WHERE valid_to IS NULL;
-- A removed priority's id is never given to another (a "priority done 3" from shell history).
DROP TABLE IF EXISTS priorities_v7;
CREATE TABLE priorities_v7 (
    id     INTEGER PRIMARY KEY AUTOINCREMENT,
    uuid   TEXT NOT NULL UNIQUE,
    rank   INTEGER,
    title  TEXT NOT NULL,
    until  TEXT,
    done   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO priorities_v7 (id, uuid, rank, title, until, done)
    SELECT id, uuid, rank, title, until, done FROM priorities;
DROP TABLE priorities;
ALTER TABLE priorities_v7 RENAME TO priorities;
INSERT INTO priority_history (priority_id, uuid, rank, title, until, done)
    SELECT id, uuid, rank, title, until, done FROM priorities
    WHERE NOT EXISTS (SELECT 1 FROM priority_history);
)sql"},
        // IF NOT EXISTS: a journal whose user_version was set back (by hand, or doctor's tests)
        // still holds these tables.
        {7, "the undo log: what it takes to revert each of the last changes (guilt undo)", R"sql(
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
        {8, "the undo log records through SQLite's pre-update hook, not triggers", R"sql(
-- Schema 7's triggers were 17 KB of SQL that SQLite parsed on every open of the journal.
DROP TRIGGER IF EXISTS undo_entries_added; DROP TRIGGER IF EXISTS undo_entries_deleted; DROP TRIGGER IF EXISTS undo_entries_updated;
DROP TRIGGER IF EXISTS undo_tags_added; DROP TRIGGER IF EXISTS undo_tags_deleted; DROP TRIGGER IF EXISTS undo_tags_updated;
DROP TRIGGER IF EXISTS undo_entry_kids_added; DROP TRIGGER IF EXISTS undo_entry_kids_deleted; DROP TRIGGER IF EXISTS undo_entry_kids_updated;
DROP TRIGGER IF EXISTS undo_kids_added; DROP TRIGGER IF EXISTS undo_kids_deleted; DROP TRIGGER IF EXISTS undo_kids_updated;
DROP TRIGGER IF EXISTS undo_kid_names_added; DROP TRIGGER IF EXISTS undo_kid_names_deleted; DROP TRIGGER IF EXISTS undo_kid_names_updated;
DROP TRIGGER IF EXISTS undo_not_kids_added; DROP TRIGGER IF EXISTS undo_not_kids_deleted; DROP TRIGGER IF EXISTS undo_not_kids_updated;
DROP TRIGGER IF EXISTS undo_run_with_added; DROP TRIGGER IF EXISTS undo_run_with_deleted; DROP TRIGGER IF EXISTS undo_run_with_updated;
DROP TRIGGER IF EXISTS undo_settings_added; DROP TRIGGER IF EXISTS undo_settings_deleted; DROP TRIGGER IF EXISTS undo_settings_updated;
DROP TRIGGER IF EXISTS undo_priorities_added; DROP TRIGGER IF EXISTS undo_priorities_deleted; DROP TRIGGER IF EXISTS undo_priorities_updated;
DROP TRIGGER IF EXISTS undo_priority_history_added; DROP TRIGGER IF EXISTS undo_priority_history_deleted; DROP TRIGGER IF EXISTS undo_priority_history_updated;
DROP TRIGGER IF EXISTS undo_mottos_added; DROP TRIGGER IF EXISTS undo_mottos_deleted; DROP TRIGGER IF EXISTS undo_mottos_updated;
DROP TRIGGER IF EXISTS undo_showings_added; DROP TRIGGER IF EXISTS undo_showings_deleted; DROP TRIGGER IF EXISTS undo_showings_updated;
DROP TRIGGER IF EXISTS undo_followups_added; DROP TRIGGER IF EXISTS undo_followups_deleted; DROP TRIGGER IF EXISTS undo_followups_updated;
DROP TABLE IF EXISTS undo_now;
-- What the undo log knows of the tables (columns, keys, cascades, as JSON), and the
-- PRAGMA schema_version it was read at: read again when the schema changed.
DROP TABLE IF EXISTS undo_meta;
CREATE TABLE undo_meta (schema_cookie INTEGER NOT NULL, tables TEXT NOT NULL);
)sql"},
        {9, "two copies of one journal merge: versions, tombstones, conflicts (guilt merge)", R"sql(
-- A version per row: a hybrid logical clock as text that sorts as it compares,
-- MMMMMMMMMMMMM-CCCCCC-DEVICE (wall-clock ms, a counter, the device that wrote it). Rows written
-- before the clock was kept share the oldest version, so two copies of one journal agree on them.
-- prev: the version the row had before its last change (a change made knowing that text).
ALTER TABLE entries ADD COLUMN version TEXT NOT NULL DEFAULT '0000000000000-000000-0';
ALTER TABLE entries ADD COLUMN prev TEXT;
ALTER TABLE priorities ADD COLUMN version TEXT NOT NULL DEFAULT '0000000000000-000000-0';
ALTER TABLE priorities ADD COLUMN prev TEXT;
ALTER TABLE settings ADD COLUMN version TEXT NOT NULL DEFAULT '0000000000000-000000-0';
-- A motto is never edited: its uuid is made from its instant and words (motto_uuid), so the
-- same motto in two copies, or in an export that carries no uuid, is one motto. The table is
-- made again (not altered) so that this migration runs again on a journal set back by hand.
DROP TABLE IF EXISTS mottos_v9;
CREATE TABLE mottos_v9 (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    text       TEXT NOT NULL,
    ts         INTEGER NOT NULL,
    utc_offset INTEGER NOT NULL
);
INSERT OR IGNORE INTO mottos_v9 (id, uuid, text, ts, utc_offset)
    SELECT id, guilt_motto_uuid(ts, text), text, ts, utc_offset FROM mottos ORDER BY id;
DROP TABLE mottos;
ALTER TABLE mottos_v9 RENAME TO mottos;
CREATE INDEX mottos_by_time ON mottos (ts);
-- What was deleted, so that the delete carries over to the other copy; never any words.
CREATE TABLE IF NOT EXISTS tombstones (
    tbl     TEXT NOT NULL,
    uuid    TEXT NOT NULL,
    version TEXT NOT NULL,
    PRIMARY KEY (tbl, uuid)
) WITHOUT ROWID;
-- The words that lost a merge (the other copy's newer version of the row won): kept, listed by
-- guilt merge --conflicts, and gone with their entry when it is deleted.
CREATE TABLE IF NOT EXISTS conflicts (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER REFERENCES entries (id) ON DELETE CASCADE,
    tbl      TEXT NOT NULL,
    uuid     TEXT NOT NULL,
    field    TEXT NOT NULL,
    version  TEXT NOT NULL,
    text     TEXT NOT NULL,
    UNIQUE (tbl, uuid, field, version, text)
);
CREATE INDEX IF NOT EXISTS conflicts_by_entry ON conflicts (entry_id);
-- The version of the order of a list (the priorities' ranks): a move shifts the others, so the
-- order is one value with its own version, not a version per rank.
CREATE TABLE IF NOT EXISTS list_versions (
    list    TEXT PRIMARY KEY,
    version TEXT NOT NULL
) WITHOUT ROWID;
-- The version of a kid's name (guilt kids rename); none: the first version.
CREATE TABLE IF NOT EXISTS kid_versions (
    kid_id  INTEGER PRIMARY KEY REFERENCES kids (id) ON DELETE CASCADE,
    version TEXT NOT NULL
);
-- This copy's clock and device id. The device id is made again when the journal's file is
-- another file (device and inode: a copy, a backup, a restore), so two copies never share one.
-- Not in the undo log (the clock never goes back).
CREATE TABLE IF NOT EXISTS merge_clock (
    device   TEXT NOT NULL,
    file_dev INTEGER NOT NULL,
    file_ino INTEGER NOT NULL,
    ms       INTEGER NOT NULL,
    counter  INTEGER NOT NULL
);
)sql"},
    };
    return kMigrations;
}

}  // namespace guilt
