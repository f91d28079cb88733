# SPDX-License-Identifier: MIT
# Issue 20, "What she types": every phrasing of that paragraph, understood, or refused on one
# line with a hint that works when typed as shown (each hint is run). "Now" is Thursday
# 2026-11-26 21:00 in New York (-05:00).
source "$(dirname "$0")/lib.sh"

# The text between PREFIX and the closing parenthesis that ends $err: a command in a hint.
hint_after() {
    local rest=${err#*"$1"}
    [[ $rest != "$err" ]] || fail "stderr: expected a hint after [$1]"
    echo "${rest%)}"
}

# ---- durations: one grammar for engage, deposit and run ----------------------------------------

t_engage_20_minutes() {
    expect_exit 0 guilt --json engage 20 minutes
    expect_jq '.minutes' '20'
}

t_engage_1_hour() {
    expect_exit 0 guilt --json engage 1 hour -k Sam
    expect_jq '[.minutes, .kids]' '[60,["Sam"]]'
}

t_engage_reads_every_way_a_duration_is_said() {
    local row
    for row in "1 hour 20 min|80" "1h20|80" "90m|90" "half an hour|30" "an hour and a half|90"; do
        # shellcheck disable=SC2086  # her words, as separate arguments
        expect_exit 0 guilt --json engage ${row%%|*}
        expect_jq '.minutes' "${row##*|}"
    done
}

t_engage_with_words_after_the_duration_gets_a_hint_that_works() {
    refused 2 "engage" "lego" "--note" -- guilt engage 20 minutes lego
    local hint
    hint=$(hint_after "--note: guilt ")
    eval "expect_exit 0 guilt --json $hint"
    expect_jq '.minutes' '20'
}

t_deposit_1_hour_20_min() {
    expect_exit 0 guilt --json deposit 1 hour 20 min book club
    expect_jq '[.minutes, .text]' '[80,"book club"]'
}

t_deposit_nap_30m_saves_nap_with_30_minutes() {
    expect_exit 0 guilt --json deposit nap 30m
    expect_jq '[.minutes, .text]' '[30,"nap"]'
    expect_exit 0 guilt --json deposit 30m nap
    expect_jq '[.minutes, .text]' '[30,"nap"]'
    expect_exit 0 guilt --json deposit read for half an hour
    expect_jq '[.minutes, .text]' '[30,"read"]'
}

t_deposit_keeps_a_clock_time_at_the_end_as_her_words() {
    expect_exit 0 guilt --json deposit 20m lunch at 12:30
    expect_jq '[.minutes, .text]' '[20,"lunch at 12:30"]'
}

t_run_3_2_km_30_min() {
    expect_exit 0 guilt --json run 3.2 km 30 min
    expect_jq '[.distance_m, .duration_s]' '[3200,1800]'
}

t_run_5k_half_an_hour() {
    expect_exit 0 guilt --json run 5k half an hour
    expect_jq '[.distance_m, .duration_s]' '[5000,1800]'
}

t_run_hints_work_when_typed_as_shown() {
    # A duration without its unit: the hint's value is accepted in its place.
    refused 2 "DURATION" "30" -- guilt run 3.2 km 30
    local try
    try=$(hint_after "(try \"")
    try=${try%%\"*}
    expect_eq "30m" "$try" "the suggested DURATION"
    expect_exit 0 guilt --json run 3.2 km "$try"
    expect_jq '.duration_s' '1800'
    # A distance without its unit: every unit suggested is a run guilt accepts.
    refused 2 "DISTANCE" "5" -- guilt run 5 30:00
    local tries suggestion
    tries=$(hint_after "(try ")
    for suggestion in ${tries//,/ }; do
        [[ $suggestion == or ]] && continue
        expect_exit 0 guilt run "$suggestion" 30:00
    done
}

t_run_words_past_the_duration_get_a_hint_that_works() {
    refused 2 "run takes DISTANCE [DURATION]" "easy" -- guilt run 5k 30 min easy
    local hint
    hint=$(hint_after "--note: guilt ")
    eval "expect_exit 0 guilt --json $hint"
    expect_jq '[.distance_m, .duration_s]' '[5000,1800]'
}

# ---- helped, --with, list --kid ---------------------------------------------------------------

# A journal holding one reflection (id 1).
seed_reflection() {
    cat >"$TEST_DIR/reflection.json" <<'JSON'
{"format": "guilt", "version": 1, "exported_at": "2026-11-26T21:00:00-05:00",
 "entries": [{"uuid": "00000000-0000-4000-8000-000000000001", "type": "reflection",
              "at": "2026-11-25T21:30:00-05:00", "date": "2026-11-25", "strategy": "facts",
              "prompt": "What did you do for them today?", "answer": "Read two books"}],
 "priorities": [], "mottos": []}
JSON
    guilt import "$TEST_DIR/reflection.json" >/dev/null 2>&1 || fail "cannot seed the reflection"
}

t_helped_sort_of_is_refused_in_guilts_own_words() {
    seed_reflection
    refused 2 "answer" "sort of" "yes, little or no" -- guilt helped 1 sort of
    expect_not_contains "$err" "not expected" "stderr"
    local hint
    hint=$(hint_after "(e.g. guilt ")
    eval "expect_exit 0 guilt --json $hint"
    expect_jq '.answer' '"little"'
    # Several words she means are understood.
    expect_exit 0 guilt --json helped 1 a little
    expect_jq '.answer' '"little"'
}

t_with_moms_comma_friends_is_both() {
    expect_exit 0 guilt --json run 5k --with moms,friends
    expect_jq '.with' '["moms","friends"]'
}

t_with_a_friends_name_gets_a_hint_that_works() {
    refused 2 "--with" "Kate" "friends" -- guilt run 5k --with Kate
    local hint
    hint=$(hint_after "goes in the note: ")
    eval "expect_exit 0 guilt --json run 5k $hint"
    expect_jq '[.with, .note]' '[["friends"],"with Kate"]'
}

t_list_kid_that_is_not_a_kid_says_so() {
    expect_exit 0 guilt log "Missed pickup @Sam"
    expect_exit 0 guilt engage 20m -k Theo
    expect_exit 0 guilt list --kid Bob
    expect_eq "" "$out" "stdout"
    expect_contains "$err" "No entries match."
    expect_contains "$err" "Bob is not a kid in your journal"
    expect_contains "$err" "Sam"
    expect_contains "$err" "Theo"
    [[ $err != *$'\n'* ]] || fail "stderr: expected one line"
    # A kid she has, with no entries in the range: no such note.
    expect_exit 0 guilt list --kid Sam --since today
    expect_not_contains "$err" "not a kid"
}

# ---- WHEN: her times, in her zone --------------------------------------------------------------

# Logs a moment at WHEN and checks the instant stored.
logged_at() {
    expect_exit 0 guilt --json log "x" -w "$1"
    expect_jq '.at' "\"$2\""
}

t_when_this_morning() { logged_at "this morning" "2026-11-26T09:00:00-05:00"; }
t_when_yesterday_evening() { logged_at "yesterday evening" "2026-11-25T19:00:00-05:00"; }
t_when_6pm_yesterday() { logged_at "6pm yesterday" "2026-11-25T18:00:00-05:00"; }
t_when_5th_november() { logged_at "5th November" "2026-11-05T12:00:00-05:00"; }
t_when_last_nite() { logged_at "last nite" "2026-11-25T21:00:00-05:00"; }

t_when_is_her_zone() {
    expect_exit 0 env TZ=Europe/London "$GUILT_BIN" --json log "x" -w "6pm yesterday"
    expect_jq '.at' '"2026-11-25T18:00:00+00:00"'
}

t_tonight_after_midnight_is_the_night_still_going() {
    expect_exit 0 env GUILT_NOW=2026-11-27T01:30 "$GUILT_BIN" --json log "x" -w "tonight"
    expect_jq '.at' '"2026-11-26T19:00:00-05:00"'
}

t_next_monday_is_a_season_end_and_not_a_moment() {
    expect_exit 0 guilt --json priority add "Grant deadline" --until "next monday"
    expect_jq '.until' '"2026-11-30"'
    expect_exit 0 guilt --json priority add "Couch to 5k" --until "in 3 weeks"
    expect_jq '.until' '"2026-12-17"'
    refused 2 "--when" "next monday" "in the future" -- guilt log "x" -w "next monday"
}

t_nonsense_is_refused_on_one_line() {
    refused 2 "--when" "blah" "not a time guilt understands" -- guilt log "x" -w "blah"
    refused 2 "--when" "feb 30" "not a real date" -- guilt log "x" -w "feb 30"
    refused 2 "--until" "6pm" -- guilt priority add "X" --until "6pm"
    refused 2 "DURATION" "'and'" -- guilt engage an hour and
}

run_tests
