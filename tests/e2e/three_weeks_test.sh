# SPDX-License-Identifier: MIT
# Three weeks of one journal, night by night (issue 20, item 5: a loop that closes). Each night
# she logs what weighed on her, says with `guilt helped` whether the prompts she answered before
# helped (facts: yes; everything else: no), and answers the prompts she is shown at a terminal.
# Asserted: every prompt she answered is followed up (up to three a night), and a follow-up stays
# due over three nights away; no question is asked word for word more than twice; no strategy is
# first more than three nights running unless she rated it as helping; and a written "no" in her
# answer rests that question for the rest of the three weeks.
source "$(dirname "$0")/lib.sh"

# Her words, one night each from Monday 2026-11-02, with an intensity.
NIGHTS=(
    "I'm a bad mom, I yelled at Sam before school|8"
    "Screens all afternoon again while I worked|6"
    "Forgot the permission slip, I always forget something #school|6"
    "Other moms manage to cook real dinners and I don't|6"
    "I never get anything done and the house is a mess|7"
    "Worked late and missed bedtime, I'm failing them|8"
    "Snapped at the kids over homework, I should be more patient|7"
    "Felt guilty taking a bath while they watched TV|5"
    "Too tired to play after work, I'm a terrible mother|8"
    "Screens again so I could answer emails|6"
    "Missed the school play for a meeting #school|7"
    "I always lose my temper at bedtime|7"
    "Nothing got done today, everything is falling apart|7"
    "I'm a bad mom for skipping story time|7"
    "Phone in hand at the playground again|6"
    "Sam said I'm always busy and it broke me|8"
    "Worked through dinner again|6"
    "Yelled about shoes, I should be calmer|7"
    "Everyone else's kids seem happier|6"
    "I feel like I'm ruining them with all the screens|8"
    "Another evening at the laptop instead of with them|7"
)
AWAY=" 11 12 13 "  # nights (by index) she logs but does not reflect
NO_NIGHT=3           # the night she answers her first prompt with a plain "no"
ANSWERS=("Ten minutes of lego after school" "A walk with the kids on Saturday" "Say sorry and start again")

# The date of night I (0-based) from Monday 2026-11-02.
night_date() { date -d "2026-11-02 + $1 days" +%F; }

t_three_weeks_follow_up_every_answer_never_repeat_and_rest_a_no() {
    local i day text intensity answered_last="" firsts=() questions=() no_question="" no_after=()
    local input n ids due
    for i in "${!NIGHTS[@]}"; do
        day=$(night_date "$i")
        text=${NIGHTS[$i]%|*} intensity=${NIGHTS[$i]##*|}
        export GUILT_NOW=${day}T21:00
        guilt log "$text" -i "$intensity" -w "$day 20:00" 2>/dev/null || fail "cannot log $day"
        ((i % 3 == 1)) && { guilt engage 15m -k Sam -w "$day 17:00" 2>/dev/null || fail "cannot engage"; }
        [[ $AWAY == *" $i "* ]] && continue

        # The follow-ups due: every prompt she answered the last night she reflected, however many
        # nights ago that was.
        expect_exit 0 guilt reflect --json --no-input
        due=$(jq -r '[.followups[].reflection_id] | sort | map(tostring) | join(" ")' <<<"$out")
        expect_eq "$answered_last" "$due" "the follow-ups due on $day"
        while read -r id strategy; do
            [[ -n $id ]] || continue
            guilt helped "$id" "$([[ $strategy == facts ]] && echo yes || echo no)" 2>/dev/null ||
                fail "cannot rate $id"
        done < <(jq -r '.followups[] | "\(.reflection_id) \(.strategy)"' <<<"$out")

        # What she is shown tonight: the first three prompts.
        expect_exit 0 guilt reflect --json --no-input
        n=$(jq '[.prompts | length, 3] | min' <<<"$out")
        # A night whose strategies have asked all their questions this month may have none.
        if ((n == 0)); then
            firsts+=(none) answered_last=""
            continue
        fi
        firsts+=("$(jq -r '.prompts[0].strategy' <<<"$out")")
        mapfile -t -O "${#questions[@]}" questions < <(jq -r ".prompts[:$n][].question" <<<"$out")
        if ((i > NO_NIGHT)); then
            mapfile -t -O "${#no_after[@]}" no_after < <(jq -r ".prompts[:$n][].question" <<<"$out")
        fi
        input=""
        for ((k = 0; k < n; k++)); do
            if ((i == NO_NIGHT && k == 0)); then
                no_question=$(jq -r '.prompts[0].question' <<<"$out")
                input+=$'No, there isn\'t one near us.\n'
            else
                input+="${ANSWERS[k]}"$'\n'
            fi
        done
        on_terminal --stdin --stderr --input "$input"$'\x04' -- "$GUILT_BIN" reflect >/dev/null 2>&1 ||
            fail "cannot answer the prompts of $day"
        list_json --type reflection
        answered_last=$(jq -r --arg d "$day" '[.[] | select(.date == $d) | .id] | sort | map(tostring) | join(" ")' <<<"$out")
        [[ $(wc -w <<<"$answered_last") -eq $n ]] || fail "$day: $n answers expected, stored: $answered_last"
    done

    # She was asked something on most nights: the limits below are not met by silence.
    ((${#questions[@]} >= 30)) || fail "only ${#questions[@]} questions in 18 nights"
    # No question word for word more than twice in the three weeks.
    local repeated
    repeated=$(printf '%s\n' "${questions[@]}" | sort | uniq -c | awk '$1 > 2')
    [[ -z $repeated ]] || { out=$repeated; fail "questions asked more than twice: $repeated"; }

    # Her written "no" rested that question for the rest of the three weeks.
    [[ -n $no_question ]] || fail "no question was answered with a no"
    for q in "${no_after[@]}"; do
        [[ $q != "$no_question" ]] || fail "the question she answered 'no' to came back: $q"
    done

    # No strategy first more than three nights running, unless she rated it as helping (facts).
    local run=1 k
    for ((k = 1; k < ${#firsts[@]}; k++)); do
        if [[ ${firsts[k]} == "${firsts[k - 1]}" ]]; then run=$((run + 1)); else run=1; fi
        if ((run > 3)) && [[ ${firsts[k]} != facts ]]; then
            out="${firsts[*]}"
            fail "${firsts[k]} was first $run nights running without her saying it helped"
        fi
    done
}

t_a_written_no_counts_as_a_no_from_the_first_answer() {
    # One night she answers the facts prompt with a plain "not possible"; the next night facts
    # carries that "no" in its efficacy and its reasons, before any follow-up is rated.
    guilt engage 10m -k Sam -w "2026-11-25 17:00" 2>/dev/null || fail "cannot engage"
    guilt log "I'm a bad mom, I never play with Sam" -i 7 -w "2026-11-25 20:00" 2>/dev/null ||
        fail "cannot log"
    export GUILT_NOW=2026-11-25T21:00
    expect_exit 0 guilt reflect --json --no-input
    local first
    first=$(jq -r '.prompts[0].strategy' <<<"$out")
    on_terminal --stdin --stderr --input $'Not possible with my shifts\n\x04' -- "$GUILT_BIN" reflect \
        >/dev/null 2>&1 || fail "cannot answer"
    export GUILT_NOW=2026-11-26T21:00
    guilt log "I'm a bad mom, I never play with Sam" -i 7 -w "2026-11-26 20:00" 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_jq "[.prompts[] | select(.strategy == \"$first\") | .efficacy.no]" '[1]'
    expect_jq "[.prompts[] | select(.strategy == \"$first\") | .why | contains(\"she rated it 0 yes, 0 a little, 1 no\")]" '[true]'
}

run_tests
