# SPDX-License-Identifier: MIT
# Kids whose names look alike (issue 19): a Latin "Anna" and a Cyrillic "Аnna" are two kids
# shown alike. A new kid whose name looks like a kid's already named gets a hint saying so, with
# the letter that differs and how to merge them; `guilt kids` marks such names.
source "$(dirname "$0")/lib.sh"

CYRILLIC_ANNA=$'\u0410nna'  # a Cyrillic capital A, then Latin letters

t_a_new_kid_that_looks_like_another_gets_a_hint_with_k() {
    expect_exit 0 guilt log "Missed the recital" -k Anna
    expect_not_contains "$err" "looks like" "the first kid"
    expect_exit 0 guilt log "Late again" -k ANNA
    expect_not_contains "$err" "looks like" "the same kid"
    expect_exit 0 guilt log "Late again" -k Anne
    expect_not_contains "$err" "looks like" "another name"
    expect_exit 0 guilt log "Forgot the form" -k "$CYRILLIC_ANNA"
    expect_contains "$err" "Saved guilt moment #4"
    expect_contains "$err" "$CYRILLIC_ANNA (with a Cyrillic А) is a new kid who looks like Anna"
    expect_contains "$err" "guilt kids merge '$CYRILLIC_ANNA' 'Anna'"
    # The hint does not change what was saved: two kids, as she wrote them.
    expect_exit 0 guilt --json kids
    expect_jq '[.[].name] | sort' "[\"Anna\",\"Anne\",\"$CYRILLIC_ANNA\"]"
}

t_a_new_kid_that_looks_like_another_gets_a_hint_with_at() {
    guilt log "Read with @$CYRILLIC_ANNA" 2>/dev/null || fail "cannot seed"
    expect_exit 0 guilt win "Anna laughed all evening @Anna"
    expect_contains "$err" "Anna is a new kid who looks like $CYRILLIC_ANNA (with a Cyrillic А)"
}

t_kids_marks_names_that_look_alike() {
    guilt log "one" -k Anna 2>/dev/null && guilt log "two" -k "$CYRILLIC_ANNA" 2>/dev/null &&
        guilt log "three" -k Theo 2>/dev/null || fail "cannot seed"
    expect_exit 0 guilt kids
    local anna cyrillic theo
    anna=$(grep '^Anna ' <<<"$out")
    cyrillic=$(grep "^$CYRILLIC_ANNA " <<<"$out")
    theo=$(grep '^Theo ' <<<"$out")
    expect_contains "$anna" "looks like $CYRILLIC_ANNA (with a Cyrillic А)" "the line of Anna"
    expect_contains "$cyrillic" "looks like Anna" "the line of $CYRILLIC_ANNA"
    expect_not_contains "$theo" "looks like" "the line of Theo"
    expect_contains "$err" "guilt kids merge"
}

run_tests
