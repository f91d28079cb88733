#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The baseline of the import row of `make bench`: the rows of a guilt JSON export as the SQL the
# sqlite3 shell runs to store them itself, in a journal like guilt's (WAL, synchronous=FULL, the
# entries with their unique uuid, time and type indexes, tags, kids by name, and an FTS5 index
# over the text filled in the same transaction), one transaction, closing normally.
#   import_sql.py EXPORT.json > import.sql ; sqlite3 baseline.db ".read import.sql"
import json
import sys
from datetime import datetime

SCHEMA = """PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA foreign_keys = ON;
CREATE TABLE entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
    ts INTEGER NOT NULL, utc_offset INTEGER NOT NULL, text TEXT NOT NULL DEFAULT '',
    intensity INTEGER, distance_m REAL, duration_s INTEGER, felt INTEGER, kind TEXT,
    minutes INTEGER, child_led INTEGER);
CREATE INDEX entries_by_time ON entries (ts);
CREATE INDEX entries_by_type ON entries (type, ts);
CREATE TABLE tags (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL, tag TEXT NOT NULL, PRIMARY KEY (entry_id, pos)) WITHOUT ROWID;
CREATE INDEX tags_by_tag ON tags (tag);
CREATE TABLE entry_kids (entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL, kid TEXT NOT NULL, PRIMARY KEY (entry_id, pos)) WITHOUT ROWID;
CREATE VIRTUAL TABLE entries_fts USING fts5 (text, content = 'entries', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
"""


def q(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def main():
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.stdout
    out.write(SCHEMA)
    out.write("BEGIN IMMEDIATE;\n")
    for i, e in enumerate(doc["entries"], start=1):
        at = datetime.fromisoformat(e["at"])
        offset = int(at.utcoffset().total_seconds())
        text = e.get("text") or e.get("note") or ""
        values = [i, e["uuid"], e["type"], int(at.timestamp()), offset, text, e.get("intensity"),
                  e.get("distance_m"), e.get("duration_s"), e.get("felt"), e.get("kind"),
                  e.get("minutes"), e.get("child_led")]
        out.write("INSERT INTO entries VALUES (" + ", ".join(q(v) for v in values) + ");\n")
        for pos, tag in enumerate(e.get("tags") or []):
            out.write(f"INSERT INTO tags VALUES ({i}, {pos}, {q(tag)});\n")
        for pos, kid in enumerate(e.get("kids") or []):
            out.write(f"INSERT INTO entry_kids VALUES ({i}, {pos}, {q(kid)});\n")
    out.write("INSERT INTO entries_fts (rowid, text) SELECT id, text FROM entries;\n")
    out.write("COMMIT;\n")


if __name__ == "__main__":
    main()
