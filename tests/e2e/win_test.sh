#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# cli.md "Capture", guilt win: a good moment from arguments, piped stdin or the editor, with
# #tags and @kids; and the win everywhere an entry type goes: list --type, show, edit, delete,
# export and import (JSON, CSV, Markdown), completions, the man page, week; never guilt, and
# neither debit nor deposit in the bank.
source "$(dirname "$0")/lib.sh"

t_win_stores_the_words_tags_kids_and_when() {
    expect_exit 0 guilt win "Theo and I baked bread, he beamed #baking" -k Ava -t home \
        -w "yesterday 6pm"
    expect_contains "$err" "Saved good moment #1"
    expect_eq "" "$out" "stdout"
    list_json
    expect_jq 'length' '1'
    expect_jq '.[0].type' '"win"'
    expect_jq '.[0].text' '"Theo and I baked bread, he beamed #baking"'
    expect_jq '.[0].tags' '["baking","home"]'
    expect_jq '.[0].kids' '["Ava"]'
    expect_jq '.[0].at' '"2026-11-25T18:00:00-05:00"'
    expect_jq '.[0] | has("intensity")' 'false'
    expect_exit 0 guilt --json win "@Zoe hugged me at pickup" --tag school --kid Sam --when "2h ago"
    expect_one_json_document
    expect_jq '[.type, .tags, .kids, .at]' '["win",["school"],["Zoe","Sam"],"2026-11-26T19:00:00-05:00"]'
}

t_win_reads_stdin_or_the_editor_and_refuses_an_empty_text() {
    expect_exit 0 guilt win <<<"Read three stories at bedtime, no phone"
    expect_exit 0 guilt --json list --type win -n 1
    expect_jq '.[0].text' '"Read three stories at bedtime, no phone"'
    export EDITOR
    EDITOR=$(make_editor editor.sh "Park with @Sam, all afternoon")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" win
    expect_exit 0 guilt --json list --type win -n 1
    expect_jq '[.[0].text, .[0].kids]' '["Park with @Sam, all afternoon",["Sam"]]'
    EDITOR=$(make_editor empty.sh "")
    refused 2 "TEXT" "empty" "guilt win" -- on_terminal --stdin -- "$GUILT_BIN" win
    refused 2 "TEXT" "empty" -- guilt win "   "
}

t_win_refuses_options_of_other_entry_types() {
    refused 2 "-i" "not expected" -- guilt win "good" -i 7
    refused 2 "--when" "tomorrow" -- guilt win "good" -w tomorrow
    refused 2 "--tag" "a b" -- guilt win "good" -t "a b"
    refused 2 "--kid" "" -- guilt win "good" -k ""
}

t_win_is_its_own_type_in_list_show_edit_and_delete() {
    guilt log "Late again" -i 6 >/dev/null 2>&1
    guilt win "Bread with Theo" -k Theo >/dev/null 2>&1
    list_json --type win
    expect_jq 'length' '1'
    expect_jq '.[0].id' '2'
    list_json --type guilt
    expect_jq '[.[].type]' '["guilt"]'
    expect_exit 0 guilt show 2
    expect_contains "$out" "good moment #2"
    expect_contains "$out" "Bread with Theo"
    expect_contains "$out" "Theo"
    expect_exit 0 guilt --json edit 2 --text "Bread with @Theo, he beamed" -t baking
    expect_jq '[.type, .text, .tags, .kids]' '["win","Bread with @Theo, he beamed",["baking"],["Theo"]]'
    refused 2 "--intensity" -- guilt edit 2 -i 4
    refused 2 "--duration" -- guilt edit 2 --duration 20m
    expect_exit 0 guilt delete 2 --yes
    list_json --type win
    expect_jq 'length' '0'
    refused 2 "--type" "wins" -- guilt list --type wins
}

t_wins_go_through_export_and_import_in_every_format() {
    guilt win "Bread with @Theo #baking" -w "2026-11-24 17:00" >/dev/null 2>&1
    guilt log "Late" -i 6 -w "2026-11-24 08:00" >/dev/null 2>&1
    expect_exit 0 guilt export --format json -o all.json
    expect_eq "win" "$(jq -r '.entries[] | select(.text | startswith("Bread")) | .type' all.json)"
    expect_eq '["baking"] ["Theo"]' \
        "$(jq -c '.entries[] | select(.type == "win") | .tags, .kids' all.json | paste -sd' ')"
    local schema=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/data/export.schema.json
    local ajv=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}/.deps/npm/node_modules/.bin/ajv
    if [[ -x $ajv ]]; then
        "$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" -d all.json >ajv.out 2>&1 ||
            fail "the export does not match export.schema.json: $(cat ajv.out)"
    fi
    expect_exit 0 guilt export --format csv
    expect_contains "$out" "win,2026-11-24T17:00:00-05:00"
    expect_contains "$out" "Bread with @Theo #baking"
    expect_exit 0 guilt export --format md
    expect_contains "$out" "**17:00** good moment: Bread with @Theo \\#baking"
    # Into a fresh journal: the same entries; a second import adds nothing.
    export GUILT_DB=$TEST_DIR/other.db
    expect_exit 0 guilt import all.json
    expect_exit 0 guilt import all.json
    expect_exit 0 guilt export --format json -o again.json
    expect_eq "$(jq -S .entries all.json)" "$(jq -S .entries again.json)" "entries after a round trip"
    expect_exit 0 guilt --json list --type win
    expect_jq 'length' '1'
    # An export that names no text for a win is refused, naming the field.
    jq '.entries |= map(if .type == "win" then del(.text) else . end)' all.json >broken.json
    refused 2 "/text" "missing" -- guilt import broken.json
}

t_wins_are_never_guilt_and_the_bank_ignores_them() {
    guilt log "Tired" -i 5 -w "2026-11-26 08:00" >/dev/null 2>&1
    expect_exit 0 guilt --json reflect --no-input --date 2026-11-26
    local before
    before=$(jq -c .balance <<<"$out")
    guilt win "A lovely morning" -w "2026-11-26 09:00" >/dev/null 2>&1
    guilt win "And a lovely evening" -w "2026-11-26 19:00" >/dev/null 2>&1
    expect_exit 0 guilt --json reflect --no-input --date 2026-11-26
    expect_eq "$before" "$(jq -c .balance <<<"$out")" "the bank with and without wins"
    expect_exit 0 guilt --json week
    expect_jq '.guilt.count' '1'
    expect_jq '.wins.count' '2'
    expect_jq '[.days[] | .wins]' '[0,0,0,2,0,0,0]'
    expect_jq '.wins.moments[0].text' '"A lovely morning"'
    expect_exit 0 guilt week
    expect_contains "$out" "2 good moments"
    expect_contains "$out" "A lovely morning"
    expect_exit 0 guilt week --format md
    expect_contains "$out" "## Good moments"
    expect_exit 0 guilt week --format html
    expect_contains "$out" "<h2>Good moments</h2>"
}

t_win_is_in_help_completions_and_the_man_page() {
    expect_exit 0 guilt --help
    expect_contains "$out" "win"
    expect_exit 0 guilt win --help
    expect_contains "$out" "--tag"
    expect_contains "$out" "--kid"
    expect_contains "$out" "--when"
    expect_not_contains "$out" "--intensity"
    expect_exit 0 guilt completions bash
    expect_contains "$out" "win"
    expect_exit 0 guilt manpage
    expect_contains "$out" "guilt win"
    expect_exit 0 guilt list --help
    expect_contains "$out" "win"
}

run_tests
