#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# guilt remind hook (issue 22), for real: the snippet in her rc file, in bash, zsh and fish
# running in tmux. The line comes once at the prompt on an evening she has not reflected, not
# again at the next prompt, and a guilt installed under a hostile path runs as itself.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/tmux.sh"

# guilt copied to a folder whose name is shell code, as the hook's snippet names it.
hostile_guilt() {
    HOSTILE_DIR="$TEST_DIR/a\\b it's \$(touch PWNED) \`touch PWNED\` ;touch PWNED"
    mkdir -p "$HOSTILE_DIR"
    cp "$GUILT_BIN" "$HOSTILE_DIR/guilt"
    export GUILTBIN=$HOSTILE_DIR/guilt
    GUILT_NOW=2026-11-26T12:00 guilt log "Forgot the lunchbox" 2>/dev/null || fail "cannot seed"
}

# Starts SHELL_COMMAND... in a tmux window with the test's environment.
start_shell() {
    TMUX_SOCKET=$TEST_DIR/tmux.sock
    printf 'set -g remain-on-exit on\n' >"$TEST_DIR/tmux.conf"
    local cmd
    cmd=$(printf '%q ' env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color "$@")
    tmux -S "$TMUX_SOCKET" -f "$TEST_DIR/tmux.conf" new-session -d -s guilt -x 100 -y 40 \
        "$cmd" || fail "tmux cannot start"
}

# The line at the first prompt, not at the second, even with the timestamp gone (shown once).
expect_line_once() {
    local line="when you want it"
    wait_for "$line"
    wait_for_count "READY>" 1
    type_text 'rm -f -- "$XDG_CACHE_HOME/guilt/remind-checked"; echo CHECKED'
    keys Enter
    wait_for_count "READY>" 2
    out=$(pane)
    stop_tmux
    expect_eq 1 "$(grep -cF "$line" <<<"$out")" "times the line came"
    [[ -e $XDG_CACHE_HOME/guilt/remind-checked ]] || fail "the second prompt did not check again"
    expect_eq 700 "$(stat -c %a "$XDG_CACHE_HOME/guilt")" "the stamp's folder"
    [[ ! -e PWNED && ! -e $HOSTILE_DIR/PWNED ]] || fail "the path of guilt ran as shell code"
}

t_bash_hook_says_it_once() {
    need tmux
    hostile_guilt
    cat >"$TEST_DIR/bashrc" <<'SH'
PS1='READY> '
eval "$("$GUILTBIN" remind hook bash)"
SH
    start_shell bash --noprofile --rcfile "$TEST_DIR/bashrc" -i
    expect_line_once
}

t_zsh_hook_says_it_once() {
    need tmux
    need zsh
    hostile_guilt
    mkdir -p "$TEST_DIR/zdot"
    cat >"$TEST_DIR/zdot/.zshrc" <<'SH'
PS1='READY> '
eval "$("$GUILTBIN" remind hook zsh)"
SH
    ZDOTDIR=$TEST_DIR/zdot start_shell zsh -i
    expect_line_once
}

t_fish_hook_says_it_once() {
    need tmux
    need fish
    hostile_guilt
    mkdir -p "$XDG_CONFIG_HOME/fish"
    cat >"$XDG_CONFIG_HOME/fish/config.fish" <<'SH'
function fish_prompt; printf 'READY> '; end
function fish_greeting; end
"$GUILTBIN" remind hook fish | source
SH
    start_shell fish -i
    expect_line_once
}

t_the_hook_checks_at_most_every_few_minutes() {
    need tmux
    hostile_guilt
    # A check a moment ago (another shell's): this shell's prompt stays quiet and fast.
    mkdir -p -m 700 "$XDG_CACHE_HOME/guilt"
    date +%s >"$XDG_CACHE_HOME/guilt/remind-checked"
    cat >"$TEST_DIR/bashrc" <<'SH'
PS1='READY> '
eval "$("$GUILTBIN" remind hook bash)"
SH
    start_shell bash --noprofile --rcfile "$TEST_DIR/bashrc" -i
    wait_for_count "READY>" 1
    type_text 'echo DONE'
    keys Enter
    wait_for_count "READY>" 2
    out=$(pane)
    expect_not_contains "$out" "when you want it"
    [[ ! -e $GUILT_DB-remind ]] || { stop_tmux; fail "guilt ran within the few minutes"; }
    # Once those minutes are over (the timestamp gone), the next prompt asks and says it.
    type_text 'rm -f -- "$XDG_CACHE_HOME/guilt/remind-checked"'
    keys Enter
    wait_for "when you want it"
    stop_tmux
}

t_the_hook_is_silent_outside_the_evening() {
    need tmux
    hostile_guilt
    cat >"$TEST_DIR/bashrc" <<'SH'
PS1='READY> '
eval "$("$GUILTBIN" remind hook bash)"
SH
    GUILT_NOW=2026-11-26T15:00 start_shell bash --noprofile --rcfile "$TEST_DIR/bashrc" -i
    wait_for_count "READY>" 1
    [[ -e $XDG_CACHE_HOME/guilt/remind-checked ]] || fail "the prompt did not check"
    out=$(pane)
    stop_tmux
    expect_not_contains "$out" "when you want it"
    expect_not_contains "$out" "guilt:"
}

t_bash_hook_keeps_the_last_status_for_her_prompt() {
    need tmux
    hostile_guilt
    cat >"$TEST_DIR/bashrc" <<'SH'
PROMPT_COMMAND='LAST=$?'
PS1='READY[$LAST]> '
eval "$("$GUILTBIN" remind hook bash)"
SH
    GUILT_NOW=2026-11-26T15:00 start_shell bash --noprofile --rcfile "$TEST_DIR/bashrc" -i
    wait_for_count "READY" 1
    type_text 'false'
    keys Enter
    wait_for "READY[1]>"
    stop_tmux
}

run_tests
