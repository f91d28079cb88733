# SPDX-License-Identifier: MIT
# reflect --explain (issue 20, item 9): besides the prompts that fired, every strategy that stayed
# silent, with why: nothing in the window calls for it, no new evidence since it was shown, or
# rested after her "no"s. Each of the ten strategies is accounted for exactly once.
source "$(dirname "$0")/lib.sh"

# The ten strategies of the night, fired or silent, sorted, on one line.
accounted() { jq -r '[.prompts[].strategy, .silent[].strategy] | sort | join(" ")' <<<"$out"; }
ALL_TEN="bank better-mom community example expectations facts listen motto priorities schedule"

t_explain_says_why_each_silent_strategy_stayed_silent() {
    guilt run 5k 30:00 -w "2026-11-23 06:30" 2>/dev/null &&
        guilt run 5k 30:00 -w "2026-11-24 06:30" 2>/dev/null &&
        guilt log "Late for pickup again" -i 5 -w "2026-11-25 15:00" 2>/dev/null ||
        fail "cannot seed the journal"
    # Wednesday: every prompt was shown to her, community's "all your runs alone" among them.
    GUILT_NOW=2026-11-25T21:00 expect_exit 0 guilt reflect --json --no-input --all
    expect_jq '[.prompts[].strategy] | index("community") != null' 'true'
    GUILT_NOW=2026-11-25T21:00 guilt reflect --no-input --all >/dev/null 2>&1 || fail "cannot reflect"
    # Thursday brings a new moment, but no new run.
    guilt log "Forgot the library books" -i 4 -w "2026-11-26 08:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --explain
    expect_one_json_document
    expect_eq "$ALL_TEN" "$(accounted)" "the strategies accounted for"
    expect_jq '.silent[] | select(.strategy == "community") | .why' '"no new evidence of its own kind since it was shown for 2026-11-25"'
    # One moment tonight and no list in sight: nothing calls for expectations.
    expect_jq '.silent[] | select(.strategy == "expectations") | .why | startswith("nothing in the last")' 'true'
    # Without --explain, the JSON is as before.
    expect_exit 0 guilt reflect --json --no-input
    expect_jq 'has("silent")' 'false'
    # The text view lists them too.
    expect_exit 0 guilt reflect --no-input --explain --all
    expect_contains "$out" "Silent tonight:"
    expect_contains "$out" "community: no new evidence of its own kind"
}

t_explain_names_a_strategy_rested_after_three_nos() {
    cat >facts.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c01", "type": "reflection", "at": "2026-11-22T21:30:00-05:00",
   "date": "2026-11-22", "strategy": "facts", "prompt": "p", "answer": "a", "tags": [], "kids": []},
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c02", "type": "reflection", "at": "2026-11-23T21:30:00-05:00",
   "date": "2026-11-23", "strategy": "facts", "prompt": "p", "answer": "b", "tags": [], "kids": []},
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c03", "type": "reflection", "at": "2026-11-24T21:30:00-05:00",
   "date": "2026-11-24", "strategy": "facts", "prompt": "p", "answer": "c", "tags": [], "kids": []}],
 "priorities": [], "mottos": [],
 "followups": [
  {"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c01", "answer": "no", "night": "2026-11-23", "at": "2026-11-23T21:00:00-05:00"},
  {"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c02", "answer": "no", "night": "2026-11-24", "at": "2026-11-24T21:00:00-05:00"},
  {"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c03", "answer": "no", "night": "2026-11-25", "at": "2026-11-25T21:00:00-05:00"}]}
JSON
    guilt import facts.json 2>/dev/null || fail "cannot import"
    guilt log "I always rush him in the morning @Sam" -i 4 -w "2026-11-26 08:00" 2>/dev/null ||
        fail "cannot log"
    guilt engage 20m -k Sam -w "2026-11-26 17:00" 2>/dev/null || fail "cannot engage"
    expect_exit 0 guilt reflect --json --no-input --explain
    expect_eq "$ALL_TEN" "$(accounted)" "the strategies accounted for"
    expect_jq '.silent[] | select(.strategy == "facts") | .why' '"rested: she answered \"no\" 3 times in a row, the last for 2026-11-24"'
}

run_tests
