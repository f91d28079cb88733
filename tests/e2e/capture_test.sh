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
