# SPDX-License-Identifier: MIT
# What a write costs the disk (issue 23), counted in system calls, not time: a moment on a warm
# journal is made durable by one fsync of the write-ahead log (and the folder's, once per process,
# when SQLite opens the log), and every acknowledged moment is there after the process is gone.
source "$(dirname "$0")/lib.sh"

# The file syncs of one command, as "NAME" lines (the file or folder each synced).
syncs_of() { files_of_calls fsync,fdatasync,sync_file_range,syncfs,sync "$@"; }

# Warm: a log holding a write or two, far from the size at which a command folds it.
warm_journal() {
    seed_one_of_each
    settle_log
    expect_exit 0 guilt log "Warm now" -i 3
}

t_a_moment_on_a_warm_journal_takes_one_fsync_of_the_log_and_one_of_the_folder() {
    warm_journal
    local synced
    synced=$(syncs_of log "Counted" -i 4)
    expect_eq "$GUILT_DB-wal
$(dirname "$GUILT_DB")" "$synced" "the files synced by guilt log"
    # The moment is durable in the log, and the journal file itself was not written.
    expect_eq 1 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE text = 'Counted'")" \
        "the counted moment"
}

t_a_run_a_motto_and_a_reflection_take_two_fsyncs_each() {
    warm_journal
    local synced
    for cmd in "run 5k 30:00" "motto Enough" "reflect --no-input"; do
        # shellcheck disable=SC2086  # the words of each command
        synced=$(syncs_of $cmd)
        expect_eq 2 "$(wc -l <<<"$synced")" "fsyncs of guilt $cmd"
        expect_contains "$synced" "$GUILT_DB-wal"
    done
}

# Each process leaves its log for the next write: the moments of processes killed (SIGKILL) the
# moment each said "Saved", before it closed the journal, are all there, and the journal is sound.
t_moments_acknowledged_by_killed_processes_are_all_there() {
    expect_exit 0 guilt log "First" -i 3
    local i n said killed=0 saved=0
    n=$(repeats 60 15)
    for i in $(seq 1 "$n"); do
        coproc LOGGER { exec "$GUILT_BIN" log "Kept $i" -i 3 2>&1; }
        local pid=$LOGGER_PID
        said=""
        read -r said <&"${LOGGER[0]}"
        kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
        wait "$pid" 2>/dev/null
        [[ $said == Saved* ]] && saved=$((saved + 1))
        if ((i % 10 == 0)); then
            sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries" >/dev/null  # another reader
        fi
    done
    ((killed > 0)) || fail "no guilt was killed before it closed the journal"
    expect_eq "$n" "$saved" "moments acknowledged"
    expect_eq "$saved" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE text LIKE 'Kept %'")" \
        "acknowledged moments in the journal"
    expect_eq ok "$(sqlite3 "$GUILT_DB" "PRAGMA integrity_check")" "the journal's integrity"
}

# Each command starts by rebuilding the log's index from the log, and forgets which pages were
# copied into the file: left to SQLite, the log would never start over. A command that closes
# the journal with more than 1 MiB of log folds it: it never grows past that and one write.
t_the_log_each_command_leaves_stays_small() {
    local i n size largest=0
    n=$(repeats 40 25)
    for i in $(seq 1 "$n"); do
        guilt log "Moment $i with a few words to keep #tag @Sam" -i 4 >/dev/null 2>&1 || fail "log $i failed"
        size=$(stat -c %s "$GUILT_DB-wal" 2>/dev/null || echo 0)
        ((size > largest)) && largest=$size
    done
    ((largest > 512 * 1024)) || fail "the log never held more than half a MiB ($largest bytes): nothing tested"
    ((largest < 3 * 512 * 1024)) || fail "the log grew to $largest bytes"
    expect_eq "$n" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries")" "moments in the journal"
}

# A journal's folder after guilt: the journal and its log, its shared-memory index and the stamp,
# all private; backup folds the log into the file, so journal.db alone is then whole.
t_after_a_backup_the_journal_file_alone_holds_every_moment() {
    seed_one_of_each
    expect_exit 0 guilt log "Only in the log so far" -i 3
    [[ -s $GUILT_DB-wal ]] || fail "no write-ahead log after a log"
    for f in "$GUILT_DB" "$GUILT_DB-wal" "$GUILT_DB-shm" "$GUILT_DB-checked"; do
        expect_eq 600 "$(mode_of "$f")" "mode of ${f##*/}"
    done
    cp "$GUILT_DB" "$TEST_DIR/alone-before.db"
    expect_eq 0 "$(sqlite3 "$TEST_DIR/alone-before.db" "SELECT count(*) FROM entries WHERE text = 'Only in the log so far'" 2>/dev/null || echo 0)" \
        "the moment in a hand copy of journal.db alone, before a backup"
    expect_exit 0 guilt backup "$TEST_DIR/copy.db"
    [[ ! -s $GUILT_DB-wal ]] || fail "the log still holds changes after a backup"
    cp "$GUILT_DB" "$TEST_DIR/alone.db"
    expect_eq 1 "$(sqlite3 "$TEST_DIR/alone.db" "SELECT count(*) FROM entries WHERE text = 'Only in the log so far'")" \
        "the moment in a hand copy of journal.db alone, after a backup"
}

run_tests
