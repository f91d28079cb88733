#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end tests of `guilt insights` (cli.md "Insights and the month"): a generated 120-day
# journal where child-led time and runs with moms go with lighter guilt and deposits with nothing,
# a 5-day journal, the same numbers for the same journal, and each format checked by the tools
# that read it: JSON by ajv against data/insights.schema.json, Markdown tables by cmark and a
# table check, HTML by headless Chromium at 1200 and 390 px (measured, not only looked at).
#   bash tests/e2e/insights_test.sh build/guilt
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SCHEMA=$SOURCE_DIR/data/insights.schema.json
GENERATOR=$(cd "$(dirname "$0")" && pwd)/insights_journal.py

# Imports the generated 120 days ending today (Thursday 2026-11-26); what insights must count in
# it goes to $TEST_DIR/expected.json.
seed_120_days() {
    "$PYTHON" "$GENERATOR" 120 2026-11-26 "$TEST_DIR/journal.json" >"$TEST_DIR/expected.json" ||
        fail "cannot generate the journal"
    guilt import "$TEST_DIR/journal.json" >/dev/null 2>&1 || fail "cannot import the journal"
}

# What the expected file says: expected FILTER.
expected() { jq -c "$1" "$TEST_DIR/expected.json"; }

# The factor FACTOR's field FIELD in $out (insights JSON).
factor_field() { jq -c --arg f "$1" ".factors[] | select(.factor == \$f) | .$2" <<<"$out"; }

# The JSON file FILE is valid against data/insights.schema.json.
expect_valid_json() { expect_valid_against "$SCHEMA" "$1"; }

# ---- what insights finds ----------------------------------------------------------------------

t_child_led_time_and_runs_with_moms_are_clear_deposits_are_not() {
    seed_120_days
    local first
    first=$(expected .first | tr -d '"')
    expect_exit 0 guilt --json insights --since "$first"
    expect_one_json_document
    expect_jq .since "\"$first\""
    expect_jq .until '"2026-11-26"'
    expect_jq .days 120
    local f
    for f in child-led-10 run-with-moms deposit; do
        expect_eq "$(expected ".all[\"$f\"].days_with")" "$(factor_field "$f" days_with)" "$f days_with"
        expect_eq "$(expected ".all[\"$f\"].days_without")" "$(factor_field "$f" days_without)" \
            "$f days_without"
    done
    expect_eq '"clear"' "$(factor_field child-led-10 verdict)" "child-led-10 verdict"
    expect_eq '"clear"' "$(factor_field run-with-moms verdict)" "run-with-moms verdict"
    expect_eq '"unclear"' "$(factor_field deposit verdict)" "deposit verdict"
    # Lighter: fewer moments a day with the factor, and the whole interval below 0.
    expect_eq true "$(jq '.factors[] | select(.factor == "child-led-10") |
        .difference < 0 and .interval[1] < 0 and .with.moments_per_day < .without.moments_per_day' \
        <<<"$out")" "child-led-10 is lighter"
    expect_eq true "$(jq '.factors[] | select(.factor == "run-with-moms") | .interval[1] < 0' \
        <<<"$out")" "run-with-moms is lighter"
    expect_eq true "$(jq '.factors[] | select(.factor == "deposit") |
        .interval[0] < 0 and .interval[1] > 0' <<<"$out")" "the deposit interval holds 0"
    # The clear ones come first.
    expect_eq '"clear"' "$(jq -c '.factors[0].verdict' <<<"$out")" "the first factor's verdict"
    printf '%s\n' "$out" >"$TEST_DIR/insights.json"
    expect_valid_json "$TEST_DIR/insights.json"
}

t_the_default_is_the_90_days_ending_today() {
    seed_120_days
    expect_exit 0 guilt --json insights
    expect_jq .since '"2026-08-29"'
    expect_jq .until '"2026-11-26"'
    expect_jq .days 90
    local f
    for f in child-led-10 run-with-moms deposit; do
        expect_eq "$(expected ".last_90[\"$f\"].days_with")" "$(factor_field "$f" days_with)" \
            "$f days_with in the last 90 days"
        expect_eq "$(expected ".last_90[\"$f\"].days_without")" "$(factor_field "$f" days_without)" \
            "$f days_without in the last 90 days"
    done
    expect_exit 0 guilt insights
    local words
    words=$(tr -s ' \n' '  ' <<<"$out")  # the words, as one line
    expect_contains "$words" "10+ minutes of child-led time"
    expect_contains "$words" "the difference is clear"
    expect_contains "$words" "not causes"
}

t_the_same_journal_gives_the_same_numbers() {
    seed_120_days
    expect_exit 0 guilt --json insights
    local first=$out
    expect_exit 0 guilt --json insights
    expect_eq "$first" "$out" "a second run"
    # The seed comes from the data, not from ids or the clock: the same entries in another
    # journal, imported in another order of ids, at another time, give the same figures.
    jq '.entries |= reverse' "$TEST_DIR/journal.json" >"$TEST_DIR/reversed.json"
    GUILT_DB=$TEST_DIR/other.db guilt import "$TEST_DIR/reversed.json" >/dev/null 2>&1 ||
        fail "cannot import the reversed journal"
    GUILT_NOW=2026-11-26T23:59 expect_exit 0 guilt --db "$TEST_DIR/other.db" --json insights
    expect_eq "$first" "$out" "the same entries in another journal"
}

t_a_five_day_journal_has_not_enough_days() {
    local d
    for d in 22 23 24 25 26; do
        guilt log "Shouted at breakfast" -i 6 -w "2026-11-$d 08:00" 2>/dev/null || fail "cannot log"
    done
    guilt run 5k 28:00 --with moms -w "2026-11-24 06:00" 2>/dev/null || fail "cannot log a run"
    guilt engage 20m --child-led -w "2026-11-25 17:00" 2>/dev/null || fail "cannot log engaged time"
    expect_exit 0 guilt --json insights
    expect_jq '.journal_days' 5
    expect_jq '[.factors[].verdict] | unique' '["not-enough-days"]'
    # Her first run was on the 24th: the 22nd and 23rd are not days without one.
    expect_eq 1 "$(factor_field run-with-moms days_with)" "run-with-moms days_with"
    expect_eq 2 "$(factor_field run-with-moms days_without)" "run-with-moms days_without"
    expect_eq 2 "$(factor_field run-with-moms days_left_out)" "run-with-moms days_left_out"
    expect_eq null "$(factor_field run-with-moms interval)" "no interval without enough days"
    expect_contains "$(factor_field run-with-moms words)" "not enough days yet: 1 with, 2 without"
    printf '%s\n' "$out" >"$TEST_DIR/five.json"
    expect_valid_json "$TEST_DIR/five.json"
    expect_exit 0 guilt insights
    expect_contains "$out" "Not enough days yet to compare"
    expect_not_contains "$out" "the difference is clear"
}

t_an_empty_journal_is_not_an_error() {
    expect_exit 0 guilt --json insights
    expect_jq .journal_days 0
    expect_jq '[.factors[].verdict] | unique' '["not-enough-days"]'
    [[ ! -e $GUILT_DB ]] || fail "insights created a journal"
}

t_since_and_until_bound_the_days() {
    seed_120_days
    expect_exit 0 guilt --json insights --since 2026-10-01 --until "2026-10-31 18:00"
    expect_jq '[.since, .until, .days]' '["2026-10-01","2026-10-31",31]'
    [[ $(jq .journal_days <<<"$out") -le 31 ]] || fail "more journal days than days"
    expect_exit 0 guilt --json insights --since yesterday
    expect_jq '[.since, .until, .days]' '["2026-11-25","2026-11-26",2]'
}

# ---- refusals ----------------------------------------------------------------------------------

t_bad_options_are_refused_with_one_line() {
    seed_120_days
    refused 2 "--since" "2026-11-20" "--until" "2026-11-01" -- \
        guilt insights --since 2026-11-20 --until 2026-11-01
    refused 2 "--since" "someday" -- guilt insights --since someday
    refused 2 "--until" "2026-02-30" -- guilt insights --until 2026-02-30
    refused 2 "--format" "pdf" -- guilt insights --format pdf
    refused 2 "-o" ".pdf" -- guilt insights -o insights.pdf
    [[ ! -e insights.pdf ]] || fail "a refused -o wrote its file"
}

# ---- the formats -------------------------------------------------------------------------------

t_text_is_one_screen_of_80_columns() {
    seed_120_days
    expect_exit 0 guilt insights
    local lines long
    lines=$(printf '%s\n' "$out" | wc -l)
    ((lines <= 24)) || fail "text is $lines lines, more than one screen"
    long=$(printf '%s\n' "$out" | "$PYTHON" -c '
import sys
for line in sys.stdin.read().splitlines():
    if len(line) > 80: print(repr(line))')
    [[ -z $long ]] || fail "lines wider than 80 columns: $long"
    # The most telling first: the table starts with a clear factor.
    local first_row
    first_row=$(printf '%s\n' "$out" | grep -A1 '^Factor' | tail -1)
    expect_contains "$first_row" "clear" "the first row"
}

t_o_writes_the_format_its_extension_names() {
    seed_120_days
    expect_exit 0 guilt insights -o out.json
    expect_eq "" "$out" "stdout with -o"
    expect_contains "$err" "out.json"
    expect_eq 600 "$(mode_of out.json)" "mode of the file"
    expect_valid_json "$TEST_DIR/out.json"
    expect_exit 0 guilt insights -o page.html
    expect_contains "$(<page.html)" "<!doctype html>"
    expect_exit 0 guilt insights -o notes.md --format text
    expect_contains "$(<notes.md)" "Insights,"
}

t_o_follows_exports_rules_force_to_replace_and_dash_for_stdout() {
    seed_120_days
    echo "her own notes" >notes.txt
    run_cmd 2 guilt insights -o notes.txt
    expect_error_line "notes.txt" "--force"
    expect_eq "her own notes" "$(<notes.txt)" "the file she did not ask to replace"
    expect_exit 0 guilt insights -o notes.txt --force
    expect_contains "$(<notes.txt)" "Insights,"
    expect_exit 0 guilt insights -o - --format json
    expect_jq '.days' 90
}

t_markdown_tables_are_valid_and_survive_cmark() {
    need cmark
    seed_120_days
    expect_exit 0 guilt insights --format md
    printf '%s\n' "$out" >"$TEST_DIR/insights.md"
    local problems
    # A GFM table: a header row, a delimiter row of as many cells, then rows of as many cells.
    problems=$("$PYTHON" - "$TEST_DIR/insights.md" <<'PY'
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
cells = lambda l: re.split(r"(?<!\\)\|", l.strip())[1:-1]
rows = [l for l in lines if l.startswith("|")]
if len(rows) < 5:
    print(f"only {len(rows)} table rows")
else:
    width = len(cells(rows[0]))
    if not re.fullmatch(r"\|( *-+:? *\|)+", rows[1]) or len(cells(rows[1])) != width:
        print("no delimiter row under the header")
    for r in rows[2:]:
        if len(cells(r)) != width:
            print(f"{len(cells(r))} cells instead of {width}: {r}")
PY
)
    [[ -z $problems ]] || fail "Markdown table: $problems"
    cmark "$TEST_DIR/insights.md" >"$TEST_DIR/insights.md.html" || fail "cmark failed"
    expect_contains "$(<"$TEST_DIR/insights.md.html")" "<h2>In words</h2>" "cmark's HTML"
    expect_contains "$(<"$TEST_DIR/insights.md.html")" "10+ minutes of child-led time" "cmark's HTML"
}

# Prints what is out of place when Chromium lays out PAGE in a viewport WIDTH px wide: an element
# past the right edge, a box whose content overflows it, an SVG label outside its chart. Nothing
# when all fits. Headless Chromium's window is at least 500 px wide, so the page is measured in
# an iframe of that width, by a probe script added to a copy of it that posts what it finds.
layout_problems() {
    local page=$1 width=$2 probe=$TEST_DIR/probe-$2.html frame=$TEST_DIR/frame-$2.html
    "$PYTHON" - "$page" "$probe" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
probe = """<script>
addEventListener("load", () => {
  const bad = [], width = document.documentElement.clientWidth;
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) bad.push(`${el.tagName} spans ${Math.round(r.left)}-${Math.round(r.right)}`);
    if (el instanceof HTMLElement && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) bad.push(`${el.tagName} overflows by ${el.scrollWidth - el.clientWidth}`);
  }
  for (const t of document.querySelectorAll("svg text")) {
    const b = t.getBBox(), v = t.ownerSVGElement.viewBox.baseVal;
    if (b.x < v.x - 0.5 || b.x + b.width > v.x + v.width + 0.5 || b.y < v.y - 0.5 || b.y + b.height > v.y + v.height + 0.5)
      bad.push(`svg text cut: ${t.textContent}`);
  }
  if (document.documentElement.scrollWidth > width) bad.push("the page scrolls sideways");
  parent.postMessage(`width ${width}: ` + (bad.length ? bad.join("; ") : "ok"), "*");
});
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe + "</body>"))
PY
    printf '%s\n' '<!doctype html><html><body style="margin:0">' \
        "<iframe src=\"probe-$width.html\" style=\"width:${width}px;height:900px;border:0\"></iframe>" \
        '<script>addEventListener("message", e => document.body.dataset.layout = e.data);</script>' \
        '</body></html>' >"$frame"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$(mktemp -d "$TEST_DIR/chromium.XXXXXX")" --window-size=1300,960 \
        --virtual-time-budget=3000 --dump-dom "file://$frame" 2>/dev/null >"$TEST_DIR/dom-$width.html"
    "$PYTHON" - "$TEST_DIR/dom-$width.html" "$width" <<'PY'
import html, re, sys
m = re.search(r'data-layout="([^"]*)"', open(sys.argv[1], encoding="utf-8").read())
# The frame's width less a scroll bar, if the page has one.
print("the layout probe did not run" if not m else "" if m.group(1).endswith(": ok") else html.unescape(m.group(1)))
PY
}

t_html_is_one_safe_page_that_fits_1200_and_390_px() {
    seed_120_days
    expect_exit 0 guilt insights --format html
    local page=$TEST_DIR/insights.html
    printf '%s\n' "$out" >"$page"
    expect_eq 0 "$(grep -c http "$page")" "lines holding http"
    expect_contains "$out" "<!doctype html>"
    expect_contains "$out" '<meta name="viewport" content="width=device-width, initial-scale=1">'
    expect_not_contains "$out" "<script" "the page"
    expect_not_contains "$out" "src=" "the page"
    expect_not_contains "$out" "url(" "the page"
    [[ $(grep -c "<svg" "$page") -ge 3 ]] || fail "expected an SVG chart per compared factor"
    need chromium
    local width problems
    for width in 1200 390; do
        problems=$(layout_problems "$page" "$width")
        [[ -z $problems ]] || fail "at $width px: $problems"
    done
}

t_help_lists_insights() {
    expect_exit 0 guilt --help
    expect_contains "$out" "  insights"
    expect_exit 0 guilt insights --help
    expect_contains "$out" "--since"
    expect_contains "$out" "not causes"
}

run_tests
