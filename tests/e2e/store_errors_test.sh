# SPDX-License-Identifier: MIT
# cli.md "exit codes": a journal that cannot be used (a folder, not a database, from a newer
# guilt, read-only, unreadable) exits 1 with one line naming the file, and is left byte for byte
# as it was; a short lock by another program is waited out.
source "$(dirname "$0")/lib.sh"

t_a_folder_as_journal_fails_with_exit_1() {
    mkdir -p "$GUILT_DB"
    fails_on_journal guilt log "x"
    fails_on_journal guilt list
    fails_on_journal guilt motto "x"
    [[ -z $(ls -A "$GUILT_DB") ]] || fail "files were written into the folder: $(ls -A "$GUILT_DB")"
}

t_a_text_file_as_journal_fails_with_exit_1() {
    mkdir -p "$(dirname "$GUILT_DB")"
    printf 'Dear diary,\nthis is not a database.\n' >"$GUILT_DB"
    fails_on_journal guilt log "x"
    fails_on_journal guilt run 5k
    fails_on_journal guilt list
    fails_on_journal guilt show 1
    expect_eq $'Dear diary,\nthis is not a database.' "$(cat "$GUILT_DB")" "the text file"
}

t_a_sqlite_file_of_another_program_fails_with_exit_1() {
    mkdir -p "$(dirname "$GUILT_DB")"
    sqlite3 "$GUILT_DB" "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');"
    fails_on_journal guilt log "x"
    fails_on_journal guilt list
}

t_a_journal_from_a_newer_guilt_is_refused_and_left_untouched() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA user_version = 999" || fail "cannot set user_version"
    local before
    before=$(ls -A "$(dirname "$GUILT_DB")")
    fails_on_journal guilt log "x"
    expect_contains "$err" "newer"
    fails_on_journal guilt list
    fails_on_journal guilt delete 1 --yes
    expect_eq 999 "$(sqlite3 "$GUILT_DB" "PRAGMA user_version")" "user_version"
    expect_eq "$before" "$(ls -A "$(dirname "$GUILT_DB")")" "the files beside the journal"
}

t_a_read_only_journal_refuses_writes_and_still_reads() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    chmod 0400 "$GUILT_DB"
    fails_on_journal as_owner_only guilt log "x"
    fails_on_journal as_owner_only guilt run 5k
    fails_on_journal as_owner_only guilt edit 1 -i 2
    fails_on_journal as_owner_only guilt delete 1 --yes
    fails_on_journal as_owner_only guilt motto "x"
    expect_exit 0 as_owner_only guilt --json list
    expect_jq 'length' '4'
}

t_an_unreadable_journal_fails_with_exit_1() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    chmod 0000 "$GUILT_DB"
    fails_on_journal as_owner_only guilt list
    fails_on_journal as_owner_only guilt log "x"
}

t_a_journal_that_cannot_be_created_fails_with_exit_1() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    mkdir -p "$TEST_DIR/locked"
    chmod 0500 "$TEST_DIR/locked"
    export GUILT_DB=$TEST_DIR/locked/guilt/journal.db
    fails_on_journal as_owner_only guilt log "x"
    export GUILT_DB=$TEST_DIR/locked/journal.db
    fails_on_journal as_owner_only guilt log "x"
    [[ -z $(ls -A "$TEST_DIR/locked") ]] || fail "files were made: $(ls -A "$TEST_DIR/locked")"
}

# The busy timeout lets a write wait for another program's lock instead of failing at once.
t_a_write_waits_for_a_short_lock_held_by_another_program() {
    seed_one_of_each
    hold_sqlite "BEGIN EXCLUSIVE;"
    "$GUILT_BIN" log "written after the lock" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err" &
    local writer=$! tries=0
    # Waiting for the lock is SQLite's busy handler sleeping between tries: the lock is released
    # once guilt sleeps in it (the kernel names that wait hrtimer_nanosleep), never before.
    until [[ $(cat /proc/$writer/wchan 2>/dev/null) == hrtimer_nanosleep ]]; do
        kill -0 $writer 2>/dev/null || fail "guilt did not wait for the lock: $(cat "$TEST_DIR/.err")"
        tries=$((tries + 1))
        ((tries < 400)) || fail "guilt never waited for the lock"
        sleep 0.05
    done
    release_sqlite "COMMIT;"
    wait $writer
    rc=$?
    expect_eq 0 "$rc" "exit code of the write that waited ($(cat "$TEST_DIR/.err"))"
    list_json -n 1
    expect_jq '.[0].text' '"written after the lock"'
}

# A lock held past the busy timeout (10 s): exit 1, one line, nothing written. (WAL lets the
# dumps read while the lock is held.)
t_a_lock_held_past_the_timeout_fails_with_exit_1_and_writes_nothing() {
    seed_one_of_each
    hold_sqlite "BEGIN EXCLUSIVE;"
    refused 1 "locked by another program" -- guilt log "never written"
    release_sqlite "ROLLBACK;"
}

t_a_stored_setting_that_is_not_valid_is_a_store_error_naming_the_journal() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "INSERT OR REPLACE INTO settings (key, value) VALUES ('intensity', 'eleven')" ||
        fail "cannot plant the setting"
    local before
    before=$(dump)
    expect_exit 1 guilt log "Forgot the permission slip"
    expect_error_line "$GUILT_DB" "intensity" "got eleven" "guilt config set"
    expect_eq "$before" "$(dump)" "the journal after the refusal"
    expect_exit 0 guilt log "Forgot the permission slip" -i 4  # no default needed
    expect_exit 0 guilt config set intensity 6
    expect_exit 0 guilt --json log "Late pickup"
    expect_jq '.intensity' 6
}

t_a_stored_date_that_cannot_be_read_is_a_store_error_not_a_usage_error() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "UPDATE priorities SET until = 'soon'" || fail "cannot plant the date"
    expect_exit 1 guilt priority list
    expect_error_line "$GUILT_DB" "reading priorities" "cannot read" '"soon"'
}

run_tests
