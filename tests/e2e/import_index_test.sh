# SPDX-License-Identifier: MIT
# An import fills the search index once, inside its own transaction (issue 23): what it brings is
# found by search, what was there before still is, a moment logged after it is indexed as ever,
# undo takes the imported entries out of search too, and a refused import leaves the journal, its
# index and its schema as they were. No row spills to a temporary file on the way.
source "$(dirname "$0")/lib.sh"

# An export of N moments, each with the word WORD and its number.
export_of() {
    "$PYTHON" - "$1" "$2" >"$TEST_DIR/$2.json" <<'PY'
import json, sys, uuid
n, word = int(sys.argv[1]), sys.argv[2]
entries = [{"uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{word}/{i}")), "type": "guilt",
            "at": "2026-11-%02dT08:%02d:00-05:00" % (1 + i % 25, i % 60),
            "text": f"{word} number {i}", "intensity": 5, "tags": ["imported"]} for i in range(n)]
print(json.dumps({"format": "guilt", "version": 1, "exported_at": "2026-11-26T21:00:00-05:00",
                  "entries": entries, "priorities": [], "mottos": []}))
PY
}

found() {
    guilt --json list --contains "$1" -n 100000 2>/dev/null | jq length
}

index_sound() {
    sqlite3 "$GUILT_DB" "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)" &&
        echo sound
}

t_what_an_import_brings_is_searchable_and_undo_takes_it_out_again() {
    expect_exit 0 guilt log "Heron by the canal before the import" -i 3
    export_of 1500 kingfisher
    expect_exit 0 guilt import "$TEST_DIR/kingfisher.json"
    expect_eq 1500 "$(found kingfisher)" "imported moments found by search"
    expect_eq 1 "$(found heron)" "the moment from before"
    expect_exit 0 guilt log "Heron again after the import" -i 3
    expect_eq 2 "$(found heron)" "moments logged around the import"
    expect_eq sound "$(index_sound)" "the search index"
    expect_exit 0 guilt undo  # the second heron
    expect_exit 0 guilt undo  # the import
    expect_eq 0 "$(found kingfisher)" "imported moments found after undo"
    expect_eq 1 "$(found heron)" "the moment from before, after undo"
    expect_eq sound "$(index_sound)" "the search index after undo"
}

t_a_refused_import_leaves_the_index_and_the_schema_as_they_were() {
    expect_exit 0 guilt log "Heron by the canal" -i 3
    export_of 300 wren
    # The last moment is refused (an intensity of 11): nothing of the file comes in.
    "$PYTHON" - "$TEST_DIR/wren.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["entries"][-1]["intensity"] = 11
json.dump(doc, open(sys.argv[1], "w"))
PY
    local before
    before=$(dump)
    expect_exit 2 guilt import "$TEST_DIR/wren.json"
    expect_contains "$err" "intensity"
    expect_eq "$before" "$(dump)" "the journal (its schema and triggers included)"
    expect_exit 0 guilt log "Heron once more" -i 3
    expect_eq 2 "$(found heron)" "moments logged before and after the refusal"
    expect_eq 0 "$(found wren)" "moments of the refused file"
}

t_importing_into_a_journal_with_moments_writes_no_temporary_file() {
    expect_exit 0 guilt log "Heron by the canal" -i 3
    export_of 2000 plover
    # Every file written, by name: the journal's own three, and nothing else (a statement's
    # journal spilled to a temporary file shows as /var/tmp/etilqs_... or a deleted file).
    local written
    written=$(files_of_calls write,pwrite64 import "$TEST_DIR/plover.json" |
        grep -v -e '^pipe:' -e '^/dev/' | sort -u)
    expect_contains "$written" "$GUILT_DB-wal"
    expect_eq "" "$(grep -v -x -e "$GUILT_DB" -e "$GUILT_DB-wal" -e "$GUILT_DB-shm" \
        -e "$GUILT_DB-checked\.[A-Za-z0-9]*" <<<"$written")" "files the import wrote beside the journal's own"
    expect_eq 2000 "$(found plover)" "imported moments found by search"
}

run_tests
