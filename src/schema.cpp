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
    };
    return kMigrations;
}

}  // namespace guilt
