# SPDX-License-Identifier: MIT
# A journal of the most private moments of someone's life must never lose a line: concurrent
# writers, an import killed at a random moment, faults of the file system, a journal from the
# first schema, and private file modes under a permissive umask.
source "$(dirname "$0")/lib.sh"
SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

count_entries() { sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries"; }

t_four_writers_logging_at_once_lose_nothing() {
    guilt motto "Steady." 2>/dev/null || fail "cannot create the journal"
    local w pids=() failed=0 each
    each=$(repeats 100 25)
    for w in 1 2 3 4; do
        (
            for i in $(seq 1 "$each"); do
                "$GUILT_BIN" log "writer $w moment $i" -i $((i % 10 + 1)) 2>>"$TEST_DIR/errors.$w" ||
                    echo "$w/$i" >>"$TEST_DIR/failures"
            done
        ) &
        pids+=($!)
    done
    for w in "${pids[@]}"; do wait "$w"; done
    [[ ! -s $TEST_DIR/failures ]] || fail "some logs failed: $(head -3 "$TEST_DIR/failures") $(cat "$TEST_DIR"/errors.* | head -3)"
    expect_eq $((4 * each)) "$(count_entries)" "entries after 4 x $each logs"
    expect_eq $((4 * each)) "$(sqlite3 "$GUILT_DB" "SELECT count(DISTINCT text) FROM entries")" "distinct moments"
    expect_eq ok "$(sqlite3 "$GUILT_DB" "PRAGMA integrity_check")" "integrity"
}

# The import is one transaction: killed at any moment, the journal holds all of it or none of it,
# and every log acknowledged before (exit 0) is still there.
t_an_import_killed_at_random_moments_leaves_all_or_nothing() {
    "$PYTHON" "$SOURCE_DIR/bench/generate.py" 4000 --seed 7 >"$TEST_DIR/big.json" || fail "generator failed"
    guilt log "acknowledged before any import" -i 4 2>/dev/null || fail "cannot log"
    copy_journal "$GUILT_DB" "$TEST_DIR/base.db"
    local round base=1 n start ms killed=0 full=0 empty=0 rounds
    rounds=$(repeats 20 5)
    # How long a whole import takes here, to spread the kills over it.
    start=$(date +%s%N)
    guilt import "$TEST_DIR/big.json" >/dev/null 2>&1 || fail "a plain import failed"
    ms=$((($(date +%s%N) - start) / 1000000 + 50))
    for round in $(seq 1 "$rounds"); do
        rm -f "$GUILT_DB" "$GUILT_DB-wal" "$GUILT_DB-shm"
        copy_journal "$TEST_DIR/base.db" "$GUILT_DB"
        guilt log "acknowledged in round $round" 2>/dev/null || fail "cannot log in round $round"
        "$GUILT_BIN" import "$TEST_DIR/big.json" >/dev/null 2>&1 &
        local pid=$!
        sleep "$(awk -v r=$RANDOM -v ms=$ms 'BEGIN { printf "%.3f", (r % ms) / 1000 }')"
        kill -9 $pid 2>/dev/null && killed=$((killed + 1))
        wait $pid 2>/dev/null
        expect_eq ok "$(sqlite3 "$GUILT_DB" "PRAGMA integrity_check")" "integrity after round $round"
        n=$(count_entries)
        case $n in
            2) empty=$((empty + 1)) ;;
            4002) full=$((full + 1)) ;;
            *) fail "round $round: $n entries, expected 2 (none imported) or 4002 (all)" ;;
        esac
        expect_eq 1 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE text = 'acknowledged before any import'")" "first log"
        expect_eq 1 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE text = 'acknowledged in round $round'")" "round log"
    done
    echo "      kills landed: $killed of $rounds; journals with the import: $full, without: $empty"
}

t_a_full_disk_fails_cleanly_and_leaves_the_file_as_it_was() {
    seed_one_of_each
    local before
    before=$(fingerprint "$GUILT_DB")
    # No room for the write-ahead log to grow: a file size limit stands in for a full disk.
    (
        ulimit -f 1
        trap '' XFSZ
        "$GUILT_BIN" log "$(head -c 60000 /dev/zero | tr '\0' x)" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
        echo $? >"$TEST_DIR/.rc"
    )
    rc=$(cat "$TEST_DIR/.rc")
    read_file err "$TEST_DIR/.err"
    expect_eq 1 "$rc" "exit code on a full disk"
    expect_error_line "$GUILT_DB"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_exit 0 guilt --json list
    expect_jq 'length' '4'
}

t_a_truncated_journal_fails_with_exit_1_and_is_not_touched() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    head -c 5000 "$GUILT_DB" >"$TEST_DIR/cut.db"
    mv "$TEST_DIR/cut.db" "$GUILT_DB"
    rm -f "$GUILT_DB-wal" "$GUILT_DB-shm"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt log "x"
    expect_error_line "$GUILT_DB"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

t_a_read_only_folder_fails_with_exit_1_and_the_journal_is_unchanged() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    local dir before
    dir=$(dirname "$GUILT_DB")
    before=$(fingerprint "$GUILT_DB")
    chmod 0555 "$dir"
    chmod 0444 "$GUILT_DB"
    expect_exit 1 as_owner_only guilt log "x"
    expect_error_line "$GUILT_DB"
    chmod 0700 "$dir"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

# A migration is one transaction after a whole backup: killed at any moment, the journal is of
# the old schema with every entry, or of the new one with every entry, and the next run finishes
# the job and leaves no half-written copy behind.
t_a_migration_killed_at_random_moments_loses_nothing_and_is_finished_by_the_next_run() {
    mkdir -p "$(dirname "$GUILT_DB")"
    # The first-schema journal, grown to 5,000 moments so that upgrading it takes a while.
    cp "$SOURCE_DIR/tests/fixtures/journal-v1.db" "$TEST_DIR/v1.db"
    sqlite3 "$TEST_DIR/v1.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
        INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity)
        SELECT printf('%08x-0000-4000-8000-%012x', i, i), 'guilt', 1795478400 - i * 600, -18000,
               'moment ' || i || ' about dinner and bedtime', 1 + i % 10 FROM n;" ||
        fail "cannot grow the fixture"
    local total=5006 round ms start killed=0 old=0 new=0 version current n rounds
    rounds=$(repeats 12 4)
    cp "$TEST_DIR/v1.db" "$GUILT_DB"
    start=$(date +%s%N)
    guilt list -n 1 >/dev/null 2>&1 || fail "a plain upgrade failed"
    ms=$((($(date +%s%N) - start) / 1000000 + 20))
    current=$(sqlite3 "$GUILT_DB" "PRAGMA user_version")
    for round in $(seq 1 "$rounds"); do
        rm -f "$GUILT_DB" "$GUILT_DB"-* "$GUILT_DB".v1.backup "$(dirname "$GUILT_DB")"/.journal*
        cp "$TEST_DIR/v1.db" "$GUILT_DB"
        "$GUILT_BIN" list -n 1 >/dev/null 2>&1 &
        local pid=$!
        sleep "$(awk -v r=$RANDOM -v ms=$ms 'BEGIN { printf "%.3f", (r % ms) / 1000 }')"
        kill -9 $pid 2>/dev/null && killed=$((killed + 1))
        wait $pid 2>/dev/null
        expect_eq ok "$(sqlite3 "$GUILT_DB" "PRAGMA integrity_check")" "integrity after round $round"
        version=$(sqlite3 "$GUILT_DB" "PRAGMA user_version")
        case $version in
            1) old=$((old + 1)) ;;
            "$current") new=$((new + 1)) ;;
            *) fail "round $round: schema $version, neither the old one nor the new one" ;;
        esac
        n=$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries")
        expect_eq "$total" "$n" "entries after a kill in round $round (schema $version)"
        # The next run finishes the upgrade, and what the killed one was writing is gone.
        expect_exit 0 guilt --json list -n 1
        expect_eq "$total" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries")" "entries after the next run"
        expect_eq "$total" "$(sqlite3 "$GUILT_DB.v1.backup" "SELECT count(*) FROM entries")" "the backup's entries"
        expect_eq 1 "$(sqlite3 "$GUILT_DB.v1.backup" "PRAGMA user_version")" "the backup's schema"
        expect_eq "" "$(find "$(dirname "$GUILT_DB")" -maxdepth 1 -name '.*' ! -name . -printf '%f ')" \
            "hidden copies beside the journal after round $round"
    done
    echo "      kills landed: $killed of $rounds; left at the old schema: $old, at the new one: $new"
}

t_a_journal_of_the_first_schema_opens_intact_with_a_backup_beside_it() {
    mkdir -p "$(dirname "$GUILT_DB")"
    cp "$SOURCE_DIR/tests/fixtures/journal-v1.db" "$GUILT_DB"
    expect_exit 0 guilt --json list
    expect_jq 'length' '6'
    expect_jq '[.[] | .type] | sort' '["deposit","engage","guilt","guilt","reflection","run"]'
    expect_jq '.[] | select(.type == "guilt" and .intensity == 7) | [.text, .tags, .kids]' \
        '["Sent @Theo to school crying #school",["school"],["Theo"]]'
    expect_jq '.[] | select(.type == "run") | [.distance_m, .duration_s, .with, .felt, .note]' \
        '[5000,1710,["moms"],8,"frosty"]'
    expect_jq '.[] | select(.type == "reflection") | [.date, .strategy, .answer]' \
        '["2026-11-25","facts","He was fine by lunch."]'
    expect_jq '.[] | select(.type == "guilt" and .intensity == 5) | .text' '"Zoë'"'"'s recital — missed it 😢"'
    [[ -f $GUILT_DB.v1.backup ]] || fail "no backup beside the journal: $(ls "$(dirname "$GUILT_DB")")"
    expect_eq 1 "$(sqlite3 "$GUILT_DB.v1.backup" "PRAGMA user_version")" "the backup's schema"
    expect_eq 6 "$(sqlite3 "$GUILT_DB.v1.backup" "SELECT count(*) FROM entries")" "the backup's entries"
    expect_eq 600 "$(mode_of "$GUILT_DB.v1.backup")" "the backup's mode"
    expect_exit 0 guilt --json list --contains recital
    expect_jq 'length' '1'
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | .title]' '["Kids","Spring marathon","Potty training"]'
    expect_exit 0 guilt motto
    expect_eq "You're a good mom." "$out" "the motto"
    expect_exit 0 guilt reflect --date 2026-11-24 --json --no-input
}

# Whatever guilt creates is hers alone, even when the umask would share it.
t_every_file_guilt_makes_is_private_under_umask_000() {
    umask 000
    expect_exit 0 guilt log "first" -i 3
    expect_eq 700 "$(mode_of "$(dirname "$GUILT_DB")")" "the journal's folder"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "the journal"
    # While another program holds the journal open, its -wal and -shm exist.
    hold_sqlite "BEGIN; SELECT count(*) FROM entries;"
    expect_exit 0 guilt log "second"
    [[ -e $GUILT_DB-wal && -e $GUILT_DB-shm ]] || fail "no -wal/-shm while the journal is open"
    expect_eq 600 "$(mode_of "$GUILT_DB-wal")" "the -wal file"
    expect_eq 600 "$(mode_of "$GUILT_DB-shm")" "the -shm file"
    release_sqlite "COMMIT;"
    local editor
    editor=$TEST_DIR/editor.sh
    printf '#!/bin/sh\nstat -c %%a "$1" > "%s/editor-mode"\necho "from the editor" > "$1"\n' "$TEST_DIR" >"$editor"
    chmod +x "$editor"
    EDITOR=$editor on_terminal --stdin -- "$GUILT_BIN" log >/dev/null 2>&1 || fail "log in the editor failed"
    expect_eq 600 "$(cat "$TEST_DIR/editor-mode")" "the editor's temporary file"
    expect_exit 0 guilt export -o "$TEST_DIR/export.json"
    expect_eq 600 "$(mode_of "$TEST_DIR/export.json")" "an export"
    expect_exit 0 guilt export --format csv -o "$TEST_DIR/export.csv"
    expect_eq 600 "$(mode_of "$TEST_DIR/export.csv")" "a CSV export"
    expect_exit 0 guilt week -o "$TEST_DIR/week.html"
    expect_eq 600 "$(mode_of "$TEST_DIR/week.html")" "a weekly summary"
    expect_exit 0 guilt backup "$TEST_DIR/copy.db"
    expect_eq 600 "$(mode_of "$TEST_DIR/copy.db")" "a backup"
    mkdir -p "$TEST_DIR/old"
    cp "$SOURCE_DIR/tests/fixtures/journal-v1.db" "$TEST_DIR/old/journal.db"
    chmod 644 "$TEST_DIR/old/journal.db"
    expect_exit 0 guilt --db "$TEST_DIR/old/journal.db" list
    expect_eq 600 "$(mode_of "$TEST_DIR/old/journal.db.v1.backup")" "a migration backup"
}

run_tests
