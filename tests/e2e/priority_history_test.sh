# SPDX-License-Identifier: MIT
# cli.md "Capture" (priority) and "Reflection": the list of priorities keeps its history, so that
# reflecting on a past night judges it by the list it had, whatever changed since.
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}

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

t_the_export_carries_the_history_and_import_restores_the_nights_judgement() {
    GUILT_NOW=2026-11-20T08:00 guilt priority add Kids 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-20T08:00 guilt priority add Health 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-20T08:00 guilt priority add Work 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-25T19:00 guilt log "Answered work emails at dinner" -i 6 2>/dev/null ||
        fail "cannot log"
    local before
    before=$(prompts_on 2026-11-25)
    expect_contains "$before" "Work" "Wednesday's prompts"
    # Thursday: Work is removed, Kids renamed; then the journal is exported and restored.
    GUILT_NOW=2026-11-26T08:00 guilt priority remove 3 2>/dev/null || fail "cannot remove"
    GUILT_NOW=2026-11-26T08:00 guilt priority rename 1 Family 2>/dev/null || fail "cannot rename"
    expect_exit 0 guilt export -o backup.json
    expect_valid_against "$SOURCE_DIR/data/export.schema.json" backup.json
    expect_eq '[["Kids","2026-11-20T08:00:00-05:00","2026-11-26T08:00:00-05:00"],["Work","2026-11-20T08:00:00-05:00","2026-11-26T08:00:00-05:00"],["Health","2026-11-20T08:00:00-05:00",null],["Family","2026-11-26T08:00:00-05:00",null]]' \
        "$(jq -c '[.priority_history[] | [.title, .from, .to]]' backup.json)" "the history in the export"
    export GUILT_DB=$TEST_DIR/restored/journal.db
    expect_exit 0 guilt --json import backup.json
    expect_jq '[.added.priorities, .added.priority_history]' '[2,4]'
    # The restored journal judges Wednesday by Wednesday's list, Work included.
    expect_eq "$before" "$(prompts_on 2026-11-25)" "Wednesday's prompts in the restored journal"
    # The round trip is exact, and importing twice adds nothing.
    expect_exit 0 guilt export -o again.json
    expect_eq "$(jq -S 'del(.exported_at)' backup.json)" "$(jq -S 'del(.exported_at)' again.json)" \
        "the export of the restored journal"
    expect_exit 0 guilt --json import backup.json
    expect_jq '[.added.priorities, .added.priority_history, .already_there.priority_history]' '[0,0,4]'
    # A version that ends before it starts is refused by its path.
    jq '.priority_history[0].to = "2026-11-19T08:00:00-05:00"' backup.json >bad.json
    refused 2 "/priority_history/0/to" "before" -- guilt import bad.json
}

run_tests
