# SPDX-License-Identifier: MIT
# Helpers for the e2e tests that need a real terminal: guilt in a tmux window on a private server,
# keys sent to it, and waits on what the window shows. Sourced after lib.sh.

# Starts COMMAND (guilt and its arguments) in a tmux window WIDTH columns wide, on a private
# server, with a UTF-8 locale. The pane stays after the command ends, to be read.
start_in_tmux() {
    need tmux
    local width=$1
    shift
    TMUX_SOCKET=$TEST_DIR/tmux.sock
    printf 'set -g remain-on-exit on\nset -g history-limit 5000\n' >"$TEST_DIR/tmux.conf"
    local cmd
    cmd=$(printf '%q ' env LANG=C.UTF-8 LC_ALL=C.UTF-8 "$GUILT_BIN" "$@")
    tmux -S "$TMUX_SOCKET" -f "$TEST_DIR/tmux.conf" new-session -d -s guilt -x "$width" -y 50 \
        "$cmd" || fail "tmux cannot start"
}

stop_tmux() { tmux -S "$TMUX_SOCKET" kill-server 2>/dev/null; }

# What the pane shows, history included, lines as displayed.
pane() { tmux -S "$TMUX_SOCKET" capture-pane -p -t guilt -S -500; }

# Waits (at most 20 s, then goes on) until guilt is reading a line: libedit holds the terminal
# in raw mode (-icanon) only while it reads one. Keys sent before that, while the next prompt is
# still being written, meet the terminal's cooked mode, which echoes them and hands them over
# later (a slow machine, the sanitizer build, made the test fail that way).
wait_for_reading() {
    local tty tries=0
    tty=$(tmux -S "$TMUX_SOCKET" display -p -t guilt '#{pane_tty}')
    until [[ $(stty -a -F "$tty" 2>/dev/null) == *-icanon* ]]; do
        tries=$((tries + 1))
        ((tries < 400)) || return 0
        sleep 0.05
    done
}

keys() {
    wait_for_reading
    tmux -S "$TMUX_SOCKET" send-keys -t guilt "$@" || fail "tmux send-keys $*"
}

# Types TEXT as it is, character by character.
type_text() { keys -l "$1"; }

# Waits until the pane shows TEXT (at most 20 s: the machine may be busy).
wait_for() {
    local tries=0
    until [[ $(pane) == *"$1"* ]]; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_tmux; fail "the terminal never showed [$1]"; }
        sleep 0.05
    done
}

# Waits until the pane shows TEXT COUNT times.
wait_for_count() {
    local text=$1 count=$2 tries=0
    until [[ $(pane | grep -cF -- "$text") -ge $count ]]; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_tmux; fail "the terminal never showed [$text] $count times"; }
        sleep 0.05
    done
}

# Waits until the command in the pane has ended.
wait_for_end() {
    local tries=0
    until [[ $(tmux -S "$TMUX_SOCKET" display -p -t guilt '#{pane_dead}') == 1 ]]; do
        tries=$((tries + 1))
        ((tries < 400)) || { out=$(pane); stop_tmux; fail "guilt did not end"; }
        sleep 0.05
    done
}
