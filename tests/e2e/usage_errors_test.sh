# SPDX-License-Identifier: MIT
# cli.md "exit codes" and "errors": bad input (a bad value for any flag, an unknown option,
# command or id, a missing argument) exits 2 with one line on stderr naming the field and the
# value, and leaves the journal exactly as it was.
source "$(dirname "$0")/lib.sh"

t_bad_values_for_capture_flags_are_refused_and_change_nothing() {
    seed_one_of_each
    refused 2 "--intensity" "0" -- guilt log "x" -i 0
    refused 2 "--intensity" "11" -- guilt log "x" -i 11
    refused 2 "--intensity" "abc" -- guilt log "x" --intensity abc
    refused 2 "--intensity" "5.5" -- guilt log "x" -i 5.5
    refused 2 "--when" "tomorrow" -- guilt log "x" -w tomorrow
    refused 2 "--when" "2027-01-01" -- guilt log "x" -w 2027-01-01
    refused 2 "--tag" "a b" -- guilt log "x" -t "a b"
    refused 2 "--kid" '""' -- guilt log "x" -k ""
    refused 2 "DISTANCE" "5q" -- guilt run 5q
    refused 2 "DISTANCE" "0k" -- guilt run 0k
    refused 2 "DISTANCE" "far" -- guilt run far 28:30
    refused 2 "DURATION" "abc" -- guilt run 5k abc
    refused 2 "DURATION" "0:00" -- guilt run 5k 0:00
    refused 2 "DURATION" "28:75" -- guilt run 5k 28:75
    refused 2 "--with" "dog" -- guilt run 5k --with dog
    refused 2 "--with" "solo" -- guilt run 5k --with solo --with moms
    refused 2 "--felt" "11" -- guilt run 5k --felt 11
    refused 2 "--felt" "0" -- guilt run 5k --felt 0
    refused 2 "--type" "slow" -- guilt run 5k --type slow
    refused 2 "DURATION" "abc" -- guilt engage abc
    refused 2 "DURATION" "0m" -- guilt engage 0m
    refused 2 "DURATION" "25h" -- guilt engage 25h
    refused 2 "--kid" '""' -- guilt engage 20m -k ""
    refused 2 "--rank" "0" -- guilt priority add Work --rank 0
    refused 2 "--rank" "abc" -- guilt priority add Work --rank abc
    refused 2 "--rank" "5" -- guilt priority add Work --rank 5
    refused 2 "--until" "2027-02-30" -- guilt priority add Work --until 2027-02-30
    refused 2 "TITLE" -- guilt priority add "  "
}

t_bad_values_for_list_flags_are_refused() {
    seed_one_of_each
    refused 2 "--type" "walk" -- guilt list --type walk
    refused 2 "--since" "garbage" -- guilt list --since garbage
    refused 2 "--until" "garbage" -- guilt list --until garbage
    refused 2 "--since" "tomorrow" -- guilt list --since tomorrow
    refused 2 "-n" "0" -- guilt list -n 0
    refused 2 "-n" "abc" -- guilt list -n abc
    refused 2 "--tag" '""' -- guilt list --tag ""
}

t_an_unknown_or_malformed_id_is_refused() {
    seed_one_of_each
    refused 2 "ID" "99" -- guilt show 99
    refused 2 "ID" "99" -- guilt edit 99 -i 3
    refused 2 "ID" "99" -- guilt delete 99 --yes
    refused 2 "ID" "abc" -- guilt show abc
    refused 2 "ID" "abc" -- guilt delete abc --yes
    refused 2 "ID" "0" -- guilt edit 0 -i 3
    refused 2 "ID" "99" -- guilt priority move 99 1
    refused 2 "ID" "99" -- guilt priority done 99
    refused 2 "RANK" "3" -- guilt priority move 1 3
}

t_options_of_another_entry_type_are_refused_by_edit() {
    seed_one_of_each
    refused 2 "--felt" "3" -- guilt edit 1 --felt 3
    refused 2 "--distance" "5k" -- guilt edit 1 --distance 5k
    refused 2 "--intensity" "3" -- guilt edit 2 -i 3
    refused 2 "--child-led" -- guilt edit 2 --child-led
    refused 2 "--intensity" "11" -- guilt edit 1 -i 11
    refused 2 "DISTANCE" "far" -- guilt edit 2 --distance far
    refused 2 "--with" "dog" -- guilt edit 2 --with dog
    refused 2 "--when" "tomorrow" -- guilt edit 3 -w tomorrow
}

t_unknown_options_commands_and_missing_arguments_are_refused() {
    seed_one_of_each
    refused 2 "--bogus" -- guilt log "x" --bogus
    refused 2 "--felt" -- guilt log "x" --felt 3
    refused 2 "frobnicate" -- guilt frobnicate
    refused 2 "--intensity" -- guilt log "x" -i
    refused 2 "--with" -- guilt run 5k --with
    refused 2 "distance" -- guilt run
    refused 2 "duration" -- guilt engage
    refused 2 "id" -- guilt show
    refused 2 "id" -- guilt delete --yes
    refused 2 "rank" -- guilt priority move 1
    refused 2 "subcommand" -- guilt priority
    refused 2 "walk" -- guilt priority walk
}

t_a_value_holding_a_newline_still_gives_one_error_line() {
    seed_one_of_each
    local nl=$'a\nb'
    refused 2 "--intensity" -- guilt log "x" -i "$nl"
    refused 2 "--tag" -- guilt log "x" -t "$nl"
    refused 2 "--kid" -- guilt log "x" -k "$nl"
    refused 2 "--when" -- guilt log "x" -w "$nl"
    refused 2 "DISTANCE" -- guilt run "$nl"
    refused 2 "--with" -- guilt run 5k --with "$nl"
    refused 2 "--type" -- guilt run 5k --type "$nl"
    refused 2 "--type" -- guilt list --type "$nl"
    refused 2 "ID" -- guilt show "$nl"
    refused 2 "not a guilt command" -- guilt "$nl"
    refused 2 "not a guilt priority command" -- guilt priority "$nl"
    refused 2 "--fo" -- guilt log "x" "--fo$nl"
    refused 2 "TEXT" -- guilt log $'a control character \x01 is not text'
}

t_a_refused_command_does_not_create_the_journal() {
    refused 2 "--intensity" "11" -- guilt log "x" -i 11
    refused 2 "DISTANCE" "5q" -- guilt run 5q
    refused 2 "DURATION" "abc" -- guilt engage abc
    refused 2 "--rank" "2" -- guilt priority add Kids --rank 2
    refused 2 "ID" "1" -- guilt show 1
    refused 2 "ID" "1" -- guilt delete 1 --yes
    [[ ! -e $(dirname "$GUILT_DB") ]] || fail "a refused command created $(dirname "$GUILT_DB")"
}

run_tests
