# SPDX-License-Identifier: MIT
# guilt merge OTHER (cli.md "Care of the journal"): another copy of her journal, a .db or a JSON
# export, brought into this one: a union by uuid, the newer version wins, the losing words kept
# and listed, deletes carried over; one transaction, one undo; twice changes nothing; A into B
# equals B into A. OTHER is only read. (Random histories: tests/unit/merge_test.cpp.)
source "$(dirname "$0")/lib.sh"

LAPTOP=
# The journal, and a copy of it on her laptop ($LAPTOP) made by guilt backup, each then changed
# on its own: a new entry on each, the same entry edited on both (the laptop later), an entry
# deleted on the laptop, a priority renamed here, a motto on the laptop.
two_copies() {
    LAPTOP=$TEST_DIR/laptop.db
    {
        guilt log "Missed pickup #school @Sam" -i 6 -w "2026-11-23 08:00" &&
            guilt log "Yelled at breakfast" -i 5 -w "2026-11-24 07:30" &&
            guilt log "Forgot the permission slip" -i 4 -w "2026-11-24 18:00" &&
            guilt priority add Kids && guilt priority add Sleep &&
            guilt backup "$LAPTOP" &&
            GUILT_NOW=2026-11-26T21:05 guilt log "Logged here only" -w "2026-11-26 20:00" &&
            GUILT_NOW=2026-11-26T21:06 guilt edit 2 --text "Yelled at breakfast, as written here" &&
            GUILT_NOW=2026-11-26T21:07 guilt priority rename 2 "Sleep, eight hours" &&
            GUILT_DB=$LAPTOP GUILT_NOW=2026-11-26T21:10 guilt log "Logged on the laptop" -w "2026-11-26 19:00" &&
            GUILT_DB=$LAPTOP GUILT_NOW=2026-11-26T21:11 guilt edit 2 --text "Yelled at breakfast, as the laptop has it" &&
            GUILT_DB=$LAPTOP GUILT_NOW=2026-11-26T21:12 guilt delete 3 --yes &&
            GUILT_DB=$LAPTOP GUILT_NOW=2026-11-26T21:13 guilt motto "Good enough is good."
    } >/dev/null 2>&1 || fail "cannot make the two copies"
    export GUILT_NOW=2026-11-26T21:30
}

# What the journal DB holds for her, keyed by uuid (no ids): entries, priorities, mottos,
# settings, deletes and kept words.
canonical() {
    sqlite3 "$1" "
        SELECT 'entry', uuid, type, ts, text, version FROM entries
        UNION ALL SELECT 'tag', e.uuid, t.pos, t.tag, '', '' FROM tags t JOIN entries e ON e.id = t.entry_id
        UNION ALL SELECT 'kid', e.uuid, ek.pos, k.name, '', '' FROM entry_kids ek JOIN entries e ON e.id = ek.entry_id JOIN kids k ON k.id = ek.kid_id
        UNION ALL SELECT 'priority', uuid, rank, title, done, version FROM priorities
        UNION ALL SELECT 'motto', uuid, ts, text, '', '' FROM mottos
        UNION ALL SELECT 'setting', key, value, version, '', '' FROM settings
        UNION ALL SELECT 'tombstone', uuid, tbl, version, '', '' FROM tombstones
        UNION ALL SELECT 'conflict', uuid, tbl, field, version, text FROM conflicts
        ORDER BY 1, 2, 3, 4"
}

t_both_copies_come_together_the_same_whichever_merges_into_which() {
    two_copies
    copy_journal "$GUILT_DB" here-copy.db
    copy_journal "$LAPTOP" laptop-copy.db
    expect_exit 0 guilt merge "$LAPTOP"
    expect_contains "$err" "Merged $LAPTOP: 1 new entry, 1 changed, 1 deleted, 1 motto; 1 conflict kept (guilt merge --conflicts)"
    GUILT_DB=$TEST_DIR/laptop-copy.db expect_exit 0 guilt merge here-copy.db
    expect_contains "$err" "Merged here-copy.db: 1 new entry, 0 changed, 0 deleted, 1 priority, 2 records (answers, prompts shown, the priorities' history); 1 conflict kept"
    expect_eq "$(canonical "$GUILT_DB")" "$(canonical laptop-copy.db)" "the two merged journals"
    list_json
    expect_jq '[.[].text] | sort' '["Logged here only","Logged on the laptop","Missed pickup #school @Sam","Yelled at breakfast, as the laptop has it"]'
    # New entries get new ids here: ids are never reused (3 was deleted).
    expect_jq '[.[] | select(.text == "Logged on the laptop") | .id]' '[5]'
    expect_exit 0 guilt priority list
    expect_contains "$out" "Sleep, eight hours"
    expect_exit 0 guilt motto
    expect_contains "$out" "Good enough is good."
}

t_the_losing_words_are_kept_and_listed() {
    two_copies
    expect_exit 0 guilt merge "$LAPTOP"
    expect_exit 0 guilt merge --conflicts
    expect_contains "$out" "#2 (guilt of 2026-11-24)"
    expect_contains "$out" "Yelled at breakfast, as written here"
    expect_exit 0 guilt --json merge --conflicts
    expect_jq '[.[] | {entry_id, field, text}]' '[{"entry_id":2,"field":"text","text":"Yelled at breakfast, as written here"}]'
    # Her words that won are the entry's.
    expect_exit 0 guilt show 2
    expect_contains "$out" "as the laptop has it"
}

t_merging_twice_changes_nothing_and_one_undo_takes_the_merge_back() {
    two_copies
    local before
    before=$(canonical "$GUILT_DB")
    expect_exit 0 guilt merge "$LAPTOP"
    local merged
    merged=$(dump)
    expect_exit 0 guilt merge "$LAPTOP"
    expect_contains "$err" "Nothing new in $LAPTOP; the journal is unchanged."
    expect_eq "$merged" "$(dump)" "the journal after a second merge"
    expect_exit 0 guilt --json merge "$LAPTOP"
    expect_jq '.nothing_new' 'true'
    # One undo takes the whole merge back (the second merge recorded nothing).
    expect_exit 0 guilt undo
    expect_eq "$before" "$(canonical "$GUILT_DB")" "the journal after undoing the merge"
    list_json
    expect_jq '[.[].text] | sort' '["Forgot the permission slip","Logged here only","Missed pickup #school @Sam","Yelled at breakfast, as written here"]'
}

t_a_dry_run_says_what_would_happen_and_writes_nothing() {
    two_copies
    local before
    before=$(dump)
    expect_exit 0 guilt merge "$LAPTOP" --dry-run
    expect_contains "$err" "Would merge $LAPTOP: 1 new entry, 1 changed, 1 deleted, 1 motto; 1 conflict kept"
    expect_eq "$before" "$(dump)" "the journal after a dry run"
    expect_exit 0 guilt --json merge "$LAPTOP" --dry-run
    expect_jq '.merged | {entries_added, entries_changed, entries_deleted, conflicts}' '{"entries_added":1,"entries_changed":1,"entries_deleted":1,"conflicts":1}'
}

t_the_other_copy_is_only_read() {
    two_copies
    settle_log "$LAPTOP"  # the laptop's own log folded into its file: nothing beside it
    local before
    before=$(fingerprint "$LAPTOP")
    rm -f "$LAPTOP-checked"
    expect_exit 0 guilt merge "$LAPTOP"
    expect_eq "$before" "$(fingerprint "$LAPTOP")" "the laptop's journal after the merge"
    for suffix in -wal -shm -journal -checked; do
        [[ ! -e $LAPTOP$suffix ]] || fail "the merge left $LAPTOP$suffix beside the other copy"
    done
}

t_a_delete_carries_over_and_a_purge_forgets_the_kept_words() {
    two_copies
    expect_exit 0 guilt merge "$LAPTOP"
    refused 2 "ID 3" -- guilt show 3
    # The kept words belong to entry 2: purging it forgets them, in the journal and its backups.
    expect_exit 0 guilt delete --purge 2
    expect_exit 0 guilt merge --conflicts
    expect_not_contains "$out$err" "as written here"
    expect_exit 0 guilt backup after.db
    [[ $(sqlite3 after.db "SELECT count(*) FROM conflicts") == 0 ]] || fail "the backup holds kept words of a purged entry"
    grep -qa "as written here" "$GUILT_DB" after.db && fail "the purged entry's kept words are still on disk"
    # The purge carries over too, and leaves no words behind there either.
    GUILT_DB=$LAPTOP expect_exit 0 guilt merge "$GUILT_DB"
    GUILT_DB=$LAPTOP list_json
    expect_jq '[.[].text] | map(select(startswith("Yelled")))' '[]'
}

# A copy taken as README says (the file with its -wal) brings what its log holds, and the merge
# changes neither file.
t_a_copy_with_its_log_merges_what_the_log_holds() {
    two_copies
    [[ -s $LAPTOP-wal ]] || fail "the laptop's latest entries are not in its log"
    mkdir -p usb
    copy_journal "$LAPTOP" usb/laptop.db
    local before
    before=$(fingerprint usb/laptop.db)
    expect_exit 0 guilt merge usb/laptop.db
    expect_contains "$err" "1 new entry"
    list_json
    expect_jq '[.[].text] | index("Logged on the laptop") != null' true
    expect_eq "$before" "$(fingerprint usb/laptop.db)" "the copy and its log after the merge"
}

t_a_json_export_merges_as_the_journal_it_came_from() {
    two_copies
    copy_journal "$GUILT_DB" by-db.db
    GUILT_DB=$LAPTOP expect_exit 0 guilt export -o laptop.json
    expect_exit 0 guilt merge laptop.json
    expect_contains "$err" "Merged laptop.json: 1 new entry, 1 changed, 1 deleted, 1 motto; 1 conflict kept"
    GUILT_DB=$TEST_DIR/by-db.db expect_exit 0 guilt merge "$LAPTOP"
    expect_eq "$(canonical by-db.db)" "$(canonical "$GUILT_DB")" "merged from the export and from the .db"
    expect_exit 0 guilt merge laptop.json
    expect_contains "$err" "Nothing new in laptop.json"
}

t_an_import_of_an_export_keeps_every_version_wherever_the_file_puts_them() {
    two_copies
    GUILT_DB=$LAPTOP expect_exit 0 guilt export -o laptop.json
    local versions="SELECT uuid, version, coalesce(prev, '-') FROM entries ORDER BY uuid"
    local want
    want=$(sqlite3 "$LAPTOP" "$versions")
    [[ $(sqlite3 "$LAPTOP" "SELECT count(DISTINCT version) FROM entries") -ge 3 ]] ||
        fail "the laptop's entries do not have versions of their own"
    # As guilt writes it (the versions after the entries, read as they come), and with the
    # versions first (kept until the entries are in).
    jq '{versions} + del(.versions)' laptop.json >versions-first.json
    for file in laptop.json versions-first.json; do
        GUILT_DB=$TEST_DIR/restored-$file.db expect_exit 0 guilt import "$file"
        expect_eq "$want" "$(sqlite3 "restored-$file.db" "$versions")" "the versions imported from $file"
    done
    [[ $(jq -r 'keys_unsorted[0]' versions-first.json) == versions ]] || fail "jq kept the order"
}

t_an_export_from_before_versions_still_merges() {
    seed_one_of_each
    # An export of guilt before merge existed: no versions, no motto uuids.
    cat >old.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-20T21:00:00-05:00",
 "entries": [{"uuid": "0f8fad5b-d9cb-469f-a165-70867728950e", "type": "guilt",
              "at": "2026-11-19T08:00:00-05:00", "text": "From the old laptop", "intensity": 4,
              "tags": [], "kids": []}],
 "priorities": [], "mottos": [{"text": "You're a good mom.", "at": "2026-11-19T08:00:00-05:00"}]}
JSON
    expect_exit 0 guilt merge old.json
    expect_contains "$err" "Merged old.json: 1 new entry, 0 changed, 0 deleted"
    expect_exit 0 guilt merge old.json
    expect_contains "$err" "Nothing new in old.json"
}

t_a_journal_of_the_first_schema_merges_and_stays_as_it_was() {
    seed_one_of_each
    cp "$E2E_DIR/../fixtures/journal-v1.db" old.db
    local before
    before=$(fingerprint old.db)
    expect_exit 0 guilt merge old.db
    expect_contains "$err" "Merged old.db:"
    expect_eq "$before" "$(fingerprint old.db)" "the old journal after the merge"
    [[ ! -e old.db.v1.backup ]] || fail "the merge upgraded the other copy"
    list_json
    expect_jq '[.[] | select(.text == "Sent @Theo to school crying #school")] | length' '1'
}

t_an_older_journal_upgraded_keeps_everything_and_gets_versions_and_uuids() {
    mkdir -p "$(dirname "$GUILT_DB")"
    cp "$E2E_DIR/../fixtures/journal-v1.db" "$GUILT_DB"
    local entries mottos
    entries=$(sqlite3 "$GUILT_DB" "SELECT group_concat(uuid || text, '|') FROM (SELECT * FROM entries ORDER BY id)")
    mottos=$(sqlite3 "$GUILT_DB" "SELECT group_concat(text, '|') FROM (SELECT * FROM mottos ORDER BY id)")
    expect_exit 0 guilt log "After the upgrade"
    expect_eq "$entries|" "$(sqlite3 "$GUILT_DB" "SELECT group_concat(uuid || text, '|') FROM (SELECT * FROM entries WHERE text <> 'After the upgrade' ORDER BY id)")|" "the entries after the upgrade"
    expect_eq "$mottos" "$(sqlite3 "$GUILT_DB" "SELECT group_concat(text, '|') FROM (SELECT * FROM mottos ORDER BY id)")" "the mottos after the upgrade"
    # Rows from before share the first version in every copy; every motto has a uuid.
    expect_eq "0000000000000-000000-0" "$(sqlite3 "$GUILT_DB" "SELECT DISTINCT version FROM entries WHERE text <> 'After the upgrade'")" "the version of the older entries"
    expect_eq "0" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM mottos WHERE uuid IS NULL OR length(uuid) <> 36")" "mottos without a uuid"
    expect_eq "1" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE version > '1'")" "entries with a version of their own"
}

t_what_is_not_another_copy_of_her_journal_is_refused() {
    seed_one_of_each
    echo "just some notes" >notes.txt
    sqlite3 other.db "CREATE TABLE t (a); INSERT INTO t VALUES (1)"
    ln "$GUILT_DB" hardlink.db
    guilt backup newer.db >/dev/null 2>&1 || fail "cannot back up"
    sqlite3 newer.db "PRAGMA user_version = 99"
    echo '{"entries": [{"title": "a jrnl entry", "body": "", "date": "2026-11-20", "time": "08:00", "tags": [], "starred": false}]}' >jrnl.json
    refused 2 "notes.txt" "not a guilt journal" -- guilt merge notes.txt
    refused 2 "other.db" "not a guilt journal" -- guilt merge other.db
    refused 2 "$GUILT_DB" "this journal itself" -- guilt merge "$GUILT_DB"
    refused 2 "hardlink.db" "this journal itself" -- guilt merge hardlink.db
    refused 2 "newer.db" "newer guilt" -- guilt merge newer.db
    refused 2 "missing.db" -- guilt merge missing.db
    refused 2 "jrnl.json" "jrnl" -- guilt merge jrnl.json
    refused 2 "OTHER" -- guilt merge
    [[ $(sqlite3 other.db "SELECT count(*) FROM t") == 1 ]] || fail "the other program's file changed"
}

t_a_rename_and_a_not_a_kid_on_the_laptop_come_over_and_the_kid_stays_one() {
    {
        guilt log "Missed pickup @Sam" -w "2026-11-23 08:00" &&
            guilt log "Argued with @Daniel" -w "2026-11-23 20:00" &&
            GUILT_NOW=2026-11-25T21:00 guilt priority add Kids &&
            guilt backup laptop.db &&
            GUILT_NOW=2026-11-26T21:05 guilt log "Late again @Sam" -w "2026-11-26 08:00" &&
            GUILT_NOW=2026-11-26T21:06 guilt priority add Sleep &&
            GUILT_DB=$TEST_DIR/laptop.db GUILT_NOW=2026-11-26T21:09 guilt priority rename 1 "Kids first" &&
            GUILT_DB=$TEST_DIR/laptop.db GUILT_NOW=2026-11-26T21:10 guilt kids rename Sam Samuel &&
            GUILT_DB=$TEST_DIR/laptop.db GUILT_NOW=2026-11-26T21:11 guilt kids not-a-kid Daniel
    } >/dev/null 2>&1 || fail "cannot make the two copies"
    copy_journal "$GUILT_DB" here-copy.db
    expect_exit 0 guilt merge laptop.db
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | {name, entries}]' '[{"name":"Samuel","entries":2}]'
    expect_exit 0 guilt kids
    expect_not_contains "$out" "Daniel"
    GUILT_DB=$TEST_DIR/laptop.db expect_exit 0 guilt merge here-copy.db
    expect_eq "$(canonical "$GUILT_DB")" "$(canonical laptop.db)" "the two merged journals"
    expect_eq "$(sqlite3 "$GUILT_DB" "SELECT folded, name FROM not_kids ORDER BY 1")" \
        "$(sqlite3 laptop.db "SELECT folded, name FROM not_kids ORDER BY 1")" "names that are no kid"
    expect_eq "$(sqlite3 "$GUILT_DB" "SELECT uuid, rank, title, done, valid_from, valid_to FROM priority_history ORDER BY 1, 5, 6")" \
        "$(sqlite3 laptop.db "SELECT uuid, rank, title, done, valid_from, valid_to FROM priority_history ORDER BY 1, 5, 6")" "the priorities' history"
    # Kids (closed by the rename), Kids first, Sleep: the state closed on the laptop is one row.
    expect_eq "3" "$(sqlite3 laptop.db "SELECT count(*) FROM priority_history")" "versions in the priorities' history"
    expect_eq "0" "$(sqlite3 laptop.db "SELECT count(*) FROM priority_history WHERE title = 'Kids' AND valid_to IS NULL")" "Kids still open in the history"
}

t_her_latest_answer_and_the_prompts_shown_on_either_computer_come_over() {
    cat >earlier.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [{"uuid": "3c1b2a6e-0f5e-4b8a-9d2c-7a1e5f4b3c2d", "type": "reflection",
              "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
              "prompt": "What are the facts?", "answer": "I was there for most of it"}],
 "priorities": [], "mottos": []}
JSON
    echo '{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00", "entries": [],
           "priorities": [], "mottos": [], "showings": [{"date": "2026-11-24", "strategy": "bank"}]}' >shown.json
    {
        guilt import earlier.json && guilt backup laptop.db &&
            GUILT_NOW=2026-11-26T21:05 guilt helped 1 no &&
            GUILT_DB=$TEST_DIR/laptop.db GUILT_NOW=2026-11-26T21:10 guilt helped 1 yes &&
            GUILT_DB=$TEST_DIR/laptop.db guilt import shown.json
    } >/dev/null 2>&1 || fail "cannot make the two copies"
    copy_journal "$GUILT_DB" here-copy.db
    expect_exit 0 guilt merge laptop.db
    expect_contains "$err" "2 records (answers, prompts shown, the priorities' history)"
    local answer shown
    answer=$(sqlite3 "$GUILT_DB" "SELECT answer FROM followups")
    expect_eq "yes" "$answer" "her answer after the merge (the later one)"
    shown=$(sqlite3 laptop.db "SELECT group_concat(strategy || day) FROM (SELECT * FROM showings ORDER BY 1, 2)")
    [[ -n $shown ]] || fail "the laptop's reflect recorded no prompts"
    expect_eq "$shown" "$(sqlite3 "$GUILT_DB" "SELECT group_concat(strategy || day) FROM (SELECT * FROM showings ORDER BY 1, 2)")" "prompts shown"
    GUILT_DB=$TEST_DIR/laptop.db expect_exit 0 guilt merge here-copy.db
    expect_eq "yes" "$(sqlite3 laptop.db "SELECT answer FROM followups")" "the laptop's answer after merging back"
}

t_the_completions_and_the_manual_know_merge() {
    expect_exit 0 guilt completions bash
    expect_contains "$out" '"merge") REPLY="-h --help --dry-run --conflicts'
    expect_contains "$out" '"merge|#1") REPLY="@files"'
    expect_exit 0 guilt completions fish
    expect_contains "$out" "-a merge -d 'Bring another copy of the journal"
    expect_exit 0 guilt manpage
    expect_contains "$out" '.SS "guilt merge [OTHER] [OPTIONS]"'
    expect_contains "$out" 'guilt merge \-\-conflicts'
}

run_tests
