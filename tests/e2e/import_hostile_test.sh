# SPDX-License-Identifier: MIT
# Issue 19, slice D: hostile and odd import files. A zip or gzip that inflates to gigabytes, a
# Strava "Filename" that leads out of the export, a track spanning 136 years, times in the
# future, words that are only invisible spaces, a 400-digit number, old Mac line ends, empty and
# UTF-16 files. Each is refused (or skipped) with a clear line naming the file, and the journal
# stays as it was.
source "$(dirname "$0")/lib.sh"

WATCH_FILES=$(cd "$(dirname "$0")" && pwd)/watch_files.py
make_files() { "$PYTHON" "$WATCH_FILES" "$@" || fail "watch_files.py $* failed"; }

# Runs python code given on stdin with ARGS (files are written into the test's folder).
py() { "$PYTHON" - "$@" || fail "python could not write the test's files"; }

# A command run with at most MB megabytes of address space, as a small machine would have.
# Under AddressSanitizer (make test's second pass) the limit is left out: its shadow memory
# reserves terabytes of address space at start. The release pass measures the bound; this pass
# still checks that the file is refused and nothing written.
with_memory() {
    local mb=$1
    shift
    if [[ -n ${ASAN_OPTIONS:-} ]]; then
        "$@"
    else
        prlimit --as=$((mb * 1024 * 1024)) -- "$@"
    fi
}

STRAVA_HEADER='Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename'

# A GPX file of two points 5 km apart: FIRST and LAST are their times (ISO, UTC).
gpx_two_points() {
    local file=$1 first=$2 last=$3
    cat >"$file" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>Morning Run</name><type>running</type><trkseg>
    <trkpt lat="40.7000000" lon="-74.0000000"><time>$first</time></trkpt>
    <trkpt lat="40.7449660" lon="-74.0000000"><time>$last</time></trkpt>
  </trkseg></trk>
</gpx>
EOF
}

runs_count() {
    list_json --type run
    jq length <<<"$out"
}

# ---- 1. memory: every reader is bounded --------------------------------------------------------

t_a_zip_of_65_kb_whose_row_holds_64_mi_commas_is_refused_in_bounded_memory() {
    py <<'EOF'
import zipfile
header = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
with zipfile.ZipFile("export.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("activities.csv", header + "1" + "," * (64 << 20) + "\n")
EOF
    (($(stat -c %s export.zip) < 200000)) || fail "the zip is not small"
    # guilt on main took 4.2 GB for this file; 512 MB is plenty for any real export.
    refused 2 "export.zip: activities.csv: line 2" "more than 1000 fields" -- \
        with_memory 512 "$GUILT_BIN" import export.zip
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
}

# FILE, a gzipped GPX of MB megabytes of "<a/>" elements, written in a few hundred kilobytes.
gzipped_elements() {
    py "$1" "$2" <<'EOF'
import sys, zlib
z = zlib.compressobj(6, zlib.DEFLATED, 31)
with open(sys.argv[1], "wb") as f:
    f.write(z.compress(b"<gpx>"))
    chunk = b"<a/>" * (1 << 18)
    for _ in range(int(sys.argv[2])):
        f.write(z.compress(chunk))
    f.write(z.compress(b"</gpx>") + z.flush())
EOF
}

t_a_gzipped_gpx_that_inflates_past_the_cap_is_refused_in_bounded_memory() {
    # 240 MB of text in 250 KB: past what one track may hold.
    gzipped_elements bomb.gpx.gz 240
    refused 2 "bomb.gpx.gz" "larger than 64 MB" -- with_memory 1024 "$GUILT_BIN" import bomb.gpx.gz
}

t_a_gpx_whose_tree_would_take_gigabytes_is_refused_in_bounded_memory() {
    # 60 MB (under the size cap) would make 15 million elements: over 1 GB of tree.
    gzipped_elements tree.gpx.gz 60
    refused 2 "tree.gpx.gz" "more XML than guilt reads in one file" -- \
        with_memory 1024 "$GUILT_BIN" import tree.gpx.gz
}

t_a_zip_member_that_inflates_past_256_mb_is_refused() {
    # 5 MB of zip, 300 MB of rides once inflated.
    py <<'EOF'
import zipfile
header = b"Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance\n"
row = b'1,"Jul 1, 2025, 10:00:00 AM",' + b"x" * 3000 + b",Ride,1800,5.00\n"
with zipfile.ZipFile("export.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    with z.open("activities.csv", "w", force_zip64=True) as f:
        f.write(header)
        for _ in range(100):
            f.write(row * 1000)
EOF
    refused 2 "export.zip: activities.csv" "inflates to more than 256 MB" -- \
        with_memory 512 "$GUILT_BIN" import export.zip
}

t_an_import_of_more_than_100000_activities_is_refused() {
    mkdir export
    py <<'EOF'
rows = ["Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance"]
rows += [f'{i},"Jul 1, 2025, 10:00:00 AM",Spin,Ride,1800,5.00' for i in range(100001)]
open("export/activities.csv", "w").write("\n".join(rows) + "\n")
EOF
    refused 2 "export/activities.csv" "more than 100000 activities" -- guilt import export
}

# ---- 2. a Strava export's Filename reads only the export's own files ---------------------------

t_a_strava_filename_leading_out_of_the_export_is_skipped_and_never_read() {
    mkdir -p export/activities elsewhere
    gpx_two_points elsewhere/climb.gpx 2025-07-01T10:00:00Z 2025-07-01T10:30:00Z
    gpx_two_points elsewhere/absolute.gpx 2025-07-02T10:00:00Z 2025-07-02T10:30:00Z
    gpx_two_points elsewhere/linked.gpx 2025-07-03T10:00:00Z 2025-07-03T10:30:00Z
    gpx_two_points export/activities/own.gpx 2025-07-04T10:00:00Z 2025-07-04T10:30:00Z
    ln -s ../../elsewhere/linked.gpx export/activities/link.gpx
    {
        echo "$STRAVA_HEADER"
        echo "1,,Climb out,Run,1800,5.00,../elsewhere/climb.gpx"
        echo "2,,Absolute,Run,1800,5.00,$PWD/elsewhere/absolute.gpx"
        echo "3,,Through a link,Run,1800,5.00,activities/link.gpx"
        echo "4,,Her own,Run,1800,5.00,activities/own.gpx"
    } >export/activities.csv
    expect_exit 0 guilt import export
    expect_contains "$err" "Skipped ../elsewhere/climb.gpx (line 2): lies outside the export's folder"
    expect_contains "$err" "Skipped $PWD/elsewhere/absolute.gpx (line 3): lies outside"
    expect_contains "$err" "Skipped activities/link.gpx (line 4): lies outside"
    expect_contains "$err" "Imported 1 run from a Strava export."
    list_json --type run
    expect_jq '[.[].note]' '["Her own"]'
    expect_jq '[.[].at]' '["2025-07-04T06:00:00-04:00"]'
}

t_activities_csv_given_alone_reads_nothing_outside_its_folder() {
    mkdir -p export secret
    gpx_two_points secret/track.gpx 2025-07-01T10:00:00Z 2025-07-01T10:30:00Z
    {
        echo "$STRAVA_HEADER"
        echo "1,,Out,Run,1800,5.00,../secret/track.gpx"
    } >export/activities.csv
    expect_exit 0 guilt import export/activities.csv
    expect_contains "$err" "Skipped ../secret/track.gpx (line 2): lies outside the export's folder"
    expect_eq 0 "$(runs_count)" "runs imported"
}

# ---- 3. a track's span is a 64-bit number, and a plausible one ---------------------------------

t_a_gpx_spanning_136_years_is_refused_not_imported_as_a_one_hour_run() {
    # 2^32 seconds and one hour after its first point: a 32-bit duration wraps to one hour.
    gpx_two_points wrapped.gpx 1900-01-01T00:00:00Z 2036-02-07T07:28:16Z
    refused 2 "wrapped.gpx" "spans 49710 days" "48 hours" -- guilt import wrapped.gpx
    mkdir tracks
    cp wrapped.gpx tracks/
    gpx_two_points tracks/good.gpx 2025-07-01T10:00:00Z 2025-07-01T10:30:00Z
    expect_exit 3 guilt import tracks  # imported, with an item skipped
    expect_contains "$err" "Skipped tracks/wrapped.gpx: spans 49710 days"
    list_json --type run
    expect_jq '[.[].duration_s]' '[1800]'
}

t_a_gpx_whose_times_go_backwards_is_refused() {
    gpx_two_points backwards.gpx 2025-07-01T10:30:00Z 2025-07-01T10:00:00Z
    refused 2 "backwards.gpx" "go backwards" -- guilt import backwards.gpx
}

# ---- 4. no dates in the future, no words made of invisible spaces ------------------------------

# A guilt export holding ENTRIES (JSON) and MOTTOS.
guilt_export() {
    local entries=$1 mottos=${2:-[]}
    printf '{"format":"guilt","version":1,"exported_at":"2026-11-26T21:00:00-05:00","entries":%s,"priorities":[],"mottos":%s}\n' \
        "$entries" "$mottos" >export.json
}

entry() {  # entry TYPE AT FIELDS (JSON members without braces)
    printf '{"uuid":"0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b6%s","type":"%s","at":"%s",%s}' \
        "${4:-0}" "$1" "$2" "$3"
}

t_import_refuses_times_and_days_in_the_future() {
    guilt log "Already here" 2>/dev/null || fail "cannot seed"
    guilt_export "[$(entry guilt 2099-01-01T12:00:00-05:00 '"text":"From 2099","intensity":5')]"
    refused 2 "export.json" "/entries/0/at" "in the future" "2099-01-01" -- guilt import export.json
    guilt_export "[$(entry guilt 9999-12-31T12:00:00-05:00 '"text":"From 9999"')]"
    refused 2 "/entries/0/at" "in the future" "9999-12-31" -- guilt import export.json
    guilt_export "[$(entry reflection 2026-11-20T21:00:00-05:00 \
        '"date":"2099-11-20","strategy":"facts","prompt":"p","answer":"a"')]"
    refused 2 "/entries/0/date" "in the future" "2099-11-20" -- guilt import export.json
    guilt_export "[]" '[{"text":"Good enough","at":"2099-01-01T12:00:00-05:00"}]'
    refused 2 "/mottos/0/at" "in the future" -- guilt import export.json
    # A minute ahead of now is still now, as on the command line.
    guilt_export "[$(entry guilt 2026-11-26T21:00:30-05:00 '"text":"Just now"')]"
    expect_exit 0 guilt import export.json
    # jrnl exports and watch files too.
    printf '{"entries":[{"title":"Later","body":"","date":"2099-03-01","time":"10:00","tags":[],"starred":false}]}\n' >jrnl.json
    refused 2 "jrnl.json" "/entries/0/date" "in the future" -- guilt import jrnl.json
    gpx_two_points future.gpx 2099-07-01T10:00:00Z 2099-07-01T10:30:00Z
    refused 2 "future.gpx" "starts in the future" "2099-07-01" -- guilt import future.gpx
}

NBSP=$'\u00a0'
IDEO=$'\u3000'
ZWSP=$'\u200b'

t_words_made_only_of_invisible_spaces_are_refused_at_the_command_line() {
    refused 2 "TEXT is empty" -- guilt log "$NBSP"
    refused 2 "TEXT is empty" -- guilt log "$IDEO$ZWSP"
    refused 2 "TEXT is empty" -- guilt win "$ZWSP"
    refused 2 "TEXT is empty" -- guilt deposit 30m "$NBSP"
    refused 2 "--kid" -- guilt log "Missed pickup" -k "$NBSP"
    refused 2 "--kid" -- guilt log "Missed pickup" -k "@$IDEO"
    refused 2 "TITLE is empty" -- guilt priority add "$IDEO"
    refused 2 "TEXT is empty" -- guilt motto "$ZWSP$NBSP"
    expect_exit 0 guilt log "Missed pickup"
    refused 2 "--text is empty" -- guilt edit 1 --text "$NBSP"
    # An @ before an invisible space names no kid.
    expect_exit 0 guilt log "Snapped at bedtime @$NBSP"
    expect_exit 0 guilt --json kids
    expect_eq 0 "$(jq '.kids | length' <<<"$out" 2>/dev/null || jq length <<<"$out")" "kids"
}

t_words_made_only_of_invisible_spaces_are_refused_on_import() {
    guilt_export "[$(entry guilt 2026-11-20T12:00:00-05:00 "\"text\":\"$NBSP$IDEO\"")]"
    refused 2 "export.json" "/entries/0/text" "is empty" -- guilt import export.json
    guilt_export "[$(entry guilt 2026-11-20T12:00:00-05:00 "\"text\":\"ok\",\"kids\":[\"$ZWSP\"]")]"
    refused 2 "/entries/0/kids/0" -- guilt import export.json
    guilt_export "[]" "[{\"text\":\"$NBSP\",\"at\":\"2026-11-20T12:00:00-05:00\"}]"
    refused 2 "/mottos/0/text" "is empty" -- guilt import export.json
    printf '{"format":"guilt","version":1,"entries":[],"priorities":[{"uuid":"0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b61","rank":1,"title":"%s","until":null,"done":false}],"mottos":[]}\n' \
        "$IDEO" >export.json
    refused 2 "/priorities/0/title" "is empty" -- guilt import export.json
    printf '{"entries":[{"title":"%s","body":"%s","date":"2026-11-20","time":"10:00","tags":[],"starred":false}]}\n' \
        "$NBSP" "$ZWSP" >jrnl.json
    refused 2 "jrnl.json" "/entries/0/title" "is empty" -- guilt import jrnl.json
}

# ---- 5. numbers, line ends and encodings ------------------------------------------------------

t_a_400_digit_number_is_named_with_its_file_row_and_column() {
    mkdir export
    local digits
    digits=$(printf '9%.0s' {1..400})
    {
        echo "$STRAVA_HEADER"
        echo "1,\"Jul 1, 2025, 10:00:00 AM\",Run,Run,1800,$digits,"
    } >export/activities.csv
    refused 2 "export/activities.csv: line 2: Distance" "a number of at most 15 digits" "99999" -- \
        guilt import export/activities.csv
    expect_not_contains "$err" "stod"
    {
        echo "$STRAVA_HEADER"
        echo "1,\"Jul 1, 2025, 10:00:00 AM\",Run,Run,1800.$digits,5.00,"
    } >export/activities.csv
    expect_exit 0 guilt import export/activities.csv
    expect_eq 1 "$(runs_count)" "runs imported"
}

t_old_mac_line_ends_are_line_ends() {
    mkdir export
    printf '%s\r1,"Jul 1, 2025, 10:00:00 AM",Morning,Run,1800,5.00,\r2,"Jul 2, 2025, 10:00:00 AM",Evening,Run,1500,4.00,\r' \
        "$STRAVA_HEADER" >export/activities.csv
    expect_exit 0 guilt import export/activities.csv
    expect_contains "$err" "Imported 2 runs from a Strava export."
    printf 'Activity Type,Date,Title,Distance,Time\rRunning,2025-07-01 06:30:00,Loop,5.00,00:28:30\r' \
        >garmin.csv
    expect_exit 0 guilt import garmin.csv
    expect_contains "$err" "Imported 1 run from a Garmin Connect export."
}

t_an_empty_gpx_or_csv_says_it_is_empty_not_json() {
    : >empty.gpx
    refused 2 "empty.gpx" "is empty" -- guilt import empty.gpx
    expect_not_contains "$err" "JSON"
    printf '\n  \n' >blank.csv
    refused 2 "blank.csv" "is empty" -- guilt import blank.csv
    expect_not_contains "$err" "JSON"
}

t_utf16_files_with_a_byte_order_mark_are_read_and_without_one_named() {
    gpx_two_points run.gpx 2025-07-01T10:00:00Z 2025-07-01T10:30:00Z
    mkdir export
    {
        echo "$STRAVA_HEADER"
        echo "7,\"Jul 2, 2025, 10:00:00 AM\",Zoë's loop,Run,1500,4.00,"
    } >export/activities.csv
    py <<'EOF'
for name in ("run.gpx", "export/activities.csv"):
    text = open(name, encoding="utf-8").read()
    open(name.replace(".", "-16."), "wb").write(text.encode("utf-16"))  # with its BOM
    open(name.replace(".", "-16be."), "wb").write(b"\xfe\xff" + text.encode("utf-16-be"))
open("bare.csv", "wb").write(open("export/activities.csv", encoding="utf-8").read().encode("utf-16-le"))
EOF
    expect_exit 0 guilt import run-16.gpx export/activities-16.csv
    expect_contains "$err" "Imported 2 runs"
    list_json --type run
    expect_jq '[.[].note] | sort' "[\"Morning Run\",\"Zoë's loop\"]"
    expect_exit 0 guilt import run-16be.gpx export/activities-16be.csv
    expect_contains "$err" "(2 already there)"
    refused 2 "bare.csv" "UTF-16 without a byte order mark" -- guilt import bare.csv
    expect_not_contains "$err" "JSON"
}

run_tests
