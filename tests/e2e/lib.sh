# SPDX-License-Identifier: MIT
# Helpers for the end-to-end tests, which run the real binary on a temporary journal.
#
# A test file sources this file, defines one function per behaviour, named t_..., and ends with
# `run_tests`. Each t_... function runs in its own subshell, in a fresh temporary folder that
# holds the journal ($GUILT_DB), $HOME and the XDG folders; the zone, the clock and colour are
# fixed. An assertion that fails prints what was expected and what came, and ends that test.
#
#   bash tests/e2e/capture_test.sh build/guilt

set -uo pipefail

if [[ $# -lt 1 || ! -x $1 ]]; then
    echo "usage: bash $0 path/to/guilt" >&2
    exit 2
fi
GUILT_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
for tool in sqlite3 jq python3; do
    command -v "$tool" >/dev/null || { echo "the e2e tests need $tool" >&2; exit 2; }
done

E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The system's python starts faster than a version manager's shim.
PYTHON=$(command -v /usr/bin/python3 || command -v python3)

# Nothing here may wait on the terminal: stdin is empty unless a test pipes into a command.
exec </dev/null

# guilt itself, so that tests read like what she would type.
guilt() { "$GUILT_BIN" "$@"; }

# ---- the environment of one test ---------------------------------------------------------------

# Makes the folder DIR the test's world: the journal, HOME and XDG folders inside; "now" is
# Thursday 2026-11-26 21:00 in New York.
fresh_env() {
    TEST_DIR=$1
    export HOME=$TEST_DIR/home
    export XDG_DATA_HOME=$TEST_DIR/xdg-data
    export XDG_CONFIG_HOME=$TEST_DIR/xdg-config
    export XDG_CACHE_HOME=$TEST_DIR/xdg-cache
    export XDG_STATE_HOME=$TEST_DIR/xdg-state
    export GUILT_DB=$TEST_DIR/journal/journal.db
    export TZ=America/New_York
    export GUILT_NOW=2026-11-26T21:00
    export NO_COLOR=1
    export TMPDIR=$TEST_DIR/tmp
    unset VISUAL EDITOR
    mkdir -p "$HOME" "$TMPDIR"
    cd "$TEST_DIR" || exit 1
}

# Runs every t_... function of the calling file, each in a fresh environment. Exits 1 when any
# of them failed, else 77 (ctest's SKIP_RETURN_CODE) when any was skipped, else 0.
run_tests() {
    local failed=0 skipped=0 left=0 total=0 name dir rc start ms
    for name in $(declare -F | awk '$3 ~ /^t_/ { print $3 }'); do
        total=$((total + 1))
        start=$(date +%s%N)
        dir=$(mktemp -d "${TMPDIR:-/tmp}/guilt-e2e.XXXXXX")
        (
            CURRENT_TEST=$name
            fresh_env "$dir"
            "$name"
        )
        rc=$?
        chmod -R u+rwx "$dir" 2>/dev/null
        rm -rf "$dir"
        ms=$((($(date +%s%N) - start) / 1000000))
        if [[ $rc -eq 0 ]]; then
            echo "ok    $name ($ms ms)"
        elif [[ $rc -eq 77 ]]; then
            echo "skip  $name ($ms ms)"
            skipped=$((skipped + 1))
        elif [[ $rc -eq 78 ]]; then
            echo "left  $name ($ms ms)"
            left=$((left + 1))
        else
            echo "FAIL  $name ($ms ms)"
            failed=$((failed + 1))
        fi
    done
    local summary="$((total - failed - skipped - left)) passed, $failed failed, $skipped skipped"
    ((left == 0)) || summary+=", $left left to the release pass"
    echo "$summary"
    ((failed == 0)) || return 1
    ((skipped == 0)) || exit 77
}

# ---- running commands --------------------------------------------------------------------------

# Runs a command, keeping its stdout in $out, its stderr in $err and its exit code in $rc, and
# fails the test unless the exit code is CODE.
#   expect_exit 0 guilt log "Missed pickup"
expect_exit() {
    unset KNOWN_DUMP  # the command may change the journal
    run_cmd "$@"
}

# expect_exit without forgetting the journal's known content (for refused).
run_cmd() {
    local want=$1
    shift
    LAST_CMD="$*"
    "$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err"
    rc=$?
    read_file out "$TEST_DIR/.out"
    read_file err "$TEST_DIR/.err"
    [[ $rc -eq $want ]] || fail "exit code: expected $want, got $rc"
}

# Sets the variable NAME to the contents of FILE without its trailing newlines, like $(<FILE)
# but without starting a process.
read_file() {
    local -n into=$1
    IFS= read -r -d '' into <"$2"
    while [[ $into == *$'\n' ]]; do into=${into%$'\n'}; done
}

# The journal's content as SQL text, to compare before and after a command.
dump() {
    if [[ -e $GUILT_DB ]]; then
        sqlite3 "$GUILT_DB" .dump
    else
        echo "(no journal at $GUILT_DB)"
    fi
}

# A file's bytes, and its write-ahead log's when it has one (a journal's latest changes live there
# until a checkpoint), as a checksum, or "missing".
fingerprint() {
    if [[ -f $1 ]]; then cat "$1" "$1-wal" 2>/dev/null | cksum; else echo "missing"; fi
}

# Folds the journal's write-ahead log into its file (an empty log after), as backup, export and
# doctor do when they close: taken before a fingerprint that such a command must leave as it is.
settle_log() {
    sqlite3 "${1:-$GUILT_DB}" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
}

# The file each of the system calls CALLS (strace's -e trace= list) named, one line per call in
# order, while guilt ran with the other arguments (its stdout and stderr, kept in $TEST_DIR/.out
# and .err, are left out). Skips where strace is missing or cannot trace. LeakSanitizer (the sanitizer pass) cannot run under a
# tracer; the calls are the same without it.
files_of_calls() {
    local calls=$1
    shift
    command -v strace >/dev/null || skip "strace is not installed"
    strace -o /dev/null true 2>/dev/null || skip "strace cannot trace here (no ptrace)"
    ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 strace -f -y -qq -e trace="$calls" \
        -o "$TEST_DIR/.calls" "$GUILT_BIN" "$@" >"$TEST_DIR/.out" 2>"$TEST_DIR/.err" ||
        fail "guilt $* failed"
    sed -n 's/^[0-9]* *[a-z_0-9]*([0-9]*<\([^>]*\)>.*/\1/p' "$TEST_DIR/.calls" |
        grep -v -x -e "$TEST_DIR/.out" -e "$TEST_DIR/.err"
}

# Copies a journal by hand as README says, while no guilt runs: the file and its write-ahead log.
copy_journal() {
    rm -f "$2-wal" "$2-shm"
    cp "$1" "$2" || return 1
    if [[ -f $1-wal ]]; then cp "$1-wal" "$2-wal"; fi
}

# Octal permission bits of a file or folder, e.g. 600.
mode_of() { stat -c %a "$1"; }

# A journal holding entry 1, a guilt moment; 2, a run; 3, an engagement; 4, a deposit; priority 1;
# and a motto.
seed_one_of_each() {
    guilt log "Missed pickup #school @Sam" -i 6 2>/dev/null &&
        guilt run 5k 28:30 2>/dev/null &&
        guilt engage 20m -k Sam 2>/dev/null &&
        guilt deposit 30m nap 2>/dev/null &&
        guilt priority add Kids 2>/dev/null &&
        guilt motto "You're a good mom." 2>/dev/null || fail "cannot seed the journal"
}

# Seven entries over four days, stored out of time order (ids in brackets):
#   [1] Mon 08:00 guilt   "Missed #school pickup @Sam" 7
#   [2] Tue 06:30 run     5k 28:30 with moms
#   [3] Tue 16:00 engage  20m Theo "lego"
#   [4] Wed 14:00 deposit 30m "nap"
#   [5] Wed 19:00 guilt   "Worked through dinner #work @theo" 4
#   [6] Thu 20:00 guilt   "Bedtime story skipped, school play tomorrow #School" 5
#   [7] Mon 07:00 guilt   "Shouted about shoes" 3   (logged last, happened first)
seed_week() {
    guilt log "Missed #school pickup @Sam" -i 7 -w "2026-11-23 08:00" 2>/dev/null &&
        guilt run 5k 28:30 --with moms -w "2026-11-24 06:30" 2>/dev/null &&
        guilt engage 20m -k Theo --note lego -w "2026-11-24 16:00" 2>/dev/null &&
        guilt deposit 30m nap -w "2026-11-25 14:00" 2>/dev/null &&
        guilt log "Worked through dinner #work @theo" -i 4 -w "2026-11-25 19:00" 2>/dev/null &&
        guilt log "Bedtime story skipped, school play tomorrow #School" -w "2026-11-26 20:00" \
            2>/dev/null &&
        guilt log "Shouted about shoes" -i 3 -w "2026-11-23 07:00" 2>/dev/null ||
        fail "cannot seed the journal"
}

# Wednesday and Thursday nights that fire at least three prompts each (ids 1-5): harsh words,
# more guilt over the week, no deposit, a little engaged time.
seed_hard_night() {
    guilt log "I'm a bad mom, I always yell at them" -i 8 -w "2026-11-26 08:00" 2>/dev/null &&
        guilt log "I'm failing at everything, I never get anything done" -i 7 \
            -w "2026-11-25 19:00" 2>/dev/null &&
        guilt log "Forgot the permission slip #school" -i 6 -w "2026-11-24 08:00" 2>/dev/null &&
        guilt log "Screens all afternoon again" -i 5 -w "2026-11-22 17:00" 2>/dev/null &&
        guilt engage 15m -k Sam -w "2026-11-23 17:00" 2>/dev/null || fail "cannot seed the journal"
}

# A journal of COUNT guilt moments, each long enough that they fill many pages, imported at once
# and checkpointed into the file.
seed_many() {
    "$PYTHON" - "$1" >"$TEST_DIR/many.json" <<'PY'
import json, sys, uuid
n = int(sys.argv[1])
entries = [{"uuid": str(uuid.UUID(int=i + 1, version=4)), "type": "guilt",
            "at": "2026-11-%02dT08:%02d:00-05:00" % (1 + i % 25, i % 60),
            "text": "moment %d " % i + "words " * 80, "intensity": 5} for i in range(n)]
print(json.dumps({"format": "guilt", "version": 1, "exported_at": "2026-11-26T21:00:00-05:00",
                  "entries": entries, "priorities": [], "mottos": []}))
PY
    guilt import "$TEST_DIR/many.json" >/dev/null 2>&1 || fail "cannot import the seed"
    sqlite3 "$GUILT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
}

# An editor that writes TEXT into the file it is given, as if she had typed it and saved.
make_editor() {
    local path=$TEST_DIR/$1
    printf '%s' "$2" >"$path.text"
    printf '#!/bin/sh\ncat "%s" > "$1"\n' "$path.text" >"$path"
    chmod +x "$path"
    echo "$path"
}

# Runs SQL in a sqlite3 process on the journal that then keeps its connection open, until
# release_sqlite: to hold a read transaction or a lock while guilt runs.
#   hold_sqlite "BEGIN EXCLUSIVE;"; ...; release_sqlite "COMMIT;"
hold_sqlite() {
    mkfifo "$TEST_DIR/.sqlite-in"
    sqlite3 "$GUILT_DB" <"$TEST_DIR/.sqlite-in" >"$TEST_DIR/.sqlite-out" 2>&1 &
    HELD_SQLITE=$!
    exec 7>"$TEST_DIR/.sqlite-in"
    printf '%s\nSELECT %s;\n' "$1" "'held'" >&7
    local tries=0
    until grep -q held "$TEST_DIR/.sqlite-out"; do
        tries=$((tries + 1))
        ((tries < 250)) || fail "sqlite3 did not run: $(cat "$TEST_DIR/.sqlite-out")"
        sleep 0.02
    done
}

release_sqlite() {
    printf '%s\n' "$1" >&7
    exec 7>&-
    wait "$HELD_SQLITE"
    rm -f "$TEST_DIR/.sqlite-in"
}

# Runs guilt --json list with these filters; the array is in $out.
list_json() { expect_exit 0 guilt --json list "$@"; }

# The ids in $out (a JSON array of entries), on one line, e.g. "6 5 1".
ids() { jq -r '[.[].id] | map(tostring) | join(" ")' <<<"$out"; }

# Runs a command with some of its standard streams on a pseudo-terminal, like a person at a
# terminal would. OPTIONS before --: --stdin, --stdout, --stderr (which streams are on the
# terminal) and --input TEXT (typed at the terminal). What the terminal shows goes to stdout.
#   on_terminal --stdin -- guilt log
on_terminal() {
    "$PYTHON" - "$@" <<'PY'
import os, select, subprocess, sys, termios, time

args = sys.argv[1:]
streams, typed = set(), ""
while args and args[0] != "--":
    opt = args.pop(0)
    if opt == "--input":
        typed = args.pop(0)
    else:
        streams.add(opt)
cmd = args[1:]
master, slave = os.openpty()
child = subprocess.Popen(cmd,
                         stdin=slave if "--stdin" in streams else subprocess.DEVNULL,
                         stdout=slave if "--stdout" in streams else None,
                         stderr=slave if "--stderr" in streams else None)
os.close(slave)
# What she types goes one line (or Ctrl-D) at a time, each once the program has gone quiet
# after showing something and its line editor holds the terminal (raw mode, -icanon), or after a
# second of silence (a program reading the cooked terminal): typed ahead of a line editor, a line
# or a Ctrl-D can be swallowed by the terminal before the editor takes it over, which a loaded
# machine makes likely. A program still running after a minute is killed, so a hang fails the
# test.
pieces, piece = [], b""
for byte in typed.encode():
    piece += bytes([byte])
    if byte in (0x0A, 0x0D, 0x04):
        pieces.append(piece)
        piece = b""
if piece:
    pieces.append(piece)
started = last_sent = last_output = time.monotonic()
shown, new_output = b"", False
while True:
    now = time.monotonic()
    if now - started > 60:
        child.kill()
        sys.stderr.write("on_terminal: killed after 60 s\n")
        break
    try:
        raw = not termios.tcgetattr(master)[3] & termios.ICANON
    except termios.error:
        raw = False
    quiet = now - last_output
    if pieces and (quiet > 1 or (quiet > 0.1 and raw and new_output)):
        os.write(master, pieces.pop(0))
        last_sent, new_output = now, False
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: nobody holds the terminal any more
            chunk = b""
        if not chunk:
            break
        shown += chunk
        last_output, new_output = time.monotonic(), True
    elif child.poll() is not None:
        break
child.wait()
sys.stdout.buffer.write(shown)
sys.exit(child.returncode)
PY
}

# Runs a command (guilt or a program) without root's power to ignore file modes, so that a
# read-only or unreadable journal means the same for root as for anyone.
as_owner_only() {
    [[ $1 == guilt ]] && set -- "$GUILT_BIN" "${@:2}"
    if [[ $(id -u) -ne 0 ]]; then
        "$@"
    else
        setpriv --bounding-set=-dac_override,-dac_read_search -- "$@"
    fi
}

# Whether file modes bind this process (false for root when setpriv cannot drop the power).
modes_bind() {
    [[ $(id -u) -ne 0 ]] ||
        setpriv --bounding-set=-dac_override,-dac_read_search -- true 2>/dev/null
}

# ---- assertions --------------------------------------------------------------------------------

# Ends the current test with a message, the last command and what it printed.
fail() {
    {
        echo "FAIL  ${CURRENT_TEST:-?}: $*"
        echo "      command: guilt-e2e\$ ${LAST_CMD:-}"
        echo "      stdout:  ${out:-}" | head -20
        echo "      stderr:  ${err:-}" | head -10
    } >&2
    exit 1
}

# Ends the current test without passing or failing it (exit 77: run_tests counts it as
# skipped), saying why it could not run here: for what this machine cannot do, not for a tool
# `make test` installs (see need).
skip() {
    echo "skip  ${CURRENT_TEST:-?}: $*" >&2
    exit 77
}

# The programs that only read what guilt wrote. The sanitizer pass of `make test` sets
# GUILT_OWN_CODE_ONLY: what they would read there is byte for byte what the release pass gave
# them, so a test that needs one ends where it asks for it, having run guilt up to there, and is
# counted as left to the release pass (not as skipped, not as passed).
OUTPUT_READERS=" chromium cmark man zsh fish systemd-analyze ajv icalendar "

# Whether the programs that read guilt's output run in this pass (see OUTPUT_READERS).
readers_run() { [[ -z ${GUILT_OWN_CODE_ONLY:-} ]]; }

# Ends the current test when TOOL only reads guilt's output and this pass leaves those out.
left_to_release_pass() {
    readers_run && return 0
    [[ $OUTPUT_READERS == *" $(basename "$1") "* ]] || return 0
    leave_to_release_pass "$(basename "$1") reads output the release pass checked"
}

# How many times a stress test goes down the same path again: FULL in the release pass, FEW in
# the sanitizer pass (GUILT_OWN_CODE_ONLY), which looks for memory errors, and a path shows those
# the first time it runs; there a guilt process costs ten times as much.
#   for round in $(seq 1 "$(repeats 20 5)"); do
repeats() { if [[ -n ${GUILT_OWN_CODE_ONLY:-} ]]; then echo "$2"; else echo "$1"; fi; }

# Ends the current test under the sanitizers, counted as left to the release pass, for what only
# the release build can show (a peak of memory: AddressSanitizer's shadow memory dwarfs guilt's).
release_pass_only() {
    [[ -z ${ASAN_OPTIONS:-} ]] || leave_to_release_pass "$*"
}

# Ends the current test, saying WHY, counted by run_tests as left to the release pass (exit 78).
leave_to_release_pass() {
    echo "left  ${CURRENT_TEST:-?}: $*" >&2
    exit 78
}

# Skips the current test unless COMMAND (a name on PATH, or a path) can be run; under CI=true,
# where `make test` has installed every tool, a missing one fails the test instead.
#   need cmark
need() {
    local tool=$1
    left_to_release_pass "$tool"
    if [[ $tool == */* ]]; then [[ -x $tool ]] && return 0; else command -v "$tool" >/dev/null && return 0; fi
    [[ ${CI:-} == true ]] && fail "$tool is missing, and make test should have installed it"
    skip "$tool is not installed (make test installs it)"
}

expect_eq() {
    local want=$1 got=$2 what=${3:-value}
    [[ $got == "$want" ]] || fail "$what: expected [$want], got [$got]"
}

expect_contains() {
    local haystack=$1 needle=$2 what=${3:-output}
    [[ $haystack == *"$needle"* ]] || fail "$what: expected to contain [$needle], got [$haystack]"
}

expect_not_contains() {
    local haystack=$1 needle=$2 what=${3:-output}
    [[ $haystack != *"$needle"* ]] ||
        fail "$what: expected not to contain [$needle], got [$haystack]"
}

# The jq FILTER applied to $out gives WANT (compact JSON: strings in double quotes).
#   expect_jq '.[0].tags' '["school"]'
expect_jq() {
    local filter=$1 want=$2 got
    got=$(jq -c "$filter" <<<"$out" 2>&1) || fail "jq '$filter' cannot read stdout: $got"
    [[ $got == "$want" ]] || fail "jq '$filter': expected $want, got $got"
}

# The HTML page FILE lays out in headless Chromium at 1200 and 390 pixels with nothing clipped
# or overflowing (tests/e2e/html_layout.py measures the rendered elements). With
# GUILT_SCREENSHOTS set to a folder, the screenshots at both widths are kept there to look at.
expect_good_layout() {
    readers_run || return 0
    need chromium
    local shots=() problems
    [[ -n ${GUILT_SCREENSHOTS:-} ]] && shots=(--screenshots "$GUILT_SCREENSHOTS")
    problems=$("$PYTHON" "$E2E_DIR/html_layout.py" "$1" --width 1200 --width 390 "${shots[@]}" 2>&1) ||
        fail "$1 does not lay out: $problems"
}

# The JSON file FILE is valid against the JSON Schema SCHEMA (by ajv, which make installs in
# .deps/npm; without it the test is skipped).
#   expect_valid_against "$SOURCE_DIR/data/week.schema.json" week.json
expect_valid_against() {
    readers_run || return 0
    local schema=$1 file=$2 result
    local ajv=${GUILT_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
    ajv=$ajv/.deps/npm/node_modules/.bin/ajv
    need "$ajv"
    result=$("$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" -d "$file" 2>&1) ||
        fail "$file is not valid against $(basename "$schema"): $result"
}

# stdout is exactly one JSON document.
expect_one_json_document() {
    local count
    count=$(jq -s length <<<"$out" 2>/dev/null) || fail "stdout is not JSON"
    [[ $count == 1 ]] || fail "stdout holds $count JSON documents, expected one"
}

# stderr is one line, "guilt: ...", holding each of the given words (the field, the value).
expect_error_line() {
    local word
    [[ -n $err ]] || fail "stderr: expected one line, got nothing"
    [[ $err != *$'\n'* ]] || fail "stderr: expected one line, got several"
    [[ $err == "guilt: "* ]] || fail "stderr: expected to start with 'guilt: '"
    for word in "$@"; do
        [[ $err == *"$word"* ]] || fail "stderr: expected to name [$word]"
    done
}

# The command exits 1 with one error line naming the journal, and the journal's bytes are the same.
fails_on_journal() {
    local before
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 "$@"
    expect_error_line "$GUILT_DB"
    expect_eq "" "$out" "stdout of a failed command"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal's bytes"
}

# The command exits CODE with one error line naming each WORD, prints nothing on stdout, and
# leaves the journal exactly as it was.
#   refused 2 "--intensity" "11" -- guilt log "x" -i 11
refused() {
    local code=$1 words=()
    shift
    while [[ $1 != -- ]]; do
        words+=("$1")
        shift
    done
    shift
    # After a refusal the journal is as before, so a run of refusals dumps it once each.
    local before after
    before=${KNOWN_DUMP:-$(dump)}
    run_cmd "$code" "$@"
    expect_error_line "${words[@]}"
    expect_eq "" "$out" "stdout of a refused command"
    after=$(dump)
    [[ $after == "$before" ]] || fail "the journal changed although the command was refused"
    KNOWN_DUMP=$after
}
