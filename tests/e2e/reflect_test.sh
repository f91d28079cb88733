# SPDX-License-Identifier: MIT
# cli.md "Reflection": guilt reflect's JSON shape, the same prompts for the same date, the
# no-nagging rule across days, the default date, the human view, her own strategies.json, the
# help text, and answering the questions on a real terminal.
source "$(dirname "$0")/lib.sh"

SOURCE_DIR=${GUILT_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
STRATEGIES="bank community example better-mom priorities listen facts schedule expectations motto"

# A week in which five strategies fire for Thursday 2026-11-26 (bank, schedule, facts, motto,
# priorities): harsh words tonight at intensity 8, no deposit for six days, little engaged time.
seed_hard_week() {
    guilt log "I'm a bad mom, I always yell" -i 8 -k Sam -w "2026-11-26 08:00" 2>/dev/null &&
        guilt log "Missed pickup #school" -i 5 -w "2026-11-25 15:00" 2>/dev/null &&
        guilt log "Gave him the iPad" -i 4 -w "2026-11-23 17:00" 2>/dev/null &&
        guilt run 5k 30:00 -w "2026-11-20 07:30" 2>/dev/null &&
        guilt engage 20m -k Sam -w "2026-11-24 17:00" 2>/dev/null || fail "cannot seed the journal"
}

# The strategies of the prompts in $out (reflect --json), on one line.
strategies() { jq -r '[.prompts[].strategy] | join(" ")' <<<"$out"; }

# Fails unless every line of $out fits in 80 columns (characters, not bytes).
expect_fits_80_columns() {
    local widest
    widest=$("$PYTHON" -c 'import sys; print(max(len(l) for l in sys.stdin.read().split("\n")))' <<<"$out")
    [[ $widest -le 80 ]] || fail "a line is $widest columns wide, more than 80"
}

# ---- JSON ---------------------------------------------------------------------------------------

t_json_has_the_documented_shape() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input
    expect_one_json_document
    expect_jq 'keys_unsorted[:3]' '["date","balance","prompts"]'
    expect_jq '.date' '"2026-11-26"'
    # The bank as she reads it at night: the same figures as the JSON (its arithmetic is the unit
    # tests' to check: tests/unit/reflect/bank_test.cpp). Friday's run is six days old.
    expect_jq '.balance | keys_unsorted' '["deposits","withdrawals","value","days_since_deposit"]'
    expect_jq '.balance.days_since_deposit' '6'
    local bank
    bank=$(jq -r '.balance | "Your bank: \(.value) points (last 7 days: \(.deposits) points paid in, \(.withdrawals) points drawn"' <<<"$out")
    expect_jq '.prompts | length >= 4' 'true'
    expect_jq "[.prompts[].strategy | IN(\"${STRATEGIES// /\",\"}\") | not] | any" 'false'
    expect_jq '[.prompts[] | (.title, .message, .question) | type == "string" and length > 0] | all' 'true'
    expect_jq '[.prompts[] | .evidence | type == "array" and length > 0] | all' 'true'
    expect_jq '[.prompts[].evidence[] | keys_unsorted[:4]] | unique' '[["id","type","at","summary"]]'
    expect_jq '[.prompts[].evidence[] | (.id | type) == "number" and (.summary | type) == "string"] | all' 'true'
    expect_jq '[.prompts[].evidence[] | .type | IN("guilt","run","engage","deposit")] | all' 'true'
    expect_jq '[.prompts[].evidence[].at | test("^2026-11-[0-9]{2}T[0-9]{2}:[0-9]{2}:00-05:00$")] | all' 'true'
    # No placeholder left unfilled.
    expect_jq '[.prompts[] | .message, .question | select(test("[{}]"))]' '[]'
    # Her words and her data are in the prompts.
    expect_jq '[.prompts[].message | select(contains("I'"'"'m a bad mom, I always yell"))] | length > 0' 'true'
    expect_jq '.prompts[] | select(.strategy == "bank") | .evidence | map(.id)' '[1,2,3,4]'
    expect_exit 0 guilt reflect --no-input
    expect_contains "$(tr '\n' ' ' <<<"$out" | tr -s ' ')" "$bank" "the bank line"
}

t_json_balance_without_a_deposit_has_null_days() {
    guilt log "Missed pickup" -i 5 2>/dev/null || fail "cannot seed the journal"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.balance' '{"deposits":0,"withdrawals":1,"value":0,"days_since_deposit":null}'
}

t_json_of_a_quiet_day_has_no_prompts() {
    guilt run 5k 28:00 --with moms -w "2026-11-26 06:00" 2>/dev/null || fail "cannot seed the journal"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.prompts' '[]'
    expect_jq '.balance.days_since_deposit' '0'
}

t_the_same_date_twice_gives_identical_json() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    local first=$out
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_eq "$first" "$out" "the second reflect --json"
    # Another clock on the same date changes nothing either.
    GUILT_NOW=2026-11-27T02:00 expect_exit 0 guilt reflect --json --no-input
    expect_eq "$first" "$out" "reflect --json at 02:00 the next night"
}

# ---- the no-nagging rule -----------------------------------------------------------------------

# No deposit, and guilt on Sunday, Tuesday and Wednesday: bank fires on Wednesday and Thursday.
seed_dry_week() {
    guilt log "Missed pickup" -i 5 -w "2026-11-22 15:00" 2>/dev/null &&
        guilt log "Late with dinner" -i 5 -w "2026-11-24 19:00" 2>/dev/null &&
        guilt log "Forgot the permission slip" -i 5 -w "2026-11-25 08:00" 2>/dev/null ||
        fail "cannot seed the journal"
}

t_a_strategy_shown_yesterday_needs_new_evidence_to_come_back() {
    seed_dry_week
    local untouched=$TEST_DIR/untouched.db
    sqlite3 "$GUILT_DB" ".backup '$untouched'" || fail "cannot copy the journal"

    expect_exit 0 guilt reflect --json --no-input --record --date 2026-11-25
    expect_contains " $(strategies) " " bank " "prompts for Wednesday"

    # Without Wednesday's reflection, bank fires on Thursday on the same entries...
    GUILT_DB=$untouched expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_contains " $(strategies) " " bank " "prompts for Thursday, never reflected on Wednesday"
    # ...but after it, those entries alone do not bring it back.
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_not_contains " $(strategies) " " bank " "prompts for Thursday, after Wednesday's"
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_not_contains " $(strategies) " " bank " "prompts for Thursday, asked again"

    # The bank's own evidence is the dry spell: one more moment a day later does not bring it
    # back, three more dry days with guilt do.
    guilt log "Screen time all afternoon" -i 4 -w "2026-11-26 16:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_not_contains " $(strategies) " " bank " "prompts for Thursday with a new moment"
    guilt log "Skipped story time" -i 4 -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
    GUILT_NOW=2026-11-28T21:00 guilt log "Too tired to play" -i 4 -w "2026-11-28 18:00" 2>/dev/null ||
        fail "cannot log"
    GUILT_NOW=2026-11-28T21:00 expect_exit 0 guilt reflect --json --no-input --date 2026-11-28
    expect_contains " $(strategies) " " bank " "prompts for Saturday, three dry days later"
    expect_jq '.prompts[] | select(.strategy == "bank") | .evidence[0].id' '6'
}

t_the_human_view_records_only_the_prompts_it_showed() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input
    local all
    all=$(strategies)
    [[ $(wc -w <<<"$all") -gt 3 ]] || fail "expected more than three prompts, got [$all]"
    # --json shows them all and records none; with --record, the three she would be shown, so
    # the others may still come tomorrow.
    expect_eq 0 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE day = '2026-11-26'")" \
        "showings recorded by reflect --json"
    expect_exit 0 guilt reflect --json --no-input --record
    expect_eq 3 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE day = '2026-11-26'")" \
        "showings recorded by reflect --json --record"
    expect_exit 0 guilt reflect --no-input --record
    expect_eq 3 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE day = '2026-11-26'")" \
        "showings recorded by the human view"
}

# ---- the date ----------------------------------------------------------------------------------

t_the_default_date_is_yesterday_before_4am() {
    GUILT_NOW=2026-11-26T03:30 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.date' '"2026-11-25"'
    GUILT_NOW=2026-11-26T03:59 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.date' '"2026-11-25"'
    GUILT_NOW=2026-11-26T04:00 expect_exit 0 guilt reflect --json --no-input
    expect_jq '.date' '"2026-11-26"'
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.date' '"2026-11-26"'
}

t_date_accepts_the_day_forms() {
    expect_exit 0 guilt reflect --json --no-input --date yesterday
    expect_jq '.date' '"2026-11-25"'
    expect_exit 0 guilt reflect --json --no-input --date mon
    expect_jq '.date' '"2026-11-23"'
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_jq '.date' '"2026-11-26"'
}

t_a_date_in_the_future_is_refused() {
    seed_hard_week
    refused 2 "--date" "2026-11-27" -- guilt reflect --no-input --date 2026-11-27
    refused 2 "--date" "2026-11-27" -- guilt reflect --json --no-input --date 2026-11-27
    refused 2 "--date" "someday" -- guilt reflect --no-input --date someday
}

t_reflect_uses_only_entries_up_to_the_end_of_the_day() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-25
    expect_jq '[.prompts[].evidence[].at | select(startswith("2026-11-26"))]' '[]'
    # Six days drawn (Friday to Wednesday); Thursday's heavy moment does not count.
    expect_jq '.balance.withdrawals' '6'
}

# ---- the human view ----------------------------------------------------------------------------

t_the_human_view_shows_three_prompts_and_how_to_see_the_rest() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input
    local total
    total=$(jq '.prompts | length' <<<"$out")
    [[ $total -gt 3 ]] || fail "the seed should fire more than three prompts, got $total"

    unset NO_COLOR  # stdout is a file: no colour even so
    expect_exit 0 guilt reflect --no-input
    expect_eq 3 "$(grep -cE '^[0-9]+\. ' <<<"$out")" "prompts shown"
    expect_contains "$out" "$((total - 3)) more: guilt reflect --all"
    expect_contains "$out" "Reflection for 2026-11-26"
    # The direct answer to tonight's harsh words comes first; the bank is an observation.
    expect_eq "1. Look at the facts" "$(grep -m1 -E '^1\. ' <<<"$out")" "the first prompt"
    expect_not_contains "$out" $'\e' "stdout"
    expect_not_contains "$err" $'\e' "stderr"
    expect_not_contains "$out" "{" "stdout"
    expect_fits_80_columns

    expect_exit 0 guilt reflect --no-input --all
    expect_eq "$total" "$(grep -cE '^[0-9]+\. ' <<<"$out")" "prompts shown with --all"
    expect_not_contains "$out" "more: guilt reflect --all"
    expect_fits_80_columns
}

t_the_human_view_of_a_quiet_day_says_so() {
    expect_exit 0 guilt reflect --no-input
    expect_contains "$out" "Reflection for 2026-11-26"
    expect_not_contains "$out" "more: guilt reflect --all"
    expect_eq 0 "$(grep -cE '^[0-9]+\. ' <<<"$out")" "prompts shown"
}

t_the_human_view_has_colour_only_on_a_terminal() {
    seed_hard_week
    unset NO_COLOR
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" reflect --no-input
    expect_contains "$out" $'\e[' "a terminal"
    expect_exit 0 on_terminal --stdout -- env NO_COLOR=1 "$GUILT_BIN" reflect --no-input
    expect_not_contains "$out" $'\e[' "a terminal with NO_COLOR"
}

# ---- her own strategies.json -------------------------------------------------------------------

# Writes $XDG_CONFIG_HOME/guilt/strategies.json: the built-in file through the jq FILTER.
write_strategies() {
    mkdir -p "$XDG_CONFIG_HOME/guilt"
    jq "$1" "$SOURCE_DIR/data/strategies.json" >"$XDG_CONFIG_HOME/guilt/strategies.json" ||
        fail "cannot write strategies.json"
}

t_her_strategies_json_replaces_the_built_in_wording() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input
    local built_in
    built_in=$(jq -r '.prompts[] | select(.strategy == "bank") | .message' <<<"$out")
    expect_contains "$built_in" "days"

    write_strategies '.strategies.bank.messages |= map_values(["My own words, {kids}: a deposit is due."])
        | .strategies.bank.title = "My bank"'
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.prompts[] | select(.strategy == "bank") | [.title, .message]' \
        '["My bank","My own words, Sam: a deposit is due."]'
    expect_exit 0 guilt reflect --no-input --all
    expect_contains "$out" "My own words, Sam: a deposit is due."
}

t_a_broken_strategies_json_is_refused_naming_the_file_and_the_path() {
    seed_hard_week
    local file=$XDG_CONFIG_HOME/guilt/strategies.json
    write_strategies '.strategies.bank.messages.never[0] = "Nothing for {nobody}."'
    refused 2 "$file" "/strategies/bank/messages/never/0" "{nobody}" -- guilt reflect --no-input
    refused 2 "$file" "/strategies/bank/messages/never/0" -- guilt reflect --json --no-input

    write_strategies 'del(.strategies.motto)'
    refused 2 "$file" "/strategies/motto" -- guilt reflect --no-input

    printf '{"strategies": {' >"$file"
    refused 2 "$file" "not valid JSON" -- guilt reflect --no-input
}

# ---- help --------------------------------------------------------------------------------------

t_reflect_help_says_it_is_a_journal_not_therapy_and_names_a_crisis_line() {
    expect_exit 0 guilt reflect --help
    expect_contains "$out" "--date"
    expect_contains "$out" "--all"
    expect_contains "$out" "--no-input"
    expect_contains "$out" "journal, not therapy"
    expect_contains "$out" "crisis line"
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal after asking for help"
}

# ---- answering on a terminal -------------------------------------------------------------------

t_answers_typed_at_the_prompts_become_reflection_entries() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    local order titles
    read -ra order <<<"$(strategies)"
    [[ ${#order[@]} -ge 5 ]] || fail "the seed should fire five prompts, got ${order[*]}"
    mapfile -t titles < <(jq -r '.prompts[].title' <<<"$out")

    # First prompt: an answer; second: an empty line skips it; third: an answer; fourth: Ctrl-D.
    expect_exit 0 on_terminal --stdin --stderr \
        --input $'A walk before school tomorrow\n\nI did play with Sam on Tuesday\n\x04' \
        -- "$GUILT_BIN" reflect --all
    expect_contains "$out" "Saved 2 answers"
    expect_contains "$out" "4. ${titles[3]}" "what the terminal showed"
    expect_not_contains "$out" "5. ${titles[4]}" "what the terminal showed"

    list_json --type reflection
    expect_jq 'length' '2'
    expect_jq 'sort_by(.id) | map([.strategy, .date, .answer])' \
        "[[\"${order[0]}\",\"2026-11-26\",\"A walk before school tomorrow\"],[\"${order[2]}\",\"2026-11-26\",\"I did play with Sam on Tuesday\"]]"
    expect_jq '[.[].prompt | length > 0] | all' 'true'
    expect_jq '[.[].at] | unique' '["2026-11-26T21:00:00-05:00"]'

    # The fifth prompt was never shown, so it is not recorded as shown.
    expect_eq 4 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE day = '2026-11-26'")" \
        "showings recorded after Ctrl-D at the fourth prompt"
}

# ---- score, why, efficacy; the support line; variety; dates; width (issue 9) ---------------

t_json_prompts_carry_score_why_and_efficacy() {
    seed_hard_week
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '[.prompts[] | (.score | type) == "number" and (.why | type) == "string" and (.why | length) > 0] | all' 'true'
    expect_jq '[.prompts[].score] == ([.prompts[].score] | sort | reverse)' 'true'
    expect_jq '[.prompts[].efficacy] | unique' '[{"yes":0,"little":0,"no":0}]'
    # why names the entry behind it: tonight's harsh words are moment #1.
    expect_jq '.prompts[] | select(.strategy == "motto") | .why | test("#1\\b")' 'true'
    expect_jq 'has("support")' 'false'
}

t_words_of_hopelessness_bring_one_calm_line_above_the_prompts() {
    guilt log "I feel hopeless, they would be better off without me" -i 9 -w "2026-11-26 20:00" 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq '.support | test("988") and test("README")' 'true'
    expect_jq '[.prompts[].strategy | select(. == "support")]' '[]'
    expect_exit 0 guilt reflect --no-input
    local before_prompts
    before_prompts=$(sed -n '/^1\. /q;p' <<<"$out")
    expect_contains "$before_prompts" "988"
    expect_eq 1 "$(grep -c 988 <<<"$out")" "support lines"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" "SELECT count(*) FROM showings WHERE strategy = 'support'")" \
        "showings of a support line"
}

t_a_darker_night_quotes_nothing_and_shows_at_most_one_prompt() {
    seed_hard_night
    guilt log "I feel hopeless, they would be better off without me" -i 9 \
        -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq 'has("support")' 'true'
    expect_jq '.prompts | length <= 1' 'true'
    expect_jq '[.prompts[] | .message + .question | test("hopeless|better off")] | any' 'false'
    expect_jq '[.prompts[].evidence[].id] | index(6)' 'null'
    expect_exit 0 guilt reflect --no-input
    expect_not_contains "$out" "better off without me"
    expect_not_contains "$out" "2. "
}

t_darker_words_no_cue_names_bring_the_line_too() {
    # No phrase of the vocabulary says it; the learned second reading of the darker words hears it.
    seed_hard_night
    guilt log "a veces pienso que sería más fácil dormirme y ya" -i 8 -w "2026-11-26 20:00" \
        2>/dev/null || fail "cannot log"
    expect_exit 0 guilt show 6 --json
    expect_jq '.reading.support' 'true'
    expect_exit 0 guilt reflect --json --no-input
    expect_jq 'has("support")' 'true'
    expect_jq '.prompts | length <= 1' 'true'
    expect_jq '[.prompts[] | .message + .question | test("dormirme|más fácil")] | any' 'false'
    expect_exit 0 guilt reflect --no-input
    expect_not_contains "$out" "dormirme"
}

t_negated_dark_words_bring_no_support_line() {
    guilt log "I would never want to hurt him, I am just so tired" -i 6 -w "2026-11-26 20:00" 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input
    expect_jq 'has("support")' 'false'
}

t_no_question_is_asked_two_nights_running() {
    guilt motto "Good enough." 2>/dev/null || fail "cannot set the motto"
    local d prev="" q
    for d in 20 21 22 23 24 25 26; do
        guilt log "I'm a bad mom, I always rush them" -i 8 -w "2026-11-$d 20:00" 2>/dev/null || fail "cannot log"
        expect_exit 0 guilt reflect --json --no-input --record --all --date "2026-11-$d"
        q=$(jq -r '.prompts[] | select(.strategy == "motto") | .question' <<<"$out")
        [[ -n $q ]] || fail "motto did not fire on 2026-11-$d"
        [[ $q != "$prev" ]] || fail "the same question on 2026-11-$d as the night before: $q"
        prev=$q
    done
    # Re-running a night gives its question again.
    expect_exit 0 guilt reflect --json --no-input --date 2026-11-26
    expect_jq '.prompts[] | select(.strategy == "motto") | .question' "$(jq -n --arg q "$prev" '$q')"
}

t_evidence_is_dated_with_weekday_and_day() {
    seed_hard_week
    expect_exit 0 guilt reflect --no-input --all
    expect_contains "$out" "#1 guilt Thu Nov 26 08:00"
    expect_not_contains "$out" "11-26 08:00"
}

t_text_wraps_to_a_wide_terminal_and_to_80_when_piped() {
    seed_hard_week
    expect_exit 0 guilt reflect --no-input
    expect_fits_80_columns
    out=$("$PYTHON" - "$GUILT_BIN" <<'PY'
import fcntl, os, struct, subprocess, sys, termios
master, slave = os.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 150, 0, 0))
p = subprocess.Popen([sys.argv[1], "reflect", "--no-input"], stdin=subprocess.DEVNULL,
                     stdout=slave, stderr=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))
os.close(slave)
data = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:
        break
    if not chunk:
        break
    data += chunk
p.wait()
sys.stdout.write(data.decode().replace("\r\n", "\n"))
PY
)
    local longest
    longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n }' <<<"$out")
    ((longest > 80 && longest <= 150)) || fail "expected lines wider than 80 and at most 150 columns on a 150-column terminal, longest $longest"
}

run_tests
