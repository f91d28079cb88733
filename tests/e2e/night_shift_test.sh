#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End-to-end tests of her day (issue 20, item 7; cli.md "Reflection"): the day-boundary setting
# (default 4) ends her day in every view, so a night shift's moments after midnight count with the
# evening before: reflect, its bank, week, month and insights, and `config set day-boundary 0`
# gives calendar days back. Also across both changes of daylight saving time.
#   bash tests/e2e/night_shift_test.sh build/guilt
source "$(dirname "$0")/lib.sh"

# A night shift from Wednesday 2026-11-25 into Thursday: moments at 20:00 and 22:00, one at 01:30
# after midnight and a run home at 02:00; on Thursday itself two moments, at 09:00 and 15:00.
# Her Wednesday holds three moments and the run; her Thursday two moments. "Now" is Thursday
# 21:00 (lib.sh).
seed_night_shift() {
    guilt log "Handover ran late, missed the bath #work" -i 5 -w "2026-11-25 20:00" 2>/dev/null &&
        guilt log "Bed 4 kept me, no goodnight call #work" -i 6 -w "2026-11-25 22:00" 2>/dev/null &&
        guilt log "Too tired to text Sam back #work" -i 5 -w "2026-11-26 01:30" 2>/dev/null &&
        guilt run 5k 30:00 -w "2026-11-26 02:00" 2>/dev/null &&
        guilt log "Slept through breakfast" -i 4 -w "2026-11-26 09:00" 2>/dev/null &&
        guilt log "Snapped at pickup" -i 4 -w "2026-11-26 15:00" 2>/dev/null ||
        fail "cannot seed the journal"
}

# The week's day DATE, field FIELD (a jq path), from $out (week JSON).
week_day() { jq -c --arg d "$1" ".days[] | select(.date == \$d) | $2" <<<"$out"; }
# The month's day DATE, field FIELD, from $out (month JSON).
month_day() { jq -c --arg d "$1" ".days[] | select(.date == \$d) | .$2" <<<"$out"; }

t_reflect_after_the_shift_reviews_the_evening_with_its_moments_after_midnight() {
    seed_night_shift
    # At 02:30 after the shift, reflect reviews Wednesday, with the 01:30 moment and the run.
    GUILT_NOW=2026-11-26T02:30 expect_exit 0 guilt --json reflect --no-input --all
    expect_jq .date '"2026-11-25"'
    expect_jq '.prompts[] | select(.strategy == "expectations") | .why | test("^3 guilt moments today")' true
    expect_jq '[.prompts[].evidence[].id] | any(. == 3)' true
    expect_jq .balance.days_since_deposit 0
}

t_the_next_evening_does_not_count_the_night_shift_as_its_own() {
    seed_night_shift
    # Thursday evening: two moments of its own, not "3 guilt moments today".
    expect_exit 0 guilt --json reflect --no-input --all
    expect_jq .date '"2026-11-26"'
    expect_jq '[.prompts[] | select(.strategy == "expectations")] | length' 0
    expect_jq '[.prompts[].evidence[] | select(.id == 3 or .id == 4)] | length' 0
    expect_jq .balance.days_since_deposit 1
    # Wednesday, reviewed later, holds its three moments and the run.
    expect_exit 0 guilt --json reflect --no-input --all --date 2026-11-25
    expect_jq '.prompts[] | select(.strategy == "expectations") | .why | test("^3 guilt moments today")' true
    expect_jq .balance.days_since_deposit 0
}

t_week_and_month_put_the_shift_on_the_evening() {
    seed_night_shift
    expect_exit 0 guilt --json week
    expect_eq 3 "$(week_day 2026-11-25 .guilt.count)" "Wednesday's moments"
    expect_eq 1 "$(week_day 2026-11-25 .runs)" "Wednesday's runs"
    expect_eq 2 "$(week_day 2026-11-26 .guilt.count)" "Thursday's moments"
    expect_eq 0 "$(week_day 2026-11-26 .runs)" "Thursday's runs"
    expect_eq 0 "$(week_day 2026-11-25 .balance.days_since_deposit)" "Wednesday's bank"
    expect_exit 0 guilt week
    # The moments the week quotes name the day she lived them.
    expect_contains "$(grep -F 'Too tired to text Sam back' <<<"$out")" "Wed [5]"
    expect_exit 0 guilt --json month
    expect_eq 3 "$(month_day 2026-11-25 moments)" "Wednesday's cell"
    expect_eq 1 "$(month_day 2026-11-25 runs)" "Wednesday's run"
    expect_eq 2 "$(month_day 2026-11-26 moments)" "Thursday's cell"
    expect_eq 0 "$(month_day 2026-11-26 runs)" "Thursday's run"
}

t_insights_count_the_run_home_on_the_day_of_the_shift() {
    seed_night_shift
    expect_exit 0 guilt --json insights --since 2026-11-20 --until 2026-11-25
    expect_jq .journal_days 1
    expect_jq '.factors[] | select(.factor == "run") | .days_with' 1
    expect_exit 0 guilt --json insights --since 2026-11-26 --until 2026-11-26
    expect_jq '.factors[] | select(.factor == "run") | .days_with' 0
}

t_the_markdown_export_files_the_shift_under_the_evening() {
    seed_night_shift
    expect_exit 0 guilt export --format md -o -
    # Wednesday's heading holds the 01:30 moment and the 02:00 run; Thursday's starts at 09:00.
    local wednesday thursday
    wednesday=$(sed -n '/^## Wednesday, November 25, 2026/,/^## /p' <<<"$out")
    thursday=$(sed -n '/^## Thursday, November 26, 2026/,$p' <<<"$out")
    expect_contains "$wednesday" "Too tired to text Sam back"
    expect_contains "$wednesday" "**02:00**"
    expect_not_contains "$thursday" "Too tired to text Sam back"
    expect_contains "$thursday" "Slept through breakfast"
}

t_a_week_ends_at_the_boundary_of_its_last_day() {
    # Sunday night into Monday 01:00: Sunday's, so the week before.
    guilt log "Missed the whole weekend" -i 6 -w "2026-11-23 01:00" 2>/dev/null ||
        fail "cannot seed the journal"
    expect_exit 0 guilt --json week 2026-W47
    expect_eq 1 "$(week_day 2026-11-22 .guilt.count)" "Sunday's moments"
    expect_exit 0 guilt --json week 2026-W48
    expect_jq .guilt.count 0
}

t_day_boundary_0_gives_calendar_days_back() {
    seed_night_shift
    expect_exit 0 guilt config set day-boundary 0
    expect_exit 0 guilt --json week
    expect_eq 2 "$(week_day 2026-11-25 .guilt.count)" "Wednesday's moments"
    expect_eq 3 "$(week_day 2026-11-26 .guilt.count)" "Thursday's moments"
    expect_eq 1 "$(week_day 2026-11-26 .runs)" "Thursday's runs"
    expect_exit 0 guilt --json month
    expect_eq 2 "$(month_day 2026-11-25 moments)" "Wednesday's cell"
    expect_eq 3 "$(month_day 2026-11-26 moments)" "Thursday's cell"
    expect_exit 0 guilt --json reflect --no-input --all
    expect_jq '.prompts[] | select(.strategy == "expectations") | .why | test("^3 guilt moments today")' true
    # And a later boundary moves the 01:30 moment and the 02:00 run, not the 09:00 one.
    expect_exit 0 guilt config set day-boundary 10
    expect_exit 0 guilt --json week
    expect_eq 4 "$(week_day 2026-11-25 .guilt.count)" "Wednesday's moments, to 10:00"
}

t_her_day_holds_across_both_changes_of_daylight_saving() {
    # New York: the clocks go back on Sunday 2026-11-01 at 02:00 (01:30 happens twice) and
    # forward on Sunday 2026-03-08 at 02:00 (02:30 never happens).
    guilt log "Night feed, again" -i 5 -w "2026-11-01 01:30" 2>/dev/null &&
        guilt log "Up with the baby" -i 5 -w "2026-11-01 03:30" 2>/dev/null &&
        guilt log "Sunday morning, already behind" -i 5 -w "2026-11-01 04:30" 2>/dev/null &&
        guilt log "Spring night feed" -i 5 -w "2026-03-08 01:30" 2>/dev/null &&
        guilt log "Clocks changed, no sleep" -i 5 -w "2026-03-08 03:30" 2>/dev/null &&
        guilt log "Sunday at last" -i 5 -w "2026-03-08 04:30" 2>/dev/null ||
        fail "cannot seed the journal"
    expect_exit 0 guilt --json month 2026-10
    expect_eq 2 "$(month_day 2026-10-31 moments)" "Saturday Oct 31"
    expect_exit 0 guilt --json month 2026-11
    expect_eq 1 "$(month_day 2026-11-01 moments)" "Sunday Nov 1"
    expect_exit 0 guilt --json month 2026-03
    expect_eq 2 "$(month_day 2026-03-07 moments)" "Saturday Mar 7"
    expect_eq 1 "$(month_day 2026-03-08 moments)" "Sunday Mar 8"
    expect_exit 0 guilt --json week 2026-10-31
    expect_eq 2 "$(week_day 2026-10-31 .guilt.count)" "Saturday Oct 31 in the week"
    expect_eq 1 "$(week_day 2026-11-01 .guilt.count)" "Sunday Nov 1 in the week"
    GUILT_NOW=2026-11-01T03:45 expect_exit 0 guilt --json reflect --no-input --all
    expect_jq .date '"2026-10-31"'
    expect_jq '[.prompts[].evidence[].id] | any(. == 1) and any(. == 2)' true
}

run_tests
