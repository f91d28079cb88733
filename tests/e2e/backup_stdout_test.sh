# SPDX-License-Identifier: MIT
# Issue 19: `guilt backup -` writes the copy to stdout (its own messages offer - for stdout),
# never to a file named "-", and never to a terminal.
source "$(dirname "$0")/lib.sh"

t_backup_dash_writes_the_copy_to_stdout() {
    seed_week
    guilt backup - >"$TEST_DIR/copy.db" 2>"$TEST_DIR/.err"
    rc=$?
    read_file err "$TEST_DIR/.err"
    expect_eq 0 "$rc" "exit code of guilt backup - >copy.db"
    [[ ! -e ./- ]] || fail "guilt backup - wrote a file named -"
    expect_eq 7 "$(sqlite3 "$TEST_DIR/copy.db" 'SELECT count(*) FROM entries')" \
        "entries in the copy written to stdout"
    expect_contains "$err" "7 entries"
    expect_contains "$err" "stdout"
    expect_exit 0 guilt --db "$TEST_DIR/copy.db" --json list
    expect_jq 'length' 7
    # Nothing of the copy is left behind in the folders guilt wrote to.
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR after backup -"
    expect_eq "journal.db" "$(ls -A "$(dirname "$GUILT_DB")" | grep -v -- '-checked$')" \
        "files beside the journal"
}

t_backup_dash_refuses_a_terminal_and_json() {
    seed_week
    expect_exit 2 on_terminal --stdout -- "$GUILT_BIN" backup -
    expect_contains "$err" "guilt: "
    expect_contains "$err" "terminal"
    [[ ! -e ./- ]] || fail "guilt backup - wrote a file named -"
    refused 2 "--json" "-" -- guilt --json backup -
    [[ ! -e ./- ]] || fail "guilt --json backup - wrote a file named -"
}

run_tests
