#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end tests of `guilt month` (cli.md "Insights and the month"): a calendar of a month or a
# year, shaded by guilt with marks for runs, engaged time and wins, totals beside the month
# before. JSON checked by ajv against data/month.schema.json, Markdown by cmark, and every HTML
# page laid out by headless Chromium at 1200 and 390 pixels (tests/e2e/html_layout.py).
#   bash tests/e2e/month_test.sh build/guilt
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SCHEMA=$SOURCE_DIR/data/month.schema.json
AJV=$SOURCE_DIR/.deps/npm/node_modules/.bin/ajv

# October and November 2026 up to Thursday the 26th 21:00 ("now"), and one entry of September.
seed_autumn() {
    {
        guilt log -i 9 -w "2026-09-30 20:00" "September: no month shown holds it" &&
            guilt log -i 8 -w "2026-10-02 08:00" "October, heavy" &&
            guilt log -i 2 -w "2026-10-20 08:00" "October, light" &&
            guilt run 8k 46:10 -w "2026-10-10 06:00" &&
            guilt log -i 4 -w "2026-11-03 08:00" "Late for drop-off" &&
            guilt log -i 7 -w "2026-11-03 21:00" "Snapped at bedtime" &&
            guilt run 5k 28:30 --with moms -w "2026-11-03 06:00" &&
            guilt engage 40m -k Sam --child-led -w "2026-11-03 17:00" &&
            guilt win "Theo and I baked bread, he beamed" -w "2026-11-05 19:00" &&
            guilt deposit 30m nap -w "2026-11-06 13:00" &&
            guilt engage 2h30m -k Ava -w "2026-11-21 15:00" &&
            guilt run 13.1mi 2:05:00 --type race -w "2026-11-22 08:00" &&
            guilt log -i 5 -w "2026-11-26 08:00" "<script>alert(1)</script>"
    } >/dev/null 2>&1 || fail "cannot seed the journal"
}

# The JSON file FILE is valid against data/month.schema.json.
expect_valid_json() { expect_valid_against "$SCHEMA" "$1"; }

t_month_json_has_cli_md_keys_and_figures_and_matches_its_schema() {
    seed_autumn
    expect_exit 0 guilt --json month
    expect_one_json_document
    expect_jq '.month' '"2026-11"'
    expect_jq '.complete' 'false'
    expect_jq '.days | length' '26'
    expect_jq '.days[2]' '{"date":"2026-11-03","moments":2,"mean_intensity":5.5,"runs":1,"engaged_minutes":40,"wins":0}'
    expect_jq '.days[4] | [.moments, .wins]' '[0,1]'
    expect_jq '.days[5] | [.moments, .runs, .engaged_minutes, .wins]' '[0,0,0,0]'
    expect_jq '[.totals.moments, .totals.runs, .totals.engaged_minutes, .totals.wins, .totals.days]' \
        '[3,2,190,1,26]'
    # While November is in progress: beside October 1st to 26th.
    expect_jq '[.previous.month, .previous.days, .previous.moments, .previous.runs]' '["2026-10",26,2,1]'
    printf '%s\n' "$out" >now.json
    expect_valid_json now.json
    expect_exit 0 guilt month 2026-10 --format json
    expect_jq '[.complete, (.days | length), .totals.moments, .previous.month, .previous.moments]' \
        '[true,31,2,"2026-09",1]'
    printf '%s\n' "$out" >october.json
    expect_valid_json october.json
    expect_exit 0 guilt --json month --year
    expect_jq '[.year, (.months | length), .totals.moments, .months[10].month]' '[2026,11,6,"2026-11"]'
    printf '%s\n' "$out" >year.json
    expect_valid_json year.json
}

t_month_text_is_a_calendar_within_80_columns() {
    seed_autumn
    LC_ALL= LC_CTYPE= LANG=C.UTF-8 expect_exit 0 guilt month
    expect_contains "$out" "November 2026 (so far)"
    expect_contains "$out" "Mon       Tue       Wed"
    expect_contains "$out" " 3 ▓▓ re"
    expect_contains "$out" "October, first 26 days"
    expect_not_contains "$out" $'\e[' "output without a terminal"
    local long
    long=$("$PYTHON" -c 'import sys
for l in sys.stdin.read().split("\n"):
    if len(l) > 80: print(len(l), l)' <<<"$out")
    [[ -z $long ]] || fail "lines wider than 80 columns: $long"
    LC_ALL=C expect_exit 0 guilt month --year 2026
    expect_contains "$out" "January"
    expect_contains "$out" "December"
    [[ $out != *[$'\x80'-$'\xff']* ]] || fail "non-ASCII bytes in the C locale"
    expect_exit 0 guilt config set week-start sunday
    expect_exit 0 guilt month 2026-11
    expect_contains "$out" "Sun       Mon"
}

t_month_markdown_is_read_by_cmark() {
    seed_autumn
    expect_exit 0 guilt month --format md
    expect_contains "$out" "# November 2026"
    expect_contains "$out" "| Good moments | 1 | 0 |"
    need cmark
    local rendered
    rendered=$(cmark --to html <<<"$out")
    expect_contains "$rendered" "<h1>November 2026</h1>"
    expect_contains "$rendered" "<h2>Totals</h2>"
}

t_month_and_year_html_lay_out_at_1200_and_390_pixels() {
    seed_autumn
    expect_exit 0 guilt month -o month.html
    expect_contains "$err" "Wrote month 2026-11 to month.html (html)"
    expect_eq "600" "$(mode_of month.html)" "mode of the page"
    local page
    page=$(<month.html)
    [[ $page != *http* ]] || fail "the page names a URL"
    [[ $page != *"<script"* ]] || fail "the page has a script: her text must be escaped"
    expect_good_layout "$TEST_DIR/month.html"
    expect_exit 0 guilt month --year -o year.html
    expect_contains "$err" "Wrote year 2026 to year.html (html)"
    expect_good_layout "$TEST_DIR/year.html"
}

t_the_layout_checker_finds_a_cut_label_and_an_overflowing_table() {
    need chromium
    run_cmd 1 "$PYTHON" "$E2E_DIR/html_layout.py" "$SOURCE_DIR/tests/fixtures/layout_clipped.html" --width 1200 \
        --width 390
    expect_contains "$out" 'label "2 h 30 min" is cut by the edge of its chart'
    expect_contains "$out" "at 1200px: div.scroll"
    expect_contains "$out" "at 390px: div.scroll"
}

t_month_refuses_bad_months_and_changes_nothing() {
    seed_autumn
    refused 2 "MONTH" "2026-13" -- guilt month 2026-13
    refused 2 "MONTH" "2026-12" "future" -- guilt month 2026-12
    refused 2 "MONTH" "someday" -- guilt month someday
    refused 2 "--year" "2027" "future" -- guilt month --year 2027
    refused 2 "--year" "26" -- guilt month --year 26
    refused 2 "--format" "pdf" -- guilt month --format pdf
    refused 2 "-o" "month.pdf" -- guilt month -o month.pdf
    refused 2 "MONTH" "--year" -- guilt month 2026-11 --year 2026
}

t_month_reads_a_missing_journal_as_empty_without_creating_it() {
    expect_exit 0 guilt --json month
    expect_jq '[.totals.moments, (.days | length)]' '[0,26]'
    [[ ! -e $GUILT_DB ]] || fail "month created the journal"
}

run_tests
