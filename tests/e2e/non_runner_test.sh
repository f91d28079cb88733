# SPDX-License-Identifier: MIT
# strategies.md: "a mother who does not run is never told about runs". A mother with no run
# logged writes a week of nights that compare her with other mothers and feel guilty about her
# own time (a bath, a yoga class, coffee with a friend): over the week no prompt, title or question
# speaks of running or races, while her other prompts still come every night (issue 20, item 4).
source "$(dirname "$0")/lib.sh"

# Her words of each night, Monday 2026-11-16 to Sunday 2026-11-22, at 20:00, with an intensity.
NIGHTS=(
    "Other moms at the school gate all seem to have it together and I'm the only one struggling|6"
    "Took a long bath while the kids watched TV and felt selfish the whole time|5"
    "Everyone else's kids eat vegetables, mine live on pasta. Other mothers manage it|6"
    "Skipped my yoga class to finish the laundry and still felt guilty for wanting to go|5"
    "The other mums at the party all baked, I bought a cake and felt like a fraud|7"
    "Coffee with a friend for an hour and I kept thinking I should be home with the kids|5"
    "I'm a bad mom, I snapped at Sam at bedtime after a day of comparing myself to other moms|8"
)

# The words of running and races, as they would appear in a prompt ("runs" as a noun only: "the
# account runs low" is not about running).
RUN_WORDS='\b(run|running|ran|runner|race|races|parkrun|miles|jog|jogging)\b|\b([0-9]+|your|the|all|solo) runs\b'

t_a_week_without_a_run_never_speaks_of_running_or_races() {
    local day=16 night text intensity strategies=() prompts said
    for night in "${NIGHTS[@]}"; do
        text=${night%|*} intensity=${night##*|}
        export GUILT_NOW=2026-11-${day}T21:00
        guilt log "$text" -i "$intensity" -w "2026-11-$day 20:00" 2>/dev/null || fail "cannot log"
        if ((day % 2 == 0)); then
            guilt deposit 20m "a walk alone" -w "2026-11-$day 12:00" 2>/dev/null || fail "cannot deposit"
        fi
        # Everything that fired tonight, not only what the text view shows.
        expect_exit 0 guilt reflect --json --no-input --all
        prompts=$(jq '.prompts | length' <<<"$out")
        ((prompts > 0)) || fail "no prompt on 2026-11-$day: her other prompts should still come"
        strategies+=($(jq -r '.prompts[].strategy' <<<"$out"))
        # Her own words may be quoted (between double quotes); everything else is guilt's.
        said=$(jq -r '.prompts[] | .title, .message, .question' <<<"$out" | sed -E 's/"[^"]*"//g')
        if grep -Eiq "$RUN_WORDS" <<<"$said"; then
            fail "2026-11-$day: a prompt speaks of running to a mother who never ran: $(grep -Ei "$RUN_WORDS" <<<"$said" | head -3)"
        fi
        for strategy in community better-mom; do
            expect_not_contains " $(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out") " " $strategy " \
                "the strategies of 2026-11-$day"
        done
        # The night as she reads it, which records what she was shown: its lines joined (a quote
        # of her words may wrap), without the "idea:" lines, which name where an idea comes from.
        expect_exit 0 guilt reflect --no-input
        said=$(grep -v '^ *idea: ' <<<"$out" | tr '\n' ' ' | tr -s ' ' | sed -E 's/"[^"]*"//g')
        grep -Eiq "$RUN_WORDS" <<<"$said" && fail "2026-11-$day: the text view speaks of running"
        day=$((day + 1))
    done
    # Her guilt about her own time was answered as such during the week.
    expect_contains " ${strategies[*]} " " example " "the strategies of the week"
}

t_a_single_run_logged_brings_the_running_prompts_back() {
    # The control: the same comparison, once she has logged runs alone.
    guilt run 5k 31:00 -w "2026-11-20 07:00" 2>/dev/null || fail "cannot log a run"
    guilt run 4k 25:00 -w "2026-11-24 07:00" 2>/dev/null || fail "cannot log a run"
    guilt log "Other moms at the school gate all seem to have it together and I'm the only one struggling" \
        -i 6 -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_contains " $(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out") " " community "
}

t_a_runner_before_her_first_race_hears_nothing_of_races() {
    # Week 2 of couch-to-5k: five easy runs alone, none a race, none with the kids.
    local d
    for d in 14 16 19 21 24; do
        guilt run 3k 25:00 --type easy -w "2026-11-$d 06:30" 2>/dev/null || fail "cannot log a run"
    done
    # Guilt about missed family time, which "the kids took part in none" answers (stock_lines_test).
    guilt log "Missed family dinner again" -i 5 -w "2026-11-26 08:00" 2>/dev/null ||
        fail "cannot log"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_contains " $(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out") " " example " \
        "tonight's strategies (the kids have not been part of a run)"
    local said
    said=$(jq -r '.prompts[] | .title, .message, .question' <<<"$out" | sed -E 's/"[^"]*"//g')
    if grep -Eiq '\b(race|races|race day|finish line|medal)\b' <<<"$said"; then
        fail "a prompt speaks of races before she ran one: $(grep -Ei 'race|finish line' <<<"$said" | head -3)"
    fi
    # Once a race is in her journal, races may be named again.
    guilt run 5k 33:00 --type race -w "2026-11-25 09:00" 2>/dev/null || fail "cannot log a race"
    expect_exit 0 guilt reflect --json --no-input --all
    expect_jq '[.prompts[] | select(.strategy == "example")] | length' '1'
}

run_tests
