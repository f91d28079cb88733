# SPDX-License-Identifier: MIT
# Long kid names in the week (issue 19): 32 kids of 10,000 characters made `guilt week` take
# 17 s, each name compared with every tally. The time is a bench row (bench/run.sh, "week, 32
# kid names of 10,000 characters"); here, that the week still counts each of them right.
source "$(dirname "$0")/lib.sh"

# 32 names of 10,000 characters that differ only at their end, in $LONG_NAMES, and the -k
# options naming them all in $KID_OPTIONS.
long_names() {
    local i filler
    filler=$(printf 'a%.0s' $(seq 1 9997))
    LONG_NAMES=() KID_OPTIONS=()
    for i in $(seq -w 1 32); do
        LONG_NAMES+=("${filler}K$i")
        KID_OPTIONS+=(-k "${filler}K$i")
    done
}

t_week_counts_32_kids_of_10000_characters() {
    long_names
    for day in 23 24 25; do
        guilt log "Rushed the morning" "${KID_OPTIONS[@]}" -w "2026-11-$day 08:00" 2>/dev/null &&
            guilt engage 20m "${KID_OPTIONS[@]}" -w "2026-11-$day 17:00" 2>/dev/null ||
            fail "cannot seed"
    done
    # The same kids, spelled in upper case in one more moment: still the same 32 kids.
    local upper=() name
    for name in "${LONG_NAMES[@]}"; do upper+=(-k "${name^^}"); done
    guilt log "Again" "${upper[@]}" -w "2026-11-26 08:00" 2>/dev/null || fail "cannot seed"
    expect_exit 0 guilt --json week
    expect_jq '.guilt.count' '4'
    expect_jq '[.guilt.kids[] | .count] | unique' '[4]'
    expect_jq '.guilt.kids | length' '5'
    expect_eq "${LONG_NAMES[0]}" "$(jq -r '.guilt.kids[0].name' <<<"$out")" "the first kid named"
    expect_jq '.engaged.kids | length' '32'
    expect_jq '[.engaged.kids[] | .minutes] | unique' '[60]'
    expect_eq "$(printf '%s\n' "${LONG_NAMES[@]}")" "$(jq -r '.engaged.kids[].name' <<<"$out")" \
        "the engaged kids, in her spelling"
    expect_exit 0 guilt week
    expect_contains "$out" "Rushed the morning"
}

run_tests
