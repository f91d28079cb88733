# SPDX-License-Identifier: MIT
# cli.md "Care of the journal": backup (an online, private, consistent copy), doctor (checks that
# change nothing, one fix per problem), config (preferences and their checks).
source "$(dirname "$0")/lib.sh"

TODAY_COPY=guilt-backup-2026-11-26.db  # "now" is 2026-11-26 in every test

# The ids and texts of a journal's entries, oldest first, as one line of JSON.
entries_of() {
    "$GUILT_BIN" --db "$1" --json list | jq -c 'map([.id, .type, .text]) | reverse'
}

# ---- backup -------------------------------------------------------------------------------------

t_backup_copies_the_journal_to_todays_file_here_privately() {
    seed_one_of_each
    mkdir -p here && cd here || fail "cannot make a folder"
    expect_exit 0 guilt backup
    expect_eq "" "$out" "stdout"
    expect_contains "$err" "$TODAY_COPY"
    expect_contains "$err" "4 entries"
    [[ -f $TODAY_COPY ]] || fail "no $TODAY_COPY in the current folder"
    expect_eq 600 "$(mode_of "$TODAY_COPY")" "mode of the copy"
    expect_eq "$(entries_of "$GUILT_DB")" "$(entries_of "$TODAY_COPY")" "entries of the copy"
    expect_eq ok "$(sqlite3 "$TODAY_COPY" 'PRAGMA integrity_check')" "integrity of the copy"
    expect_eq "$(sqlite3 "$GUILT_DB" 'PRAGMA user_version')" \
        "$(sqlite3 "$TODAY_COPY" 'PRAGMA user_version')" "schema of the copy"
    expect_eq "You're a good mom." "$("$GUILT_BIN" --db "$TODAY_COPY" motto)" "motto in the copy"
}

t_backup_is_private_whatever_the_umask() {
    seed_one_of_each
    umask 000
    expect_exit 0 guilt backup open.db
    expect_eq 600 "$(mode_of open.db)" "mode of the copy"
}

t_backup_json_names_the_copy_and_counts_its_entries() {
    seed_one_of_each
    expect_exit 0 guilt backup copy.db --json
    expect_one_json_document
    expect_jq '.path' "\"$TEST_DIR/copy.db\""
    expect_jq '.entries' 4
}

t_backup_into_a_folder_uses_the_default_name() {
    seed_one_of_each
    mkdir -p backups
    expect_exit 0 guilt backup backups
    [[ -f backups/$TODAY_COPY ]] || fail "no backups/$TODAY_COPY"
}

t_backup_refuses_to_replace_a_file_without_force() {
    seed_one_of_each
    echo "my notes" >"$TODAY_COPY"
    refused 2 "$TODAY_COPY" "--force" -- guilt backup
    expect_eq "my notes" "$(cat "$TODAY_COPY")" "the existing file"
    expect_exit 0 guilt backup --force
    expect_eq "$(entries_of "$GUILT_DB")" "$(entries_of "$TODAY_COPY")" "entries of the copy"
    expect_eq 600 "$(mode_of "$TODAY_COPY")" "mode of the copy"
}

t_backup_refuses_to_overwrite_the_journal_itself() {
    seed_one_of_each
    refused 2 "journal itself" -- guilt backup "$GUILT_DB" --force
}

t_backup_without_a_journal_fails_with_nothing_to_back_up() {
    refused 1 "$GUILT_DB" "nothing to back up" -- guilt backup
    [[ ! -e $TODAY_COPY ]] || fail "a copy was written"
}

# Waits until the journal holds at least COUNT entries, while the writer PID still runs.
wait_for_entries() {
    local count=$1 writer=$2
    until (($(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM entries' 2>/dev/null || echo 0) >= count)); do
        kill -0 "$writer" 2>/dev/null || return 0
        sleep 0.02
    done
}

t_backup_while_another_guilt_writes_is_a_consistent_journal() {
    guilt log "entry 0" 2>/dev/null || fail "cannot seed"
    local logs step
    logs=$(repeats 200 60) step=$(repeats 30 10)
    (
        for i in $(seq 1 "$logs"); do
            "$GUILT_BIN" log "entry $i" 2>/dev/null || exit 1
        done
    ) &
    local writer=$! n copies=()
    # Each backup is taken once the writer has logged STEP more entries, so that every copy is a
    # different moment of a journal being written.
    for n in 1 2 3 4 5; do
        wait_for_entries $((n * step)) "$writer"
        expect_exit 0 guilt backup "copy$n.db"
        copies+=("copy$n.db")
    done
    wait "$writer" || fail "a guilt log failed while backups ran"
    for copy in "${copies[@]}"; do
        expect_eq ok "$(sqlite3 "$copy" 'PRAGMA integrity_check')" "integrity of $copy"
        # A snapshot: the first N entries whole, with their full-text index in step.
        expect_eq 1 "$(sqlite3 "$copy" "SELECT count(*) = max(id) AND min(text = 'entry ' || (id - 1))
                                         FROM entries")" "entries of $copy"
        expect_exit 0 guilt --db "$copy" doctor
    done
    expect_eq $((logs + 1)) "$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM entries')" "entries in the journal"
}

# ---- doctor -------------------------------------------------------------------------------------

t_doctor_finds_a_healthy_journal_healthy_and_changes_nothing() {
    seed_one_of_each
    settle_log  # doctor folds the log into the file as it closes: bytes, not content
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 0 guilt doctor
    expect_eq "$GUILT_DB: healthy (4 entries, schema $(sqlite3 "$GUILT_DB" 'PRAGMA user_version'))" \
        "$out"
    expect_exit 0 guilt doctor --json
    expect_one_json_document
    expect_jq '.healthy' true
    expect_jq '.problems' '[]'
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

t_doctor_names_the_chmod_for_a_journal_readable_by_others() {
    seed_one_of_each
    chmod 644 "$GUILT_DB"
    expect_exit 1 guilt doctor
    expect_eq "$GUILT_DB is readable by others (mode 0644): run chmod 600 $GUILT_DB" "$out"
    expect_exit 1 guilt doctor --json
    expect_jq '.healthy' false
    expect_jq '.problems | length' 1
    expect_jq '.problems[0].fix' "\"run chmod 600 $GUILT_DB\""
    expect_eq 644 "$(mode_of "$GUILT_DB")" "mode after a plain doctor"
    expect_exit 0 guilt doctor --fix
    expect_contains "$err" "Fixed"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "mode after doctor --fix"
}

t_doctor_finds_a_folder_open_to_others() {
    seed_one_of_each
    chmod 755 "$(dirname "$GUILT_DB")"
    expect_exit 1 guilt doctor
    expect_contains "$out" "chmod 700 $(dirname "$GUILT_DB")"
}

# A shared folder such as /tmp is never chmod-ed, not even by --fix: she is told to move.
t_doctor_never_changes_a_shared_folder() {
    local shared="$TEST_DIR/shared"
    mkdir "$shared" && chmod 1777 "$shared"
    export GUILT_DB="$shared/journal.db"
    seed_one_of_each
    expect_exit 1 guilt doctor --fix
    expect_contains "$out" "$shared is a folder others can open (mode 1777)"
    expect_contains "$out" "move the journal into a folder of its own"
    expect_eq 1777 "$(mode_of "$shared")" "mode of the shared folder after doctor --fix"
}

t_doctor_finds_a_search_index_out_of_step_and_fix_rebuilds_it() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "INSERT INTO entries_fts (entries_fts) VALUES ('delete-all')" ||
        fail "cannot empty the index"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt doctor
    expect_contains "$out" "search index"
    expect_contains "$out" "guilt doctor --fix"
    expect_eq 1 "$(wc -l <<<"$out")" "lines of findings"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes after a plain doctor"
    list_json --contains pickup
    expect_jq 'length' 0

    expect_exit 0 guilt doctor --fix
    expect_contains "$err" "search index"
    expect_contains "$out" "healthy"
    list_json --contains pickup
    expect_jq 'map(.id)' '[1]'
}

t_doctor_finds_an_older_schema_without_upgrading_it() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "DROP TABLE settings; PRAGMA user_version = 2" || fail "cannot downgrade"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt doctor
    expect_contains "$out" "schema 2"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_exit 0 guilt doctor --fix
    expect_contains "$out" "healthy"
}

t_doctor_reports_a_damaged_journal() {
    seed_one_of_each
    settle_log  # the tables in the file, not only in its write-ahead log
    # Page 2 onwards overwritten: SQLite still opens the file, but its tables are garbage.
    local size
    size=$(stat -c %s "$GUILT_DB")
    head -c $((size - 4096)) /dev/urandom | dd of="$GUILT_DB" bs=4096 seek=1 conv=notrunc 2>/dev/null
    expect_exit 1 guilt doctor
    [[ -n $out ]] || fail "no finding on stdout"
    expect_contains "$out" "restore a backup"
}

t_doctor_reports_a_file_that_is_not_a_journal() {
    mkdir -p "$(dirname "$GUILT_DB")"
    echo "shopping list" >"$GUILT_DB"
    chmod 600 "$GUILT_DB"
    expect_exit 1 guilt doctor
    expect_contains "$out" "not a guilt journal"
}

t_doctor_without_a_journal_exits_1() {
    expect_exit 1 guilt doctor
    expect_contains "$out" "no journal"
    [[ ! -e $GUILT_DB ]] || fail "doctor created the journal"
}

# ---- config -------------------------------------------------------------------------------------

t_config_unit_mi_keeps_each_run_in_the_unit_she_typed_and_sums_in_miles() {
    expect_exit 0 guilt config set unit mi
    expect_exit 0 guilt run 5k 28:30 -w "2026-11-24 06:30"
    expect_exit 0 guilt show 1
    expect_contains "$out" "5:42 /km"
    expect_exit 0 guilt week --json
    expect_jq '.unit' '"mi"'
    expect_exit 0 guilt week --format text
    expect_contains "$out" "3.11 mi"
}

t_config_refuses_an_unknown_key_listing_the_valid_ones() {
    refused 2 "colour" "unit" "week-start" "day-boundary" "intensity" -- \
        guilt config set colour blue
    refused 2 "colour" "unit" "intensity" -- guilt config get colour
}

t_config_refuses_a_bad_value_listing_the_valid_ones() {
    refused 2 "unit" "furlongs" "km" "mi" -- guilt config set unit furlongs
    refused 2 "week-start" "tuesday" "monday" "sunday" -- guilt config set week-start tuesday
    refused 2 "day-boundary" "24" -- guilt config set day-boundary 24
}

run_tests
