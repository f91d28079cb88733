#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Which paths hold her journal, and what a command that cannot write it does: a journal it
# cannot write is refused before anything is said to be saved; a path that cannot be a journal
# is refused before anything is made; a failed first write leaves nothing behind; another
# program's SQLite file is never touched, even by doctor --fix.
source "$(dirname "$0")/lib.sh"

GUILT_APPLICATION_ID=$((0x6775696c))

# The v1 journal of the fixtures, read-only for her (0400), in a folder she may write or not.
old_read_only_journal() {
    mkdir -p "$(dirname "$GUILT_DB")"
    cp "$GUILT_SOURCE_DIR/tests/fixtures/journal-v1.db" "$GUILT_DB"
    chmod 0400 "$GUILT_DB"
}

# Every command that reads the journal before it writes, on a journal it cannot write: exit 1,
# an error naming the journal, never "Saved"/"Deleted"/"Changed"/"Added", the bytes unchanged.
expect_writes_refused() {
    local before
    before=$(fingerprint "$GUILT_DB")
    local -a commands=(
        "log Missed the bus"
        "delete 1"
        "edit 2 --felt 3"
        "priority add Sleep"
        "helped 6 yes"
        "win We baked bread"
        "run 5k 30:00"
        "motto Enough"
        "undo"
    )
    local c
    for c in "${commands[@]}"; do
        # shellcheck disable=SC2086 # each command is words
        expect_exit 1 as_owner_only guilt $c
        expect_error_line "$GUILT_DB"
        expect_not_contains "$err" "Saved"
        expect_not_contains "$err" "Deleted"
        expect_not_contains "$err" "Changed"
        expect_not_contains "$err" "Added"
    done
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_eq 1 "$(sqlite3 "$GUILT_DB" "PRAGMA user_version")" "its schema"
    # Reading still works, through a copy.
    expect_exit 0 as_owner_only guilt --json list
    expect_jq 'length' 6
}

t_an_old_read_only_journal_refuses_every_write_instead_of_dropping_it() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    old_read_only_journal
    expect_writes_refused
    expect_exit 1 as_owner_only guilt log "one more"
    expect_contains "$err" "read-only"
    expect_contains "$err" "nothing was written"
    [[ ! -e $GUILT_DB.v1.backup ]] || fail "a refused write left a backup copy behind"
}

t_an_old_journal_in_a_read_only_folder_refuses_every_write() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    old_read_only_journal
    chmod 0600 "$GUILT_DB"
    chmod 0500 "$(dirname "$GUILT_DB")"
    expect_writes_refused
    chmod 0700 "$(dirname "$GUILT_DB")"
}

t_the_in_memory_database_is_refused_as_a_journal() {
    refused 2 "--db" ":memory:" -- guilt --db :memory: log "Kept nowhere"
    GUILT_DB=:memory: expect_exit 2 guilt log "Kept nowhere"
    expect_error_line "GUILT_DB" ":memory:"
    expect_not_contains "$err" "Saved"
    expect_eq "" "$(ls -A "$TEST_DIR" | grep -v '^\.' | grep -v -x -e home -e tmp)" "files made"
}

t_a_file_kept_beside_a_journal_is_refused_as_a_journal() {
    expect_exit 0 guilt log "The first entry"
    local side
    for side in -wal -shm -journal -checked; do
        refused 2 "--db" "$GUILT_DB$side" -- guilt --db "$GUILT_DB$side" log "A second journal"
    done
    expect_exit 0 guilt list
    expect_contains "$out" "The first entry"
}

t_a_device_is_refused_as_a_journal_and_nothing_is_made_beside_it() {
    mkdir -p "$TEST_DIR/dev"
    mkfifo "$TEST_DIR/dev/fifo"
    refused 2 "--db" "/dev/null" -- guilt --db /dev/null log "Into the void"
    refused 2 "--db" "fifo" -- guilt --db "$TEST_DIR/dev/fifo" log "Into a pipe"
    expect_eq "fifo" "$(ls -A "$TEST_DIR/dev")" "files beside the FIFO"
}

t_a_folder_path_is_refused_before_the_folder_is_made() {
    refused 2 "--db" "sub/" -- guilt --db sub/ log "Into a folder"
    [[ ! -e $TEST_DIR/sub ]] || fail "the folder sub/ was made"
}

t_an_empty_file_becoming_her_journal_is_made_private() {
    mkdir -p "$(dirname "$GUILT_DB")"
    : >"$GUILT_DB"
    chmod 0644 "$GUILT_DB"
    expect_exit 0 guilt log "The first entry"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "the journal's mode"
}

t_a_first_write_on_a_full_disk_leaves_no_journal_or_folder_behind() {
    [[ $(id -u) -eq 0 ]] && unshare -m true 2>/dev/null || skip "needs root and unshare to mount a tiny tmpfs"
    mkdir -p "$TEST_DIR/tiny"
    unshare -m bash -c '
        mount -t tmpfs -o size=8k tmpfs "$1" || exit 9
        head -c 4096 /dev/zero >"$1/fill" 2>/dev/null
        GUILT_DB=$1/sub/journal.db "$2" log "Too big for this disk" 2>"$1/../err"
        echo "rc=$?" >"$1/../rc"
        ls -A "$1" >"$1/../left"
    ' _ "$TEST_DIR/tiny" "$GUILT_BIN" || fail "could not mount a tmpfs"
    expect_eq "rc=1" "$(cat "$TEST_DIR/rc")" "exit code"
    expect_contains "$(cat "$TEST_DIR/err")" "the disk is full"
    expect_eq "fill" "$(cat "$TEST_DIR/left")" "what the failed write left on the disk"
}

# Another program's SQLite database, with a table and a version of its own, mode 0644.
foreign_database() {
    mkdir -p "$(dirname "$GUILT_DB")"
    sqlite3 "$GUILT_DB" "CREATE TABLE recipes (title TEXT); INSERT INTO recipes VALUES ('soup');
        PRAGMA user_version = 3;" || fail "cannot make the database"
    chmod 0644 "$GUILT_DB"
}

t_doctor_leaves_another_programs_database_alone() {
    foreign_database
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt doctor
    expect_contains "$out" "not a guilt journal"
    expect_not_contains "$out" "upgrade"
    expect_not_contains "$out" "chmod"
    expect_exit 1 guilt doctor --fix
    expect_not_contains "$err" "Fixed"
    expect_eq 644 "$(mode_of "$GUILT_DB")" "its mode"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "its bytes"
    expect_eq "journal.db" "$(ls -A "$(dirname "$GUILT_DB")")" "files beside it"
}

t_a_database_with_guilts_id_but_not_its_tables_is_not_a_journal() {
    mkdir -p "$(dirname "$GUILT_DB")"
    sqlite3 "$GUILT_DB" "PRAGMA application_id = $GUILT_APPLICATION_ID; PRAGMA user_version = 1;
        CREATE TABLE notes (body TEXT);" || fail "cannot make the database"
    fails_on_journal guilt list
    expect_contains "$err" "not a guilt journal"
    fails_on_journal guilt log "x"
    expect_eq "journal.db" "$(ls -A "$(dirname "$GUILT_DB")")" "files beside it (no backup copy)"
    expect_exit 1 guilt doctor
    expect_contains "$out" "not a guilt journal"
}

run_tests
