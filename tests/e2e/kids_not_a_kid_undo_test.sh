# SPDX-License-Identifier: MIT
# Issue 19: `guilt kids not-a-kid NAME` says how to undo it, and what it says gives back every
# link it removed (entries that named the kid with -k, not only with @Name in their words).
source "$(dirname "$0")/lib.sh"

t_the_undo_hint_of_not_a_kid_gives_back_every_link() {
    guilt log "Daniel forgot the tickets" -k Daniel 2>/dev/null &&
        guilt engage 30m -k Daniel -k Sam 2>/dev/null &&
        guilt log "Argued with @Daniel" 2>/dev/null || fail "cannot seed"
    local before
    before=$(guilt --json list 2>/dev/null)
    expect_exit 0 guilt kids not-a-kid Daniel
    expect_contains "$err" "3 entries"
    [[ $err =~ Undo:\ ([^$'\n']*) ]] || fail "no undo hint"
    local hint=${BASH_REMATCH[1]}
    [[ $hint =~ (guilt [a-z -]+) ]] || fail "no command in the hint [$hint]"
    local cmd=${BASH_REMATCH[1]% }
    cmd=${cmd% now*}
    # Run exactly the command the hint names.
    read -ra words <<<"$cmd"
    [[ ${words[0]} == guilt ]] || fail "the hint does not start with guilt: [$cmd]"
    if [[ ${words[*]} == "guilt kids is-a-kid"* ]]; then words+=(Daniel); fi
    expect_exit 0 "${words[@]}"
    expect_exit 0 guilt --json list
    expect_eq "$before" "$out" "the entries after following the undo hint"
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | select(.name == "Daniel") | .entries]' '[3]'
}

run_tests
