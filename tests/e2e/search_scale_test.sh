# SPDX-License-Identifier: MIT
# `guilt list --contains WORD -n N` of a common word (about one entry in 15): the newest N are
# chosen before any is read whole, and they are the ones sorting every match gives.
source "$(dirname "$0")/lib.sh"
SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

t_the_newest_matches_of_a_common_word_are_those_sorting_every_match_gives() {
    # 5,000 entries show the shape (about 330 matches); `make bench` searches 200k.
    "$PYTHON" "$SOURCE_DIR/bench/generate.py" 5000 >large.json || fail "cannot generate"
    guilt --db large.db import large.json 2>/dev/null || fail "cannot import"
    # The same answer as sorting every match: the newest 20, in order.
    local all
    all=$(guilt --db large.db --json list --contains dinner 2>/dev/null | jq -c '[.[].id]')
    expect_exit 0 guilt --db large.db --json list --contains dinner -n 20
    expect_eq "$(jq -c '.[:20]' <<<"$all")" "$(ids | jq -Rc 'split(" ") | map(tonumber)')" \
        "the newest 20"
    expect_jq 'length' '20'
    expect_exit 0 guilt --db large.db --json list --contains dinner --since 1900-01-01 -n 3
    expect_jq 'length' '3'
    expect_exit 0 guilt --db large.db --json list --contains "dinner again" -n 5 --type guilt
    expect_jq 'map(.type) | unique' '["guilt"]'
    expect_jq 'map(.text | test("dinner"; "i")) | all' 'true'
}

run_tests
