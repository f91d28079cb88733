# SPDX-License-Identifier: MIT
# cli.md "Reading and changing": edit (with the capture options, and in the editor) and delete,
# checked through list --json and show --json.
source "$(dirname "$0")/lib.sh"

# ---- edit --------------------------------------------------------------------------------------

t_edit_changes_a_guilt_moment_with_its_options() {
    seed_week
    expect_exit 0 guilt edit 5 -i 8 -w "2026-11-25 19:30"
    expect_eq "" "$out" "stdout of edit"
    expect_exit 0 guilt --json show 5
    expect_jq '[.intensity, .at, .text, .tags, .kids]' \
        '[8,"2026-11-25T19:30:00-05:00","Worked through dinner #work @theo",["work"],["Theo"]]'
    # Tags and kids given by flag replace the old ones; those in the text stay.
    expect_exit 0 guilt --json edit 5 -t family -t Evening -k Sam
    expect_jq '[.tags, .kids]' '[["work","family","evening"],["Theo","Sam"]]'
    expect_exit 0 guilt --json edit 5 --text "Late dinner again #dinner"
    expect_jq '.text' '"Late dinner again #dinner"'
    expect_jq '.intensity' '8'
    list_json --contains worked
    expect_eq "" "$(ids)" "ids holding the old words"
    list_json --contains "late dinner"
    expect_eq "5" "$(ids)" "ids holding the new words"
    # Nothing else changed.
    list_json
    expect_eq "6 5 4 3 2 1 7" "$(ids)" "ids"
}

t_edit_drops_the_tags_and_kids_of_words_it_replaces() {
    guilt log "Missed #school pickup @Sam" -t work -k Theo 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json edit 1 --text "Late for #bedtime with @Eleanor"
    expect_jq '.tags' '["work","bedtime"]'
    expect_jq '.kids' '["Theo","Eleanor"]'
    list_json --tag school
    expect_eq "" "$(ids)" "ids tagged school"
    list_json --kid Sam
    expect_eq "" "$(ids)" "ids naming Sam"
}

t_edit_changes_a_run_engagement_and_deposit_with_their_options() {
    seed_week
    expect_exit 0 guilt --json edit 2 --distance 3mi --duration 30:00 --with kids --with partner \
        --felt 7 --type long --note "hills"
    expect_jq '[(.distance_m | round), .duration_s, .with, .felt, .kind, .note]' \
        '[4828,1800,["kids","partner"],7,"long","hills"]'
    expect_exit 0 guilt show 2
    expect_contains "$out" "10:00 /mi" "pace after editing the run in miles"

    expect_exit 0 guilt --json edit 3 --duration 1h --child-led --note park -k Sam
    expect_jq '[.minutes, .child_led, .note, .kids]' '[60,true,"park",["Sam"]]'
    expect_exit 0 guilt --json edit 3 --no-child-led
    expect_jq '.child_led' 'false'

    expect_exit 0 guilt --json edit 4 --duration 45m --text "long nap #rest"
    expect_jq '[.minutes, .text, .tags]' '[45,"long nap #rest",["rest"]]'
}

t_edit_with_no_options_opens_the_editor_on_the_text() {
    seed_week
    # The editor gets the current text and appends to it.
    cat >"$TEST_DIR/append.sh" <<'SH'
#!/bin/sh
printf '%s, then apologised #repair\n' "$(cat "$1")" > "$1"
SH
    chmod +x "$TEST_DIR/append.sh"
    EDITOR=$TEST_DIR/append.sh expect_exit 0 guilt edit 7
    expect_exit 0 guilt --json show 7
    expect_jq '.text' '"Shouted about shoes, then apologised #repair"'
    expect_jq '.tags' '["repair"]'
    expect_jq '.intensity' '3'
    # A run's words are its note.
    EDITOR=$(make_editor note.sh "felt strong") expect_exit 0 guilt edit 2
    expect_exit 0 guilt --json show 2
    expect_jq '.note' '"felt strong"'
    [[ -z $(ls -A "$TMPDIR") ]] || fail "left behind in TMPDIR: $(ls -A "$TMPDIR")"
}

t_edit_in_the_editor_without_a_change_or_with_nothing_changes_nothing() {
    seed_week
    local before
    before=$(dump)
    EDITOR=true expect_exit 0 guilt edit 1
    expect_eq "$before" "$(dump)" "journal after an editor that changed nothing"
    refused 2 "empty" -- env EDITOR="$(make_editor empty.sh "")" "$GUILT_BIN" edit 1
    refused 2 "empty" -- env EDITOR="$(make_editor blank.sh $'  \n')" "$GUILT_BIN" edit 5
    before=$(fingerprint "$GUILT_DB")
    expect_exit 1 env EDITOR=false "$GUILT_BIN" edit 1
    expect_error_line "editor"
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "journal after a failed editor"
}

# ---- delete ------------------------------------------------------------------------------------

t_delete_yes_removes_the_entry_and_nothing_else() {
    seed_week
    expect_exit 0 guilt delete 5 --yes
    expect_eq "" "$out" "stdout of delete"
    [[ -n $err ]] || fail "delete confirmed nothing on stderr"
    list_json
    expect_eq "6 4 3 2 1 7" "$(ids)" "ids after deleting 5"
    refused 2 "ID" "5" -- guilt show 5
    list_json --contains dinner
    expect_eq "" "$(ids)" "ids holding the deleted words"
    list_json --kid theo
    expect_eq "3" "$(ids)" "ids naming Theo"
    list_json --tag work
    expect_eq "" "$(ids)" "ids tagged work"

    expect_exit 0 guilt --json delete 2 -y
    expect_jq '[.id, .type]' '[2,"run"]'
    list_json
    expect_eq "6 4 3 1 7" "$(ids)" "ids after deleting 2"
}

t_delete_on_a_terminal_asks_first() {
    seed_week
    local before
    before=$(dump)
    expect_exit 0 on_terminal --stdin --stderr --input $'n\n' -- "$GUILT_BIN" delete 1
    expect_contains "$out" "Missed #school pickup" "the question"
    expect_eq "$before" "$(dump)" "journal after answering no"
    expect_exit 0 on_terminal --stdin --stderr --input $'y\n' -- "$GUILT_BIN" delete 1
    list_json
    expect_eq "6 5 4 3 2 7" "$(ids)" "ids after answering yes"
}

run_tests
