# SPDX-License-Identifier: MIT
# cli.md "Times": every WHEN form, the future refused, and entries keeping their offset.
# "Now" is Thursday 2026-11-26 21:00 in New York (-05:00).
source "$(dirname "$0")/lib.sh"

# WHEN as typed, and the instant stored.
WHENS=(
    "now|2026-11-26T21:00:00-05:00"
    "today|2026-11-26T12:00:00-05:00"
    "yesterday|2026-11-25T12:00:00-05:00"
    "mon|2026-11-23T12:00:00-05:00"
    "monday|2026-11-23T12:00:00-05:00"
    "Monday|2026-11-23T12:00:00-05:00"
    "last mon|2026-11-23T12:00:00-05:00"
    "fri|2026-11-20T12:00:00-05:00"
    "yesterday 6pm|2026-11-25T18:00:00-05:00"
    "yesterday 6:30pm|2026-11-25T18:30:00-05:00"
    "mon 18:30|2026-11-23T18:30:00-05:00"
    "tue 06:05|2026-11-24T06:05:00-05:00"
    "last tuesday 7am|2026-11-24T07:00:00-05:00"
    "today 6pm|2026-11-26T18:00:00-05:00"
    "6pm|2026-11-26T18:00:00-05:00"
    "6:30pm|2026-11-26T18:30:00-05:00"
    "18:30|2026-11-26T18:30:00-05:00"
    "06:05|2026-11-26T06:05:00-05:00"
    "20m ago|2026-11-26T20:40:00-05:00"
    "2h ago|2026-11-26T19:00:00-05:00"
    "3d ago|2026-11-23T21:00:00-05:00"
    "2026-11-25|2026-11-25T12:00:00-05:00"
    "2026-11-25 18:00|2026-11-25T18:00:00-05:00"
    "2026-11-25T18:00|2026-11-25T18:00:00-05:00"
    "2026-11-25T18:00-08:00|2026-11-25T18:00:00-08:00"
    "2026-11-25 18:00+01:00|2026-11-25T18:00:00+01:00"
    "2026-07-04 09:00|2026-07-04T09:00:00-04:00"
    "2026-11-20 07:00 +01:00|2026-11-20T07:00:00+01:00"
    "2026-11-25 18:00 -08:00|2026-11-25T18:00:00-08:00"
    "yesterday at 6pm|2026-11-25T18:00:00-05:00"
    "mon at 18:30|2026-11-23T18:30:00-05:00"
    "last night|2026-11-25T21:00:00-05:00"
)

t_every_when_form_gives_the_expected_instant() {
    local row
    for row in "${WHENS[@]}"; do expect_exit 0 guilt log "${row%%|*}" -w "${row%%|*}"; done
    list_json
    local got want
    got=$(jq -r '.[] | "\(.text)|\(.at)"' <<<"$out" | sort)
    want=$(printf '%s\n' "${WHENS[@]}" | sort)
    [[ $got == "$want" ]] || fail "WHEN|stored instant, expected < got >:
$(diff <(echo "$want") <(echo "$got"))"
}

t_a_weekday_time_still_ahead_today_is_refused_not_moved_a_week_back() {
    # "Now" is Thursday 21:00: "thursday 10pm" is tonight, in the future; last week's is asked for.
    refused 2 "--when" "thursday 10pm" "in the future" "last thursday 10pm" -- \
        guilt log "x" -w "thursday 10pm"
    expect_exit 0 guilt --json log "x" -w "last thursday 10pm"
    expect_jq '.at' '"2026-11-19T22:00:00-05:00"'
    expect_exit 0 guilt --json log "x" -w "thu 8pm"
    expect_jq '.at' '"2026-11-26T20:00:00-05:00"'
}

t_a_date_with_month_and_day_in_either_order_is_refused_with_the_iso_form() {
    refused 2 "--when" "11/05/2026" "2026-11-05" "2026-05-11" -- guilt log "x" -w "11/05/2026"
    refused 2 "--when" "25/11/2026" "2026-11-25" -- guilt log "x" -w "25/11/2026 18:00"
    refused 2 "--when" "11/05" "2026-11-05" -- guilt log "x" -w "11/05"
    refused 2 "--until" "2027-04-20" -- guilt priority add Marathon --until 04/20/2027
}

t_when_works_on_every_capture_command() {
    expect_exit 0 guilt --json log "x" -w "yesterday 6pm"
    expect_jq '.at' '"2026-11-25T18:00:00-05:00"'
    expect_exit 0 guilt --json log "x" --when "yesterday 6pm"
    expect_jq '.at' '"2026-11-25T18:00:00-05:00"'
    expect_exit 0 guilt --json run 5k -w "mon 7am"
    expect_jq '.at' '"2026-11-23T07:00:00-05:00"'
    expect_exit 0 guilt --json engage 20m --when "2h ago"
    expect_jq '.at' '"2026-11-26T19:00:00-05:00"'
    expect_exit 0 guilt --json deposit 30m nap -w "today 2pm"
    expect_jq '.at' '"2026-11-26T14:00:00-05:00"'
}

t_a_when_in_the_future_is_refused() {
    expect_exit 0 guilt log "already here"
    local when
    for when in "9:30pm" "21:01" "2026-11-27" "2026-11-26 21:30" "2026-11-26T22:00" \
        "2026-11-26T21:00-06:00" "2027-01-01"; do
        refused 2 "--when" "$when" -- guilt log "x" -w "$when"
    done
    refused 2 "--when" "2026-11-27" -- guilt run 5k -w "2026-11-27"
    refused 2 "--when" "23:00" -- guilt engage 20m -w "23:00"
    refused 2 "--when" "tomorrow" -- guilt deposit 30m nap -w "tomorrow"
}

t_a_when_guilt_cannot_read_is_refused() {
    local when
    for when in "soon" "25:00" "6:75pm" "2026-02-30" "2026-13-01" "mon 25:00" "3x ago" \
        "2026-11-25T18:00+25:00" "yesterday at noon-ish" "" " "; do
        refused 2 "--when" "\"$when\"" -- guilt log "x" -w "$when"
    done
    expect_eq "(no journal at $GUILT_DB)" "$(dump)" "journal"
}

t_an_entry_keeps_its_offset_and_local_day_when_she_travels() {
    expect_exit 0 guilt log "late in New York" -w "2026-11-25 23:30"
    # In Paris, that moment is already Thursday; the entry still belongs to Wednesday.
    export TZ=Europe/Paris GUILT_NOW=2026-11-27T10:00
    expect_exit 0 guilt log "morning in Paris" -w "2026-11-27 08:00"
    list_json
    expect_jq '[.[].at]' '["2026-11-27T08:00:00+01:00","2026-11-25T23:30:00-05:00"]'
    list_json --since 2026-11-25 --until 2026-11-25
    expect_jq '[.[].text]' '["late in New York"]'
    list_json --since 2026-11-26 --until 2026-11-26
    expect_jq 'length' '0'
    expect_exit 0 guilt list
    expect_contains "$out" "2026-11-25  23:30" "list in Paris"
}

t_a_day_alone_in_list_means_the_whole_day() {
    expect_exit 0 guilt log "early" -w "2026-11-25 00:05"
    expect_exit 0 guilt log "late" -w "2026-11-25 23:55"
    expect_exit 0 guilt log "next" -w "2026-11-26 00:05"
    list_json --since 2026-11-25 --until 2026-11-25
    expect_jq '[.[].text]' '["late","early"]'
    list_json --since yesterday --until yesterday
    expect_jq '[.[].text]' '["late","early"]'
    list_json --since wed --until wed
    expect_jq '[.[].text]' '["late","early"]'
    list_json --since "2026-11-25 12:00" --until "2026-11-26 00:05"
    expect_jq '[.[].text]' '["next","late"]'
    list_json --since today
    expect_jq '[.[].text]' '["next"]'
}

run_tests
