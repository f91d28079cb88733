# SPDX-License-Identifier: MIT
# cli.md "Reading and changing", guilt kids: names compare by Unicode case folding and
# normalisation, keep their apostrophes and hyphens, and can be listed, renamed, merged, and
# said not to be kids.
source "$(dirname "$0")/lib.sh"

# The kids of the newest entry, as JSON.
newest_kids() {
    expect_exit 0 guilt --json list -n 1
    jq -c '.[0].kids' <<<"$out"
}

t_zoe_in_any_case_or_unicode_form_is_one_kid() {
    expect_exit 0 guilt log "first" -k Zoë
    expect_exit 0 guilt log "second" -k ZOË
    expect_exit 0 guilt log "third with @zoë"
    # "Zoë" typed as Z, o, e and a combining diaeresis (NFD), as some keyboards send it.
    expect_exit 0 guilt log "fourth" -k $'Zoe\xcc\x88'
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | [.name, .entries]]' '[["Zoë",4]]'
    list_json --kid ZOË
    expect_eq "4 3 2 1" "$(ids)" "entries for --kid ZOË"
    expect_jq '[.[].kids[0]] | unique' '["Zoë"]'
}

t_a_name_without_its_diaeresis_is_another_kid() {
    expect_exit 0 guilt log "with Zoë" -k Zoë
    expect_exit 0 guilt log "with @zoe"
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | [.name, .entries]] | sort' '[["Zoë",1],["zoe",1]]'
    list_json --kid Zoe
    expect_eq "2" "$(ids)" "--kid Zoe finds the kid she wrote as zoe"
    list_json --kid zoë
    expect_eq "1" "$(ids)" "--kid zoë finds Zoë"
}

t_one_entry_names_a_kid_once_however_she_spells_it() {
    expect_exit 0 guilt --json log "@ZOË and @zoë" -k Zoë
    expect_jq '.kids' '["ZOË"]'
    expect_exit 0 guilt --json kids
    expect_jq '.[0].entries' '1'
}

t_names_keep_apostrophes_and_hyphens_but_not_a_possessive() {
    expect_exit 0 guilt log "@D'Andre cried, @Mary-Kate laughed at @Sam's joke"
    expect_eq '["D'"'"'Andre","Mary-Kate","Sam"]' "$(newest_kids)" "kids"
    # The typographic apostrophe phones type names the same kid, in her first spelling.
    expect_exit 0 guilt log "@D’Andre’s shoes, @James' coat"
    expect_eq '["D'"'"'Andre","James"]' "$(newest_kids)" "kids with typographic apostrophes"
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | [.name, .entries]] | sort' '[["D'"'"'Andre",2],["James",1],["Mary-Kate",1],["Sam",1]]'
}

t_kids_lists_each_kid_with_counts_most_named_first() {
    expect_exit 0 guilt log "a @Sam" -w "2026-11-20 08:00"
    expect_exit 0 guilt log "b @Sam @Theo" -w "2026-11-25 08:00"
    expect_exit 0 guilt engage 20m -k theo -w "2026-11-24 16:00"
    expect_exit 0 guilt engage 30m -k Sam
    expect_exit 0 guilt kids
    expect_eq "Sam   3 entries  (last Nov 26, 2026)
Theo  2 entries  (last Nov 25, 2026)" "$out" "guilt kids"
    expect_exit 0 guilt --json kids
    expect_one_json_document
    expect_jq '.[1]' '{"name":"Theo","entries":2,"last":"2026-11-25T08:00:00-05:00"}'
}

t_kids_on_an_empty_journal_says_how_to_name_one() {
    expect_exit 0 guilt kids
    expect_eq "" "$out" "stdout"
    expect_contains "$err" "-k NAME" "hint"
    [[ ! -e $GUILT_DB ]] || fail "guilt kids created the journal"
}

t_rename_changes_every_entry_and_keeps_the_old_spelling() {
    expect_exit 0 guilt log "a @zoe"
    expect_exit 0 guilt engage 20m -k ZOE
    expect_exit 0 guilt kids rename zoe Zoé
    expect_contains "$err" "2 entries" "confirmation"
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | [.name, .entries]]' '[["Zoé",2]]'
    list_json
    expect_jq '[.[].kids[0]]' '["Zoé","Zoé"]'
    expect_jq '.[1].text' '"a @zoe"'
    # Her old spelling, written again, still names the same kid.
    expect_exit 0 guilt --json log "b @Zoe"
    expect_jq '.kids' '["Zoé"]'
    list_json --kid zoe
    expect_eq "3 2 1" "$(ids)" "--kid with the old spelling"
}

t_rename_is_refused_for_an_unknown_kid_or_a_name_taken_by_another() {
    expect_exit 0 guilt log "a @Sam @Theo"
    refused 2 "OLD" "Max" -- guilt kids rename Max Maxime
    refused 2 "NEW" "THEO" "merge" -- guilt kids rename Sam THEO
    refused 2 "NEW" -- guilt kids rename Sam "Sam Smith"
}

t_merge_makes_two_spellings_one_kid() {
    expect_exit 0 guilt log "a" -k Zoe
    expect_exit 0 guilt log "b" -k Zoë
    expect_exit 0 guilt log "c @Zoe and @Zoë"
    expect_exit 0 guilt kids merge Zoe Zoë
    expect_contains "$err" "2 entries moved" "confirmation"
    expect_exit 0 guilt --json kids
    expect_jq '[.[] | [.name, .entries]]' '[["Zoë",3]]'
    list_json
    expect_jq '[.[].kids]' '[["Zoë"],["Zoë"],["Zoë"]]'
    expect_exit 0 guilt --json log "d @ZOE"
    expect_jq '.kids' '["Zoë"]'
    refused 2 "FROM" "ZOE" -- guilt kids merge ZOE Zoë
    refused 2 "INTO" "Max" -- guilt kids merge Zoë Max
}

t_a_name_said_not_to_be_a_kid_stops_being_one() {
    expect_exit 0 guilt log "@Daniel cooked, @Sam ate"
    expect_exit 0 guilt engage 20m -k daniel
    expect_exit 0 guilt kids not-a-kid Daniel
    expect_contains "$err" "2 entries" "confirmation"
    list_json
    expect_jq '[.[].kids]' '[[],["Sam"]]'
    expect_jq '.[1].text' '"@Daniel cooked, @Sam ate"'
    expect_exit 0 guilt --json log "@Daniel did bedtime with @Sam"
    expect_jq '.kids' '["Sam"]'
    expect_exit 0 guilt --json kids
    expect_jq '[.[].name]' '["Sam"]'
    expect_exit 0 guilt kids
    expect_contains "$err" "Not kids: Daniel" "guilt kids"
    refused 2 "--kid" "DANIEL" "is-a-kid" -- guilt log "x" -k DANIEL
    refused 2 "NAME" "daniel" "already" -- guilt kids not-a-kid daniel
}

t_is_a_kid_gives_back_the_links_her_words_make() {
    expect_exit 0 guilt log "@Daniel cooked"
    expect_exit 0 guilt kids not-a-kid Daniel
    expect_exit 0 guilt log "@daniel again"
    expect_exit 0 guilt kids is-a-kid daniel
    list_json
    expect_jq '[.[].kids]' '[["Daniel"],["Daniel"]]'
    refused 2 "NAME" "Sam" -- guilt kids is-a-kid Sam
}

run_tests
