# SPDX-License-Identifier: MIT
# Issue 13: runs from her watch. Strava's bulk export (folder, activities.csv, .zip with .gz
# members), Garmin Connect's CSV, GPX 1.0/1.1 and TCX files, made here in the real shapes by
# watch_files.py, imported once, merged with runs she typed, and checked through guilt list.
source "$(dirname "$0")/lib.sh"

WATCH_FILES=$(cd "$(dirname "$0")" && pwd)/watch_files.py
make_files() { "$PYTHON" "$WATCH_FILES" "$@" || fail "watch_files.py $* failed"; }

# The runs in the journal, oldest first, as [at, distance_m, duration_s, kind, with, note].
runs() {
    list_json --type run
    jq -c 'sort_by(.at) | map([.at, .distance_m, .duration_s, .kind, .with, .note])' <<<"$out"
}

STRAVA_RUNS='[["2025-06-20T07:15:00-04:00",2000,600,"long",["solo"],"Track from the file"],'\
'["2025-07-01T06:30:00-04:00",8046.7,2710,null,["solo"],"Hills, then \"tea\"\nLegs heavy,\nstill glad"],'\
'["2025-07-01T22:30:00-04:00",10000,3000,"race",["solo"],"Turkey Trot"],'\
'["2025-11-02T22:30:00-05:00",5000,1500,"workout",["solo"],"Late loop"]]'

t_a_strava_export_folder_brings_in_its_runs_in_her_zone() {
    make_files strava-folder
    expect_exit 0 guilt import strava_export
    expect_contains "$err" "Imported 4 runs from a Strava export."
    expect_contains "$err" "Skipped 2 rides and 1 swim (guilt import --others deposit"
    expect_contains "$err" "4 new runs say solo"
    expect_contains "$err" "guilt edit ID --with moms"
    # UTC instants in New York: the night of Jul 1 in summer time, Nov 2 after the clocks went
    # back; the row without a date took its start from its GPX.
    expect_eq "$STRAVA_RUNS" "$(runs)" "the runs"
    list_json
    expect_jq 'length' '4'
}

t_a_zip_import_opens_libzip() {
    # guilt opens libzip with dlopen for a zip only (log_test.sh: a start does not load it).
    # glibc's LD_DEBUG=libs names each library it loads.
    make_files strava-zip
    local loaded
    loaded=$(LD_DEBUG=libs "$GUILT_BIN" import export_12345.zip --dry-run 2>&1 >/dev/null)
    expect_contains "$loaded" "libzip.so" "the libraries a zip import loads"
}

t_importing_the_same_export_twice_adds_nothing() {
    make_files strava-folder
    make_files strava-zip
    expect_exit 0 guilt import strava_export
    local before
    before=$(dump)
    expect_exit 0 guilt import strava_export
    expect_contains "$err" "Imported 0 runs from a Strava export (4 already there)."
    # The zip and the bare activities.csv are the same activities.
    expect_exit 0 guilt --json import export_12345.zip
    expect_jq '[.added.entries, .already_there.entries]' '[0,4]'
    expect_exit 0 guilt import strava_export/activities.csv
    expect_eq "$before" "$(dump)" "the journal after importing the same runs again"
}

t_the_strava_zip_with_gz_members_reads_like_the_folder() {
    make_files strava-zip
    expect_exit 0 guilt --json import export_12345.zip --dry-run
    expect_one_json_document
    expect_jq '[.source, .dry_run, .added.runs, .added.deposits, .skipped]' \
        '["strava",true,4,0,{"ride":2,"swim":1}]'
    [[ ! -e $GUILT_DB ]] || fail "a dry run created the journal"
    expect_exit 0 guilt import export_12345.zip
    expect_eq "$STRAVA_RUNS" "$(runs)" "the runs from the zip"
}

t_activities_csv_alone_finds_its_linked_files_beside_it() {
    make_files strava-folder
    expect_exit 0 guilt import strava_export/activities.csv
    expect_eq "$STRAVA_RUNS" "$(runs)" "the runs from activities.csv"
}

t_others_deposit_brings_rides_and_swims_in_as_time_for_herself() {
    make_files strava-folder
    expect_exit 0 guilt --json import strava_export --others deposit
    expect_jq '[.added.runs, .added.deposits, .skipped]' '[4,3,{}]'
    list_json --type deposit
    expect_jq 'sort_by(.at) | map([.at, .minutes, .text])' \
        '[["2025-07-03T08:00:00-04:00",30,"Commute"],["2025-07-04T08:00:00-04:00",40,"Laps"],["2025-07-05T08:00:00-04:00",15,"Errands"]]'
    refused 2 "--others" "ride" -- guilt import strava_export --others ride
}

t_garmin_connect_csv_reads_local_times_and_her_unit() {
    make_files garmin
    expect_exit 0 guilt import Activities.csv
    expect_contains "$err" "Imported 2 runs from a Garmin Connect export."
    expect_contains "$err" "Skipped 1 ride and 1 swim"
    expect_eq '[["2025-07-01T06:30:00-04:00",5000,1710,null,["solo"],"New York Running"],["2025-07-02T19:05:00-04:00",3100,1082,null,["solo"],"Gym, after work"]]' \
        "$(runs)" "the Garmin runs"
}

t_garmin_distances_follow_her_unit_in_miles() {
    make_files garmin
    guilt config set unit mi 2>/dev/null || fail "cannot set the unit"
    expect_exit 0 guilt import Activities.csv
    list_json --type run
    expect_jq 'sort_by(.at) | map([.distance_m, .unit])' '[[8046.7,"mi"],[4989,"mi"]]'
}

t_gpx_with_heart_rate_gpx_1_0_and_tcx_laps_in_one_command() {
    make_files gpx11-hr
    make_files gpx10
    make_files tcx-laps
    expect_exit 0 guilt --json import watch.gpx old.gpx intervals.tcx
    expect_jq '[.source, .added.runs, .files]' '["watch",3,["watch.gpx","old.gpx","intervals.tcx"]]'
    list_json --type run
    # 100 steps of 1/10000 degree north (11.12 m each) in 6 s; 45 steps of 2/10000 in 5 s; the
    # TCX's own lap totals (3000 m + 2000 m), first to last trackpoint over both laps.
    expect_jq 'sort_by(.at) | map([.at, (.distance_m | round), .duration_s, .note])' \
        '[["2025-08-10T06:00:00-04:00",1112,600,"Sunday long run"],["2025-08-12T18:00:00-04:00",1001,225,"Old phone"],["2025-08-15T06:00:00-04:00",5000,1650,"Intervals by the river"]]'
    expect_exit 0 guilt import watch.gpx old.gpx intervals.tcx
    expect_contains "$err" "(3 already there)"
}

t_a_track_without_times_or_with_one_point_is_refused_by_name() {
    make_files gpx-untimed
    make_files gpx-one-point
    make_files gpx11-hr
    refused 2 "route.gpx" "no times" -- guilt import route.gpx
    refused 2 "dot.gpx" "single track point" -- guilt import dot.gpx
    # Beside a good file, the bad one is named and skipped (exit 3); --strict imports nothing.
    refused 2 "route.gpx" "--strict" -- guilt import watch.gpx route.gpx --strict
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
    expect_exit 3 guilt import watch.gpx route.gpx
    expect_contains "$err" "Imported 1 run from GPX."
    expect_contains "$err" "Skipped route.gpx: has no times"
}

t_in_a_folder_unusable_tracks_and_fit_files_are_skipped_and_named() {
    make_files gpx-untimed
    make_files gpx-one-point
    make_files gpx11-hr
    make_files fit
    mkdir -p tracks/2025 && mv route.gpx dot.gpx ride.fit tracks/ && mv watch.gpx tracks/2025/
    gzip -k tracks/2025/watch.gpx && mv tracks/2025/watch.gpx tracks/2025/copy-of-watch.gpx
    echo "not a track" >tracks/notes.txt
    expect_exit 3 guilt import tracks
    expect_contains "$err" "Imported 1 run from GPX."
    expect_contains "$err" "Skipped tracks/dot.gpx: has a single track point"
    expect_contains "$err" "Skipped tracks/route.gpx: has no times"
    expect_contains "$err" "Skipped tracks/ride.fit: is damaged: its FIT checksum does not match"
    expect_exit 3 guilt --json import tracks --dry-run
    # The gzipped copy is the same run, once; the three others are named, not imported.
    expect_jq '[.added.entries, .already_there.entries, (.skipped_files | map(.file)), (.problems | map(.file))]' \
        '[0,1,[],["tracks/dot.gpx","tracks/ride.fit","tracks/route.gpx"]]'
}

t_a_fit_file_without_an_activity_is_refused_by_name() {
    # watch_files.py's ride.fit is a FIT header with no messages (and no valid checksum); real
    # FIT files are in import_fit_test.sh.
    make_files fit
    refused 2 "ride.fit" "is damaged" -- guilt import ride.fit
    [[ ! -e $GUILT_DB ]] || fail "a refused import created the journal"
}

t_a_run_she_typed_is_merged_with_the_watch_run_and_keeps_her_words() {
    guilt run 8k 50:00 --with moms --felt 8 --note "with Jess" -w "2025-07-01 06:45" 2>/dev/null &&
        guilt run 15k 1:20:00 -w "2025-07-01 22:40" 2>/dev/null ||
        fail "cannot log the runs"
    make_files strava-folder
    expect_exit 0 guilt import strava_export
    expect_contains "$err" "Imported 3 runs from a Strava export."
    expect_contains "$err" "Merged 1 run you typed with the watch's: #1 took its distance and duration"
    expect_contains "$err" "3 new runs say solo"
    show_run() { expect_exit 0 guilt --json show "$1"; }
    show_run 1
    expect_jq '[.distance_m, .duration_s, .with, .felt, .note, .at]' \
        '[8046.7,2710,["moms"],8,"with Jess","2025-07-01T06:45:00-04:00"]'
    # 15k is more than 10% from the race's 10k: two runs.
    show_run 2
    expect_jq '[.distance_m, .duration_s]' '[15000,4800]'
    list_json --type run
    expect_jq 'length' '5'
    local before
    before=$(dump)
    expect_exit 0 guilt import strava_export
    expect_contains "$err" "Imported 0 runs from a Strava export (4 already there)."
    expect_not_contains "$err" "Merged"
    expect_eq "$before" "$(dump)" "the journal after importing again"
}

t_bad_files_are_refused_naming_the_line_or_element_and_the_value() {
    seed_one_of_each
    local head='Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance'
    printf '%s\n1,"Jul 1, 2025, 6:30:00 AM",a,Run,1500,5.00\n2,"Jul 2, 2025, 6:30:00 AM",b,Run,1500,abc\n' \
        "$head" >distance.csv
    refused 2 'distance.csv: line 3: Distance must be a number, got "abc"' -- guilt import distance.csv --strict
    printf '%s\n1,"Jul 32, 2025, 6:30:00 AM","with, comma",Run,100,5.00\n' "$head" >date.csv
    refused 2 'date.csv: line 2: Activity Date' '"Jul 32, 2025, 6:30:00 AM"' -- guilt import date.csv
    printf '%s\n1,"Jul 1, 2025, 6:30:00 AM","never closed,Run,100,5.00\n' "$head" >quote.csv
    refused 2 "quote.csv: line 2: a quoted field never ends" -- guilt import quote.csv
    printf 'Activity Type,Date,Title,Distance,Time\nRunning,2025-07-01 06:30:00,x,5.00,00:61:00\n' >garmin.csv
    refused 2 'garmin.csv: line 2: Time must be a duration like "00:28:30", got "00:61:00"' -- guilt import garmin.csv
    make_files gpx11-hr
    head -c 2000 watch.gpx >cut.gpx
    refused 2 "cut.gpx: line" "not well-formed XML" -- guilt import cut.gpx
    sed '0,/<time>2025-08-10T10:00:30Z/s//<time>noon/' watch.gpx >noon.gpx
    refused 2 'noon.gpx: line 35: <time> must be a time like 2025-07-01T10:30:00Z, got "noon"' -- guilt import noon.gpx
    sed '0,/lat="40.7800000"/s//lat="north"/' watch.gpx >lat.gpx
    refused 2 'lat.gpx: line 8: <trkpt> lat must be a number from -90 to 90, got "north"' -- guilt import lat.gpx
    # A good file beside a bad one, with --strict: nothing of either is written.
    refused 2 "cut.gpx" -- guilt import watch.gpx cut.gpx --strict
    printf 'PK\003\004 not really a zip' >broken.zip
    refused 2 "broken.zip" "zip" -- guilt import broken.zip
}

t_a_large_watch_import_shows_progress_on_a_terminal_only() {
    make_files strava-many 3000  # 2400 runs and 600 rides
    local shown
    shown=$(on_terminal --stderr -- "$GUILT_BIN" import activities.csv) || fail "import on a terminal failed: $shown"
    expect_contains "$shown" "Reading activities: 1500" "the terminal"
    expect_contains "$shown" "Importing activities: 1200 of 2400 (50%)" "the terminal"
    expect_contains "$shown" $'\r\e[KImported 2400 runs from a Strava export.' "the terminal (progress cleared)"
    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 0 guilt import activities.csv
    expect_not_contains "$err" "activities:" "stderr, not a terminal"
    expect_contains "$err" "Imported 2400 runs from a Strava export." "stderr, not a terminal"
}

run_tests
