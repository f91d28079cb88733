# SPDX-License-Identifier: MIT
# The journal known sound (journal.db-checked, issue 19): damage that keeps the journal's size and
# modification time is found before a write, damage guilt doctor found keeps writes refused until
# a check finds the journal sound, and a stamp that is a link or a FIFO is left alone.
source "$(dirname "$0")/lib.sh"

# The number of a leaf page of the entries table.
a_page_of_entries() {
    sqlite3 "$GUILT_DB" "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3"
}

# Flips every bit of page PAGE in place, then gives the journal back the modification time it
# had: its size and mtime are as guilt left them. Flipping it again puts it back. The page size is
# read from the file's header: opening the journal with sqlite3 would fold its log into the file.
flip_page_keeping_size_and_mtime() {
    local page=$1
    [[ -n $page ]] || fail "no leaf page of entries to damage"
    "$PYTHON" - "$GUILT_DB" "$page" <<'PY' || fail "cannot damage the journal"
import os, sys
path, page = sys.argv[1], int(sys.argv[2])
st = os.stat(path)
with open(path, "r+b") as f:
    size = int.from_bytes(f.read(100)[16:18], "big")
    size = 65536 if size == 1 else size
    f.seek((page - 1) * size)
    data = f.read(size)
    f.seek((page - 1) * size)
    f.write(bytes(b ^ 0xFF for b in data))
os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
assert os.stat(path).st_size == st.st_size and os.stat(path).st_mtime_ns == st.st_mtime_ns
PY
}

# Whether the journal holds an entry with this text (read by sqlite3, past any damage elsewhere).
entries_with_text() {
    sqlite3 "$GUILT_DB" "SELECT count(*) FROM entries WHERE text = '$1'" 2>/dev/null
}

t_bytes_flipped_keeping_size_and_mtime_are_found_before_a_write() {
    seed_many 200
    local page
    page=$(a_page_of_entries)
    expect_exit 0 guilt log "Before the damage" -i 3  # guilt knows it sound since
    [[ -s $GUILT_DB-checked ]] || fail "guilt left no stamp"
    flip_page_keeping_size_and_mtime "$page"
    local before
    before=$(fingerprint "$GUILT_DB")  # the file and its log, which holds the moment before
    expect_exit 1 guilt log "After the damage" -i 3
    expect_error_line "$GUILT_DB" "damaged" "nothing was written"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    # The page is put back as it was: the refused moment is nowhere in the journal.
    flip_page_keeping_size_and_mtime "$page"
    expect_eq 0 "$(entries_with_text "After the damage")" "entries of the refused write"
}

# The latest changes live in the write-ahead log until a checkpoint (docs/architecture.md,
# "Checkpoints"): the stamp covers the log as well as the file. Another program's change that
# reached only the log (it was killed before it could fold it into the file) is checked before
# guilt writes on top of it: here the mottos table pointed at an index's pages.
t_damage_written_only_into_the_log_is_found_before_a_write() {
    seed_one_of_each
    expect_exit 0 guilt log "Known sound after this" -i 3
    local root
    root=$(sqlite3 "$GUILT_DB" "SELECT rootpage FROM sqlite_master WHERE name = 'entries_by_time'")
    expect_exit 0 guilt log "The journal file stays as it is after this" -i 3
    local file_before
    file_before=$(cksum <"$GUILT_DB")
    coproc WRITER { exec sqlite3 "$GUILT_DB" 2>&1; }
    echo "PRAGMA writable_schema = ON; UPDATE sqlite_master SET rootpage = $root WHERE name = 'mottos'; SELECT 'written';" >&"${WRITER[1]}"
    local said=""
    read -r -t 10 said <&"${WRITER[0]}"
    expect_eq written "$said" "the other program's answer"
    kill -9 "$WRITER_PID"
    wait "$WRITER_PID" 2>/dev/null
    expect_eq "$file_before" "$(cksum <"$GUILT_DB")" "the journal file (the change is in the log only)"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt log "After the damage" -i 3
    expect_error_line "$GUILT_DB" "damaged" "nothing was written"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

t_a_copy_that_keeps_the_mtime_is_checked_before_a_write() {
    seed_many 200
    local page
    page=$(a_page_of_entries)
    expect_exit 0 guilt log "Before the copy" -i 3
    flip_page_keeping_size_and_mtime "$page"
    # A copy made with cp -p (or rsync -t) keeps size and mtime, and is another file.
    cp -p "$GUILT_DB" "$TEST_DIR/copy.db"
    mv "$TEST_DIR/copy.db" "$GUILT_DB"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt run 5k 30:00
    expect_error_line "$GUILT_DB" "damaged" "nothing was written"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

# Damage that only the whole check finds (SQLite's quick check, run before a write on a journal
# not as guilt left it, skips the contents of indexes): the time index now claims to be on the
# intensity, so its rows no longer match the entries.
break_the_time_index() {
    sqlite3 "$GUILT_DB" "PRAGMA writable_schema = ON; UPDATE sqlite_master SET sql = '$1' WHERE name = 'entries_by_time';" ||
        fail "cannot change the index"
}

t_damage_doctor_found_refuses_writes_until_a_check_finds_the_journal_sound() {
    seed_one_of_each
    break_the_time_index "CREATE INDEX entries_by_time ON entries (intensity)"
    expect_exit 1 guilt doctor
    expect_contains "$out" "missing from index entries_by_time"
    expect_contains "$out" "until guilt doctor finds it sound, nothing is written to it"
    expect_exit 1 guilt log "After the doctor" -i 3
    expect_error_line "$GUILT_DB" "damaged" "missing from index" "nothing was written" "guilt doctor"
    expect_exit 1 guilt motto "Still a good mom"
    expect_error_line "$GUILT_DB" "damaged" "nothing was written"
    expect_exit 1 guilt backup copy.db
    expect_error_line "$GUILT_DB" "damaged" "no backup was made"
    [[ ! -e copy.db ]] || fail "backup copied a damaged journal"
    expect_eq 0 "$(entries_with_text "After the doctor")" "entries of the refused write"
    # Reading still works.
    expect_exit 0 guilt --json list
    expect_jq 'length' '4'
    # Repaired (here by putting the index's definition back), doctor finds it sound: writes go on.
    break_the_time_index "CREATE INDEX entries_by_time ON entries (ts)"
    expect_exit 1 guilt log "Still refused before a check" -i 3
    expect_exit 0 guilt doctor --fix
    expect_contains "$out" "healthy"
    expect_exit 0 guilt log "After the repair" -i 3
    expect_eq 1 "$(entries_with_text "After the repair")" "entries after the repair"
}

t_a_stamp_that_is_a_link_is_left_alone_with_its_target() {
    printf 'my own notes\n' >"$TEST_DIR/notes.txt"
    mkdir -p "$(dirname "$GUILT_DB")"
    ln -s "$TEST_DIR/notes.txt" "$GUILT_DB-checked"
    expect_exit 0 guilt log "First" -i 3
    expect_exit 0 guilt log "Second" -i 3
    expect_eq "my own notes" "$(cat "$TEST_DIR/notes.txt")" "the link's target"
    [[ -L $GUILT_DB-checked ]] || fail "the link was replaced"
    expect_exit 0 guilt --json list
    expect_jq 'length' '2'
}

t_a_stamp_that_is_a_fifo_does_not_hang_a_command() {
    expect_exit 0 guilt log "First" -i 3
    rm -f "$GUILT_DB-checked"
    mkfifo "$GUILT_DB-checked"
    # A command that waited on the FIFO would be ended by timeout, with exit 124.
    expect_exit 0 timeout 20 "$GUILT_BIN" log "Second" -i 3
    expect_exit 0 timeout 20 "$GUILT_BIN" --json list
    expect_jq 'length' '2'
    [[ -p $GUILT_DB-checked ]] || fail "the FIFO was replaced"
}

run_tests
