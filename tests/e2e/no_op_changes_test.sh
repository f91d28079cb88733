# SPDX-License-Identifier: MIT
# Issue 19: a change to what is there already (config set to its value, priority move to its
# rank, rename to its title, edit with the stored values) changes nothing, says so, exits 0, and
# takes no undo step: guilt undo after it undoes the change before.
source "$(dirname "$0")/lib.sh"

t_config_set_to_its_value_says_so_and_undo_reverts_the_change_before() {
    guilt log "Missed pickup" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt config set unit mi
    local before
    before=$(dump)
    expect_exit 0 guilt config set unit mi
    expect_contains "$err" "nothing to change"
    expect_eq "$before" "$(dump)" "the journal after setting unit to what it is"
    expect_exit 0 guilt undo
    expect_contains "$err" "settings"
    expect_exit 0 guilt config get unit
    expect_eq "km" "$out" "unit after undo"
    expect_exit 0 guilt undo
    expect_contains "$err" "guilt moment #1"
}

t_priority_move_to_its_rank_and_rename_to_its_title_say_so_and_take_no_undo_step() {
    guilt priority add Kids 2>/dev/null && guilt priority add Sleep 2>/dev/null ||
        fail "cannot add priorities"
    expect_exit 0 guilt priority move 2 1
    local before
    before=$(dump)
    expect_exit 0 guilt priority move 2 1
    expect_contains "$err" "Nothing to change"
    expect_exit 0 guilt priority rename 1 Kids
    expect_contains "$err" "Nothing to change"
    expect_exit 0 guilt --json priority move 2 1
    expect_jq '.rank' '1'
    expect_eq "$before" "$(dump)" "the journal after the changes that change nothing"
    # Undo reverts the real move: Kids first again.
    expect_exit 0 guilt undo
    expect_exit 0 guilt --json priority list
    expect_jq '[.[].title]' '["Kids","Sleep"]'
}

t_edit_with_the_stored_values_says_so_and_undo_reverts_the_change_before() {
    guilt log "Missed pickup #school @Sam" -i 6 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt edit 1 -i 4
    local before
    before=$(dump)
    expect_exit 0 guilt edit 1 -i 4
    expect_contains "$err" "Nothing to change"
    expect_exit 0 guilt edit 1 --text "Missed pickup #school @Sam" -k sam -t school
    expect_contains "$err" "Nothing to change"
    expect_eq "$before" "$(dump)" "the journal after edits that change nothing"
    expect_exit 0 guilt undo
    expect_contains "$err" "as it was"
    expect_exit 0 guilt --json show 1
    expect_jq '.intensity' '6'
}

run_tests
