#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `make bench`: paired timings and peak memory of guilt on journals of 1k, 10k and 200k entries,
# printed next to their targets. Figures, never pass/fail. See bench/README.md.
#   bench/run.sh path/to/guilt
set -euo pipefail
guilt=$(realpath "${1:?usage: bench/run.sh path/to/guilt}")
here=$(cd "$(dirname "$0")" && pwd)
out=${BENCH_OUT:-$here/out}
runs=${BENCH_RUNS:-30}
mkdir -p "$out"
export TZ=America/New_York GUILT_NOW=2026-11-26T21:00 NO_COLOR=1 XDG_CONFIG_HOME=$out/config

journal() { echo "$out/journal-$1.db"; }

# Journals of N entries, made once through `guilt import` (the 200k import is measured in 4.).
for n in 1000 10000 200000; do
    [[ -f $out/export-$n.json ]] || python3 "$here/generate.py" "$n" >"$out/export-$n.json"
    [[ -f $(journal $n) ]] || "$guilt" --db "$(journal $n)" import "$out/export-$n.json" >/dev/null 2>&1
done

mean_ms() { jq -r '.results[0].mean * 1000' "$1"; }
peak_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
row() { printf '%-58s %10s %10s %8s %10s\n' "$@"; }

echo "guilt $("$guilt" --version) on $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d)"
echo
row "measure" "guilt" "baseline" "ratio" "target"
row "----------------------------------------------------------" "---------" "---------" "-------" "---------"

# One row: COMMAND and BASELINE timed by hyperfine in turn (no shell), their means and ratio.
#   compare LABEL TARGET COMMAND BASELINE
compare() {
    hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/a.json" "$3" >/dev/null 2>&1
    hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/b.json" "$4" >/dev/null 2>&1
    local a b
    a=$(mean_ms "$out/a.json") b=$(mean_ms "$out/b.json")
    row "$1 (ms)" "$(printf %.2f "$a")" "$(printf %.2f "$b")" "$(ratio "$a" "$b")" "$2"
}

# 1. Capture: guilt log against the sqlite3 shell making a durable one-row insert into a table of
# a WAL journal with synchronous=FULL, closing normally (so it checkpoints, as SQLite does by
# default); then the shell making guilt's own write in a copy of guilt's journal, the same way.
rm -f "$out/log.db"* "$out/plain.db"*
"$guilt" --db "$out/log.db" log "warm up" >/dev/null 2>&1
sqlite3 "$out/plain.db" "PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT, at INTEGER)" >/dev/null
log_cmd="$guilt --db $out/log.db log 'Sent him to school crying' -i 6"
shell_insert="sqlite3 $out/plain.db \"PRAGMA synchronous = FULL; INSERT INTO t (text, at) VALUES ('Sent him to school crying', 1795651200)\""
compare "guilt log vs sqlite3 shell durable insert (WAL, FULL)" "<= 0.6x" "$log_cmd" "$shell_insert"
# The entry (with its full-text index and the indexes of entries) and the undo log's record, in
# one durable transaction: what guilt adds to the database's own work.
cp "$out/log.db" "$out/same.db"
[[ -f $out/log.db-wal ]] && cp "$out/log.db-wal" "$out/same.db-wal"
cat >"$out/same.sql" <<'SQL'
PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO undo_changes (ts) VALUES (1795651200);
INSERT INTO entries (uuid, type, ts, utc_offset, text, intensity)
    VALUES (lower(hex(randomblob(16))), 'guilt', 1795651200, -18000, 'Sent him to school crying', 6);
INSERT INTO undo_steps (change_id, tbl, op, lo, hi)
    SELECT max(id), 'entries', 'added', last_insert_rowid(), last_insert_rowid() FROM undo_changes;
COMMIT;
SQL
compare "guilt log vs sqlite3 shell making the same write" "(figure)" \
    "$log_cmd" "sqlite3 $out/same.db \".read $out/same.sql\""

# Counted, not timed: the fsyncs (strace) and instructions (callgrind; this VM has no hardware
# counters) of one guilt log and one durable insert by the shell.
syncs() { strace -f -c -e trace=fsync,fdatasync -o "$out/syncs" "$@" >/dev/null 2>&1; awk '$NF ~ /sync$/ { n += $4 } END { print n + 0 }' "$out/syncs"; }
instructions() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }'; }
mega() { awk -v n="$1" 'BEGIN { printf "%.1f M", n / 1e6 }'; }
row "guilt log vs the shell's durable insert: fsyncs" "$(syncs "$guilt" --db "$out/log.db" log 'Counted' -i 6)" \
    "$(syncs sqlite3 "$out/plain.db" "PRAGMA synchronous = FULL; INSERT INTO t (text, at) VALUES ('x', 1)")" "" "2"
a=$(instructions "$guilt" --db "$out/log.db" log 'Counted' -i 6)
b=$(instructions sqlite3 "$out/plain.db" "PRAGMA synchronous = FULL; INSERT INTO t (text, at) VALUES ('x', 1)")
row "guilt log vs the shell's durable insert: instructions" "$(mega "$a")" "$(mega "$b")" "$(ratio "$a" "$b")" "(figure)"
# The same pair on a modelled slower disk: each fsync made to wait 1 ms, then 5 ms, first (an
# LD_PRELOAD shim, bench/slow_fsync.cpp; a laptop SSD's cache flush takes about that). On this
# VM a flush costs some 50 us, so the three syncs guilt saves do not show above.
g++ -O2 -shared -fPIC -o "$out/slow_fsync.so" "$here/slow_fsync.cpp" -ldl
for us in 1000 5000; do
    LD_PRELOAD=$out/slow_fsync.so SLOW_FSYNC_US=$us \
        compare "guilt log vs the shell's durable insert, fsync +$((us / 1000)) ms (model)" "<= 0.6x" \
        "$log_cmd" "$shell_insert"
done
compare "start-up: guilt --version vs sqlite3 :memory:" "(figure)" \
    "$guilt --version" "sqlite3 :memory: 'SELECT 1'"

# 1b. guilt remind check (issue 22), run by a prompt hook or a timer: --version plus one small
# read of the journal. At noon, outside the evening, it reads everything and exits 1 (hyperfine
# -i), so each run does the whole check and none writes the reminder's state.
for size in 1000 200000; do
    GUILT_NOW=2026-11-26T12:00 hyperfine -N -i --warmup 5 --runs "$runs" --export-json "$out/a.json" \
        "$guilt --db $(journal $size) remind check" >/dev/null 2>&1
    hyperfine -N --warmup 5 --runs "$runs" --export-json "$out/b.json" "$guilt --version" >/dev/null 2>&1
    a=$(mean_ms "$out/a.json") b=$(mean_ms "$out/b.json")
    row "remind check (${size} entries) vs guilt --version (ms)" "$(printf %.2f "$a")" \
        "$(printf %.2f "$b")" "$(ratio "$a" "$b")" "(figure)"
done

# 2. Flat in the size of the journal: 200k against 1k.
# "dinner" is a common word (about one entry in 15): its newest 20 must not cost reading them all.
for cmd in "reflect --json --no-input" "week" "month" "insights" "list -n 20" "list --contains bluebell" \
    "list --contains dinner -n 20"; do
    compare "$cmd, 200k vs 1k" "<= 1.2x" \
        "$guilt --db $(journal 200000) $cmd" "$guilt --db $(journal 1000) $cmd"
done

# 2b. Long kid names (issue 19): 32 kids of 10,000 characters, each named by 40 moments and 40
# engagements in one week. week counted each name against every tally (17 s on the journal of
# the report); now one hash lookup a name. Against week on the 1k journal.
if [[ ! -f $out/long-names.db ]]; then
    long=()
    for i in $(seq -w 1 32); do long+=(-k "$(head -c 9997 /dev/zero | tr '\0' a)K$i"); done
    for j in $(seq 1 40); do
        "$guilt" --db "$out/long-names.db" log "again $j" "${long[@]}" -w "2026-11-$((j % 4 + 23)) 10:00" &&
            "$guilt" --db "$out/long-names.db" engage 20m "${long[@]}" -w "2026-11-$((j % 4 + 23)) 11:00"
    done >/dev/null 2>&1
fi
compare "week, 32 kid names of 10,000 characters vs 1k" "<= 2.0x" \
    "$guilt --db $out/long-names.db week" "$guilt --db $(journal 1000) week"

# 3. Search against grep over the same journal's JSON export.
compare "list --contains vs grep -c on the export" "<= 0.1x" \
    "$guilt --db $(journal 200000) list --contains bluebell" "grep -c bluebell $out/export-200000.json"

# 4. Import of 200k entries into a new journal, against the sqlite3 shell storing the same rows
# in a journal like guilt's with an FTS5 index, in one transaction (import_sql.py).
[[ -f $out/import-200000.sql ]] || python3 "$here/import_sql.py" "$out/export-200000.json" >"$out/import-200000.sql"
rm -f "$out/import.db"* "$out/import-shell.db"*
/usr/bin/time -f '%e %M' "$guilt" --db "$out/import.db" import "$out/export-200000.json" \
    2>&1 >/dev/null | tail -1 >"$out/import.time"
/usr/bin/time -f '%e %M' sqlite3 "$out/import-shell.db" ".read $out/import-200000.sql" \
    2>&1 >/dev/null | tail -1 >"$out/import-shell.time"
read -r secs rss <"$out/import.time"
read -r shell_secs _ <"$out/import-shell.time"
row "import 200k vs the sqlite3 shell storing its rows (s)" "$secs" "$shell_secs" "$(ratio "$secs" "$shell_secs")" "<= 2.0x"
row "import 200k: entries per second" "$(awk -v s="$secs" 'BEGIN { printf "%.0f", 200000 / s }')" "" "" ">= 27000"
row "import 200k: peak memory (MB)" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "< 100"
rm -f "$out/import.db"* "$out/import-shell.db"*
# The same 200k entries exported by this guilt (an export since schema 9 carries every row's
# version, which the generated one does not): imported into a new journal.
[[ -f $out/export-200000-v.json ]] || "$guilt" --db "$(journal 200000)" export -o "$out/export-200000-v.json" >/dev/null 2>&1
/usr/bin/time -f '%e %M' "$guilt" --db "$out/import.db" import "$out/export-200000-v.json" \
    2>&1 >/dev/null | tail -1 >"$out/import.time"
read -r secs rss <"$out/import.time"
row "import 200k of this guilt's export (with versions) (s)" "$secs" "" "" "(figure)"
row "import 200k of this guilt's export: peak memory (MB)" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "< 100"
rm -f "$out/import.db"*

# 4b. A Strava export of 2,000 activities (issue 13): seconds and peak memory of its import.
if [[ ! -f $out/strava-2000/activities.csv ]]; then
    mkdir -p "$out/strava-2000"
    (cd "$out/strava-2000" && python3 "$here/../tests/e2e/watch_files.py" strava-many 2000)
fi
rm -f "$out/strava.db"
/usr/bin/time -f '%e %M' "$guilt" --db "$out/strava.db" import "$out/strava-2000/activities.csv" \
    2>&1 >/dev/null | tail -1 >"$out/strava.time"
read -r strava_secs strava_kb <"$out/strava.time"
row "import of a 2,000-activity Strava export (s)" "$strava_secs" "" "" "< 3"
row "import of a 2,000-activity Strava export: peak memory (MB)" \
    "$(awk -v k="$strava_kb" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "(figure)"

# 4c. The same with FIT files (issue 21): 2,000 rows without dates, each read from its .fit.gz
# (a real 122 KB run, fit_export.py), then the folder of those files on its own.
if [[ ! -f $out/strava-fit-2000/activities.csv ]]; then
    python3 "$here/fit_export.py" 2000 "$out/strava-fit-2000"
fi
for what in activities.csv activities; do
    rm -f "$out/fit.db"
    /usr/bin/time -f '%e %M' "$guilt" --db "$out/fit.db" import "$out/strava-fit-2000/$what" \
        2>&1 >/dev/null | tail -1 >"$out/fit.time"
    read -r fit_secs fit_kb <"$out/fit.time"
    label=$([[ $what == activities ]] && echo "a folder of 2,000 .fit.gz" ||
        echo "a 2,000-activity Strava export of FIT files")
    row "import of $label (s)" "$fit_secs" "" "" "< 2"
    row "import of $label: peak memory (MB)" \
        "$(awk -v k="$fit_kb" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "< 50"
done

# 4d. Export of 200k entries to a file (-o streams through its temporary file): peak memory.
rm -f "$out/export-200000.out.json"
row "export -o of 200k: peak memory (MB)" "$(awk -v k="$(peak_kb "$guilt" --db "$(journal 200000)" \
    export -o "$out/export-200000.out.json")" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "< 40"
rm -f "$out/export-200000.out.json"

# 4e. reflect against the sqlite3 shell reading the same 28-day window (its entries with their
# tags and kids), in instructions.
lo=$(date -d "2026-10-29 04:00" +%s) hi=$(date -d "2026-11-27 04:00" +%s)
a=$(instructions "$guilt" --db "$(journal 200000)" reflect --json --no-input)
b=$(instructions sqlite3 "$(journal 200000)" "SELECT e.*, (SELECT group_concat(tag) FROM tags t WHERE t.entry_id = e.id), (SELECT group_concat(kid_id) FROM entry_kids k WHERE k.entry_id = e.id) FROM entries e WHERE ts BETWEEN $lo AND $hi ORDER BY ts")
row "reflect vs the shell reading its 28-day window: instructions" "$(mega "$a")" "$(mega "$b")" "$(ratio "$a" "$b")" "<= 4.0x"

# 4f. guilt merge (issue 22): two journals of 20k entries that share 10k (the first 20k and the
# last 20k of one generated export, 30k entries), one merged into a fresh copy of the other each
# run: 10k entries come in. The median of 3 runs, and the peak memory.
if [[ ! -f $out/merge-b.db ]]; then
    [[ -f $out/export-30000.json ]] || python3 "$here/generate.py" 30000 >"$out/export-30000.json"
    rm -f "$out/merge-a.db" "$out/merge-b.db"
    jq -c '.entries |= .[0:20000]' "$out/export-30000.json" >"$out/merge-a.json"
    jq -c '.entries |= .[10000:30000]' "$out/export-30000.json" >"$out/merge-b.json"
    "$guilt" --db "$out/merge-a.db" import "$out/merge-a.json" >/dev/null 2>&1
    "$guilt" --db "$out/merge-b.db" import "$out/merge-b.json" >/dev/null 2>&1
    # Their logs folded into the files, so a copy of merge-a.db alone is whole.
    sqlite3 "$out/merge-a.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    sqlite3 "$out/merge-b.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
fi
for run in 1 2 3; do
    cp "$out/merge-a.db" "$out/merge-into.db"
    rm -f "$out/merge-into.db-checked" "$out/merge-into.db-wal" "$out/merge-into.db-shm"
    /usr/bin/time -f '%e %M' "$guilt" --db "$out/merge-into.db" merge "$out/merge-b.db" \
        2>&1 >/dev/null | tail -1
done | sort -n | sed -n 2p >"$out/merge.time"
read -r merge_secs merge_kb <"$out/merge.time"
row "merge of two 20k journals sharing 10k (s)" "$merge_secs" "" "" "< 2"
row "merge of two 20k journals sharing 10k: peak memory (MB)" \
    "$(awk -v k="$merge_kb" 'BEGIN { printf "%.1f", k / 1024 }')" "" "" "< 100"

# 5. Peak memory, 200k against 1k.
for cmd in "reflect --json --no-input" "week" "month" "insights" "list -n 20"; do
    # shellcheck disable=SC2086
    big=$(peak_kb "$guilt" --db "$(journal 200000)" $cmd)
    # shellcheck disable=SC2086
    small=$(peak_kb "$guilt" --db "$(journal 1000)" $cmd)
    row "peak memory of $cmd, 200k vs 1k (MB)" "$(awk -v k="$big" 'BEGIN { printf "%.1f", k / 1024 }')" \
        "$(awk -v k="$small" 'BEGIN { printf "%.1f", k / 1024 }')" "$(ratio "$big" "$small")" "<= 1.2x"
done
