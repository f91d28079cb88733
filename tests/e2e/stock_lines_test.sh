# SPDX-License-Identifier: MIT
# Stock lines take tonight's topic or stay silent (issue 20, item 4). The observations that do not
# come from tonight's words, example's "the kids took part in none of your runs" and better-mom's
# "guilt is lighter on run days", speak only when tonight's guilt is about something they answer,
# and say what: not to guilt about work, and `reflect --explain` says why they stayed silent.
source "$(dirname "$0")/lib.sh"

# Five solo runs in three weeks: running is regular, and the kids were part of none.
seed_regular_runs() {
    local d
    for d in 05 09 13 17 21; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
}

# Guilt at 2 on four run days and at 7 on four other days: run days are lighter by five points.
seed_lighter_run_days() {
    local d
    for d in 10 12 14 16; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" --with moms 2>/dev/null &&
            guilt log "Small wobble about the laundry pile" -i 2 -w "2026-11-$d 19:00" 2>/dev/null ||
            fail "cannot seed a run day"
    done
    for d in 11 13 15 17; do
        guilt log "Felt heavy and cross all day" -i 7 -w "2026-11-$d 19:00" 2>/dev/null ||
            fail "cannot seed another day"
    done
}

# Tonight's prompts, as JSON with --explain, and as she reads them.
reflect_tonight() {
    expect_exit 0 guilt reflect --no-input --all
    text=$out
    expect_exit 0 guilt reflect --json --no-input --all --explain
}

t_regular_runs_and_guilt_about_work_get_no_kids_took_part_line() {
    seed_regular_runs
    guilt log "Stayed late at the office to finish the quarterly report" -i 5 \
        -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    reflect_tonight
    expect_not_contains "$text" "took part in none" "tonight's prompts"
    expect_jq '[.prompts[].strategy] | index("example")' 'null'
    expect_jq '.silent[] | select(.strategy == "example") | .why' \
        '"tonight'"'"'s guilt is about work, which this line does not answer"'
}

t_the_same_runs_and_guilt_about_missed_family_time_get_it_named() {
    seed_regular_runs
    guilt log "Missed family dinner again" -i 5 -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    reflect_tonight
    expect_contains "$text" "took part in none" "tonight's prompts"
    expect_jq '.prompts[] | select(.strategy == "example") | .message | startswith("Tonight'"'"'s guilt was about family time.")' 'true'
    # The moment it answers is among what it stands on.
    expect_jq '[.prompts[] | select(.strategy == "example") | .evidence[] | select(.type == "guilt") | .id] | length' '1'
}

t_lighter_run_days_do_not_answer_guilt_about_work() {
    seed_lighter_run_days
    guilt log "Stayed late at the office to finish the quarterly report" -i 5 \
        -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    reflect_tonight
    expect_not_contains "$text" "on run days" "tonight's prompts"
    expect_jq '[.prompts[].strategy] | index("better-mom")' 'null'
    expect_jq '.silent[] | select(.strategy == "better-mom") | .why' \
        '"tonight'"'"'s guilt is about work, which this line does not answer"'
}

t_lighter_run_days_answer_guilt_about_being_present_and_name_it() {
    seed_lighter_run_days
    guilt log "Too distracted to listen to Sam at dinner" -i 5 -w "2026-11-26 19:00" 2>/dev/null ||
        fail "cannot log"
    reflect_tonight
    expect_jq '.prompts[] | select(.strategy == "better-mom") | .message | startswith("Tonight'"'"'s guilt was about attention and presence")' 'true'
    expect_jq '.prompts[] | select(.strategy == "better-mom") | .message | test("averaged 2.0 on run days")' 'true'
}

run_tests
