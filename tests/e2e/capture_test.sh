# SPDX-License-Identifier: MIT
# cli.md "Capture": run, engage, deposit, priority and motto, each checked through guilt's own
# --json output.
source "$(dirname "$0")/lib.sh"

# ---- run ---------------------------------------------------------------------------------------

t_run_reads_every_distance_form() {
    local row
    for row in "5k|5000" "5km|5000" "10000m|10000" "3.1mi|4989" "half|21098" "marathon|42195" \
        "5K|5000" "0.5mi|805"; do
        expect_exit 0 guilt --json run "${row%|*}"
        expect_jq '.distance_m | round' "${row#*|}"
    done
}

t_run_reads_every_duration_form() {
    local row
    for row in "28:30|1710" "1:45:00|6300" "45m|2700" "1h5m|3900" "2h|7200"; do
        expect_exit 0 guilt --json run 10k "${row%|*}"
        expect_jq '.duration_s' "${row#*|}"
    done
    expect_exit 0 guilt --json run 10k
    expect_jq '.duration_s' 'null'
}

t_run_shows_pace_per_km_or_per_mile_as_typed() {
    expect_exit 0 guilt run 5k 28:30
    expect_contains "$err" "5:42 /km" "confirmation of a run in km"
    expect_exit 0 guilt run 3.1mi 30:00
    expect_contains "$err" "9:41 /mi" "confirmation of a run in miles"
    expect_exit 0 guilt run 10000m 50:00
    expect_contains "$err" "5:00 /km" "confirmation of a run in meters"
    expect_exit 0 guilt show 1
    expect_contains "$out" "5:42 /km" "show of a run in km"
    expect_exit 0 guilt show 2
    expect_contains "$out" "9:41 /mi" "show of a run in miles"
    expect_exit 0 guilt list
    expect_contains "$out" "5:42 /km" "list"
    expect_contains "$out" "9:41 /mi" "list"
}

t_run_stores_company_feeling_type_and_note() {
    expect_exit 0 guilt --json run 5k 28:30
    expect_jq '[.type, .with, .felt, .kind, .note]' '["run",["solo"],null,null,null]'
    expect_exit 0 guilt --json run half 2:05:00 --with moms --with kids --felt 8 --type race \
        --note "stroller most of the way"
    expect_jq '[.with, .felt, .kind, .note]' '[["moms","kids"],8,"race","stroller most of the way"]'
    local who kind
    for who in solo moms friends kids partner club; do
        expect_exit 0 guilt --json run 5k --with "$who"
        expect_jq '.with' "[\"$who\"]"
    done
    for kind in easy long race workout; do
        expect_exit 0 guilt --json run 5k --type "$kind"
        expect_jq '.kind' "\"$kind\""
    done
    list_json --type run
    expect_jq 'length' '12'
}

# ---- engage and deposit ------------------------------------------------------------------------

t_engage_stores_minutes_kids_child_led_and_note() {
    expect_exit 0 guilt --json engage 20m -k Sam -k Theo --child-led --note "lego castle"
    expect_jq '[.type, .minutes, .kids, .child_led, .note]' \
        '["engage",20,["Sam","Theo"],true,"lego castle"]'
    expect_exit 0 guilt --json engage 1h30m
    expect_jq '[.minutes, .kids, .child_led, .note]' '[90,[],false,null]'
    expect_exit 0 guilt --json engage 45:00 --kid Eleanor -w "today 4pm"
    expect_jq '[.minutes, .kids, .at]' '[45,["Eleanor"],"2026-11-26T16:00:00-05:00"]'
}

t_deposit_stores_its_duration_and_words() {
    expect_exit 0 guilt --json deposit 30m coffee with Jess
    expect_jq '[.type, .minutes, .text]' '["deposit",30,"coffee with Jess"]'
    expect_exit 0 guilt --json deposit nap
    expect_jq '[.minutes, .text]' '[null,"nap"]'
    expect_exit 0 guilt --json deposit 1h book club "#me-time"
    expect_jq '[.minutes, .text, .tags]' '[60,"book club #me-time",["me-time"]]'
    expect_exit 0 guilt --json deposit "1h5m" "yoga, then a bath"
    expect_jq '[.minutes, .text]' '[65,"yoga, then a bath"]'
    refused 2 "TEXT" -- guilt deposit 30m
}

t_deposit_reads_a_leading_duration_written_with_spaces() {
    local row
    for row in "30 min nap|30|nap" "1 h nap|60|nap" "1 hour 20 min book club|80|book club" \
        "45 minutes coffee with Jess|45|coffee with Jess" "2 hours 5 mins long bath|125|long bath"; do
        # Each word a separate argument, as the shell passes them.
        # shellcheck disable=SC2086
        expect_exit 0 guilt --json deposit ${row%%|*}
        local rest=${row#*|}
        expect_jq '[.minutes, .text]' "[${rest%%|*},\"${rest#*|}\"]"
    done
    # A number without a unit is part of her words.
    expect_exit 0 guilt --json deposit 2 chapters of my book
    expect_jq '[.minutes, .text]' '[null,"2 chapters of my book"]'
}

t_deposit_refuses_a_duration_out_of_range_instead_of_saving_it_as_text() {
    refused 2 "DURATION" "25h" "24 h" -- guilt deposit 25h nap
    refused 2 "DURATION" "30 hours" "24 h" -- guilt deposit 30 hours of sleep
    refused 2 "DURATION" "0m" -- guilt deposit 0m nap
}

t_run_refuses_an_implausible_distance_or_pace_naming_the_range() {
    refused 2 "DISTANCE" "500k" "100 m to 400 km" -- guilt run 500k 20:00
    refused 2 "DURATION" "9:00" "pace" "2:00 /km" "30:00 /km" -- guilt run 10k 9:00
    refused 2 "DURATION" "5:00:00" "pace" "30:00 /km" -- guilt run 5k 5:00:00
    refused 2 "DURATION" "pace" "/mi" -- guilt run 3.1mi 4:00
    expect_exit 0 guilt --json run marathon 2:01:09
    expect_jq '.duration_s' '7269'
}

t_run_with_a_space_inside_the_distance_is_read_as_typed() {
    # Issue 20: a distance and its unit apart are read as she meant them, not refused.
    expect_exit 0 guilt --json run 5 k 28:30
    expect_jq '[.distance_m, .duration_s]' '[5000,1710]'
    expect_exit 0 guilt --json run 3.1 mi
    expect_jq '.distance_m' '4988.9664'
    refused 2 "run takes DISTANCE [DURATION]" "extra" -- guilt run 5k 28:30 extra
}

# ---- priorities and mottos ---------------------------------------------------------------------

t_priorities_are_added_ranked_moved_and_done() {
    expect_exit 0 guilt --json priority add Kids
    expect_jq '[.id, .rank, .title, .until, .done]' '[1,1,"Kids",null,false]'
    expect_exit 0 guilt priority add "Marathon training" --until 2027-04-20
    expect_exit 0 guilt priority add Health --rank 1
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | [.title, .rank]]' '[["Health",1],["Kids",2],["Marathon training",3]]'
    expect_jq '.[2].until' '"2027-04-20"'

    expect_exit 0 guilt priority move 1 1
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | [.title, .rank]]' '[["Kids",1],["Health",2],["Marathon training",3]]'

    expect_exit 0 guilt --json priority done 3
    expect_jq '[.title, .done]' '["Health",true]'
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | select(.done | not) | [.title, .rank]]' '[["Kids",1],["Marathon training",2]]'

    expect_exit 0 guilt priority list
    expect_contains "$out" "1. Kids" "priority list"
    expect_contains "$out" "2. Marathon training" "priority list"
    expect_not_contains "$out" "Health" "priority list"
}

t_priorities_are_renamed_and_removed_and_ids_are_not_reused() {
    expect_exit 0 guilt priority add Kids
    expect_exit 0 guilt priority add Work
    expect_exit 0 guilt priority add Sleep
    expect_exit 0 guilt --json priority rename 2 Work, "4 days"
    expect_jq '[.id, .rank, .title]' '[2,2,"Work, 4 days"]'
    expect_exit 0 guilt priority remove 1
    expect_contains "$err" "Kids" "confirmation"
    expect_exit 0 guilt --json priority list
    expect_jq '[.[] | [.id, .rank, .title]]' '[[2,1,"Work, 4 days"],[3,2,"Sleep"]]'
    expect_exit 0 guilt priority remove 3
    expect_exit 0 guilt --json priority add Health
    expect_jq '[.id, .rank]' '[4,2]'
    refused 2 "ID" "3" -- guilt priority rename 3 Nap
    refused 2 "ID" "9" -- guilt priority remove 9
    refused 2 "TITLE" -- guilt priority rename 2 " "
}

t_motto_is_set_kept_as_history_and_printed() {
    expect_exit 0 guilt motto
    expect_eq "" "$out" "stdout without a motto"
    expect_exit 0 guilt motto "You're a good mom."
    GUILT_NOW=2026-11-26T21:30 expect_exit 0 guilt motto Good enough is good.
    GUILT_NOW=2026-11-26T21:45 expect_exit 0 guilt motto
    expect_eq "Good enough is good." "$out" "the motto"
    GUILT_NOW=2026-11-26T21:45 expect_exit 0 guilt --json motto
    expect_jq '.motto.text' '"Good enough is good."'
    expect_jq '[.history[].text]' '["You'"'"'re a good mom.","Good enough is good."]'
    refused 2 "TEXT" -- guilt motto "   "
}

run_tests
