# SPDX-License-Identifier: MIT
# cli.md "Export and import": the JSON export is the complete backup. Compared table by table:
# every table of the journal (read from sqlite_master, so a table a later migration adds fails
# this test until it is compared or skipped with its reason) holds the same after export ->
# import into a new journal, rows matched by uuid or by value (ids may differ).
source "$(dirname "$0")/lib.sh"

# Tables that are by nature not her data, each with its reason.
declare -A SKIPPED=(
    [sqlite_sequence]="SQLite's counter of the ids given: ids are not carried by an export"
    [undo_changes]="the undo log: what it takes to revert this journal's last changes"
    [undo_steps]="the undo log: what it takes to revert this journal's last changes"
    [undo_meta]="the undo log's notes on the schema"
    [entries_fts]="the search index, made from the entries (checked below through --contains)"
    [entries_fts_data]="FTS5's storage of the search index"
    [entries_fts_idx]="FTS5's storage of the search index"
    [entries_fts_docsize]="FTS5's storage of the search index"
    [entries_fts_config]="FTS5's storage of the search index"
    [merge_clock]="this copy's clock and device id: every copy of a journal has its own"
    [kid_versions]="the version of a kid's name, for guilt merge: the export carries it, an import names her anew"
    [list_versions]="the version of the priorities' order, for guilt merge: an import ranks what it adds after her own, a change of this journal"
)

# For every table of her data: its columns (as PRAGMA table_info lists them, so a new column
# fails too) and the query that lists its rows with ids replaced by uuids or names. The version
# and prev columns (guilt merge's) are not compared: an import is a change made in this journal,
# so its rows get this journal's versions; guilt merge keeps the other copy's.
declare -A COLUMNS=(
    [entries]="id uuid type ts utc_offset text intensity distance_m duration_s unit felt kind minutes child_led ref_date strategy prompt version prev"
    [tags]="entry_id pos tag"
    [kids]="id name"
    [entry_kids]="entry_id pos kid_id"
    [run_with]="entry_id pos who"
    [priorities]="id uuid rank title until done version prev"
    [priority_history]="id priority_id uuid rank title until done valid_from valid_to"
    [mottos]="id uuid text ts utc_offset"
    [showings]="strategy day"
    [settings]="key value version"
    [followups]="reflection_id answer night ts utc_offset"
    [kid_names]="folded kid_id"
    [not_kids]="folded name"
    [tombstones]="tbl uuid version"
    [conflicts]="id entry_id tbl uuid field version text"
)
declare -A ROWS=(
    [entries]="SELECT uuid, type, ts, utc_offset, text, intensity, distance_m, duration_s, unit,
               felt, kind, minutes, child_led, ref_date, strategy, prompt FROM entries ORDER BY uuid"
    [tags]="SELECT e.uuid, t.pos, t.tag FROM tags t JOIN entries e ON e.id = t.entry_id ORDER BY 1, 2"
    [kids]="SELECT name FROM kids ORDER BY name"
    [entry_kids]="SELECT e.uuid, ek.pos, k.name FROM entry_kids ek JOIN entries e ON e.id = ek.entry_id
                  JOIN kids k ON k.id = ek.kid_id ORDER BY 1, 2"
    [run_with]="SELECT e.uuid, r.pos, r.who FROM run_with r JOIN entries e ON e.id = r.entry_id ORDER BY 1, 2"
    [priorities]="SELECT uuid, rank, title, until, done FROM priorities ORDER BY uuid"
    [priority_history]="SELECT uuid, rank, title, until, done, valid_from, valid_to,
                        priority_id = 0 OR priority_id IS NULL OR
                        priority_id NOT IN (SELECT id FROM priorities) AS removed
                        FROM priority_history ORDER BY uuid, valid_from, valid_to, title, rank"
    [mottos]="SELECT uuid, text, ts, utc_offset FROM mottos ORDER BY ts, text"
    [showings]="SELECT day, strategy FROM showings ORDER BY 1, 2"
    [settings]="SELECT key, value FROM settings ORDER BY key"
    [followups]="SELECT e.uuid, f.answer, f.night, f.ts, f.utc_offset FROM followups f
                 JOIN entries e ON e.id = f.reflection_id ORDER BY 1"
    [kid_names]="SELECT n.folded, k.name FROM kid_names n JOIN kids k ON k.id = n.kid_id ORDER BY 1"
    [not_kids]="SELECT folded, name FROM not_kids ORDER BY 1"
    [tombstones]="SELECT tbl, uuid, version FROM tombstones ORDER BY 1, 2"
    [conflicts]="SELECT c.tbl, c.uuid, e.uuid, c.field, c.version, c.text FROM conflicts c
                 LEFT JOIN entries e ON e.id = c.entry_id ORDER BY 1, 2, 4, 5, 6"
)

# A journal with rows in every table of her data.
fill_every_table() {
    cat >earlier.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [{"uuid": "3c1b2a6e-0f5e-4b8a-9d2c-7a1e5f4b3c2d", "type": "reflection",
              "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
              "prompt": "What are the facts?", "answer": "I was there for most of it"}],
 "priorities": [], "mottos": [],
 "showings": [{"date": "2026-11-24", "strategy": "bank"}, {"date": "2026-11-25", "strategy": "facts"}]}
JSON
    {
        guilt import earlier.json &&
            guilt helped 1 little &&
            guilt log "Missed pickup #school @Sam" -i 7 -w "2026-11-23 08:00" &&
            guilt log "Zoe cried at drop-off" -k Zoe -w "2026-11-24 08:10" &&
            guilt win "Pancakes with @Zoë #weekend" -w "2026-11-22 09:00" &&
            guilt log "Daniel and I argued #home" -k Daniel -w "2026-11-25 20:00" &&
            guilt run 5k 28:30 --with moms --with kids --felt 8 --type easy --note "cold" \
                -w "2026-11-24 06:30" &&
            guilt engage 20m -k Sam --child-led --note lego -w "2026-11-24 16:00" &&
            guilt deposit 30m nap -w "2026-11-25 14:00" &&
            guilt log "Forgotten kid named @Theo" -w "2026-11-20 10:00" &&
            guilt delete 9 --yes &&
            guilt kids merge Zoe Zoë &&
            guilt kids rename Sam Samuel &&
            guilt kids not-a-kid Daniel &&
            guilt priority add Kids && guilt priority add Sleep --until 2027-01-31 &&
            guilt priority add Work && guilt priority move 3 1 && guilt priority done 2 &&
            guilt priority add Temporary && guilt priority remove 4 &&
            guilt priority rename 1 "Work, less" &&
            guilt motto "Good enough is good." && guilt motto "You're a good mom." &&
            guilt config set unit mi && guilt config set week-start sunday &&
            guilt backup laptop.db &&
            GUILT_DB=$TEST_DIR/laptop.db guilt edit 2 --text "Missed pickup, as the laptop has it" &&
            guilt edit 2 --text "Missed pickup, as this one has it" &&
            guilt merge laptop.db
    } >/dev/null 2>&1 || fail "cannot fill the journal"
}

# The rows of TABLE in the journal DB, by its query.
rows_of() { sqlite3 -separator '|' "$1" "${ROWS[$2]}"; }

t_every_table_holds_the_same_after_export_and_import_into_a_new_journal() {
    fill_every_table
    local original=$GUILT_DB
    expect_exit 0 guilt export -o backup.json
    export GUILT_DB=$TEST_DIR/restored/journal.db
    expect_exit 0 guilt import backup.json
    local table columns want got compared=0
    for table in $(sqlite3 "$original" "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"); do
        [[ -n ${SKIPPED[$table]:-} ]] && continue
        [[ -n ${ROWS[$table]:-} ]] ||
            fail "table $table is neither compared nor skipped with a reason: add it to this test"
        columns=$(sqlite3 "$original" "SELECT group_concat(name, ' ') FROM (SELECT name FROM pragma_table_info('$table') ORDER BY cid)")
        expect_eq "${COLUMNS[$table]}" "$columns" "the columns of $table (a new one must be compared)"
        want=$(rows_of "$original" "$table")
        [[ -n $want ]] || fail "the test journal has no rows in $table: fill it"
        got=$(rows_of "$GUILT_DB" "$table")
        [[ $got == "$want" ]] ||
            fail "table $table differs after the round trip: $(diff <(echo "$want") <(echo "$got") | head -10)"
        compared=$((compared + 1))
    done
    expect_eq "${#ROWS[@]}" "$compared" "tables compared"
    # The search index, skipped above, finds the same in both.
    local before
    before=$(GUILT_DB=$original guilt --json list --contains drop-off 2>/dev/null | jq -c '[.[].uuid]')
    list_json --contains drop-off
    expect_eq "$before" "$(jq -c '[.[].uuid]' <<<"$out")" "uuids found by --contains"
}

t_after_a_restore_her_ex_is_no_kid_and_a_merged_typo_is_no_second_child() {
    fill_every_table
    expect_exit 0 guilt export -o backup.json
    export GUILT_DB=$TEST_DIR/restored/journal.db
    expect_exit 0 guilt import backup.json
    refused 2 "Daniel" -- guilt log "Daniel again" -k Daniel
    expect_exit 0 guilt --json log "Zoe again" -k zoe
    expect_jq '.kids' '["Zoë"]'
    expect_exit 0 guilt --json log "Sam again" -k sam
    expect_jq '.kids' '["Samuel"]'
    expect_exit 0 guilt --json kids
    expect_jq '[.[].name] | sort' '["Samuel","Zoë"]'
}

t_importing_a_backup_keeps_what_her_journal_says_of_a_name() {
    fill_every_table
    expect_exit 0 guilt export -o backup.json
    export GUILT_DB=$TEST_DIR/hers/journal.db
    # In her other journal Daniel is a kid: the backup's word does not unlink him.
    guilt log "Daniel's first tooth" -k Daniel 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json import backup.json
    expect_jq '.added.not_kids' '0'
    expect_exit 0 guilt --json show 1
    expect_jq '.kids' '["Daniel"]'
}

run_tests
