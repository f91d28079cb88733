# SPDX-License-Identifier: MIT
# Names are data (issue 19): a kid name or a tag that reads as shell code is completed quoted, in
# real bash, zsh and fish at a terminal (tmux), so that pressing Enter after Tab runs nothing,
# expands nothing, and guilt receives the name as it is. And a name planted by another program
# with control characters is never offered raw.
source "$(dirname "$0")/lib.sh"

# Kid names that are shell code, each starting with a character of its own, and the entry that
# names each: "kid entry 1" ... "kid entry 6". Each payload creates a file named pwned...
HOSTILE_KIDS=('$(touch${IFS}pwned1)' '`touch${IFS}pwned2`' 'x;touch${IFS}pwned3' 'w>pwned4' '*'
    "o'neil")

# Tags can only be letters, digits, - and _ when she types them; these, lower case as tags are,
# are planted by another program ("tag entry 1" and "tag entry 2").
HOSTILE_TAGS=('t$(touch>pwned5)' 'u;touch>pwned6')

seed_hostile() {
    local i
    for i in "${!HOSTILE_KIDS[@]}"; do
        guilt log "kid entry $((i + 1))" -k "${HOSTILE_KIDS[i]}" 2>/dev/null ||
            fail "cannot name the kid ${HOSTILE_KIDS[i]}"
    done
    guilt log "decoy entry" -k Anna 2>/dev/null || fail "cannot seed"
    for i in "${!HOSTILE_TAGS[@]}"; do
        guilt log "tag entry $((i + 1))" -t "plain$i" 2>/dev/null || fail "cannot seed"
        sqlite3 "$GUILT_DB" "UPDATE tags SET tag = '${HOSTILE_TAGS[i]}' WHERE tag = 'plain$i'" ||
            fail "cannot plant the tag ${HOSTILE_TAGS[i]}"
    done
    # A file for * to expand to, were it left unquoted.
    touch decoy
}

# ---- a shell at a terminal ---------------------------------------------------------------------

# Starts SHELL (bash, zsh or fish) interactively in a tmux window, in the test folder, with guilt
# on its PATH, the prompt "$ " and guilt's completion for that shell loaded as a user would.
start_shell() {
    local shell=$1
    need tmux
    need "$shell"
    mkdir -p bin && ln -sf "$GUILT_BIN" bin/guilt
    local cmd
    case $shell in
    bash)
        printf 'PS1="$ "\nsource <(guilt completions bash)\n' >bashrc
        cmd="bash --noprofile --rcfile $TEST_DIR/bashrc -i"
        ;;
    zsh)
        mkdir -p zdot
        guilt completions zsh >zdot/_guilt
        printf '%s\n' "PS1='$ '" "autoload -Uz compinit" "compinit -u -D" \
            "source $TEST_DIR/zdot/_guilt" >zdot/.zshrc
        cmd="env ZDOTDIR=$TEST_DIR/zdot zsh -i"
        ;;
    fish)
        mkdir -p "$XDG_CONFIG_HOME/fish/completions"
        guilt completions fish >"$XDG_CONFIG_HOME/fish/completions/guilt.fish"
        printf '%s\n' "set -g fish_greeting" "set -g fish_autosuggestion_enabled 0" \
            "function fish_prompt; echo -n '\$ '; end" >"$XDG_CONFIG_HOME/fish/config.fish"
        cmd="fish -i"
        ;;
    esac
    TMUX_SOCKET=$TEST_DIR/tmux.sock
    tmux -S "$TMUX_SOCKET" -f /dev/null new-session -d -s shell -x 200 -y 50 \
        "env PATH=$TEST_DIR/bin:$PATH LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=screen $cmd" ||
        fail "tmux cannot start $shell"
    wait_for_pane '^\$ ?$' "the $shell prompt"
}

stop_shell() { tmux -S "$TMUX_SOCKET" kill-server 2>/dev/null; }

pane() { tmux -S "$TMUX_SOCKET" capture-pane -p -t shell -S -1000; }

keys() { tmux -S "$TMUX_SOCKET" send-keys -t shell "$@" || fail "tmux send-keys $*"; }

# Waits (at most 20 s: the machine may be busy) until a line of the pane matches the extended
# regular expression PATTERN; WHAT names it in the failure.
wait_for_pane() {
    local tries=0
    until pane | grep -qE -- "$1"; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_shell; fail "the terminal never showed $2"; }
        sleep 0.05
    done
}

# Waits (as wait_for_pane) until the pane's last line that is not empty matches PATTERN.
wait_for_last_line() {
    local tries=0
    until pane | grep -v '^$' | tail -1 | grep -qE -- "$1"; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_shell; fail "the terminal never showed $2"; }
        sleep 0.05
    done
}

# The pane's last command line starting with "$ guilt", as shown, in $line, and its words read
# by POSIX sh rules (Python's shlex: nothing is run or expanded), one a line, in $words.
read_command_line() {
    line=$(pane | grep -E '^\$ guilt ' | tail -1)
    words=$("$PYTHON" -c 'import shlex, sys; print("\n".join(shlex.split(sys.argv[1][2:])))' \
        "$line" 2>/dev/null)
}

# Types `guilt list OPTION TYPED`, presses Tab, and waits until the command line holds NAME as
# one word, quoted (the raw name is not on the line); then presses Enter and waits until
# guilt has listed ENTRY, the entry naming it.
complete_and_run() {
    local option=$1 typed=$2 name=$3 entry=$4 tries=0 line words
    LAST_CMD="guilt list $option $typed<Tab><Enter>"
    keys C-u
    keys -l "guilt list $option $typed"
    keys Tab
    until read_command_line && [[ $words == "guilt"$'\n'"list"$'\n'"$option"$'\n'"$name" ]]; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_shell; fail "Tab did not complete [$name] as one word: [$line]"; }
        sleep 0.05
    done
    [[ $line != *" $name" ]] || { out=$(pane); stop_shell; fail "[$name] was inserted unquoted: [$line]"; }
    keys Enter
    # What the command printed: the lines after it.
    tries=0
    until pane | sed -n '/^\$ guilt /h; /^\$ guilt /!H; ${x;p}' | grep -q -- "$entry\$"; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_shell; fail "[$line] did not list [$entry]"; }
        sleep 0.05
    done
    # The shell's prompt is back (keys typed before it would be echoed ahead of it).
    wait_for_last_line '^\$ ?$' "the prompt after $LAST_CMD"
}

# The payloads ran nothing: no file named pwned... anywhere in the test folder.
expect_nothing_ran() {
    local ran
    ran=$(find "$TEST_DIR" -name 'pwned*' | head -3)
    [[ -z $ran ]] || { out=$(pane); stop_shell; fail "a name ran as shell code: $ran"; }
}

# Completes each hostile kid name and tag in SHELL and runs the line; then nothing ran and each
# name found its entry, so guilt received it as it is (an expanded * would name no kid).
complete_hostile_names_in() {
    local shell=$1
    seed_hostile
    start_shell "$shell"
    local typed=('\$' '\`' 'x' 'w' '\*' 'o') i
    for i in "${!HOSTILE_KIDS[@]}"; do
        complete_and_run --kid "${typed[i]}" "${HOSTILE_KIDS[i]}" "kid entry $((i + 1))"
    done
    # With a quote opened before Tab, the name is completed inside it.
    complete_and_run --kid "'\$(" "${HOSTILE_KIDS[0]}" "kid entry 1"
    # fish writes ' inside single quotes as \', which sh rules (and this test's reading) do not.
    [[ $shell == fish ]] || complete_and_run --kid "'o" "o'neil" "kid entry 6"
    complete_and_run --tag 't' "${HOSTILE_TAGS[0]}" "tag entry 1"
    complete_and_run --tag 'u' "${HOSTILE_TAGS[1]}" "tag entry 2"
    expect_nothing_ran
    out=$(pane)
    expect_not_contains "$out" "decoy entry" "what guilt listed (an expanded * or a wrong name)"
    expect_not_contains "$out" "is not a kid" "what guilt said"
    stop_shell
}

t_bash_completes_hostile_names_quoted_and_runs_nothing() { complete_hostile_names_in bash; }

t_zsh_completes_hostile_names_quoted_and_runs_nothing() { complete_hostile_names_in zsh; }

t_fish_completes_hostile_names_quoted_and_runs_nothing() { complete_hostile_names_in fish; }

# zsh offers her kid names at all (its completion function took compadd's -J as the kind).
t_zsh_offers_the_kid_names_of_the_journal() {
    guilt log "one" -k Eleanor 2>/dev/null && guilt log "two" -k Theo 2>/dev/null ||
        fail "cannot seed"
    start_shell zsh
    keys -l "guilt list --kid E"
    keys Tab
    wait_for_pane '^\$ guilt list --kid Eleanor ?$' "Eleanor completed"
    stop_shell
}

# ---- guilt complete: names planted with control characters --------------------------------------

t_complete_does_not_offer_names_holding_control_characters() {
    guilt log "one" -k Red 2>/dev/null && guilt log "two #plain" -k Sam 2>/dev/null &&
        guilt log "three" -k Newline 2>/dev/null || fail "cannot seed"
    sqlite3 "$GUILT_DB" "UPDATE kids SET name = 'R' || char(27) || '[31mred' WHERE name = 'Red';
        UPDATE kids SET name = 'N' || char(10) || 'touch' WHERE name = 'Newline';
        UPDATE tags SET tag = 'p' || char(27) || ']0;title' || char(7) WHERE tag = 'plain'" ||
        fail "cannot plant"
    expect_exit 0 guilt complete kids
    expect_eq "Sam" "$out" "the kids offered"
    expect_exit 0 guilt complete tags p
    expect_eq "" "$out" "the tags offered"
    expect_exit 0 guilt --json complete kids
    expect_jq '.' '["Sam"]'
}

run_tests
