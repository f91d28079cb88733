# SPDX-License-Identifier: MIT
# cli.md "Reading and changing": list (newest first, every filter) and show, checked through
# list --json and show --json.
source "$(dirname "$0")/lib.sh"

# ---- list --------------------------------------------------------------------------------------

t_list_shows_entries_newest_first() {
    seed_week
    list_json
    expect_eq "6 5 4 3 2 1 7" "$(ids)" "ids, newest first"
    expect_jq '[.[0] | keys_unsorted[0:4][]]' '["id","uuid","type","at"]'
    expect_exit 0 guilt list
    # One header line, then one line per entry in the same order.
    local lines
    mapfile -t lines <<<"$out"
    expect_eq 8 "${#lines[@]}" "lines of guilt list"
    expect_contains "${lines[1]}" "Bedtime story" "first row"
    expect_contains "${lines[2]}" "dinner" "second row"
    expect_contains "${lines[4]}" "Theo" "fourth row"
    expect_contains "${lines[5]}" "5:42 /km" "fifth row"
    expect_contains "${lines[7]}" "Shouted" "last row"
}

t_list_filters_by_time_type_tag_kid_words_and_count() {
    seed_week
    local rows=(
        "--since 2026-11-25|6 5 4"
        "--until 2026-11-24|3 2 1 7"
        "--since 2026-11-24 --until 2026-11-25|5 4 3 2"
        "--since 2026-11-24T12:00|6 5 4 3"
        "--until 2026-11-23T07:30|7"
        "--since yesterday|6 5 4"
        "--since mon --until mon|1 7"
        "--type guilt|6 5 1 7"
        "--type run|2"
        "--type engage|3"
        "--type deposit|4"
        "--type reflection|"
        "--type GUILT|6 5 1 7"
        "--tag school|6 1"
        "--tag SCHOOL|6 1"
        "--tag #work|5"
        "--tag none|"
        "--kid theo|5 3"
        "--kid SAM|1"
        "--kid @Sam|1"
        "--kid Nobody|"
        "--contains dinner|5"
        "--contains school|6 1"
        "--contains lego|3"
        "--contains nothing-here|"
        "-n 2|6 5"
        "-n 100|6 5 4 3 2 1 7"
        "--type guilt --tag school -n 1|6"
        "--type guilt --since 2026-11-24 --kid theo|5"
    )
    local row args
    for row in "${rows[@]}"; do
        read -ra args <<<"${row%|*}"
        list_json "${args[@]}"
        expect_eq "${row#*|}" "$(ids)" "ids of guilt list ${row%|*}"
    done
    list_json --since "2d ago"
    expect_eq "6 5 4" "$(ids)" "ids of guilt list --since '2d ago'"
    # Words with spaces, quotes and full-text syntax are plain words.
    list_json --contains "SCHOOL play"
    expect_eq "6" "$(ids)" "ids of --contains 'SCHOOL play'"
    list_json --contains "story bedtime"
    expect_eq "6" "$(ids)" "ids of --contains 'story bedtime'"
    list_json --contains 'pickup "'
    expect_eq "1" "$(ids)" "ids of --contains 'pickup \"'"
    list_json --contains 'NEAR(shoes shouted)'
    expect_eq "" "$(ids)" "ids of --contains NEAR(...)"
    list_json --contains 'dinner OR nap'
    expect_eq "" "$(ids)" "ids of --contains 'dinner OR nap'"
}

t_list_of_an_empty_journal_says_so() {
    expect_exit 0 guilt list
    expect_eq "" "$out" "stdout"
    [[ -n $err ]] || fail "nothing said on stderr"
    list_json
    expect_eq "[]" "$out" "guilt --json list"
    seed_week
    expect_exit 0 guilt list --type reflection
    expect_eq "" "$out" "stdout"
}

# ---- show --------------------------------------------------------------------------------------

t_show_prints_one_entry_in_full() {
    seed_week
    list_json
    local listed
    listed=$(jq -c '.[] | select(.id == 2)' <<<"$out")
    expect_exit 0 guilt --json show 2
    expect_one_json_document
    expect_eq "$listed" "$(jq -c . <<<"$out")" "show --json 2 against list --json"
    expect_jq '[.id, .type, .distance_m, .duration_s, .with]' '[2,"run",5000,1710,["moms"]]'

    expect_exit 0 guilt show 1
    expect_contains "$out" "Missed #school pickup @Sam" "show 1"
    expect_contains "$out" "2026-11-23T08:00:00-05:00" "show 1"
    expect_contains "$out" "7" "show 1"
    expect_contains "$out" "#school" "show 1"
    expect_contains "$out" "Sam" "show 1"
    expect_exit 0 guilt show 3
    expect_contains "$out" "20 min" "show 3"
    expect_contains "$out" "lego" "show 3"
}

run_tests
