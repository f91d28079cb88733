# SPDX-License-Identifier: MIT
# Issue 19, "her words": an answer typed in `guilt reflect` that the journal cannot take (locked
# by another program past the timeout) is kept in a private file that `guilt import` adds; an
# answer refused for a control character comes back on the line, without it, to send again; the
# editor works in a private folder of guilt's own, removed with the editor's files (vim's swap
# file) afterwards; Ctrl-C in the editor belongs to the editor; a bad option is refused before
# the editor opens.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tmux.sh"

# A night that fires prompts: harsh words, more guilt over the week.
seed_night() {
    guilt log "I'm a bad mom, I always yell at them" -i 8 -w "2026-11-26 08:00" 2>/dev/null &&
        guilt log "Forgot the permission slip #school" -i 6 -w "2026-11-24 08:00" 2>/dev/null ||
        fail "cannot seed the journal"
}

# The stored answers, oldest first.
stored_answers() {
    list_json --type reflection
    jq -c 'sort_by(.id) | map(.answer)' <<<"$out"
}

# ---- answers at the terminal -------------------------------------------------------------------

t_an_answer_that_meets_a_locked_journal_is_kept_and_can_be_added() {
    seed_night
    start_in_tmux 100 reflect
    wait_for "1. "
    wait_for_reading
    # Another program holds the journal's write lock past guilt's timeout.
    hold_sqlite "BEGIN IMMEDIATE;"
    type_text "Two hours at the park with Sam"
    keys Enter
    wait_for_end
    local shown
    shown=$(pane)
    stop_tmux
    release_sqlite "COMMIT;"
    out=$shown
    expect_contains "$shown" "kept in"
    local kept=("$XDG_STATE_HOME"/guilt/unsaved-answer-*.json)
    [[ ${#kept[@]} -eq 1 && -f ${kept[0]} ]] ||
        fail "expected one kept answer in $XDG_STATE_HOME/guilt: $(ls -A "$XDG_STATE_HOME/guilt" 2>&1)"
    expect_contains "$shown" "guilt import"
    expect_eq 600 "$(mode_of "${kept[0]}")" "mode of the kept answer"
    expect_eq 700 "$(mode_of "$XDG_STATE_HOME/guilt")" "mode of its folder"
    expect_eq '[]' "$(stored_answers)" "answers in the journal while it was locked"
    expect_exit 0 guilt import "${kept[0]}"
    expect_eq '["Two hours at the park with Sam"]' "$(stored_answers)" "answers once imported"
    list_json --type reflection
    expect_jq '.[0].date' '"2026-11-26"'
}

t_an_answer_refused_for_a_control_character_comes_back_to_send_again() {
    seed_night
    start_in_tmux 100 reflect
    wait_for "1. "
    type_text "Two hours"
    keys C-v Escape
    type_text " at the park"
    keys Enter
    wait_for "control character (0x1b)"
    # Her words are on the line again, without the escape: Enter sends them.
    wait_for_count "Two hours at the park" 1
    keys Enter
    wait_for "2. "
    keys C-d
    wait_for_end
    stop_tmux
    expect_eq '["Two hours at the park"]' "$(stored_answers)" "the stored answers"
}

# ---- the editor --------------------------------------------------------------------------------

# An editor like vim: it writes TEXT into the file it is given and a swap file holding her
# words beside it, notes the mode of the folder it was given, and leaves the swap file behind.
make_swap_editor() {
    local path=$TEST_DIR/$1
    printf '%s' "$2" >"$path.text"
    cat >"$path" <<EOF
#!/bin/sh
stat -c %a "\$(dirname "\$1")" > "$TEST_DIR/folder-mode"
cp "$path.text" "\$(dirname "\$1")/.\$(basename "\$1").swp"
cat "$path.text" > "\$1"
EOF
    chmod +x "$path"
    echo "$path"
}

t_the_editor_works_in_a_private_folder_removed_afterwards() {
    export EDITOR
    EDITOR=$(make_swap_editor vim.sh "Yelled at @Sam over shoes")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" log -i 6
    expect_eq 700 "$(cat "$TEST_DIR/folder-mode")" "mode of the editor's folder"
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR after guilt log"
    list_json
    expect_jq '.[0].text' '"Yelled at @Sam over shoes"'
    # edit too.
    EDITOR=$(make_swap_editor vim2.sh "Yelled at @Sam over shoes, then hugged")
    expect_exit 0 on_terminal --stdin -- "$GUILT_BIN" edit 1
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR after guilt edit"
}

t_refused_editor_text_is_kept_and_the_swap_file_removed() {
    export EDITOR
    EDITOR=$(make_swap_editor bell.sh $'A long day\x07 of it')
    refused 2 "TEXT" "control character" "kept in" -- on_terminal --stdin -- "$GUILT_BIN" log
    local kept=("$TMPDIR"/guilt-*/*)
    [[ ${#kept[@]} -eq 1 && -f ${kept[0]} ]] || fail "expected her text alone: $(ls -AR "$TMPDIR")"
    expect_contains "$err" "${kept[0]}"
    expect_eq $'A long day\x07 of it' "$(cat "${kept[0]}")" "the kept text"
    expect_eq "" "$(find "$TMPDIR" -name '*.swp')" "swap files left"
    expect_eq 700 "$(mode_of "$(dirname "${kept[0]}")")" "mode of the folder keeping it"
}

t_a_bad_option_is_refused_before_the_editor_opens() {
    export EDITOR=$TEST_DIR/marking.sh
    printf '#!/bin/sh\ntouch "%s/editor-ran"\nprintf "words she wrote" > "$1"\n' "$TEST_DIR" >"$EDITOR"
    chmod +x "$EDITOR"
    refused 2 "--intensity" "99" -- on_terminal --stdin -- "$GUILT_BIN" log -i 99
    [[ ! -e $TEST_DIR/editor-ran ]] || fail "the editor was opened before -i 99 was refused"
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR"
}

t_ctrl_c_in_the_editor_belongs_to_the_editor() {
    # An editor that takes Ctrl-C as a key (as vim does), then saves her words and quits.
    export EDITOR=$TEST_DIR/keys.py
    cat >"$EDITOR" <<EOF
#!$PYTHON
import signal, sys
def ctrl_c(*_):
    open(sys.argv[1], "w").write("words kept through ctrl-c")
    sys.exit(0)
signal.signal(signal.SIGINT, ctrl_c)
print("editing", flush=True)
while True:
    signal.pause()
EOF
    chmod +x "$EDITOR"
    start_in_tmux 100 log -i 4
    wait_for "editing"
    # Not keys(): the editor, unlike guilt's line editor, does not put the terminal in raw mode.
    tmux -S "$TMUX_SOCKET" send-keys -t guilt C-c || fail "tmux send-keys C-c"
    wait_for_end
    local shown
    shown=$(pane)
    stop_tmux
    out=$shown
    expect_contains "$shown" "Saved"
    list_json
    expect_jq 'map(.text)' '["words kept through ctrl-c"]'
    expect_eq "" "$(ls -A "$TMPDIR")" "TMPDIR"
}

run_tests
