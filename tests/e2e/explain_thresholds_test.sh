# SPDX-License-Identifier: MIT
# reflect --explain names the threshold a silent strategy is below (issue 20, item 9: "why each
# stayed silent: rested, no new evidence, below threshold"), with her own count beside it, and
# what else held it back (the kids already ran with her, a baby in the house).
source "$(dirname "$0")/lib.sh"

# Why STRATEGY stayed silent tonight, from the last reflect --json --explain.
why() { jq -r --arg s "$1" '.silent[] | select(.strategy == $s) | .why' <<<"$out"; }

t_explain_names_the_thresholds_of_example_better_mom_and_motto() {
    local d
    for d in 17 20 23; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    guilt log "Missed family dinner again" -i 5 -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all --explain
    expect_eq "below threshold: 3 runs in the last 10 days, of the 4 that make running regular" \
        "$(why example)" "why example stayed silent"
    expect_eq "below threshold: guilt logged on 0 run days and 1 other day, of the 3 on each side it needs to compare" \
        "$(why better-mom)" "why better-mom stayed silent"
    expect_eq "below threshold: no harsh words tonight, and its heaviest moment is at 5, under the 7 that calls for a motto" \
        "$(why motto)" "why motto stayed silent"
}

t_explain_says_the_kids_already_ran_with_her() {
    local d
    guilt run 2k 15:00 --with kids -w "2026-11-10 17:30" 2>/dev/null || fail "cannot log a run"
    for d in 14 17 20 23; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    guilt log "Missed family dinner again" -i 5 -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all --explain
    expect_eq "the kids took part in a run (#1)" "$(why example)" "why example stayed silent"
}

t_explain_says_a_baby_keeps_the_kids_out_of_runs() {
    local d
    guilt log "Up all night with the newborn" -i 4 -w "2026-11-12 03:00" 2>/dev/null || fail "cannot log"
    for d in 14 17 20 23; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    guilt log "Missed family dinner again" -i 5 -w "2026-11-26 19:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all --explain
    expect_eq "her journal tells of a baby, too young to take part in a run" "$(why example)" \
        "why example stayed silent"
}

run_tests
