# SPDX-License-Identifier: MIT
# The stock lines of `example` and `better-mom` take her family's context (issue 20, item 4): a
# 10-week-old's mother, a teenager's mother and an injured mother who each feel guilty about
# their own time do not read the same line, and the line for the baby months does not speak of a
# child watching her; an injury keeps "running makes you a better mom" silent, and a baby or an
# injury keeps "the kids were part of no run" silent.
source "$(dirname "$0")/lib.sh"

# The example prompt of tonight, with her quoted words taken out, in $line.
example_line() {
    expect_exit 0 guilt reflect --json --no-input --all
    line=$(jq -r '.prompts[] | select(.strategy == "example") | .message' <<<"$out" | sed -E 's/"[^"]*"//g')
    [[ -n $line ]] || fail "example did not answer her guilt about her own time"
}

# Four solo runs over three weeks, and tonight's guilt about a run of her own.
seed_runner() {
    local d
    for d in 06 12 18 23; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    guilt log "$1" -i 6 -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
}

# In a journal of its own (DB), her words that tell the context (or none), the runner's seed with
# tonight's moment TONIGHT, and tonight's example line in $line.
line_in() {
    export GUILT_DB=$TEST_DIR/$1.db
    if [[ -n $2 ]]; then
        guilt log "$2" -i 4 -w "2026-11-20 19:00" 2>/dev/null || fail "cannot log"
    fi
    seed_runner "$3"
    example_line
}

t_a_baby_a_teenager_and_no_context_read_three_different_lines() {
    local plain baby teen
    line_in plain "" "Went for a run while my partner had the kids and felt selfish the whole time"
    plain=$line
    line_in baby "Night feeds every two hours with the 10-week-old" \
        "Went for a run while my partner had the baby and felt selfish the whole time"
    baby=$line
    line_in teen "My teenager says he doesn't need me any more" \
        "Went for a run while my partner had the kids and felt selfish the whole time"
    teen=$line
    [[ $plain != "$baby" && $plain != "$teen" && $baby != "$teen" ]] ||
        fail "the same stock line for all three mothers: [$plain] [$baby] [$teen]"
    # A baby does not watch or learn from her yet.
    if grep -Eiq 'eyes of|watch you do|show|teach|learn' <<<"$baby"; then
        fail "the line for the baby months speaks of a child watching or learning: $baby"
    fi
    # Four runs without the kids: not a thing to ask of a baby's mother.
    expect_exit 0 guilt --db "$TEST_DIR/baby.db" reflect --json --no-input --all
    expect_jq '[.prompts[] | select(.strategy == "example") | .message | test("included|part of|side by side")] | any' 'false'
}

# Four runs in early November, a guilt moment about running tonight, and every prompt that fired
# in $out, their strategies in $strategies.
runs_then_missing_them() {
    local d
    for d in 02 06 10 14; do
        guilt run 5k 30:00 -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    guilt log "I miss running and I'm snappy with the kids, I feel guilty about running at all" \
        -i 6 -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    strategies=" $(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out") "
}

t_an_injury_keeps_the_running_lines_silent() {
    local strategies
    guilt log "Physio says no running for six weeks with this stress fracture" -i 5 \
        -w "2026-11-20 19:00" 2>/dev/null || fail "cannot log"
    runs_then_missing_them
    expect_not_contains "$strategies" " better-mom " "tonight's strategies (an injured mother)"
    expect_jq '[.prompts[] | select(.strategy == "example") | .message | test("included|part of|side by side")] | any' 'false'
    # The control: the same journal without the injury hears better-mom.
    export GUILT_DB=$TEST_DIR/well.db
    runs_then_missing_them
    expect_contains "$strategies" " better-mom " "tonight's strategies (no injury)"
}

run_tests
