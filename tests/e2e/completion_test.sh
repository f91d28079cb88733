# SPDX-License-Identifier: MIT
# What is generated from the command definitions: the shell completions (bash run for real, zsh
# and fish syntax-checked when installed), the hidden `guilt complete`, the manual, and the
# examples at the end of every command's --help.
source "$(dirname "$0")/lib.sh"

# Loads the bash completion into this shell.
load_bash_completion() {
    source <(guilt completions bash) || fail "the bash completion does not load"
}

# Completes LINE as bash would with the cursor at its end; the candidates, sorted, one line, in
# $out.
#   complete_line "guilt run 5k --with "
complete_line() {
    local line=$1
    LAST_CMD="<TAB> after [$line]"
    read -ra COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _guilt guilt "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    out=$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' ')
}

# Every command path ("log", "priority add", ...), from the completion's own tables.
command_paths() {
    local REPLY queue=("") path sub
    while [[ ${#queue[@]} -gt 0 ]]; do
        path=${queue[0]}
        queue=("${queue[@]:1}")
        [[ -n $path ]] && echo "$path"
        _guilt_commands "$path"
        for sub in $REPLY; do queue+=("${path:+$path }$sub"); done
    done
}

# ---- bash ---------------------------------------------------------------------------------------

t_bash_completion_is_registered_for_guilt() {
    load_bash_completion
    expect_eq "complete -F _guilt guilt" "$(complete -p guilt)" "complete -p guilt"
}

t_bash_completes_commands() {
    load_bash_completion
    complete_line "guilt l"
    expect_eq "list log" "$out"
    complete_line "guilt priority "
    expect_eq "add done list move remove rename" "$out"
    complete_line "guilt "
    for cmd in log run engage deposit priority motto list show edit delete reflect backup doctor \
        config completions; do
        [[ " $out " == *" $cmd "* ]] || fail "guilt <TAB> does not offer $cmd: $out"
    done
    expect_not_contains " $out " " complete " "guilt <TAB> (hidden commands)"
    expect_not_contains " $out " " manpage " "guilt <TAB> (hidden commands)"
}

t_bash_completes_options_with_the_global_ones() {
    load_bash_completion
    complete_line "guilt log --"
    for opt in --intensity --tag --kid --when --help --json --db --no-color; do
        [[ " $out " == *" $opt "* ]] || fail "guilt log --<TAB> does not offer $opt: $out"
    done
    complete_line "guilt run 5k --f"
    expect_eq "--felt" "$out"
}

t_bash_completes_the_values_of_enumerated_options() {
    load_bash_completion
    complete_line "guilt run 5k --with "
    expect_eq "club friends kids moms partner solo" "$out"
    complete_line "guilt run 5k 28:30 --with moms --with p"
    expect_eq "partner" "$out"
    complete_line "guilt run 5k --type "
    expect_eq "easy long race workout" "$out"
    complete_line "guilt edit 3 --type "
    expect_eq "easy long race workout" "$out"
    complete_line "guilt list --type "
    expect_eq "deposit engage guilt reflection run win" "$out"
    complete_line "guilt week --format "
    expect_eq "html json md text" "$out"
    complete_line "guilt export --format "
    expect_eq "csv json md" "$out"
    complete_line "guilt completions "
    expect_eq "bash fish zsh" "$out"
    complete_line "guilt config set "
    expect_eq "country day-boundary intensity remind-at unit week-start" "$out"
    complete_line "guilt config get w"
    expect_eq "week-start" "$out"
    complete_line "guilt config set unit "
    expect_eq "" "$out" "(no values after the key's value)"
}

t_bash_completes_tags_and_kids_from_the_journal() {
    guilt log "Missed pickup #school @Sam" 2>/dev/null &&
        guilt log "Screens all afternoon #screens #schedule @Theo" 2>/dev/null &&
        guilt engage 20m -k Eleanor 2>/dev/null || fail "cannot seed"
    load_bash_completion
    complete_line "guilt log -t sc"
    expect_eq "schedule school screens" "$out"
    complete_line "guilt log --tag sch"
    expect_eq "schedule school" "$out"
    complete_line "guilt list --tag scr"
    expect_eq "screens" "$out"
    complete_line "guilt log -k "
    expect_eq "Eleanor Sam Theo" "$out"
    complete_line "guilt log \"Bedtime\" -i 4 -k th"
    expect_eq "Theo" "$out" "kids, ignoring case"
    complete_line "guilt engage 20m --kid E"
    expect_eq "Eleanor" "$out"
}

t_bash_completion_reads_the_journal_named_by_db() {
    guilt --db "$TEST_DIR/other.db" log "Late again #work" 2>/dev/null || fail "cannot seed"
    load_bash_completion
    complete_line "guilt --db $TEST_DIR/other.db log -t w"
    expect_eq "work" "$out"
    complete_line "guilt log -t w"
    expect_eq "" "$out" "tags of the default journal"
}

t_bash_completes_file_names_where_a_file_is_expected() {
    touch notes.json
    load_bash_completion
    complete_line "guilt import no"
    expect_eq "notes.json" "$out"
    complete_line "guilt export -o no"
    expect_eq "notes.json" "$out"
    complete_line "guilt --db no"
    expect_eq "notes.json" "$out"
}

# ---- guilt complete (hidden) --------------------------------------------------------------------

t_complete_prints_tags_and_kids_one_a_line() {
    guilt log "Missed pickup #school @Sam" 2>/dev/null &&
        guilt log "Yelled #screens @sam @Theo" 2>/dev/null || fail "cannot seed"
    expect_exit 0 guilt complete tags s
    expect_eq $'school\nscreens' "$out"
    expect_exit 0 guilt complete tags "#sc"
    expect_eq $'school\nscreens' "$out"
    expect_exit 0 guilt complete kids S
    expect_eq "Sam" "$out"
    expect_exit 0 guilt complete kids
    expect_eq $'Sam\nTheo' "$out"
    refused 2 "pets" -- guilt complete pets
}

t_complete_on_a_missing_journal_prints_nothing_and_creates_nothing() {
    expect_exit 0 guilt complete tags
    expect_eq "" "$out"
    [[ ! -e $GUILT_DB ]] || fail "the journal was created"
}

t_hidden_commands_stay_out_of_help() {
    expect_exit 0 guilt --help
    expect_not_contains "$out" "complete "
    expect_not_contains "$out" "manpage"
    expect_contains "$out" "completions"
}

# Prefix queries use the indexes, so completion stays fast on a big journal.
t_tag_and_kid_prefix_queries_use_their_indexes() {
    guilt log "one #school @Sam" 2>/dev/null || fail "cannot seed"
    local plan
    plan=$(sqlite3 "$GUILT_DB" "EXPLAIN QUERY PLAN SELECT DISTINCT tag FROM tags
        WHERE tag >= 'sc' AND tag < 'sc' || char(1114111) ORDER BY tag LIMIT 200")
    expect_contains "$plan" "USING COVERING INDEX tags_by_tag (tag>? AND tag<?)" "tags query plan"
    plan=$(sqlite3 "$GUILT_DB" "EXPLAIN QUERY PLAN SELECT name FROM kids
        WHERE name >= 'th' AND name < 'th' || char(1114111) ORDER BY name LIMIT 200")
    expect_contains "$plan" "(name>? AND name<?)" "kids query plan"
}

# ---- zsh and fish -------------------------------------------------------------------------------

t_zsh_completion_is_valid_zsh() {
    expect_exit 0 guilt completions zsh
    expect_contains "$out" "#compdef guilt"
    expect_contains "$out" "(solo moms friends kids partner club)"
    expect_contains "$out" "_guilt_journal tags"
    need zsh
    printf '%s\n' "$out" >_guilt
    zsh -n _guilt 2>"$TEST_DIR/.zsh" || fail "zsh -n: $(cat "$TEST_DIR/.zsh")"
}

t_fish_completion_is_valid_fish() {
    expect_exit 0 guilt completions fish
    expect_contains "$out" "complete -c guilt"
    expect_contains "$out" "solo moms friends kids partner club"
    need fish
    printf '%s\n' "$out" >guilt.fish
    fish -n guilt.fish 2>"$TEST_DIR/.fish" || fail "fish -n: $(cat "$TEST_DIR/.fish")"
}

t_completions_refuses_an_unknown_shell() {
    refused 2 "SHELL" "tcsh" -- guilt completions tcsh
}

# ---- the manual ---------------------------------------------------------------------------------

t_the_manual_renders_without_warnings_and_covers_every_command() {
    expect_exit 0 guilt manpage
    printf '%s\n' "$out" >guilt.1
    load_bash_completion
    local path
    while read -r path; do
        grep -q "^\.SS \"guilt ${path//-/\\\\-}[ \"]" guilt.1 || fail "no section for guilt $path"
    done < <(command_paths)
    for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS WHEN FILES ENVIRONMENT \
        "EXIT STATUS" EXAMPLES NOTES; do
        grep -q "^\.SH $section\$" guilt.1 || fail "no $section section"
    done
    for variable in GUILT_DB GUILT_NOW XDG_DATA_HOME XDG_CONFIG_HOME NO_COLOR VISUAL EDITOR TZ; do
        grep -q "$variable" guilt.1 || fail "ENVIRONMENT does not name $variable"
    done
    need man
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l guilt.1 >rendered.txt 2>warnings.txt
    [[ ! -s warnings.txt ]] || fail "man --warnings: $(head -5 warnings.txt)"
    grep -q "journal, not therapy" rendered.txt || fail "the NOTES line is missing"
}

t_the_built_manual_and_completions_match_the_binary() {
    local build
    build=$(dirname "$GUILT_BIN")
    [[ -f $build/guilt.1 ]] || skip "no guilt.1 beside the binary (built without the docs target)"
    [[ $build/guilt.1 -nt $GUILT_BIN ]] || skip "guilt.1 is older than the binary (built without all)"
    # TZ=UTC, as the build makes it: reflect's help names the line of the zone it runs in.
    cmp -s "$build/guilt.1" <(TZ=UTC guilt manpage) || fail "build/guilt.1 differs from guilt manpage"
    for shell in bash zsh fish; do
        local file=$build/completions/guilt.$shell
        [[ $shell == zsh ]] && file=$build/completions/_guilt
        cmp -s "$file" <(guilt completions $shell) || fail "$file differs from guilt completions $shell"
    done
}

# ---- help ---------------------------------------------------------------------------------------

t_every_command_help_ends_with_examples() {
    load_bash_completion
    local path examples
    while read -r path; do
        read -ra words <<<"$path"
        expect_exit 0 guilt "${words[@]}" --help
        [[ $out == *$'\nExamples:\n  guilt '* ]] || fail "guilt $path --help has no Examples: section"
        examples=${out##*$'\nExamples:\n'}
        [[ $(grep -c '^  guilt ' <<<"$examples") -ge 2 ]] ||
            fail "guilt $path --help: fewer than two examples"
    done < <(command_paths)
}

run_tests
