#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end tests of honest insights (issue 20, item 8; cli.md "Insights and the month"): a
# factor is clear only with at least 7 days on each side and an interval of nonzero width that
# leaves out 0; the days before she first logged that kind of entry are not days without; the
# text, HTML and JSON say how many days each claim rests on; and a factor's name is never cut.
#   bash tests/e2e/honest_insights_test.sh build/guilt
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

# Imports a journal described on stdin, one day a line, oldest first, ending yesterday
# (Wednesday 2026-11-25): "run" for a run at 07:00 that day, then how many guilt moments she
# logged from 19:00 on, then any tags of those moments. "-" is a day she did not open guilt.
#   printf 'run 0\n- \n2 #school\n' | journal_of_days
journal_of_days() {
    cat >"$TEST_DIR/days.txt"
    "$PYTHON" - "$TEST_DIR/days.txt" >"$TEST_DIR/days.json" <<'PY' || fail "cannot write the journal"
import datetime as dt, json, sys, uuid
lines = [l.split() for l in open(sys.argv[1]).read().splitlines() if l.strip()]
last = dt.date(2026, 11, 25)
entries, n = [], 0
def add(e):
    global n
    n += 1
    e["uuid"] = str(uuid.UUID(int=n, version=4))
    entries.append(e)
for i, words in enumerate(lines):
    day = last - dt.timedelta(days=len(lines) - 1 - i)
    if words[0] == "-":
        continue
    ran = words[0] == "run"
    if ran:
        add({"type": "run", "at": f"{day}T07:00:00-05:00", "distance_m": 5000,
             "duration_s": 1800, "with": ["solo"]})
        words = words[1:]
    count, tags = int(words[0]), [w[1:] for w in words[1:]]
    if count == 0 and not ran:  # she wrote something that day all the same
        add({"type": "engage", "at": f"{day}T17:00:00-05:00", "minutes": 20, "kids": ["Sam"]})
    for k in range(count):
        add({"type": "guilt", "at": f"{day}T{19 + k}:00:00-05:00", "text": "a hard moment",
             "intensity": 5, "tags": tags, "kids": []})
print(json.dumps({"format": "guilt", "version": 1, "exported_at": "2026-11-26T21:00:00-05:00",
                  "entries": entries, "priorities": [], "mottos": []}))
PY
    guilt import "$TEST_DIR/days.json" >/dev/null 2>&1 || fail "cannot import the journal"
}

# The factor FACTOR's field FIELD in $out (insights JSON).
factor_field() { jq -c --arg f "$1" ".factors[] | select(.factor == \$f) | .$2" <<<"$out"; }

t_four_days_against_four_is_not_enough() {
    # Four run days with no guilt after, four days without and two moments each: on main this
    # was "clear".
    printf '%s\n' "run 0" "2" "run 0" "2" "run 0" "2" "run 0" "2" | journal_of_days
    expect_exit 0 guilt --json insights --since 2026-11-18 --until 2026-11-25
    expect_eq 4 "$(factor_field run days_with)" "days with a run"
    expect_eq 4 "$(factor_field run days_without)" "days without"
    expect_eq '"not-enough-days"' "$(factor_field run verdict)" "the verdict on 4 against 4"
    expect_jq '[.factors[] | select(.verdict == "clear")] | length' 0
    expect_exit 0 guilt insights --since 2026-11-18 --until 2026-11-25
    expect_contains "$out" "run (4 with, 4 without)"
    grep -qw clear <<<"$out" && fail "a clear verdict on 4 days against 4"
    expect_exit 0 guilt insights --since 2026-11-18 --until 2026-11-25 --format md
    expect_contains "$out" "A run: not enough days yet: 4 with, 4 without (each side needs 7)."
}

t_an_interval_of_no_width_is_not_clear() {
    # Eight run days with no guilt after and eight days without with exactly one moment each:
    # every resample gives -1.0, an interval from -1.0 to -1.0 that says nothing of how sure.
    local days=()
    for _ in 1 2 3 4 5 6 7 8; do days+=("run 0" "1"); done
    printf '%s\n' "${days[@]}" | journal_of_days
    expect_exit 0 guilt --json insights --since 2026-11-10 --until 2026-11-25
    expect_eq 8 "$(factor_field run days_with)" "days with a run"
    expect_eq 8 "$(factor_field run days_without)" "days without"
    expect_eq '[-1,-1]' "$(factor_field run interval)" "the interval"
    expect_eq '"unclear"' "$(factor_field run verdict)" "the verdict on a zero-width interval"
}

t_days_before_her_first_run_are_not_days_without_one() {
    # Twelve days of two moments each before she ever ran; then fourteen days, a run every other
    # day, and the same guilt on run days as on the others (one or two moments).
    local days=() i
    for i in $(seq 12); do days+=("2"); done
    for i in 1 2 3 4 5 6 7; do days+=("run $((i % 2 + 1))" "$((i % 2 + 1))"); done
    printf '%s\n' "${days[@]}" | journal_of_days
    expect_exit 0 guilt --json insights --since 2026-10-31 --until 2026-11-25
    expect_eq 7 "$(factor_field run days_with)" "days with a run"
    expect_eq 7 "$(factor_field run days_without)" "days without, from her first run"
    expect_eq '"2026-11-12"' "$(factor_field run counted_from)" "counted from her first run"
    expect_eq 12 "$(factor_field run days_left_out)" "days before her first run"
    expect_eq '"unclear"' "$(factor_field run verdict)" "run days are like the others"
    expect_contains "$(factor_field run words)" "12 days before Nov 12, 2026, before the first one you logged, are left out."
    printf '%s' "$out" >"$TEST_DIR/insights.json"
    # The text and the page say it too.
    expect_exit 0 guilt insights --since 2026-10-31 --until 2026-11-25 --format md
    expect_contains "$out" "12 days before Nov 12, 2026, before the first one you logged, are left out."
    expect_exit 0 guilt insights --since 2026-10-31 --until 2026-11-25 --format html
    expect_contains "$out" "12 days before Nov 12, 2026, before the first one you logged, are left out."
    expect_contains "$out" "at least 7 days on each side"
    expect_valid_against "$SOURCE_DIR/data/insights.schema.json" "$TEST_DIR/insights.json"
}

t_nine_days_make_no_clear_claim() {
    # Nine days (the issue's ten "clear" rows came from nine).
    printf '%s\n' "run 0 #work" "3 #work" "run 0 #work" "3 #work" "run 0" "3 #work" "run 0" \
        "3 #work" "run 0" | journal_of_days
    expect_exit 0 guilt --json insights --since 2026-11-17 --until 2026-11-25
    expect_jq '[.factors[] | select(.verdict == "clear")] | length' 0
    expect_jq '[.factors[] | .days_with + .days_without] | max' 9
}

t_text_and_html_say_how_many_days_each_claim_rests_on() {
    local days=() i
    for i in $(seq 10); do days+=("run 0" "$((2 + i % 2))"); done
    printf '%s\n' "${days[@]}" | journal_of_days
    expect_exit 0 guilt --json insights --since 2026-11-06 --until 2026-11-25
    expect_eq '"clear"' "$(factor_field run verdict)" "ten days against ten, always lighter"
    expect_exit 0 guilt insights --since 2026-11-06 --until 2026-11-25
    expect_contains "$out" "0.0 (10 d)"
    expect_contains "$out" "2.5 (10 d)"
    local words
    words=$(tr '\n' ' ' <<<"$out" | tr -s ' ')
    expect_contains "$words" "On 10 days with a run you logged 0.0 moments a day after it, against 2.5 on 10 days without"
    # The factors still waiting say it of both sides too.
    expect_contains "$words" "Not enough days yet: run-with-moms (0 with, 20 without)"
    expect_exit 0 guilt insights --since 2026-11-06 --until 2026-11-25 --format html
    expect_contains "$out" "with (10 d)"
    expect_contains "$out" "without (10 d)"
}

t_factor_names_are_never_cut_so_two_rows_never_read_the_same() {
    # Two frequent triggers whose names share their first 36 characters, each on 8 of 16 days.
    local days=() i
    for i in $(seq 8); do
        days+=("1 #school-morning-meltdown-before-the-bus" "1 #school-morning-meltdown-before-the-car")
    done
    printf '%s\n' "${days[@]}" | journal_of_days
    expect_exit 0 guilt insights --since 2026-11-10 --until 2026-11-25
    expect_contains "$out" "-the-bus as a trigger"
    expect_contains "$out" "-the-car as a trigger"
    expect_not_contains "$(grep -e school-morning -e 'as a trigger' <<<"$out")" "…"
    local line
    while IFS= read -r line; do
        [[ ${#line} -le 80 ]] || fail "a line of ${#line} columns: [$line]"
    done <<<"$out"
    LC_ALL=C expect_exit 0 guilt insights --since 2026-11-10 --until 2026-11-25
    expect_contains "$out" "-the-bus as a trigger"
    expect_contains "$out" "-the-car as a trigger"
}

run_tests
