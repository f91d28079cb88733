# SPDX-License-Identifier: MIT
# Issue 19: reflect records a prompt as shown only when she was shown it (cli.md "Reflection"):
# an interactive session records the prompts it asked, the text view the prompts it printed;
# --json records nothing unless --record is given; a run with nothing new to record writes
# nothing, and one that cannot record still shows the night.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tmux.sh"

# Thursday night fires more prompts than the three a person is shown.
seed_long_night() {
    seed_hard_night
    expect_exit 0 guilt reflect --json --no-input
    read -ra fired <<<"$(jq -r '[.prompts[].strategy] | join(" ")' <<<"$out")"
    [[ ${#fired[@]} -gt 3 ]] || fail "the seed should fire more than three prompts, got ${fired[*]}"
}

# The strategies recorded as shown for Thursday, in the order of the prompts, on one line.
recorded() {
    sqlite3 "$GUILT_DB" "SELECT strategy FROM showings WHERE day = '2026-11-26'" |
        while read -r s; do
            for i in "${!fired[@]}"; do [[ ${fired[$i]} == "$s" ]] && echo "$i $s"; done
        done | sort -n | cut -d' ' -f2 | paste -sd' '
}

# What guilt week says of Thursday's reflection.
week_reflected() {
    expect_exit 0 guilt --json week
    jq -c '[.days[] | select(.date == "2026-11-26") | .reflected]' <<<"$out"
}

t_json_records_nothing() {
    seed_long_night
    expect_exit 0 guilt reflect --json
    expect_exit 0 guilt --json reflect --no-input --all
    expect_eq "" "$(recorded)" "prompts recorded as shown"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM showings')" "showings"
    expect_eq "[false]" "$(week_reflected)" "week's reflected for Thursday"
}

# The text view records what it printed, wherever it goes (a terminal, --no-input, a pipe to
# her pager or a file: the shared scenarios record earlier nights so), never the prompts ranked
# below the ones printed.
t_the_text_view_records_only_the_prompts_it_printed() {
    seed_long_night
    expect_exit 0 on_terminal --stdout -- "$GUILT_BIN" reflect
    expect_eq "${fired[*]:0:3}" "$(recorded)" "prompts recorded after the top three were printed"
    expect_eq "[true]" "$(week_reflected)" "week's reflected for Thursday"
    sqlite3 "$GUILT_DB" "DELETE FROM showings"
    expect_exit 0 guilt reflect --no-input
    expect_eq "${fired[*]:0:3}" "$(recorded)" "prompts recorded by --no-input into a pipe"
    expect_exit 0 guilt reflect --no-input --all
    expect_eq "${fired[*]}" "$(recorded)" "prompts recorded by --all"
}

t_the_same_view_again_writes_nothing() {
    seed_long_night
    expect_exit 0 guilt reflect --no-input
    local before
    sqlite3 "$GUILT_DB" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
    before=$(fingerprint "$GUILT_DB")
    expect_exit 0 guilt reflect --no-input
    expect_eq "$before" "$(fingerprint "$GUILT_DB")" "the journal after the same view again"
    expect_eq 0 "$(stat -c %s "$GUILT_DB-wal" 2>/dev/null || echo 0)" "the log after the same view again"
}

t_record_records_what_the_human_view_shows() {
    seed_long_night
    expect_exit 0 guilt reflect --json --no-input --record
    expect_eq "${fired[*]:0:3}" "$(recorded)" "prompts recorded by --json --record"
    expect_exit 0 guilt reflect --no-input --all --record
    expect_eq "${fired[*]}" "$(recorded)" "prompts recorded by --all --record"
}

t_reflect_works_on_a_journal_it_cannot_write() {
    modes_bind || skip "root cannot drop its power over file modes here (setpriv)"
    seed_long_night
    chmod 0400 "$GUILT_DB"
    chmod 0500 "$(dirname "$GUILT_DB")"
    expect_exit 0 as_owner_only guilt --json reflect --no-input
    expect_jq '.prompts | length' "${#fired[@]}"
    expect_exit 0 as_owner_only guilt reflect --no-input
    expect_contains "$out" "1. "
    expect_contains "$err" "was not recorded"
    chmod 0700 "$(dirname "$GUILT_DB")"
    expect_eq 0 "$(sqlite3 "$GUILT_DB" 'SELECT count(*) FROM showings')" "showings"
}

t_a_session_stopped_at_the_first_prompt_records_only_that_one() {
    seed_long_night
    start_in_tmux 100 reflect
    wait_for "1. "
    keys C-d
    wait_for_end
    stop_tmux
    expect_eq "${fired[0]}" "$(recorded)" "prompts recorded after Ctrl-D at the first prompt"
}

run_tests
