#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The crisis line on a heavy night is the one of her country: her `country` setting, else the
# country of her time zone, else an international directory; reflect's --help and the manual
# name them too, from data/helplines.json (checked by hand, with its sources).
source "$(dirname "$0")/lib.sh"

# A moment whose words carry hopelessness, at 20:00 tonight in her zone (TZ), an hour before now.
heavy_night() {
    guilt log "I feel hopeless, they would be better off without me" -i 9 \
        -w "2026-11-26 20:00" 2>/dev/null || fail "cannot log"
}

# The support line of tonight's reflection in her zone (TZ), as JSON prints it, after a heavy
# moment logged in that zone.
support_line() {
    heavy_night
    expect_exit 0 guilt reflect --json --no-input
    expect_jq 'has("support")' 'true'
    jq -r .support <<<"$out"
}

t_her_time_zone_names_her_countrys_line() {
    local line
    TZ=Europe/London line=$(support_line)
    expect_contains "$line" "in the UK, Samaritans: call 116 123"
    expect_not_contains "$line" "988"
    TZ=Africa/Johannesburg line=$(support_line)
    expect_contains "$line" "0800 567 567"
    TZ=Australia/Sydney line=$(support_line)
    expect_contains "$line" "13 11 14"
    TZ=America/Toronto line=$(support_line)
    expect_contains "$line" "in Canada"
    TZ=Asia/Kolkata line=$(support_line)
    expect_contains "$line" "14416"
}

t_her_country_setting_wins_over_the_time_zone() {
    expect_exit 0 guilt config set country es
    expect_exit 0 guilt config get country
    expect_eq "ES" "$out" "the stored country"
    local line
    line=$(support_line)
    expect_contains "$line" "in Spain"
    expect_contains "$line" "024"
    expect_not_contains "$line" "988"
}

t_a_zone_of_no_country_points_to_the_international_directory() {
    local line
    TZ=UTC line=$(support_line)
    expect_contains "$line" "findahelpline.com"
    expect_not_contains "$line" "988"
    # A country the table does not hold: the directory, not another country's number.
    expect_exit 0 guilt config set country IS
    line=$(support_line)
    expect_contains "$line" "findahelpline.com"
}

t_a_country_that_is_not_a_code_is_refused() {
    refused 2 "country" "Britain" -- guilt config set country Britain
    refused 2 "country" "G1" -- guilt config set country G1
}

t_the_terminal_shows_the_line_once_above_the_prompts() {
    export TZ=Europe/Dublin
    heavy_night
    expect_exit 0 guilt reflect --no-input
    local before_prompts
    before_prompts=$(sed -n '/^1\. /q;p' <<<"$out" | tr '\n' ' ')
    expect_contains "$before_prompts" "in Ireland, Samaritans Ireland: call 116 123"
    expect_eq 1 "$(grep -c "116 123" <<<"$out")" "lines naming the number"
}

t_reflect_help_names_her_zones_line() {
    TZ=Europe/London expect_exit 0 guilt reflect --help
    expect_contains "$out" "116 123"
    expect_not_contains "$out" "988"
    TZ=Pacific/Auckland expect_exit 0 guilt reflect --help
    expect_contains "$out" "1737"
}

t_the_manual_lists_the_line_of_every_country_with_its_date() {
    TZ=America/New_York expect_exit 0 guilt manpage
    local page=$out
    expect_contains "$page" ".SH CRISIS LINES"
    expect_contains "$page" "Checked 2026-12-06"
    local code want
    # The countries the support line must know at least, with a number of each.
    for want in "US:988" "CA:988" "GB:116 123" "IE:116 123" "AU:13 11 14" "NZ:1737" \
        "ZA:0800 567 567" "IN:14416" "ES:024" "MX:800 911 2000" "DE:0800 111 0 111" \
        "FR:3114" "NL:113"; do
        code=${want%%:*}
        grep -A1 -x "$code" <<<"$page" | grep -q -F "${want#*:}" ||
            fail "the manual's line for $code does not name ${want#*:}"
    done
    expect_contains "$page" "findahelpline.com"
}

t_every_line_in_the_data_carries_its_sources() {
    local data=$GUILT_SOURCE_DIR/data/helplines.json
    out=$(cat "$data")
    expect_jq '.checked' '"2026-12-06"'
    expect_jq '[.countries[] | (.sources | length) > 0 and (.source_pages | length) > 0] | all' 'true'
    expect_jq '[.countries[] | (.zones | length) > 0] | all' 'true'
}

run_tests
