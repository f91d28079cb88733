# SPDX-License-Identifier: MIT
# Issue 21: one bad row, track or file never sinks the rest. What an activity is comes before its
# values; a run must be plausible; a track with no sport type is a run only at a running pace;
# every usable track of a file is read; TCX figures come from one place, multisport files give
# their legs; activities an export lists apart are never merged. Real files from public test
# suites are in tests/data/ (their README says where from); the small CSVs and the multisport TCX
# written here are synthetic, in the shapes Strava and Garmin write.
source "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data" && pwd)

STRAVA_HEAD='Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance'

# A synthetic Strava activities.csv: FILE, then rows "id|date|name|type|seconds|km".
strava_csv() {
    local file=$1 row
    shift
    echo "$STRAVA_HEAD" >"$file"
    for row in "$@"; do
        IFS='|' read -r id date name type secs km <<<"$row"
        printf '%s,"%s",%s,%s,%s,%s\n' "$id" "$date" "$name" "$type" "$secs" "$km" >>"$file"
    done
}

# The journal's entries of TYPE as [at, distance_m, duration_s, minutes, text], oldest first.
entries() {
    list_json --type "$1"
    jq -c 'sort_by(.at) | map([.at, .distance_m, .duration_s, .minutes, (.note // .text)])' <<<"$out"
}

# ---- one bad item, not the whole file --------------------------------------------------------

t_a_ride_left_recording_two_days_is_skipped_as_a_ride() {
    strava_csv activities.csv \
        '1|Jul 1, 2025, 6:30:00 AM|Easy|Run|1800|5.00' \
        '2|Jul 2, 2025, 6:30:00 AM|Forgot to stop|Ride|176400|42.00' \
        '3|Jul 3, 2025, 6:30:00 AM|Tempo|Run|1500|5.00'
    expect_exit 0 guilt import activities.csv
    expect_contains "$err" "Imported 2 runs from a Strava export."
    expect_contains "$err" "Skipped 1 ride"
    # With --others deposit, 49 hours are more than a deposit holds: named, the rest comes in.
    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 3 guilt import activities.csv --others deposit
    expect_contains "$err" "Imported 2 runs from a Strava export."
    expect_contains "$err" "Skipped activities.csv: line 3: lasts 176400 s, more than the 24 hours a deposit may hold."
}

t_a_row_that_cannot_be_read_is_named_and_the_rest_imports_exit_3() {
    strava_csv activities.csv \
        '1|Jul 1, 2025, 6:30:00 AM|Easy|Run|1800|5.00' \
        '2|Jul 2, 2025, 6:30:00 AM|Typo|Run|1800|abc' \
        '3|Jul 32, 2025, 6:30:00 AM|Bad day|Run|1800|5.00' \
        '4|Jul 4, 2025, 6:30:00 AM|Long|Run|5400|15.00'
    local before
    before=$(dump)
    refused 2 'activities.csv: line 3: Distance must be a number, got "abc"' "1 more" "--strict" \
        -- guilt import activities.csv --strict
    expect_exit 3 guilt import activities.csv
    expect_contains "$err" "Imported 2 runs from a Strava export."
    expect_contains "$err" 'Skipped activities.csv: line 3: Distance must be a number, got "abc".'
    expect_contains "$err" 'Skipped activities.csv: line 4: Activity Date must be a date like'
    expect_eq '[["2025-07-01T02:30:00-04:00",5000,1800,null,"Easy"],["2025-07-04T02:30:00-04:00",15000,5400,null,"Long"]]' \
        "$(entries run)" "the runs"
    # Importing it again adds nothing, and says the same rows again.
    expect_exit 3 guilt import activities.csv
    expect_contains "$err" "Imported 0 runs from a Strava export (2 already there)."
}

t_many_bad_rows_are_named_a_few_then_counted() {
    local rows=('1|Jul 1, 2025, 6:30:00 AM|Good|Run|1800|5.00') i
    for i in $(seq 2 9); do rows+=("$i|Jul $i, 2025, 6:30:00 AM|Bad|Run|1800|x$i"); done
    strava_csv activities.csv "${rows[@]}"
    expect_exit 3 guilt import activities.csv
    local named
    named=$(grep -c '^Skipped activities.csv: line' <<<"$err")
    expect_eq 5 "$named" "problems named one per line"
    expect_contains "$err" "... and 3 more (guilt import --dry-run lists them all)."
    expect_exit 3 guilt --json import activities.csv --dry-run
    expect_jq '[(.problems | length), .problems[0].where, .problems[0].reason]' \
        '[8,"line 3","Distance must be a number, got \"x2\""]'
}

t_one_malformed_tcx_in_a_folder_or_a_list_does_not_stop_the_others() {
    mkdir tracks
    cp "$DATA/python-tcxparser/test.tcx" tracks/run.tcx
    head -c 3000 "$DATA/python-tcxparser/test.tcx" >tracks/cut.tcx
    expect_exit 3 guilt import tracks
    expect_contains "$err" "Imported 1 run from TCX."
    expect_contains "$err" "Skipped tracks/cut.tcx: line"
    expect_contains "$err" "not well-formed XML"
    # The same with the files named, one of them not an export at all.
    export GUILT_DB=$TEST_DIR/other/journal.db
    echo "shopping list" >notes.txt
    expect_exit 3 guilt import tracks/cut.tcx notes.txt tracks/run.tcx
    expect_contains "$err" "Imported 1 run from TCX."
    expect_contains "$err" "Skipped tracks/cut.tcx: line"
    expect_contains "$err" "Skipped notes.txt: is not a file guilt imports"
    # And in a zip of tracks.
    export GUILT_DB=$TEST_DIR/third/journal.db
    "$PYTHON" -c 'import sys, zipfile
with zipfile.ZipFile("tracks.zip", "w") as z:
    for f in sys.argv[1:]: z.write(f)' tracks/cut.tcx tracks/run.tcx || fail "cannot zip"
    expect_exit 3 guilt import tracks.zip
    expect_contains "$err" "Imported 1 run from TCX."
    expect_contains "$err" "Skipped tracks.zip: tracks/cut.tcx: line"
    expect_exit 3 guilt --json import tracks/cut.tcx tracks/run.tcx --dry-run
    expect_jq '.problems | map([.file, .where, .kind])' '[["tracks/cut.tcx",null,null]]'
    # Nothing readable at all is bad input: exit 2, nothing written.
    refused 2 "tracks/cut.tcx" "and 1 more" -- guilt import tracks/cut.tcx notes.txt
}

# ---- plausible runs ----------------------------------------------------------------------------

t_a_run_must_be_plausible_or_it_is_named_and_skipped() {
    strava_csv activities.csv \
        '1|Jul 1, 2025, 6:30:00 AM|Easy|Run|1800|5.00' \
        '2|Jul 2, 2025, 6:30:00 AM|Forgot it was on the bike|Run|6600|57.20' \
        '3|Jul 3, 2025, 6:30:00 AM|Pocket dial|Run|40|0.05' \
        '4|Dec 13, 1901, 8:45:52 PM|Clock reset|Run|1800|5.00'
    expect_exit 3 guilt import activities.csv
    expect_contains "$err" "Imported 1 run from a Strava export."
    expect_contains "$err" "Skipped activities.csv: line 3: has a pace of 1:55 /km (57.2 km in 1:50:00), faster than a run's 2:30 /km (--others deposit brings it in as time for yourself)."
    expect_contains "$err" "Skipped activities.csv: line 4: is 50 m, shorter than the 200 m a run needs."
    expect_contains "$err" "Skipped activities.csv: line 5: starts on 1901-12-13, before 1990"
    # A "run" at 31 km/h is plainly another activity: a deposit with --others deposit; the others
    # stay named.
    expect_exit 3 guilt import activities.csv --others deposit
    expect_contains "$err" "Imported 1 deposit from a Strava export (1 already there)."
    expect_eq '[["2025-07-02T02:30:00-04:00",null,null,110,"Forgot it was on the bike"]]' \
        "$(entries deposit)" "the deposit"
}

t_a_gpx_whose_clock_says_1901_is_no_run() {
    # Real: a track recorded with a clock that lost its date.
    refused 2 "Mojstrovka.gpx" "starts on 1901-12-13, before 1990" -- \
        guilt import "$DATA/gpxpy/Mojstrovka.gpx"
}

# ---- tracks ------------------------------------------------------------------------------------

t_every_usable_track_of_a_multi_track_gpx_is_read() {
    # Real: a Garmin GPS's file of four tracks, the first empty, the second without times; the
    # two timed ones have no sport type and a walking pace.
    cp "$DATA/gpxpy/korita-zbevnica.gpx" walk.gpx
    expect_exit 3 guilt import walk.gpx
    expect_contains "$err" "Imported 0 runs from GPX."
    expect_contains "$err" "Skipped walk.gpx: track 3: has no sport type and a pace of 33:15 /km (2.3 km in 1:15:52), slower than a run's 10:00 /km: not taken as a run (--as run or --as deposit decides)."
    expect_contains "$err" "Skipped walk.gpx: track 4: has no sport type and a pace of 35:46 /km"
    expect_not_contains "$err" "track 1"
    # --as deposit decides: both timed tracks come in, each with its own time.
    expect_exit 0 guilt import walk.gpx --as deposit
    expect_contains "$err" "Imported 2 deposits from GPX."
    expect_eq '[["2010-10-03T05:36:30-04:00",null,null,76,"ACTIVE LOG"],["2010-10-03T06:57:10-04:00",null,null,143,"ACTIVE LOG #2"]]' \
        "$(entries deposit)" "the deposits"
}

t_an_untyped_track_is_a_run_only_at_a_running_pace() {
    # Real: eight tracks with no sport type. Of them, 1.35 km in 4:48 (3:33 /km) is a run's pace;
    # 0.87 km in 2:35 is faster than most runners run, the tracks of 30 m are no runs, and 1.9 km
    # in 41 minutes is a walk.
    cp "$DATA/gpxpy/cerknicko-jezero.gpx" lake.gpx
    expect_exit 3 guilt import lake.gpx
    expect_contains "$err" "Imported 1 run from GPX."
    list_json --type run
    expect_jq 'map([.at, (.distance_m | round), .duration_s])' '[["2010-08-05T11:38:49-04:00",1352,288]]'
    expect_exit 3 guilt --json import lake.gpx --dry-run
    expect_jq '.problems | map(.where + ": " + (.reason | split(" (")[0]))' \
        '["track 2: has no sport type and a pace of 21:31 /km","track 3: has no sport type and a pace of 2:58 /km","track 4: is 30 m, shorter than the 200 m a run needs","track 6: is 32 m, shorter than the 200 m a run needs","track 7: is 29 m, shorter than the 200 m a run needs","track 8: has no sport type and a pace of 52:31 /km"]' 
    # --as run takes the track at 2:58 /km as a run; a walk at 21:31 /km (slower than any run)
    # and the tracks of 30 m stay named.
    expect_exit 3 guilt --json import lake.gpx --as run
    expect_jq '[.added.runs, .already_there.entries, (.problems | length)]' '[1,1,5]'
}

t_tcx_distance_and_time_come_from_the_laps_together() {
    # Real: three laps totalling 4689.2 m in 1992.78 s; its trackpoints say 4686.3 m in 1992 s.
    expect_exit 0 guilt import "$DATA/python-tcxparser/test.tcx"
    expect_eq '[["2012-12-26T16:29:53-05:00",4689.2,1993,null,"Aerobics"]]' "$(entries run)" "the run"
}

t_real_tcx_runs_with_pauses_take_their_time_from_the_laps() {
    # Real: a Garmin run of 10 laps, two of them paused (the laps' timer time is 3,676 s, their
    # trackpoints span 4,386 s); a Polar run on one line with milliseconds, its 2 laps 3,510 s.
    expect_exit 0 guilt import "$DATA/runpandas/2020-12-04T19_09_21-300_Running.tcx" \
        "$DATA/sweatpy/3173437224.tcx"
    expect_contains "$err" "Imported 2 runs from TCX."
    expect_eq '[["2019-01-29T05:25:13-05:00",4508.5,3510],["2020-12-04T17:09:21-05:00",9625.4,3676]]' \
        "$(entries run | jq -c 'map(.[0:3])')" "the two runs: distance and time of their laps"
}

t_a_tcx_whose_laps_lack_totals_takes_both_from_its_trackpoints() {
    # Real file, its laps' totals taken out: the trackpoints give the distance and the time.
    sed -e '/<TotalTimeSeconds>/d' "$DATA/python-tcxparser/test.tcx" >bare.tcx
    expect_exit 0 guilt import bare.tcx
    expect_eq '[["2012-12-26T16:29:53-05:00",4686.3,1992,null,"Aerobics"]]' "$(entries run)" "the run"
}

# A synthetic multisport TCX (no public one was found to keep): a swim, a ride of 5 h 15 min, a
# run of 10 km in 55 min, with a transition between legs.
multisport_tcx() {
    leg() {  # SPORT START SECONDS METERS
        printf '      <Activity Sport="%s"><Id>%s</Id><Lap StartTime="%s"><TotalTimeSeconds>%s</TotalTimeSeconds><DistanceMeters>%s</DistanceMeters>' "$1" "$2" "$2" "$3" "$4"
        printf '<Track><Trackpoint><Time>%s</Time></Trackpoint></Track></Lap></Activity>\n' "$2"
    }
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities><MultiSportSession><Id>2025-07-06T11:00:00Z</Id>'
        echo '    <FirstSport>'
        leg Other 2025-07-06T11:00:00Z 4200 3800
        echo '    </FirstSport><NextSport><Transition><TotalTimeSeconds>300</TotalTimeSeconds><DistanceMeters>0</DistanceMeters><Calories>0</Calories><Intensity>Active</Intensity><TriggerMethod>Manual</TriggerMethod></Transition>'
        leg Biking 2025-07-06T12:15:00Z 18900 180000
        echo '    </NextSport><NextSport>'
        leg Running 2025-07-06T17:35:00Z 3300 10000
        echo '    </NextSport></MultiSportSession></Activities></TrainingCenterDatabase>'
    } >"$1"
}

t_a_multisport_tcx_gives_its_legs() {
    multisport_tcx tri.tcx
    expect_exit 0 guilt import tri.tcx --others deposit
    expect_contains "$err" "Imported 1 run and 2 deposits from TCX."
    expect_eq '[["2025-07-06T13:35:00-04:00",10000,3300,null,null]]' "$(entries run)" "the run"
    expect_eq '[["2025-07-06T07:00:00-04:00",null,null,70,"Other activity: tri.tcx"],["2025-07-06T08:15:00-04:00",null,null,315,"Biking: tri.tcx"]]' \
        "$(entries deposit)" "the swim and the 5 h 15 min ride"
}

t_a_tcx_deposit_is_named_by_its_sport_and_file() {
    # Real: a paddle session, Sport="Other".
    expect_exit 0 guilt import "$DATA/tcxreader/sup_activity_1.tcx" --others deposit
    expect_eq '[["2022-07-16T12:08:25-04:00",null,null,19,"Other activity: sup_activity_1.tcx"]]' \
        "$(entries deposit)" "the deposit"
}

# ---- duplicates ----------------------------------------------------------------------------------

t_separate_activities_of_one_export_are_never_merged() {
    # Five 800 m reps, each its own Strava activity four minutes apart, then a 1.6 km run.
    strava_csv activities.csv \
        '11|Jul 1, 2025, 10:00:00 AM|Rep 1|Run|180|0.80' \
        '12|Jul 1, 2025, 10:04:00 AM|Rep 2|Run|178|0.80' \
        '13|Jul 1, 2025, 10:08:00 AM|Rep 3|Run|176|0.80' \
        '14|Jul 1, 2025, 10:12:00 AM|Rep 4|Run|179|0.80' \
        '15|Jul 1, 2025, 10:16:00 AM|Rep 5|Run|175|0.80' \
        '16|Jul 1, 2025, 10:20:00 AM|Cool down|Run|600|1.60'
    expect_exit 0 guilt import activities.csv
    expect_contains "$err" "Imported 6 runs from a Strava export."
    expect_not_contains "$err" "already there"
    # A run she typed still takes the watch's figures, and only one of them.
    export GUILT_DB=$TEST_DIR/other/journal.db
    guilt run 800m 3:10 --with moms -w "2025-07-01 06:01" 2>/dev/null || fail "cannot log the run"
    expect_exit 0 guilt import activities.csv
    expect_contains "$err" "Imported 5 runs from a Strava export."
    expect_contains "$err" "Merged 1 run you typed with the watch's: #1"
}

# ---- smaller -------------------------------------------------------------------------------------

t_a_treadmill_run_without_a_distance_comes_in_as_the_hint_says() {
    strava_csv activities.csv \
        '1|Jul 1, 2025, 6:30:00 AM|Easy|Run|1800|5.00' \
        '2|Jul 2, 2025, 6:30:00 AM|Gym|Treadmill|1800|'
    expect_exit 0 guilt import activities.csv
    expect_contains "$err" "Skipped 1 run without a distance (guilt import --others deposit brings them in"
    expect_exit 0 guilt import activities.csv --others deposit
    expect_contains "$err" "Imported 1 deposit from a Strava export (1 already there)."
    expect_eq '[["2025-07-02T02:30:00-04:00",null,null,30,"Gym"]]' "$(entries deposit)" "the deposit"
}

t_an_empty_file_or_stdin_says_it_is_empty() {
    refused 2 "stdin: is empty; there is nothing in it to import" -- guilt import -
    : >empty.json
    refused 2 "empty.json: is empty" -- guilt import empty.json
}

run_tests
