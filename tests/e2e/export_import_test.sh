# SPDX-License-Identifier: MIT
# cli.md "Export and import": the JSON export against its schema, exact round trips, importing
# twice, ranges, CSV read back by Python, Markdown rendered by cmark, a real jrnl export, and
# malformed files refused with the journal untouched.
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SCHEMA=$SOURCE_DIR/data/export.schema.json
AJV=$SOURCE_DIR/.deps/npm/node_modules/.bin/ajv
JRNL_FIXTURE=$SOURCE_DIR/tests/fixtures/jrnl-export.json

# A reflection entry cannot be typed without a terminal, so it comes in through import.
REFLECTION_EXPORT='{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
  "entries": [{"uuid": "5f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c1e", "type": "reflection",
    "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
    "prompt": "You spent 20 min with sam. What went well?", "answer": "I listened, really listened.",
    "tags": [], "kids": []}],
  "priorities": [], "mottos": []}'

# Every entry type, over four days (Mon 23 to Thu 26 November 2026), with the text that breaks
# naive writers: commas, quotes, newlines, non-ASCII, emoji, Markdown and formula characters.
fill_journal() {
    {
        guilt log "Missed pickup, again — \"late\" #school @sam" -i 7 -w "2026-11-23 08:00" &&
            guilt log $'Two lines,\nsecond with "quotes" and *stars*' -i 4 -k Theo -k ZOË -t work \
                -w "2026-11-23 19:00" &&
            guilt log "=SUM(A1) café 🌟 # not a heading" -w "2026-11-24 12:00" &&
            guilt run 3.1mi 28:30 --with moms --with kids --felt 8 --type easy \
                --note "stroller, cold" -w "2026-11-24 06:30" &&
            guilt run 5k -w "2026-11-25 06:30" &&
            guilt engage 20m -k Sam --child-led --note "lego" -w "2026-11-24 16:00" &&
            guilt deposit 30m nap -w "2026-11-25 14:00" &&
            guilt deposit "coffee with Jess" -w "2026-11-26 10:00" &&
            guilt priority add Kids &&
            guilt priority add "Spring marathon" --until 2027-04-20 &&
            guilt priority add Work &&
            guilt priority add Sleep --rank 1 &&
            guilt priority done 2 &&
            guilt motto "You're a good mom." &&
            guilt motto "Good enough is good." &&
            printf '%s' "$REFLECTION_EXPORT" >reflection.json &&
            guilt import reflection.json
    } 2>/dev/null || fail "cannot fill the journal"
}

ENTRY_COUNT=9
REFLECTION_INDEX=7  # oldest first: the reflection of Wed 25 21:30 is the eighth entry

# The JSON of FILE without its exported_at, normalised by jq.
without_time() { jq -S 'del(.exported_at)' "$1"; }

# ---- JSON --------------------------------------------------------------------------------------

t_json_export_holds_everything_and_matches_its_schema() {
    need "$AJV"
    fill_journal
    expect_exit 0 guilt export -o all.json
    expect_contains "$err" "Exported $ENTRY_COUNT entries to all.json"
    expect_eq 600 "$(mode_of all.json)" "mode of the export"
    read_file out all.json
    expect_jq '[.format, .version, .exported_at]' '["guilt",1,"2026-11-26T21:00:00-05:00"]'
    expect_jq '.entries | length' "$ENTRY_COUNT"
    expect_jq '[.entries[].at] == ([.entries[].at] | sort)' 'true'
    expect_jq '[.entries[].type] | unique' '["deposit","engage","guilt","reflection","run"]'
    expect_jq '.entries | map(has("id")) | any' 'false'
    expect_jq '[.priorities[] | [.title, .rank, .done]]' \
        '[["Sleep",1,false],["Kids",2,false],["Work",3,false],["Spring marathon",null,true]]'
    expect_jq '[.priorities[] | .until]' '[null,null,null,"2027-04-20"]'
    expect_jq '[.mottos[].text]' '["You'"'"'re a good mom.","Good enough is good."]'
    expect_jq '.entries[1] | [.text, .kids, .tags]' \
        '["Two lines,\nsecond with \"quotes\" and *stars*",["Theo","ZOË"],["work"]]'
    "$AJV" validate --spec=draft2020 -c ajv-formats -s "$SCHEMA" -d all.json >ajv.out 2>&1 ||
        fail "the export does not match data/export.schema.json: $(cat ajv.out)"

    # The same document on stdout, and with --json.
    expect_exit 0 guilt export
    cmp -s <(printf '%s\n' "$out") all.json || fail "export on stdout differs from export -o"
    expect_exit 0 guilt --json export
    cmp -s <(printf '%s\n' "$out") all.json || fail "--json export differs from export -o"
}

t_the_schema_catches_a_wrong_shape() {
    need "$AJV"
    fill_journal
    expect_exit 0 guilt export -o all.json
    local broken
    for broken in '.entries[0].intensity = 14' '.entries[0].type = "nap"' 'del(.entries[0].uuid)' \
        '.entries[2].distance_m = "5k"' '.entries[0].kids = "Sam"' '.priorities[0].rank = null' \
        '.version = 2' '.entries[0].extra = 1'; do
        jq "$broken" all.json >broken.json
        if "$AJV" validate --spec=draft2020 -c ajv-formats -s "$SCHEMA" -d broken.json \
            >/dev/null 2>&1; then
            fail "the schema accepts an export with $broken"
        fi
    done
}

t_round_trip_through_an_empty_journal_is_exact() {
    fill_journal
    expect_exit 0 guilt export -o first.json
    export GUILT_DB=$TEST_DIR/other/journal.db GUILT_NOW=2026-12-01T08:00
    expect_exit 0 guilt import first.json
    expect_contains "$err" "Imported $ENTRY_COUNT entries, 4 priorities, 2 mottos from a guilt export."
    expect_exit 0 guilt export -o second.json
    read_file out second.json
    expect_jq '.exported_at' '"2026-12-01T08:00:00-05:00"'
    cmp -s <(without_time first.json) <(without_time second.json) ||
        fail "the round trip changed the export: $(diff <(without_time first.json) <(without_time second.json) | head -20)"
    # Byte for byte too, apart from exported_at.
    cmp -s <(grep -v exported_at first.json) <(grep -v exported_at second.json) ||
        fail "the round trip changed the export's text"
}

t_the_json_export_is_the_complete_backup_settings_and_prompts_shown_included() {
    fill_journal
    {
        guilt config set unit mi && guilt config set week-start sunday &&
            guilt log "I'm a bad mom, I always yell" -i 8 -w "2026-11-25 19:30" &&
            guilt reflect --no-input --record --date 2026-11-25 && guilt reflect --no-input --record
    } >/dev/null 2>&1 || fail "cannot set up the journal"
    expect_exit 0 guilt export -o first.json
    read_file out first.json
    expect_jq '.settings' '{"unit":"mi","week-start":"sunday"}'
    expect_jq '[.showings[].date] | unique | index("2026-11-25") != null' 'true'
    local shown
    shown=$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM showings')
    expect_jq '.showings | length' "$shown"
    local week_before
    week_before=$(guilt week --format json 2>/dev/null)

    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 0 guilt import first.json
    expect_exit 0 guilt export -o second.json
    cmp -s <(grep -v exported_at first.json) <(grep -v exported_at second.json) ||
        fail "the round trip changed the export: $(diff first.json second.json | head -20)"
    expect_exit 0 guilt config get unit
    expect_eq "mi" "$out" "unit after the import"
    # The week's Reflected line and the no-nagging rule see the same record of prompts.
    expect_eq "$week_before" "$(guilt week --format json 2>/dev/null)" "the week after the import"
    local before
    before=$(dump)
    expect_exit 0 guilt --json import first.json
    expect_jq '[.added.entries, .added.settings, .added.showings]' '[0,0,0]'
    expect_eq "$before" "$(dump)" "the journal after importing it twice"

    # Her own settings win over a backup's.
    export GUILT_DB=$TEST_DIR/third/journal.db
    guilt config set unit km 2>/dev/null || fail "cannot set the unit"
    expect_exit 0 guilt --json import first.json
    expect_jq '[.added.settings, .already_there.settings]' '[1,1]'
    expect_exit 0 guilt config get unit
    expect_eq "km" "$out" "her unit after importing a backup"
}

t_a_deeply_nested_import_is_refused_not_a_crash() {
    "$PYTHON" -c 'import sys; sys.stdout.write("[" * 200000 + "]" * 200000)' >list.json
    refused 2 "list.json" "must be an object" -- guilt import list.json
    "$PYTHON" -c 'import sys; sys.stdout.write("{\"entries\": " + "[" * 200000 + "]" * 200000 + "}")' >deep.json
    refused 2 "deep.json" "nested deeper than 64" -- guilt import deep.json
    "$PYTHON" -c 'import sys; sys.stdout.write("{\"format\": \"guilt\", \"version\": 1, \"entries\": [{\"text\": " + "[" * 100000 + "]" * 100000 + "}]}")' >deep2.json
    refused 2 "deep2.json" "nested deeper than 64" -- guilt import deep2.json
    refused 2 "stdin" "nested deeper than 64" -- guilt import - <deep.json
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
}

# The import streams: holding the whole document took about 2.4 kB an entry (480 MB for 200k;
# `make bench` imports 200k), the stream keeps well under 1 kB an entry. 2,000 and 8,000 entries
# (0.4 and 1.6 MB of JSON) show the shape: the 6,000 more may cost under 6 MB.
t_a_large_import_runs_in_bounded_memory() {
    [[ -x /usr/bin/time ]] || skip "no /usr/bin/time"
    release_pass_only "peak memory is measured on the release build"
    local n kb=()
    for n in 2000 8000; do
        "$PYTHON" "$SOURCE_DIR/bench/generate.py" "$n" >big-$n.json || fail "cannot generate"
        rm -f "$GUILT_DB"*
        /usr/bin/time -f %M "$GUILT_BIN" import big-$n.json 2>time.txt >/dev/null ||
            fail "the import of $n entries failed: $(cat time.txt)"
        kb+=("$(tail -1 time.txt)")
    done
    ((kb[1] - kb[0] < 6000)) ||
        fail "the import of 8,000 entries peaked at ${kb[1]} kB, 2,000 at ${kb[0]} kB: it grows with the file"
    expect_exit 0 guilt --json import big-8000.json
    expect_jq '.added.entries' '0'
}

t_importing_twice_adds_nothing() {
    fill_journal
    expect_exit 0 guilt export -o all.json
    local before
    before=$(dump)
    # Everything is there already: the entries, 4 priorities, 2 mottos and the list's history.
    local versions
    versions=$(jq '.priority_history | length' all.json)
    ((versions >= 4)) || fail "the export holds $versions versions of the priorities, not 4 or more"
    expect_exit 0 guilt import all.json
    expect_contains "$err" "Imported 0 entries, 0 priorities, 0 mottos from a guilt export ($((ENTRY_COUNT + 6 + versions)) already there)."
    expect_eq "$before" "$(dump)" "the journal after importing its own export"
    expect_exit 0 guilt import all.json --dry-run
    expect_contains "$err" "Would add 0 entries, 0 priorities, 0 mottos from a guilt export; $((ENTRY_COUNT + 6 + versions)) already in the journal."

    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 0 guilt import all.json --dry-run
    expect_contains "$err" "Would add $ENTRY_COUNT entries, 4 priorities, 2 mottos"
    [[ ! -e $GUILT_DB ]] || fail "--dry-run created the journal"
    expect_exit 0 guilt --json import all.json
    expect_jq '[.source, .dry_run, .added.entries, .added.priorities, .added.mottos, .already_there.entries]' \
        "[\"guilt\",false,$ENTRY_COUNT,4,2,0]"
    before=$(dump)
    expect_exit 0 guilt --json import all.json
    expect_jq '[.added.entries, .added.priorities, .added.mottos, .already_there.entries]' \
        "[0,0,0,$ENTRY_COUNT]"
    expect_eq "$before" "$(dump)" "the journal after a second import"
    list_json
    expect_jq 'length' "$ENTRY_COUNT"
}

t_import_merges_priorities_after_her_own() {
    fill_journal
    expect_exit 0 guilt export -o all.json
    export GUILT_DB=$TEST_DIR/other/journal.db
    guilt priority add Health 2>/dev/null || fail "cannot add a priority"
    expect_exit 0 guilt import all.json
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | [.title, .rank]]' \
        '[["Health",1],["Sleep",2],["Kids",3],["Work",4],["Spring marathon",null]]'
}

t_import_reads_stdin() {
    fill_journal
    expect_exit 0 guilt export -o all.json
    export GUILT_DB=$TEST_DIR/other/journal.db
    guilt import - <all.json 2>err.txt || fail "import - failed: $(cat err.txt)"
    list_json
    expect_jq 'length' "$ENTRY_COUNT"
}

t_export_of_a_range_holds_its_entries_and_every_priority_and_motto() {
    fill_journal
    expect_exit 0 guilt export --since 2026-11-24 --until 2026-11-25
    expect_jq '[.entries[].at[0:10]] | unique' '["2026-11-24","2026-11-25"]'
    expect_jq '.entries | length' '6'
    expect_jq '[(.priorities | length), (.mottos | length)]' '[4,2]'
    expect_exit 0 guilt export --since "2026-11-25 14:00"
    expect_jq '[.entries[].at]' \
        '["2026-11-25T14:00:00-05:00","2026-11-25T21:30:00-05:00","2026-11-26T10:00:00-05:00"]'
    expect_exit 0 guilt export --until yesterday --format csv
    expect_eq 8 "$(printf '%s\n' "$out" | "$PYTHON" -c 'import csv, sys; print(len(list(csv.reader(sys.stdin))) - 1)')" \
        "CSV rows up to yesterday"
    refused 2 "--since" "someday" -- guilt export --since someday
}

# ---- CSV ---------------------------------------------------------------------------------------

t_csv_reads_back_in_python_with_every_field() {
    fill_journal
    expect_exit 0 guilt export -o all.csv
    expect_eq 600 "$(mode_of all.csv)" "mode of the CSV export"
    "$PYTHON" - all.csv "$ENTRY_COUNT" <<'PY' || fail "the CSV does not read back"
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), "a CSV file starts with a UTF-8 byte-order mark"
assert raw.count(b"\r\n") >= int(sys.argv[2]) + 1, "rows end in CRLF"
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    rows = list(csv.reader(f))
header = rows[0]
assert header[:4] == ["uuid", "type", "at", "text"], header
assert len(header) == 20 and header[-1] == "answer", header
assert len(rows) == int(sys.argv[2]) + 1, len(rows)
assert all(len(r) == 20 for r in rows), [len(r) for r in rows]
by = [dict(zip(header, r)) for r in rows[1:]]
first, second = by[0], by[1]
third = next(r for r in by if r["text"].startswith("'="))
assert first["text"] == 'Missed pickup, again — "late" #school @sam', first
assert first["intensity"] == "7" and first["tags"] == "school" and first["kids"] == "sam", first
assert second["text"] == 'Two lines,\nsecond with "quotes" and *stars*', second
assert second["kids"] == "Theo; ZOË" and second["tags"] == "work", second
assert third["text"] == "'=SUM(A1) café 🌟 # not a heading", third  # a formula, defused
runs = [r for r in by if r["type"] == "run"]
assert runs[0]["distance_m"] == "4988.9664" and runs[0]["unit"] == "mi", runs[0]
assert runs[0]["with"] == "moms; kids" and runs[0]["note"] == "stroller, cold", runs[0]
assert runs[1]["duration_s"] == "" and runs[1]["felt"] == "", runs[1]
engage = next(r for r in by if r["type"] == "engage")
assert engage["child_led"] == "true" and engage["minutes"] == "20", engage
refl = next(r for r in by if r["type"] == "reflection")
assert refl["strategy"] == "facts" and refl["answer"] == "I listened, really listened.", refl
PY
    # Piped, it is plain CSV for other programs: no byte-order mark.
    expect_exit 0 guilt export --format csv
    [[ $out == uuid,type,at,* ]] || fail "CSV on stdout starts with a byte-order mark or no header"
}

# ---- Markdown ----------------------------------------------------------------------------------

t_markdown_renders_one_heading_per_day_and_her_text_as_written() {
    need cmark
    fill_journal
    expect_exit 0 guilt export -o journal.md
    expect_eq 600 "$(mode_of journal.md)" "mode of the Markdown export"
    local html day
    html=$(cmark journal.md)
    for day in "Monday, November 23, 2026" "Tuesday, November 24, 2026" \
        "Wednesday, November 25, 2026" "Thursday, November 26, 2026"; do
        expect_contains "$html" "<h2>$day</h2>" "the rendered journal"
    done
    expect_eq 4 "$(grep -c '<h2>' <<<"$html")" "day headings"
    expect_eq 1 "$(grep -c '<h1>' <<<"$html")" "titles (her '# ...' stays text)"
    expect_eq "$ENTRY_COUNT" "$(grep -c '<li>' <<<"$html")" "list items"
    expect_not_contains "$html" "<em>stars" "the rendered journal (her *stars* stay stars)"
    expect_contains "$html" "second with &quot;quotes&quot; and *stars*" "the rendered journal"
    expect_contains "$html" "#school @sam" "the rendered journal"
    expect_contains "$html" "=SUM(A1) café 🌟 # not a heading" "the rendered journal"
    expect_contains "$html" "<strong>06:30</strong> run, 3.1 mi in 28:30" "the rendered journal"
    # Days in diary order.
    [[ $(grep -o '<h2>[^<]*' <<<"$html" | head -1) == "<h2>Monday, November 23, 2026" ]] ||
        fail "the first day is not the oldest"
}

# ---- jrnl --------------------------------------------------------------------------------------

t_a_jrnl_export_imports_as_guilt_moments_once() {
    expect_exit 0 guilt import "$JRNL_FIXTURE"
    expect_contains "$err" "Imported 4 entries from a jrnl export."
    list_json
    expect_jq 'length' '4'
    expect_jq '[.[] | .at] | reverse' \
        '["2026-11-20T08:45:00-05:00","2026-11-21T19:30:00-05:00","2026-11-22T06:10:00-05:00","2026-11-23T21:55:00-05:00"]'
    expect_jq '[.[] | .type] | unique' '["guilt"]'
    expect_jq '[.[] | .intensity] | unique' '[null]'
    expect_jq '[.[] | .tags] | reverse' '[["work"],["school","starred"],[],["work","bedtime"]]'
    expect_jq '[.[] | .kids] | unique' '[[]]'
    expect_jq '.[3].text' \
        '"Zoë cried at drop-off and I left anyway.\nLate for the 9:00 standup with @work again. She held on to my coat. Ça va passer, I told myself."'
    expect_jq '.[2].text' '"Skipped the school play rehearsal.\n@school asked for volunteers — I said no. Felt awful 😔"'
    expect_jq '.[1].text' '"Ran 5k before everyone woke up."'
    expect_jq '[.[].uuid[14:15]] | unique' '["8"]'

    local before
    before=$(dump)
    expect_exit 0 guilt import "$JRNL_FIXTURE"
    expect_contains "$err" "Imported 0 entries from a jrnl export (4 already there)."
    expect_eq "$before" "$(dump)" "the journal after importing the jrnl file again"
    expect_exit 0 guilt import --dry-run "$JRNL_FIXTURE"
    expect_contains "$err" "Would add 0 entries from a jrnl export; 4 already in the journal."
}

t_jrnl_times_follow_the_local_zone() {
    export TZ=Europe/Paris
    expect_exit 0 guilt import "$JRNL_FIXTURE"
    list_json
    expect_jq '.[3].at' '"2026-11-20T08:45:00+01:00"'
}

# ---- refusals ----------------------------------------------------------------------------------

t_malformed_files_are_refused_and_nothing_is_written() {
    fill_journal
    expect_exit 0 guilt export -o all.json
    printf '{"format": "guilt",\n  "entries": [}\n' >invalid.json
    refused 2 "invalid.json: not valid JSON at line 2, column" -- guilt import invalid.json
    printf '' >empty.json
    refused 2 "empty.json" "is empty" -- guilt import empty.json
    printf '[1, 2]' >array.json
    refused 2 "array.json: /: must be an object" -- guilt import array.json
    printf '{"journal": []}' >shape.json
    refused 2 "shape.json: /: is neither a guilt export" -- guilt import shape.json
    jq '.entries[0].intensity = 14' all.json >intensity.json
    refused 2 "intensity.json: /entries/0/intensity: must be 1-10, got 14" -- guilt import intensity.json
    jq '.entries[5].at = "2026-13-45T99:00"' all.json >at.json
    refused 2 "at.json: /entries/5/at:" "2026-13-45T99:00" -- guilt import at.json
    jq ".entries[$REFLECTION_INDEX].strategy = \"hope\"" all.json >strategy.json
    refused 2 "/entries/$REFLECTION_INDEX/strategy" "hope" -- guilt import strategy.json
    jq '.mottos[1].text = ""' all.json >motto.json
    refused 2 "motto.json: /mottos/1/text: is empty" -- guilt import motto.json
    jq 'del(.format)' all.json >unmarked.json
    refused 2 "unmarked.json: /format: is missing" -- guilt import unmarked.json
    refused 2 "missing.json" "No such file" -- guilt import missing.json

    # Later entries valid or not, the good ones before a bad one are not written either.
    export GUILT_DB=$TEST_DIR/other/journal.db
    unset KNOWN_DUMP
    jq ".entries[$REFLECTION_INDEX].answer = 7" all.json >late.json
    refused 2 "late.json: /entries/$REFLECTION_INDEX/answer: must be text, got 7" -- guilt import late.json
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
}

t_export_refuses_unknown_formats() {
    fill_journal
    refused 2 "-o" "notes.txt" ".json, .csv or .md" -- guilt export -o notes.txt
    [[ ! -e notes.txt ]] || fail "a refused export wrote its file"
    refused 2 "--format" "xml" -- guilt export --format xml
    refused 2 "--json" "csv" -- guilt --json export --format csv
    expect_exit 0 guilt export --format md -o notes.txt
    expect_contains "$(<notes.txt)" "# guilt journal"
}

t_a_large_import_shows_progress_on_a_terminal_only() {
    "$PYTHON" - big.json <<'PY'
import json, sys, uuid
entries = [{"uuid": str(uuid.UUID(int=i + 1, version=4)), "type": "guilt",
            "at": "2026-11-%02dT%02d:%02d:00-05:00" % (1 + i // 1440 % 25, i // 60 % 24, i % 60),
            "text": "moment %d" % i, "intensity": 1 + i % 10, "tags": [], "kids": []}
           for i in range(2500)]
json.dump({"format": "guilt", "version": 1, "exported_at": "2026-11-26T21:00:00-05:00",
           "entries": entries, "priorities": [], "mottos": []}, open(sys.argv[1], "w"))
PY
    local shown
    shown=$(on_terminal --stderr -- "$GUILT_BIN" import big.json) || fail "import on a terminal failed: $shown"
    expect_contains "$shown" "Importing entries: 1250 of 2500 (50%)" "the terminal"
    expect_contains "$shown" $'\r\e[KImported 2500 entries' "the terminal (progress cleared)"
    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 0 guilt import big.json
    expect_eq "Imported 2500 entries, 0 priorities, 0 mottos from a guilt export." "$err" "stderr, not a terminal"
}

run_tests
