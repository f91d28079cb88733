# SPDX-License-Identifier: MIT
# cli.md "Capture", guilt log: from arguments, piped stdin or the editor; #tags and @kids; the
# motto after a heavy moment. Checked through guilt's own --json output.
source "$(dirname "$0")/lib.sh"

# ---- log ---------------------------------------------------------------------------------------

t_log_stores_the_words_with_intensity_tags_kids_and_when() {
    expect_exit 0 guilt log Missed the school play -i 7 -t school -k Theo -w "yesterday 6pm"
    list_json
    expect_jq 'length' '1'
    expect_jq '.[0].type' '"guilt"'
    expect_jq '.[0].text' '"Missed the school play"'
    expect_jq '.[0].intensity' '7'
    expect_jq '.[0].tags' '["school"]'
    expect_jq '.[0].kids' '["Theo"]'
    expect_jq '.[0].at' '"2026-11-25T18:00:00-05:00"'
    expect_jq '.[0].uuid | test("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")' \
        'true'
    expect_jq '.[0].id' '1'
}

t_log_loads_neither_libzip_nor_libedit() {
    # Linked, libzip (with libcrypto) and libedit loaded on every start and were most of what a
    # log cost; guilt opens them with dlopen for a zip import and typed answers only. glibc's
    # LD_DEBUG=libs names each library the loader maps.
    local loaded
    loaded=$(LD_DEBUG=libs "$GUILT_BIN" log "Sent him to school crying" 2>&1 >/dev/null)
    expect_contains "$loaded" "libsqlite3" "the libraries guilt log loads (is LD_DEBUG read?)"
    local lib
    for lib in libzip libcrypto libedit; do
        expect_not_contains "$loaded" "$lib" "the libraries guilt log loads"
    done
    list_json
    expect_jq 'length' '1'
}

t_log_defaults_to_intensity_5_and_now() {
    expect_exit 0 guilt --json log "Answered emails through dinner"
    expect_jq '.intensity' '5'
    expect_jq '.at' '"2026-11-26T21:00:00-05:00"'
    expect_jq '.tags' '[]'
    expect_jq '.kids' '[]'
    expect_exit 0 guilt --json log "long options" --intensity 2 --tag work --kid Sam --when "2h ago"
    expect_jq '[.intensity, .tags, .kids, .at]' '[2,["work"],["Sam"],"2026-11-26T19:00:00-05:00"]'
}

t_log_reads_hash_tags_and_at_kids_from_the_text() {
    expect_exit 0 guilt --json log "Snapped at @Sam and @theo over #Shoes, again #morning #shoes" \
        -t work -t '#Morning' -k sam -k Eleanor
    expect_jq '.tags' '["shoes","morning","work"]'
    expect_jq '.kids' '["Sam","theo","Eleanor"]'
    # An e-mail address is not a kid; "C#" and "#1" are not tags.
    expect_exit 0 guilt --json log "Wrote to teacher@school.org in C# about #1 #school-run"
    expect_jq '.tags' '["school-run"]'
    expect_jq '.kids' '[]'
    # A kid keeps the spelling she first used.
    expect_exit 0 guilt --json log "@SAM again"
    expect_jq '.kids' '["Sam"]'
    list_json --kid sAm
    expect_jq '[.[].text]' \
        '["@SAM again","Snapped at @Sam and @theo over #Shoes, again #morning #shoes"]'
}

t_log_reads_piped_stdin() {
    printf 'Skipped the bedtime story\nfor a work call #work\n' | guilt log -i 4 2>/dev/null ||
        fail "piped log failed"
    list_json
    expect_jq '.[0].text' '"Skipped the bedtime story\nfor a work call #work"'
    expect_jq '.[0].intensity' '4'
    expect_jq '.[0].tags' '["work"]'
    # Arguments win over stdin.
    echo "from stdin" | guilt log "from arguments" 2>/dev/null || fail "log with arguments failed"
    list_json -n 1
    expect_jq '.[0].text' '"from arguments"'
}

t_log_opens_the_editor_on_a_terminal() {
    export EDITOR
    EDITOR=$(make_editor editor.sh "Yelled at @Sam over shoes #morning")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" log -i 6
    list_json
    expect_jq '.[0].text' '"Yelled at @Sam over shoes #morning"'
    expect_jq '[.[0].intensity, .[0].tags, .[0].kids]' '[6,["morning"],["Sam"]]'
    # $VISUAL comes before $EDITOR.
    export VISUAL
    VISUAL=$(make_editor visual.sh "from visual")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" log
    list_json -n 1
    expect_jq '.[0].text' '"from visual"'
    # The temporary file is gone.
    [[ -z $(ls -A "$TMPDIR") ]] || fail "left behind in TMPDIR: $(ls -A "$TMPDIR")"
}

t_log_refuses_an_empty_text_and_saves_nothing() {
    export EDITOR
    EDITOR=$(make_editor empty.sh "")
    refused 2 "TEXT" "empty" -- on_terminal --stdin -- "$GUILT_BIN" log -i 8
    EDITOR=$(make_editor blank.sh $'  \n\n')
    refused 2 "TEXT" "empty" -- on_terminal --stdin -- "$GUILT_BIN" log
    refused 2 "TEXT" "empty" -- guilt log ""
    refused 2 "TEXT" "empty" -- guilt log "   "
    refused 2 "TEXT" "empty" -- guilt log  # stdin is empty
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
    expect_exit 0 guilt log "now there is a journal"
    refused 2 "TEXT" "empty" -- guilt log " "
}

t_log_refuses_an_editor_that_fails() {
    export EDITOR=false
    expect_exit 1 on_terminal --stdin -- "$GUILT_BIN" log
    expect_error_line "editor"
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
}

t_log_at_intensity_7_or_more_repeats_the_motto() {
    expect_exit 0 guilt log "heavy, but no motto yet" -i 9
    expect_exit 0 guilt motto "You're a good mom."
    expect_exit 0 guilt log "light" -i 6
    expect_not_contains "$err" "You're a good mom." "confirmation at intensity 6"
    expect_exit 0 guilt log "heavy" -i 7
    expect_contains "$err" "You're a good mom." "confirmation at intensity 7"
    expect_eq "" "$out" "stdout"
    expect_exit 0 guilt log "heaviest" -i 10
    expect_contains "$err" "You're a good mom." "confirmation at intensity 10"
    expect_exit 0 guilt --json log "heavy, as JSON" -i 8
    expect_one_json_document
}

run_tests
