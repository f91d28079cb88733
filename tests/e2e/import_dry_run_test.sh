# SPDX-License-Identifier: MIT
# Issue 21: a dry run shows what would come in (date, kind, distance, time) and what would be
# skipped and why, as a table and in --json, and a dry run into a journal that does not exist yet
# is no error. The CSV written here is synthetic, in Strava's shape; the GPX is real
# (tests/data/gpxpy/README.md).
source "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data" && pwd)

# A synthetic Strava activities.csv: a run, a ride, a run at no run's pace, a row that cannot be
# read.
write_export() {
    cat >activities.csv <<'EOF'
Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance
1,"Jul 1, 2025, 10:30:00 AM",Easy,Run,1710,5.00
2,"Jul 2, 2025, 10:30:00 AM",Commute,Ride,1800,12.00
3,"Jul 3, 2025, 10:30:00 AM",Bike by mistake,Run,3600,40.00
4,"Jul 4, 2025, 10:30:00 AM",Typo,Run,1800,five
EOF
}

t_a_dry_run_lists_each_activity_and_why_some_would_be_skipped() {
    write_export
    expect_exit 3 guilt import activities.csv --dry-run
    local lines
    mapfile -t lines <<<"$out"
    expect_eq 5 "${#lines[@]}" "the table's lines"
    expect_contains "${lines[0]}" "DATE" "the header"
    expect_contains "${lines[0]}" "DISTANCE" "the header"
    # In her zone, in her unit; what is new, and why the others are not.
    expect_contains "${lines[1]}" "2025-07-01 06:30  run" "the run"
    expect_contains "${lines[1]}" "5 km      28:30" "the run"
    expect_contains "${lines[1]}" "activities.csv: line 2  new" "the run"
    expect_contains "${lines[2]}" "2025-07-02 06:30  ride" "the ride"
    expect_contains "${lines[2]}" "skipped: ride" "the ride"
    expect_contains "${lines[3]}" "skipped: has a pace of 1:30 /km" "the run at a ride's pace"
    expect_contains "${lines[4]}" 'skipped: Distance must be a number, got "five"' "the bad row"
    expect_contains "$err" "Would import 1 run from a Strava export."
    [[ ! -e $GUILT_DB ]] || fail "a dry run created the journal"
    # What is there already says so.
    expect_exit 3 guilt import activities.csv
    expect_exit 3 guilt import activities.csv --dry-run
    expect_contains "$out" "activities.csv: line 2  already there"
}

t_a_dry_run_in_json_says_what_would_come_in_and_what_would_not() {
    write_export
    expect_exit 3 guilt --json import activities.csv --dry-run
    expect_one_json_document
    expect_jq '.would_import | map([.at, .kind, .distance_m, .duration_s, .where])' \
        '[["2025-07-01T06:30:00-04:00","run",5000,1710,"line 2"]]'
    expect_jq '.would_skip | map([.at, .kind, .where, (.reason | split(" (")[0])])' \
        '[["2025-07-02T06:30:00-04:00","ride","line 3","ride"],["2025-07-03T06:30:00-04:00","run","line 4","has a pace of 1:30 /km"],[null,"run","line 5","Distance must be a number, got \"five\""]]'
    # With --others deposit, the ride and the run at a ride's pace would be deposits.
    expect_exit 3 guilt --json import activities.csv --dry-run --others deposit
    expect_jq '.would_import | map([.kind, .where])' \
        '[["run","line 2"],["deposit","line 3"],["deposit","line 4"]]'
}

t_a_dry_run_of_a_multi_track_gpx_lists_its_tracks() {
    # Real: four tracks, the first empty (not listed), the second of an unknown type ("jkljkl").
    expect_exit 0 guilt --json import "$DATA/gpxpy/korita-zbevnica.gpx" --dry-run --as deposit
    expect_jq '[(.would_import | map([.at, .kind, .duration_s, .where])), (.would_skip | map(.where))]' \
        '[[["2010-10-03T05:36:30-04:00","deposit",4552,"track 3"],["2010-10-03T06:57:10-04:00","deposit",8541,"track 4"]],["track 2"]]'
}

t_a_dry_run_into_a_journal_not_made_yet_is_no_error() {
    write_export
    expect_exit 3 guilt import activities.csv --dry-run
    expect_not_contains "$err" "No journal at"
    echo '{"format": "guilt", "version": 1, "entries": [{"uuid": "0b5e0a4e-4c1e-4b6a-9a55-1d2a3b4c5d6e", "type": "guilt", "at": "2026-11-25T18:05:00-05:00", "text": "Missed pickup"}]}' >backup.json
    expect_exit 0 guilt import backup.json --dry-run
    expect_contains "$err" "Would add 1 entry"
    expect_not_contains "$err" "No journal at"
    [[ ! -e $GUILT_DB ]] || fail "a dry run created the journal"
}

run_tests
