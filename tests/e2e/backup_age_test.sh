# SPDX-License-Identifier: MIT
# Issue 22: encrypted backups in the age format (guilt backup --to / --passphrase) and
# guilt restore, both ways with Debian's own `age` command.
source "$(dirname "$0")/lib.sh"

# A key pair made by age-keygen: the identity file KEY and its public key in $PUB.
make_key() {
    need age-keygen
    age-keygen -o "$TEST_DIR/$1" 2>/dev/null || fail "age-keygen could not make a key"
    PUB=$(age-keygen -y "$TEST_DIR/$1") || fail "age-keygen -y could not read the key"
}

# Runs a command on a terminal of its own (its controlling terminal, /dev/tty), typing PASS
# whenever it asks for a passphrase with echo off (PASS may be "first|second": one answer for
# each question, the last again after); what the terminal showed goes to stdout and the
# command's exit code is returned.
#   with_tty "a passphrase" guilt backup --passphrase
with_tty() {
    local pass=$1
    shift
    [[ $1 == guilt ]] && set -- "$GUILT_BIN" "${@:2}"
    "$PYTHON" - "$pass" "$@" <<'PY'
import os, pty, select, sys, termios, time

secrets, cmd = [s.encode() + b"\r" for s in sys.argv[1].split("|")], sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
shown, answered, started = b"", 0, time.monotonic()
while time.monotonic() - started < 60:
    ready, _, _ = select.select([fd], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the command is gone
            break
        if not chunk:
            break
        shown += chunk
    asked = shown.lower().count(b"passphrase")
    try:
        echo_off = not termios.tcgetattr(fd)[3] & termios.ECHO
    except termios.error:
        echo_off = False
    # Typed once the question is on the screen and the terminal has stopped echoing.
    if asked > answered and shown.rstrip().endswith(b":") and echo_off:
        os.write(fd, secrets[min(answered, len(secrets) - 1)])
        answered = asked
else:
    os.kill(pid, 9)
    sys.stderr.write("with_tty: killed after 60 s\n")
_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(shown)
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

# The age file FILE on stdout with one byte changed: in its payload (40 bytes before its end) or
# the first letter of its header's MAC.
tamper() {
    "$PYTHON" - "$1" "$2" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = len(data) - 40 if sys.argv[2] == "payload" else data.index(b"\n--- ") + 5
if sys.argv[2] == "payload":
    data[at] ^= 0x01
else:  # another base64 letter: the MAC still reads, and no longer matches
    data[at] = ord("B") if data[at] == ord("A") else ord("A")
sys.stdout.buffer.write(bytes(data))
PY
}

# The number of entries in the guilt journal FILE.
entries_in() { sqlite3 "$1" 'SELECT count(*) FROM entries'; }

# What is left beside the journal but the journal, its stamp and the kept copies.
leftovers() {
    ls -A "$(dirname "$GUILT_DB")" | grep -v -e '^journal\.db$' -e '-checked$' \
        -e '\.before-restore-.*\.backup$'
}

t_backup_to_a_recipient_is_read_by_age() {
    need age
    make_key key.txt
    seed_week
    guilt delete 7 --yes >/dev/null 2>&1 || fail "cannot delete entry 7"
    expect_exit 0 guilt backup "$TEST_DIR/b.db.age" --to "$PUB"
    expect_contains "$err" "Backed up 6 entries"
    expect_contains "$err" "encrypted to 1 age recipient"
    expect_eq 600 "$(mode_of "$TEST_DIR/b.db.age")" "mode of the encrypted backup"
    expect_eq "age-encryption.org/v1" "$(head -n 1 "$TEST_DIR/b.db.age")" "first line"
    expect_eq 0 "$(grep -c -a -e 'SQLite format' -e 'Missed' "$TEST_DIR/b.db.age")" \
        "plaintext in the encrypted file"
    age -d -i "$TEST_DIR/key.txt" -o "$TEST_DIR/out.db" "$TEST_DIR/b.db.age" ||
        fail "age could not decrypt guilt's backup"
    expect_eq 6 "$(entries_in "$TEST_DIR/out.db")" "entries that age decrypted"
    # A deleted entry's words are in no backup, encrypted or not.
    expect_eq 0 "$(grep -c -a 'Shouted about shoes' "$TEST_DIR/out.db")" "deleted words in it"
    expect_exit 0 guilt --db "$TEST_DIR/out.db" --json list
    expect_jq 'length' 6
    # Nothing of the plain copy is left behind.
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR after an encrypted backup"
}

t_backup_to_two_recipients_in_the_default_name() {
    need age
    make_key one.txt
    local one=$PUB
    make_key two.txt
    seed_week
    expect_exit 0 guilt --json backup --to "$one" --to "$PUB"
    expect_jq '.encrypted' true
    local file=guilt-backup-2026-11-26.db.age
    [[ -f $file ]] || fail "no $file in the current folder"
    for key in one.txt two.txt; do
        age -d -i "$TEST_DIR/$key" -o "$TEST_DIR/$key.db" "$file" || fail "$key cannot open it"
        expect_eq 7 "$(entries_in "$TEST_DIR/$key.db")" "entries opened with $key"
    done
}

t_restore_what_age_encrypted_keeps_the_journal_it_replaces() {
    need age
    make_key key.txt
    seed_week
    guilt backup "$TEST_DIR/plain.db" >/dev/null 2>&1 || fail "cannot make a plain backup"
    age -r "$PUB" -o "$TEST_DIR/by-age.age" "$TEST_DIR/plain.db" || fail "age -r failed"
    guilt log "Written after the backup" >/dev/null 2>&1 || fail "cannot log"
    expect_exit 0 guilt restore "$TEST_DIR/by-age.age" -i "$TEST_DIR/key.txt"
    expect_contains "$err" "Restored 7 entries"
    local kept=$GUILT_DB.before-restore-2026-11-26.backup
    expect_contains "$err" "kept as $kept"
    expect_eq 7 "$(entries_in "$GUILT_DB")" "entries in the restored journal"
    expect_eq 8 "$(entries_in "$kept")" "entries in the journal kept"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "mode of the restored journal"
    expect_eq 600 "$(mode_of "$kept")" "mode of the journal kept"
    expect_eq "" "$(leftovers)" "files left beside the journal"
    # The restored journal is hers to write: a new entry, and doctor finds it sound.
    expect_exit 0 guilt log "After the restore"
    expect_exit 0 guilt doctor
    # A second restore the same day keeps the journal under another name.
    expect_exit 0 guilt restore "$TEST_DIR/by-age.age" -i "$TEST_DIR/key.txt"
    expect_contains "$err" "before-restore-2026-11-26-2.backup"
    expect_eq 8 "$(entries_in "$kept")" "the first kept journal, untouched"
}

t_restore_a_plain_backup_into_a_new_place() {
    seed_week
    guilt backup "$TEST_DIR/plain.db" >/dev/null 2>&1 || fail "cannot make a plain backup"
    export GUILT_DB=$TEST_DIR/new/folder/journal.db
    expect_exit 0 guilt --json restore "$TEST_DIR/plain.db"
    expect_jq '.entries' 7
    expect_jq '.kept' null
    expect_eq 7 "$(entries_in "$GUILT_DB")" "entries in the new journal"
    expect_eq 700 "$(mode_of "$TEST_DIR/new/folder")" "mode of the folder made"
    expect_eq 600 "$(mode_of "$GUILT_DB")" "mode of the journal"
}

t_passphrase_round_trip_and_age_both_ways() {
    need age
    seed_week
    with_tty "tea at four" guilt backup "$TEST_DIR/p.age" --passphrase >"$TEST_DIR/shown" ||
        fail "backup --passphrase failed: $(cat "$TEST_DIR/shown")"
    expect_contains "$(cat "$TEST_DIR/shown")" "encrypted with your passphrase"
    expect_not_contains "$(cat "$TEST_DIR/shown")" "tea at four" "what the terminal showed"
    expect_eq 600 "$(mode_of "$TEST_DIR/p.age")" "mode of the backup"
    expect_contains "$(sed -n 2p "$TEST_DIR/p.age")" "-> scrypt "
    # Debian's age opens it with the same passphrase.
    with_tty "tea at four" age -d -o "$TEST_DIR/by-age.db" "$TEST_DIR/p.age" >/dev/null ||
        fail "age -d could not open guilt's passphrase backup"
    expect_eq 7 "$(entries_in "$TEST_DIR/by-age.db")" "entries age decrypted"
    # guilt restores it, asking the passphrase.
    guilt log "Written after the backup" >/dev/null 2>&1 || fail "cannot log"
    with_tty "tea at four" guilt restore "$TEST_DIR/p.age" >"$TEST_DIR/shown" ||
        fail "restore with the passphrase failed: $(cat "$TEST_DIR/shown")"
    expect_eq 7 "$(entries_in "$GUILT_DB")" "entries restored"
    # And what age -p encrypted.
    with_tty "milk and honey" age -p -o "$TEST_DIR/age-p.age" "$TEST_DIR/by-age.db" >/dev/null ||
        fail "age -p failed"
    guilt log "Another one" >/dev/null 2>&1 || fail "cannot log"
    with_tty "milk and honey" guilt restore "$TEST_DIR/age-p.age" >"$TEST_DIR/shown" ||
        fail "restore of age -p's file failed: $(cat "$TEST_DIR/shown")"
    expect_eq 7 "$(entries_in "$GUILT_DB")" "entries restored from age -p's file"
}

t_wrong_passphrase_and_differing_ones_are_refused() {
    seed_week
    local before
    with_tty "right one" guilt backup "$TEST_DIR/p.age" --passphrase >/dev/null ||
        fail "backup --passphrase failed"
    before=$(dump)
    with_tty "wrong one" guilt restore "$TEST_DIR/p.age" >"$TEST_DIR/shown"
    expect_eq 2 "$?" "exit code of a wrong passphrase"
    expect_contains "$(cat "$TEST_DIR/shown")" "guilt: "
    expect_contains "$(cat "$TEST_DIR/shown")" "passphrase does not open it"
    expect_eq "$before" "$(dump)" "the journal after a wrong passphrase"
    expect_eq "" "$(leftovers)" "files left beside the journal"
    # Typed twice for a backup: the two must agree.
    with_tty "one|two" guilt backup "$TEST_DIR/q.age" --passphrase >"$TEST_DIR/shown"
    expect_eq 2 "$?" "exit code of two passphrases that differ"
    expect_contains "$(cat "$TEST_DIR/shown")" "the two passphrases differ"
    [[ ! -e $TEST_DIR/q.age ]] || fail "a backup was written with passphrases that differ"
}

t_wrong_key_and_tampered_files_are_refused_and_nothing_changes() {
    need age
    make_key right.txt
    local right=$PUB
    make_key wrong.txt
    seed_week
    guilt backup "$TEST_DIR/b.age" --to "$right" >/dev/null 2>&1 || fail "cannot back up"
    guilt log "Written after the backup" >/dev/null 2>&1 || fail "cannot log"
    refused 2 "b.age" "does not open it" -- guilt restore "$TEST_DIR/b.age" -i "$TEST_DIR/wrong.txt"
    refused 2 "b.age" "-i KEYFILE" -- guilt restore "$TEST_DIR/b.age"
    # One byte changed in the payload, then one in the header's MAC; the file cut short.
    local size
    size=$(stat -c %s "$TEST_DIR/b.age")
    tamper "$TEST_DIR/b.age" payload >"$TEST_DIR/payload.age"
    refused 2 "payload.age" "changed" -- guilt restore "$TEST_DIR/payload.age" -i "$TEST_DIR/right.txt"
    tamper "$TEST_DIR/b.age" mac >"$TEST_DIR/mac.age"
    refused 2 "mac.age" "changed" -- guilt restore "$TEST_DIR/mac.age" -i "$TEST_DIR/right.txt"
    head -c $((size - 100)) "$TEST_DIR/b.age" >"$TEST_DIR/short.age"
    refused 2 "short.age" "cut short" -- guilt restore "$TEST_DIR/short.age" -i "$TEST_DIR/right.txt"
    expect_eq 8 "$(entries_in "$GUILT_DB")" "entries in the journal"
    expect_eq "" "$(leftovers)" "files left beside the journal"
}

t_restore_refuses_what_is_not_a_guilt_journal() {
    seed_week
    sqlite3 "$TEST_DIR/other.db" "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hi')"
    refused 2 "other.db" "not a guilt journal" -- guilt restore "$TEST_DIR/other.db"
    echo "just words" >"$TEST_DIR/words.txt"
    refused 2 "words.txt" "neither" -- guilt restore "$TEST_DIR/words.txt"
    refused 2 "missing.db" -- guilt restore "$TEST_DIR/missing.db"
    if command -v age >/dev/null; then
        make_key key.txt
        age -r "$PUB" -o "$TEST_DIR/words.age" "$TEST_DIR/words.txt" || fail "age -r failed"
        refused 2 "words.age" "not a guilt journal" -- \
            guilt restore "$TEST_DIR/words.age" -i "$TEST_DIR/key.txt"
        age -r "$PUB" -o "$TEST_DIR/other.age" "$TEST_DIR/other.db" || fail "age -r failed"
        refused 2 "other.age" "not a guilt journal" -- \
            guilt restore "$TEST_DIR/other.age" -i "$TEST_DIR/key.txt"
    fi
    expect_eq "" "$(leftovers)" "files left beside the journal"
}

t_backup_refuses_bad_recipients_and_a_missing_terminal() {
    seed_week
    refused 2 "--to" "age1nope" -- guilt backup "$TEST_DIR/x.age" --to age1nope
    refused 2 "--to" "--passphrase" -- guilt backup "$TEST_DIR/x.age" --passphrase \
        --to age1xmwwc06ly3ee5rytxm9mflaz2u56jjj36s0mypdrwsvlul66mv4q47ryef
    refused 2 "--passphrase" "terminal" -- setsid -w "$GUILT_BIN" backup "$TEST_DIR/x.age" \
        --passphrase
    [[ ! -e $TEST_DIR/x.age ]] || fail "a refused backup wrote a file"
}

t_restore_keeps_what_the_log_held_and_waits_for_another_program() {
    seed_week
    guilt backup "$TEST_DIR/plain.db" >/dev/null 2>&1 || fail "cannot make a plain backup"
    # Another program keeps the journal open, so the entry written next stays in the -wal.
    hold_sqlite "SELECT count(*) FROM entries;"
    guilt log "Only in the log" >/dev/null 2>&1 || fail "cannot log"
    [[ -s $GUILT_DB-wal ]] || fail "the entry is not in the write-ahead log"
    expect_exit 0 guilt restore "$TEST_DIR/plain.db"
    release_sqlite ".quit"
    local kept=$GUILT_DB.before-restore-2026-11-26.backup
    expect_eq 8 "$(entries_in "$kept")" "entries in the journal kept (the log's included)"
    expect_eq 7 "$(entries_in "$GUILT_DB")" "entries restored"
    # While another program writes to it, restore waits, then refuses and changes nothing.
    hold_sqlite "BEGIN IMMEDIATE;"
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 guilt restore "$TEST_DIR/plain.db"
    expect_error_line "locked"
    release_sqlite "ROLLBACK;"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal after a refused restore"
    expect_eq "" "$(leftovers)" "files left beside the journal"
}

run_tests
