# SPDX-License-Identifier: MIT
# A journal on a full disk, and on a read-only one (issue 19): reads keep working and leave no
# file behind, a write fails with "the disk is full" (or says the disk cannot be written), exit 1,
# and the journal is as it was. The disk is a small tmpfs mounted in a private mount namespace
# (unshare -m, as root, as CI runs); where that cannot be done, the tests are skipped.
source "$(dirname "$0")/lib.sh"

# Runs the rest of the test inside a private mount namespace with a 1 MiB tmpfs at $TEST_DIR/disk,
# holding the journal: `in_small_disk NAME` runs the function NAME there, with GUILT_DB on it.
in_small_disk() {
    [[ $(id -u) -eq 0 ]] || skip "mounting a small disk needs root (CI runs as root)"
    unshare -m true 2>/dev/null || skip "no private mount namespace here (unshare -m)"
    mkdir -p "$TEST_DIR/disk"
    # shellcheck disable=SC2046  # every function of lib.sh and of this file, for the inner shell
    export -f $(declare -F | awk '{ print $3 }')
    export GUILT_BIN TEST_DIR CURRENT_TEST
    unshare -m bash -c 'mount -t tmpfs -o size=1m,mode=0700 tmpfs "$TEST_DIR/disk" || exit 77
        export GUILT_DB=$TEST_DIR/disk/journal.db
        "$1"' _ "$1"
    local rc=$?
    [[ $rc -eq 77 ]] && skip "cannot mount a tmpfs here"
    [[ $rc -eq 0 ]] || exit "$rc"
}

# Fills the disk that holds the journal, to the last block.
fill_the_disk() {
    dd if=/dev/zero of="$TEST_DIR/disk/filler" bs=4k 2>/dev/null
    [[ $(df --output=avail "$TEST_DIR/disk" | tail -1 | tr -d ' ') == 0 ]] || fail "the disk is not full"
}

# The files of the journal's folder, one line.
files_on_disk() { (cd "$TEST_DIR/disk" && ls -A | grep -v '^filler$' | tr '\n' ' '); }

reads_and_a_write_on_a_full_disk() {
    expect_exit 0 guilt log "Before the disk filled" -i 3
    expect_exit 0 guilt run 5k 28:30
    fill_the_disk
    local files before
    files=$(files_on_disk)
    before=$(fingerprint "$GUILT_DB")
    # Every read works, again and again, and leaves no file behind.
    for _ in 1 2 3; do
        expect_exit 0 guilt --json list
        expect_jq 'length' '2'
        expect_eq "$files" "$(files_on_disk)" "the files on the disk after a read"
    done
    expect_exit 0 guilt week
    # A write says the disk is full, exit 1, and leaves nothing behind.
    expect_exit 1 guilt log "While the disk is full" -i 3
    expect_error_line "$GUILT_DB" "the disk is full"
    expect_exit 1 guilt motto "You're a good mom."
    expect_error_line "$GUILT_DB" "the disk is full"
    expect_eq "$files" "$(files_on_disk)" "the files on the disk after a refused write"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_exit 0 guilt --json list
    expect_jq 'map(.text // "run") | join(",")' '"run,Before the disk filled"'
    # With room again, writing works.
    rm "$TEST_DIR/disk/filler"
    expect_exit 0 guilt log "After some room was made" -i 3
    expect_exit 0 guilt --json list
    expect_jq 'length' '3'
}

t_reads_work_on_a_full_disk_and_a_write_says_the_disk_is_full() {
    in_small_disk reads_and_a_write_on_a_full_disk
}

# What an earlier guilt left on a full disk: an empty write-ahead log and shared-memory file.
reads_past_an_empty_log_left_behind() {
    expect_exit 0 guilt log "Before the disk filled" -i 3
    settle_log  # the moment in the file: the log that guilt left is made empty below
    : >"$GUILT_DB-wal"
    printf 'abc' >"$GUILT_DB-shm"
    fill_the_disk
    for _ in 1 2; do
        expect_exit 0 guilt --json list
        expect_jq '.[0].text' '"Before the disk filled"'
    done
    expect_exit 1 guilt log "While the disk is full" -i 3
    expect_error_line "$GUILT_DB" "the disk is full"
}

t_an_empty_log_left_on_a_full_disk_does_not_stop_reads() {
    in_small_disk reads_past_an_empty_log_left_behind
}

a_write_that_runs_out_of_room_midway() {
    expect_exit 0 guilt log "Before the disk filled" -i 3
    # Leaves 80 KiB: enough to start, not for a moment of 60,000 characters and its index.
    local avail
    avail=$(df --output=avail "$TEST_DIR/disk" | tail -1 | tr -d ' ')
    dd if=/dev/zero of="$TEST_DIR/disk/filler" bs=1k count=$((avail - 80)) 2>/dev/null
    # The journal's content: a write that fails midway may leave frames past the log's last
    # commit, which SQLite never reads (and overwrites with the next write).
    local files before
    files=$(files_on_disk)
    before=$(dump)
    head -c 60000 /dev/zero | tr '\0' x >"$TEST_DIR/long.txt"
    expect_exit 1 guilt log <"$TEST_DIR/long.txt"
    expect_error_line "$GUILT_DB" "the disk is full"
    expect_eq "$files" "$(files_on_disk)" "the files on the disk after a failed write"
    expect_eq "$before" "$(dump)" "the journal's content"
    expect_exit 0 guilt --json list
    expect_jq 'length' '1'
}

# A guard: SQLite's own "disk is full", met halfway through a write, keeps working the same.
t_a_write_that_runs_out_of_room_midway_says_the_disk_is_full() {
    in_small_disk a_write_that_runs_out_of_room_midway
}

a_write_on_a_read_only_disk() {
    expect_exit 0 guilt log "Before the disk was made read-only" -i 3
    mount -o remount,ro "$TEST_DIR/disk" || exit 77
    expect_exit 0 guilt --json list
    expect_jq 'length' '1'
    expect_exit 1 guilt motto "You're a good mom."
    expect_error_line "$GUILT_DB" "read-only"
    expect_not_contains "$err" "check it exists and is readable"
}

t_a_write_on_a_read_only_mount_says_it_cannot_be_written() {
    in_small_disk a_write_on_a_read_only_disk
}

run_tests
