# SPDX-License-Identifier: MIT
# Issue 19, "deleted is not gone": cli.md "guilt delete": delete says how long the text stays
# undoable; delete --purge removes it from the undo log at once; a backup or export never holds
# a deleted entry's text. Checked on the bytes of the journal's files and of the backup.
source "$(dirname "$0")/lib.sh"

SECRET=Quetzalmorningregret

# How many of FILES hold the secret word, in any case (FTS5 keeps words lower-cased); missing
# files hold nothing.
holding_secret() {
    local f n=0
    for f in "$@"; do
        [[ -e $f ]] && grep -aqi "$SECRET" "$f" && n=$((n + 1))
    done
    echo "$n"
}

# Guilt moment #1 holds the secret (edited once, so an older version of it is in the undo log
# too), #2 and #3 do not.
seed_secret() {
    guilt log "$SECRET at the gate #private @Sam" -i 8 2>/dev/null &&
        guilt edit 1 --text "$SECRET again, at the gate #private @Sam" 2>/dev/null &&
        guilt log "Forgot the lunchbox" -i 4 2>/dev/null &&
        guilt run 5k 28:30 2>/dev/null || fail "cannot seed the journal"
    [[ $(holding_secret "$GUILT_DB" "$GUILT_DB-wal") -gt 0 ]] || fail "the seed holds no secret"
}

# Undoes the rest of seed_secret, newest first: the run, the lunchbox moment, and what is left
# of the change that saved #1 (the kid it named first, Sam). Nothing brings #1 back.
undo_all_but_the_secret() {
    expect_exit 0 guilt undo
    expect_contains "$err" "run #3"
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #2"
    # What is left of the change that saved #1: the kid it named first (Sam) is a name again.
    expect_exit 0 guilt undo
    expect_contains "$err" "names of your kids"
    refused 2 "nothing left to undo" -- guilt undo
}

t_delete_says_how_long_the_words_stay_undoable_and_how_to_remove_them() {
    seed_secret
    expect_exit 0 guilt delete 1 --yes
    expect_contains "$err" "100 changes"
    expect_contains "$err" "guilt undo"
    expect_contains "$err" "guilt delete --purge 1"
}

t_purge_removes_the_words_from_the_journal_files_and_undo_still_works_for_the_rest() {
    seed_secret
    expect_exit 0 guilt priority add Kids
    expect_exit 0 guilt delete --purge 1 --yes
    expect_contains "$err" "for good"
    expect_eq "0" "$(holding_secret "$GUILT_DB" "$GUILT_DB-wal" "$GUILT_DB-shm")" \
        "journal files holding the purged words"
    refused 2 "ID 1" -- guilt show 1
    # Undo skips nothing of hers: the priority, then the run, and never brings #1 back.
    expect_exit 0 guilt undo
    expect_contains "$err" "priorities"
    undo_all_but_the_secret
    list_json
    expect_eq "" "$(ids)" "entries after undoing everything"
}

t_purge_empties_the_wal_while_another_program_has_the_journal_open() {
    seed_secret
    # sqlite3 keeps a connection open (no transaction): the -wal outlives each guilt command.
    hold_sqlite "PRAGMA journal_mode;"
    expect_exit 0 guilt delete 1 --yes
    [[ -e $GUILT_DB-wal ]] || fail "the -wal should stay while sqlite3 has the journal open"
    expect_exit 0 guilt delete --purge 1
    expect_eq "0" "$(holding_secret "$GUILT_DB" "$GUILT_DB-wal" "$GUILT_DB-shm")" \
        "journal files holding the purged words, with the -wal kept open"
    release_sqlite ".quit"
}

t_purge_of_an_entry_deleted_before_removes_it_from_the_undo_log() {
    seed_secret
    expect_exit 0 guilt delete 1 --yes
    expect_exit 0 guilt log "Later moment" -i 3
    [[ $(holding_secret "$GUILT_DB" "$GUILT_DB-wal") -gt 0 ]] ||
        fail "the undo log should still hold the deleted words before the purge"
    expect_exit 0 guilt delete --purge 1
    expect_contains "$err" "#1"
    expect_eq "0" "$(holding_secret "$GUILT_DB" "$GUILT_DB-wal" "$GUILT_DB-shm")" \
        "journal files holding the purged words"
    # The later moment is undone first, then the delete of #1 is not there to undo any more.
    expect_exit 0 guilt undo
    expect_contains "$err" "Later moment"
    expect_exit 0 guilt undo
    expect_contains "$err" "run #3"
    # Nothing of #1 left to purge, and an id never used: refused, nothing written.
    refused 2 "ID 1" -- guilt delete --purge 1
    refused 2 "ID 99" -- guilt delete --purge 99
}

t_a_backup_after_a_plain_delete_holds_no_deleted_words_and_undoes_the_rest() {
    seed_secret
    expect_exit 0 guilt delete 1 --yes
    expect_exit 0 guilt backup copy.db
    expect_eq "0" "$(holding_secret copy.db copy.db-wal)" "backup files holding the deleted words"
    # The journal itself still can bring it back (within the next 100 changes).
    expect_exit 0 guilt undo
    expect_contains "$err" "it is back"
    expect_exit 0 guilt show 1
    expect_contains "$out" "$SECRET"
    # The copy undoes what is not a deleted entry's: the run, then the lunchbox moment.
    export GUILT_DB=$TEST_DIR/copy.db
    undo_all_but_the_secret
}

t_an_export_after_a_delete_holds_no_deleted_words() {
    seed_secret
    expect_exit 0 guilt delete 1 --yes
    expect_exit 0 guilt export -o all.json
    expect_eq "0" "$(holding_secret all.json)" "export holding the deleted words"
    expect_exit 0 guilt export --format csv -o all.csv
    expect_eq "0" "$(holding_secret all.csv)" "CSV export holding the deleted words"
}

run_tests
