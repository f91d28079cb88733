# SPDX-License-Identifier: MIT
# Ranking that answers her (issue 20, item 4): a prompt that answers what she wrote tonight comes
# before every generic opener (motto, listen); the motto speaks for words of its own kind, not for
# a heavy moment alone once she has one; and priorities reads which way the guilt points: a lower
# rank that got more of her is not "fine to get less of you".
source "$(dirname "$0")/lib.sh"

# The strategies of tonight's prompts, in order, on one line.
order() { jq -r '[.prompts[].strategy] | join(" ")' <<<"$out"; }

# Three afternoons of screens, the last one heavy with a label, some engaged time today.
seed_screens() {
    guilt motto "Good enough is enough" 2>/dev/null &&
        guilt log "Screens all afternoon so I could work #screens" -i 5 -w "2026-11-23 17:00" 2>/dev/null &&
        guilt log "Another afternoon of screens #screens" -i 5 -w "2026-11-25 17:00" 2>/dev/null &&
        guilt log "Gave them the iPad for three hours again, I'm a lazy mother #screens" -i 9 \
            -w "2026-11-26 17:00" 2>/dev/null &&
        guilt engage 20m -k Sam -w "2026-11-26 18:00" 2>/dev/null || fail "cannot seed the journal"
}

t_the_prompt_that_answers_her_comes_before_motto_and_listen() {
    seed_screens
    expect_exit 0 guilt reflect --json --no-input
    local strategies
    strategies=" $(order) "
    # Both openers fire (a label tonight, a trigger that came back three times)...
    expect_contains "$strategies" " motto " "tonight's strategies"
    expect_contains "$strategies" " listen " "tonight's strategies"
    # ...after every prompt that answers her words: facts cites her 20 minutes with Sam.
    expect_jq '.prompts[0].strategy' '"facts"'
    expect_jq '([.prompts[] | select(.strategy == "motto" or .strategy == "listen") | .score] | max) < ([.prompts[] | select(.strategy == "facts" or .strategy == "priorities") | .score] | min)' 'true'
    # The text view shows the direct answers first too.
    expect_exit 0 guilt reflect --no-input
    [[ $(grep -n '^1\. ' <<<"$out") == *"Look at the facts"* ]] || fail "facts is not the first prompt she reads"
}

t_a_heavy_moment_alone_does_not_call_the_motto_she_has() {
    guilt motto "Good enough is enough" 2>/dev/null || fail "cannot set the motto"
    guilt log "Worked late and missed the school concert" -i 9 -w "2026-11-26 19:00" 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_not_contains " $(order) " " motto " "tonight's strategies (intensity 9, no harsh words)"
    # Her harsh words about herself do call it.
    guilt log "I'm a terrible mother" -i 6 -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_contains " $(order) " " motto " "tonight's strategies (a label)"
}

# Her list: Kids first, Health second, and THIRD last.
add_priorities() {
    guilt priority add Kids --rank 1 2>/dev/null &&
        guilt priority add Health --rank 2 2>/dev/null &&
        guilt priority add "$1" --rank 3 2>/dev/null || fail "cannot add the priorities"
}

t_priorities_sees_that_a_lower_rank_got_more_of_her() {
    add_priorities Work
    guilt log "Worked late again and missed bedtime with @Sam #work" -i 7 -w "2026-11-26 20:00" \
        2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    local message
    message=$(jq -r '.prompts[] | select(.strategy == "priorities") | .message' <<<"$out")
    [[ -n $message ]] || fail "priorities did not answer her: work, ranked 3 of 3, took Sam's evening"
    # Not the line for guilt about a low rank: here the low rank got more of her, not less.
    expect_not_contains "$message" "lower ranks to get less of you" "the priorities prompt"
    expect_not_contains "$message" "letting this one wait" "the priorities prompt"
    expect_contains "$message" "Kids" "the priorities prompt"
    expect_contains "$message" "Work" "the priorities prompt"
    expect_jq '.prompts[] | select(.strategy == "priorities") | .why | contains("took the time")' 'true'
}

t_priorities_still_lets_a_low_rank_wait() {
    add_priorities House
    guilt log "The house is a mess and the laundry piled up #house" -i 5 -w "2026-11-26 20:00" \
        2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_jq '.prompts[] | select(.strategy == "priorities") | .why | contains("ranked 3 of 3")' 'true'
}

t_listen_hears_a_kid_she_keeps_naming() {
    # Three moments about Maya on three days, each about something else.
    guilt log "@Maya cried at drop-off" -i 5 -w "2026-11-22 08:30" 2>/dev/null &&
        guilt log "Snapped at @Maya over her shoes" -i 5 -w "2026-11-24 07:45" 2>/dev/null &&
        guilt log "Forgot @Maya's recital money" -i 6 -w "2026-11-26 19:00" 2>/dev/null ||
        fail "cannot seed the journal"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_jq '[.prompts[] | select(.strategy == "listen") | .message | test("about Maya has come up 3 times|guilt about Maya|Maya, 3 times")] | any' 'true'
    expect_jq '.prompts[] | select(.strategy == "listen") | .why | startswith("guilt about Maya 3 times")' 'true'
}

run_tests
