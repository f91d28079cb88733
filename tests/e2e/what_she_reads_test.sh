# SPDX-License-Identifier: MIT
# Issue 20, "What she reads": a past week shows the priorities it had; every text view wraps to
# the terminal's width (COLUMNS, or the terminal's) by display width, cutting no figure and no
# word; the follow-up question is wrapped by guilt; the wording says what is true of a young
# journal, of the last 7 days, of one child, and of a niece.
source "$(dirname "$0")/lib.sh"

# Lines of `out` wider than WIDTH columns (display width, in a UTF-8 locale), one a line.
wider_than() {
    LC_ALL=C.UTF-8 "$PYTHON" -c '
import sys, unicodedata
width = int(sys.argv[1])
def columns(line):
    n = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
for line in sys.stdin.read().splitlines():
    if columns(line) > width:
        print(line)
' "$1" <<<"$out"
}

# ---- a past week -------------------------------------------------------------------------------

t_a_past_week_shows_the_priorities_names_and_ranks_it_had() {
    GUILT_NOW=2026-11-16T08:00 guilt priority add Kids 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-16T08:00 guilt priority add Work 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-16T08:00 guilt priority add Sleep 2>/dev/null || fail "cannot add"
    GUILT_NOW=2026-11-18T19:00 guilt log "Late again from work" -i 5 2>/dev/null || fail "cannot log"
    # This week she renames Work and puts Sleep first.
    GUILT_NOW=2026-11-25T08:00 guilt priority rename 2 "Career" 2>/dev/null || fail "cannot rename"
    GUILT_NOW=2026-11-25T08:00 guilt priority move 3 1 2>/dev/null || fail "cannot move"
    expect_exit 0 guilt --json week 2026-W47
    expect_jq '[.priorities[] | "\(.rank). \(.title)"]' '["1. Kids","2. Work","3. Sleep"]'
    expect_exit 0 guilt week 2026-11-18
    local line
    line=$(grep '^Priorities' <<<"$out")
    expect_contains "$line" "1. Kids" "last week's text view"
    expect_contains "$line" "2. Work" "last week's text view"
    expect_contains "$line" "3. Sleep" "last week's text view"
    # This week shows the list as it is now.
    expect_exit 0 guilt --json week
    expect_jq '[.priorities[] | "\(.rank). \(.title)"]' '["1. Sleep","2. Kids","3. Career"]'
}

# ---- wrapping ----------------------------------------------------------------------------------

# Last week heavier than this one, so that week's guilt line ends in "intensity down by 3.0".
seed_lighter_week() {
    local d
    for d in 16 17 18 19; do
        GUILT_NOW=2026-11-${d}T20:00 guilt log "Snapped at bedtime again" -i 8 2>/dev/null ||
            fail "cannot log"
    done
    GUILT_NOW=2026-11-24T20:00 guilt log "Short with them at dinner" -i 5 2>/dev/null ||
        fail "cannot log"
}

t_week_keeps_every_figure_on_a_wide_terminal_and_wraps_on_a_narrow_one() {
    seed_lighter_week
    COLUMNS=160 expect_exit 0 guilt week
    expect_contains "$out" "intensity down by 3.0" "week at 160 columns"
    expect_not_contains "$out" "…" "week at 160 columns"
    expect_eq "" "$(wider_than 160)" "lines wider than 160 columns"
    COLUMNS=60 expect_exit 0 guilt week
    expect_eq "" "$(wider_than 60)" "lines wider than 60 columns"
    # Wrapped, not cut: the figure is on a line of its own, after the words before it.
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" "intensity down by 3.0" "week at 60 columns"
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" \
        "Bank: runs and deposits pay in" "the table's legend at 60 columns"
}

t_wide_characters_take_two_columns_and_marks_none() {
    # A moment in Chinese, with an emoji and a combining accent: reflect quotes it.
    GUILT_NOW=2026-11-26T20:00 guilt log $'我是一个坏妈妈 我总是 对孩子们 大喊大叫 😞😞 cafe\u0301 I am a bad mom' \
        -i 7 2>/dev/null || fail "cannot log"
    # Piped: 80 columns, counted as the terminal shows them, not as characters.
    expect_exit 0 guilt reflect --no-input --all
    expect_contains "$out" "我是一个坏妈妈" "reflect quotes her words"
    expect_eq "" "$(wider_than 80)" "reflect's lines wider than 80 columns"
    COLUMNS=60 expect_exit 0 guilt reflect --no-input --all
    expect_eq "" "$(wider_than 60)" "reflect's lines wider than 60 columns"
}

t_month_wraps_its_legend_to_the_width() {
    seed_lighter_week
    COLUMNS=60 expect_exit 0 guilt month
    local legend
    legend=$(grep -A3 '^Shade' <<<"$out")
    out=$legend
    expect_eq "" "$(wider_than 60)" "the legend's lines at 60 columns"
    expect_contains "$(tr -s ' \n' '  ' <<<"$legend")" "heavy. Marks: r run" "the legend, whole"
}

t_the_follow_up_question_is_wrapped_by_guilt_not_broken_mid_word() {
    # Last night's answer, long enough that the question runs over 60 columns.
    cat >answer.json <<'JSON'
{"format": "guilt", "version": 1, "entries": [
 {"uuid": "2f1c7a36-8d3e-4b8e-9a41-0c5d8e1f2a3b", "type": "reflection",
  "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
  "prompt": "What is one fact from your day that the guilt left out?",
  "answer": "We read three chapters together before lights out, and she laughed"}]}
JSON
    guilt import answer.json 2>/dev/null || fail "cannot import the answer"
    expect_exit 0 guilt --json reflect --no-input
    expect_jq '.followups | length' '1'
    source "$E2E_DIR/tmux.sh"
    start_in_tmux 60 reflect
    wait_for "[y] yes"
    # Joined as the terminal wrapped them: a line guilt did not break is longer than the window.
    out=$(tmux -S "$TMUX_SOCKET" capture-pane -p -J -t guilt -S -500)
    keys s
    stop_tmux
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" "Last night you looked at" "the follow-up"
    expect_eq "" "$(wider_than 60)" "lines the terminal had to wrap"
}

# ---- wording -----------------------------------------------------------------------------------

t_a_young_journal_without_a_deposit_says_since_she_started() {
    GUILT_NOW=2026-11-26T20:00 guilt log "Yelled at bedtime" -i 6 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --no-input
    expect_not_contains "$out" "4 weeks" "a journal started today"
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" "no deposit yet since you started today" \
        "a journal started today"
    GUILT_NOW=2026-11-28T20:00 expect_exit 0 guilt reflect --no-input
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" "since you started, 2 days ago" \
        "two days later"
    # A journal older than the bank's four weeks: none in four weeks is what is true.
    GUILT_NOW=2026-10-01T20:00 guilt log "Missed the school play" -i 6 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --no-input
    expect_contains "$(tr -s ' \n' '  ' <<<"$out")" "no deposit in the last 4 weeks" "an older journal"
}

t_the_last_7_days_are_not_called_this_week() {
    # Engaged time last Saturday: the week before this calendar week, inside the last 7 days.
    GUILT_NOW=2026-11-21T10:00 guilt engage 45m -k Sam 2>/dev/null || fail "cannot engage"
    GUILT_NOW=2026-11-26T20:00 guilt log "I am a terrible mother, I never play with @Sam" -i 7 \
        2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json reflect --no-input
    expect_jq '[.prompts[] | select(.strategy == "facts")] | length' '1'
    local facts
    facts=$(jq -r '.prompts[] | select(.strategy == "facts") | .message + " " + .why' <<<"$out")
    expect_not_contains "$facts" "this week" "the facts prompt"
    expect_not_contains "$facts" "Your week" "the facts prompt"
    expect_contains "$facts" "in the last 7 days" "the facts prompt"
}

t_one_child_is_not_spoken_of_as_several() {
    # Five solo runs and one child named: "example" says the runs left Sam out.
    local d
    for d in 16 18 20 22 24; do
        GUILT_NOW=2026-11-${d}T07:00 guilt run 5k 30:00 2>/dev/null || fail "cannot run"
    done
    GUILT_NOW=2026-11-26T20:00 guilt log "Missed bath time with @Sam tonight" -i 4 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt --json reflect --no-input
    local example
    example=$(jq -r '.prompts[] | select(.strategy == "example") | .message + " " + .question' \
        <<<"$out")
    expect_contains "$example" "Sam" "the example prompt"
    local word
    for word in " their " " they " "themselves" "Letting them" "lets them" "Inviting them"; do
        expect_not_contains "$example" "$word" "the example prompt for one child"
    done
}

t_a_niece_is_not_one_of_her_kids() {
    GUILT_NOW=2026-11-26T17:00 guilt log "Took my niece @Mia to the park and barely watched @Sam" \
        -i 5 2>/dev/null || fail "cannot log"
    GUILT_NOW=2026-11-26T18:00 guilt log "Ignored @Leo (my nephew) all afternoon" -i 5 \
        2>/dev/null || fail "cannot log"
    GUILT_NOW=2026-11-26T19:00 guilt log "Snapped at @Ana while on my phone, his sister heard it all, @Lea too" \
        -i 6 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt --json kids
    expect_eq "Ana,Lea,Sam" "$(jq -r '[.[].name] | sort | join(",")' <<<"$out")" "her kids"
    # A name she marked as not a kid leaves the prompts too.
    guilt kids not-a-kid Lea 2>/dev/null || fail "cannot mark Lea"
    expect_exit 0 guilt --json reflect --no-input
    # What the prompts say of her kids, her quoted words left out.
    local said
    said=$(jq -r '.prompts[] | (.message + " " + .question) | gsub("\"[^\"]*\""; "")' <<<"$out")
    expect_contains "$said" "Sam and Ana" "the prompts"
    expect_not_contains "$said" "Mia" "the prompts"
    expect_not_contains "$said" "Leo" "the prompts"
    expect_not_contains "$said" "Lea" "the prompts"
    # Marked a kid again, every mention of her is linked back, whatever the words beside it.
    guilt kids not-a-kid Mia 2>/dev/null || fail "cannot mark Mia"
    guilt kids is-a-kid Mia 2>/dev/null || fail "cannot mark Mia a kid"
    expect_exit 0 guilt --json list --kid Mia
    expect_jq 'length' '1'
}

t_one_entry_is_spoken_of_in_the_singular() {
    guilt log "Forgot the costume for @Daniel" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt kids not-a-kid Daniel
    expect_contains "$err" "1 entry no longer names Daniel" "not-a-kid"
    expect_exit 0 guilt kids is-a-kid Daniel
    expect_contains "$err" "1 entry names Daniel" "is-a-kid"
}

run_tests
