#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end tests of `guilt week`: a realistic fortnight in a temporary journal, then each
# format checked by the tools that read it: JSON by ajv against data/week.schema.json, Markdown
# by cmark, HTML by headless Chromium (a screenshot that must be neither blank nor cut).
#   bash tests/e2e/week_test.sh build/guilt
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
SCHEMA=$SOURCE_DIR/data/week.schema.json

# The week before (Mon 2026-11-16 to Sun 2026-11-22) and this one up to Thursday 21:00 ("now"),
# with a motto, priorities, reflect's prompts for Tuesday and an answer for Thursday.
seed_fortnight() {
    {
        guilt motto "You're a good mom. Good enough is good." &&
            guilt priority add Kids && guilt priority add Sleep &&
            guilt priority add "Spring marathon" --until 2027-04-20 &&
            # the week before
            guilt log -i 4 -t work -w "2026-11-17 19:00" "Late meeting, @Sam ate without me" &&
            guilt engage 2h -k Sam -k Ava -w "2026-11-21 14:00" --note park &&
            guilt run 18k 1:44:00 --with club --type long -w "2026-11-21 07:00" &&
            # this week
            guilt run 8k 46:10 --with moms --felt 8 -w "2026-11-23 05:45" &&
            guilt log -i 5 -t school -w "2026-11-23 08:20" "@Sam cried at drop-off and I left" &&
            guilt engage 15m -k Sam -w "2026-11-23 20:00" &&
            guilt log -i 7 -w "2026-11-24 21:00" "I should keep up with everything | and I never do" &&
            guilt run 6k 34:30 --with kids -w "2026-11-24 18:00" &&
            guilt engage 30m -k Ava -k Sam --child-led --note lego -w "2026-11-25 17:30" &&
            guilt deposit 45m "read in the bath" -w "2026-11-25 20:30" &&
            guilt log -i 8 -t school -k Sam -w "2026-11-26 08:15" "<script>alert(1)</script> sent him anyway" &&
            guilt run 10k 55:20 --with moms -w "2026-11-26 05:30" &&
            guilt engage 40m -k Sam --child-led -w "2026-11-26 17:00" &&
            guilt reflect --no-input --record --date 2026-11-24
    } >/dev/null 2>&1 || fail "cannot seed the journal"
    on_terminal --stdin --stderr --input $'Two hours at the park | it helped\n\x04' \
        -- "$GUILT_BIN" reflect --date 2026-11-26 >/dev/null 2>&1 || fail "cannot answer a prompt"
}

# The JSON file FILE is valid against data/week.schema.json.
expect_valid_json() { expect_valid_against "$SCHEMA" "$1"; }

# Saves $out to FILE and validates it.
expect_valid_out() {
    printf '%s\n' "$out" >"$TEST_DIR/$1"
    expect_valid_json "$TEST_DIR/$1"
}

# Every line of $out is at most WIDTH characters (code points).
expect_lines_within() {
    local long
    long=$("$PYTHON" -c '
import sys
width = int(sys.argv[1])
for line in sys.stdin.buffer.read().decode("utf-8").split("\n"):
    if len(line) > width:
        print(len(line), line)
' "$1" <<<"$out")
    [[ -z $long ]] || fail "lines wider than $1 columns: $long"
}

# ---- text --------------------------------------------------------------------------------------

t_text_shows_the_current_week_within_80_columns() {
    seed_fortnight
    LC_ALL= LC_CTYPE= LANG=C.UTF-8 expect_exit 0 guilt week
    expect_contains "$out" "2026-W48"
    expect_contains "$out" "Mon Nov 23"
    expect_contains "$out" "Sun Nov 29"
    expect_contains "$out" "█" "bars in a UTF-8 locale"
    expect_contains "$out" "You're a good mom."
    expect_contains "$out" "3 moments"
    expect_not_contains "$out" $'\e[' "output without a terminal"
    expect_lines_within 80
    expect_eq "" "$err" "stderr"
}

t_text_is_plain_ascii_outside_a_utf8_locale() {
    seed_fortnight
    LC_ALL=C LC_CTYPE= LANG= expect_exit 0 guilt week
    expect_contains "$out" "#" "ASCII bars"
    LC_ALL=C "$PYTHON" -c 'import sys; sys.exit(any(b >= 0x80 for b in sys.stdin.buffer.read()))' \
        <<<"$out" || fail "bytes over 0x7f in the ASCII view"
    expect_lines_within 80
}

t_text_is_coloured_only_on_a_terminal() {
    seed_fortnight
    unset NO_COLOR
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" week
    expect_contains "$out" $'\e[' "a terminal"
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" --no-color week
    expect_not_contains "$out" $'\e[' "a terminal with --no-color"
}

# ---- JSON --------------------------------------------------------------------------------------

t_json_holds_the_week_and_validates_against_the_schema() {
    seed_fortnight
    expect_exit 0 guilt --json week
    expect_one_json_document
    expect_valid_out week.json
    expect_jq '.week' '"2026-W48"'
    expect_jq '[.first_day, .last_day, .complete]' '["2026-11-23","2026-11-29",false]'
    expect_jq '.days | length' '7'
    expect_jq '[.days[].guilt.count]' '[1,1,0,1,0,0,0]'
    expect_jq '[.guilt.count, .guilt.max_intensity, .guilt.mean_intensity]' '[3,8,6.67]'
    expect_jq '.guilt.tags' '[{"tag":"school","count":2}]'
    expect_jq '.guilt.kids' '[{"name":"Sam","count":2}]'
    expect_jq '[.runs.count, .runs.distance, .runs.pace, .runs.with_kids]' \
        '[3,"24 km","5:40 /km",1]'
    expect_jq '.runs.time_of_day' '{"early_morning":2,"daytime":0,"family_hours":1,"late":0}'
    expect_jq '[.engaged.minutes, .engaged.child_led_minutes, .engaged.days]' '[85,70,3]'
    expect_jq '.engaged.kids' \
        '[{"name":"Sam","minutes":85,"child_led_minutes":70},{"name":"Ava","minutes":30,"child_led_minutes":30}]'
    expect_jq '.deposits' '{"count":1,"minutes":45}'
    # Each day's bank is the one that night's reflection showed her (its arithmetic is the unit
    # tests' to check: tests/unit/reflect/bank_test.cpp); the days to come have none yet.
    local week=$out day banks=()
    for day in 2026-11-23 2026-11-24 2026-11-25 2026-11-26; do
        expect_exit 0 guilt reflect --date "$day" --json --no-input
        banks+=("$(jq -c .balance.value <<<"$out")")
    done
    out=$week
    expect_jq '[.days[].balance | if . then .value else null end]' \
        "[$(IFS=,; echo "${banks[*]}"),null,null,null]"
    expect_jq '[.days[:4][].balance.value] | unique | length > 1' 'true'
    expect_jq '[.reflection.nights, ([.days[].reflected] | index(true))]' '[2,1]'
    expect_jq '[.reflection.strategies[].answers[].answer]' '["Two hours at the park | it helped"]'
    expect_jq '.motto' '"You'"'"'re a good mom. Good enough is good."'
    expect_jq '[.priorities[].title]' '["Kids","Sleep","Spring marathon"]'
    # Thursday: against Monday to Thursday of the week before, not its park Saturday.
    expect_jq '.previous_week' \
        '{"first_day":"2026-11-16","days_compared":4,"guilt":{"count":1,"mean_intensity":4,"max_intensity":4},"engaged_minutes":0}'
    expect_jq '.change' '{"guilt_count":2,"mean_intensity":2.67,"engaged_minutes":85}'
    expect_exit 0 guilt week
    expect_contains "$out" "2 more than the same 4 days of the week before"
}

t_json_of_a_past_week_an_empty_week_and_format_json_validate() {
    seed_fortnight
    expect_exit 0 guilt --json week 2026-W47
    expect_valid_out w47.json
    expect_jq '[.complete, .guilt.count, .runs.count]' '[true,1,1]'
    expect_jq '.previous_week.days_compared' '7'
    expect_exit 0 guilt week 2026-W40 --format json
    expect_valid_out w40.json
    expect_jq '[.guilt.count, .motto, .days[6].balance.value]' '[0,null,0]'
    expect_jq '.change' '{"guilt_count":0,"mean_intensity":null,"engaged_minutes":0}'
}

t_a_new_journal_has_an_empty_week() {
    expect_exit 0 guilt --json week
    expect_valid_out empty.json
    expect_jq '[.guilt.count, .runs.pace, .reflection.nights]' '[0,null,0]'
    [[ ! -e $GUILT_DB ]] || fail "reading a week created the journal"
}

# ---- WEEK --------------------------------------------------------------------------------------

t_week_as_iso_week_and_as_any_day_inside_it_agree() {
    seed_fortnight
    local a b c
    expect_exit 0 guilt --json week 2026-W47 && a=$out
    expect_exit 0 guilt --json week 2026-11-19 && b=$out
    expect_exit 0 guilt --json week "last friday" && c=$out
    expect_eq "$a" "$b" "week 2026-W47 and the week of 2026-11-19"
    expect_eq "$a" "$c" "week 2026-W47 and the week of last friday"
    expect_exit 0 guilt --json week && a=$out
    expect_exit 0 guilt --json week 2026-w48 && b=$out
    expect_exit 0 guilt --json week today && c=$out
    expect_eq "$a" "$b" "this week and 2026-w48"
    expect_eq "$a" "$c" "this week and today's week"
}

t_week_start_sunday_runs_sunday_to_saturday() {
    seed_fortnight
    expect_exit 0 guilt config set week-start sunday
    expect_exit 0 guilt --json week 2026-W48
    expect_valid_out sunday.json
    expect_jq '[.week, .week_start, .first_day, .last_day]' \
        '["2026-W48","sunday","2026-11-22","2026-11-28"]'
    expect_jq '.days[0].weekday' '"Sun"'
    expect_exit 0 guilt --json week 2026-11-21
    expect_jq '.first_day' '"2026-11-15"'
}

t_distances_and_pace_follow_the_unit_setting() {
    seed_fortnight
    expect_exit 0 guilt config set unit mi
    expect_exit 0 guilt --json week
    expect_valid_out mi.json
    expect_jq '[.unit, .runs.distance, .runs.pace]' '["mi","14.91 mi","9:07 /mi"]'
    expect_exit 0 guilt week
    expect_contains "$out" "/mi"
}

t_a_bad_or_future_week_is_refused() {
    seed_fortnight
    refused 2 "WEEK" "2026-W99" -- guilt week 2026-W99
    refused 2 "WEEK" "2025-W53" -- guilt week 2025-W53
    refused 2 "WEEK" "banana" -- guilt week banana
    refused 2 "WEEK" "2026-W49" "future" -- guilt week 2026-W49
    refused 2 "WEEK" "2027-01-04" "future" -- guilt week 2027-01-04
    refused 2 "--format" "pdf" -- guilt week --format pdf
    refused 2 "-o" ".pdf" -- guilt week -o "$TEST_DIR/week.pdf"
    refused 2 "-o" "extension" -- guilt week -o "$TEST_DIR/week"
    [[ ! -e $TEST_DIR/week.pdf && ! -e $TEST_DIR/week ]] || fail "a refused -o wrote a file"
}

# ---- -o FILE -----------------------------------------------------------------------------------

t_output_file_takes_its_format_from_the_extension() {
    seed_fortnight
    mkdir -p "$TEST_DIR/out"
    local ext head
    for ext in md html json txt; do
        expect_exit 0 guilt week 2026-W48 -o "$TEST_DIR/out/week.$ext"
        expect_eq "" "$out" "stdout with -o"
        expect_contains "$err" "out/week.$ext"
        expect_eq 600 "$(mode_of "$TEST_DIR/out/week.$ext")" "mode of week.$ext"
        head=$(head -c 15 "$TEST_DIR/out/week.$ext")
        case $ext in
            md) expect_eq "# Your week: 20" "$head" "start of week.md" ;;
            html) expect_eq "<!doctype html>" "$head" "start of week.html" ;;
            json) expect_valid_json "$TEST_DIR/out/week.json" ;;
            txt) expect_eq "Your week 2026-" "$head" "start of week.txt" ;;
        esac
    done
    expect_eq "week.html week.json week.md week.txt" "$(cd "$TEST_DIR/out" && echo *)" \
        "files left in the folder (no temporary file)"
    # --format wins over the extension.
    expect_exit 0 guilt week --format json -o "$TEST_DIR/out/week.data"
    cp "$TEST_DIR/out/week.data" "$TEST_DIR/week-data.json"
    expect_valid_json "$TEST_DIR/week-data.json"
}

t_output_file_replaces_an_old_one_whole() {
    seed_fortnight
    printf 'old report, much longer than nothing at all\n' >"$TEST_DIR/week.md"
    chmod 644 "$TEST_DIR/week.md"
    expect_exit 0 guilt week -o "$TEST_DIR/week.md" --force
    expect_eq 600 "$(mode_of "$TEST_DIR/week.md")" "mode after replacing"
    expect_not_contains "$(<"$TEST_DIR/week.md")" "old report"
    expect_eq "week.md" "$(cd "$TEST_DIR" && ls -A | grep week)" "files named week (no temporary file)"
}

t_json_flag_with_output_writes_the_file_and_prints_json() {
    seed_fortnight
    expect_exit 0 guilt --json week -o "$TEST_DIR/week.md"
    expect_one_json_document
    expect_jq '.week' '"2026-W48"'
    expect_eq "# Your week: 20" "$(head -c 15 "$TEST_DIR/week.md")" "start of week.md"
}

# ---- Markdown through cmark --------------------------------------------------------------------

t_markdown_tables_survive_cmark() {
    need cmark
    seed_fortnight
    expect_exit 0 guilt week --format md
    printf '%s\n' "$out" >"$TEST_DIR/week.md"
    expect_contains "$out" '| Day |'
    expect_contains "$out" 'everything \| and I never do' "her | escaped"
    cmark "$TEST_DIR/week.md" >"$TEST_DIR/week.md.html" || fail "cmark failed"
    local missing
    missing=$("$PYTHON" - "$TEST_DIR/week.md" "$TEST_DIR/week.md.html" <<'PY'
import html, re, sys
md = open(sys.argv[1], encoding="utf-8").read()
out = open(sys.argv[2], encoding="utf-8").read()
cells = []
for line in md.splitlines():
    if not line.startswith("|") or re.fullmatch(r"\|( *-+:? *\|)+", line):
        continue
    for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]:
        cells.append(re.sub(r"\\(.)", r"\1", cell.strip()))
if len(cells) < 8 * 10:
    print(f"only {len(cells)} table cells found")
for cell in cells:
    if html.escape(cell, quote=False) not in out:
        print(repr(cell))
PY
)
    [[ -z $missing ]] || fail "table cells missing from cmark's HTML: $missing"
    local rendered
    rendered=$(<"$TEST_DIR/week.md.html")
    expect_contains "$rendered" "&lt;script&gt;alert(1)&lt;/script&gt;" "cmark's HTML"
    expect_contains "$rendered" "everything | and I never do" "cmark's HTML"
    expect_contains "$rendered" "<h2>Day by day</h2>" "cmark's HTML"
}

# ---- HTML through Chromium ---------------------------------------------------------------------

# Takes a screenshot of FILE at WIDTHxHEIGHT (CSS pixels) into PNG, half scale.
screenshot() {
    local file=$1 png=$2 size=$3
    rm -f "$png"
    timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run \
        --user-data-dir="$(mktemp -d "$TEST_DIR/chromium.XXXXXX")" --hide-scrollbars \
        --force-device-scale-factor=0.5 --screenshot="$png" --window-size="$size" \
        "file://$file" >/dev/null 2>&1
    [[ -s $png ]] || fail "chromium made no screenshot of $file at $size"
}

# Prints what is wrong with the screenshot PNG: blank (few colours or little ink), or cut (ink
# on its bottom rows). Nothing when it looks like a page.
check_screenshot() {
    "$PYTHON" - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat = 8, b""
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, color = struct.unpack(">IIBB", body[:10])
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
assert depth == 8 and color in (2, 6), f"unexpected PNG depth {depth} colour type {color}"
bpp = 3 if color == 2 else 4
raw, stride = zlib.decompress(idat), width * bpp
rows, prev = [], bytearray(stride)
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line))
    prev = line
colours, ink, ink_rows = set(), 0, []
for y, row in enumerate(rows):
    inked = False
    for x in range(0, stride, bpp):
        px = row[x:x + 3]
        colours.add(px)
        if min(px) < 235:
            ink += 1
            inked = True
    if inked:
        ink_rows.append(y)
problems = []
if len(colours) < 16:
    problems.append(f"blank: {len(colours)} colours")
if ink < width * height // 100:
    problems.append(f"blank: only {ink} inked pixels")
if ink_rows and ink_rows[-1] >= height - 8:
    problems.append(f"cut: ink on row {ink_rows[-1]} of {height}")
print("; ".join(problems))
PY
}

t_html_is_one_safe_page_that_chromium_renders() {
    seed_fortnight
    expect_exit 0 guilt week --format html
    local page=$TEST_DIR/week.html
    printf '%s\n' "$out" >"$page"
    expect_eq 0 "$(grep -c http "$page")" "lines holding http"
    expect_contains "$out" "<!doctype html>"
    expect_contains "$out" '<meta charset="utf-8">'
    expect_contains "$out" '<meta name="viewport" content="width=device-width, initial-scale=1">'
    expect_contains "$out" "&lt;script&gt;alert(1)&lt;/script&gt;" "her text, escaped"
    expect_not_contains "$out" "<script" "the page"
    expect_not_contains "$out" "src=" "the page"
    expect_not_contains "$out" "url(" "the page"
    [[ $(grep -c "<svg" "$page") -ge 3 ]] || fail "expected three SVG charts"
    need chromium
    local problems
    # The size the brief asks for: a page, not a blank.
    screenshot "$page" "$TEST_DIR/page.png" 800,1200
    problems=$(check_screenshot "$TEST_DIR/page.png")
    [[ $problems != *blank* ]] || fail "screenshot at 800x1200: $problems"
    # Tall enough for the whole page: nothing may touch the bottom edge.
    screenshot "$page" "$TEST_DIR/tall.png" 800,4000
    problems=$(check_screenshot "$TEST_DIR/tall.png")
    [[ -z $problems ]] || fail "screenshot at 800x4000: $problems"
    # A phone.
    screenshot "$page" "$TEST_DIR/phone.png" 390,6000
    problems=$(check_screenshot "$TEST_DIR/phone.png")
    [[ -z $problems ]] || fail "screenshot at 390x6000: $problems"
}

t_html_lays_out_at_1200_and_390_pixels() {
    # Charts that top at 2 h 30 min of engaged time and at a 13.1 mi run: their axis labels were
    # cut ("0 min", "10 mi"), and the day table overflowed a 1200 px window and a phone.
    seed_fortnight
    {
        guilt config set unit mi && guilt engage 2h30m -k Ava -w "2026-11-24 15:00" &&
            guilt run 13.1mi 2:05:00 --type race -w "2026-11-25 07:00" &&
            guilt win "Ava read to me, then fell asleep on my arm" -w "2026-11-24 20:00"
    } >/dev/null 2>&1 || fail "cannot add to the journal"
    expect_exit 0 guilt week -o week.html
    expect_contains "$(<week.html)" ">2 h 30 min</text>"
    expect_contains "$(<week.html)" ">13.1 mi</text>"
    expect_good_layout "$TEST_DIR/week.html"
}

t_help_lists_week() {
    expect_exit 0 guilt --help
    expect_contains "$out" "  week"
    expect_exit 0 guilt week --help
    expect_contains "$out" "2026-W48"
}

run_tests
