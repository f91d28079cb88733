# SPDX-License-Identifier: MIT
# cli.md "guilt undo": reverts the last change (a capture, an edit, a delete, an import, a
# priority change) and says what it reverted; again, the one before, at least 10 back; nothing
# left to undo: exit 2. Checked through the journal's own views (list, show, export).
source "$(dirname "$0")/lib.sh"

# The journal as its JSON export, without the moment of the export.
backup_view() { guilt export 2>/dev/null | jq 'del(.exported_at)'; }

t_undo_removes_the_last_capture_then_the_one_before() {
    guilt log "Missed pickup #school" -i 6 2>/dev/null || fail "cannot log"
    guilt run 5k 28:30 --with moms 2>/dev/null || fail "cannot log a run"
    expect_exit 0 guilt undo
    expect_contains "$err" "run #2"
    expect_contains "$err" "no longer in the journal"
    list_json
    expect_eq "1" "$(ids)" "ids after one undo"
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
    list_json
    expect_eq "" "$(ids)" "ids after two undos"
    refused 2 "nothing left to undo" -- guilt undo
}

t_undo_brings_back_a_deleted_entry_with_its_id_uuid_tags_kids_and_companions() {
    guilt log "Missed pickup #school @Sam" -i 6 2>/dev/null || fail "cannot log"
    guilt run 5k 28:30 --with moms --with friends --note "with @Ava" 2>/dev/null || fail "cannot run"
    guilt log "Later one" 2>/dev/null || fail "cannot log"
    local before
    before=$(guilt --json list 2>/dev/null)
    expect_exit 0 guilt delete 2 --yes
    expect_exit 0 guilt delete 1 --yes
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
    expect_contains "$err" "back"
    expect_exit 0 guilt undo
    expect_contains "$err" "run #2"
    expect_exit 0 guilt --json list
    expect_eq "$before" "$out" "the journal after undoing both deletes"
    expect_exit 0 guilt --json show 2
    expect_jq '.with' '["moms","friends"]'
    expect_jq '.kids' '["Ava"]'
    # Its id was never given to anyone else, and the next entry still gets a new one.
    expect_exit 0 guilt --json log "New one"
    expect_jq '.id' '4'
}

t_undo_reverts_an_edit() {
    guilt log "Missed pickup #school @Sam" -i 6 2>/dev/null || fail "cannot log"
    local before
    before=$(guilt --json show 1 2>/dev/null)
    expect_exit 0 guilt edit 1 -i 3 --text "Worked late #work @Theo"
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
    expect_contains "$err" "as it was"
    expect_exit 0 guilt --json show 1
    expect_eq "$before" "$out" "the entry after undoing the edit"
    # The search index follows: the old words are found again, the new ones no more.
    list_json --contains pickup
    expect_eq "1" "$(ids)" "--contains pickup"
    list_json --contains worked
    expect_eq "" "$(ids)" "--contains worked"
}

t_undo_removes_what_an_import_added_and_nothing_else() {
    guilt log "From the other journal" 2>/dev/null || fail "cannot log"
    guilt priority add Kids 2>/dev/null || fail "cannot add a priority"
    guilt motto "Good enough." 2>/dev/null || fail "cannot set a motto"
    guilt export -o other.json 2>/dev/null || fail "cannot export"
    export GUILT_DB=$TEST_DIR/mine/journal.db
    guilt log "Mine" -i 4 2>/dev/null || fail "cannot log"
    local before
    before=$(backup_view)
    expect_exit 0 guilt import other.json
    [[ $(backup_view) != "$before" ]] || fail "the import added nothing"
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment"
    expect_contains "$err" "priorities"
    expect_eq "$before" "$(backup_view)" "the journal after undoing the import"
    # The same file imports again in full: nothing of it is left over.
    expect_exit 0 guilt --json import other.json
    expect_jq '.added.entries' '1'
}

t_undo_reverts_priority_changes_one_at_a_time() {
    guilt priority add Kids 2>/dev/null && guilt priority add Marathon 2>/dev/null ||
        fail "cannot add priorities"
    expect_exit 0 guilt priority move 2 1
    expect_exit 0 guilt priority done 2
    expect_exit 0 guilt undo
    expect_contains "$err" "priorities"
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | .title]' '["Marathon","Kids"]'
    expect_exit 0 guilt undo
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | .title]' '["Kids","Marathon"]'
}

t_undo_goes_back_more_than_ten_changes() {
    local i
    for i in $(seq 1 12); do
        guilt log "moment $i" 2>/dev/null || fail "cannot log $i"
    done
    for i in $(seq 12 -1 1); do
        expect_exit 0 guilt undo
        expect_contains "$err" "#$i "
    done
    refused 2 "nothing left to undo" -- guilt undo
}

t_reflecting_in_between_does_not_hide_the_last_capture() {
    guilt log "I'm a bad mom, I always yell" -i 8 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --no-input
    expect_exit 0 guilt --json reflect
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
}

t_a_refused_command_leaves_nothing_to_undo() {
    guilt log "kept" 2>/dev/null || fail "cannot log"
    refused 2 "--intensity" -- guilt log "refused" -i 11
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
    refused 2 "nothing left to undo" -- guilt undo
}

t_undo_without_a_journal_exits_2_and_creates_none() {
    refused 2 "nothing left to undo" -- guilt undo
    [[ ! -e $GUILT_DB ]] || fail "undo created the journal"
}

t_undo_json_says_what_was_reverted() {
    guilt log "Missed pickup" -i 6 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json undo
    expect_one_json_document
    expect_jq '.entries_removed' '1'
    expect_jq '.entry.text' '"Missed pickup"'
}

t_undo_says_when_the_change_was_made_by_her_clock_not_the_machine_s() {
    GUILT_NOW=2026-11-20T08:15 guilt log "Missed pickup" -i 6 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json undo
    expect_jq '.made_at' '"2026-11-20T08:15:00-05:00"'
}

t_the_undo_log_keeps_the_last_hundred_changes() {
    local i
    for i in $(seq 1 105); do
        guilt config set intensity $((i % 10 + 1)) 2>/dev/null || fail "cannot set $i"
    done
    expect_eq 100 "$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM undo_changes')" "changes kept"
    expect_exit 0 guilt undo
    expect_contains "$err" "settings"
    expect_exit 0 guilt config get intensity
    expect_eq "$((104 % 10 + 1))" "$out" "intensity after one undo"
}

t_undo_covers_the_kid_and_priority_tables_of_schema_6_in_her_words() {
    guilt log "Tired @Sam" 2>/dev/null || fail "cannot log"
    guilt kids not-a-kid Sam 2>/dev/null || fail "cannot mark Sam"
    expect_exit 0 guilt undo
    expect_contains "$err" "the names that are not kids"
    [[ $err != *kid_names* && $err != *not_kids* ]] || fail "a table name shown: $err"
    expect_exit 0 guilt kids
    expect_contains "$out" "Sam"
    guilt kids rename Sam Samuel 2>/dev/null || fail "cannot rename"
    expect_exit 0 guilt undo
    expect_eq "Undid the last change: set back the names of your kids." "$err" "rename undone"
    expect_exit 0 guilt kids
    expect_contains "$out" "Sam "
    guilt priority add Kids 2>/dev/null || fail "cannot add a priority"
    expect_exit 0 guilt undo
    expect_eq "Undid the last change: set back your priorities." "$err" "priority undone"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM priority_history')" "history undone"
}

run_tests
