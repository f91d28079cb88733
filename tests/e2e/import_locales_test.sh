# SPDX-License-Identifier: MIT
# Issue 21, items 1, 3 (units) and 8: what a CSV or text file is, in every language. Garmin
# Connect and Strava CSVs whose header lines are real (tests/data/watch-csv/README.md says where
# each comes from; the rows are written for the tests), named on the command line, in a folder
# and in a zip; Strava's 2014-2018 export; the distance unit; jrnl's plain-text journal.
source "$(dirname "$0")/lib.sh"

DATA=$(cd "$(dirname "$0")/../data/watch-csv" && pwd)

# The runs in the journal, oldest first, as [at, distance_m, duration_s, note].
runs() {
    list_json --type run
    jq -c 'sort_by(.at) | map([.at, .distance_m, .duration_s, .note])' <<<"$out"
}

t_garmin_csvs_in_eleven_languages_named_directly_bring_in_their_runs() {
    local lang
    for lang in en de fr es it pt nl da sv no pl; do
        rm -f "$GUILT_DB"
        expect_exit 0 guilt import "$DATA/garmin-$lang.csv"
        expect_contains "$err" "Imported 1 run from a Garmin Connect export."
        expect_contains "$err" "Skipped 1 ride"
        expect_eq "[[\"2025-03-02T07:05:08-05:00\",6290,2186,\"Run $lang\"]]" "$(runs)" \
            "the $lang run"
    done
}

t_a_localised_csv_reads_the_same_in_a_folder_and_in_a_zip() {
    # A Dutch Strava export: its activities.csv in a folder, then in a zip.
    mkdir export
    cp "$DATA/strava-nl.csv" export/activities.csv
    expect_exit 0 guilt import export
    expect_contains "$err" "Imported 1 run from a Strava export."
    (cd export && "$PYTHON" -c 'import zipfile; z = zipfile.ZipFile("../export.zip", "w"); z.write("activities.csv"); z.close()')
    expect_exit 0 guilt import export.zip
    expect_contains "$err" "(1 already there)"
    expect_eq '[["2025-05-09T15:00:00-04:00",5020,1900,"Hardloopsessie nl"]]' "$(runs)" \
        "the Dutch run, its date read as UTC"
}

t_strava_csvs_in_other_languages_read_their_dates_and_decimal_commas() {
    expect_exit 0 guilt import "$DATA/strava-nl.csv" "$DATA/strava-de.csv" "$DATA/strava-fr.csv"
    expect_contains "$err" "Imported 3 runs from a Strava export."
    expect_contains "$err" "Skipped 3 rides"
    expect_eq '[["2025-02-04T12:31:41-05:00",5020,1900,"Course à pied fr"],'\
'["2025-05-09T15:00:00-04:00",5020,1900,"Hardloopsessie nl"],'\
'["2025-07-21T11:09:27-04:00",5020,1900,"Lauf de"]]' "$(runs)" "the three runs"
}

t_strava_2014_export_imports_as_a_folder_a_zip_and_a_csv() {
    cp -r "$DATA/strava-2014" old
    expect_exit 0 guilt import old
    expect_contains "$err" "Imported 2 runs from a Strava export."
    expect_contains "$err" "Skipped 1 ride"
    expect_eq '[["2017-05-14T02:30:00-04:00",5012.3,1800,"Morning Run\nEasy, by the river"],'\
'["2017-05-16T02:45:00-04:00",3218.7,1260,"Track reps"]]' "$(runs)" "the 2017 runs"
    (cd old && "$PYTHON" -c 'import zipfile, os
z = zipfile.ZipFile("../old.zip", "w")
for root, _, files in os.walk("."):
    for f in files: z.write(os.path.join(root, f))
z.close()')
    rm -f "$GUILT_DB"
    expect_exit 0 guilt import old.zip
    expect_contains "$err" "Imported 2 runs from a Strava export."
    rm -f "$GUILT_DB"
    expect_exit 0 guilt import old/activities.csv
    expect_contains "$err" "Imported 2 runs from a Strava export."
}

t_garmin_says_which_unit_it_assumed_and_a_header_unit_wins() {
    expect_exit 0 guilt import "$DATA/garmin-da.csv"
    expect_contains "$err" "garmin-da.csv: Garmin does not say the unit of its distances; read them in kilometers (your unit setting). If they are in miles, run \`guilt config set unit mi\` and import again"
    rm -f "$GUILT_DB"
    # A header that names its unit is read in it, whatever her setting.
    printf 'Activity Type,Date,Title,Distance (mi),Time\nRunning,2025-03-02 07:05:08,US run,3.10,00:28:30\n' >us.csv
    expect_exit 0 guilt import us.csv
    expect_not_contains "$err" "does not say the unit"
    expect_eq '[["2025-03-02T07:05:08-05:00",4989,1710,"US run"]]' "$(runs)" "3.10 miles, not km"
}

t_garmin_distances_with_a_decimal_comma_before_three_digits_are_not_thousands() {
    # Written for the test under the French header's first columns: "21,130" km is 21.13 km,
    # "9.33" a point-decimal row of the same file.
    printf '%s\n' "Type d'activité,Date,Favori,Titre,Distance,Calories,Durée" \
        'Course à pied,2025-02-04 17:31:41,false,"Semi","21,130","1,443",01:58:00' \
        'Course à pied,2025-09-07 09:53:45,false,"Footing","9.33","685",01:08:50' >fr.csv
    expect_exit 0 guilt import fr.csv
    expect_eq '[["2025-02-04T17:31:41-05:00",21130,7080,"Semi"],["2025-09-07T09:53:45-04:00",9330,4130,"Footing"]]' \
        "$(runs)" "21.13 km and 9.33 km"
}

t_a_real_garmin_export_with_decimal_commas_brings_in_every_run() {
    # 1,131 real runs; four of their times have tenths of a second after a comma.
    local csv=$DATA/../grunt/Activities.csv
    expect_exit 0 guilt import "$csv"
    expect_contains "$err" "Imported 1131 runs from a Garmin Connect export."
    expect_not_contains "$err" "Skipped"
    local want got
    want=$("$PYTHON" -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(round(sum(float(r["Distance"].replace(",", ".")) for r in rows) * 1000))' "$csv")
    got=$(sqlite3 "$GUILT_DB" "SELECT CAST(round(sum(distance_m)) AS INTEGER) FROM entries WHERE type = 'run'")
    expect_eq "$want" "$got" "the runs' metres, against the file's Distance column"
    list_json --type run
    expect_eq 273 "$(jq '[.[] | select(.at | startswith("2025-09-21T"))][0].duration_s' <<<"$out")" \
        "the run of 00:04:33,1"
}

t_a_us_garmin_csv_in_miles_is_not_stored_38_percent_short() {
    # Written for the test with Garmin's English column names: 3.10 and 5.00 miles, whose
    # cadence x stride length x time comes to about 1609 m for each mile.
    printf '%s\n' 'Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR,Max HR,Avg Run Cadence,Max Run Cadence,Avg Pace,Best Pace,Total Ascent,Total Descent,Avg Stride Length' \
        'Running,2025-03-02 07:05:08,false,"Boston Running","3.10","400","00:28:30","150","170","170","180","9:11","8:00","100","100","1.03"' \
        'Running,2025-03-04 07:05:08,false,"Boston Running","5.00","600","00:47:00","150","170","168","180","9:24","8:00","100","100","1.00"' >us.csv
    expect_exit 0 guilt import us.csv
    expect_contains "$err" "us.csv: read its distances in miles, as its runs' cadence and stride length say (Garmin does not name the unit; yours is km)"
    expect_eq '[["2025-03-02T07:05:08-05:00",4989,1710,"Boston Running"],["2025-03-04T07:05:08-05:00",8046.7,2820,"Boston Running"]]' \
        "$(runs)" "the runs in miles"
}

t_a_csv_that_is_no_export_says_which_formats_guilt_reads() {
    printf 'Sport;Start;Km\nrun;2025-03-02;5\n' >polar.csv
    refused 2 "polar.csv: is not a file guilt imports; guilt reads a guilt or jrnl export" \
        "Garmin Connect's activities CSV (any language)" -- guilt import polar.csv
}

t_jrnl_plain_text_journal_imports_like_its_json_export() {
    printf '[2025-01-05 09:30] Long day at @work. Kids were tired.\nThe bus was late.\n\n[2025-01-06 21:15] Quiet evening. We read together. *\n\n' >journal.txt
    expect_exit 0 guilt import journal.txt
    expect_contains "$err" "Imported 2 entries from a jrnl export."
    list_json
    expect_jq 'sort_by(.at) | map([.at, .text, .tags])' \
        '[["2025-01-05T09:30:00-05:00","Long day at @work. Kids were tired.\nThe bus was late.",["work"]],["2025-01-06T21:15:00-05:00","Quiet evening.\nWe read together.",["starred"]]]'
    # The same entries from jrnl's JSON export are the same entries: nothing is added.
    cat >journal.json <<'JSON'
{"tags": {"@work": 1}, "entries": [
 {"title": "Long day at @work. Kids were tired.", "body": "The bus was late.", "date": "2025-01-05", "time": "09:30", "tags": ["@work"], "starred": false},
 {"title": "Quiet evening.", "body": "We read together.", "date": "2025-01-06", "time": "21:15", "tags": [], "starred": true}]}
JSON
    expect_exit 0 guilt import journal.json
    expect_contains "$err" "Imported 0 entries from a jrnl export (2 already there)."
    expect_exit 0 guilt import journal.txt
    expect_contains "$err" "(2 already there)"
}

t_an_empty_file_or_stdin_says_it_is_empty() {
    refused 2 "stdin: is empty; there is nothing in it to import" -- guilt import -
    printf '\n\n' >blank.txt
    refused 2 "blank.txt: is empty" -- guilt import blank.txt
}

run_tests
