# SPDX-License-Identifier: MIT
# cli.md "Reflection", at a real terminal (tmux): line editing of her answers (arrows, Home, End,
# Delete, word erase, UTF-8, a bracketed paste, a wide window), each answer stored the moment
# she presses Enter so Ctrl-C loses only the line being typed, a control character refused for
# that answer only; the follow-up ("did it help?") over several nights, `guilt helped` from a
# script, `--no-input` never asking, and follow-ups carried by export and import.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tmux.sh"

# The prompts reflect --json shows for the night: strategies in $order, titles in $titles.
read_prompts() {
    expect_exit 0 guilt reflect --json --no-input "$@"
    read -ra order <<<"$(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out")"
    mapfile -t titles < <(jq -r '.prompts[].title' <<<"$out")
    mapfile -t messages < <(jq -r '.prompts[].message' <<<"$out")
}

# The stored answers as [strategy, date, answer], oldest first.
stored_answers() {
    list_json --type reflection
    jq -c 'sort_by(.id) | map([.strategy, .date, .answer])' <<<"$out"
}

# ---- the answer session ------------------------------------------------------------------------

t_editing_keys_paste_and_ctrl_c_keep_every_answer_given() {
    seed_hard_night
    read_prompts
    [[ ${#order[@]} -ge 3 ]] || fail "the seed should fire three prompts, got ${order[*]}"

    start_in_tmux 200 reflect --all
    wait_for "1. ${titles[0]}"
    # A window 200 columns wide: the prompt's words run past 80 columns on one line.
    if [[ ${#messages[0]} -gt 100 ]]; then
        [[ $(pane | awk '{ if (length($0) > 100) n++ } END { print n + 0 }') -gt 0 ]] ||
            { out=$(pane); fail "no line wider than 100 columns in a 200-column window"; }
    fi

    # Arrows, Delete, Home, End, word erase, and a character of two bytes.
    type_text "Today Zoë and I paintedd"
    keys Left DC Home
    type_text "Yes: "
    keys End
    type_text " together xyz"
    keys C-w Up Down Enter

    # The second prompt: an escape typed literally (Ctrl-V Esc) is refused for this answer
    # only, and the prompt is asked again; then a bracketed paste over two lines is one answer.
    wait_for "2. ${titles[1]}"
    keys C-v Escape
    type_text "x"
    keys Enter
    wait_for "control character (0x1b)"
    # The line comes back with what she typed, without the escape: "x", which she erases.
    keys BSpace
    tmux -S "$TMUX_SOCKET" set-buffer -b pasted $'First pasted line\nsecond pasted line'
    tmux -S "$TMUX_SOCKET" paste-buffer -p -b pasted -t guilt
    keys Enter

    # The third: half an answer, then Ctrl-C.
    wait_for "3. ${titles[2]}"
    type_text "half an answer"
    keys C-c
    wait_for_end
    local shown
    shown=$(pane)
    stop_tmux

    out=$shown
    expect_not_contains "$shown" "[200~" "what the terminal showed"
    expect_eq "[[\"${order[0]}\",\"2026-11-26\",\"Yes: Today Zoë and I painted together\"],[\"${order[1]}\",\"2026-11-26\",\"First pasted line second pasted line\"]]" \
        "$(stored_answers)" "the stored answers"
    # The three prompts were shown; the rest never were.
    expect_eq 3 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE day = '2026-11-26'")" \
        "showings recorded after Ctrl-C at the third prompt"
}

t_a_closed_terminal_keeps_the_answers_given_before() {
    seed_hard_night
    read_prompts
    start_in_tmux 100 reflect
    wait_for "1. ${titles[0]}"
    type_text "Answered before the hang-up"
    keys Enter
    wait_for "2. ${titles[1]}"
    type_text "never finished"
    # The window closes: the terminal hangs up on guilt.
    tmux -S "$TMUX_SOCKET" kill-server
    local tries=0
    while pgrep -f "$GUILT_BIN reflect" >/dev/null && ((tries++ < 100)); do sleep 0.05; done
    expect_eq "[[\"${order[0]}\",\"2026-11-26\",\"Answered before the hang-up\"]]" "$(stored_answers)" \
        "the stored answers"
}

# ---- the follow-up, over several nights --------------------------------------------------------

t_the_next_night_asks_whether_last_nights_answers_helped() {
    seed_hard_night
    # Wednesday night: two answers, then Ctrl-D.
    export GUILT_NOW=2026-11-25T21:00
    read_prompts
    local wed_titles=("${titles[@]}") wed_order=("${order[@]}")
    start_in_tmux 120 reflect --all
    wait_for "1. ${wed_titles[0]}"
    type_text "Breathe first"
    keys Enter
    wait_for "2. ${wed_titles[1]}"
    type_text "Ten minutes of lego"
    keys Enter
    wait_for "3. ${wed_titles[2]}"
    keys C-d
    wait_for_end
    stop_tmux
    list_json --type reflection
    local first second
    first=$(jq '[sort_by(.id)[0].id] | .[0]' <<<"$out")
    second=$(jq '[sort_by(.id)[1].id] | .[0]' <<<"$out")

    # Thursday: both are due, listed by --json, which asks nothing.
    export GUILT_NOW=2026-11-26T21:00
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' "[{\"reflection_id\":$first,\"strategy\":\"${wed_order[0]}\",\"asked_for\":\"2026-11-25\"},{\"reflection_id\":$second,\"strategy\":\"${wed_order[1]}\",\"asked_for\":\"2026-11-25\"}]"
    read_prompts

    # At the terminal they come first, one key each: y for the first, Enter (skip) for the
    # second; then the night's prompts.
    start_in_tmux 120 reflect
    wait_for "Last night you looked at \"${wed_titles[0]}\" and wrote \"Breathe first\". Did it help?"
    keys y
    wait_for "Last night you looked at \"${wed_titles[1]}\" and wrote \"Ten minutes of lego\". Did it help?"
    keys Enter
    wait_for "1. ${titles[0]}"
    keys C-d
    wait_for_end
    stop_tmux
    expect_eq "$first|yes|2026-11-26
$second||2026-11-26" "$(sqlite3 "$GUILT_DB" "SELECT reflection_id, answer, night FROM followups ORDER BY reflection_id")" \
        "the follow-ups stored"

    # Answered or skipped, neither is asked again: not tonight, not tomorrow.
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[]'
    GUILT_NOW=2026-11-27T21:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[]'
    start_in_tmux 120 reflect
    wait_for "1. ${titles[0]}"
    keys C-d
    wait_for_end
    out=$(pane)
    stop_tmux
    expect_not_contains "$out" "Did it help?" "the terminal, once both were answered"
}

t_her_follow_up_answers_move_a_strategy_in_the_next_nights_ranking() {
    seed_hard_night
    # She looked at the facts on three earlier nights; the first two, she said the next day, did
    # not help. Wednesday's is still to be rated.
    cat >facts.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c01", "type": "reflection", "at": "2026-11-20T21:30:00-05:00",
   "date": "2026-11-20", "strategy": "facts", "prompt": "What do the facts say?", "answer": "One bad morning", "tags": [], "kids": []},
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c02", "type": "reflection", "at": "2026-11-21T21:30:00-05:00",
   "date": "2026-11-21", "strategy": "facts", "prompt": "What do the facts say?", "answer": "He laughed at dinner", "tags": [], "kids": []},
  {"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c03", "type": "reflection", "at": "2026-11-25T21:30:00-05:00",
   "date": "2026-11-25", "strategy": "facts", "prompt": "What do the facts say?", "answer": "A walk first", "tags": [], "kids": []}],
 "priorities": [], "mottos": [],
 "followups": [
  {"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c01", "answer": "no", "night": "2026-11-21", "at": "2026-11-21T21:00:00-05:00"},
  {"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c02", "answer": "no", "night": "2026-11-22", "at": "2026-11-22T21:00:00-05:00"}]}
JSON
    guilt import facts.json 2>/dev/null || fail "cannot import the reflections"
    export GUILT_NOW=2026-11-26T21:00
    # Thursday, two ratings: they count from the first one (a Beta(2, 2) prior), so facts
    # carries them in its reasons and its score.
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.prompts[] | select(.strategy == "facts") | .efficacy | [.yes, .little, .no]' '[0,0,2]'
    expect_jq '.prompts[] | select(.strategy == "facts") | .why | contains("she rated it 0 yes, 0 a little, 2 no")' 'true'
    # The same journal where she leaves the follow-up unanswered: the control.
    copy_journal "$GUILT_DB" "$TEST_DIR/control.db"
    # At the terminal she answers Wednesday's follow-up: yes.
    start_in_tmux 120 reflect
    wait_for 'wrote "A walk first". Did it help?'
    keys y
    wait_for "1. "
    keys C-d
    wait_for_end
    stop_tmux
    # Friday brings a new harsh moment, in both journals.
    export GUILT_NOW=2026-11-27T21:00
    local db scores=()
    for db in "$TEST_DIR/control.db" "$GUILT_DB"; do
        guilt --db "$db" log "I'm a terrible mother, I ruin everything" -i 7 -w "2026-11-27 08:00" \
            2>/dev/null || fail "cannot log Friday's moment"
        expect_exit 0 guilt --db "$db" reflect --json --no-input
        scores+=("$(jq '.prompts[] | select(.strategy == "facts") | .score' <<<"$out")")
    done
    expect_jq '.prompts[] | select(.strategy == "facts") | .efficacy | [.yes, .little, .no]' '[1,0,2]'
    expect_jq '.prompts[] | select(.strategy == "facts") | .why | contains("she rated it 1 yes, 0 a little, 2 no")' 'true'
    # With the prior, 2 "no"s take 0.3 x (1 - 2 x 2/6) = 0.1 from facts' score, and 1 "yes" and 2
    # "no"s 0.3 x (1 - 2 x 3/7) = 0.043: her "yes" raises it by 0.057 over the control.
    # Scores come rounded to 0.01, so each side may be off by 0.005.
    awk -v c="${scores[0]}" -v a="${scores[1]}" 'BEGIN { d = a - c - 0.0571; exit !(d <= 0.011 && d >= -0.011) }' ||
        fail "facts scored ${scores[1]} after her yes and ${scores[0]} without it; expected 0.057 more"
}

# A reflection for Wednesday 2026-11-25, imported (id 1), answered "A walk first".
import_wednesday_reflection() {
    cat >wed.json <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-25T22:00:00-05:00",
 "entries": [{"uuid": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c1e", "type": "reflection",
   "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
   "prompt": "What do the facts say?", "answer": "A walk first", "tags": [], "kids": []}],
 "priorities": [], "mottos": []}
JSON
    guilt import wed.json 2>/dev/null || fail "cannot import the reflection"
}

t_a_follow_up_stays_due_until_a_session_asks_it() {
    import_wednesday_reflection
    GUILT_NOW=2026-11-28T21:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[{"reflection_id":1,"strategy":"facts","asked_for":"2026-11-25"}]'
    # Four nights later she has still not seen a session that asked it: still due.
    GUILT_NOW=2026-11-29T21:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[{"reflection_id":1,"strategy":"facts","asked_for":"2026-11-25"}]'
    # 28 days on, the last night it is asked; a month on, "did it help?" is dropped.
    GUILT_NOW=2026-12-23T21:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups | length' '1'
    GUILT_NOW=2026-12-24T21:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[]'
    # Reviewing Wednesday itself asks nothing about Wednesday.
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-25
    expect_jq '.followups' '[]'
}

t_no_input_never_asks_even_on_a_terminal() {
    seed_hard_night
    import_wednesday_reflection
    expect_exit 0 on_terminal --stdin --stdout --stderr -- "$GUILT_BIN" reflect --no-input
    expect_not_contains "$out" "Did it help?"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" "follow-ups stored"
    # Piped, no questions either.
    expect_exit 0 guilt reflect
    expect_not_contains "$out$err" "Did it help?"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups | length' '1'
}

# ---- guilt helped ------------------------------------------------------------------------------

t_helped_answers_a_follow_up_from_a_script() {
    import_wednesday_reflection
    expect_exit 0 guilt helped 1 little
    expect_contains "$err" "a little"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.followups' '[]'
    expect_eq "little|2026-11-26" "$(sqlite3 "$GUILT_DB" "SELECT answer, night FROM followups WHERE reflection_id = 1")"
    # A later answer replaces it.
    expect_exit 0 guilt --json helped 1 yes
    expect_one_json_document
    expect_jq '[.reflection_id, .strategy, .asked_for, .answer, .at]' \
        '[1,"facts","2026-11-25","yes","2026-11-26T21:00:00-05:00"]'
    expect_eq "1" "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")"
}

t_helped_refuses_a_bad_id_or_answer_and_changes_nothing() {
    import_wednesday_reflection
    guilt log "Missed pickup" 2>/dev/null || fail "cannot log"
    refused 2 "REFLECTION_ID" "99" -- guilt helped 99 yes
    refused 2 "REFLECTION_ID" "abc" -- guilt helped abc yes
    refused 2 "REFLECTION_ID" "2" "not a reflection" -- guilt helped 2 yes
    refused 2 "answer" "maybe" -- guilt helped 1 maybe
    refused 2 "answer" "skip" -- guilt helped 1 skip
}

# ---- export and import -------------------------------------------------------------------------

t_follow_ups_go_through_export_and_import_exactly_once() {
    import_wednesday_reflection
    guilt helped 1 no 2>/dev/null || fail "cannot answer"
    expect_exit 0 guilt export
    expect_jq '.followups' '[{"reflection":"6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c1e","answer":"no","night":"2026-11-26","at":"2026-11-26T21:00:00-05:00"}]'
    local exported=$out
    printf '%s\n' "$out" >all.json

    export GUILT_DB=$TEST_DIR/other/journal.db
    expect_exit 0 guilt import all.json
    expect_contains "$err" "1 follow-up"
    expect_exit 0 guilt export
    expect_eq "$(jq -S 'del(.exported_at)' <<<"$exported")" "$(jq -S 'del(.exported_at)' <<<"$out")" \
        "the export of the imported journal"
    # Twice adds nothing.
    expect_exit 0 guilt --json import all.json
    expect_jq '[.added.entries, .added.followups, .already_there.followups]' '[0,0,1]'
    expect_eq 1 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" "follow-ups after two imports"
    # Deleting the reflection takes its follow-up with it.
    guilt delete 1 --yes 2>/dev/null || fail "cannot delete"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM followups")" "follow-ups after the delete"
}

t_a_follow_up_naming_no_reflection_is_refused() {
    import_wednesday_reflection
    jq '.followups = [{"reflection": "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60", "answer": "yes",
        "night": "2026-11-26", "at": "2026-11-26T21:00:00-05:00"}]' wed.json >ghost.json
    refused 2 "ghost.json" "/followups/0/reflection" "0b6f3c1e-8a4d-4f7e-9c2b-5d1e7a9f3b60" -- \
        guilt import ghost.json
    refused 2 "/followups/0/reflection" -- guilt import ghost.json --dry-run
    jq '.followups = [{"reflection": "6f0c2a8e-3b1d-4c6e-9a7f-2d4b6e8a0c1e", "answer": "sure",
        "night": "2026-11-26", "at": "2026-11-26T21:00:00-05:00"}]' wed.json >bad.json
    refused 2 "bad.json" "/followups/0/answer" "sure" -- guilt import bad.json
}

run_tests
