# SPDX-License-Identifier: MIT
# cli.md "Global": usage and help, where the journal lives and its file modes, the clock, where
# output goes, --json, colour.
source "$(dirname "$0")/lib.sh"

COMMANDS=(log run engage deposit priority motto list show edit delete)

t_guilt_alone_prints_usage_on_stderr_and_exits_2() {
    expect_exit 2 guilt
    expect_eq "" "$out" "stdout"
    expect_contains "$err" "usage: guilt"
    for cmd in log run engage list; do expect_contains "$err" "$cmd" "usage"; done
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
}

t_help_exits_0_for_guilt_and_every_command() {
    expect_exit 0 guilt --help
    for cmd in "${COMMANDS[@]}"; do expect_contains "$out" "$cmd" "guilt --help"; done
    for cmd in "${COMMANDS[@]}"; do
        expect_exit 0 guilt "$cmd" --help
        expect_contains "$out" "$cmd" "guilt $cmd --help"
    done
    for sub in add list move done; do
        expect_exit 0 guilt priority "$sub" --help
        expect_contains "$out" "$sub" "guilt priority $sub --help"
    done
    expect_exit 0 guilt --version
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal after asking for help"
}

t_an_unknown_command_or_option_is_refused_naming_it() {
    refused 2 "frobnicate" -- guilt frobnicate
    refused 2 "--bogus" -- guilt --bogus
    refused 2 "--bogus" -- guilt log "x" --bogus
    refused 2 "--frobnicate" -- guilt list --frobnicate
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
}

t_the_journal_is_created_on_first_write_not_on_read() {
    expect_exit 0 guilt list
    expect_exit 0 guilt motto
    expect_exit 0 guilt priority list
    [[ ! -e $GUILT_DB && ! -e $(dirname "$GUILT_DB") ]] || fail "reading created the journal"
    expect_exit 0 guilt log "first"
    [[ -f $GUILT_DB ]] || fail "the journal was not created at \$GUILT_DB"
}

# --db, else $GUILT_DB, else $XDG_DATA_HOME/guilt/journal.db, else ~/.local/share/guilt/journal.db.
t_the_journal_path_follows_db_then_guilt_db_then_xdg_then_home() {
    local by_flag=$TEST_DIR/flag/j.db by_env=$TEST_DIR/env/j.db
    local by_xdg=$XDG_DATA_HOME/guilt/journal.db by_home=$HOME/.local/share/guilt/journal.db
    expect_exit 0 guilt --db "$by_flag" log "by flag"
    expect_exit 0 guilt list --db "$by_flag" -n 1  # also after the command
    GUILT_DB=$by_env expect_exit 0 guilt log "by GUILT_DB"
    expect_exit 0 env -u GUILT_DB "$GUILT_BIN" log "by XDG_DATA_HOME"
    expect_exit 0 env -u GUILT_DB -u XDG_DATA_HOME "$GUILT_BIN" log "by HOME"
    expect_exit 0 env -u GUILT_DB XDG_DATA_HOME= "$GUILT_BIN" log "by HOME, XDG empty"

    for journal in "$by_flag" "$by_env" "$by_xdg" "$by_home"; do
        [[ -f $journal ]] || fail "no journal at $journal"
    done
    out=$(sqlite3 "$by_flag" "SELECT group_concat(text, '|') FROM entries")
    expect_eq "by flag" "$out" "entries in the --db journal"
    out=$(sqlite3 "$by_env" "SELECT group_concat(text, '|') FROM entries")
    expect_eq "by GUILT_DB" "$out" "entries in the GUILT_DB journal"
    out=$(sqlite3 "$by_xdg" "SELECT group_concat(text, '|') FROM entries")
    expect_eq "by XDG_DATA_HOME" "$out" "entries in the XDG journal"
    out=$(sqlite3 "$by_home" "SELECT group_concat(text, '|') FROM entries")
    expect_eq "by HOME|by HOME, XDG empty" "$out" "entries in the HOME journal"
    [[ ! -e $GUILT_DB ]] || fail "--db was given, yet \$GUILT_DB was created"

    # The flag wins over the environment when both are there.
    GUILT_DB=$by_env expect_exit 0 guilt --db "$by_flag" --json list
    expect_jq '[.[].text]' '["by flag"]'
}

t_a_new_journal_is_0600_in_0700_folders() {
    export GUILT_DB=$TEST_DIR/a/b/journal.db
    expect_exit 0 guilt log "first"
    expect_eq 700 "$(mode_of "$TEST_DIR/a")" "mode of the created folder a"
    expect_eq 700 "$(mode_of "$TEST_DIR/a/b")" "mode of the created folder a/b"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "mode of the journal"
    for f in "$TEST_DIR"/a/b/*; do expect_eq 600 "$(mode_of "$f")" "mode of $f"; done
}

t_a_new_journal_is_private_even_under_umask_000() {
    export GUILT_DB=$TEST_DIR/open/guilt/journal.db
    umask 000
    expect_exit 0 guilt log "first"
    expect_exit 0 guilt run 5k
    expect_eq 700 "$(mode_of "$TEST_DIR/open")" "mode of the created folder"
    expect_eq 700 "$(mode_of "$TEST_DIR/open/guilt")" "mode of the created folder"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "mode of the journal"
    for f in "$TEST_DIR"/open/guilt/*; do expect_eq 600 "$(mode_of "$f")" "mode of $f"; done
}

t_the_wal_and_shm_files_are_private_while_the_journal_is_open() {
    umask 000
    expect_exit 0 guilt log "first"
    # Another reader keeps the journal open, so guilt's -wal and -shm outlive the next command.
    hold_sqlite "BEGIN; SELECT count(*) FROM entries;"
    expect_exit 0 guilt log "second"
    local f
    for f in "$GUILT_DB-wal" "$GUILT_DB-shm"; do
        [[ -e $f ]] || fail "$f does not exist while the journal is open"
        expect_eq 600 "$(mode_of "$f")" "mode of $f"
    done
    release_sqlite "COMMIT;"
}

# Output that cannot be written (a full disk behind a redirection) is a failure, not exit 0.
t_output_that_cannot_be_written_fails_with_exit_1() {
    seed_one_of_each
    local cmd
    for cmd in "list" "--json list" "export" "week" "insights" "show 1"; do
        # shellcheck disable=SC2086
        "$GUILT_BIN" $cmd >/dev/full 2>"$TEST_DIR/.err"
        rc=$?
        read_file err "$TEST_DIR/.err"
        expect_eq 1 "$rc" "exit code of guilt $cmd >/dev/full"
        expect_error_line "cannot write the output"
    done
}

# A journal that cannot be reached (here a file stands where its folder should be; the same
# for a folder she may not enter) is an error, not an empty journal.
t_a_journal_that_cannot_be_reached_fails_with_exit_1() {
    : >"$TEST_DIR/a-file"
    export GUILT_DB="$TEST_DIR/a-file/journal.db"
    local cmd
    for cmd in "list" "week" "insights" "reflect --no-input"; do
        # shellcheck disable=SC2086
        "$GUILT_BIN" $cmd >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
        rc=$?
        read_file err "$TEST_DIR/.err"
        expect_eq 1 "$rc" "exit code of guilt $cmd"
        expect_error_line "$GUILT_DB: cannot reach the journal"
    done
}

t_guilt_now_fixes_the_clock_in_the_local_zone() {
    expect_exit 0 guilt --json log "new york"
    expect_jq '.at' '"2026-11-26T21:00:00-05:00"'
    TZ=Europe/Paris expect_exit 0 guilt --json log "paris"
    expect_jq '.at' '"2026-11-26T21:00:00+01:00"'
    TZ=Asia/Kolkata expect_exit 0 guilt --json log "kolkata"
    expect_jq '.at' '"2026-11-26T21:00:00+05:30"'
    GUILT_NOW=2026-07-01T09:15 expect_exit 0 guilt --json log "summer"
    expect_jq '.at' '"2026-07-01T09:15:00-04:00"'
    refused 2 "GUILT_NOW" "garbage" -- env GUILT_NOW=garbage "$GUILT_BIN" log "x"
}

t_without_guilt_now_the_system_clock_is_used() {
    unset GUILT_NOW
    local before after
    before=$(date +%s)
    expect_exit 0 guilt --json log "now"
    after=$(date +%s)
    local at
    at=$(jq -r '.at' <<<"$out")
    at=$(date -d "$at" +%s) || fail "cannot read the time $at"
    ((at >= before - 60 && at <= after)) || fail "at $at is not between $before and $after"
}

t_json_is_one_document_on_stdout_for_every_command() {
    local cmds=(
        "log x -i 7 #t @Sam" "run 5k 28:30" "engage 20m -k Sam" "deposit 30m nap"
        "priority add Kids" "priority add Work" "priority list" "priority move 2 1"
        "priority done 1" "motto Good_enough" "motto" "list" "list -n 1" "show 1"
        "edit 1 -i 3" "delete 2 --yes"
    )
    local line
    for line in "${cmds[@]}"; do
        read -ra args <<<"$line"
        expect_exit 0 guilt --json "${args[@]}"
        expect_one_json_document
        # --json after the command works too.
        [[ $line == log* || $line == list* || $line == show* ]] || continue
        expect_exit 0 guilt "${args[@]}" --json
        expect_one_json_document
    done
    expect_exit 0 guilt --json list
    expect_jq 'type' '"array"'
    expect_jq '.[0] | has("id")' 'true'
}

t_confirmations_go_to_stderr_and_data_to_stdout() {
    local line
    for line in "log x" "run 5k 28:30" "engage 20m" "deposit 30m nap" "priority add Kids" \
        "priority add Work" "priority move 2 1" "priority done 1" "motto Good" "edit 1 -i 3" \
        "delete 2 --yes"; do
        read -ra args <<<"$line"
        expect_exit 0 guilt "${args[@]}"
        expect_eq "" "$out" "stdout of guilt $line"
        [[ -n $err ]] || fail "guilt $line confirmed nothing on stderr"
    done
    expect_exit 0 guilt list
    expect_contains "$out" "deposit" "stdout of guilt list"
    expect_exit 0 guilt show 1
    expect_contains "$out" "x" "stdout of guilt show"
    expect_exit 0 guilt motto
    expect_eq "Good" "$out" "stdout of guilt motto"
    expect_exit 0 guilt priority list
    expect_contains "$out" "Work" "stdout of guilt priority list"
}

t_colour_only_on_a_terminal_without_no_color() {
    expect_exit 0 guilt log "x"
    local esc=$'\e['
    unset NO_COLOR
    expect_exit 0 guilt list
    expect_not_contains "$out" "$esc" "list piped to a file"
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" list
    expect_contains "$out" "$esc" "list on a terminal"
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" list --no-color
    expect_not_contains "$out" "$esc" "list --no-color on a terminal"
    expect_exit 0 on_terminal --stdout -- env NO_COLOR=1 "$GUILT_BIN" list
    expect_not_contains "$out" "$esc" "list with NO_COLOR on a terminal"
}

run_tests
