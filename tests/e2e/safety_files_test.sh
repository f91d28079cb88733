# SPDX-License-Identifier: MIT
# Issue 11, "her data is safe and hers": -o never replaces the journal, a device, a FIFO, a link
# or (without --force) a file; another program's SQLite file is never changed; --db is a file
# name; her words in the editor survive a refusal, a failed save and a signal; a journal that
# cannot be written can still be read; the editor never comes from the journal.
source "$(dirname "$0")/lib.sh"

# 0x6775696c, "guil": the application_id of a guilt journal.
GUILT_APPLICATION_ID=$((0x6775696c))

# Files left in FOLDER whose names start with a dot (the writers' temporary copies), but for the
# test's own .out and .err.
hidden_files() {
    find "$1" -maxdepth 1 -name '.*' ! -name . ! -name .out ! -name .err -printf '%f\n' | sort
}

# ---- -o: overwrites and wrong files --------------------------------------------------------------

t_export_and_week_never_replace_the_journal_by_any_name() {
    seed_one_of_each
    settle_log  # refused's own sqlite3 reads fold the log as they close: bytes, not content
    local before
    before=$(fingerprint "$GUILT_DB")
    ln "$GUILT_DB" "$TEST_DIR/hard-link.json"
    refused 2 "-o" "$GUILT_DB" "journal itself" -- guilt export --format json -o "$GUILT_DB" --force
    refused 2 "journal itself" -- guilt export -o "$TEST_DIR/hard-link.json" --force
    refused 2 "journal itself" -- guilt export --format json -o "$TEST_DIR/journal/../journal/journal.db" --force
    refused 2 "journal itself" -- guilt week --format md -o "$GUILT_DB" --force
    refused 2 "journal itself" -- guilt week --format md -o "$GUILT_DB-wal" --force
    refused 2 "journal itself" -- guilt export --format csv -o "$GUILT_DB-shm" --force
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_exit 0 guilt --json list
    expect_jq 'length' 4
}

t_output_refuses_a_device_a_fifo_a_symlink_and_a_folder() {
    seed_one_of_each
    mkfifo "$TEST_DIR/pipe.json"
    echo "her notes" >"$TEST_DIR/notes.md"
    ln -s "$TEST_DIR/notes.md" "$TEST_DIR/link.md"
    mkdir "$TEST_DIR/folder.json"
    refused 2 "/dev/null" "device" -- guilt export --format json -o /dev/null --force
    refused 2 "pipe.json" "FIFO" -- guilt export -o "$TEST_DIR/pipe.json" --force
    refused 2 "link.md" "symbolic link" -- guilt week -o "$TEST_DIR/link.md" --force
    refused 2 "link.md" "symbolic link" -- guilt export -o "$TEST_DIR/link.md" --force
    refused 2 "folder.json" "folder" -- guilt export -o "$TEST_DIR/folder.json" --force
    [[ -c /dev/null ]] || fail "/dev/null is no longer a device"
    [[ -p $TEST_DIR/pipe.json ]] || fail "the FIFO was replaced"
    [[ -L $TEST_DIR/link.md ]] || fail "the symbolic link was replaced"
    expect_eq "her notes" "$(cat "$TEST_DIR/notes.md")" "the file the link points to"
}

t_output_dash_and_dev_stdout_write_to_stdout() {
    seed_one_of_each
    expect_exit 0 guilt export -o -
    expect_jq '.entries | length' 4
    expect_exit 0 guilt export -o /dev/stdout
    expect_jq '.entries | length' 4
    expect_exit 0 guilt export --format csv -o -
    expect_eq 5 "$(wc -l <<<"$out")" "CSV lines (header and 4 entries)"
    expect_exit 0 guilt week -o -
    expect_contains "$out" "2026-W48"
    expect_exit 0 guilt week --format json -o /dev/stdout
    expect_jq '.week' '"2026-W48"'
    [[ ! -e - ]] || fail "a file named - was written"
}

t_an_existing_file_is_replaced_only_with_force() {
    seed_one_of_each
    echo "her own notes" >notes.json
    echo "last week" >week.md
    refused 2 "notes.json" "--force" -- guilt export -o notes.json
    refused 2 "week.md" "--force" -- guilt week -o week.md
    expect_eq "her own notes" "$(cat notes.json)" "the file export did not replace"
    expect_eq "last week" "$(cat week.md)" "the file week did not replace"
    expect_exit 0 guilt export -o notes.json --force
    expect_eq 4 "$(jq '.entries | length' notes.json)" "entries in the replaced file"
    expect_eq 600 "$(mode_of notes.json)" "mode of the replaced file"
    expect_exit 0 guilt week -o week.md -f
    expect_contains "$(cat week.md)" "2026-W48"
    expect_exit 0 guilt export -o new.json
    expect_eq 4 "$(jq '.entries | length' new.json)" "entries in a new file"
}

t_copies_left_by_a_killed_export_or_backup_are_removed_by_the_next_run() {
    seed_one_of_each
    # What a run killed between writing its copy and renaming it leaves behind.
    echo '{"half": ' >.out.json.guilt-tmp-Ab12Cd
    head -c 4096 /dev/urandom >".guilt-backup-2026-11-26.db.guilt-tmp-Zx98Yw"
    expect_exit 0 guilt export -o out.json
    expect_exit 0 guilt backup
    expect_eq "" "$(hidden_files .)" "hidden files left here"
    [[ -f out.json && -f guilt-backup-2026-11-26.db ]] || fail "the files were not written: $(ls -A)"
}

# ---- which files are guilt journals ----------------------------------------------------------------

t_another_programs_sqlite_file_is_left_byte_for_byte() {
    mkdir -p "$(dirname "$GUILT_DB")"
    local version
    for version in 1 2 3; do
        rm -f "$GUILT_DB"
        sqlite3 "$GUILT_DB" "CREATE TABLE entries (id INTEGER PRIMARY KEY, title TEXT);
            CREATE TABLE tags (name TEXT); PRAGMA user_version = $version;"
        fails_on_journal guilt list
        expect_contains "$err" "not a guilt journal"
        fails_on_journal guilt log "x"
        fails_on_journal guilt export
        expect_eq "$version" "$(sqlite3 "$GUILT_DB" "PRAGMA user_version")" "user_version"
        expect_eq "journal.db" "$(ls -A "$(dirname "$GUILT_DB")")" "files beside it"
    done
}

t_a_file_of_another_application_is_refused_even_with_guilts_tables() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA application_id = 42" || fail "cannot set application_id"
    fails_on_journal guilt list
    expect_contains "$err" "not a guilt journal"
}

t_new_and_migrated_journals_carry_guilts_application_id() {
    expect_exit 0 guilt log "first"
    expect_eq "$GUILT_APPLICATION_ID" "$(sqlite3 "$GUILT_DB" "PRAGMA application_id")" \
        "application_id of a new journal"
    export GUILT_DB=$TEST_DIR/old/journal.db
    mkdir -p "$TEST_DIR/old"
    cp "$GUILT_SOURCE_DIR/tests/fixtures/journal-v1.db" "$GUILT_DB"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" "PRAGMA application_id")" "application_id of the old one"
    expect_exit 0 guilt --json list
    expect_jq 'length' 6
    expect_eq "$GUILT_APPLICATION_ID" "$(sqlite3 "$GUILT_DB" "PRAGMA application_id")" \
        "application_id once migrated"
}

# ---- --db and a journal that does not exist ------------------------------------------------------

t_a_db_that_looks_like_a_uri_is_a_file_name() {
    expect_exit 0 guilt --db "file:x?mode=memory" log "kept in a real file"
    [[ -f "file:x?mode=memory" ]] || fail "no file named file:x?mode=memory: $(ls -A)"
    expect_exit 0 guilt --db "file:x?mode=memory" --json list
    expect_jq '.[0].text' '"kept in a real file"'
}

t_an_empty_db_is_refused() {
    refused 2 "--db" -- guilt --db '' log "x"
    refused 2 "--db" -- guilt --db '' list
    [[ ! -e $XDG_DATA_HOME/guilt/journal.db ]] || fail "the default journal was written"
}

t_reading_a_journal_that_does_not_exist_says_so() {
    expect_exit 0 guilt list
    expect_contains "$err" "$GUILT_DB"
    expect_exit 0 guilt --json list
    expect_jq 'length' 0
    expect_contains "$err" "No journal"
    refused 1 "$GUILT_DB" "nothing to export" -- guilt export
    refused 1 "$GUILT_DB" -- guilt export -o backup.json
    [[ ! -e backup.json ]] || fail "an empty backup was written"
    refused 1 "$GUILT_DB" -- guilt backup
    [[ ! -e $GUILT_DB ]] || fail "the journal was created by a read"
}

# ---- her words in the editor ---------------------------------------------------------------------

# The one file in TMPDIR (her draft, in the editor's private folder), or a failure naming what
# is there.
the_draft() {
    local files=("$TMPDIR"/guilt-*/*)
    [[ ${#files[@]} -eq 1 && -f ${files[0]} ]] || fail "expected one draft in TMPDIR: $(ls -A "$TMPDIR")"
    echo "${files[0]}"
}

t_editor_text_is_kept_when_it_is_refused() {
    export EDITOR
    EDITOR=$(make_editor bell.sh $'A long day\x07 of it')
    refused 2 "TEXT" "control character" "kept in" -- on_terminal --stdin -- "$GUILT_BIN" log
    local draft
    draft=$(the_draft)
    expect_contains "$err" "$draft"
    expect_eq $'A long day\x07 of it' "$(cat "$draft")" "the kept draft"
    rm -rf "$(dirname "$draft")"
    "$PYTHON" -c 'print("x" * 70000, end="")' >"$TEST_DIR/long.txt"
    EDITOR=$(make_editor long.sh "$(cat "$TEST_DIR/long.txt")")
    refused 2 "bytes" "kept in" -- on_terminal --stdin -- "$GUILT_BIN" log
    expect_eq 70000 "$(wc -c <"$(the_draft)")" "bytes of the kept draft"
}

t_editor_text_is_kept_when_it_cannot_be_saved() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    chmod 0400 "$GUILT_DB"
    export EDITOR
    EDITOR=$(make_editor words.sh "Words she must not lose")
    local owner_only=()
    [[ $(id -u) -ne 0 ]] || owner_only=(setpriv --bounding-set=-dac_override,-dac_read_search --)
    expect_exit 1 on_terminal --stdin -- "${owner_only[@]}" "$GUILT_BIN" log
    expect_error_line "$GUILT_DB" "kept in"
    expect_eq "Words she must not lose" "$(cat "$(the_draft)")" "the kept draft"
}

t_the_draft_is_removed_when_a_signal_ends_guilt_in_the_editor() {
    export EDITOR
    EDITOR=$(make_editor sleepy.sh "")
    printf '#!/bin/sh\nprintf "half a thought" > "$1"\nexec sleep 30\n' >"$EDITOR"
    local sig
    for sig in TERM HUP; do
        "$PYTHON" - "$GUILT_BIN" "$TMPDIR" "$sig" <<'PY' || fail "SIG$sig: guilt did not end by the signal"
import glob, os, signal, subprocess, sys, time
guilt, tmp, name = sys.argv[1:]
master, slave = os.openpty()
child = subprocess.Popen([guilt, "log"], stdin=slave, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
for _ in range(500):
    if any(open(p).read() for p in glob.glob(tmp + "/guilt-*/*")):
        break
    time.sleep(0.01)
else:
    sys.exit("the editor never wrote")
child.send_signal(getattr(signal, "SIG" + name))
sys.exit(0 if child.wait(timeout=10) == -getattr(signal, "SIG" + name) else 1)
PY
        expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR after SIG$sig"
    done
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
}

t_edit_of_an_entry_deleted_while_the_editor_is_open_keeps_her_text() {
    seed_one_of_each
    export EDITOR=$TEST_DIR/deleting.sh
    printf '#!/bin/sh\n"%s" delete 1 --yes 2>/dev/null\nprintf "better words" > "$1"\n' \
        "$GUILT_BIN" >"$EDITOR"
    chmod +x "$EDITOR"
    expect_exit 1 on_terminal --stdin -- "$GUILT_BIN" edit 1
    expect_error_line "deleted" "kept in"
    expect_eq "better words" "$(cat "$(the_draft)")" "the kept draft"
    expect_exit 0 guilt --json list
    expect_jq 'map(.id)' '[4,3,2]'
}

# ---- the editor comes from her, never from the journal -------------------------------------------

t_an_editor_stored_in_a_journal_is_never_run() {
    seed_one_of_each
    sqlite3 "$GUILT_DB" "INSERT INTO settings (key, value) VALUES ('editor', 'touch $TEST_DIR/ran; true')" ||
        fail "cannot plant the setting"
    export EDITOR
    EDITOR=$(make_editor mine.sh "from her own editor")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" log
    [[ ! -e $TEST_DIR/ran ]] || fail "the journal's editor command ran"
    list_json -n 1
    expect_jq '.[0].text' '"from her own editor"'
    refused 2 "editor" "EDITOR" "config" -- guilt config set editor nano
    refused 2 "editor" -- guilt config get editor
    expect_exit 0 guilt config list
    expect_not_contains "$out" "editor"
}

t_the_editor_can_come_from_her_config_file() {
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    local editor
    editor=$(make_editor configured.sh "from the config file")
    printf '# guilt\neditor = %s\n' "$editor" >"$XDG_CONFIG_HOME/guilt/config"
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" log
    list_json -n 1
    expect_jq '.[0].text' '"from the config file"'
}

# ---- a journal that cannot be written --------------------------------------------------------------

t_a_journal_in_a_read_only_folder_is_read_exported_and_backed_up() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    sqlite3 "$GUILT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    local dir before
    dir=$(dirname "$GUILT_DB")
    chmod 0400 "$GUILT_DB"
    chmod 0500 "$dir"
    before=$(fingerprint "$GUILT_DB")
    expect_exit 0 as_owner_only guilt --json list
    expect_jq 'length' 4
    expect_exit 0 as_owner_only guilt export -o "$TEST_DIR/out.json"
    expect_eq 4 "$(jq '.entries | length' "$TEST_DIR/out.json")" "entries exported"
    expect_exit 0 as_owner_only guilt backup "$TEST_DIR/copy.db"
    expect_eq 4 "$(sqlite3 "$TEST_DIR/copy.db" "SELECT count(*) FROM entries")" "entries backed up"
    expect_exit 0 as_owner_only guilt doctor
    expect_contains "$out" "healthy"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    chmod 0700 "$dir"
}

t_a_read_only_journal_of_an_old_schema_is_read_without_migrating() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    mkdir -p "$(dirname "$GUILT_DB")"
    cp "$GUILT_SOURCE_DIR/tests/fixtures/journal-v1.db" "$GUILT_DB"
    chmod 0400 "$GUILT_DB"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 0 as_owner_only guilt --json list
    expect_jq 'length' 6
    expect_exit 0 as_owner_only guilt export -o "$TEST_DIR/old.json"
    expect_eq 6 "$(jq '.entries | length' "$TEST_DIR/old.json")" "entries exported"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    expect_eq 1 "$(sqlite3 "$GUILT_DB" "PRAGMA user_version")" "its schema"
    expect_eq "journal.db" "$(ls -A "$(dirname "$GUILT_DB")")" "files beside it"
}

t_doctor_finds_an_intact_read_only_journal_healthy() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_one_of_each
    chmod 0400 "$GUILT_DB"
    expect_exit 0 as_owner_only guilt doctor
    expect_contains "$out" "healthy"
    expect_not_contains "$out" "restore a backup"
}

t_doctor_is_not_failed_by_another_guilt_writing() {
    seed_one_of_each
    (
        for i in $(seq 1 60); do "$GUILT_BIN" log "written meanwhile $i" 2>/dev/null || exit 1; done
    ) &
    local writer=$! run failures=0 runs
    runs=$(repeats 20 5)
    for run in $(seq 1 "$runs"); do
        "$GUILT_BIN" doctor >"$TEST_DIR/.doctor" 2>&1 || {
            failures=$((failures + 1))
            cp "$TEST_DIR/.doctor" "$TEST_DIR/.doctor-failed"
        }
    done
    wait $writer || fail "the writer failed"
    [[ $failures -eq 0 ]] || fail "$failures of $runs doctor runs failed: $(cat "$TEST_DIR/.doctor-failed")"
}

# ---- a damaged journal ---------------------------------------------------------------------------

# Overwrites one leaf page of the entries table with garbage.
damage_entries() {
    local page size
    page=$(sqlite3 "$GUILT_DB" "SELECT pageno FROM dbstat WHERE name = 'entries' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 3")
    size=$(sqlite3 "$GUILT_DB" "PRAGMA page_size")
    [[ -n $page ]] || fail "no leaf page of entries to damage"
    head -c "$size" /dev/urandom | dd of="$GUILT_DB" bs="$size" seek=$((page - 1)) conv=notrunc 2>/dev/null
}

t_export_of_a_damaged_journal_saves_every_readable_entry_and_says_how_many_were_not() {
    seed_many 200
    damage_entries
    expect_exit 1 guilt export -o rescue.json
    expect_error_line "$GUILT_DB" "damaged" "could not be"
    local saved lost
    saved=$(jq '.entries | length' rescue.json)
    lost=$(sed -E 's/.*, ([0-9]+) could not be.*/\1/' <<<"$err")
    ((saved > 150 && saved < 200)) || fail "saved $saved of 200 entries"
    expect_eq 200 "$((saved + lost))" "saved and lost entries"
    # The first pass streamed into a temporary file that the salvaging pass replaced: none is left.
    [[ -z $(find . -maxdepth 1 -name '.rescue.json.guilt-tmp-*') ]] || fail "a temporary file was left"
    expect_exit 1 guilt doctor
    expect_contains "$out" "damaged"
    expect_contains "$out" "guilt export -o rescue.json"
}

t_a_damaged_journal_takes_no_new_entry_and_gives_no_backup() {
    seed_many 200
    expect_exit 0 guilt log "Before the damage" -i 3  # checked whole, and known sound since
    damage_entries
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt log "After the damage" -i 3
    expect_error_line "$GUILT_DB" "damaged" "nothing was written" "guilt doctor" "guilt export -o rescue.json"
    expect_exit 1 guilt run 5k 30:00
    expect_error_line "damaged" "nothing was written"
    expect_exit 1 guilt backup copy.db
    expect_error_line "damaged" "no backup was made"
    [[ ! -e copy.db ]] || fail "backup copied a damaged journal"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
    # What can be read still can be: the newest moment is on an undamaged page.
    expect_exit 0 guilt list -n 1
    expect_contains "$out" "Before the damage"
}

t_a_sound_journal_changed_by_another_program_is_checked_once_and_written() {
    seed_many 20
    sqlite3 "$GUILT_DB" "PRAGMA user_version" >/dev/null
    sqlite3 "$GUILT_DB" "VACUUM"  # another program rewrites the file: it is checked, and sound
    expect_exit 0 guilt log "After the vacuum" -i 3
    expect_exit 0 guilt backup copy.db
    expect_exit 0 guilt --db copy.db list -n 1
    expect_contains "$out" "After the vacuum"
}

run_tests
