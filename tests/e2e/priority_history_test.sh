# SPDX-License-Identifier: MIT
# cli.md "Capture" (priority) and "Reflection": the list of priorities keeps its history, so that
# reflecting on a past night judges it by the list it had, whatever changed since.
source "$(dirname "$0")/lib.sh"

# The prompts reflect shows for DAY, as compact JSON.
prompts_on() {
    expect_exit 0 guilt --json reflect --date "$1" --no-input
    jq -c '.prompts' <<<"$out"
}

t_a_past_night_is_judged_by_the_list_it_had_not_by_todays() {
    # Wednesday: a moment about work, and no priorities yet.
    GUILT_NOW=2026-11-25T19:00 guilt log "Answered work emails at dinner" -i 6 2>/dev/null ||
        fail "cannot log"
    local before
    before=$(prompts_on 2026-11-25)
    expect_contains "$before" '"strategy":"priorities"' "Wednesday's prompts with no list that day"
    # Thursday: she makes a list, Work last. Wednesday had none, so its prompts stay the same.
    GUILT_NOW=2026-11-26T08:00 guilt priority add Kids 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-26T08:01 guilt priority add Work 2>/dev/null || fail "cannot add"
    expect_eq "$before" "$(prompts_on 2026-11-25)" "Wednesday's prompts after the list changed"
    # Thursday itself is judged by Thursday's list.
    GUILT_NOW=2026-11-26T19:00 guilt log "More work emails at dinner" -i 6 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt --json reflect --date 2026-11-26 --no-input
    expect_jq '[.prompts[] | select(.strategy == "priorities") | .message | contains("Work")]' \
        '[true]'
}

t_a_priority_renamed_moved_or_removed_later_still_counts_for_the_nights_before() {
    # Work ranked last of three on Wednesday: a moment about work there prompts about it.
    GUILT_NOW=2026-11-20T08:00 guilt priority add Kids 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-20T08:00 guilt priority add Health 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-20T08:00 guilt priority add Work 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-25T19:00 guilt log "Answered work emails at dinner" -i 6 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt --json reflect --date 2026-11-25 --no-input
    expect_jq '[.prompts[] | select(.strategy == "priorities") | .message | contains("Work")]' \
        '[true]'
    local before
    before=$(jq -c '.prompts' <<<"$out")
    # Thursday: the list changes completely; Wednesday is still judged by Wednesday's list.
    GUILT_NOW=2026-11-26T08:00 guilt priority rename 1 Family 2>/dev/null || fail "cannot rename"
    GUILT_NOW=2026-11-26T08:00 guilt priority remove 2 2>/dev/null || fail "cannot remove"
    GUILT_NOW=2026-11-26T08:00 guilt priority move 3 1 2>/dev/null || fail "cannot move"
    expect_exit 0 guilt --json reflect --date 2026-11-25 --no-input
    expect_eq "$before" "$(jq -c '.prompts' <<<"$out")" "Wednesday's prompts after the changes"
}

run_tests
